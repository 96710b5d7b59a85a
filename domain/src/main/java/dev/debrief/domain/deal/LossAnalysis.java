package dev.debrief.domain.deal;

import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Why a deal was lost: a primary reason and contributing reasons from the taxonomy, each with a
 * decided controllability, the stage it was lost at, the fit, and what the team would do
 * differently. Immutable: an amendment makes a new value with the same id.
 *
 * <p>The rules, each with its code:
 * <ul>
 *   <li>{@code loss-analysis.primary-reason-required}: a complete analysis has a primary reason;</li>
 *   <li>{@code loss-analysis.reason-repeated}: a reason is not both primary and contributing, nor twice contributing;</li>
 *   <li>{@code loss-analysis.controllability-undecided}: a reason whose default is PARTLY needs an explicit yes/no;</li>
 *   <li>{@code loss-analysis.reason-archived}: archived reasons can't be chosen anew (they stay valid where already chosen);</li>
 *   <li>{@code loss-analysis.stage-lost-at-required} / {@code vocabulary.wrong-kind}: the stage lost at is a pipeline stage;</li>
 *   <li>{@code loss-analysis.fit-required}: the fit is always decided;</li>
 *   <li>{@code loss-analysis.competitor-required}: a loss with a COMPETITION reason names the competitor.</li>
 * </ul>
 */
public final class LossAnalysis {

    public static final int NOTE_MAX = 2000;
    public static final int TEXT_MAX = 10_000;
    public static final int MAX_CONTRIBUTING = 20;

    private final LossAnalysisId id;
    private final AnalysisStatus status;
    private final ReasonAssessment primaryReason;
    private final List<ReasonAssessment> contributingReasons;
    private final VocabularyEntryId stageLostAtId;
    private final Fit fit;
    private final String competitor;
    private final String whatHappened;
    private final String whatWeWouldDoDifferently;
    private final String partnerReasonText;
    private final AnalysisSource source;
    private final Instant createdAt;
    private final Instant updatedAt;

