package dev.debrief.application.port.out.audit;

import java.util.Optional;

/** The request a use case serves, as far as the audit trail needs it. */
public interface RequestContext {

    /** The request id (X-Request-Id), or empty outside a request (start-up, jobs). */
    Optional<String> requestId();
}
