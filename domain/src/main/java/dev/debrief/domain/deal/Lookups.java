package dev.debrief.domain.deal;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.Optional;

/** How the deal rules see the workspace's vocabularies and taxonomy (already scoped to the workspace). */
public interface Lookups {

    Optional<VocabularyEntry> vocabularyEntry(VocabularyEntryId id);

    Optional<LossReason> lossReason(LossReasonId id);

    /** A member of the workspace, removed or not (a removed member still owns their deals). */
    Optional<Member> member(MemberId id);
}
