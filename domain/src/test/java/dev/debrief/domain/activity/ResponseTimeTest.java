package dev.debrief.domain.activity;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.debrief.domain.activity.ActivityDirection.INBOUND;
import static dev.debrief.domain.activity.ActivityDirection.INTERNAL;
import static dev.debrief.domain.activity.ActivityDirection.OUTBOUND;
import static dev.debrief.domain.activity.ActivityType.CALL;
import static dev.debrief.domain.activity.ActivityType.EMAIL;
import static dev.debrief.domain.activity.ActivityType.MEETING;
import static dev.debrief.domain.activity.ActivityType.NOTE;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseTimeTest {

    private static final Instant T0 = Instant.parse("2026-03-27T09:00:00Z");
    private static final WorkspaceId WS = WorkspaceId.newId();
    private static final DealId DEAL = DealId.newId();

    private static Activity at(long minutes, ActivityType type, ActivityDirection direction) {
        return Activity.record(WS, DEAL, type, direction, T0.plus(Duration.ofMinutes(minutes)), null, null, null,
                T0.plus(Duration.ofDays(30)), "");
    }

    private static ResponseTime of(Activity... activities) {
        List<Activity> shuffled = new ArrayList<>(List.of(activities));
        Collections.reverse(shuffled); // the rule orders them itself
        return ResponseTime.of(shuffled);
    }

    @Test
    void eachInboundTouchIsAnsweredByTheFirstOutboundTouchAtOrAfterIt() {
        ResponseTime rt = of(at(0, EMAIL, INBOUND), at(30, EMAIL, OUTBOUND), at(100, CALL, INBOUND),
                at(100, CALL, OUTBOUND), at(200, MEETING, INBOUND), at(290, EMAIL, OUTBOUND), at(400, EMAIL, OUTBOUND));

        // 30, 0 (same instant) and 90 minutes
        assertThat(rt.answered()).isEqualTo(3);
        assertThat(rt.unanswered()).isZero();
        assertThat(rt.median()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rt.worst()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rt.unansweredSince()).isNull();
    }

    @Test
    void severalInboundTouchesBeforeOneAnswerAreEachAnsweredByItFromTheirOwnTime() {
        ResponseTime rt = of(at(0, EMAIL, INBOUND), at(60, CALL, INBOUND), at(120, EMAIL, OUTBOUND));

        assertThat(rt.answered()).isEqualTo(2);
        // 120 and 60 minutes: the median of an even count is the mean of the two middle ones
        assertThat(rt.median()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rt.worst()).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void notesAndInternalActivitiesNeitherWaitNorAnswer() {
        ResponseTime rt = of(at(0, EMAIL, INBOUND), at(10, NOTE, OUTBOUND), at(20, CALL, INTERNAL),
                at(30, NOTE, INBOUND), at(50, EMAIL, OUTBOUND));

        assertThat(rt.answered()).isEqualTo(1);
        assertThat(rt.median()).isEqualTo(Duration.ofMinutes(50));
        assertThat(rt.worst()).isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void anInboundTouchWithNoAnswerAfterItIsCountedApartAndInNeitherFigure() {
        ResponseTime rt = of(at(-30, EMAIL, OUTBOUND), at(0, EMAIL, INBOUND), at(15, EMAIL, OUTBOUND),
                at(1000, CALL, INBOUND), at(2000, EMAIL, INBOUND));

        assertThat(rt.answered()).isEqualTo(1);
        assertThat(rt.unanswered()).isEqualTo(2);
        assertThat(rt.median()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rt.worst()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rt.unansweredSince()).isEqualTo(T0.plus(Duration.ofMinutes(1000)));
    }

    @Test
    void onlyUnansweredTouchesGiveNullFigures() {
        ResponseTime rt = of(at(0, CALL, INBOUND));

        assertThat(rt).isEqualTo(new ResponseTime(null, null, 0, 1, T0));
    }

    @Test
    void aDealWithoutInboundTouchesHasNothingToMeasure() {
        assertThat(of()).isEqualTo(ResponseTime.NOTHING_TO_MEASURE);
        assertThat(of(at(0, EMAIL, OUTBOUND), at(5, NOTE, INBOUND), at(9, MEETING, INTERNAL)))
                .isEqualTo(ResponseTime.NOTHING_TO_MEASURE);
    }

    @Test
    void elapsedTimeCountsNightsWeekendsAndTheDaylightSavingChangeAsTheyPass() {
        // Friday 27 March 2026 18:00 in Berlin (17:00 UTC), answered Monday 30 March 09:00 in Berlin (07:00 UTC,
        // summer time since Sunday): 62 elapsed hours, not 63 by the wall clock and not 0 business hours.
        Instant friday = Instant.parse("2026-03-27T17:00:00Z");
        Instant monday = Instant.parse("2026-03-30T07:00:00Z");
        Instant now = monday.plus(Duration.ofDays(1));
        ResponseTime rt = ResponseTime.of(List.of(
                Activity.record(WS, DEAL, CALL, INBOUND, friday, null, null, null, now, ""),
                Activity.record(WS, DEAL, EMAIL, OUTBOUND, monday, null, null, null, now, "")));

        assertThat(rt.worst()).isEqualTo(Duration.ofHours(62));
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleOne() {
        ResponseTime rt = of(at(0, EMAIL, INBOUND), at(5, EMAIL, OUTBOUND), at(10, EMAIL, INBOUND), at(110, EMAIL, OUTBOUND),
                at(200, EMAIL, INBOUND), at(207, EMAIL, OUTBOUND));

        assertThat(rt.median()).isEqualTo(Duration.ofMinutes(7));
        assertThat(rt.worst()).isEqualTo(Duration.ofMinutes(100));
    }
}
