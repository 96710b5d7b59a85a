package dev.debrief.bootstrap.deal;

import dev.debrief.adapter.rest.deal.DealPatch;
import dev.debrief.adapter.rest.deal.DealRequest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DealPatch only describes, for the contract, what the service reads: a merge patch of a DealRequest.
 * The two must name the same fields of the same types, or the contract and the service drift apart.
 */
class DealPatchTest {

    @Test
    void theContractsPatchHasEveryFieldOfADealRequestWithItsTypeAndNoOther() {
        assertThat(components(DealPatch.class)).containsExactly(components(DealRequest.class));
    }

    private static String[] components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName() + ":" + c.getGenericType().getTypeName())
                .toArray(String[]::new);
    }
}
