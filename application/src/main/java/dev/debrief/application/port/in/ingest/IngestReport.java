package dev.debrief.application.port.in.ingest;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.shared.DomainException;

import java.util.List;
import java.util.Set;

/** What an ingest did, one result per item in the order of the request. */
public record IngestReport(List<ItemResult> results) {

    public IngestReport {
        results = List.copyOf(results);
    }

    /**
     * One item's result: what it did to its deal (and the deal as it stands after the whole ingest,
     * with the fields still waiting for triage, and what became of its activities), or why it was rejected
     * ({@code result} is then null, and none of its activities was recorded).
     */
    public record ItemResult(ExternalReference reference, SyncResult result, Deal deal, Set<TriageField> triage,
                             DomainException problem, int activitiesRecorded, int activitiesSkipped) {

        public ItemResult(ExternalReference reference, SyncResult result, Deal deal, Set<TriageField> triage,
                          DomainException problem) {
            this(reference, result, deal, triage, problem, 0, 0);
        }

        public static ItemResult rejected(ExternalReference reference, DomainException problem) {
            return new ItemResult(reference, null, null, Set.of(), problem);
        }

        /** This result with how many of the item's activities were recorded and how many skipped (known already, or deleted). */
        public ItemResult withActivities(int recorded, int skipped) {
            return new ItemResult(reference, result, deal, triage, problem, recorded, skipped);
        }

        public boolean isRejected() {
            return problem != null;
        }
    }
}
