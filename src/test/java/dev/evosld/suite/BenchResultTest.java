package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** bench.json's document: its round trip, its defensive copies and the mean row over tasks. */
class BenchResultTest {
    private static final Environment ENV = new Environment("2026-03-01T12:00:00Z", "0.1.0", "abc1234", 8,
        "Linux amd64", "25.0.3");

    private static SeedRun run(String task, long seed, int parameters, Double validation, Double test, Double seconds,
                               Double rate) {
        return new SeedRun(task, seed, seed == 0 ? SeedRun.Status.RAN : SeedRun.Status.REUSED, "E + A / N^a",
            parameters, 0.99, validation, test, test == null ? "prediction 1 of target 0 is NaN" : null,
            Map.of("loss", 0.5), test == null ? null : Map.of("loss", 0.75), seconds, 100L, rate, 4, "generations",
            "out/" + task + "/seed-" + seed, null, null);
    }

    private static TaskSummary sft() {
        return TaskSummary.of("sft_scaling_law", List.of(
                run("sft_scaling_law", 0, 3, 0.75, 0.5, 2.0, 10.0),
                run("sft_scaling_law", 1, 5, 0.25, null, 4.0, 30.0)),
            new TaskSummary.References(0.5, 1.0, "SLDBench paper"));
    }

    private static TaskSummary moe() {
        return TaskSummary.of("moe_scaling_law", List.of(
                run("moe_scaling_law", 0, 2, 0.5, 0.25, 6.0, 40.0),
                run("moe_scaling_law", 1, 2, 0.5, 0.75, 10.0, 60.0)),
            new TaskSummary.References(0.25, 0.5, "SLDBench paper"));
    }

    private static BenchResult result(List<TaskSummary> tasks) {
        return new BenchResult(ENV, new BenchResult.Settings(2, null, 96, 2, 3,
                "60 or 180 generations, 3 restarts × 2 islands of 96, as each task's config sets", 90.5, 4,
                List.of("classic forms", "llm"), "/data/sldbench"), 30.25, new BenchResult.Counts(2, 0, 2),
            tasks, BenchResult.Mean.of(tasks));
    }

    @Test
    void theMeanRowIsTheMeanOverTasksOfEachTasksNumbers() {
        BenchResult.Mean mean = BenchResult.Mean.of(List.of(sft(), moe()));
        // sft test: mean 0.5 (one failed); moe test: mean 0.5, best 0.75, worst 0.25
        assertEquals(new Stat(0.5, 0.625, 0.375, 1), mean.testR2());
        assertEquals(new Stat(0.5, 0.625, 0.375, 0), mean.validationR2());
        assertEquals(3.0, mean.parameterCount());
        assertEquals(5.5, mean.seconds());
        assertEquals(35.0, mean.candidatesPerSecond());
        assertEquals(0.375, mean.humanR2());
        assertEquals(0.75, mean.leaderboardR2());
    }

    @Test
    void oneTaskWithoutReferencesLeavesBothReferenceMeansNull() {
        TaskSummary unreferenced = TaskSummary.of("custom", List.of(run("custom", 0, 1, 0.5, 0.5, 1.0, 1.0)), null);
        BenchResult.Mean mean = BenchResult.Mean.of(List.of(sft(), unreferenced));
        assertNull(mean.humanR2());
        assertNull(mean.leaderboardR2());
        assertEquals(2.5, mean.parameterCount());
    }

    @Test
    void oneTaskWithAnUnknownTimeLeavesTheMeanTimeNull() {
        TaskSummary untimed = TaskSummary.of("t", List.of(run("t", 0, 1, 0.5, 0.5, null, 5.0)), null);
        BenchResult.Mean mean = BenchResult.Mean.of(List.of(moe(), untimed));
        assertNull(mean.seconds());
        assertEquals(27.5, mean.candidatesPerSecond());
    }

