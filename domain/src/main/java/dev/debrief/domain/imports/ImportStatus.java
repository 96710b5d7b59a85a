package dev.debrief.domain.imports;

/**
 * Where a job stands. QUEUED until a runner claims it; RUNNING while a runner holds its lease (a job
 * whose lease expired is claimed again and resumes from its checkpoint); SUCCEEDED or FAILED for good.
 */
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
