package dev.debrief.application.fake;

import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loss reasons in a map, with the unique keys PostgreSQL holds: (workspace, code) and
 * (workspace, lower(name)). Lists by category in enum order, then name. Stores and hands out copies.
 */
public class InMemoryLossReasonRepository implements LossReasonRepository {

    private static final Comparator<LossReason> ORDER = Comparator.comparing(LossReason::category)
            .thenComparing(LossReason::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(LossReason::name);

    private final Map<LossReasonId, LossReason> reasons = new HashMap<>();

    @Override
    public synchronized LossReason save(LossReason reason) {
        for (LossReason other : reasons.values()) {
            if (other.id().equals(reason.id()) || !other.workspaceId().equals(reason.workspaceId())) {
                continue;
            }
            if (other.code().equals(reason.code())) {
                throw new StateConflict("loss-reason.code-taken", "The loss reason code " + reason.code()
                        + " is already taken");
            }
            if (lower(other.name()).equals(lower(reason.name()))) {
                throw new StateConflict("loss-reason.name-taken", "There already is a loss reason named '"
                        + reason.name() + "'");
            }
        }
        reasons.put(reason.id(), copy(reason));
        return copy(reason);
    }

    @Override
    public synchronized Optional<LossReason> findById(WorkspaceId workspaceId, LossReasonId id) {
        return Optional.ofNullable(reasons.get(id)).filter(r -> r.workspaceId().equals(workspaceId))
                .map(InMemoryLossReasonRepository::copy);
    }

    @Override
    public synchronized List<LossReason> list(WorkspaceId workspaceId) {
        return reasons.values().stream()
                .filter(r -> r.workspaceId().equals(workspaceId))
                .sorted(ORDER)
                .map(InMemoryLossReasonRepository::copy)
                .toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static LossReason copy(LossReason r) {
        return LossReason.rehydrate(r.id(), r.workspaceId(), r.code(), r.name(), r.category(),
                r.defaultControllability(), r.archived());
    }
}