    @Test
    void aTaskWhoseSeedsAllFailedAddsItsFailuresButNoScores() {
        TaskSummary failed = TaskSummary.of("t", List.of(run("t", 0, 1, 0.5, null, 1.0, 1.0),
            run("t", 1, 1, 0.5, null, 1.0, 1.0)), null);
        BenchResult.Mean mean = BenchResult.Mean.of(List.of(moe(), failed));
        assertEquals(new Stat(0.5, 0.75, 0.25, 2), mean.testR2());
    }

    @Test
    void noTasksGiveAnEmptyMeanRow() {
        BenchResult.Mean mean = BenchResult.Mean.of(List.of());
        assertEquals(new Stat(null, null, null, 0), mean.testR2());
        assertEquals(0.0, mean.parameterCount());
        assertNull(mean.seconds());
        assertNull(mean.humanR2());
    }

    @Test
    void aResultRoundTripsThroughItsJsonUnchanged() {
        BenchResult result = result(List.of(sft(), moe()));
        String json = BenchReport.json(result);
        assertEquals(result, Json.mapper().readValue(json, BenchResult.class));
    }

    @Test
    void theJsonCarriesTheDerivedFiguresUnderSnakeCaseKeys() {
        JsonNode json = Json.mapper().readTree(BenchReport.json(result(List.of(sft(), moe()))));
        assertEquals(30.25, json.get("wall_seconds").doubleValue());
        assertEquals(2, json.get("counts").get("ran").intValue());
        assertEquals(0, json.get("counts").get("resumed").intValue());
        assertEquals(2, json.get("counts").get("reused").intValue());
        assertTrue(json.get("settings").get("generations").isNull());
        assertEquals(3, json.get("settings").get("restarts").intValue());
        assertEquals("60 or 180 generations, 3 restarts × 2 islands of 96, as each task's config sets",
            json.get("settings").get("search").stringValue());
        assertEquals(90.5, json.get("settings").get("time_limit_seconds").doubleValue());
        assertEquals("llm", json.get("settings").get("proposers").get(1).stringValue());
        assertEquals("/data/sldbench", json.get("settings").get("data_directory").stringValue());
        JsonNode sft = json.get("tasks").get(0);
        assertEquals("sft_scaling_law", sft.get("task").stringValue());
        assertEquals(1, sft.get("test_r2").get("failed").intValue());
        assertEquals(0.5, sft.get("test_r2").get("best").doubleValue());
        assertEquals(4.0, sft.get("parameter_count").doubleValue());
        assertEquals(20.0, sft.get("candidates_per_second").doubleValue());
        assertEquals(0.5, sft.get("references").get("human_r2").doubleValue());
        assertEquals(0.375, json.get("mean").get("human_r2").doubleValue());
        assertEquals(0.625, json.get("mean").get("test_r2").get("best").doubleValue());
        assertEquals("abc1234", json.get("environment").get("commit").stringValue());
    }

    @Test
    void tasksAndProposersAreCopiedAndUnmodifiable() {
        List<TaskSummary> tasks = new ArrayList<>(List.of(sft()));
        List<String> proposers = new ArrayList<>(List.of("classic forms"));
        BenchResult.Settings settings = new BenchResult.Settings(1, 5, 8, 1, 1, "5 generations, 1 island of 8", 60, 1,
            proposers, "d");
        BenchResult result = new BenchResult(ENV, settings, 1, new BenchResult.Counts(1, 0, 0), tasks,
            BenchResult.Mean.of(tasks));
        tasks.add(moe());
        proposers.add("llm");
        assertEquals(List.of("sft_scaling_law"), result.tasks().stream().map(TaskSummary::task).toList());
        assertEquals(List.of("classic forms"), result.settings().proposers());
        assertThrows(UnsupportedOperationException.class, () -> result.tasks().clear());
        assertThrows(UnsupportedOperationException.class, () -> result.settings().proposers().clear());
    }

    @Test
    void nullTaskListsAndProposerListsAreRefused() {
        assertThrows(NullPointerException.class, () -> new BenchResult.Settings(1, 5, 8, 1, 1, "5 generations, 1 island of 8", 60,
            1, null, "d"));
        assertThrows(NullPointerException.class, () -> new BenchResult(ENV, null, 1, null, null, null));
    }
}
