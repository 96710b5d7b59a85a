package dev.debrief.application.port.in.taxonomy;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.taxonomy.ReasonCategory;

public interface ChangeLossReasonUseCase {

    /** Null leaves a part as it is. The code never changes. */
    record ChangeLossReasonCommand(Access access, LossReasonId reasonId, String name,
                                   ReasonCategory category, Controllability defaultControllability,
                                   Boolean archived) {
    }

    LossReason change(ChangeLossReasonCommand command);
}
