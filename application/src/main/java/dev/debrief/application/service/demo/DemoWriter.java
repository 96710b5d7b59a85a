package dev.debrief.application.service.demo;

import dev.debrief.application.port.in.access.MembersUseCase;
import dev.debrief.application.port.in.activity.ActivitiesUseCase;
import dev.debrief.application.port.in.deal.CloseDealUseCase;
import dev.debrief.application.port.in.deal.CloseDealUseCase.CloseDealCommand;
import dev.debrief.application.port.in.deal.CreateDealUseCase;
import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.application.port.in.lesson.LessonsUseCase;
import dev.debrief.application.port.in.taxonomy.LossReasonQueries;
import dev.debrief.application.port.in.vocabulary.AddVocabularyEntryUseCase;
import dev.debrief.application.port.in.vocabulary.VocabularyQueries;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase;
import dev.debrief.application.port.in.workspace.UpdateWorkspaceUseCase;
import dev.debrief.application.service.access.AdminKeys;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.Money;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.ReasonInput;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo's transactions: the workspace and its people, a month of deals (with their activities), the lessons and the final name. */
@ApplicationScoped
@Transactional
public class DemoWriter {

    /** What every later step needs: the workspace, a caller acting with its admin key, and ids by name. */
    record Setup(Workspace workspace, ApiKey.Issued adminKey, Access access,
                 Map<VocabularyKind, Map<String, VocabularyEntryId>> vocabulary, Map<String, LossReasonId> reasons,
                 Map<String, MemberRef> owners) {
    }

    private final CreateWorkspaceUseCase createWorkspace;
    private final UpdateWorkspaceUseCase updateWorkspace;
    private final AdminKeys adminKeys;
    private final AddVocabularyEntryUseCase addEntry;
    private final VocabularyQueries vocabularies;
    private final LossReasonQueries reasons;
    private final MembersUseCase members;
    private final CreateDealUseCase createDeal;
    private final CloseDealUseCase closeDeal;
    private final LessonsUseCase lessons;
    private final ActivitiesUseCase activities;

    @Inject
    public DemoWriter(CreateWorkspaceUseCase createWorkspace, UpdateWorkspaceUseCase updateWorkspace,
                      AdminKeys adminKeys, AddVocabularyEntryUseCase addEntry,
                      VocabularyQueries vocabularies, LossReasonQueries reasons, MembersUseCase members,
                      CreateDealUseCase createDeal, CloseDealUseCase closeDeal, LessonsUseCase lessons,
                      ActivitiesUseCase activities) {
        this.createWorkspace = createWorkspace;
        this.updateWorkspace = updateWorkspace;
        this.adminKeys = adminKeys;
        this.addEntry = addEntry;
        this.vocabularies = vocabularies;
        this.reasons = reasons;
        this.members = members;
        this.createDeal = createDeal;
        this.closeDeal = closeDeal;
        this.lessons = lessons;
        this.activities = activities;
    }

    public Setup setUp(DemoScenario scenario, String name) {
        Workspace workspace = createWorkspace.create(new CreateWorkspaceUseCase.CreateWorkspaceCommand(name,
                DemoScenario.TIME_ZONE, DemoScenario.CURRENCY));
        ApiKey.Issued adminKey = adminKeys.issue(workspace.id(), "demo admin key");
        Access access = new Access(workspace.id(), new Access.KeyActor(adminKey.key().id(), Set.of(Scope.ADMIN)));

        Map<VocabularyKind, Map<String, VocabularyEntryId>> vocabulary = vocabulary(access);
        Map<String, LossReasonId> reasonIds = new HashMap<>();
        for (LossReason reason : reasons.list(workspace.id(), false)) {
            reasonIds.put(reason.code(), reason.id());
        }
        Map<String, MemberRef> owners = new HashMap<>();
        for (DemoScenario.Person person : scenario.people()) {
            Member member = members.invite(access, person.email(), person.displayName(),
                    person.manager() ? Role.MANAGER : Role.REP, vocabulary.get(VocabularyKind.TEAM).get(person.team()));
            owners.put(person.email(), new MemberRef(member.id().value(), person.displayName()));
        }
        return new Setup(workspace, adminKey, access, vocabulary, reasonIds, owners);
    }

