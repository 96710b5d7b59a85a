package dev.debrief.application.service.mapping;

import dev.debrief.application.port.in.mapping.ReclassifyUseCase;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.mapping.PartnerMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Re-classification in batches, each in a transaction of its own ({@link ReclassifyBatch}), walking
 * the waiting deals by id so every deal is visited once even when a batch changes nothing for it.
 * Deliberately not transactional itself.
 */
@ApplicationScoped
public class ReclassifyService implements ReclassifyUseCase {

    static final int BATCH = 200;

    private final ReclassifyBatch batches;

    @Inject
    public ReclassifyService(ReclassifyBatch batches) {
        this.batches = batches;
    }

    @Override
    public int reclassify(Access access, PartnerMapping mapping) {
        int changed = 0;
        java.util.UUID after = null;
        while (true) {
            ReclassifyBatch.Progress progress = batches.next(access, mapping, after, BATCH);
            changed += progress.changed();
            if (progress.lastDealId() == null) {
                return changed;
            }
            after = progress.lastDealId();
        }
    }
}
