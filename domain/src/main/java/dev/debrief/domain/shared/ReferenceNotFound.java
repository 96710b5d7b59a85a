package dev.debrief.domain.shared;

/** An id in a request body that does not resolve in this workspace (HTTP 422, code reference.not-found). */
public class ReferenceNotFound extends DomainException {

    public static final String CODE = "reference.not-found";

    public ReferenceNotFound(String what, Object id, String field) {
        super(CODE, what + " " + id + " does not exist in this workspace", field);
    }
}
