package dev.debrief.application.service.imports;

import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.debrief.application.port.in.imports.StartImportUseCase;
import dev.debrief.application.port.out.imports.ImportFileStore;
import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Stores the upload and queues its job, in one transaction with the idempotency key's answer. The
 * job row is written first (the chunks refer to it), then the body is copied into chunks of
 * {@value #CHUNK_BYTES} bytes while it is read, hashing it on the way; the idempotency fingerprint is
 * the request plus that hash. When the key already answered (a retry), the new job and its chunks are
 * deleted again in the same transaction and the stored answer is returned: the retry leaves nothing.
 */
@ApplicationScoped
@Transactional
public class StartImportService implements StartImportUseCase {

    static final int CHUNK_BYTES = 1024 * 1024;

    private final ImportJobRepository jobs;
    private final ImportFileStore files;
    private final RunIdempotentlyUseCase idempotency;
    private final Clock clock;

    @Inject
    public StartImportService(ImportJobRepository jobs, ImportFileStore files, RunIdempotentlyUseCase idempotency,
                              Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public IdempotentResponse start(StartImportCommand command, Function<ImportJob, IdempotentResponse> answer) {
        command.access().require(Right.INGEST_DEALS);
        ImportJob queued = ImportJob.queue(new ImportId(Ids.newId()), command.access(), command.fileName(), 0,
                clock.instant());
        jobs.create(queued);
        MessageDigest sha = sha256();
        byte[] first = null;
        long total = 0;
        int seq = 0;
        try (InputStream in = command.content()) {
            while (true) {
                byte[] chunk = in.readNBytes(CHUNK_BYTES);
                if (chunk.length == 0) {
                    break;
                }
                if (first == null) {
                    first = chunk;
                }
                sha.update(chunk);
                files.append(queued.access().workspaceId(), queued.id(), seq++, chunk);
                total += chunk.length;
                if (chunk.length < CHUNK_BYTES) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (total == 0) {
            throw new InvalidInput("import.empty-file", "The file is empty: send a CSV with a header row and deals", null);
        }
        checkHeader(first);
        jobs.setFileBytes(queued.access().workspaceId(), queued.id(), total);
        ImportJob job = ImportJob.queue(queued.id(), queued.access(), queued.fileName(), total, queued.createdAt());
        String fingerprint = HexFormat.of().formatHex(sha256().digest((command.request() + "\n"
                + HexFormat.of().formatHex(sha.digest())).getBytes(StandardCharsets.UTF_8)));
        IdempotentResponse response = idempotency.run(new IdempotentRequest(command.access(), command.idempotencyKey(),
                fingerprint), () -> answer.apply(job));
        if (response.replayed()) {
            jobs.delete(job.access().workspaceId(), job.id());
        }
        return response;
    }

    /** The header row is in the first chunk (a header longer than a megabyte is no header). */
    private static void checkHeader(byte[] first) {
        CsvRecords records = CsvRecords.open(new InputStreamReader(new ByteArrayInputStream(first), StandardCharsets.UTF_8));
        if (records == null) {
            throw new InvalidInput("import.empty-file", "The file is empty: send a CSV with a header row and deals", null);
        }
        CsvDealRows.forHeader(records.header(), java.time.Instant.EPOCH);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
