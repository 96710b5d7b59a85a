package dev.debrief.bootstrap.db;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs before Quarkus: when no datasource URL is configured anywhere, starts the embedded
 * PostgreSQL and hands its URL to Quarkus as system properties (the highest-ordinal source, which
 * is safe because nothing configured one). Closing it stops the database.
 */
public final class EmbeddedDatabaseBootstrap implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseBootstrap.class);

    private final EmbeddedDatabase database;

    private EmbeddedDatabaseBootstrap(EmbeddedDatabase database) {
        this.database = database;
    }

    public static EmbeddedDatabaseBootstrap beforeQuarkus(DatabaseChoice choice) {
        if (!choice.startsEmbedded()) {
            return new EmbeddedDatabaseBootstrap(null);
        }
        LOG.infof("No datasource configured: starting the embedded PostgreSQL, data in %s",
                choice.embeddedDataDirectory().toAbsolutePath());
        EmbeddedDatabase database = EmbeddedDatabase.start(choice.embeddedDataDirectory());
        System.setProperty(DatabaseChoice.URL_KEY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.user());
        System.setProperty("quarkus.datasource.password", database.password());
        if (!choice.httpHostConfigured()) {
            // The zero-configuration default is a laptop set-up: reachable from this machine only.
            System.setProperty(DatabaseChoice.HTTP_HOST_KEY, "127.0.0.1");
        }
        DatabaseInUse.embedded(database);
        return new EmbeddedDatabaseBootstrap(database);
    }

    /** The embedded database's folder, held by this process; empty when a configured database is used. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(database).map(EmbeddedDatabase::dataDirectory);
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
