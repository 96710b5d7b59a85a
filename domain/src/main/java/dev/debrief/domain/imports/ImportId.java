package dev.debrief.domain.imports;

import java.util.Objects;
import java.util.UUID;

/** A CSV import job's id (UUIDv7, made by the application). */
public record ImportId(UUID value) {

    public ImportId {
        Objects.requireNonNull(value, "import id");
    }
}
