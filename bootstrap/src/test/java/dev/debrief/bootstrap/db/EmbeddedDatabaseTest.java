package dev.debrief.bootstrap.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            assertThat(survivors(db)).containsExactly(42);
        }
    }

    @Test
    void refusesConnectionsWithoutThePassword() {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThatThrownBy(() -> connect(db, Optional.empty()).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(db, Optional.of("postgres")).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void acceptsOnlyPasswordConnectionsOverTcpOnLoopback() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(Files.readAllLines(dataDirectory.resolve("pg_hba.conf")))
                    .noneMatch(line -> line.contains("trust"));
            // What the server loaded, not only what the file says.
            List<String> rules = new ArrayList<>();
            try (Connection c = connect(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select type, address, auth_method from pg_hba_file_rules")) {
                while (rs.next()) {
                    rules.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            assertThat(rules).containsExactly("host 127.0.0.1 scram-sha-256");
            assertThat(setting(db, "listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void opensNoUnixSocket() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(setting(db, "unix_socket_directories")).isEmpty();
            assertThat(Path.of("/tmp", ".s.PGSQL." + db.port())).doesNotExist();
            assertThat(dataDirectory.resolve(".s.PGSQL." + db.port())).doesNotExist();
        }
    }

    @Test
    void keepsAGeneratedPasswordReadableOnlyByItsOwner() throws Exception {
        String first;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            first = password(db);
        }
        Path file = dataDirectory.resolve("superuser.password");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file).trim()).isEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(password(db)).isEqualTo(first);
        }
    }

    @Test
    void upgradesADataFolderThatTrustedEveryoneAndKeepsItsData() throws Exception {
        // The way the service started PostgreSQL before: zonky, initdb -A trust, a socket in /tmp.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table survivor(id int primary key)");
            s.execute("insert into survivor values (42)");
        }
        assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(survivors(db)).containsExactly(42);
            assertThat(Files.readAllLines(dataDirectory.resolve("pg_hba.conf"))).noneMatch(line -> line.contains("trust"));
            assertThatThrownBy(() -> connect(db, Optional.empty()).close()).isInstanceOf(SQLException.class);
            assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("superuser.password")))
                    .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void refusesASecondServiceOnTheSameDataFolder() {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory).close()).isInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * Stopping PostgreSQL is its owner's job ({@code DebriefMain} closes it after Quarkus has drained):
     * a shutdown hook would stop it while requests still run. A child JVM starts it and gets SIGTERM;
     * PostgreSQL must still be running afterwards.
     */
    @Test
    void registersNoShutdownHookThatStopsPostgresOnSigterm() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartAndWait.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true).start();
        long postmaster;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(StartAndWait.STARTED)) {
                // start-up log lines
            }
            assertThat(line).as("the child started PostgreSQL").isNotNull();
            postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // A zombie (no command line) is a stopped server nobody reaped yet.
        Optional<ProcessHandle> server = ProcessHandle.of(postmaster)
                .filter(p -> p.isAlive() && p.info().commandLine().isPresent());
        try {
            assertThat(server).as("PostgreSQL still runs after its JVM got SIGTERM").isPresent();
        } finally {
            server.ifPresent(p -> {
                p.destroy(); // smart shutdown: no clients, so it ends at once
                p.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            });
        }
    }

    /** The child JVM of {@link #registersNoShutdownHookThatStopsPostgresOnSigterm}. */
    static final class StartAndWait {
        static final String STARTED = "STARTED";

        public static void main(String... args) throws InterruptedException {
            EmbeddedDatabase.start(Path.of(args[0]));
            System.out.println(STARTED);
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
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
        // same JVM plays both lives, so give up the directory lock as the dead process would.
        Path lock = dataDirectory.resolve("epg-lock");
        releaseLock(first);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            execute(db, "insert into survivor values (1)");
            assertThat(ProcessHandle.of(orphan).map(p -> p.isAlive() && p.info().commandLine().isPresent()).orElse(false)).isFalse();
        }
        assertThat(lock).exists();
    }

    /** The database holds a lock on epg-lock while its server runs; a killed JVM loses it. */
    private static void releaseLock(EmbeddedDatabase db) throws Exception {
        java.lang.reflect.Field lock = EmbeddedDatabase.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileChannel) lock.get(db)).close();
    }

    private static List<Integer> survivors(EmbeddedDatabase db) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from survivor order by id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
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
        return connect(db, Optional.of(password(db)));
    }

    private static Connection connect(EmbeddedDatabase db, Optional<String> password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        password.ifPresent(p -> properties.setProperty("password", p));
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    private static String password(EmbeddedDatabase db) {
        return db.password();
    }
}
