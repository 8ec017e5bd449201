package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchListenerTest {

    @Test
    void noneAcceptsEveryEventWithoutFailingEvenOnNulls() {
        BenchListener none = BenchListener.none();
        assertDoesNotThrow(() -> {
            none.onStart(null);
            none.onRunStart("t", 0, SeedRun.Status.RAN, 1, 1);
            none.onGeneration("t", 0, 1, 2, Double.NaN);
            none.onRunDone(null, 1, 1);
            none.onMessage(null);
        });
    }

    @Test
    void noneGivesAFreshListenerEachCall() {
        assertNotSame(BenchListener.none(), BenchListener.none());
    }

    @Test
    void aListenerOverridingOneEventStillReceivesOnlyThatOne() {
        // the defaults let a progress display implement just the events it shows
        List<String> seen = new ArrayList<>();
        BenchListener messages = new BenchListener() {
            @Override
            public void onMessage(String message) {
                seen.add(message);
            }
        };
        messages.onRunStart("t", 0, SeedRun.Status.RESUMED, 1, 2);
        messages.onRunDone(new SeedRun("t", 0, SeedRun.Status.RESUMED, "a", 1, null, null, null, null, Map.of(), null,
            null, null, null, null, null, "d", null, null), 1, 2);
        messages.onMessage("t seed 0: continuing it");
        assertEquals(List.of("t seed 0: continuing it"), seen);
    }
}
