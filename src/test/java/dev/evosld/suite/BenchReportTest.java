package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.json.Json;
import dev.evosld.search.SearchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The reports of a hand-made result: exact Markdown, and JSON with snake_case keys. */
class BenchReportTest {

    private static SeedRun run(long seed, String law, Double test, String failure) {
        return new SeedRun("sft_scaling_law", seed, SeedRun.Status.RAN, law, 4, 0.99, 0.98, test, failure,
            Map.of("sft_loss", 0.02), test == null ? null : Map.of("sft_loss", 0.025), 12.5, 1000L,
            80.0, 60, seed == 1 ? "time limit" : "generations", "bench-results/sft_scaling_law/seed-" + seed,
            null, new SeedRun.RanWith(90.0, 1, List.of("classic forms")));
    }

    private static BenchResult result() {
        List<SeedRun> runs = List.of(
            run(0, "A/(sft_data_size^alpha + B) + C", 0.95, null),
            run(1, "abs(x) | weird`", null, "prediction 3 of target 0 is NaN"));
        TaskSummary task = TaskSummary.of("sft_scaling_law", runs,
            new TaskSummary.References(0.9571, 0.9945, "SLDBench paper"));
        return new BenchResult(new Environment("2026-03-01T12:00:00Z", "dev", null, 1, "Linux amd64", "25"),
            new BenchResult.Settings(2, 60, 96, 2, null, "60 generations, 3 restarts × 2 islands of 96", 90, 1,
                List.of("classic forms"), "data/"), 30.25,
            new BenchResult.Counts(2, 0, 0), List.of(task), BenchResult.Mean.of(List.of(task)));
    }

    @Test
    void markdown() {
        assertEquals("""
            # EvoSLD benchmark

            - date: 2026-03-01T12:00:00Z
            - EvoSLD: dev
            - machine: 1 core, Linux amd64, Java 25
            - settings: 2 seeds (0 to 1) per task, 60 generations, 3 restarts × 2 islands of 96, time limit 90 s per run, 1 thread, proposers: classic forms
            - data: data/
            - this invocation: 30.3 s; runs 2 ran, 0 resumed, 0 reused

            Test R² is SLDBench's score on each task's held-out test split, computed once after the search; \
            validation R² is measured inside train, on the larger-scale rows held out (by cross-validation \
            for a task without a scale axis), and chose the law. \
            Mean, best and worst are over seeds; a seed whose R² failed (a prediction not finite) is left out and counted. \
            Times are per run. Test / validation RMSE is, per target, how far the law missed on test over how far it \
            missed on the validation rows: near 1, the validation RMSE foretold the miss.

            ## Summary

            | task | test R² mean | best | worst | validation R² mean | best | worst | params | human law | leaderboard best | s/run | candidates/s |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | sft_scaling_law | 0.95000 (1 failed) | 0.95000 | 0.95000 | 0.98000 | 0.98000 | 0.98000 | 4.0 | 0.95710 | 0.99450 | 12.5 | 80 |
            | **mean** | 0.95000 (1 failed) | 0.95000 | 0.95000 | 0.98000 | 0.98000 | 0.98000 | 4.0 | 0.95710 | 0.99450 | 12.5 | 80 |

            ## Laws

            ### sft_scaling_law

            References: human law 0.95710, leaderboard best 0.99450 (SLDBench paper).

            | seed | law | params | validation R² | test R² | test / validation RMSE | s | candidates/s | generations | run |
            |---:|---|---:|---:|---:|---:|---:|---:|---|---|
            | 0 | `A/(sft_data_size^alpha + B) + C` | 4 | 0.98000 | 0.95000 | 1.25 | 12.5 | 80 | 60 | ran |
            | 1 | `abs(x) \\| weird'` | 4 | 0.98000 | failed (prediction 3 of target 0 is NaN) | — | 12.5 | 80 | 60 (time limit) | ran |
            """, BenchReport.markdown(result()));
    }

