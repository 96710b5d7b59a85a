package dev.debrief.bootstrap.db;

import org.jboss.logging.Logger;
import org.postgresql.util.PasswordUtil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server, run from the binaries zonky packages, used as the zero-configuration
 * default and by the tests. One code path for both, so what the tests check is what the service runs.
 *
 * <p>Nobody else on the machine gets in: the server listens on 127.0.0.1 only, on a free port
 * (never 5432), opens no Unix socket, and {@code pg_hba.conf} has one line: password
 * (SCRAM-SHA-256) for every connection. The superuser's password is generated on the first start
 * and kept in the data folder ({@link SuperuserPassword}, 0600). A folder that an older version
 * initialised with {@code trust} (zonky's {@code initdb -A trust}) is secured on its next start:
 * the password is set in single-user mode (no server listening while it is open), then
 * {@code pg_hba.conf} is rewritten; its data stays.
 *
 * <p>Writes are durable ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on).
 * One service per data folder: a lock on {@code epg-lock} in the folder (the file zonky locked, so
 * older versions are kept out too) is held from before the first look at the folder until
 * {@link #close()}. Crash leftovers are cleared by {@link StalePostmaster}.
 *
 * <p>No JVM shutdown hook: stopping is the owner's job. {@link #close()} stops the server
 * ({@code pg_ctl stop -m fast}) and waits for it; {@code DebriefMain} calls it once Quarkus has
 * drained its requests, so PostgreSQL stops last.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Logger SERVER_LOG = Logger.getLogger("dev.debrief.bootstrap.db.postgres");

    private static final String DATABASE = "postgres";
    private static final String SUPERUSER = "postgres";
    static final String LOCK_FILE = "epg-lock";
    static final String PG_HBA_FILE = "pg_hba.conf";
    private static final String INITDB_STAGING = "initdb.tmp";
    private static final String WAIT_SECONDS = "60";

    /** The whole of pg_hba.conf: TCP from 127.0.0.1 with the password, nothing else. */
    static final String PG_HBA = """
            # Written by Debrief at each start of its embedded PostgreSQL: changes here are overwritten.
            # No Unix socket; TCP on 127.0.0.1 only; every connection proves the superuser's password
            # (SCRAM-SHA-256), which is kept in superuser.password beside this file.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private final EmbeddedPostgresBinaries binaries;
    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final FileChannel lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgresBinaries binaries, Path dataDirectory, int port, String password, FileChannel lock) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
        this.lock = lock;
    }

    /** Starts PostgreSQL on a free port; data lives in {@code dataDirectory} and survives a restart. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        FileChannel lock;
        try {
            Files.createDirectories(directory);
            lock = tryLock(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
        if (lock == null) {
            throw new IllegalStateException("Another service runs the embedded PostgreSQL in " + directory
                    + " (it holds " + LOCK_FILE + "): stop it, or point DEBRIEF_DATA_DIR elsewhere");
        }
        return start(directory, lock);
    }

    /**
     * For a command run beside the service ({@code admin-key}): the PostgreSQL the running service
     * started on this folder (found through {@code postmaster.pid} and the stored password; closing
     * it stops nothing), or, while no service runs, one started for the command (holding the folder
     * until {@link #close()}, so the service can't start meanwhile). A folder the service never
     * initialised is refused ({@link StartupRefused}): there is nothing in it to act on.
     */
    public static EmbeddedDatabase startOrJoin(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (!Files.exists(directory.resolve("PG_VERSION"))) {
            throw new StartupRefused("There is no embedded database in " + directory
                    + " yet: start the service once (with the same DEBRIEF_DATA_DIR), it creates one");
        }
        FileChannel lock;
        try {
            lock = tryLock(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open " + directory.resolve(LOCK_FILE), e);
        }
        return lock != null ? start(directory, lock) : join(directory);
    }

    private static EmbeddedDatabase start(Path directory, FileChannel lock) {
        try {
            restrictToOwner(directory);
            EmbeddedPostgresBinaries binaries = EmbeddedPostgresBinaries.installed();
            StalePostmaster.clear(directory);
            String password = Files.exists(directory.resolve("PG_VERSION"))
                    ? secure(binaries, directory)
                    : initialise(binaries, directory);
            EmbeddedDatabase database = new EmbeddedDatabase(binaries, directory, freePort(), password, lock);
            database.startServer();
            return database;
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /**
     * The server a running service started: its port is the fourth line of {@code postmaster.pid},
     * and the eighth says {@code ready} once it accepts connections.
     */
    private static EmbeddedDatabase join(Path directory) {
        List<String> pid;
        try {
            Path file = directory.resolve(StalePostmaster.PID_FILE);
            pid = Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            pid = List.of();
        }
        if (pid.size() < 8 || !pid.get(7).strip().equals("ready")) {
            throw new StartupRefused("The service that holds " + directory
                    + " is starting or stopping its embedded PostgreSQL: try again in a moment");
        }
        int port;
        try {
            port = Integer.parseInt(pid.get(3).strip());
        } catch (NumberFormatException e) {
            throw new StartupRefused("Could not read the port of the running embedded PostgreSQL from "
                    + directory.resolve(StalePostmaster.PID_FILE) + ": '" + pid.get(3) + "'");
        }
        String password = SuperuserPassword.read(directory).orElseThrow(() -> new StartupRefused(
                "There is no " + SuperuserPassword.FILE + " in " + directory + ": the running service is of an older version; stop it first"));
        EmbeddedDatabase joined = new EmbeddedDatabase(null, directory, port, password, null);
        try (Connection c = joined.connect(); Statement s = c.createStatement()) {
            s.execute("select 1");
        } catch (SQLException e) {
            throw new StartupRefused("Could not reach the embedded PostgreSQL the running service holds on 127.0.0.1:" + port
                    + ": " + e.getMessage());
        }
        return joined;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return SUPERUSER;
    }

    /** The superuser's password. Hand it to the connection pool; never log it. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Stops PostgreSQL (fast: open sessions are ended, committed data is safe), waits for it, and frees the folder.
     * A server joined by {@link #startOrJoin} belongs to the service that started it: nothing is stopped.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true) || binaries == null) {
            return;
        }
        try {
            Result stop = run(binaries.command("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", WAIT_SECONDS, "stop"), null);
            if (stop.exitCode() != 0) {
                throw new IllegalStateException("Could not stop the embedded PostgreSQL in " + dataDirectory + ": " + stop.output());
            }
            LOG.debugf("Stopped the embedded PostgreSQL in %s", dataDirectory);
        } finally {
            release(lock);
        }
    }

    private void startServer() throws IOException {
        String options = String.join(" ",
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=''",
                "-c", "password_encryption=scram-sha-256",
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on",
                "-c", "max_connections=100",
                "-c", "timezone=UTC");
        ProcessBuilder builder = new ProcessBuilder(binaries.command("pg_ctl", "-D", dataDirectory.toString(), "-o", options,
                "-w", "-t", WAIT_SECONDS, "start")).redirectErrorStream(true);
        Process pgCtl = builder.start();
        // The server inherits pg_ctl's output and keeps writing its log there after pg_ctl has exited.
        Deque<String> recent = new ArrayDeque<>();
        Thread reader = new Thread(() -> forward(pgCtl, recent), "postgres-log");
        reader.setDaemon(true);
        reader.start();
        try {
            int exitCode = pgCtl.waitFor();
            if (exitCode != 0) {
                reader.join(TimeUnit.SECONDS.toMillis(2));
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " did not start: " + lines(recent));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded PostgreSQL", e);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("select 1");
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " started but refused its password from "
                    + SuperuserPassword.file(dataDirectory) + ": " + e.getMessage());
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    private static void forward(Process process, Deque<String> recent) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (recent) {
                    recent.addLast(line);
                    if (recent.size() > 30) {
                        recent.removeFirst();
                    }
                }
                SERVER_LOG.info(line);
            }
        } catch (IOException e) {
            // the server is gone
        }
    }

    private static String lines(Deque<String> recent) {
        synchronized (recent) {
            return String.join("\n", recent);
        }
    }

    /** A new folder: initdb with the password (in a staging directory inside the folder, which holds the lock). */
    private static String initialise(EmbeddedPostgresBinaries binaries, Path directory) throws IOException {
        Path staging = directory.resolve(INITDB_STAGING);
        delete(staging);
        List<String> unexpected = new ArrayList<>();
        Set<String> ours = Set.of(LOCK_FILE, SuperuserPassword.FILE, SuperuserPassword.FILE + ".new");
        try (Stream<Path> entries = Files.list(directory)) {
            entries.map(p -> p.getFileName().toString()).filter(name -> !ours.contains(name)).forEach(unexpected::add);
        }
        if (!unexpected.isEmpty()) {
            throw new IllegalStateException(directory + " holds no PostgreSQL data (no PG_VERSION) but is not empty " + unexpected
                    + ": point DEBRIEF_DATA_DIR to an empty or new folder");
        }
        String password = SuperuserPassword.create(directory);
        Result initdb = run(binaries.command("initdb", "-D", staging.toString(), "-U", SUPERUSER, "-E", "UTF-8",
                "-A", "scram-sha-256", "--pwfile=" + SuperuserPassword.file(directory)), null);
        if (initdb.exitCode() != 0) {
            throw new IllegalStateException("initdb failed in " + staging + ": " + initdb.output());
        }
        writePgHba(staging);
        List<Path> created;
        try (Stream<Path> entries = Files.list(staging)) {
            // PG_VERSION last: until it is in place, the folder counts as not initialised
            created = entries.sorted(Comparator.comparing(p -> p.getFileName().toString().equals("PG_VERSION"))).toList();
        }
        for (Path entry : created) {
            Files.move(entry, directory.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(staging);
        SuperuserPassword.syncDirectory(directory);
        LOG.infof("Initialised the embedded PostgreSQL in %s", directory);
        return password;
    }

    /**
     * An initialised folder: done when it has its password and our pg_hba.conf. Otherwise (a folder
     * of an older version, which trusted every local user) the password is set with the server in
     * single-user mode, which listens nowhere, and pg_hba.conf is written last, so a start that
     * fails halfway does it again.
     */
    private static String secure(EmbeddedPostgresBinaries binaries, Path directory) throws IOException {
        var stored = SuperuserPassword.read(directory);
        Path hba = directory.resolve(PG_HBA_FILE);
        if (stored.isPresent() && Files.exists(hba) && Files.readString(hba).equals(PG_HBA)) {
            return stored.get();
        }
        String password = stored.orElseGet(() -> SuperuserPassword.create(directory));
        setPassword(binaries, directory, password);
        writePgHba(directory);
        LOG.infof("Secured the embedded PostgreSQL in %s: password (SCRAM-SHA-256, kept in %s) for every connection, "
                + "127.0.0.1 only, no Unix socket, no trust", directory, SuperuserPassword.FILE);
        return password;
    }

    private static void setPassword(EmbeddedPostgresBinaries binaries, Path directory, String password) throws IOException {
        String verifier;
        try {
            // The server gets the SCRAM verifier, never the password itself.
            verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not derive the SCRAM verifier", e);
        }
        Result single = run(binaries.command("postgres", "--single", "-D", directory.toString(),
                "-c", "listen_addresses=", "-c", "unix_socket_directories=", DATABASE),
                "ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier + "';\n");
        String output = single.output().replace(verifier, "***");
        if (single.exitCode() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IllegalStateException("Could not set the superuser's password in " + directory + ": " + output);
        }
    }

    private static void writePgHba(Path directory) throws IOException {
        Path written = directory.resolve(PG_HBA_FILE + ".new");
        Files.deleteIfExists(written);
        try (FileChannel channel = FileChannel.open(written, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            channel.write(ByteBuffer.wrap(PG_HBA.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(written, directory.resolve(PG_HBA_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SuperuserPassword.syncDirectory(directory);
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a PostgreSQL program to its end, with {@code input} on its standard input. */
    private static Result run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exitCode = process.waitFor();
            LOG.debugf("%s: exit %d", command.get(command.size() - 1), exitCode);
            return new Result(exitCode, output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** The lock on the folder, or null when another process holds it. */
    private static FileChannel tryLock(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            return null;
        }
        return channel;
    }

    private static void release(FileChannel lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close(); // releases the lock
        } catch (IOException e) {
            LOG.debugf("Could not close %s: %s", LOCK_FILE, e.getMessage());
        }
    }

    /** PostgreSQL requires its folder to be closed to others (0700 or 0750). */
    private static void restrictToOwner(Path directory) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        if (permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE) || permissions.contains(PosixFilePermission.GROUP_WRITE)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                if (socket.getLocalPort() != 5432) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
