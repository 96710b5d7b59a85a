package dev.debrief.bootstrap.db;

import org.jboss.logging.Logger;

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

    public static EmbeddedDatabaseBootstrap beforeQuarkus() {
        String profile = System.getProperty("quarkus.profile",
                System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        DatabaseChoice choice = DatabaseChoice.fromConfig(profile, Thread.currentThread().getContextClassLoader());
        if (!choice.startsEmbedded()) {
            return new EmbeddedDatabaseBootstrap(null);
        }
        LOG.infof("No datasource configured: starting the embedded PostgreSQL, data in %s",
                choice.embeddedDataDirectory().toAbsolutePath());
        EmbeddedDatabase database = EmbeddedDatabase.start(choice.embeddedDataDirectory());
        System.setProperty(DatabaseChoice.URL_KEY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.user());
        System.setProperty("quarkus.datasource.password", database.password());
        DatabaseInUse.embedded(database);
        return new EmbeddedDatabaseBootstrap(database);
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