    @Test
    void jsonHasSnakeCaseKeysAndNullsForFailures() {
        JsonNode json = Json.mapper().readTree(BenchReport.json(result()));
        assertTrue(json.get("environment").get("commit").isNull());
        assertEquals(90.0, json.get("settings").get("time_limit_seconds").doubleValue());
        JsonNode task = json.get("tasks").get(0);
        assertEquals(0.95, task.get("test_r2").get("mean").doubleValue());
        assertEquals(1, task.get("test_r2").get("failed").intValue());
        assertTrue(task.get("runs").get(1).get("test_r2").isNull());
        assertEquals("prediction 3 of target 0 is NaN", task.get("runs").get(1).get("test_failure").stringValue());
        assertEquals("ran", task.get("runs").get(0).get("status").stringValue());
        assertEquals(0.9571, task.get("references").get("human_r2").doubleValue());
        assertEquals(0.9571, json.get("mean").get("human_r2").doubleValue());
        assertEquals(30.25, json.get("wall_seconds").doubleValue());
    }

    @Test
    void theHeaderNamesOneSeedAloneNotAsARangeFromItselfToItself() {
        BenchResult one = result();
        one = new BenchResult(one.environment(), new BenchResult.Settings(1, 60, 96, 2, null,
            "60 generations, 3 restarts × 2 islands of 96", 90, 1, List.of("classic forms"), "data/"), one.wallSeconds(),
            one.counts(), one.tasks(), one.mean());
        assertTrue(BenchReport.markdown(one).contains("\n- settings: 1 seed (0) per task, 60 generations, "),
            BenchReport.markdown(one));
    }

    @Test
    void aRunMadeByAnotherBuildThanTheHeadersSaysWhich() {
        Environment env = new Environment("2026-03-01T12:00:00Z", "0.1.0", "def5678", 1, "Linux amd64", "25");
        List<String> cells = new java.util.ArrayList<>();
        for (String build : java.util.Arrays.asList("0.1.0 (git def5678)", "0.1.0 (git abc1234)", null)) {
            SeedRun r = run(0, "E + A * N^a", 0.95, null);
            SeedRun reused = new SeedRun(r.task(), r.seed(), SeedRun.Status.REUSED, r.law(), r.parameterCount(), r.trainR2(),
                r.validationR2(), r.testR2(), r.testFailure(), r.validationRmse(), r.testRmse(), r.seconds(),
                r.candidatesFitted(), r.candidatesPerSecond(), r.generations(), r.stoppedBy(), r.runDirectory(), build, r.ranWith());
            TaskSummary task = TaskSummary.of("sft_scaling_law", List.of(reused), null);
            String md = BenchReport.markdown(new BenchResult(env, result().settings(), 1, new BenchResult.Counts(0, 0, 1),
                List.of(task), BenchResult.Mean.of(List.of(task))));
            cells.add(md.lines().filter(line -> line.startsWith("| 0 | `")).findFirst().orElseThrow().replaceAll(".* \\| ", ""));
        }
        assertEquals(List.of("reused |", "reused from 0.1.0 (git abc1234) |", "reused, build unknown |"), cells);
    }

