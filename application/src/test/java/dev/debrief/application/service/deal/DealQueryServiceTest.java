package dev.debrief.application.service.deal;

import dev.debrief.application.port.in.deal.CloseDealUseCase.CloseDealCommand;
import dev.debrief.application.port.in.deal.DealCursor;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealPage;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.debrief.application.fixture.DealDetailsBuilder.deal;
import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class DealQueryServiceTest {

    private static final DealSort NEWEST_FIRST = DealSort.DEFAULT;
    private static final DealSort BY_NAME = DealSort.parse("name");

    private final TestApplication app = new TestApplication();
    private final WorkspaceId workspace = app.createWorkspace("Europe/Berlin").id();

    /** Deals created one minute apart, so the default order (newest first) is the reverse of the arguments. */
    private List<Deal> create(String... names) {
        List<Deal> deals = new ArrayList<>();
        for (String name : names) {
            app.clock.advance(Duration.ofMinutes(1));
            deals.add(app.deals.create(app.admin(workspace), deal(name).amount(String.valueOf(name.length() * 10)).build()));
        }
        return deals;
    }

    private DealPage list(DealFilter filter, DealSort sort, String cursor, int limit) {
        return app.dealQueries.list(workspace, filter, sort, cursor, limit);
    }

    private static List<DealId> ids(List<Deal> deals) {
        return deals.stream().map(Deal::id).toList();
    }

    @Test
    void pagesThroughEveryDealWithCursors() {
        List<Deal> deals = create("One", "Two", "Three", "Four", "Five");

        DealPage first = list(DealFilter.none(), NEWEST_FIRST, null, 2);
        DealPage second = list(DealFilter.none(), NEWEST_FIRST, first.nextCursor(), 2);
        DealPage third = list(DealFilter.none(), NEWEST_FIRST, second.nextCursor(), 2);

        assertThat(ids(first.items())).containsExactly(deals.get(4).id(), deals.get(3).id());
        assertThat(ids(second.items())).containsExactly(deals.get(2).id(), deals.get(1).id());
        assertThat(ids(third.items())).containsExactly(deals.get(0).id());
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.nextCursor()).isNotNull();
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void endsWithoutAnEmptyPageWhenTheLastPageIsFull() {
        create("One", "Two", "Three", "Four");

        DealPage first = list(DealFilter.none(), BY_NAME, null, 2);
        DealPage second = list(DealFilter.none(), BY_NAME, first.nextCursor(), 2);

        assertThat(second.items()).extracting(d -> d.details().name()).containsExactly("Three", "Two");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void pagesThroughAFilteredListSortedByAField() {
        List<Deal> deals = create("Alpha", "Bravo", "Charlie", "Delta");
        for (Deal d : List.of(deals.get(0), deals.get(2), deals.get(3))) {
            app.deals.close(new CloseDealCommand(app.admin(workspace), d.id(), 0, Outcome.WON, LocalDate.parse("2025-03-01"),
                    null));
        }
        DealFilter won = new DealFilter(Outcome.WON, null, null, null, null, null, null, null, null, null, null);
        DealSort byAmount = DealSort.parse("-amount");

        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            DealPage page = list(won, byAmount, cursor, 1);
            page.items().forEach(d -> names.add(d.details().name()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(names).containsExactly("Charlie", "Delta", "Alpha");
    }

    @Test
    void listsOnlyTheWorkspacesDeals() {
        create("Ours");
        WorkspaceId other = app.createWorkspace("Europe/Berlin").id();
        app.deals.create(app.admin(other), deal("Theirs").build());

        assertThat(list(DealFilter.none(), NEWEST_FIRST, null, 10).items()).extracting(d -> d.details().name())
                .containsExactly("Ours");
    }

    @Test
    void rejectsACursorUsedWithAnotherFilter() {
        create("One", "Two", "Three");
        String cursor = list(DealFilter.none(), NEWEST_FIRST, null, 1).nextCursor();
        DealFilter other = new DealFilter(null, null, null, null, null, null, null, null, null, "one", null);

        InvalidInput error = assertRejected(InvalidInput.class, "cursor.mismatch",
                () -> list(other, NEWEST_FIRST, cursor, 1));
        assertThat(error.field()).isEqualTo("cursor");
    }

    @Test
    void rejectsACursorUsedWithAnotherSort() {
        create("One", "Two", "Three");
        String cursor = list(DealFilter.none(), NEWEST_FIRST, null, 1).nextCursor();

        assertRejected(InvalidInput.class, "cursor.mismatch", () -> list(DealFilter.none(), BY_NAME, cursor, 1));
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        create("One");
        String encodedJunk = Base64.getUrlEncoder().encodeToString("d1|x|y".getBytes(StandardCharsets.UTF_8));
        String otherVersion = Base64.getUrlEncoder().encodeToString("d0|a|b|c".getBytes(StandardCharsets.UTF_8));

        for (String cursor : List.of("garbage", "!!!", "", encodedJunk, otherVersion)) {
            InvalidInput error = assertRejected(InvalidInput.class, "cursor.invalid",
                    () -> list(DealFilter.none(), NEWEST_FIRST, cursor, 10));
            assertThat(error.field()).isEqualTo("cursor");
        }
    }

    @Test
    void rejectsACursorWhoseKeyDoesNotParse() {
        DealSort byClosedOn = DealSort.parse("closedOn");
        String badValue = DealCursor.encode(DealFilter.none(), byClosedOn, new DealSort.Key("not-a-date", UUID.randomUUID()));
        String badId = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(DealCursor.encode(DealFilter.none(), byClosedOn,
                        new DealSort.Key("2025-01-01", UUID.randomUUID()))), StandardCharsets.UTF_8)
                        .replaceFirst("\\|[0-9a-f-]{36}\\|", "|not-a-uuid|").getBytes(StandardCharsets.UTF_8));

        assertRejected(InvalidInput.class, "cursor.invalid", () -> list(DealFilter.none(), byClosedOn, badValue, 10));
        assertRejected(InvalidInput.class, "cursor.invalid", () -> list(DealFilter.none(), byClosedOn, badId, 10));
    }

    @Test
    void acceptsLimitsFromOneToOneHundred() {
        create("One", "Two");

        assertThat(list(DealFilter.none(), NEWEST_FIRST, null, 1).items()).hasSize(1);
        assertThat(list(DealFilter.none(), NEWEST_FIRST, null, DealQueries.MAX_PAGE_SIZE).items()).hasSize(2);
    }

    @Test
    void rejectsALimitOutOfRange() {
        for (int limit : new int[] {0, -1, DealQueries.MAX_PAGE_SIZE + 1}) {
            InvalidInput error = assertRejected(InvalidInput.class, "page.limit-out-of-range",
                    () -> list(DealFilter.none(), NEWEST_FIRST, null, limit));
            assertThat(error.field()).isEqualTo("limit");
        }
    }

    @Test
    void rejectsListingAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found",
                () -> app.dealQueries.list(WorkspaceId.newId(), DealFilter.none(), NEWEST_FIRST, null, 10));
    }

    @Test
    void rejectsGettingAnUnknownDeal() {
        assertRejected(NotFound.class, "deal.not-found", () -> app.dealQueries.get(workspace, DealId.newId()));
    }

    @Test
    void rejectsGettingAnotherWorkspacesDeal() {
        WorkspaceId other = app.createWorkspace("Europe/Berlin").id();
        Deal theirs = app.deals.create(app.admin(other), deal("Theirs").build());

        assertRejected(NotFound.class, "deal.not-found", () -> app.dealQueries.get(workspace, theirs.id()));
        assertRejected(NotFound.class, "deal.not-found", () -> app.dealQueries.outcomeHistory(workspace, theirs.id()));
    }

    @Test
    void findsNoLossAnalysisForAnOpenDeal() {
        Deal deal = create("Open one").get(0);

        assertRejected(NotFound.class, "loss-analysis.not-found", () -> app.dealQueries.lostDeal(workspace, deal.id()));
    }

    @Test
    void findsNoLossAnalysisForAWonDeal() {
        Deal deal = create("Won one").get(0);
        app.deals.close(new CloseDealCommand(app.admin(workspace), deal.id(), 0, Outcome.WON, LocalDate.parse("2025-03-01"), null));

        assertRejected(NotFound.class, "loss-analysis.not-found", () -> app.dealQueries.lostDeal(workspace, deal.id()));
    }

    @Test
    void rejectsTheHistoryOfAnUnknownDeal() {
        assertRejected(NotFound.class, "deal.not-found",
                () -> app.dealQueries.outcomeHistory(workspace, DealId.newId()));
    }

    @Test
    void showsAnEmptyHistoryForADealNeverClosed() {
        Deal deal = create("Open one").get(0);

        assertThat(app.dealQueries.outcomeHistory(workspace, deal.id())).isEmpty();
    }
}
