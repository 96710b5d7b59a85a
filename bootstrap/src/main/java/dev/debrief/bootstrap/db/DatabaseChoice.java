package dev.debrief.bootstrap.db;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides, before Quarkus starts, which database the service uses. A datasource URL from any
 * config source (system property, environment, .env, config/application.properties,
 * application.properties, for the active profile) wins and is never overridden. Without one the
 * service starts an embedded PostgreSQL, unless {@code DEBRIEF_EMBEDDED_DB=false}, in which case a
 * missing URL is a start-up error (the production setting).
 */
public record DatabaseChoice(Optional<String> configuredUrl, boolean embeddedAllowed, Path embeddedDataDirectory,
                             boolean httpHostConfigured) {

    public static final String URL_KEY = "quarkus.datasource.jdbc.url";
    /** Named so that the documented environment variable {@code DEBRIEF_EMBEDDED_DB} maps onto it. */
    public static final String EMBEDDED_KEY = "debrief.embedded-db";
    public static final String DATA_DIRECTORY_KEY = "debrief.embedded-db.data-directory";
    public static final String HTTP_HOST_KEY = "quarkus.http.host";

    /** Reads the choice from the same sources Quarkus will read, for the given profile. */
    public static DatabaseChoice fromConfig(String profile, ClassLoader classLoader) {
        return from(config(profile, classLoader));
    }

    /** The profile Quarkus will run with: {@code quarkus.profile} or {@code QUARKUS_PROFILE}, else prod. */
    public static String activeProfile() {
        return System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
    }

    /**
     * The configuration as Quarkus will see it (system properties, environment, .env,
     * config/application.properties, application.properties, for the profile), read before Quarkus starts.
     */
    public static SmallRyeConfig config(String profile, ClassLoader classLoader) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .addDefaultSources()
                .withSources(new DotEnvConfigSourceProvider().getConfigSources(classLoader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        Path.of("config", "application.properties").toAbsolutePath().toUri().toString(), 260, classLoader))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, classLoader))
                .build();
    }

    public static DatabaseChoice from(SmallRyeConfig config) {
        Optional<String> url = config.getOptionalValue(URL_KEY, String.class).filter(u -> !u.isBlank());
        boolean embedded = config.getOptionalValue(EMBEDDED_KEY, Boolean.class).orElse(true);
        Path directory = Path.of(config.getOptionalValue(DATA_DIRECTORY_KEY, String.class).orElse("data/postgres"));
        boolean hostConfigured = config.getOptionalValue(HTTP_HOST_KEY, String.class).filter(h -> !h.isBlank()).isPresent();
        return new DatabaseChoice(url, embedded, directory, hostConfigured);
    }

    public boolean startsEmbedded() {
        if (configuredUrl.isPresent()) {
            return false;
        }
        if (!embeddedAllowed) {
            throw new StartupRefused("No database configured and the embedded PostgreSQL is switched off "
                    + "(DEBRIEF_EMBEDDED_DB=false): set QUARKUS_DATASOURCE_JDBC_URL (with QUARKUS_DATASOURCE_USERNAME "
                    + "and QUARKUS_DATASOURCE_PASSWORD)");
        }
        return true;
    }
}
