package dev.debrief.application.service.ingest;

import dev.debrief.application.port.in.ingest.IngestDealsUseCase;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.in.ingest.IngestReport;
import dev.debrief.application.port.in.ingest.IngestReport.ItemResult;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.activity.ActivityRepository;
import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.application.port.out.ingest.RejectedByDatabase;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.followup.CheckIns;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.application.service.activity.ActivityService;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.PartnerDealState;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.followup.CheckInChange;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Partner ingest in one transaction: every item is resolved and checked before any SQL; the items
 * of one deal are applied in occurredAt order; the deals are locked (or inserted) in reference
 * order; audit rows and outcome history are written with the change. When the database still
 * refuses something, the valid deals land one by one, each in a savepoint of its own.
 */
@ApplicationScoped
@Transactional
public class IngestService implements IngestDealsUseCase {

    static final Comparator<ExternalReference> REFERENCE_ORDER =
            Comparator.comparing(ExternalReference::source).thenComparing(ExternalReference::externalId);
    private static final String DEAL = "deal";

    private final WorkspaceRepository workspaces;
    private final VocabularyRepository vocabulary;
    private final LossReasonRepository reasons;
    private final MemberRepository members;
    private final dev.debrief.application.port.out.mapping.PartnerMappingRepository mappings;
    private final DealIngestStore store;
    private final ActivityRepository activities;
    private final Auditor audit;
    private final CheckIns checkIns;
    private final Clock clock;

