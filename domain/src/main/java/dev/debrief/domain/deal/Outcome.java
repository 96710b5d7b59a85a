package dev.debrief.domain.deal;

public enum Outcome {
    OPEN, WON, LOST, NO_DECISION;

    public boolean closed() {
        return this != OPEN;
    }
}