    /** Creates and closes these deals; answers the LOST ones by primary reason code. */
    public Map<String, List<DealId>> writeDeals(Setup setup, List<DemoScenario.DemoDeal> deals) {
        Map<String, List<DealId>> lostByReason = new HashMap<>();
        for (DemoScenario.DemoDeal planned : deals) {
            Deal deal = createDeal.create(setup.access(), details(planned, setup));
            MemberId owner = new MemberId(setup.owners().get(planned.ownerEmail()).id());
            for (DemoScenario.Activity touch : planned.activities()) {
                activities.add(setup.access(), deal.id(), new ActivitiesUseCase.ActivityDraft(
                        ActivityType.valueOf(touch.type()), ActivityDirection.valueOf(touch.direction()),
                        touch.occurredAt(), touch.byOwner() ? owner : null, touch.note()));
            }
            if (planned.outcome() != Outcome.OPEN) {
                closeDeal.close(new CloseDealCommand(setup.access(), deal.id(), deal.version(), planned.outcome(),
                        planned.closedOn(), analysis(planned.analysis(), setup)));
            }
            if (planned.analysis() != null) {
                lostByReason.computeIfAbsent(planned.analysis().primary().code(), c -> new ArrayList<>()).add(deal.id());
            }
        }
        return lostByReason;
    }

    /** The lessons, each from the latest losses of its reason, and the workspace's final name. */
    public Workspace finish(Setup setup, List<DemoScenario.Lesson> planned, Map<String, List<DealId>> lostByReason, String name) {
        for (DemoScenario.Lesson lesson : planned) {
            List<DealId> sources = lostByReason.getOrDefault(lesson.sourceReason(), List.of());
            Lesson proposed = lessons.propose(setup.access(), new LessonDraft(lesson.statement(), lesson.rationale(),
                    sources.subList(Math.max(0, sources.size() - lesson.sourceDeals()), sources.size()),
                    Set.of(ReasonCategory.valueOf(lesson.category())), LessonScope.EVERYWHERE));
            if (lesson.adopted()) {
                lessons.adopt(setup.access(), proposed.id(), proposed.version());
            }
        }
        return updateWorkspace.update(new UpdateWorkspaceUseCase.UpdateWorkspaceCommand(setup.access(), name,
                DemoScenario.TIME_ZONE, DemoScenario.CURRENCY));
    }

    /** Teams, segments, personas and lead sources of the scenario; the default stages as they are. */
    private Map<VocabularyKind, Map<String, VocabularyEntryId>> vocabulary(Access access) {
        Map<VocabularyKind, List<String>> names = Map.of(VocabularyKind.TEAM, DemoScenario.TEAMS,
                VocabularyKind.SEGMENT, DemoScenario.SEGMENTS, VocabularyKind.PERSONA, DemoScenario.PERSONAS,
                VocabularyKind.LEAD_SOURCE, DemoScenario.LEAD_SOURCES);
        Map<VocabularyKind, Map<String, VocabularyEntryId>> ids = new HashMap<>();
        for (VocabularyKind kind : List.of(VocabularyKind.TEAM, VocabularyKind.SEGMENT, VocabularyKind.PERSONA,
                VocabularyKind.LEAD_SOURCE)) {
            Map<String, VocabularyEntryId> byName = new HashMap<>();
            for (String entry : names.get(kind)) {
                byName.put(entry, addEntry.add(access, kind, null, entry).id());
            }
            ids.put(kind, byName);
        }
        Map<String, VocabularyEntryId> stages = new HashMap<>();
        for (VocabularyEntry stage : vocabularies.list(access.workspaceId(), VocabularyKind.STAGE, false)) {
            stages.put(stage.code(), stage.id());
        }
        ids.put(VocabularyKind.STAGE, stages);
        return ids;
    }

    private static DealDetails details(DemoScenario.DemoDeal deal, Setup setup) {
        Map<VocabularyKind, Map<String, VocabularyEntryId>> ids = setup.vocabulary();
        return new DealDetails(deal.name(), deal.account(), setup.owners().get(deal.ownerEmail()),
                ids.get(VocabularyKind.TEAM).get(deal.team()),
                new Money(deal.amount(), Currency.getInstance(DemoScenario.CURRENCY)),
                ids.get(VocabularyKind.STAGE).get(deal.stage()), ids.get(VocabularyKind.SEGMENT).get(deal.segment()),
                ids.get(VocabularyKind.PERSONA).get(deal.persona()),
                ids.get(VocabularyKind.LEAD_SOURCE).get(deal.leadSource()), deal.pitchedAt(),
                new ContractTerm(deal.pitchedTermMonths()), deal.riskTags(), deal.competitor(), null);
    }

    private static LossAnalysisDraft analysis(DemoScenario.Analysis analysis, Setup setup) {
        if (analysis == null) {
            return null;
        }
        return new LossAnalysisDraft(reason(analysis.primary(), setup),
                analysis.contributing().stream().map(r -> reason(r, setup)).toList(),
                setup.vocabulary().get(VocabularyKind.STAGE).get(analysis.stageLostAt()), analysis.fit(),
                analysis.competitor(), analysis.whatHappened(), analysis.whatWeWouldDoDifferently());
    }

    private static ReasonInput reason(DemoScenario.Reason reason, Setup setup) {
        return new ReasonInput(setup.reasons().get(reason.code()), reason.controllable(), reason.note());
    }
}
