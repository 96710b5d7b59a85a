package dev.debrief.domain.shared;

/** The caller is known and may see the workspace, but not do this (HTTP 403). */
public class Forbidden extends DomainException {

    public static final String CODE = "access.forbidden";

    public Forbidden(String message) {
        super(CODE, message, null);
    }
}
