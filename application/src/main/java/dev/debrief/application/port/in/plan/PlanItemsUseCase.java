package dev.debrief.application.port.in.plan;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.plan.PlanItem;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A member keeps their own plan items: add, reword, check off or uncheck, remove. Only for themselves. */
public interface PlanItemsUseCase {

    PlanItem add(Access access, MemberId memberId, LocalDate date, String text);

    /** Applies the change to the item's current text and done state, in the transaction that writes it. */
    PlanItem change(Access access, MemberId memberId, UUID itemId, UnaryOperator<PlanItemChange> change);

    void remove(Access access, MemberId memberId, UUID itemId);

    /** What a change may touch. */
    record PlanItemChange(String text, boolean done) {
    }
}
