package dev.debrief.domain.followup;

import java.time.LocalDate;

/**
 * Where an open follow-up's due date stands against today in the workspace's time zone. Computed at
 * read time, never stored: a due date before today is OVERDUE.
 */
public enum DueState {
    OVERDUE, TODAY, UPCOMING;

    public static DueState of(LocalDate dueOn, LocalDate today) {
        int c = dueOn.compareTo(today);
        return c < 0 ? OVERDUE : c == 0 ? TODAY : UPCOMING;
    }
}
