package dev.debrief.application.service.imports;

import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.debrief.application.port.in.imports.StartImportUseCase;
import dev.debrief.application.port.out.imports.CsvRecordReader;
import dev.debrief.application.port.out.imports.CsvRecordReader.CsvRecords;
import dev.debrief.application.port.out.imports.ImportFileStore;
import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Checks the received file, then stores it and queues its job in one short transaction with the
 * idempotency key's answer.
 *
 * <ol>
 *   <li>No transaction: the whole file is read through the {@link CsvRecordReader} (header, every record:
 *       a quote that never closes, a field or row over its limit is refused here, naming its row) and
 *       hashed. Nothing is written, no database connection is taken.</li>
 *   <li>{@link RunIdempotentlyUseCase} (its transaction): a key that already answered replays the answer
 *       and writes nothing; otherwise the job is written QUEUED, the file is copied into chunks of
 *       {@value #CHUNK_BYTES} bytes, and the answer is stored, all committed together. The file is a
 *       local copy, so the transaction lasts as long as writing it takes, never as long as the client.</li>
 * </ol>
 */
@ApplicationScoped
public class StartImportService implements StartImportUseCase {

    static final int CHUNK_BYTES = 1024 * 1024;

    private final ImportJobRepository jobs;
    private final ImportFileStore files;
    private final RunIdempotentlyUseCase idempotency;
    private final CsvRecordReader csv;
    private final Clock clock;

    @Inject
    public StartImportService(ImportJobRepository jobs, ImportFileStore files, RunIdempotentlyUseCase idempotency,
                              CsvRecordReader csv, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.idempotency = idempotency;
        this.csv = csv;
        this.clock = clock;
    }

    @Override
    public IdempotentResponse start(StartImportCommand command, Function<ImportJob, IdempotentResponse> answer) {
        command.access().require(Right.INGEST_DEALS);
        Checked checked = check(command.content());
        String fingerprint = hex(sha256().digest((command.request() + "\n" + checked.sha256())
                .getBytes(StandardCharsets.UTF_8)));
        return idempotency.run(new IdempotentRequest(command.access(), command.idempotencyKey(), fingerprint), () -> {
            ImportJob job = ImportJob.queue(new ImportId(Ids.newId()), command.access(), command.fileName(),
                    checked.bytes(), clock.instant());
            jobs.create(job);
            store(job, command.content(), checked);
            return answer.apply(job);
        });
    }

    private record Checked(long bytes, String sha256) {
    }

    /** Reads the whole file through the CSV reader, refusing what it refuses, and hashes it. */
    private Checked check(StartImportUseCase.ReceivedFile content) {
        MessageDigest sha = sha256();
        try (Counting in = new Counting(content.open(), sha)) {
            try (CsvRecords records = csv.open(in).orElseThrow(() -> new InvalidInput("import.empty-file",
                    "The file is empty: send a CSV with a header row and deals", null))) {
                CsvDealRows.forHeader(records.header(), Instant.EPOCH);
                while (records.next() != null) {
                    // every record once: the reader refuses a broken one with its row
                }
                in.transferTo(java.io.OutputStream.nullOutputStream()); // whatever the reader left unread counts and hashes too
                return new Checked(in.count, hex(sha.digest()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the file into chunks. It is the service's own spool file, written once before {@link #check}
     * read it, so the byte count is enough to notice a copy gone wrong; hashing it again would only
     * lengthen the transaction.
     */
    private void store(ImportJob job, StartImportUseCase.ReceivedFile content, Checked checked) {
        long total = 0;
        int seq = 0;
        try (InputStream in = content.open()) {
            byte[] chunk;
            while ((chunk = in.readNBytes(CHUNK_BYTES)).length > 0) {
                files.append(job.access().workspaceId(), job.id(), seq++, chunk);
                total += chunk.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (total != checked.bytes()) {
            throw new IllegalStateException("The received file changed between its check and its storage");
        }
    }

    /** Counts and hashes what is read through it. */
    private static final class Counting extends FilterInputStream {
        private final MessageDigest sha;
        long count;

        Counting(InputStream in, MessageDigest sha) {
            super(in);
            this.sha = sha;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                sha.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = readNBytes((int) Math.min(n, 8192));
            return skipped.length;
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
