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
     * with the fields still waiting for triage), or why it was rejected ({@code result} is then null).
     */
    public record ItemResult(ExternalReference reference, SyncResult result, Deal deal, Set<TriageField> triage,
                             DomainException problem) {

        public static ItemResult rejected(ExternalReference reference, DomainException problem) {
            return new ItemResult(reference, null, null, Set.of(), problem);
        }

        public boolean isRejected() {
            return problem != null;
        }
    }
}
