package dev.debrief.adapter.rest.imports;

import dev.debrief.domain.imports.ImportRejection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A row the import refused. */
@Schema(name = "ImportRejection")
public record ImportRejectionResponse(
        @Schema(description = "The row as a spreadsheet numbers it: the header is row 1", minimum = "2", maximum = "2147483647",
                examples = "17") int rowNumber,
        @Schema(nullable = true, maxLength = 100, description = "The column to blame; null when no one column is", examples = "closed_on")
        String field,
        @Schema(maxLength = 100, examples = "value.invalid") String code,
        @Schema(maxLength = MAX_MESSAGE, description = "What is wrong, for people (its first 2,000 characters)",
                examples = "closed_on '31/12/2026' is not a date (yyyy-mm-dd)") String message) {

    static final int MAX_MESSAGE = 2_000;

    static ImportRejectionResponse from(ImportRejection r) {
        return new ImportRejectionResponse(r.rowNumber(), r.field(), r.code(), ImportResponse.cut(r.message(), MAX_MESSAGE));
    }

    @Schema(name = "ImportRejectionPage")
    public record Page(@Schema(maxItems = ImportResource.MAX_LIMIT) List<ImportRejectionResponse> items,
                       @Schema(nullable = true, maxLength = 10, description = "Pass as `cursor` for the next page; null on the last page",
                               examples = "517")
                       String nextCursor) {
    }
}
