package dev.debrief.application.service.deal;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.Lookups;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The deal rules' view of one workspace's vocabularies and taxonomy, each id looked up once per use case. */
public final class RepositoryLookups implements Lookups {

    private final WorkspaceId workspaceId;
    private final VocabularyRepository vocabulary;
    private final LossReasonRepository reasons;
    private final MemberRepository members;
    private final Map<VocabularyEntryId, Optional<VocabularyEntry>> entries = new HashMap<>();
    private final Map<LossReasonId, Optional<LossReason>> lossReasons = new HashMap<>();

    public RepositoryLookups(WorkspaceId workspaceId, VocabularyRepository vocabulary, LossReasonRepository reasons,
                      MemberRepository members) {
        this.workspaceId = workspaceId;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.members = members;
    }

    @Override
    public Optional<VocabularyEntry> vocabularyEntry(VocabularyEntryId id) {
        return entries.computeIfAbsent(id, key -> vocabulary.findById(workspaceId, key));
    }

    @Override
    public Optional<Member> member(MemberId id) {
        return members.findById(workspaceId, id);
    }

    @Override
    public Optional<LossReason> lossReason(LossReasonId id) {
        return lossReasons.computeIfAbsent(id, key -> reasons.findById(workspaceId, key));
    }
}