    private LossAnalysis(LossAnalysisId id, AnalysisStatus status, ReasonAssessment primaryReason,
                         List<ReasonAssessment> contributingReasons, VocabularyEntryId stageLostAtId, Fit fit,
                         String competitor, String whatHappened, String whatWeWouldDoDifferently,
                         String partnerReasonText, AnalysisSource source, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.status = Objects.requireNonNull(status);
        this.primaryReason = primaryReason;
        this.contributingReasons = List.copyOf(contributingReasons);
        this.stageLostAtId = stageLostAtId;
        this.fit = fit;
        this.competitor = competitor;
        this.whatHappened = whatHappened;
        this.whatWeWouldDoDifferently = whatWeWouldDoDifferently;
        this.partnerReasonText = partnerReasonText;
        this.source = Objects.requireNonNull(source);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * Applies the loss rules to a member's draft. {@code previous} is the analysis being amended
     * (null for a new one): reasons and the stage it already holds stay valid even if archived since.
     */
    static LossAnalysis complete(LossAnalysisDraft draft, Lookups lookups, LossAnalysis previous, Instant now) {
        if (draft.primaryReason() == null || draft.primaryReason().reasonId() == null) {
            throw new RuleViolation("loss-analysis.primary-reason-required",
                    "A lost deal needs a primary reason from the workspace's taxonomy", "primaryReason");
        }
        if (draft.contributingReasons().size() > MAX_CONTRIBUTING) {
            throw new RuleViolation("loss-analysis.too-many-reasons",
                    "At most " + MAX_CONTRIBUTING + " contributing reasons", "contributingReasons");
        }
        Set<Object> held = previous == null ? Set.of() : previous.reasonIds();
        Set<Object> seen = new HashSet<>();
        ReasonAssessment primary = assess(draft.primaryReason(), "primaryReason", lookups, held, seen);
        List<ReasonAssessment> contributing = new ArrayList<>();
        List<LossReason> reasons = new ArrayList<>();
        reasons.add(lookups.lossReason(primary.reasonId()).orElseThrow());
        for (int i = 0; i < draft.contributingReasons().size(); i++) {
            ReasonInput input = draft.contributingReasons().get(i);
            String field = "contributingReasons[" + i + "]";
            if (input == null || input.reasonId() == null) {
                throw new RuleViolation("value.required", field + ".reasonId is required", field + ".reasonId");
            }
            ReasonAssessment assessment = assess(input, field, lookups, held, seen);
            contributing.add(assessment);
            reasons.add(lookups.lossReason(assessment.reasonId()).orElseThrow());
        }

        if (draft.stageLostAtId() == null) {
            throw new RuleViolation("loss-analysis.stage-lost-at-required",
                    "stageLostAtId must name the pipeline stage the deal was lost at", "stageLostAtId");
        }
        VocabularyEntry stage = lookups.vocabularyEntry(draft.stageLostAtId())
                .orElseThrow(() -> new ReferenceNotFound("Pipeline stage", draft.stageLostAtId(), "stageLostAtId"));
        boolean stageHeld = previous != null && draft.stageLostAtId().equals(previous.stageLostAtId);
        stage.requireAssignable(VocabularyKind.STAGE, stageHeld, "stageLostAtId");

        if (draft.fit() == null) {
            throw new RuleViolation("loss-analysis.fit-required",
                    "fit must say whether the prospect was a GOOD_FIT or the WRONG_PROSPECT", "fit");
        }
        String competitor = Text.optional(draft.competitor(), 200, "competitor");
        boolean lostToCompetitor = reasons.stream().anyMatch(r -> r.category() == ReasonCategory.COMPETITION);
        if (lostToCompetitor && competitor == null) {
            throw new RuleViolation("loss-analysis.competitor-required",
                    "A loss to a competitor names the competitor", "competitor");
        }
        return new LossAnalysis(previous == null ? LossAnalysisId.newId() : previous.id, AnalysisStatus.COMPLETE,
                primary, contributing, draft.stageLostAtId(), draft.fit(), competitor,
                Text.optional(draft.whatHappened(), TEXT_MAX, "whatHappened"),
                Text.optional(draft.whatWeWouldDoDifferently(), TEXT_MAX, "whatWeWouldDoDifferently"),
                previous == null ? null : previous.partnerReasonText, AnalysisSource.DEBRIEF,
                previous == null ? now : previous.createdAt, now);
    }

    /** The rules a partner's analysis may fail and still be accepted, as PENDING_TRIAGE. */
    private static final Set<String> TRIAGE_RULES = Set.of("loss-analysis.primary-reason-required",
            "loss-analysis.controllability-undecided", "loss-analysis.stage-lost-at-required",
            "loss-analysis.fit-required", "loss-analysis.competitor-required");

    /**
     * A partner's analysis: COMPLETE when it satisfies the loss rules (reasons take their default
     * controllability), otherwise PENDING_TRIAGE with what it has, the partner's reason text kept
     * verbatim. Rules a member could not fix either (a repeated or archived reason) still reject it.
     * {@code previous} is the partner analysis being replaced (its id and creation time are kept).
     */
    static LossAnalysis fromPartner(PartnerAnalysis input, Lookups lookups, LossAnalysis previous, Instant now) {
        List<ReasonInput> reasons = input.reasonIds().stream().map(id -> new ReasonInput(id, null, null)).toList();
        LossAnalysisDraft draft = new LossAnalysisDraft(reasons.isEmpty() ? null : reasons.get(0),
                reasons.isEmpty() ? List.of() : reasons.subList(1, reasons.size()), input.stageLostAtId(), input.fit(),
                input.competitor(), input.whatHappened(), null);
        LossAnalysisId id = previous == null ? LossAnalysisId.newId() : previous.id;
        Instant createdAt = previous == null ? now : previous.createdAt;
        AnalysisStatus status = AnalysisStatus.COMPLETE;
        try {
            complete(draft, lookups, previous, now);
        } catch (RuleViolation violation) {
            if (!TRIAGE_RULES.contains(violation.code())) {
                throw violation;
            }
            status = AnalysisStatus.PENDING_TRIAGE;
        }
        List<ReasonAssessment> assessed = input.reasonIds().stream().map(reasonId -> new ReasonAssessment(reasonId,
                lookups.lossReason(reasonId).orElseThrow(() -> new ReferenceNotFound("Loss reason", reasonId, "reasonCodes"))
                        .defaultControllability().resolve(null), null)).toList();
        return new LossAnalysis(id, status, assessed.isEmpty() ? null : assessed.get(0),
                assessed.isEmpty() ? List.of() : assessed.subList(1, assessed.size()), input.stageLostAtId(),
                input.fit(), Text.optional(input.competitor(), 200, "competitor"),
                Text.optional(input.whatHappened(), TEXT_MAX, "whatHappened"), null,
                Text.optional(input.reasonText(), TEXT_MAX, "reasonText"), AnalysisSource.PARTNER, createdAt, now);
    }

    /** Whether the two say the same, whatever their ids and times. */
    boolean sameContentAs(LossAnalysis other) {
        return other != null && status == other.status && source == other.source
                && Objects.equals(primaryReason, other.primaryReason)
                && contributingReasons.equals(other.contributingReasons)
                && Objects.equals(stageLostAtId, other.stageLostAtId) && fit == other.fit
                && Objects.equals(competitor, other.competitor) && Objects.equals(whatHappened, other.whatHappened)
                && Objects.equals(whatWeWouldDoDifferently, other.whatWeWouldDoDifferently)
                && Objects.equals(partnerReasonText, other.partnerReasonText);
    }

    private static ReasonAssessment assess(ReasonInput input, String field, Lookups lookups, Set<Object> held,
                                           Set<Object> seen) {
        LossReason reason = lookups.lossReason(input.reasonId())
                .orElseThrow(() -> new ReferenceNotFound("Loss reason", input.reasonId(), field + ".reasonId"));
        if (!seen.add(reason.id())) {
            throw new RuleViolation("loss-analysis.reason-repeated",
                    "Reason " + reason.code() + " appears more than once: a reason is either primary or contributing, once",
                    field + ".reasonId");
        }
        if (reason.archived() && !held.contains(reason.id())) {
            throw new RuleViolation("loss-analysis.reason-archived",
                    "Reason " + reason.code() + " is archived and can't be chosen for a new analysis", field + ".reasonId");
        }
        Boolean controllable = reason.defaultControllability().resolve(input.controllable());
        if (controllable == null) {
            throw new RuleViolation("loss-analysis.controllability-undecided",
                    "Reason " + reason.code() + " is only partly controllable by default: say whether it was in your control this time",
                    field + ".controllable");
        }
        return new ReasonAssessment(reason.id(), controllable, Text.optional(input.note(), NOTE_MAX, field + ".note"));
    }

    public static LossAnalysis rehydrate(LossAnalysisId id, AnalysisStatus status, ReasonAssessment primaryReason,
                                         List<ReasonAssessment> contributingReasons, VocabularyEntryId stageLostAtId,
                                         Fit fit, String competitor, String whatHappened,
                                         String whatWeWouldDoDifferently, String partnerReasonText,
                                         Instant createdAt, Instant updatedAt) {
        return rehydrate(id, status, primaryReason, contributingReasons, stageLostAtId, fit, competitor, whatHappened,
                whatWeWouldDoDifferently, partnerReasonText, AnalysisSource.DEBRIEF, createdAt, updatedAt);
    }

    public static LossAnalysis rehydrate(LossAnalysisId id, AnalysisStatus status, ReasonAssessment primaryReason,
                                         List<ReasonAssessment> contributingReasons, VocabularyEntryId stageLostAtId,
                                         Fit fit, String competitor, String whatHappened,
                                         String whatWeWouldDoDifferently, String partnerReasonText,
                                         AnalysisSource source, Instant createdAt, Instant updatedAt) {
        return new LossAnalysis(id, status, primaryReason, contributingReasons, stageLostAtId, fit, competitor,
                whatHappened, whatWeWouldDoDifferently, partnerReasonText, source, createdAt, updatedAt);
    }

    /** The reasons in order: the primary one first. */
    List<dev.debrief.domain.taxonomy.LossReasonId> reasonIdList() {
        List<dev.debrief.domain.taxonomy.LossReasonId> ids = new ArrayList<>();
        if (primaryReason != null) {
            ids.add(primaryReason.reasonId());
        }
        contributingReasons.forEach(r -> ids.add(r.reasonId()));
        return ids;
    }

    private Set<Object> reasonIds() {
        Set<Object> ids = new HashSet<>();
        if (primaryReason != null) {
            ids.add(primaryReason.reasonId());
        }
        contributingReasons.forEach(r -> ids.add(r.reasonId()));
        return ids;
    }

    public LossAnalysisId id() { return id; }
    public AnalysisStatus status() { return status; }
    public ReasonAssessment primaryReason() { return primaryReason; }
    public List<ReasonAssessment> contributingReasons() { return contributingReasons; }
    public VocabularyEntryId stageLostAtId() { return stageLostAtId; }
    public Fit fit() { return fit; }
    public String competitor() { return competitor; }
    public String whatHappened() { return whatHappened; }
    public String whatWeWouldDoDifferently() { return whatWeWouldDoDifferently; }
    public String partnerReasonText() { return partnerReasonText; }
    public AnalysisSource source() { return source; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
