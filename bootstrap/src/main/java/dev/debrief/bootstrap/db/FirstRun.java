package dev.debrief.bootstrap.db;

import dev.debrief.application.port.in.access.FirstRunUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the embedded default's first start (empty database), creates a workspace and an admin API key
 * and prints the key once, to the console only (never to a log file). In every other case the
 * service starts with no implicit credentials.
 */
@ApplicationScoped
public class FirstRun {

    @Inject
    FirstRunUseCase firstRun;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    void onStart(@Observes StartupEvent event) {
        if (!DatabaseInUse.embeddedInUse()) {
            return;
        }
        firstRun.setUpIfEmpty().ifPresent(run -> {
            String base = "http://localhost:" + port + "/api/v1";
            System.out.println("""

                    ============================================================================
                     First start: created the workspace "%s" (%s)
                     and an admin API key. It is shown this once; store it now:

                       %s

                     Try it:
                       curl -H 'Authorization: Bearer %s' %s/workspaces/%s

                     Lost it? 'java -jar quarkus-run.jar admin-key "My workspace"' prints a new one;
                     'java -jar quarkus-run.jar token you@example.com' a person's token (README,
                     "Authentication").
                    ============================================================================
                    """.formatted(run.workspace().name(), run.workspace().id(), run.adminKey().secret(),
                    run.adminKey().secret(), base, run.workspace().id()));
        });
    }
}
