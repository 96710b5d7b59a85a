package dev.debrief.domain.imports;

/**
 * What a job did so far: data rows read (blank rows are not counted) and what became of them. Every
 * row read ends in exactly one of the other counts once its batch committed.
 */
public record ImportCounts(int rowsRead, int created, int updated, int unchanged, int stale, int rejected) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);

    public ImportCounts {
        if (rowsRead < 0 || created < 0 || updated < 0 || unchanged < 0 || stale < 0 || rejected < 0) {
            throw new IllegalArgumentException("Counts are never negative");
        }
        if (created + updated + unchanged + stale + rejected != rowsRead) {
            throw new IllegalArgumentException("Every row read has exactly one result: " + rowsRead + " read, "
                    + (created + updated + unchanged + stale + rejected) + " counted");
        }
    }

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(rowsRead + other.rowsRead, created + other.created, updated + other.updated,
                unchanged + other.unchanged, stale + other.stale, rejected + other.rejected);
    }
}
