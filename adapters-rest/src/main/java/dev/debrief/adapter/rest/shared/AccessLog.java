package dev.debrief.adapter.rest.shared;

import io.quarkus.vertx.http.runtime.filters.accesslog.AccessLogHandler;
import io.quarkus.vertx.http.runtime.filters.accesslog.AccessLogReceiver;
import io.quarkus.vertx.http.runtime.filters.accesslog.JBossLoggingAccessLogReceiver;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The access log: one line per request, in Quarkus's format ({@code quarkus.http.access-log.pattern}, to the
 * {@code quarkus.http.access-log.category} logger), with every line passed through {@link SecretRedaction} so
 * that credentials clients put in URLs by mistake (they are refused: a query parameter is no credential) are
 * not kept. Quarkus's own access log ({@code quarkus.http.access-log.enabled}) must stay off: it would log them.
 * This handler is Quarkus's, installed where Quarkus installs it (first on the router) with the settings Quarkus
 * would read (pattern, category, exclude-pattern, consolidate-rerouted-requests); only its receiver is ours.
 */
@ApplicationScoped
public class AccessLog {

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.access-log.pattern", defaultValue = "common") String pattern,
                 @ConfigProperty(name = "quarkus.http.access-log.category",
                         defaultValue = "io.quarkus.http.access-log") String category,
                 @ConfigProperty(name = "quarkus.http.access-log.exclude-pattern") Optional<String> excluded,
                 @ConfigProperty(name = "quarkus.http.access-log.consolidate-rerouted-requests", defaultValue = "false")
                 boolean consolidateRerouted) {
        JBossLoggingAccessLogReceiver logger = new JBossLoggingAccessLogReceiver(category);
        AccessLogReceiver redacting = line -> logger.logMessage(SecretRedaction.redact(line));
        router.route().order(Integer.MIN_VALUE)
                .handler(new AccessLogHandler(redacting, pattern, consolidateRerouted, AccessLog.class.getClassLoader(), excluded));
    }
}
