package dev.debrief.bootstrap.db;

import dev.debrief.application.port.in.access.FirstRunUseCase;
import dev.debrief.application.port.in.demo.SeedDemoWorkspaceUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On the embedded default's first start (empty database), creates a workspace and an admin API key
 * and prints the key once, to the console only (never to a log file). In every other case the
 * service starts with no implicit credentials.
 * <p>
 * With {@code debrief.demo=true} ({@code DEBRIEF_DEMO}) it also fills a demo workspace of its own
 * (unless there is one) and prints that workspace's admin key the same way. On a configured database
 * that needs {@code debrief.demo.on-configured-database=true} as well: a leftover variable must not
 * put made-up deals into production.
 */
@ApplicationScoped
public class FirstRun {

    private static final Logger LOG = Logger.getLogger(FirstRun.class);

    @Inject
    FirstRunUseCase firstRun;

    @Inject
    SeedDemoWorkspaceUseCase demo;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @ConfigProperty(name = "debrief.demo", defaultValue = "false")
    boolean demoWanted;

    @ConfigProperty(name = "debrief.demo.on-configured-database", defaultValue = "false")
    boolean demoOnConfiguredDatabase;

    @ConfigProperty(name = "debrief.demo.seed", defaultValue = "20240901")
    long demoSeed;

    void onStart(@Observes StartupEvent event) {
        boolean embedded = DatabaseInUse.embeddedInUse();
        String base = "http://localhost:" + port + "/api/v1";
        if (embedded) {
            firstRun.setUpIfEmpty().ifPresent(run -> System.out.println("""

                    ============================================================================
                     First start: created the workspace "%s" (%s)
                     and an admin API key. It is shown this once; store it now:

                       %s

                     Try it:
                       curl -H 'Authorization: Bearer %s' %s/workspaces/%s

                     Lost it? 'java -jar quarkus-run.jar admin-key "My workspace"' prints a new one;
                     'java -jar quarkus-run.jar token you@example.com' a person's token (README,
                     "Authentication"). DEBRIEF_DEMO=true adds a workspace full of demo data.
                    ============================================================================
                    """.formatted(run.workspace().name(), run.workspace().id(), run.adminKey().secret(),
                    run.adminKey().secret(), base, run.workspace().id())));
        }
        if (!demoWanted) {
            return;
        }
        if (!embedded && !demoOnConfiguredDatabase) {
            LOG.warn("DEBRIEF_DEMO=true is ignored on a configured database; set DEBRIEF_DEMO_ON_CONFIGURED_DATABASE=true "
                    + "as well to fill a demo workspace there");
            return;
        }
        long started = System.nanoTime();
        demo.seedIfAbsent(demoSeed).ifPresentOrElse(seeded -> System.out.println("""

                ============================================================================
                 Demo data: created the workspace "%s" (%s)
                 with %d deals over 24 months (%d ms) and an admin API key for it,
                 shown this once:

                   %s

                 Try it:
                   curl -H 'Authorization: Bearer %s' '%s/workspaces/%s/deals?outcome=LOST'
                ============================================================================
                """.formatted(seeded.workspace().name(), seeded.workspace().id(), seeded.deals(),
                        (System.nanoTime() - started) / 1_000_000, seeded.adminKey().secret(),
                        seeded.adminKey().secret(), base, seeded.workspace().id())),
                () -> LOG.infof("Demo data: the workspace \"%s\" exists already; 'java -jar quarkus-run.jar admin-key \"%s\"' "
                        + "prints a new key for it", SeedDemoWorkspaceUseCase.NAME, SeedDemoWorkspaceUseCase.NAME));
    }
}
