package dev.debrief.application.port.in.imports;

import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.imports.ImportJob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks a received CSV file, then stores it (in chunks: the file never sits in memory) and queues a
 * job that imports it, under an Idempotency-Key: the same key with the same file answers the first
 * job again and stores nothing. The file is read twice: once to check it and compute its hash (no
 * database work), then into the database in the transaction that queues the job and stores the answer.
 *
 * @throws dev.debrief.domain.shared.InvalidInput {@code import.empty-file}, {@code import.header-missing},
 *         {@code import.column-required} (field: the column), and the refusals of
 *         {@link dev.debrief.application.port.out.imports.CsvRecordReader} (a quote that never closes, a
 *         field or row over its limit), naming the row
 */
public interface StartImportUseCase {

    /**
     * @param answer turns the queued job into the answer to store and return (the REST edge's 202)
     */
    IdempotentResponse start(StartImportCommand command, Function<ImportJob, IdempotentResponse> answer);

    /**
     * @param request        what identifies the request besides the file, e.g. method and path; with the
     *                       file's SHA-256 it makes the idempotency fingerprint
     * @param content        the received file, opened once per read (a local copy: reading it never
     *                       waits for the client)
     */
    record StartImportCommand(Access access, String idempotencyKey, String request, String fileName,
                              ReceivedFile content) {

        public StartImportCommand {
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A file received in full, which can be read from the start as often as needed. */
    @FunctionalInterface
    interface ReceivedFile {
        InputStream open() throws IOException;
    }
}
