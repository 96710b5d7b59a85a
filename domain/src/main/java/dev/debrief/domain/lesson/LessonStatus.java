package dev.debrief.domain.lesson;

/** PROPOSED → ADOPTED → RETIRED, and RETIRED → ADOPTED again. */
public enum LessonStatus {
    PROPOSED, ADOPTED, RETIRED;

    boolean mayBecome(LessonStatus next) {
        return switch (this) {
            case PROPOSED, RETIRED -> next == ADOPTED;
            case ADOPTED -> next == RETIRED;
        };
    }
}
