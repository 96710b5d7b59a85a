package dev.debrief.domain.shared;

/** A request that is malformed for a reason only the application can see, e.g. a cursor that doesn't fit its query (HTTP 400). */
public class InvalidInput extends DomainException {

    public InvalidInput(String code, String message, String field) {
        super(code, message, field);
    }
}
