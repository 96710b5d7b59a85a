package dev.debrief.domain.deal;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.VersionMismatch;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sales opportunity and how it ended. The aggregate holds the deal's fields, its outcome and the
 * current loss analysis; one version covers all of them, so one ETag guards every write.
 *
 * <p>Rules: vocabulary values are of the right kind and not newly archived; closing needs an open
 * deal ({@code deal.already-closed}); a LOST close needs a loss analysis
 * ({@code outcome.loss-analysis-required}); only a LOST deal has one
 * ({@code outcome.analysis-only-for-lost}); the closed date is not in the future
 * ({@code outcome.closed-date-in-future}); reopening needs a closed deal ({@code deal.not-closed}).
 */
public final class Deal {

    private final DealId id;
    private final WorkspaceId workspaceId;
    private DealDetails details;
    private Outcome outcome;
    private LocalDate closedOn;
    private LossAnalysis lossAnalysis;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;
    private PartnerSync partnerSync;
    private final DealId winBackOf;
    private final List<OutcomeChange> newOutcomeChanges = new ArrayList<>();
    private final List<LossAnalysis> supersededAnalyses = new ArrayList<>();

    private Deal(DealId id, WorkspaceId workspaceId, DealDetails details, Outcome outcome, LocalDate closedOn,
                 LossAnalysis lossAnalysis, Instant createdAt, Instant updatedAt, long version, PartnerSync partnerSync,
                 DealId winBackOf) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.details = Objects.requireNonNull(details);
        this.outcome = Objects.requireNonNull(outcome);
        this.closedOn = closedOn;
        this.lossAnalysis = lossAnalysis;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.partnerSync = partnerSync;
        this.winBackOf = winBackOf;
    }

    public static Deal open(WorkspaceId workspaceId, DealDetails details, Lookups lookups, Instant now) {
        checkVocabulary(details, null, lookups);
        return new Deal(DealId.newId(), workspaceId, withOwnerName(details, null, lookups), Outcome.OPEN, null, null,
                now, now, 0, null, null);
    }

    /**
     * A new OPEN deal that wins back this lost one, opened when a check-in found the buyer ready to talk
     * again: the same account, owner, team, segment, persona, lead source, amount and competitor; no
     * stage, pitch, risk tags or external reference yet (it is a new opportunity).
     */
    public Deal winBack(Instant now) {
        if (outcome != Outcome.LOST) {
            throw new StateConflict("deal.not-lost", "Only a LOST deal is won back; this one is " + outcome);
        }
        String name = "Win-back: " + details.name();
        DealDetails next = new DealDetails(name.length() > DealDetails.NAME_MAX ? name.substring(0, DealDetails.NAME_MAX) : name,
                details.account(), details.owner(), details.teamId(), details.amount(), null, details.segmentId(),
                details.personaId(), details.leadSourceId(), null, null, null, details.competitor(), null);
        return new Deal(DealId.newId(), workspaceId, next, Outcome.OPEN, null, null, now, now, 0, null, id);
    }

    public static Deal rehydrate(DealId id, WorkspaceId workspaceId, DealDetails details, Outcome outcome,
                                 LocalDate closedOn, LossAnalysis lossAnalysis, Instant createdAt, Instant updatedAt,
                                 long version) {
        return rehydrate(id, workspaceId, details, outcome, closedOn, lossAnalysis, createdAt, updatedAt, version, null,
                null);
    }

    public static Deal rehydrate(DealId id, WorkspaceId workspaceId, DealDetails details, Outcome outcome,
                                 LocalDate closedOn, LossAnalysis lossAnalysis, Instant createdAt, Instant updatedAt,
                                 long version, PartnerSync partnerSync, DealId winBackOf) {
        return new Deal(id, workspaceId, details, outcome, closedOn, lossAnalysis, createdAt, updatedAt, version,
                partnerSync, winBackOf);
    }

    /**
     * A deal a partner pushed for the first time. Its values are already resolved (see
     * {@link PartnerDealState}); a LOST one gets a partner analysis, COMPLETE or PENDING_TRIAGE.
     */
    public static Deal fromPartner(WorkspaceId workspaceId, PartnerDealState state, Lookups lookups, Instant now) {
        Deal deal = new Deal(DealId.newId(), workspaceId, state.details(), Outcome.OPEN, null, null, now, now, 0, null,
                null);
        deal.apply(state, deal.target(state, lookups, now), null, now);
        return deal;
    }

    /**
     * Applies a partner's state of this deal, if it is newer than the one the deal holds
     * ({@link SyncResult#STALE} otherwise; as old and equal is {@link SyncResult#UNCHANGED}).
     *
     * <p>Field ownership: the deal's fields and its outcome follow the partner's newest state
     * (ordered by occurredAt, not by ETag); risk tags are Debrief's own and stay. The loss analysis
     * follows the partner only while the partner wrote it: once it was written through Debrief's
     * analysis API ({@link AnalysisSource#DEBRIEF}), a push that keeps the deal LOST leaves it as it is.
     *
     * @return what happened and the names of the fields that changed
     */
    public Absorbed absorb(PartnerDealState state, Lookups lookups, Instant now) {
        Instant held = partnerSync == null ? null : partnerSync.occurredAt();
        Target target = target(state, lookups, now);
        boolean same = target.sameAs(this);
        if (held != null && !state.occurredAt().isAfter(held)) {
            return new Absorbed(state.occurredAt().equals(held) && same ? SyncResult.UNCHANGED : SyncResult.STALE, List.of());
        }
        if (same) {
            this.partnerSync = new PartnerSync(state.occurredAt(), target.unresolved);
            return new Absorbed(SyncResult.UNCHANGED, List.of());
        }
        return new Absorbed(SyncResult.UPDATED, apply(state, target, details, now));
    }

    /** What a partner state applied to this deal would make of it. */
    private Target target(PartnerDealState state, Lookups lookups, Instant now) {
        DealDetails next = new DealDetails(state.details().name(), state.details().account(), state.details().owner(),
                state.details().teamId(), state.details().amount(), state.details().stageId(),
                state.details().segmentId(), state.details().personaId(), state.details().leadSourceId(),
                state.details().pitchedAt(), state.details().pitchedTerm(), details.riskTags(),
                state.details().competitor(), state.reference());
        java.util.Map<TriageField, String> unresolved = new java.util.EnumMap<>(TriageField.class);
        unresolved.putAll(state.unresolved());
        LossAnalysis analysis = null;
        if (state.outcome() == Outcome.LOST) {
            boolean staysLost = outcome == Outcome.LOST && lossAnalysis != null;
            if (staysLost && lossAnalysis.source() == AnalysisSource.DEBRIEF) {
                analysis = lossAnalysis;
                unresolved.remove(TriageField.STAGE_LOST_AT);
            } else {
                try {
                    analysis = LossAnalysis.fromPartner(state.analysis(), lookups, staysLost ? lossAnalysis : null, now);
                } catch (DomainException e) {
                    throw e.nestedUnder("lossAnalysis");
                }
            }
        } else {
            unresolved.remove(TriageField.STAGE_LOST_AT);
        }
        return new Target(next, state.outcome(), state.closedOn(), analysis, unresolved);
    }

    /** Applies the target; {@code before} is null for a new deal, so every field it sets counts as changed. */
    private List<String> apply(PartnerDealState state, Target target, DealDetails before, Instant now) {
        List<String> changed = new ArrayList<>(target.details.changedSince(before));
        if (target.outcome != outcome) {
            if (outcome.closed()) {
                reopen(now);
            }
            if (target.outcome.closed()) {
                this.outcome = target.outcome;
                this.closedOn = target.closedOn;
                this.lossAnalysis = target.analysis;
                newOutcomeChanges.add(OutcomeChange.closed(outcome, closedOn,
                        lossAnalysis == null ? null : lossAnalysis.id(), now));
            }
            changed.add("outcome");
            changed.add("closedOn");
            if (target.analysis != null) {
                changed.add("lossAnalysis");
            }
        } else {
            if (!Objects.equals(target.closedOn, closedOn)) {
                this.closedOn = target.closedOn;
                changed.add("closedOn");
            }
            if (target.analysis == null ? lossAnalysis != null : !target.analysis.sameContentAs(lossAnalysis)) {
                this.lossAnalysis = target.analysis;
                changed.add("lossAnalysis");
            }
        }
        this.details = target.details;
        this.partnerSync = new PartnerSync(state.occurredAt(), target.unresolved);
        this.updatedAt = now;
        return List.copyOf(new java.util.LinkedHashSet<>(changed));
    }

    /** What {@link #absorb} did: the result and the fields it changed. */
    public record Absorbed(SyncResult result, List<String> changedFields) {
    }

    private record Target(DealDetails details, Outcome outcome, LocalDate closedOn, LossAnalysis analysis,
                          java.util.Map<TriageField, String> unresolved) {

        boolean sameAs(Deal deal) {
            boolean sameAnalysis = analysis == null ? deal.lossAnalysis == null
                    : analysis == deal.lossAnalysis || analysis.sameContentAs(deal.lossAnalysis);
            java.util.Map<TriageField, String> held = deal.partnerSync == null ? java.util.Map.of()
                    : deal.partnerSync.unresolved();
            return details.equals(deal.details) && outcome == deal.outcome && Objects.equals(closedOn, deal.closedOn)
                    && sameAnalysis && unresolved.equals(held);
        }
    }

    /** Optimistic concurrency: the client must have seen the current version. */
    public void requireVersion(long expected) {
        VersionMismatch.require(expected, version);
    }

    public void revise(DealDetails newDetails, Lookups lookups, Instant now) {
        checkVocabulary(newDetails, details, lookups);
        this.details = withOwnerName(newDetails, details, lookups);
        this.updatedAt = now;
        dropTriageOfFilledFields();
    }

    /** A field a member filled by hand no longer waits for a partner value's mapping. */
    private void dropTriageOfFilledFields() {
        if (partnerSync == null || partnerSync.unresolved().isEmpty()) {
            return;
        }
        java.util.Map<TriageField, String> pending = new java.util.EnumMap<>(TriageField.class);
        pending.putAll(partnerSync.unresolved());
        if (details.owner() != null) {
            pending.remove(TriageField.OWNER);
        }
        for (MappingKind kind : MappingKind.values()) {
            if (kind.vocabularyKind() != null && details.vocabulary(kind.vocabularyKind()) != null) {
                pending.remove(TriageField.valueOf(kind.name()));
            }
        }
        partnerSync = new PartnerSync(partnerSync.occurredAt(), pending);
    }

    /**
     * Resolves what of this deal waits on a new mapping: a pending owner or vocabulary value with the
     * mapping's text gets its target, and a PENDING_TRIAGE analysis whose partner text it names gets the
     * reason (and becomes COMPLETE if the loss rules now hold). Only pending data changes: a field a
     * member filled since keeps its value (its pending partner value is dropped).
     */
    public Reclassified applyMapping(PartnerMapping mapping, Lookups lookups, Instant now) {
        java.util.Map<TriageField, String> pending = new java.util.EnumMap<>(TriageField.class);
        if (partnerSync != null) {
            pending.putAll(partnerSync.unresolved());
        }
        List<String> changed = new ArrayList<>();
        boolean resolved = false;
        if (mapping.kind() == MappingKind.REASON && pendingAnalysis()
                && mapping.matches(lossAnalysis.partnerReasonText())) {
            List<dev.debrief.domain.taxonomy.LossReasonId> reasons = new ArrayList<>(lossAnalysis.reasonIdList());
            dev.debrief.domain.taxonomy.LossReasonId target = new dev.debrief.domain.taxonomy.LossReasonId(mapping.targetId());
            if (!reasons.contains(target)) {
                reasons.add(target);
            }
            changed.addAll(reanalyse(reasons, lossAnalysis.stageLostAtId(), lookups, now));
        }
        for (TriageField field : mapping.kind().triageFields()) {
            String raw = pending.get(field);
            if (raw == null || !mapping.matches(raw)) {
                continue;
            }
            pending.remove(field);
            resolved = true;
            if (field == TriageField.OWNER) {
                if (details.owner() == null) {
                    Member member = lookups.member(new MemberId(mapping.targetId())).orElse(null);
                    if (member != null && member.removedAt() == null) {
                        details = details.withOwner(new MemberRef(member.id().value(), member.displayName()));
                        changed.add("ownerId");
                    }
                }
            } else if (field == TriageField.STAGE_LOST_AT) {
                if (pendingAnalysis() && lossAnalysis.stageLostAtId() == null) {
                    changed.addAll(reanalyse(lossAnalysis.reasonIdList(), new VocabularyEntryId(mapping.targetId()),
                            lookups, now));
                }
            } else {
                VocabularyKind kind = mapping.kind().vocabularyKind();
                if (details.vocabulary(kind) == null) {
                    details = details.withVocabulary(kind, new VocabularyEntryId(mapping.targetId()));
                    changed.add(switch (kind) {
                        case TEAM -> "teamId";
                        case STAGE -> "stageId";
                        case SEGMENT -> "segmentId";
                        case PERSONA -> "personaId";
                        case LEAD_SOURCE -> "leadSourceId";
                    });
                }
            }
        }
        if (resolved || !changed.isEmpty()) {
            partnerSync = partnerSync == null ? null : new PartnerSync(partnerSync.occurredAt(), pending);
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return new Reclassified(List.copyOf(new java.util.LinkedHashSet<>(changed)), resolved || !changed.isEmpty());
    }

    private boolean pendingAnalysis() {
        return lossAnalysis != null && lossAnalysis.status() == AnalysisStatus.PENDING_TRIAGE;
    }

    private List<String> reanalyse(List<dev.debrief.domain.taxonomy.LossReasonId> reasons, VocabularyEntryId stageLostAt,
                                   Lookups lookups, Instant now) {
        LossAnalysis a = lossAnalysis;
        LossAnalysis next;
        try {
            next = LossAnalysis.fromPartner(new PartnerAnalysis(reasons, a.partnerReasonText(), stageLostAt, a.fit(),
                    a.competitor(), a.whatHappened()), lookups, a, now);
        } catch (DomainException e) {
            return List.of(); // e.g. the mapped reason was archived since: the analysis stays pending
        }
        if (next.sameContentAs(a)) {
            return List.of();
        }
        lossAnalysis = next;
        return List.of("lossAnalysis");
    }

    /** What {@link #applyMapping} did: the fields it changed, and whether the deal needs saving. */
    public record Reclassified(List<String> changedFields, boolean changedAnything) {
    }

    public void close(Outcome newOutcome, LocalDate closedDate, LossAnalysisDraft analysis, Lookups lookups,
                      LocalDate today, Instant now) {
        if (outcome.closed()) {
            throw new StateConflict("deal.already-closed",
                    "The deal is already closed as " + outcome + ": reopen it first");
        }
        if (newOutcome == null || newOutcome == Outcome.OPEN) {
            throw new RuleViolation("outcome.invalid", "outcome must be WON, LOST or NO_DECISION", "outcome");
        }
        if (closedDate == null) {
            throw new RuleViolation("value.required", "closedOn is required", "closedOn");
        }
        if (closedDate.isAfter(today)) {
            throw new RuleViolation("outcome.closed-date-in-future",
                    "closedOn " + closedDate + " is after today (" + today + ") in the workspace's time zone", "closedOn");
        }
        if (newOutcome == Outcome.LOST) {
            if (analysis == null) {
                throw new RuleViolation("outcome.loss-analysis-required",
                        "A LOST deal is closed together with its loss analysis", "lossAnalysis");
            }
            try {
                this.lossAnalysis = analyse(analysis, lookups, null, now);
            } catch (DomainException e) {
                throw e.nestedUnder("lossAnalysis");
            }
        } else if (analysis != null) {
            throw new RuleViolation("outcome.analysis-only-for-lost",
                    "Only a LOST deal has a loss analysis; a " + newOutcome + " deal has none", "lossAnalysis");
        }
        this.outcome = newOutcome;
        this.closedOn = closedDate;
        this.updatedAt = now;
        newOutcomeChanges.add(OutcomeChange.closed(newOutcome, closedDate,
                lossAnalysis == null ? null : lossAnalysis.id(), now));
    }

    /** Reopens a closed deal. Its analysis becomes history: the outcome history keeps it, the deal no longer has one. */
    public void reopen(Instant now) {
        if (!outcome.closed()) {
            throw new StateConflict("deal.not-closed", "The deal is open: only a closed deal can be reopened");
        }
        this.outcome = Outcome.OPEN;
        this.closedOn = null;
        if (lossAnalysis != null) {
            supersededAnalyses.add(lossAnalysis);
        }
        this.lossAnalysis = null;
        this.updatedAt = now;
        newOutcomeChanges.add(OutcomeChange.reopened(now));
    }

    public void amendLossAnalysis(LossAnalysisDraft draft, Lookups lookups, Instant now) {
        if (outcome != Outcome.LOST || lossAnalysis == null) {
            throw new StateConflict("deal.not-lost", "Only a LOST deal has a loss analysis to amend; this one is " + outcome);
        }
        this.lossAnalysis = analyse(draft, lookups, lossAnalysis, now);
        this.updatedAt = now;
    }

    private static LossAnalysis analyse(LossAnalysisDraft draft, Lookups lookups, LossAnalysis previous, Instant now) {
        return LossAnalysis.complete(draft, lookups, previous, now);
    }

    private static void checkVocabulary(DealDetails next, DealDetails current, Lookups lookups) {
        check(next.teamId(), current == null ? null : current.teamId(), VocabularyKind.TEAM, "teamId", lookups);
        check(next.stageId(), current == null ? null : current.stageId(), VocabularyKind.STAGE, "stageId", lookups);
        check(next.segmentId(), current == null ? null : current.segmentId(), VocabularyKind.SEGMENT, "segmentId", lookups);
        check(next.personaId(), current == null ? null : current.personaId(), VocabularyKind.PERSONA, "personaId", lookups);
        check(next.leadSourceId(), current == null ? null : current.leadSourceId(), VocabularyKind.LEAD_SOURCE,
                "leadSourceId", lookups);
    }

    /**
     * The owner must be a member of the workspace; their display name is copied in. A removed member
     * can't be made owner anew, but stays owner of the deals they had.
     */
    private static DealDetails withOwnerName(DealDetails next, DealDetails current, Lookups lookups) {
        MemberRef owner = next.owner();
        if (owner == null) {
            return next;
        }
        Member member = lookups.member(new MemberId(owner.id()))
                .orElseThrow(() -> new ReferenceNotFound("Member", owner.id(), "ownerId"));
        boolean held = current != null && current.owner() != null && current.owner().id().equals(owner.id());
        if (member.removedAt() != null && !held) {
            throw new RuleViolation("deal.owner-removed", "The member " + member.displayName()
                    + " was removed from the workspace and can't be given deals", "ownerId");
        }
        return next.withOwner(new MemberRef(owner.id(), member.displayName()));
    }

    private static void check(VocabularyEntryId next, VocabularyEntryId current, VocabularyKind kind, String field,
                              Lookups lookups) {
        if (next == null) {
            return;
        }
        lookups.vocabularyEntry(next)
                .orElseThrow(() -> new ReferenceNotFound(capitalised(kind.label()), next, field))
                .requireAssignable(kind, next.equals(current), field);
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** Analyses that stopped being current since this deal was loaded: the outcome history still cites them. */
    public List<LossAnalysis> supersededAnalyses() {
        return List.copyOf(supersededAnalyses);
    }

    /** Outcome changes made since this deal was loaded, for the repository to append. */
    public List<OutcomeChange> newOutcomeChanges() {
        return List.copyOf(newOutcomeChanges);
    }

    public DealId id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public DealDetails details() { return details; }
    public Outcome outcome() { return outcome; }
    public LocalDate closedOn() { return closedOn; }
    public LossAnalysis lossAnalysis() { return lossAnalysis; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    /** Null for a deal no partner ever pushed. */
    public PartnerSync partnerSync() { return partnerSync; }

    /** The lost deal this one wins back (null: not a win-back). */
    public DealId winBackOf() { return winBackOf; }
}
