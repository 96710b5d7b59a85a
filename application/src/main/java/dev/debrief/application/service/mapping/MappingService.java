package dev.debrief.application.service.mapping;

import dev.debrief.application.port.in.mapping.MappingsUseCase;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.mapping.PartnerMappingRepository;
import dev.debrief.application.port.out.mapping.TriageRepository;
import dev.debrief.application.port.out.mapping.TriageRepository.Unmapped;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class MappingService implements MappingsUseCase {

    static final String RESOURCE = "partner-mapping";

    private final WorkspaceRepository workspaces;
    private final PartnerMappingRepository mappings;
    private final TriageRepository triage;
    private final VocabularyRepository vocabulary;
    private final LossReasonRepository reasons;
    private final MemberRepository members;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public MappingService(WorkspaceRepository workspaces, PartnerMappingRepository mappings, TriageRepository triage,
                          VocabularyRepository vocabulary, LossReasonRepository reasons, MemberRepository members,
                          Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.mappings = mappings;
        this.triage = triage;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public SetResult set(Access access, MappingKind kind, String source, String partnerValue, UUID targetId) {
        Workspaces.require(workspaces, access.workspaceId());
        PartnerMapping candidate = PartnerMapping.create(access.workspaceId(), kind, source, partnerValue, targetId,
                clock.instant());
        requireTarget(access.workspaceId(), kind, targetId);
        mappings.lockKind(access.workspaceId(), kind);
        List<PartnerMapping> held = mappings.list(access.workspaceId(), kind);
        if (held.size() >= PartnerMapping.MAX_PER_KIND
                && held.stream().noneMatch(m -> m.source().equals(candidate.source()) && m.matches(candidate.partnerValue()))) {
            throw new StateConflict("mapping.limit-reached", "This workspace already holds " + PartnerMapping.MAX_PER_KIND + " "
                    + kind.slug() + " mappings: delete ones no partner sends any more before adding new values");
        }
        PartnerMapping stored = mappings.save(candidate);
        boolean created = stored.id().equals(candidate.id());
        audit.record(access, RESOURCE, stored.id(), created ? "create" : "change", List.of("targetId"));
        return new SetResult(stored, created);
    }

    private void requireTarget(WorkspaceId workspaceId, MappingKind kind, UUID targetId) {
        if (kind == MappingKind.REASON) {
            LossReason reason = reasons.findById(workspaceId, new LossReasonId(targetId))
                    .orElseThrow(() -> new ReferenceNotFound("Loss reason", targetId, "targetId"));
            if (reason.archived()) {
                throw new RuleViolation("mapping.target-archived", "Reason " + reason.code() + " is archived", "targetId");
            }
        } else if (kind == MappingKind.OWNER) {
            Member member = members.findById(workspaceId, new MemberId(targetId))
                    .orElseThrow(() -> new ReferenceNotFound("Member", targetId, "targetId"));
            if (member.removedAt() != null) {
                throw new RuleViolation("deal.owner-removed", "The member " + member.displayName()
                        + " was removed from the workspace and can't be given deals", "targetId");
            }
        } else {
            VocabularyEntry entry = vocabulary.findById(workspaceId, new VocabularyEntryId(targetId))
                    .orElseThrow(() -> new ReferenceNotFound(kind.vocabularyKind().label(), targetId, "targetId"));
            entry.requireAssignable(kind.vocabularyKind(), false, "targetId");
        }
    }

    @Override
    public void delete(Access access, MappingKind kind, UUID mappingId) {
        Workspaces.require(workspaces, access.workspaceId());
        PartnerMapping mapping = mappings.findById(access.workspaceId(), mappingId)
                .filter(m -> m.kind() == kind)
                .orElseThrow(() -> new NotFound("mapping.not-found", "There is no " + kind.slug() + " mapping " + mappingId));
        mappings.delete(mapping);
        audit.record(access, RESOURCE, mapping.id(), "delete", List.of());
    }

    @Override
    public List<PartnerMapping> list(WorkspaceId workspaceId, MappingKind kind, String source) {
        Workspaces.require(workspaces, workspaceId);
        return mappings.list(workspaceId, kind).stream().filter(m -> source == null || m.source().equals(source)).toList();
    }

    @Override
    public List<Unmapped> unmapped(WorkspaceId workspaceId, MappingKind kind, String source, int limit) {
        Workspaces.require(workspaces, workspaceId);
        return triage.unmapped(workspaceId, kind, source, limit);
    }
}
