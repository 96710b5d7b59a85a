package dev.debrief.domain.deal;

/**
 * COMPLETE analyses satisfy every loss rule. PENDING_TRIAGE is for losses pushed by partners
 * without a usable reason: accepted, kept, and waiting for a person (partner ingest issue).
 */
public enum AnalysisStatus {
    COMPLETE, PENDING_TRIAGE
}