    @Inject
    public IngestService(WorkspaceRepository workspaces, VocabularyRepository vocabulary, LossReasonRepository reasons,
                         MemberRepository members, dev.debrief.application.port.out.mapping.PartnerMappingRepository mappings,
                         DealIngestStore store, ActivityRepository activities, Auditor audit, CheckIns checkIns,
                         Clock clock) {
        this.mappings = mappings;
        this.activities = activities;
        this.workspaces = workspaces;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.members = members;
        this.store = store;
        this.audit = audit;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    @Override
    public IngestReport ingest(IngestCommand command) {
        Access access = command.access();
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        Instant now = clock.instant();
        LocalDate today = workspace.today(now);
        PartnerValues values = load(workspace);

        List<IngestItem> items = command.items();
        ItemResult[] results = new ItemResult[items.size()];
        PartnerDealState[] states = new PartnerDealState[items.size()];
        List<List<Activity>> pushed = new ArrayList<>(java.util.Collections.nCopies(items.size(), List.of()));
        Map<ExternalReference, List<Integer>> groups = new TreeMap<>(REFERENCE_ORDER);
        for (int i = 0; i < items.size(); i++) {
            try {
                states[i] = values.resolve(items.get(i)).requireTimely(today, now);
                Deal.fromPartner(workspace.id(), states[i], values, now); // the analysis rules, before any SQL
                pushed.set(i, PartnerActivities.read(workspace.id(), items.get(i), values, now));
                groups.computeIfAbsent(states[i].reference(), ref -> new ArrayList<>()).add(i);
            } catch (DomainException e) {
                results[i] = ItemResult.rejected(referenceOrNull(items.get(i)), e);
            }
        }
        // Several states of one deal apply in the source system's order (ties keep the request's order).
        groups.values().forEach(group -> group.sort(Comparator.comparing(i -> states[i].occurredAt())));

        Batch batch = new Batch(access, values, states, pushed, results, command.updateOnly(), now);
        try {
            store.inSavepoint(() -> batch.write(groups));
        } catch (RejectedByDatabase whole) {
            for (Map.Entry<ExternalReference, List<Integer>> group : groups.entrySet()) {
                try {
                    store.inSavepoint(() -> batch.write(Map.of(group.getKey(), group.getValue())));
                } catch (RejectedByDatabase one) {
                    DomainException problem = new RuleViolation("ingest.rejected-by-database",
                            "The database refused this deal" + (one.constraint() == null ? ""
                                    : " (constraint " + one.constraint() + ")") + "; the other items are not affected",
                            null);
                    group.getValue().forEach(i -> results[i] = ItemResult.rejected(group.getKey(), problem));
                }
            }
        }
        return new IngestReport(Arrays.asList(results));
    }

    private PartnerValues load(Workspace workspace) {
        List<VocabularyEntry> entries = new ArrayList<>();
        for (VocabularyKind kind : VocabularyKind.values()) {
            entries.addAll(vocabulary.list(workspace.id(), kind));
        }
        return new PartnerValues(workspace, entries, reasons.list(workspace.id()), members.list(workspace.id()),
                mappings.all(workspace.id()));
    }

    private static ExternalReference referenceOrNull(IngestItem item) {
        try {
            return PartnerValues.reference(item);
        } catch (DomainException e) {
            return null;
        }
    }

    /** The deal of activities counted before their deal is known. */
    private static final DealId PLACEHOLDER = new DealId(new java.util.UUID(0, 0));

    /** How many of these activities would be new on the deal: not known to it, not taken by an earlier item, not repeated. */
    private static int freshCount(DealId deal, List<Activity> pushed, Set<ActivityRepository.PartnerKey> known,
                                  Set<ActivityRepository.PartnerKey> taken) {
        return PartnerActivities.fresh(deal, pushed, known, new java.util.HashSet<>(taken)).size();
    }

    /** One attempt at writing some of the ingest's deals; it can be repeated for a subset after a rollback. */
    private final class Batch {

        private final Access access;
        private final PartnerValues values;
        private final PartnerDealState[] states;
        private final List<List<Activity>> pushed;
        private final ItemResult[] results;
        /** The items of this attempt rejected for the deal's cap on activities: their state is not applied either. */
        private final Set<Integer> capped = new java.util.HashSet<>();
        private final boolean updateOnly;
        private final Instant now;

        Batch(Access access, PartnerValues values, PartnerDealState[] states, List<List<Activity>> pushed,
              ItemResult[] results, boolean updateOnly, Instant now) {
            this.access = access;
            this.values = values;
            this.states = states;
            this.pushed = pushed;
            this.results = results;
            this.updateOnly = updateOnly;
            this.now = now;
        }

        Void write(Map<ExternalReference, List<Integer>> requested) {
            capped.clear();
            Map<ExternalReference, List<Integer>> groups = withinTheDealCap(requested);
            if (groups.isEmpty()) {
                return null;
            }
            Map<ExternalReference, Deal> candidates = new TreeMap<>(REFERENCE_ORDER);
            Map<ExternalReference, List<SyncResult>> candidateResults = new TreeMap<>(REFERENCE_ORDER);
            if (!updateOnly) {
                groups.forEach((reference, group) -> {
                    List<SyncResult> outcomes = new ArrayList<>();
                    Deal deal = null;
                    for (int i : group) {
                        if (deal == null) {
                            deal = Deal.fromPartner(access.workspaceId(), states[i], values, now);
                            outcomes.add(SyncResult.CREATED);
                        } else {
                            outcomes.add(absorbOrReject(deal, i));
                        }
                    }
                    candidates.put(reference, deal);
                    candidateResults.put(reference, outcomes);
                });
            }
            DealIngestStore.Locked locked = updateOnly
                    ? store.lock(access.workspaceId(), new ArrayList<>(groups.keySet()))
                    : store.insertOrLock(access.workspaceId(), new ArrayList<>(candidates.values()));
            Set<ActivityRepository.PartnerKey> known = existingDealsWithinTheirCap(groups, locked);

            List<Deal> created = new ArrayList<>();
            List<Deal> changed = new ArrayList<>();
            List<Deal> advanced = new ArrayList<>();
            List<CheckIns.Transition> transitions = new ArrayList<>();
            List<Auditor.Entry> auditEntries = new ArrayList<>();
            groups.forEach((reference, group) -> {
                if (locked.tombstoned().contains(reference)) {
                    reject(group, reference, new StateConflict("deal.deleted", "The deal " + reference.source() + " "
                            + reference.externalId() + " was deleted in Debrief; a push doesn't bring it back"));
                } else if (locked.inserted().contains(reference)) {
                    Deal deal = candidates.get(reference);
                    List<SyncResult> outcomes = candidateResults.get(reference);
                    for (int k = 0; k < group.size(); k++) {
                        if (outcomes.get(k) != null) {
                            results[group.get(k)] = accepted(reference, outcomes.get(k), deal);
                        }
                    }
                    created.add(deal);
                    transitions.add(new CheckIns.Transition(false, deal));
                    auditEntries.add(new Auditor.Entry(DEAL, deal.id().value(), "create", createdFields(deal)));
                } else if (locked.existing().containsKey(reference)) {
                    Deal deal = locked.existing().get(reference);
                    Instant heldBefore = deal.partnerSync() == null ? null : deal.partnerSync().occurredAt();
                    boolean qualified = CheckInChange.qualifies(deal);
                    Set<String> fields = new LinkedHashSet<>();
                    List<Integer> accepted = new ArrayList<>();
                    List<SyncResult> outcomes = new ArrayList<>();
                    for (int i : group) {
                        if (capped.contains(i)) {
                            continue; // over the deal's cap on activities
                        }
                        Deal.Absorbed absorbed = absorb(deal, i);
                        if (absorbed != null) {
                            accepted.add(i);
                            outcomes.add(absorbed.result());
                            fields.addAll(absorbed.changedFields());
                        }
                    }
                    for (int k = 0; k < accepted.size(); k++) {
                        results[accepted.get(k)] = accepted(reference, outcomes.get(k), deal);
                    }
                    if (!fields.isEmpty()) {
                        changed.add(deal);
                        transitions.add(new CheckIns.Transition(qualified, deal));
                        auditEntries.add(new Auditor.Entry(DEAL, deal.id().value(), "change", List.copyOf(fields)));
                    } else if (deal.partnerSync() != null && !deal.partnerSync().occurredAt().equals(heldBefore)) {
                        advanced.add(deal);
                    }
                } else {
                    reject(group, reference, new NotFound("deal.not-found", "No deal " + reference.source() + " "
                            + reference.externalId() + " exists, and updateOnly refuses to create one"));
                }
            });
            store.saveCreated(created);
            store.saveChanged(changed);
            store.saveSourceTimes(advanced);
            recordActivities(groups, locked, candidates, known);
            checkIns.follow(values.workspace(), access, transitions);
            audit.recordAll(access, auditEntries);
            return null;
        }

        /**
         * The groups without the items whose activities would take a deal past {@link Activity#MAX_PER_DEAL} even
         * if it held none yet (rejected: activity.limit-reached). The deals that exist are checked again once locked.
         */
        private Map<ExternalReference, List<Integer>> withinTheDealCap(Map<ExternalReference, List<Integer>> groups) {
            Map<ExternalReference, List<Integer>> kept = new TreeMap<>(REFERENCE_ORDER);
            groups.forEach((reference, group) -> {
                Set<ActivityRepository.PartnerKey> taken = new java.util.HashSet<>();
                int held = 0;
                List<Integer> fitting = new ArrayList<>();
                for (int i : group) {
                    int fresh = freshCount(PLACEHOLDER, pushed.get(i), Set.of(), taken);
                    if (held + fresh > Activity.MAX_PER_DEAL) {
                        results[i] = ItemResult.rejected(reference, ActivityService.limitReached());
                    } else {
                        held += fresh;
                        taken.addAll(PartnerActivities.keys(PLACEHOLDER, pushed.get(i)));
                        fitting.add(i);
                    }
                }
                if (!fitting.isEmpty()) {
                    kept.put(reference, fitting);
                }
            });
            return kept;
        }

        /**
         * With the existing deals locked: rejects the items whose new activities would take their deal past its cap
         * (before their state is applied), and answers the partner references these deals already know.
         */
        private Set<ActivityRepository.PartnerKey> existingDealsWithinTheirCap(Map<ExternalReference, List<Integer>> groups,
                                                                               DealIngestStore.Locked locked) {
            List<ActivityRepository.PartnerKey> keys = new ArrayList<>();
            List<DealId> dealIds = new ArrayList<>();
            groups.forEach((reference, group) -> {
                Deal deal = locked.existing().get(reference);
                if (deal != null && group.stream().anyMatch(i -> !pushed.get(i).isEmpty())) {
                    dealIds.add(deal.id());
                    group.forEach(i -> keys.addAll(PartnerActivities.keys(deal.id(), pushed.get(i))));
                }
            });
            if (dealIds.isEmpty()) {
                return Set.of();
            }
            Map<DealId, Integer> counts = activities.countByDeal(access.workspaceId(), dealIds);
            Set<ActivityRepository.PartnerKey> known = activities.known(access.workspaceId(), keys);
            groups.forEach((reference, group) -> {
                Deal deal = locked.existing().get(reference);
                if (deal == null) {
                    return;
                }
                Set<ActivityRepository.PartnerKey> taken = new java.util.HashSet<>();
                int held = counts.getOrDefault(deal.id(), 0);
                for (int i : group) {
                    int fresh = freshCount(deal.id(), pushed.get(i), known, taken);
                    if (fresh > 0 && held + fresh > Activity.MAX_PER_DEAL) {
                        results[i] = ItemResult.rejected(reference, ActivityService.limitReached());
                        capped.add(i);
                    } else {
                        held += fresh;
                        taken.addAll(PartnerActivities.keys(deal.id(), pushed.get(i)));
                    }
                }
            });
            return known;
        }

        /** Records the new activities of the items that were applied (stale ones too), and says so in their results. */
        private void recordActivities(Map<ExternalReference, List<Integer>> groups, DealIngestStore.Locked locked,
                                      Map<ExternalReference, Deal> candidates, Set<ActivityRepository.PartnerKey> known) {
            List<Activity> fresh = new ArrayList<>();
            groups.forEach((reference, group) -> {
                Deal deal = locked.existing().containsKey(reference) ? locked.existing().get(reference)
                        : locked.inserted().contains(reference) ? candidates.get(reference) : null;
                if (deal == null) {
                    return;
                }
                Set<ActivityRepository.PartnerKey> taken = new java.util.HashSet<>();
                for (int i : group) {
                    if (results[i] == null || results[i].isRejected()) {
                        continue;
                    }
                    List<Activity> recorded = PartnerActivities.fresh(deal.id(), pushed.get(i), known, taken);
                    fresh.addAll(recorded);
                    results[i] = results[i].withActivities(recorded.size(), pushed.get(i).size() - recorded.size());
                }
            });
            activities.addPartnerActivities(fresh);
        }

        private Deal.Absorbed absorb(Deal deal, int i) {
            try {
                return deal.absorb(states[i], values, now);
            } catch (DomainException e) {
                results[i] = ItemResult.rejected(states[i].reference(), e);
                return null;
            }
        }

        private SyncResult absorbOrReject(Deal deal, int i) {
            Deal.Absorbed absorbed = absorb(deal, i);
            return absorbed == null ? null : absorbed.result();
        }

        private void reject(List<Integer> group, ExternalReference reference, DomainException problem) {
            group.forEach(i -> results[i] = ItemResult.rejected(reference, problem));
        }

        private ItemResult accepted(ExternalReference reference, SyncResult result, Deal deal) {
            Set<dev.debrief.domain.deal.TriageField> triage = deal.partnerSync() == null ? Set.of()
                    : deal.partnerSync().unresolved().keySet();
            return new ItemResult(reference, result, deal, triage, null);
        }

        private List<String> createdFields(Deal deal) {
            List<String> fields = new ArrayList<>(deal.details().changedSince(null));
            if (deal.outcome().closed()) {
                fields.add("outcome");
                fields.add("closedOn");
            }
            if (deal.lossAnalysis() != null) {
                fields.add("lossAnalysis");
            }
            return fields;
        }
    }
}
