package dev.debrief.bootstrap.db;

/**
 * The service refuses to start because of how it is configured. Its message says what to set;
 * {@code DebriefMain} prints it as one ERROR line and exits with status 1, without a stack trace
 * (the trace would only point into our own start-up code).
 */
public final class StartupRefused extends RuntimeException {

    public StartupRefused(String whatToSet) {
        super(whatToSet, null, false, false);
    }
}
