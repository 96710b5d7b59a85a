package dev.debrief.bootstrap.db;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The service (or a command) refuses to run because of how it is configured. Its message says what
 * to set; {@code DebriefMain} prints it as one ERROR line ({@link #printErrorLine()}) and exits with
 * status 1, without a stack trace (the trace would only point into our own start-up code).
 */
public final class StartupRefused extends RuntimeException {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    public StartupRefused(String whatToSet) {
        super(whatToSet, null, false, false);
    }

    /** One line on stderr, in the log's format (Quarkus has not set up logging yet: a logger here prints nothing). */
    public void printErrorLine() {
        System.err.println(LocalDateTime.now().format(LOG_TIME) + " ERROR [dev.deb.boo.DebriefMain] (main) " + getMessage());
    }
}
