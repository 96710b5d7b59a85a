package dev.debrief.application.port.out.ingest;

/** The database refused a write the application had already validated (a constraint, a value it can't hold). */
public class RejectedByDatabase extends RuntimeException {

    private final String constraint;

    public RejectedByDatabase(String constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    /** The name of the constraint that refused it, when the database said. */
    public String constraint() {
        return constraint;
    }
}
