package dev.debrief.application.port.out.deal;

import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.fixture.DealDetailsBuilder;
import dev.debrief.application.fixture.MapLookups;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.deal.LossAnalysisId;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.deal.ReasonInput;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.debrief.application.fixture.DealDetailsBuilder.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link DealRepository} and {@link DealListing} do; the in-memory fake and the
 * PostgreSQL adapter both extend it. Deals are written the way the services write them: loaded
 * (locked) and saved in one transaction.
 */
public abstract class DealRepositoryContract extends RepositoryContract {

    protected abstract VocabularyRepository vocabulary();

    protected abstract LossReasonRepository lossReasons();

    protected abstract DealRepository deals();

    protected abstract DealListing listing();

    /** Deal owners are members of the deal's workspace. */
    protected abstract MemberRepository members();

    protected static final LocalDate TODAY = LocalDate.parse("2025-06-30");

    private WorkspaceId workspace;
    private WorkspaceId otherWorkspace;
    private final MapLookups lookups = new MapLookups();
    private VocabularyEntry discovery;
    private VocabularyEntry proposal;
    private VocabularyEntry hunters;
    private VocabularyEntry farmers;
    private VocabularyEntry enterprise;
    private VocabularyEntry midMarket;
    private VocabularyEntry cfo;
    private VocabularyEntry cto;
    private VocabularyEntry webinar;
    private VocabularyEntry referral;
    private LossReason research;
    private LossReason timing;
    private LossReason rival;
    private MemberRef ann;
    private MemberRef bob;
    private MemberRef grace;
    private MemberRef annElsewhere;

    @BeforeEach
    void createWorkspaceWithVocabularyAndReasons() {
        workspace = newWorkspace();
        otherWorkspace = newWorkspace();
        discovery = entry(VocabularyKind.STAGE, "Discovery");
        proposal = entry(VocabularyKind.STAGE, "Proposal");
        hunters = entry(VocabularyKind.TEAM, "Hunters");
        farmers = entry(VocabularyKind.TEAM, "Farmers");
        enterprise = entry(VocabularyKind.SEGMENT, "Enterprise");
        midMarket = entry(VocabularyKind.SEGMENT, "Mid-market");
        cfo = entry(VocabularyKind.PERSONA, "CFO");
        cto = entry(VocabularyKind.PERSONA, "CTO");
        webinar = entry(VocabularyKind.LEAD_SOURCE, "Webinar");
        referral = entry(VocabularyKind.LEAD_SOURCE, "Referral");
        research = reason("Wrong research", ReasonCategory.PREPARATION, Controllability.YES);
        timing = reason("Bad timing", ReasonCategory.TIMING, Controllability.NO);
        rival = reason("Lost to a competitor", ReasonCategory.COMPETITION, Controllability.PARTLY);
        ann = member(workspace, "Ann");
        bob = member(workspace, "Bob");
        grace = member(workspace, "Grace Hopper");
        annElsewhere = member(otherWorkspace, "Ann");
    }

