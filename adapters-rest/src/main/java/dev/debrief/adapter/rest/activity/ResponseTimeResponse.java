package dev.debrief.adapter.rest.activity;

import dev.debrief.application.port.in.activity.ActivityQueries.DealResponseTime;
import dev.debrief.domain.activity.ResponseTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A deal's response time, in whole seconds. */
@Schema(name = "DealResponseTime", description = "How fast the team answered the buyer on this deal. Each INBOUND call, email or "
        + "meeting is answered by the first OUTBOUND call, email or meeting at or after it (several inbound touches before one "
        + "answer are each answered by it); NOTEs and INTERNAL activities neither wait nor answer. Times are elapsed calendar "
        + "time (nights and weekends count, no business hours), in whole seconds, rounded down. An inbound touch with no "
        + "answer yet is counted in unanswered and is in neither figure.")
public record ResponseTimeResponse(
        UUID dealId,
        @Schema(description = "The median response time of the answered inbound touches, in seconds (of an even count, the mean "
                + "of the two middle ones); null when none was answered", nullable = true, minimum = "0",
                maximum = "9223372036854775807", examples = "5400") Long medianSeconds,
        @Schema(description = "The longest response time of the answered inbound touches, in seconds; null when none was answered",
                nullable = true, minimum = "0", maximum = "9223372036854775807", examples = "86400") Long worstSeconds,
        @Schema(description = "Inbound touches answered", minimum = "0", maximum = "10000", examples = "7") int answered,
        @Schema(description = "Inbound touches with no answer at or after them", minimum = "0", maximum = "10000", examples = "1") int unanswered,
        @Schema(description = "When the oldest unanswered inbound touch happened; null when none waits", nullable = true,
                examples = "2026-11-20T09:12:00Z") Instant unansweredSince,
        @Schema(description = "How many activities the deal has (of every type and direction)", minimum = "0", maximum = "10000",
                examples = "23") int activities) {

    static ResponseTimeResponse from(UUID dealId, DealResponseTime figures) {
        ResponseTime rt = figures.responseTime();
        return new ResponseTimeResponse(dealId, seconds(rt.median()), seconds(rt.worst()), rt.answered(), rt.unanswered(),
                rt.unansweredSince(), figures.activities());
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.getSeconds();
    }
}
