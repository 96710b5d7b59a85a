package dev.debrief.domain.deal;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One workspace's vocabularies and taxonomy, held in maps. Entries stay mutable: archive them after adding. */
public final class TestLookups implements Lookups {

    public final WorkspaceId workspaceId = WorkspaceId.newId();
    private final Map<VocabularyEntryId, VocabularyEntry> entries = new HashMap<>();
    private final Map<LossReasonId, LossReason> reasons = new HashMap<>();
    private final Map<MemberId, Member> members = new HashMap<>();

    public Member member(String name, Role role) {
        Member member = Member.join(workspaceId, new Principal.Person("https://idp.test", "sub-" + name,
                name + "@example.com", true, name), role, Instant.parse("2025-01-01T00:00:00Z"));
        members.put(member.id(), member);
        return member;
    }

    VocabularyEntry entry(VocabularyKind kind, String name) {
        VocabularyEntry entry = VocabularyEntry.create(workspaceId, kind, null, name, entries.size() + 1);
        entries.put(entry.id(), entry);
        return entry;
    }

    public VocabularyEntry stage(String name) {
        return entry(VocabularyKind.STAGE, name);
    }

    public LossReason reason(String name, ReasonCategory category, Controllability controllability) {
        LossReason reason = LossReason.create(workspaceId, null, name, category, controllability);
        reasons.put(reason.id(), reason);
        return reason;
    }

    @Override
    public Optional<VocabularyEntry> vocabularyEntry(VocabularyEntryId id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public Optional<Member> member(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }

    @Override
    public Optional<LossReason> lossReason(LossReasonId id) {
        return Optional.ofNullable(reasons.get(id));
    }
}