    private MemberRef member(WorkspaceId ws, String name) {
        Member member = Member.join(ws, new Principal.Person("https://idp.test", "sub-" + UUID.randomUUID(),
                null, false, name), Role.REP, EPOCH);
        lookups.add(inTransaction(() -> members().save(member)));
        return new MemberRef(member.id().value(), name);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private VocabularyEntry entry(VocabularyKind kind, String name) {
        VocabularyEntry entry = VocabularyEntry.create(workspace, kind, null, name, 1);
        return lookups.add(inTransaction(() -> vocabulary().save(entry)));
    }

    private LossReason reason(String name, ReasonCategory category, Controllability controllability) {
        LossReason reason = LossReason.create(workspace, null, name, category, controllability);
        return lookups.add(inTransaction(() -> lossReasons().save(reason)));
    }

    private Deal open(WorkspaceId ws, DealDetails details, Instant at) {
        Deal deal = Deal.open(ws, details, lookups, at);
        return inTransaction(() -> deals().save(deal));
    }

    private Deal open(DealDetails details, Instant at) {
        return open(workspace, details, at);
    }

    private Deal open(String name) {
        return open(deal(name).build(), EPOCH);
    }

    /** Loads the deal under a lock, applies {@code change} and saves it, all in one transaction. */
    private Deal change(DealId id, Consumer<Deal> change) {
        return inTransaction(() -> {
            Deal deal = deals().lockById(workspace, id).orElseThrow();
            change.accept(deal);
            return deals().save(deal);
        });
    }

    private Deal close(Deal deal, Outcome outcome, LocalDate closedOn, LossAnalysisDraft analysis, Instant at) {
        return change(deal.id(), d -> d.close(outcome, closedOn, analysis, lookups, TODAY, at));
    }

    private Deal reopen(Deal deal, Instant at) {
        return change(deal.id(), d -> d.reopen(at));
    }

    private LossAnalysisDraft analysis(LossReason primary, VocabularyEntry stage) {
        return new LossAnalysisDraft(new ReasonInput(primary.id(), null, null), List.of(), stage.id(), Fit.GOOD_FIT,
                null, null, null);
    }

    /**
     * Finds the deal, and checks that the listing's view (outside a transaction, as queries call it) and the locking
     * read of the write path (a separate read in the PostgreSQL adapter) show the same.
     */
    private Optional<Deal> find(WorkspaceId ws, DealId id) {
        Optional<Deal> found = inTransaction(() -> deals().findById(ws, id));
        Optional<Deal> locked = inTransaction(() -> deals().lockById(ws, id));
        Optional<DealQueries.DealView> view = listing().view(ws, id);
        assertThat(view.isPresent()).as("the view finds what findById finds").isEqualTo(found.isPresent());
        assertThat(locked.isPresent()).as("lockById finds what findById finds").isEqualTo(found.isPresent());
        found.ifPresent(deal -> {
            assertSameDeal(view.orElseThrow().deal(), deal);
            assertSameDeal(locked.orElseThrow(), deal);
        });
        return found;
    }

    private Deal load(DealId id) {
        return find(workspace, id).orElseThrow();
    }

    private static Instant at(int hours) {
        return EPOCH.plus(Duration.ofHours(hours));
    }

    private static void assertSameDeal(Deal actual, Deal expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("newOutcomeChanges").isEqualTo(expected);
    }

    private void assertConflict(String code, Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(StateConflict.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    // ---- DealRepository ------------------------------------------------------------------------

    @Test
    void storesANewDealAtVersionZeroWithEveryField() {
        Deal deal = Deal.open(workspace, DealDetailsBuilder.everything("Acme rollout", hunters, discovery, enterprise,
                cfo, webinar).owner(grace).build(), lookups, EPOCH);

        Deal saved = inTransaction(() -> deals().save(deal));

        assertThat(saved.version()).isZero();
        assertSameDeal(saved, deal);
        assertSameDeal(load(deal.id()), deal);
    }

    @Test
    void storesADealWithOnlyItsRequiredFields() {
        DealDetails bare = new DealDetails("Bare", null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        Deal saved = open(bare, EPOCH);

        assertSameDeal(load(saved.id()), saved);
        assertThat(load(saved.id()).details().riskTags()).isEmpty();
    }

    @Test
    void addsOneToTheVersionOnEverySave() {
        Deal deal = open("Acme rollout");

        Deal first = change(deal.id(), d -> d.revise(deal("Acme rollout v2").build(), lookups, at(1)));
        Deal second = change(deal.id(), d -> d.revise(deal("Acme rollout v3").build(), lookups, at(2)));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        Deal found = load(deal.id());
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.details().name()).isEqualTo("Acme rollout v3");
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.updatedAt()).isEqualTo(at(2));
    }

    @Test
    void findsNothingInAnotherWorkspace() {
        Deal deal = close(open("Acme rollout"), Outcome.LOST, TODAY, analysis(research, discovery), at(1));

        assertThat(find(otherWorkspace, deal.id())).isEmpty();
        assertThat(inTransaction(() -> deals().lockById(otherWorkspace, deal.id()))).isEmpty();
        assertThat(inTransaction(() -> deals().outcomeHistory(otherWorkspace, deal.id()))).isEmpty();
        assertThat(inTransaction(() -> deals().findAnalysis(otherWorkspace, deal.lossAnalysis().id()))).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(find(workspace, DealId.newId())).isEmpty();
        assertThat(inTransaction(() -> deals().lockById(workspace, DealId.newId()))).isEmpty();
        assertThat(inTransaction(() -> deals().findAnalysis(workspace, LossAnalysisId.newId()))).isEmpty();
    }

    @Test
    void viewsADealWithItsWinBacksOldestFirst() {
        Deal lost = close(open("Acme rollout"), Outcome.LOST, TODAY, analysis(research, discovery), at(1));
        Deal second = inTransaction(() -> deals().save(lost.winBack(at(3))));
        Deal first = inTransaction(() -> deals().save(lost.winBack(at(2))));

        DealQueries.DealView view = listing().view(workspace, lost.id()).orElseThrow();

        assertSameDeal(view.deal(), load(lost.id()));
        assertThat(view.winBacks()).containsExactly(first.id(), second.id());
        assertThat(inTransaction(() -> deals().winBacks(workspace, List.of(lost.id()))))
                .containsExactly(Map.entry(lost.id(), List.of(first.id(), second.id())));
        assertThat(listing().view(workspace, first.id()).orElseThrow().winBacks()).isEmpty();
        assertThat(listing().view(otherWorkspace, lost.id())).isEmpty();
    }

    @Test
    void locksTheDealItFinds() {
        Deal deal = open("Acme rollout");

        Deal locked = inTransaction(() -> deals().lockById(workspace, deal.id())).orElseThrow();

        assertSameDeal(locked, deal);
    }

    @Test
    void keepsTheStoredDealWhenAReturnedOneChangesWithoutASave() {
        Deal deal = open("Acme rollout");

        deal.revise(deal("Changed").build(), lookups, at(1));
        deal.close(Outcome.WON, TODAY, null, lookups, TODAY, at(1));

        Deal found = load(deal.id());
        assertThat(found.details().name()).isEqualTo("Acme rollout");
        assertThat(found.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(inTransaction(() -> deals().outcomeHistory(workspace, deal.id()))).isEmpty();
    }

    @Test
    void rejectsAnExternalReferenceTakenInTheWorkspace() {
        open(deal("First").externalReference("salesforce", "006-1").build(), EPOCH);
        Deal second = Deal.open(workspace, deal("Second").externalReference("salesforce", "006-1").build(), lookups,
                EPOCH);

        assertConflict("deal.external-reference-taken", () -> inTransaction(() -> deals().save(second)));
        assertThat(find(workspace, second.id())).isEmpty();
    }

    @Test
    void rejectsRevisingADealToAnExternalReferenceTakenInTheWorkspace() {
        open(deal("First").externalReference("hubspot", "42").build(), EPOCH);
        Deal second = open(deal("Second").externalReference("hubspot", "43").build(), EPOCH);

        assertConflict("deal.external-reference-taken", () -> change(second.id(), d -> d.revise(
                deal("Second").externalReference("hubspot", "42").build(), lookups, at(1))));
        assertThat(load(second.id()).details().externalReference().externalId()).isEqualTo("43");
    }

    @Test
    void acceptsTheSameExternalIdFromAnotherSource() {
        open(deal("First").externalReference("salesforce", "42").build(), EPOCH);

        Deal second = open(deal("Second").externalReference("hubspot", "42").build(), EPOCH);

        assertThat(find(workspace, second.id())).isPresent();
    }

    @Test
    void acceptsTheSameExternalReferenceInAnotherWorkspace() {
        open(deal("First").externalReference("salesforce", "006-1").build(), EPOCH);

        Deal other = open(otherWorkspace, deal("First").externalReference("salesforce", "006-1").build(), EPOCH);

        assertThat(find(otherWorkspace, other.id())).isPresent();
    }

    @Test
    void savesADealAgainUnderItsOwnExternalReference() {
        Deal deal = open(deal("First").externalReference("salesforce", "006-1").build(), EPOCH);

        Deal revised = change(deal.id(), d -> d.revise(
                deal("First, renamed").externalReference("salesforce", "006-1").build(), lookups, at(1)));

        assertThat(revised.version()).isEqualTo(1);
    }

    @Test
    void storesTheLossAnalysisWithTheDeal() {
        LossAnalysisDraft draft = new LossAnalysisDraft(new ReasonInput(rival.id(), true, "They undercut us"),
                List.of(new ReasonInput(timing.id(), null, null), new ReasonInput(research.id(), false, "Partly")),
                proposal.id(), Fit.WRONG_PROSPECT, "Globex", "They went with Globex", "Qualify budget earlier");

        Deal closed = close(open("Acme rollout"), Outcome.LOST, TODAY.minusDays(3), draft, at(1));

        Deal found = load(closed.id());
        assertSameDeal(found, closed);
        assertThat(found.outcome()).isEqualTo(Outcome.LOST);
        assertThat(found.closedOn()).isEqualTo(TODAY.minusDays(3));
        assertThat(found.lossAnalysis().contributingReasons()).extracting(r -> r.reasonId())
                .containsExactly(timing.id(), research.id());
        assertThat(inTransaction(() -> deals().findAnalysis(workspace, closed.lossAnalysis().id()))).get()
                .usingRecursiveComparison().isEqualTo(closed.lossAnalysis());
    }

    @Test
    void appendsOutcomeChangesOldestFirst() {
        Deal deal = open("Acme rollout");
        close(deal, Outcome.WON, TODAY.minusDays(10), null, at(1));
        reopen(deal, at(2));
        Deal lost = close(deal, Outcome.LOST, TODAY, analysis(research, discovery), at(3));

        List<OutcomeChange> history = inTransaction(() -> deals().outcomeHistory(workspace, deal.id()));

        assertThat(history).extracting(OutcomeChange::kind).containsExactly(
                OutcomeChange.Kind.CLOSED, OutcomeChange.Kind.REOPENED, OutcomeChange.Kind.CLOSED);
        assertThat(history).extracting(OutcomeChange::outcome).containsExactly(Outcome.WON, Outcome.OPEN, Outcome.LOST);
        assertThat(history).extracting(OutcomeChange::closedOn).containsExactly(TODAY.minusDays(10), null, TODAY);
        assertThat(history).extracting(OutcomeChange::analysisId)
                .containsExactly(null, null, lost.lossAnalysis().id());
        assertThat(history).extracting(OutcomeChange::occurredAt).containsExactly(at(1), at(2), at(3));
        assertThat(history).extracting(OutcomeChange::id).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void pagesTheOutcomeHistoryAfterTheLastEntryOfThePreviousPage() {
        Deal deal = open("Acme rollout");
        close(deal, Outcome.WON, TODAY.minusDays(10), null, at(1));
        reopen(deal, at(2));
        close(deal, Outcome.LOST, TODAY, analysis(research, discovery), at(3));

        List<OutcomeChange> first = inTransaction(() -> deals().outcomeHistory(workspace, deal.id(), null, null, 2));
        OutcomeChange last = first.get(1);
        List<OutcomeChange> rest = inTransaction(() -> deals().outcomeHistory(workspace, deal.id(), last.occurredAt(), last.id(), 2));

        assertThat(first).extracting(OutcomeChange::occurredAt).containsExactly(at(1), at(2));
        assertThat(rest).extracting(OutcomeChange::occurredAt).containsExactly(at(3));
        assertThat(inTransaction(() -> deals().outcomeHistory(otherWorkspace, deal.id(), null, null, 10))).isEmpty();
    }

    @Test
    void recordsNoOutcomeChangeForAnOpenDeal() {
        Deal deal = open("Acme rollout");
        change(deal.id(), d -> d.revise(deal("Renamed").build(), lookups, at(1)));

        assertThat(inTransaction(() -> deals().outcomeHistory(workspace, deal.id()))).isEmpty();
    }

    @Test
    void clearsTheAnalysisOnReopenButKeepsItFindable() {
        Deal lost = close(open("Acme rollout"), Outcome.LOST, TODAY, analysis(research, discovery), at(1));
        LossAnalysis first = lost.lossAnalysis();

        reopen(lost, at(2));

        Deal reopened = load(lost.id());
        assertThat(reopened.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(reopened.closedOn()).isNull();
        assertThat(reopened.lossAnalysis()).isNull();
        assertThat(inTransaction(() -> deals().findAnalysis(workspace, first.id()))).get()
                .usingRecursiveComparison().isEqualTo(first);
    }

    @Test
    void keepsASupersededAnalysisFindableAfterTheDealIsLostAgain() {
        Deal deal = open("Acme rollout");
        LossAnalysis first = close(deal, Outcome.LOST, TODAY, analysis(research, discovery), at(1)).lossAnalysis();
        reopen(deal, at(2));

        LossAnalysis second = close(deal, Outcome.LOST, TODAY, analysis(timing, proposal), at(3)).lossAnalysis();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(load(deal.id()).lossAnalysis()).usingRecursiveComparison().isEqualTo(second);
        assertThat(inTransaction(() -> deals().findAnalysis(workspace, first.id()))).get()
                .usingRecursiveComparison().isEqualTo(first);
        assertThat(inTransaction(() -> deals().findAnalysis(workspace, second.id()))).get()
                .usingRecursiveComparison().isEqualTo(second);
        assertThat(inTransaction(() -> deals().outcomeHistory(workspace, deal.id())))
                .extracting(OutcomeChange::analysisId).containsExactly(first.id(), null, second.id());
    }

    @Test
    void storesAnAmendedAnalysisUnderTheSameId() {
        Deal lost = close(open("Acme rollout"), Outcome.LOST, TODAY, analysis(research, discovery), at(1));

        Deal amended = change(lost.id(), d -> d.amendLossAnalysis(analysis(timing, proposal), lookups, at(2)));

        assertThat(amended.lossAnalysis().id()).isEqualTo(lost.lossAnalysis().id());
        LossAnalysis found = inTransaction(() -> deals().findAnalysis(workspace, lost.lossAnalysis().id())).orElseThrow();
        assertThat(found.primaryReason().reasonId()).isEqualTo(timing.id());
        assertThat(found.stageLostAtId()).isEqualTo(proposal.id());
        assertThat(found.createdAt()).isEqualTo(at(1));
        assertThat(found.updatedAt()).isEqualTo(at(2));
        assertThat(load(lost.id()).lossAnalysis()).usingRecursiveComparison().isEqualTo(amended.lossAnalysis());
        assertThat(inTransaction(() -> deals().outcomeHistory(workspace, lost.id()))).hasSize(1);
    }

    @Test
    void deletesTheDealAndTombstonesItsExternalReference() {
        Deal deal = close(open(deal("Acme rollout").externalReference("salesforce", "006-9").build(), EPOCH),
                Outcome.LOST, TODAY, analysis(research, discovery), at(1));

        inTransaction(() -> deals().delete(deals().lockById(workspace, deal.id()).orElseThrow()));

        assertThat(find(workspace, deal.id())).isEmpty();
        assertThat(inTransaction(() -> deals().outcomeHistory(workspace, deal.id()))).isEmpty();
        assertThat(inTransaction(() -> deals().isTombstoned(workspace, "salesforce", "006-9"))).isTrue();
        assertThat(inTransaction(() -> deals().isTombstoned(workspace, "salesforce", "006-8"))).isFalse();
        assertThat(inTransaction(() -> deals().isTombstoned(workspace, "hubspot", "006-9"))).isFalse();
        assertThat(inTransaction(() -> deals().isTombstoned(otherWorkspace, "salesforce", "006-9"))).isFalse();
    }

    @Test
    void deletesADealWithoutExternalReference() {
        Deal deal = open("Acme rollout");
        Deal kept = open("Globex pilot");

        inTransaction(() -> deals().delete(deals().lockById(workspace, deal.id()).orElseThrow()));

        assertThat(find(workspace, deal.id())).isEmpty();
        assertThat(find(workspace, kept.id())).isPresent();
    }

    @Test
    void tombstonesNothingForAReferenceThatWasNeverDeleted() {
        open(deal("Live").externalReference("salesforce", "006-1").build(), EPOCH);

        assertThat(inTransaction(() -> deals().isTombstoned(workspace, "salesforce", "006-1"))).isFalse();
    }

    // ---- DealListing ---------------------------------------------------------------------------


    /** Six deals of the workspace (and a decoy in the other workspace) covering every filter and sort. */
    private record Listed(Deal alpha, Deal bravo, Deal charlie, Deal delta, Deal echo, Deal foxtrot) {
        List<Deal> all() {
            return List.of(alpha, bravo, charlie, delta, echo, foxtrot);
        }
    }

    private Listed seedListing() {
        Deal alpha = open(deal("Alpha").account("Initech").owner(ann).team(hunters.id()).stage(discovery.id())
                .segment(enterprise.id()).persona(cfo.id()).leadSource(webinar.id()).amount("100").build(), at(1));
        Deal bravo = open(deal("bravo").account("Globex").owner(bob).team(farmers.id()).stage(proposal.id())
                .build(), at(2));
        Deal charlie = open(deal("Charlie").account("Acme Corp").owner(ann).team(hunters.id()).stage(proposal.id())
                .segment(midMarket.id()).amount("300").build(), at(3));
        Deal delta = open(deal("delta").owner(bob).team(farmers.id()).stage(discovery.id()).persona(cto.id())
                .leadSource(referral.id()).amount("200").build(), at(4));
        Deal echo = open(deal("Echo").account("acme labs").owner(ann).stage(discovery.id()).amount("50").build(),
                at(5));
        Deal foxtrot = open(deal("Foxtrot").account("Umbrella").owner(bob).team(hunters.id()).amount("100").build(),
                at(6));
        charlie = close(charlie, Outcome.LOST, LocalDate.parse("2025-02-01"), analysis(research, discovery), at(7));
        delta = close(delta, Outcome.NO_DECISION, LocalDate.parse("2025-04-01"), null, at(8));
        bravo = close(bravo, Outcome.WON, LocalDate.parse("2025-03-01"), null, at(9));
        open(otherWorkspace, deal("Alpha").account("Acme Corp").owner(annElsewhere).amount("100").build(), at(1));
        return new Listed(alpha, bravo, charlie, delta, echo, foxtrot);
    }

    private List<Deal> page(DealFilter filter, DealSort sort, DealSort.Key after, int limit) {
        return inTransaction(() -> listing().page(workspace, filter, sort, after, limit));
    }

    private List<DealId> ids(DealFilter filter, DealSort sort) {
        return page(filter, sort, null, 100).stream().map(Deal::id).toList();
    }

    private static List<DealId> ids(Deal... deals) {
        return Arrays.stream(deals).map(Deal::id).toList();
    }

    /** Deals that tie on the sort value, in id order (unsigned, as PostgreSQL orders uuid). */
    private static List<Deal> byId(boolean descending, Deal... deals) {
        Comparator<Deal> byId = Comparator.comparing(d -> d.id().value(), DealSort::compareUuids);
        return Arrays.stream(deals).sorted(descending ? byId.reversed() : byId).toList();
    }

    private static List<DealId> concat(List<Deal> first, Deal... rest) {
        List<DealId> ids = new ArrayList<>(first.stream().map(Deal::id).toList());
        ids.addAll(ids(rest));
        return ids;
    }

    private static List<DealId> concat(Deal[] first, List<Deal> rest) {
        List<DealId> ids = new ArrayList<>(ids(first));
        ids.addAll(rest.stream().map(Deal::id).toList());
        return ids;
    }

    private static DealFilter filter(Consumer<FilterBuilder> spec) {
        FilterBuilder b = new FilterBuilder();
        spec.accept(b);
        return b.build();
    }

    /** Deal filters by name, so each test sets only the one it is about. */
    protected static final class FilterBuilder {
        Outcome outcome;
        UUID ownerId;
        VocabularyEntry team;
        VocabularyEntry stage;
        VocabularyEntry segment;
        VocabularyEntry persona;
        VocabularyEntry leadSource;
        LocalDate closedFrom;
        LocalDate closedTo;
        String q;

        DealFilter build() {
            return new DealFilter(outcome, ownerId, team == null ? null : team.id(), stage == null ? null : stage.id(),
                    segment == null ? null : segment.id(), persona == null ? null : persona.id(),
                    leadSource == null ? null : leadSource.id(), closedFrom, closedTo, q, null);
        }
    }

    private static final DealSort BY_NAME = new DealSort(DealSort.Field.NAME, false);

    @Test
    void listsEveryDealOfTheWorkspaceAndNoOther() {
        Listed l = seedListing();

        assertThat(ids(DealFilter.none(), BY_NAME))
                .containsExactlyElementsOf(ids(l.alpha(), l.bravo(), l.charlie(), l.delta(), l.echo(), l.foxtrot()));
    }

    @Test
    void listsNothingForAWorkspaceWithoutDeals() {
        seedListing();

        assertThat(inTransaction(() -> listing().page(newWorkspace(), DealFilter.none(), DealSort.DEFAULT, null, 10)))
                .isEmpty();
    }

    @Test
    void filtersByOutcome() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.outcome = Outcome.OPEN), BY_NAME)).containsExactlyElementsOf(
                ids(l.alpha(), l.echo(), l.foxtrot()));
        assertThat(ids(filter(f -> f.outcome = Outcome.WON), BY_NAME)).containsExactlyElementsOf(ids(l.bravo()));
        assertThat(ids(filter(f -> f.outcome = Outcome.LOST), BY_NAME)).containsExactlyElementsOf(ids(l.charlie()));
        assertThat(ids(filter(f -> f.outcome = Outcome.NO_DECISION), BY_NAME)).containsExactlyElementsOf(
                ids(l.delta()));
    }

    @Test
    void filtersByOwner() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.ownerId = ann.id()), BY_NAME)).containsExactlyElementsOf(
                ids(l.alpha(), l.charlie(), l.echo()));
    }

    @Test
    void filtersByTeam() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.team = hunters), BY_NAME)).containsExactlyElementsOf(
                ids(l.alpha(), l.charlie(), l.foxtrot()));
    }

    @Test
    void filtersByStage() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.stage = proposal), BY_NAME)).containsExactlyElementsOf(
                ids(l.bravo(), l.charlie()));
    }

    @Test
    void filtersBySegment() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.segment = midMarket), BY_NAME)).containsExactlyElementsOf(ids(l.charlie()));
    }

    @Test
    void filtersByPersona() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.persona = cto), BY_NAME)).containsExactlyElementsOf(ids(l.delta()));
    }

    @Test
    void filtersByLeadSource() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.leadSource = webinar), BY_NAME)).containsExactlyElementsOf(ids(l.alpha()));
    }

    @Test
    void filtersByClosedFromInclusive() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.closedFrom = LocalDate.parse("2025-03-01")), BY_NAME))
                .containsExactlyElementsOf(ids(l.bravo(), l.delta()));
    }

    @Test
    void filtersByClosedToInclusive() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.closedTo = LocalDate.parse("2025-03-01")), BY_NAME))
                .containsExactlyElementsOf(ids(l.bravo(), l.charlie()));
    }

    @Test
    void filtersByAClosedRangeOfOneDay() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> {
            f.closedFrom = LocalDate.parse("2025-03-01");
            f.closedTo = LocalDate.parse("2025-03-01");
        }), BY_NAME)).containsExactlyElementsOf(ids(l.bravo()));
    }

    @Test
    void filtersByTextInNameOrAccountIgnoringCase() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> f.q = "ACME"), BY_NAME)).containsExactlyElementsOf(ids(l.charlie(), l.echo()));
        assertThat(ids(filter(f -> f.q = "alph"), BY_NAME)).containsExactlyElementsOf(ids(l.alpha()));
        assertThat(ids(filter(f -> f.q = "nothing like it"), BY_NAME)).isEmpty();
    }

    @Test
    void treatsWildcardCharactersInTheTextFilterLiterally() {
        Deal percent = open("50% off");
        open("500 seats");
        Deal underscore = open("a_b deal");
        open("axb deal");

        assertThat(ids(filter(f -> f.q = "0%"), BY_NAME)).containsExactly(percent.id());
        assertThat(ids(filter(f -> f.q = "a_b"), BY_NAME)).containsExactly(underscore.id());
    }

    @Test
    void combinesFiltersWithAnd() {
        Listed l = seedListing();

        assertThat(ids(filter(f -> {
            f.ownerId = ann.id();
            f.team = hunters;
            f.outcome = Outcome.OPEN;
        }), BY_NAME)).containsExactlyElementsOf(ids(l.alpha()));
        assertThat(ids(filter(f -> {
            f.stage = discovery;
            f.q = "acme";
        }), BY_NAME)).containsExactlyElementsOf(ids(l.echo()));
    }

    @Test
    void sortsByCreatedAt() {
        Listed l = seedListing();

        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.CREATED_AT, false))).containsExactlyElementsOf(
                ids(l.alpha(), l.bravo(), l.charlie(), l.delta(), l.echo(), l.foxtrot()));
        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.CREATED_AT, true))).containsExactlyElementsOf(
                ids(l.foxtrot(), l.echo(), l.delta(), l.charlie(), l.bravo(), l.alpha()));
    }

    @Test
    void sortsByUpdatedAt() {
        Listed l = seedListing();

        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.UPDATED_AT, false))).containsExactlyElementsOf(
                ids(l.alpha(), l.echo(), l.foxtrot(), l.charlie(), l.delta(), l.bravo()));
        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.UPDATED_AT, true))).containsExactlyElementsOf(
                ids(l.bravo(), l.delta(), l.charlie(), l.foxtrot(), l.echo(), l.alpha()));
    }

    @Test
    void sortsByClosedOnWithOpenDealsLast() {
        Listed l = seedListing();

        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.CLOSED_ON, false))).containsExactlyElementsOf(
                concat(new Deal[] {l.charlie(), l.bravo(), l.delta()}, byId(false, l.alpha(), l.echo(), l.foxtrot())));
        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.CLOSED_ON, true))).containsExactlyElementsOf(
                concat(new Deal[] {l.delta(), l.bravo(), l.charlie()}, byId(true, l.alpha(), l.echo(), l.foxtrot())));
    }

    @Test
    void sortsByAmountWithTiesByIdAndMissingAmountsLast() {
        Listed l = seedListing();

        List<DealId> ascending = new ArrayList<>(ids(l.echo()));
        ascending.addAll(concat(byId(false, l.alpha(), l.foxtrot()), l.delta(), l.charlie(), l.bravo()));
        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.AMOUNT, false))).containsExactlyElementsOf(
                ascending);

        List<DealId> descending = new ArrayList<>(ids(l.charlie(), l.delta()));
        descending.addAll(concat(byId(true, l.alpha(), l.foxtrot()), l.echo(), l.bravo()));
        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.AMOUNT, true))).containsExactlyElementsOf(
                descending);
    }

    @Test
    void sortsByNameIgnoringCase() {
        Listed l = seedListing();

        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.NAME, false))).containsExactlyElementsOf(
                ids(l.alpha(), l.bravo(), l.charlie(), l.delta(), l.echo(), l.foxtrot()));
        assertThat(ids(DealFilter.none(), new DealSort(DealSort.Field.NAME, true))).containsExactlyElementsOf(
                ids(l.foxtrot(), l.echo(), l.delta(), l.charlie(), l.bravo(), l.alpha()));
    }

    @Test
    void returnsAtMostTheLimit() {
        Listed l = seedListing();

        assertThat(page(DealFilter.none(), BY_NAME, null, 4)).extracting(Deal::id)
                .containsExactlyElementsOf(ids(l.alpha(), l.bravo(), l.charlie(), l.delta()));
    }

    @Test
    void startsStrictlyAfterTheGivenKey() {
        Listed l = seedListing();

        assertThat(page(DealFilter.none(), BY_NAME, BY_NAME.keyOf(l.charlie()), 100)).extracting(Deal::id)
                .containsExactlyElementsOf(ids(l.delta(), l.echo(), l.foxtrot()));
    }

    @Test
    void returnsDealsWithTheirAnalysis() {
        Listed l = seedListing();

        Deal charlie = page(filter(f -> f.outcome = Outcome.LOST), BY_NAME, null, 10).get(0);

        assertSameDeal(charlie, l.charlie());
    }

    static Stream<DealSort> everySort() {
        return Arrays.stream(DealSort.Field.values())
                .flatMap(field -> Stream.of(new DealSort(field, false), new DealSort(field, true)));
    }

    @ParameterizedTest
    @MethodSource("everySort")
    void walksAllPagesSeeingEveryDealOnceInOrder(DealSort sort) {
        seedListing();
        List<DealId> expected = ids(DealFilter.none(), sort);

        for (int limit = 1; limit <= 3; limit++) {
            assertThat(walk(DealFilter.none(), sort, limit)).as("limit %d", limit).containsExactlyElementsOf(expected);
        }
        assertThat(expected).hasSize(6).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("everySort")
    void walksAllPagesOfAFilteredList(DealSort sort) {
        Listed l = seedListing();
        DealFilter open = filter(f -> f.outcome = Outcome.OPEN);

        List<DealId> walked = walk(open, sort, 2);

        assertThat(walked).containsExactlyElementsOf(ids(open, sort));
        assertThat(new HashSet<>(walked)).isEqualTo(new HashSet<>(ids(l.alpha(), l.echo(), l.foxtrot())));
    }

    /** Follows pages of {@code limit} from the first to the empty one, keyed as the query service keys them. */
    private List<DealId> walk(DealFilter filter, DealSort sort, int limit) {
        List<DealId> seen = new ArrayList<>();
        DealSort.Key after = null;
        for (int pages = 0; pages < 50; pages++) {
            List<Deal> page = page(filter, sort, after, limit);
            assertThat(page).hasSizeLessThanOrEqualTo(limit);
            if (page.isEmpty()) {
                return seen;
            }
            page.forEach(d -> seen.add(d.id()));
            after = sort.keyOf(page.get(page.size() - 1));
        }
        throw new AssertionError("no end after 50 pages: " + seen);
    }
}
