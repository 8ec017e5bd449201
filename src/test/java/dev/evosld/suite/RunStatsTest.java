package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import dev.evosld.search.SearchSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RunStatsTest {
    private static final SearchSettings THREE = SearchSettings.defaults().withRestarts(3);
    private static final SearchSettings ONE = SearchSettings.defaults().withRestarts(1);

    private static RunStats stats(Integer islands, Integer restarts) {
        return new RunStats(0L, 60, 96, islands, restarts, 60, "generations", 10.0, 100L, 10L, 10.0, null, null, null, null, null);
    }

    @Test
    void aRunWithOtherRestartsIsNotReused() {
        assertTrue(stats(2, 3).matches(THREE));
        assertFalse(stats(2, 3).matches(ONE));
        assertFalse(stats(2, 1).matches(THREE));
    }

    @Test
    void statsWrittenBeforeRestartsExistedAreOfOneRestart() {
        assertTrue(stats(2, null).matches(ONE));
        assertFalse(stats(2, null).matches(THREE));
        assertEquals("60 generations, 2 islands of 96", stats(2, null).describe());
        assertEquals("60 generations, 3 restarts × 2 islands of 96", stats(2, 3).describe());
    }

    @Test
    void statsReadFromAHistoryAloneMatchAnySettings() {
        RunStats unknown = new RunStats(null, null, null, null, null, 60, null, 10.0, 100L, 10L, 10.0, null, null, null, null, null);
        assertTrue(unknown.matches(ONE));
        assertTrue(unknown.matches(THREE));
    }

    @Test
    void searchJsonKeepsTheTimeLimitAndThreadsTheRunRanWith() {
        RunStats stats = new RunStats(0L, 60, 96, 2, 3, 60, "generations", 10.0, 100L, 10L, 10.0, null,
            "0.1.0 (git abc1234)", 600.0, 4, true);
        String json = Json.mapper().writeValueAsString(stats);
        JsonNode node = Json.mapper().readTree(json);
        assertEquals(600.0, node.get("time_limit_seconds").doubleValue());
        assertEquals(4, node.get("threads").intValue());
        assertTrue(node.get("resumed").booleanValue());
        assertEquals(stats, Json.mapper().readValue(json, RunStats.class));
    }
}
