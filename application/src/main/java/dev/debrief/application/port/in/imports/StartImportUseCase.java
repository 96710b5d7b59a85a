package dev.debrief.application.port.in.imports;

import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.imports.ImportJob;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stores an uploaded CSV file (in chunks, as it is read: the file never sits in memory) and queues a
 * job that imports it, under an Idempotency-Key: the same key with the same file answers the first
 * job again and stores nothing.
 *
 * @throws dev.debrief.domain.shared.InvalidInput {@code import.empty-file}, {@code import.header-missing},
 *         {@code import.column-required} (field: the column)
 */
public interface StartImportUseCase {

    /**
     * @param answer turns the queued job into the answer to store and return (the REST edge's 202)
     */
    IdempotentResponse start(StartImportCommand command, Function<ImportJob, IdempotentResponse> answer);

    /**
     * @param request        what identifies the request besides the file, e.g. method and path; with the
     *                       file's SHA-256 it makes the idempotency fingerprint
     * @param content        the file, read once to its end
     */
    record StartImportCommand(Access access, String idempotencyKey, String request, String fileName,
                              InputStream content) {

        public StartImportCommand {
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(content, "content");
        }
    }
}
