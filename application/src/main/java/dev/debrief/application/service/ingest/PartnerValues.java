package dev.debrief.application.service.ingest;

import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.Lookups;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.Money;
import dev.debrief.domain.deal.PartnerAnalysis;
import dev.debrief.domain.deal.PartnerDealState;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.Workspace;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One workspace's members, vocabularies and taxonomy, loaded once per ingest, and how a partner's
 * values resolve against them:
 * <ul>
 *   <li>the owner by email (case-insensitive) among the members not removed;</li>
 *   <li>a vocabulary value by code, else by name (both case-insensitive), among the entries not archived;</li>
 *   <li>loss reasons by taxonomy code only: an unknown code is rejected ({@code reference.not-found}), an
 *       archived one too ({@code loss-analysis.reason-archived}): codes are Debrief's own, free text goes
 *       in {@code reasonText}.</li>
 * </ul>
 * When nothing matches, the workspace's mappings for the item's source are asked (an owner email, a
 * vocabulary value, and the partner's reason text, whose mapped reason is added to the coded ones).
 * An owner or vocabulary value that still matches nothing leaves the field empty and is kept for triage.
 */
final class PartnerValues implements Lookups {

    private final Map<VocabularyEntryId, VocabularyEntry> entries = new HashMap<>();
    private final Map<VocabularyKind, Map<String, VocabularyEntry>> byCode = new EnumMap<>(VocabularyKind.class);
    private final Map<VocabularyKind, Map<String, VocabularyEntry>> byName = new EnumMap<>(VocabularyKind.class);
    private final Map<LossReasonId, LossReason> reasons = new HashMap<>();
    private final Map<String, LossReason> reasonsByCode = new HashMap<>();
    private final Map<MemberId, Member> members = new HashMap<>();
    private final Map<String, Member> membersByEmail = new HashMap<>();
    private final Map<String, java.util.UUID> mapped = new HashMap<>();
    private final Workspace workspace;

    PartnerValues(Workspace workspace, List<VocabularyEntry> vocabulary, List<LossReason> taxonomy, List<Member> people,
                  List<PartnerMapping> mappings) {
        this.workspace = workspace;
        for (PartnerMapping mapping : mappings) {
            mapped.put(mappingKey(mapping.kind(), mapping.source(), mapping.partnerValue()), mapping.targetId());
        }
        for (VocabularyKind kind : VocabularyKind.values()) {
            byCode.put(kind, new HashMap<>());
            byName.put(kind, new HashMap<>());
        }
        for (VocabularyEntry entry : vocabulary) {
            entries.put(entry.id(), entry);
            if (!entry.archived()) {
                byCode.get(entry.kind()).put(key(entry.code()), entry);
                byName.get(entry.kind()).put(key(entry.name()), entry);
            }
        }
        for (LossReason reason : taxonomy) {
            reasons.put(reason.id(), reason);
            reasonsByCode.put(key(reason.code()), reason);
        }
        for (Member member : people) {
            members.put(member.id(), member);
            if (member.removedAt() == null && member.email() != null) {
                membersByEmail.put(key(member.email()), member);
            }
        }
    }

    private static String mappingKey(MappingKind kind, String source, String value) {
        return kind + "\n" + source + "\n" + PartnerMapping.normalized(value);
    }

    /** What a mapping of this source says the value means (null: no mapping). */
    private java.util.UUID mappedTarget(MappingKind kind, String source, String value) {
        return mapped.get(mappingKey(kind, source, value));
    }

    /** The item as a partner state of this workspace; throws the first rule it breaks, with its field. */
    PartnerDealState resolve(IngestItem item) {
        ExternalReference reference = reference(item);
        String source = reference.source();
        Map<TriageField, String> unresolved = new EnumMap<>(TriageField.class);
        MemberRef owner = null;
        String email = blankToNull(item.ownerEmail());
        if (email != null) {
            Member member = member(source, email);
            if (member == null) {
                unresolved.put(TriageField.OWNER, email);
            } else {
                owner = new MemberRef(member.id().value(), member.displayName());
            }
        }
        Money amount = money(item);
        DealDetails details = new DealDetails(item.name(), item.account(), owner,
                entry(source, VocabularyKind.TEAM, item.team(), TriageField.TEAM, unresolved), amount,
                entry(source, VocabularyKind.STAGE, item.stage(), TriageField.STAGE, unresolved),
                entry(source, VocabularyKind.SEGMENT, item.segment(), TriageField.SEGMENT, unresolved),
                entry(source, VocabularyKind.PERSONA, item.persona(), TriageField.PERSONA, unresolved),
                entry(source, VocabularyKind.LEAD_SOURCE, item.leadSource(), TriageField.LEAD_SOURCE, unresolved),
                item.pitchedAt(), item.pitchedTermMonths() == null ? null : term(item.pitchedTermMonths()),
                null, item.competitor(), reference);
        PartnerAnalysis analysis = null;
        if (item.lossAnalysis() != null) {
            try {
                analysis = analysis(source, item.lossAnalysis(), unresolved);
            } catch (DomainException e) {
                throw e.nestedUnder("lossAnalysis");
            }
        }
        return new PartnerDealState(reference, item.occurredAt(), details, item.outcome(), item.closedOn(), analysis,
                unresolved);
    }

    /**
     * The member not removed with this email (case-insensitive), or the one the source's OWNER mapping names;
     * null when neither.
     */
    Member member(String source, String email) {
        Member member = membersByEmail.get(key(email));
        java.util.UUID mappedMember = member == null ? mappedTarget(MappingKind.OWNER, source, email) : null;
        if (mappedMember != null) {
            member = members.get(new MemberId(mappedMember));
            member = member != null && member.removedAt() == null ? member : null;
        }
        return member;
    }

    static ExternalReference reference(IngestItem item) {
        try {
            return new ExternalReference(item.source(), item.externalId());
        } catch (RuleViolation e) {
            String field = e.code().equals("deal.external-source-invalid") ? "source" : "externalId";
            throw new RuleViolation(e.code(), e.getMessage().replace("externalReference.", ""), field);
        }
    }

    private PartnerAnalysis analysis(String source, IngestItem.Analysis input, Map<TriageField, String> unresolved) {
        List<LossReasonId> ids = new ArrayList<>();
        for (int i = 0; i < input.reasonCodes().size(); i++) {
            String field = "reasonCodes[" + i + "]";
            String code = input.reasonCodes().get(i);
            if (code == null || code.isBlank()) {
                throw new RuleViolation("value.required", field + " is required", field);
            }
            LossReason reason = reasonsByCode.get(key(code));
            if (reason == null) {
                throw new ReferenceNotFound("Loss reason", code, field);
            }
            if (reason.archived()) {
                throw new RuleViolation("loss-analysis.reason-archived", "Reason " + reason.code()
                        + " is archived: push another code, or the partner's text in reasonText", field);
            }
            ids.add(reason.id());
        }
        java.util.UUID mappedReason = blankToNull(input.reasonText()) == null ? null
                : mappedTarget(MappingKind.REASON, source, input.reasonText());
        if (mappedReason != null && reasons.containsKey(new LossReasonId(mappedReason))
                && !reasons.get(new LossReasonId(mappedReason)).archived() && !ids.contains(new LossReasonId(mappedReason))) {
            ids.add(new LossReasonId(mappedReason));
        }
        VocabularyEntryId stageLostAt = entry(source, VocabularyKind.STAGE, input.stageLostAt(), TriageField.STAGE_LOST_AT,
                unresolved);
        return new PartnerAnalysis(ids, input.reasonText(), stageLostAt, input.fit(), input.competitor(),
                input.whatHappened());
    }

    private VocabularyEntryId entry(String source, VocabularyKind kind, String value, TriageField field,
                                    Map<TriageField, String> unresolved) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        VocabularyEntry entry = byCode.get(kind).get(key(text));
        if (entry == null) {
            entry = byName.get(kind).get(key(text));
        }
        if (entry == null) {
            java.util.UUID target = mappedTarget(MappingKind.valueOf(kind.name()), source, text);
            VocabularyEntry mappedEntry = target == null ? null : entries.get(new VocabularyEntryId(target));
            entry = mappedEntry != null && !mappedEntry.archived() && mappedEntry.kind() == kind ? mappedEntry : null;
        }
        if (entry == null) {
            unresolved.put(field, text.length() > 320 ? text.substring(0, 320) : text);
            return null;
        }
        return entry.id();
    }

    private static Money money(IngestItem item) {
        if (item.amount() == null && blankToNull(item.currency()) == null) {
            return null;
        }
        if (item.amount() == null) {
            throw new RuleViolation("value.required", "amount is required with a currency", "amount");
        }
        if (blankToNull(item.currency()) == null) {
            throw new RuleViolation("value.required", "currency is required with an amount", "currency");
        }
        try {
            return new Money(item.amount(), Workspace.currency(item.currency(), "currency"));
        } catch (RuleViolation e) {
            throw "currency".equals(e.field()) ? e : new RuleViolation(e.code(), e.getMessage().replace("amount.value", "amount"), "amount");
        }
    }

    private static ContractTerm term(int months) {
        try {
            return new ContractTerm(months);
        } catch (DomainException e) {
            throw new RuleViolation(e.code(), e.getMessage(), "pitchedTermMonths");
        }
    }

    private static String key(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    Workspace workspace() {
        return workspace;
    }

    @Override
    public Optional<VocabularyEntry> vocabularyEntry(VocabularyEntryId id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public Optional<LossReason> lossReason(LossReasonId id) {
        return Optional.ofNullable(reasons.get(id));
    }

    @Override
    public Optional<Member> member(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }
}
