package dev.debrief.adapter.rest.imports;

import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Receives import uploads before any database work: each body is copied into a file of its own in the
 * spool directory ({@code debrief.import.spool-dir}, DEBRIEF_IMPORT_SPOOL_DIR, the JVM's temporary
 * directory by default), so a slow client holds a worker thread and a file, never a database connection.
 *
 * <ul>
 *   <li>At most {@code debrief.import.max-uploads} uploads at once on this instance and
 *       {@code debrief.import.max-uploads-per-workspace} per workspace; more get a 429 problem
 *       {@value #TOO_MANY} with {@code Retry-After}. A permit lasts the whole request (receiving and
 *       storing).</li>
 *   <li>A body that sends nothing for {@code debrief.import.idle-timeout}, or is still arriving after
 *       {@code debrief.import.upload-timeout}, is cut: 408 problem {@value #TIMEOUT}. A watchdog interrupts
 *       the worker thread blocked in the read (the interrupt ends the read, never anything else).</li>
 *   <li>Files are deleted when the request ends, whatever the outcome; files a crashed instance left
 *       behind ({@value #PREFIX}*{@value #SUFFIX} older than the upload timeout) are deleted at start.</li>
 * </ul>
 */
@ApplicationScoped
public class ImportUploads {

    static final String TOO_MANY = "import.too-many-uploads";
    static final String TIMEOUT = "import.upload-timeout";
    static final String ABORTED = "import.upload-incomplete";
    static final String PREFIX = "debrief-import-";
    static final String SUFFIX = ".upload";
    private static final Logger LOG = Logger.getLogger(ImportUploads.class);

    private final Path spoolDir;
    private final Duration idleTimeout;
    private final Duration uploadTimeout;
    private final int maxUploads;
    private final int maxPerWorkspace;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<WorkspaceId, AtomicInteger> perWorkspace = new ConcurrentHashMap<>();
    private final Set<Receiving> receiving = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "import-upload-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    ImportUploads(@ConfigProperty(name = "debrief.import.spool-dir") Optional<String> spoolDir,
                  @ConfigProperty(name = "debrief.import.idle-timeout") Duration idleTimeout,
                  @ConfigProperty(name = "debrief.import.upload-timeout") Duration uploadTimeout,
                  @ConfigProperty(name = "debrief.import.max-uploads") int maxUploads,
                  @ConfigProperty(name = "debrief.import.max-uploads-per-workspace") int maxPerWorkspace) {
        this.spoolDir = Path.of(spoolDir.filter(s -> !s.isBlank()).orElse(System.getProperty("java.io.tmpdir")));
        this.idleTimeout = idleTimeout;
        this.uploadTimeout = uploadTimeout;
        this.maxUploads = maxUploads;
        this.maxPerWorkspace = maxPerWorkspace;
        long tick = Math.max(50, Math.min(1000, idleTimeout.toMillis() / 4));
        watchdog.scheduleAtFixedRate(this::watch, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Checks the settings and the directory, and deletes what a crashed instance left there. */
    void start(@Observes StartupEvent start) {
        if (maxUploads < 1 || maxPerWorkspace < 1) {
            throw new IllegalStateException("debrief.import.max-uploads (DEBRIEF_IMPORT_MAX_UPLOADS) and "
                    + "debrief.import.max-uploads-per-workspace (DEBRIEF_IMPORT_MAX_UPLOADS_PER_WORKSPACE) must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || uploadTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalStateException("debrief.import.idle-timeout (DEBRIEF_IMPORT_IDLE_TIMEOUT) must be positive and "
                    + "at most debrief.import.upload-timeout (DEBRIEF_IMPORT_UPLOAD_TIMEOUT)");
        }
        if (!Files.isDirectory(spoolDir) || !Files.isWritable(spoolDir)) {
            throw new IllegalStateException("debrief.import.spool-dir (DEBRIEF_IMPORT_SPOOL_DIR) " + spoolDir
                    + " must be a writable directory (imports are received there before they are stored)");
        }
        Instant stale = clock.instant().minus(uploadTimeout).minus(Duration.ofMinutes(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spoolDir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
                    Files.deleteIfExists(file);
                    LOG.infof("Deleted %s, an upload a stopped instance left behind", file);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not clean the import spool directory %s: %s", spoolDir, e);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        watchdog.shutdownNow();
    }

    Path spoolDir() {
        return spoolDir;
    }

    /** A place among the uploads running; close it when the request ends. */
    Permit acquire(WorkspaceId workspace) {
        if (running.incrementAndGet() > maxUploads) {
            running.decrementAndGet();
            throw new TooManyUploads("This instance is receiving " + maxUploads + " imports already; retry in a minute");
        }
        AtomicInteger mine = perWorkspace.computeIfAbsent(workspace, w -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerWorkspace) {
            release(workspace, mine);
            throw new TooManyUploads("This workspace is uploading " + maxPerWorkspace
                    + " imports already; retry when one of them is answered");
        }
        return () -> release(workspace, mine);
    }

    private void release(WorkspaceId workspace, AtomicInteger mine) {
        if (mine.decrementAndGet() == 0) {
            perWorkspace.remove(workspace, mine);
        }
        running.decrementAndGet();
    }

    /**
     * Copies the body into a new spool file, at most {@code maxBytes}.
     *
     * @throws UploadTimedOut when the client sends nothing for the idle timeout, or takes longer than the upload timeout
     * @throws ImportResource.ImportTooLarge past {@code maxBytes}
     */
    Spooled receive(InputStream body, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile(spoolDir, PREFIX, SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("The import spool directory " + spoolDir + " is not writable", e);
        }
        Spooled spooled = new Spooled(file);
        Receiving watch = new Receiving(Thread.currentThread(), clock.instant());
        receiving.add(watch);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                watch.progressed(clock.instant());
                total += n;
                if (total > maxBytes) {
                    throw new ImportResource.ImportTooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            boolean cut = watch.finish();
            spooled.close();
            if (cut) {
                throw new UploadTimedOut(watch.reason);
            }
            if (e instanceof IOException) { // the client went away (or the connection broke) mid-upload
                throw new UploadAborted();
            }
            throw (RuntimeException) e;
        } finally {
            receiving.remove(watch);
        }
        if (watch.finish()) {
            spooled.close();
            throw new UploadTimedOut(watch.reason);
        }
        return spooled;
    }

    private void watch() {
        Instant now = clock.instant();
        for (Receiving watch : receiving) {
            if (now.isAfter(watch.lastProgress.plus(idleTimeout))) {
                watch.cut("No data arrived for " + idleTimeout.toSeconds() + " s: the upload was cut. Send the file "
                        + "in one go (curl --data-binary @file.csv)");
            } else if (now.isAfter(watch.started.plus(uploadTimeout))) {
                watch.cut("The upload took longer than " + uploadTimeout.toMinutes() + " minutes and was cut");
            }
        }
    }

    /** One upload being received: the watchdog may interrupt its thread while, and only while, it reads. */
    private static final class Receiving {
        private final Thread thread;
        private final Instant started;
        private volatile Instant lastProgress;
        private boolean reading = true;
        private boolean cut;
        private String reason;

        Receiving(Thread thread, Instant started) {
            this.thread = thread;
            this.started = started;
            this.lastProgress = started;
        }

        void progressed(Instant now) {
            lastProgress = now;
        }

        synchronized void cut(String why) {
            if (reading && !cut) {
                cut = true;
                reason = why;
                thread.interrupt();
            }
        }

        /** Ends the reading; clears an interrupt the watchdog sent. @return whether the upload was cut */
        synchronized boolean finish() {
            reading = false;
            if (cut) {
                Thread.interrupted();
            }
            return cut;
        }
    }

    /** A place among the running uploads. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A received body in its spool file; closing deletes the file. */
    static final class Spooled implements AutoCloseable {
        private final Path file;

        Spooled(Path file) {
            this.file = file;
        }

        InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete the import upload %s: %s", file, e);
            }
        }
    }

    /** 429: too many uploads at once. */
    static final class TooManyUploads extends RuntimeException {
        TooManyUploads(String message) {
            super(message);
        }
    }

    /** 400: the body ended before it was complete (the client closed the connection); nobody may be listening. */
    static final class UploadAborted extends RuntimeException {
        UploadAborted() {
            super("The upload ended before the whole body arrived", null, false, false);
        }
    }

    /** 408: the client stopped sending, or took too long. */
    static final class UploadTimedOut extends RuntimeException {
        UploadTimedOut(String message) {
            super(message);
        }
    }
}
