package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullOutcomeTest {
    private static final Path DIR = Path.of("data/moe_scaling_law");

    @Test
    void theRowCountsAreCopiedAndUnmodifiable() {
        Map<String, Long> rows = new HashMap<>(Map.of("train", 100L, "test", 20L));
        PullOutcome outcome = new PullOutcome("moe_scaling_law", DIR, rows, PullOutcome.Status.DOWNLOADED);
        rows.put("validation", 5L);
        assertEquals(Map.of("train", 100L, "test", 20L), outcome.rows());
        assertThrows(UnsupportedOperationException.class, () -> outcome.rows().put("x", 1L));
    }

    @Test
    void nullComponentsAreRefusedNamingThem() {
        Map<String, Long> rows = Map.of("train", 1L);
        assertEquals("task", assertThrows(NullPointerException.class,
            () -> new PullOutcome(null, DIR, rows, PullOutcome.Status.UP_TO_DATE)).getMessage());
        assertEquals("directory", assertThrows(NullPointerException.class,
            () -> new PullOutcome("t", null, rows, PullOutcome.Status.UP_TO_DATE)).getMessage());
        assertEquals("status", assertThrows(NullPointerException.class,
            () -> new PullOutcome("t", DIR, rows, null)).getMessage());
        assertThrows(NullPointerException.class, () -> new PullOutcome("t", DIR, null, PullOutcome.Status.UP_TO_DATE));
    }
}
