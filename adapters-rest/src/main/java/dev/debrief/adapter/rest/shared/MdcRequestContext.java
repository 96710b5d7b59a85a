package dev.debrief.adapter.rest.shared;

import dev.debrief.application.port.out.audit.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.util.Optional;

/** The request id {@link RequestIds} put in the logging context of the request being served. */
@ApplicationScoped
public class MdcRequestContext implements RequestContext {

    @Override
    public Optional<String> requestId() {
        Object id = MDC.get(RequestIds.MDC_KEY);
        return id == null || id.toString().isBlank() ? Optional.empty() : Optional.of(id.toString());
    }
}
