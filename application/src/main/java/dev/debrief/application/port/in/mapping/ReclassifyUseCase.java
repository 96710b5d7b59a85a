package dev.debrief.application.port.in.mapping;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.mapping.PartnerMapping;

/**
 * Applies a mapping to the deals waiting on it, in batches of their own transactions (a large
 * re-classification holds no giant transaction; each batch commits). Only pending data changes; a
 * second run changes nothing.
 */
public interface ReclassifyUseCase {

    /** @return how many deals changed */
    int reclassify(Access access, PartnerMapping mapping);
}
