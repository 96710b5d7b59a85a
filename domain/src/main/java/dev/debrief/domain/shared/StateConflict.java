package dev.debrief.domain.shared;

/** The request is valid but the resource is in a state that forbids it (HTTP 409). */
public class StateConflict extends DomainException {

    public StateConflict(String code, String message) {
        super(code, message, null);
    }
}
