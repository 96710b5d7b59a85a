package dev.debrief.bootstrap.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresBinariesTest {

    @TempDir
    Path parent;

    @Test
    void unpacksAgainWhenSomethingRemovedPartOfTheCopy() throws Exception {
        Path home = EmbeddedPostgresBinaries.unpack(parent);
        assertThat(home.resolve("bin/pg_ctl")).isExecutable();
        long modified = Files.getLastModifiedTime(home.resolve("bin/postgres")).toMillis();

        assertThat(EmbeddedPostgresBinaries.unpack(parent)).isEqualTo(home);
        assertThat(Files.getLastModifiedTime(home.resolve("bin/postgres")).toMillis()).as("kept").isEqualTo(modified);

        Files.delete(home.resolve("bin/pg_ctl")); // what a cleaner of old files in /tmp does
        assertThat(EmbeddedPostgresBinaries.unpack(parent)).isEqualTo(home);
        assertThat(home.resolve("bin/pg_ctl")).isExecutable();
    }
}
