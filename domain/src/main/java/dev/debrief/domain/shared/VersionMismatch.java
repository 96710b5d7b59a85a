package dev.debrief.domain.shared;

/** The client wrote against a version that is no longer current (HTTP 412). */
public class VersionMismatch extends DomainException {

    public static final String CODE = "precondition.failed";

    /** The expected version of a client that accepts whatever version is current ({@code If-Match: *}, RFC 9110 13.1.1). */
    public static final long ANY = Long.MIN_VALUE;

    public VersionMismatch(long expected, long actual) {
        super(CODE, "The resource changed: you sent version " + expected + " but it is at version " + actual
                + ". Fetch it again and reapply your change.", null);
    }

    /** The one optimistic-concurrency rule of every aggregate: the version the client saw must be the current one, or ANY. */
    public static void require(long expected, long actual) {
        if (expected != ANY && expected != actual) {
            throw new VersionMismatch(expected, actual);
        }
    }
}
