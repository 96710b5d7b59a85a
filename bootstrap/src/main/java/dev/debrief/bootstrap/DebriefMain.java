package dev.debrief.bootstrap;

import dev.debrief.bootstrap.db.EmbeddedDatabaseBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Debrief. With no datasource configured, an embedded PostgreSQL is started first (and
 * stopped after the service), so {@code java -jar} on a fresh machine just works.
 */
@QuarkusMain
public class DebriefMain {

    public static void main(String... args) {
        try (EmbeddedDatabaseBootstrap database = EmbeddedDatabaseBootstrap.beforeQuarkus()) {
            Quarkus.run(args);
        }
    }
}
