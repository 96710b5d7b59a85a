package dev.debrief.bootstrap.deal;

import java.util.List;

/** Lets other test packages fire requests at once with the same helper as DealConcurrencyTest. */
public final class DealConcurrencyTestAccess {

    private DealConcurrencyTestAccess() {
    }

    public static List<Integer> race(int writers, DealConcurrencyTest.Writer writer) throws Exception {
        return DealConcurrencyTest.race(writers, writer);
    }
}
