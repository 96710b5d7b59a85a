package dev.debrief.bootstrap.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void runsWithDurableWritesSwitchedOn() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
            assertThat(db.port()).isNotEqualTo(5432);
        }
    }

    @Test
    void keepsDataAcrossARestart() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            execute(db, "create table survivor(id int primary key)");
            execute(db, "insert into survivor values (42)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            try (Connection c = connect(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from survivor")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void startsOverAStalePidFileWhoseProcessIdWasReused() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            execute(db, "create table survivor(id int primary key)");
        }
        // What kill -9 of the service and its PostgreSQL leaves: a postmaster.pid naming a process id
        // that now belongs to another program (pid 1 always exists). PostgreSQL alone refuses to start.
        Files.writeString(dataDirectory.resolve("postmaster.pid"), "1\n" + dataDirectory.toAbsolutePath().normalize()
                + "\n1795435006\n5432\n/tmp\nlocalhost\n  2187275    425999\nready   \n");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            execute(db, "insert into survivor values (1)");
        }
    }

    @Test
    void stopsAnOrphanedPostgresOfItsDataDirectory() throws Exception {
        EmbeddedDatabase first = EmbeddedDatabase.start(dataDirectory);
        execute(first, "create table survivor(id int primary key)");
        long orphan = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        // The service dies without stopping its PostgreSQL (kill -9): the postmaster runs on. Here the
        // same JVM plays both lives, so give up zonky's directory lock as the dead process would.
        Path lock = dataDirectory.resolve("epg-lock");
        releaseZonkyLock(first);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            execute(db, "insert into survivor values (1)");
            assertThat(ProcessHandle.of(orphan).map(p -> p.isAlive() && p.info().commandLine().isPresent()).orElse(false)).isFalse();
        }
        assertThat(lock).exists();
    }

    /** zonky holds a FileLock on epg-lock while its server runs; a killed JVM loses it. */
    private static void releaseZonkyLock(EmbeddedDatabase db) throws Exception {
        java.lang.reflect.Field postgresField = EmbeddedDatabase.class.getDeclaredField("postgres");
        postgresField.setAccessible(true);
        Object postgres = postgresField.get(db);
        for (String name : new String[]{"lock", "lockStream"}) {
            java.lang.reflect.Field f = postgres.getClass().getDeclaredField(name);
            f.setAccessible(true);
            Object value = f.get(postgres);
            if (value instanceof java.nio.channels.FileLock l) {
                l.release();
            } else if (value instanceof java.io.Closeable c) {
                c.close();
            }
        }
    }

    private static String setting(EmbeddedDatabase db, String name) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "postgres");
    }
}
