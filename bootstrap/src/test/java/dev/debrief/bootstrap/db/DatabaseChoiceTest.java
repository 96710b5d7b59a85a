package dev.debrief.bootstrap.db;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseChoiceTest {

    @Test
    void startsTheEmbeddedDatabaseWhenNoUrlIsConfigured() {
        DatabaseChoice choice = DatabaseChoice.from(config(Map.of()));
        assertThat(choice.startsEmbedded()).isTrue();
        assertThat(choice.embeddedDataDirectory()).isEqualTo(Path.of("data/postgres"));
    }

    @Test
    void usesAConfiguredUrlAndStartsNothing() {
        DatabaseChoice choice = DatabaseChoice.from(config(Map.of(DatabaseChoice.URL_KEY, "jdbc:postgresql://db:5432/debrief")));
        assertThat(choice.startsEmbedded()).isFalse();
        assertThat(choice.configuredUrl()).contains("jdbc:postgresql://db:5432/debrief");
    }

    @Test
    void honoursAUrlConfiguredForTheActiveProfileOnly() {
        Map<String, String> values = Map.of("%prod." + DatabaseChoice.URL_KEY, "jdbc:postgresql://prod/debrief");
        assertThat(DatabaseChoice.from(config("prod", values)).startsEmbedded()).isFalse();
        assertThat(DatabaseChoice.from(config("dev", values)).startsEmbedded()).isTrue();
    }

    @Test
    void refusesToStartWithoutAUrlWhenTheEmbeddedDatabaseIsSwitchedOff() {
        DatabaseChoice choice = DatabaseChoice.from(config(Map.of(DatabaseChoice.EMBEDDED_KEY, "false")));
        assertThatThrownBy(choice::startsEmbedded)
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void readsTheDataDirectoryFromConfiguration() {
        DatabaseChoice choice = DatabaseChoice.from(config(Map.of(DatabaseChoice.DATA_DIRECTORY_KEY, "/var/lib/debrief")));
        assertThat(choice.embeddedDataDirectory()).isEqualTo(Path.of("/var/lib/debrief"));
    }

    @Test
    void readsSystemPropertiesBeforeQuarkusStarts() {
        System.setProperty(DatabaseChoice.EMBEDDED_KEY, "false");
        try {
            DatabaseChoice choice = DatabaseChoice.fromConfig("prod", getClass().getClassLoader());
            assertThat(choice.embeddedAllowed()).isFalse();
        } finally {
            System.clearProperty(DatabaseChoice.EMBEDDED_KEY);
        }
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return config("prod", values);
    }

    private static SmallRyeConfig config(String profile, Map<String, String> values) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
