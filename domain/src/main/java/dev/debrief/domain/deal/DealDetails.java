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
}
