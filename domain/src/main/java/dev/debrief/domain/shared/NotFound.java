package dev.debrief.domain.shared;

/** The resource named by the request path does not exist in this workspace (HTTP 404). */
public class NotFound extends DomainException {

    public NotFound(String code, String message) {
        super(code, message, null);
    }
}
