package dev.debrief.bootstrap.db;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clears what a crash leaves in the embedded data directory before PostgreSQL starts.
 * {@link EmbeddedDatabase} starts PostgreSQL through {@code pg_ctl}, which puts it in a session of its own: when the service dies by
 * {@code kill -9} (or the OOM killer), its PostgreSQL survives as an orphan holding the data
 * directory, and when both die, {@code postmaster.pid} stays behind naming a process id that may be
 * reused. Either way the next start failed after a minute with "lock file postmaster.pid already
 * exists". Called only once {@link EmbeddedDatabase} holds its lock on the directory, so no other live
 * service uses it:
 * <ul>
 * <li>the pid file names a running postgres of this directory: an orphan, stopped (SIGTERM, then
 * SIGKILL after 30 s; PostgreSQL recovers from its WAL on the next start);</li>
 * <li>it names no process, a zombie, or another program (a reused pid): the file is removed.
 * PostgreSQL's shared-memory interlock still refuses to start while a backend of the old server
 * lives.</li>
 * </ul>
 */
final class StalePostmaster {

    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);
    static final String PID_FILE = "postmaster.pid";

    private StalePostmaster() {
    }

    static void clear(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        Optional<Long> pid = pid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(p -> isPostmasterOf(p, dataDirectory));
        if (process.isPresent()) {
            LOG.warnf("Stopping the orphaned embedded PostgreSQL (pid %d) a crashed run left on %s", pid.get(), dataDirectory);
            stop(process.get());
        } else {
            LOG.infof("Removing the stale %s (pid %d is no PostgreSQL of %s)", PID_FILE, pid.get(), dataDirectory);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale " + pidFile, e);
        }
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // unreadable or half-written: PostgreSQL itself decides
        }
    }

    /** A live (not zombie) postgres process whose command line names this data directory. */
    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        String commandLine = process.info().commandLine().orElse("");
        return process.isAlive() && commandLine.contains("postgres") && commandLine.contains(dataDirectory.toString());
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        if (!waitForExit(process, Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(10));
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive() || process.info().commandLine().isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