    @Test
    void theSettingsLineNamesTheRunsThatRanWithAnotherTimeLimitThreadsOrProposers() {
        // runs reused from earlier invocations: one of 10 min, 2 threads and an LLM, one whose search.json is older than
        // the record of them
        List<SeedRun> runs = List.of(ranWith(0, new SeedRun.RanWith(90.0, 1, List.of("classic forms"))),
            ranWith(1, new SeedRun.RanWith(600.0, 2, List.of("classic forms", "llm m"))),
            ranWith(2, new SeedRun.RanWith(null, null, List.of("classic forms"))),
            ranWith(3, new SeedRun.RanWith(90.0, 1, List.of("classic forms"))));
        assertEquals("- settings: 2 seeds (0 to 1) per task, 60 generations, 3 restarts × 2 islands of 96, time limit 90 s"
                + " per run (10 min for sft_scaling_law seed 1; not recorded for sft_scaling_law seed 2), 1 thread (2 for"
                + " sft_scaling_law seed 1; not recorded for sft_scaling_law seed 2), proposers: classic forms (classic forms"
                + " and llm m for sft_scaling_law seed 1)",
            settingsLine(runs));
        // what most runs ran with leads, though this invocation gave another: it ran none of them
        List<SeedRun> earlier = List.of(ranWith(0, new SeedRun.RanWith(600.0, 2, List.of("classic forms"))),
            ranWith(1, new SeedRun.RanWith(600.0, 2, List.of("classic forms"))),
            ranWith(2, new SeedRun.RanWith(90.0, 1, List.of("classic forms"))));
        assertEquals("- settings: 2 seeds (0 to 1) per task, 60 generations, 3 restarts × 2 islands of 96, time limit"
                + " 10 min per run (90 s for sft_scaling_law seed 2), 2 threads (1 for sft_scaling_law seed 2),"
                + " proposers: classic forms",
            settingsLine(earlier));
        // resumed runs count with their last part's values, which are all that is recorded of them
        List<SeedRun> resumed = List.of(ranWith(0, new SeedRun.RanWith(90.0, 1, List.of("classic forms"), true)),
            ranWith(1, new SeedRun.RanWith(600.0, 1, List.of("classic forms"), true)),
            ranWith(2, new SeedRun.RanWith(90.0, 1, List.of("classic forms"), false)));
        assertEquals("- settings: 2 seeds (0 to 1) per task, 60 generations, 3 restarts × 2 islands of 96, time limit"
                + " 90 s per run (10 min for sft_scaling_law seed 1; not recorded for sft_scaling_law seeds 0, 1 before"
                + " they were resumed), 1 thread (not recorded for sft_scaling_law seeds 0, 1 before they were resumed),"
                + " proposers: classic forms",
            settingsLine(resumed));
        // a bench.json older than the record reads back without it: nothing of its runs is known
        assertEquals("- settings: 2 seeds (0 to 1) per task, 60 generations, 3 restarts × 2 islands of 96, time limit"
                + " not recorded, threads not recorded, proposers not recorded",
            settingsLine(List.of(ranWith(0, null))));
    }

    private static SeedRun ranWith(long seed, SeedRun.RanWith ranWith) {
        SeedRun r = run(seed, "E + A * N^a", 0.95, null);
        return new SeedRun(r.task(), r.seed(), SeedRun.Status.REUSED, r.law(), r.parameterCount(), r.trainR2(),
            r.validationR2(), r.testR2(), r.testFailure(), r.validationRmse(), r.testRmse(), r.seconds(),
            r.candidatesFitted(), r.candidatesPerSecond(), r.generations(), r.stoppedBy(), r.runDirectory(), r.build(),
            ranWith);
    }

    private static String settingsLine(List<SeedRun> runs) {
        TaskSummary task = TaskSummary.of("sft_scaling_law", runs, null);
        return BenchReport.markdown(new BenchResult(result().environment(), result().settings(), 1,
                new BenchResult.Counts(0, 0, runs.size()), List.of(task), BenchResult.Mean.of(List.of(task))))
            .lines().filter(line -> line.startsWith("- settings: ")).findFirst().orElseThrow();
    }

    @Test
    void theSettingsLineGivesTheGenerationsAndRestartsTheTasksRunsSearched() {
        // sft and lr_bsz search 60 generations, vocab 120, parallel 180; lr_bsz 1 restart, the others 3: bench.md said
        // "60 generations, 3 restarts × 2 islands of 96, or the generations and restarts a task's config sets"
        BenchPlan plan = new BenchPlan(List.of("sft_scaling_law", "vocab_scaling_law", "parallel_scaling_law",
            "lr_bsz_scaling_law"), 1, SearchSettings.defaults().withThreads(2), SearchEffort.DEFAULT, Path.of("bench"),
            new DataDirectory(Path.of("data")));
        List<TaskSummary> tasks = plan.tasks().stream().map(task -> TaskSummary.of(task, List.of(), null)).toList();
        BenchResult result = new BenchResult(result().environment(), BenchResult.Settings.of(plan, List.of("classic forms")),
            1, new BenchResult.Counts(4, 0, 0), tasks, BenchResult.Mean.of(tasks));
        assertEquals("- settings: 1 seed (0) per task, 60, 120 or 180 generations, 1 or 3 restarts × 2 islands of 96,"
            + " as each task's config sets, time limit 5 min per run, 2 threads, proposers: classic forms",
            BenchReport.markdown(result).lines().filter(line -> line.startsWith("- settings: ")).findFirst().orElseThrow());
        assertTrue(BenchReport.markdown(result).lines().anyMatch(line -> line.equals("- settings: 1 seed (0) per task, "
            + Bench.shape(plan) + ", time limit 5 min per run, 2 threads, proposers: classic forms")),
            "as the console's header says it");
    }
}
