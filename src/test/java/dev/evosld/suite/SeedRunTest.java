package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A run's record as bench.json holds it: its status labels, its snake_case keys, and its failed and unknown fields. */
class SeedRunTest {

    private static SeedRun ran() {
        return new SeedRun("sft_scaling_law", 3, SeedRun.Status.RAN, "A / N^a + E", 3, 0.995, 0.99, 0.98, null,
            Map.of("sft_loss", 0.0125), Map.of("sft_loss", 0.025), 12.5, 1000L, 80.0, 60, "generations",
            "out/sft_scaling_law/seed-3", "0.1.0 (git abc1234)",
            new SeedRun.RanWith(300.0, 2, List.of("classic forms")));
    }

    private static SeedRun failedAndUnknown() {
        return new SeedRun("moe_scaling_law", 0, SeedRun.Status.REUSED, "E + A / N", 2, null, 0.5, null,
            "prediction 3 of target 0 is NaN", null, null, null, null, null, null, null, "out/moe_scaling_law/seed-0",
            null, null);
    }

    @Test
    void statusesAreWrittenAsTheirLowerCaseLabels() {
        assertEquals(List.of("ran", "resumed", "reused"),
            Arrays.stream(SeedRun.Status.values()).map(SeedRun.Status::label).toList());
        assertEquals("\"resumed\"", Json.mapper().writeValueAsString(SeedRun.Status.RESUMED));
    }

    @Test
    void statusOrderIsTheOrderOfBenchResultCounts() {
        // Bench counts runs by ordinal into Counts(ran, resumed, reused): reordering the enum would swap the counts
        assertEquals(List.of(SeedRun.Status.RAN, SeedRun.Status.RESUMED, SeedRun.Status.REUSED),
            List.of(SeedRun.Status.values()));
    }

    @Test
    void statusLabelsAreReadBackAndAnUnknownLabelIsRefused() {
        for (SeedRun.Status status : SeedRun.Status.values()) {
            assertEquals(status, Json.mapper().readValue("\"" + status.label() + "\"", SeedRun.Status.class));
        }
        assertThrows(JacksonException.class, () -> Json.mapper().readValue("\"failed\"", SeedRun.Status.class));
    }

    @Test
    void aRunIsWrittenWithSnakeCaseKeysInComponentOrder() {
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(ran()));
        assertEquals(List.of("task", "seed", "status", "law", "parameter_count", "train_r2", "validation_r2", "test_r2",
                "test_failure", "validation_rmse", "test_rmse", "seconds", "candidates_fitted", "candidates_per_second",
                "generations", "stopped_by", "run_directory", "build", "ran_with"),
            json.propertyNames().stream().toList());
        assertEquals("ran", json.get("status").stringValue());
        assertEquals(3, json.get("seed").longValue());
        assertEquals(0.025, json.get("test_rmse").get("sft_loss").doubleValue());
        assertTrue(json.get("test_failure").isNull());
    }

    @Test
    void aRunRoundTripsThroughJsonUnchanged() {
        for (SeedRun run : List.of(ran(), failedAndUnknown())) {
            assertEquals(run, Json.mapper().readValue(Json.mapper().writeValueAsString(run), SeedRun.class));
        }
    }

    @Test
    void aFailedTestScoreIsWrittenAsNullBesideItsReason() {
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(failedAndUnknown()));
        assertTrue(json.get("test_r2").isNull());
        assertTrue(json.get("train_r2").isNull());
        assertEquals("prediction 3 of target 0 is NaN", json.get("test_failure").stringValue());
        assertTrue(json.get("seconds").isNull());
        assertTrue(json.get("stopped_by").isNull());
        assertEquals("reused", json.get("status").stringValue());
    }

    @Test
    void unknownKeysInAnOlderOrNewerFileAreIgnored() {
        String text = Json.mapper().writeValueAsString(ran()).replaceFirst("\\{", "{\"from_the_future\": 1,");
        SeedRun read = Json.mapper().readValue(text, SeedRun.class);
        assertEquals(ran(), read);
    }

    @Test
    void missingOptionalKeysAreReadAsNull() {
        SeedRun read = Json.mapper().readValue("""
            {"task": "t", "seed": 1, "status": "reused", "law": "a", "parameter_count": 1, "run_directory": "d"}""",
            SeedRun.class);
        assertEquals(SeedRun.Status.REUSED, read.status());
        assertNull(read.testR2());
        assertNull(read.seconds());
        assertNull(read.candidatesFitted());
        assertNull(read.validationRmse());
    }
}
