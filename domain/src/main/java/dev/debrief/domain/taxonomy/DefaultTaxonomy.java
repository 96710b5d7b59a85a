package dev.debrief.domain.taxonomy;

import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;

import static dev.debrief.domain.taxonomy.Controllability.NO;
import static dev.debrief.domain.taxonomy.Controllability.PARTLY;
import static dev.debrief.domain.taxonomy.Controllability.YES;

/** The loss-reason taxonomy a new workspace starts with (PRODUCT.md), one reason per category. */
public final class DefaultTaxonomy {

    private DefaultTaxonomy() {
    }

    public static List<LossReason> forNewWorkspace(WorkspaceId ws) {
        return List.of(
                LossReason.create(ws, "WRONG_RESEARCH", "Incomplete or wrong research on the customer", ReasonCategory.PREPARATION, YES),
                LossReason.create(ws, "FEATURES_NOT_PAIN", "Pitched features instead of the customer's pain", ReasonCategory.PAIN_POINTS, YES),
                LossReason.create(ws, "NO_DECISION_MAKER", "Never reached the person with pen power", ReasonCategory.DECISION_MAKER, YES),
                LossReason.create(ws, "PRICE_ONLY", "Dragged into a price-only discussion", ReasonCategory.VALUE_VS_COST, YES),
                LossReason.create(ws, "SLOW_RESPONSE", "Slow response, missed call or email", ReasonCategory.RESPONSIVENESS, YES),
                LossReason.create(ws, "POOR_FIT", "Not a good-fit prospect; never intended to buy", ReasonCategory.PROSPECT_FIT, PARTLY),
                LossReason.create(ws, "BAD_TIMING", "Not the right time for the customer", ReasonCategory.TIMING, NO),
                LossReason.create(ws, "NO_BUDGET", "Customer budget constraints", ReasonCategory.BUDGET, NO),
                LossReason.create(ws, "LOST_TO_COMPETITOR", "Lost to a competitor", ReasonCategory.COMPETITION, PARTLY),
                LossReason.create(ws, "PRODUCT_GAP", "Product lacked a required capability", ReasonCategory.PRODUCT_GAP, NO),
                LossReason.create(ws, "OTHER", "Anything else (explain in the note)", ReasonCategory.OTHER, PARTLY));
    }
}
