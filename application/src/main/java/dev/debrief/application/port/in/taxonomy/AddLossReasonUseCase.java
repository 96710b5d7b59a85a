package dev.debrief.application.port.in.taxonomy;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.ReasonCategory;

public interface AddLossReasonUseCase {

    record AddLossReasonCommand(Access access, String code, String name, ReasonCategory category,
                                Controllability defaultControllability) {
    }

    LossReason add(AddLossReasonCommand command);
}
