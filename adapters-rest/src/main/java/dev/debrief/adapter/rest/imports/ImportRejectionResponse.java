package dev.debrief.adapter.rest.imports;

import dev.debrief.domain.imports.ImportRejection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A row the import refused. */
@Schema(name = "ImportRejection")
public record ImportRejectionResponse(
        @Schema(description = "The row as a spreadsheet numbers it: the header is row 1", examples = "17") int rowNumber,
        @Schema(description = "The column to blame, if one is", examples = "closed_on") String field,
        @Schema(examples = "value.invalid") String code,
        @Schema(examples = "closed_on '31/12/2026' is not a date (yyyy-mm-dd)") String message) {

    static ImportRejectionResponse from(ImportRejection r) {
        return new ImportRejectionResponse(r.rowNumber(), r.field(), r.code(), r.message());
    }

    @Schema(name = "ImportRejectionPage")
    public record Page(List<ImportRejectionResponse> items,
                       @Schema(description = "Pass as `cursor` for the next page; absent on the last page", examples = "517")
                       String nextCursor) {
    }
}
