package dev.debrief.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How fast the team answered the buyer on one deal (seed 004: "did you miss an important call or not
 * provide information in a timely manner?").
 *
 * <ul>
 *   <li>An <b>inbound touch</b> is an INBOUND CALL, EMAIL or MEETING. An <b>answer</b> is an OUTBOUND CALL,
 *   EMAIL or MEETING. NOTEs (whatever their direction) and INTERNAL activities are neither.</li>
 *   <li>Each inbound touch is answered by the first answer that occurred <b>at or after</b> it; several
 *   inbound touches before one answer are each answered by it, each measured from its own time (the
 *   buyer who wrote twice waited twice).</li>
 *   <li>Its response time is the <b>elapsed</b> time between the two instants: calendar time, nights,
 *   weekends and holidays included, no business hours. It doesn't depend on any time zone.</li>
 *   <li>An inbound touch with no answer at or after it is <b>unanswered</b>: counted apart, in neither
 *   the median nor the worst (its wait is still growing), with the time of the oldest one.</li>
 *   <li>The <b>median</b> of the answered touches' times (of an even count, the mean of the two middle
 *   ones) and the <b>worst</b> (the longest). Both null when nothing was
 *   answered.</li>
 * </ul>
 */
public record ResponseTime(Duration median, Duration worst, int answered, int unanswered, Instant unansweredSince) {

    public static final ResponseTime NOTHING_TO_MEASURE = new ResponseTime(null, null, 0, 0, null);

    /** The response time of a deal with these activities (in any order). */
    public static ResponseTime of(Collection<Activity> activities) {
        List<Activity> touches = activities.stream()
                .filter(a -> a.isInboundTouch() || a.isOutboundTouch())
                .sorted(Comparator.comparing(Activity::occurredAt))
                .toList();
        List<Duration> times = new ArrayList<>();
        List<Instant> waiting = new ArrayList<>();
        int i = 0;
        while (i < touches.size()) {
            // All touches at one instant together: an answer at the same instant as an inbound answers it.
            Instant at = touches.get(i).occurredAt();
            boolean answers = false;
            int inboundsHere = 0;
            for (; i < touches.size() && touches.get(i).occurredAt().equals(at); i++) {
                if (touches.get(i).isOutboundTouch()) {
                    answers = true;
                } else {
                    inboundsHere++;
                }
            }
            for (int k = 0; k < inboundsHere; k++) {
                waiting.add(at);
            }
            if (answers) {
                waiting.forEach(since -> times.add(Duration.between(since, at)));
                waiting.clear();
            }
        }
        if (times.isEmpty() && waiting.isEmpty()) {
            return NOTHING_TO_MEASURE;
        }
        times.sort(Comparator.naturalOrder());
        Duration median = null;
        Duration worst = null;
        if (!times.isEmpty()) {
            int n = times.size();
            median = n % 2 == 1 ? times.get(n / 2) : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2);
            worst = times.get(n - 1);
        }
        return new ResponseTime(median, worst, times.size(), waiting.size(), waiting.isEmpty() ? null : waiting.get(0));
    }
}
