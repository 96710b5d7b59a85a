package dev.debrief.bootstrap.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says at start-up which database the service uses, so nobody has to guess. */
@ApplicationScoped
public class DatabaseInUse {

    private static final Logger LOG = Logger.getLogger(DatabaseInUse.class);
    private static volatile EmbeddedDatabase embedded;

    @ConfigProperty(name = DatabaseChoice.URL_KEY)
    String url;

    static void embedded(EmbeddedDatabase database) {
        embedded = database;
    }

    /** Whether this process started the embedded default and Quarkus uses it. */
    static boolean embeddedInUse() {
        EmbeddedDatabase db = embedded;
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(DatabaseChoice.URL_KEY, String.class).orElse("");
        return db != null && url.equals(db.jdbcUrl());
    }

    void announce(@Observes StartupEvent event) {
        EmbeddedDatabase db = embedded;
        if (db != null && url.equals(db.jdbcUrl())) {
            LOG.infof("Database: embedded PostgreSQL on 127.0.0.1:%d, data in %s (set QUARKUS_DATASOURCE_JDBC_URL to use another)",
                    db.port(), db.dataDirectory());
        } else {
            LOG.infof("Database: configured PostgreSQL at %s", url.replaceAll("(?i)password=[^&]*", "password=***"));
        }
    }
}
