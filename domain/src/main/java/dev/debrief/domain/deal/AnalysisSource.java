package dev.debrief.domain.deal;

/**
 * Who wrote a loss analysis last. Ingest writes PARTNER analyses and may replace them with newer
 * partner states; once an analysis is written through Debrief's own analysis API (DEBRIEF), ingest
 * leaves it alone.
 */
public enum AnalysisSource {
    DEBRIEF, PARTNER
}
