package dev.debrief.domain.deal;

import dev.debrief.domain.shared.Text;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fields of a deal that people edit. Vocabulary values are ids; {@link Deal} checks them
 * against the workspace's vocabularies.
 */
public record DealDetails(
        String name,
        String account,
        MemberRef owner,
        VocabularyEntryId teamId,
        Money amount,
        VocabularyEntryId stageId,
        VocabularyEntryId segmentId,
        VocabularyEntryId personaId,
        VocabularyEntryId leadSourceId,
        LocalDate pitchedAt,
        ContractTerm pitchedTerm,
        Set<RiskTag> riskTags,
        String competitor,
        ExternalReference externalReference) {

    public static final int NAME_MAX = 200;

    public DealDetails {
        name = Text.required(name, NAME_MAX, "name");
        account = Text.optional(account, NAME_MAX, "account");
        competitor = Text.optional(competitor, NAME_MAX, "competitor");
        riskTags = riskTags == null || riskTags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(riskTags));
    }

    public DealDetails withOwner(MemberRef newOwner) {
        return new DealDetails(name, account, newOwner, teamId, amount, stageId, segmentId, personaId, leadSourceId,
                pitchedAt, pitchedTerm, riskTags, competitor, externalReference);
    }

    /** The same details with the entry of one vocabulary replaced. */
    public DealDetails withVocabulary(dev.debrief.domain.vocabulary.VocabularyKind kind, VocabularyEntryId id) {
        return new DealDetails(name, account, owner,
                kind == dev.debrief.domain.vocabulary.VocabularyKind.TEAM ? id : teamId, amount,
                kind == dev.debrief.domain.vocabulary.VocabularyKind.STAGE ? id : stageId,
                kind == dev.debrief.domain.vocabulary.VocabularyKind.SEGMENT ? id : segmentId,
                kind == dev.debrief.domain.vocabulary.VocabularyKind.PERSONA ? id : personaId,
                kind == dev.debrief.domain.vocabulary.VocabularyKind.LEAD_SOURCE ? id : leadSourceId,
                pitchedAt, pitchedTerm, riskTags, competitor, externalReference);
    }

    /** The entry this deal holds in one vocabulary (null: none). */
    public VocabularyEntryId vocabulary(dev.debrief.domain.vocabulary.VocabularyKind kind) {
        return switch (kind) {
            case TEAM -> teamId;
            case STAGE -> stageId;
            case SEGMENT -> segmentId;
            case PERSONA -> personaId;
            case LEAD_SOURCE -> leadSourceId;
        };
    }

    /** The names of the fields that differ from {@code before} (null: a new deal, so every field that is set). */
    public java.util.List<String> changedSince(DealDetails before) {
        DealDetails b = before;
        return dev.debrief.domain.audit.Changes.of()
                .field("name", b == null ? null : b.name, name)
                .field("account", b == null ? null : b.account, account)
                .field("ownerId", b == null || b.owner == null ? null : b.owner.id(), owner == null ? null : owner.id())
                .field("teamId", b == null ? null : b.teamId, teamId)
                .field("amount", b == null ? null : b.amount, amount)
                .field("stageId", b == null ? null : b.stageId, stageId)
                .field("segmentId", b == null ? null : b.segmentId, segmentId)
                .field("personaId", b == null ? null : b.personaId, personaId)
                .field("leadSourceId", b == null ? null : b.leadSourceId, leadSourceId)
                .field("pitchedAt", b == null ? null : b.pitchedAt, pitchedAt)
                .field("pitchedTermMonths", b == null ? null : b.pitchedTerm, pitchedTerm)
                .field("riskTags", b == null ? java.util.Set.of() : b.riskTags, riskTags)
                .field("competitor", b == null ? null : b.competitor, competitor)
                .field("externalReference", b == null ? null : b.externalReference, externalReference)
                .changed();
    }
}
