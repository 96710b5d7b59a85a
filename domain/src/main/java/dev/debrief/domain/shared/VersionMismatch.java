package dev.debrief.domain.shared;

/** The client wrote against a version that is no longer current (HTTP 412). */
public class VersionMismatch extends DomainException {

    public static final String CODE = "precondition.failed";

    public VersionMismatch(long expected, long actual) {
        super(CODE, "The resource changed: you sent version " + expected + " but it is at version " + actual
                + ". Fetch it again and reapply your change.", null);
    }
}
