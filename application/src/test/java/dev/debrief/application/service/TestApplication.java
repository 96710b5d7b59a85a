package dev.debrief.application.service;

import dev.debrief.application.fake.FixedAccessSettings;
import dev.debrief.application.fake.InMemoryApiKeyRepository;
import dev.debrief.application.fake.InMemoryAuditLog;
import dev.debrief.application.fake.InMemoryDealRepository;
import dev.debrief.application.fake.InMemoryDealIngestStore;
import dev.debrief.application.fake.InMemoryMemberRepository;
import dev.debrief.application.fake.InMemoryLossReasonRepository;
import dev.debrief.application.fake.InMemoryVocabularyRepository;
import dev.debrief.application.fake.InMemoryWorkspaceRepository;
import dev.debrief.application.fake.MutableClock;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.debrief.application.service.access.AccessService;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.access.ApiKeyService;
import dev.debrief.application.service.access.FirstRunService;
import dev.debrief.application.service.access.MemberService;
import dev.debrief.application.service.deal.DealQueryService;
import dev.debrief.application.service.deal.DealService;
import dev.debrief.application.service.taxonomy.LossReasonService;
import dev.debrief.application.service.vocabulary.VocabularyService;
import dev.debrief.application.service.workspace.WorkspaceService;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;

/** Every service wired to the in-memory fakes and one clock, as CDI wires them to the adapters. */
public final class TestApplication {

    public final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    public final InMemoryWorkspaceRepository workspaceRepository = new InMemoryWorkspaceRepository();
    public final InMemoryVocabularyRepository vocabularyRepository = new InMemoryVocabularyRepository();
    public final InMemoryLossReasonRepository lossReasonRepository = new InMemoryLossReasonRepository();
    public final InMemoryDealRepository dealRepository = new InMemoryDealRepository();
    public final InMemoryMemberRepository memberRepository = new InMemoryMemberRepository();
    public final InMemoryApiKeyRepository apiKeyRepository = new InMemoryApiKeyRepository();
    public final FixedAccessSettings settings = new FixedAccessSettings();
    public final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    public final Auditor auditor = new Auditor(auditLog, () -> java.util.Optional.of("test-request"), clock);

    public final WorkspaceService workspaces = new WorkspaceService(workspaceRepository, vocabularyRepository,
            lossReasonRepository, memberRepository, settings, auditor, clock);
    public final AccessService access = new AccessService(workspaceRepository, memberRepository, apiKeyRepository, auditor, clock);
    public final ApiKeyService apiKeys = new ApiKeyService(apiKeyRepository, workspaceRepository, auditor, clock);
    public final FirstRunService firstRun = new FirstRunService(workspaceRepository, workspaces,
            new dev.debrief.application.service.access.AdminKeys(apiKeyRepository, auditor, clock));
    public final VocabularyService vocabulary = new VocabularyService(workspaceRepository, vocabularyRepository, auditor);
    public final LossReasonService lossReasons = new LossReasonService(workspaceRepository, lossReasonRepository, auditor);
    public final dev.debrief.application.fake.InMemoryFollowUpRepository followUpRepository =
            new dev.debrief.application.fake.InMemoryFollowUpRepository();
    public final dev.debrief.application.service.followup.CheckIns checkIns =
            new dev.debrief.application.service.followup.CheckIns(followUpRepository, clock);
    public final DealService deals = new DealService(workspaceRepository, vocabularyRepository, lossReasonRepository,
            memberRepository, dealRepository, auditor, checkIns, clock);
    public final MemberService members = new MemberService(memberRepository, vocabularyRepository, auditor, clock);
    public final dev.debrief.application.fake.InMemoryPartnerMappingRepository mappingRepository =
            new dev.debrief.application.fake.InMemoryPartnerMappingRepository();
    public final InMemoryDealIngestStore ingestStore = new InMemoryDealIngestStore(dealRepository);
    public final dev.debrief.application.fake.InMemoryActivityRepository activityRepository =
            new dev.debrief.application.fake.InMemoryActivityRepository();
    public final dev.debrief.application.service.ingest.IngestService ingest =
            new dev.debrief.application.service.ingest.IngestService(workspaceRepository, vocabularyRepository,
                    lossReasonRepository, memberRepository, mappingRepository, ingestStore, activityRepository, auditor, checkIns,
                    clock);
    public final dev.debrief.application.fake.InMemoryTriageRepository triageRepository =
            new dev.debrief.application.fake.InMemoryTriageRepository(dealRepository, mappingRepository);
    public final dev.debrief.application.service.mapping.MappingService mappings =
            new dev.debrief.application.service.mapping.MappingService(workspaceRepository, mappingRepository,
                    triageRepository, vocabularyRepository, lossReasonRepository, memberRepository, auditor, clock);
    public final dev.debrief.application.service.mapping.ReclassifyService reclassify =
            new dev.debrief.application.service.mapping.ReclassifyService(
                    new dev.debrief.application.service.mapping.ReclassifyBatch(triageRepository, dealRepository,
                            vocabularyRepository, lossReasonRepository, memberRepository, auditor, clock));
    public final dev.debrief.application.fake.InMemoryLessonRepository lessonRepository =
            new dev.debrief.application.fake.InMemoryLessonRepository();
    public final dev.debrief.application.service.lesson.LessonService lessons =
            new dev.debrief.application.service.lesson.LessonService(workspaceRepository, lessonRepository,
                    dealRepository, vocabularyRepository, auditor, clock);
    public final DealQueryService dealQueries =
            new DealQueryService(workspaceRepository, dealRepository, dealRepository);

    public Workspace createWorkspace(String timeZone) {
        return workspaces.create(new CreateWorkspaceCommand("Acme Sales", timeZone, "EUR"));
    }

    public VocabularyEntry stage(WorkspaceId workspaceId, String code) {
        return entry(workspaceId, VocabularyKind.STAGE, code);
    }

    public VocabularyEntry entry(WorkspaceId workspaceId, VocabularyKind kind, String code) {
        return vocabularyRepository.list(workspaceId, kind).stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + code));
    }

    public LossReason reason(WorkspaceId workspaceId, String code) {
        return lossReasonRepository.list(workspaceId).stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no loss reason " + code));
    }

    /** An ADMIN member's access to the workspace, for services that take the caller. */
    public Access admin(WorkspaceId workspaceId) {
        return new Access(workspaceId, new Access.MemberActor(MemberId.newId(), Role.ADMIN));
    }
}
