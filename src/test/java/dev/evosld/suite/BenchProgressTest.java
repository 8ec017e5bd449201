package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.search.SearchSettings;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchProgressTest {
    @TempDir
    Path dir;

    private final StringWriter text = new StringWriter();

    private BenchPlan plan(List<String> tasks, int seeds, SearchSettings search, SearchEffort effort) {
        return new BenchPlan(tasks, seeds, search, effort, dir.resolve("bench"), new DataDirectory(dir));
    }

    private static SeedRun run(String task, long seed, SeedRun.Status status, Double testR2, Double seconds) {
        return new SeedRun(task, seed, status, "E + A / N^a", 3, 0.99, 0.98, testR2, testR2 == null ? "predicted NaN" : null,
            Map.of("loss", 0.02), null, seconds, 1000L, 80.0, 60, "generations", "bench/" + task + "/seed-" + seed,
            null, null);
    }

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    @Test
    void withoutATerminalEachFinishedRunIsOneLine() {
        try (BenchProgress progress = new BenchProgress(new PrintWriter(text), false)) {
            progress.onStart(plan(List.of("sft_scaling_law", "moe_scaling_law"), 2,
                SearchSettings.defaults().withIslands(1).withPopulation(8), new SearchEffort(2, 1)));
            progress.onRunStart("sft_scaling_law", 0, SeedRun.Status.RAN, 1, 4);
            // generations are for the bar: as lines they would swamp a log
            progress.onGeneration("sft_scaling_law", 0, 1, 2, 0.5);
            progress.onRunDone(run("sft_scaling_law", 0, SeedRun.Status.RAN, 0.987654321, 12.34), 1, 4);
            progress.onRunDone(run("sft_scaling_law", 1, SeedRun.Status.RESUMED, null, 0.05), 2, 4);
            progress.onRunDone(run("moe_scaling_law", 0, SeedRun.Status.REUSED, -3.0, null), 3, 4);
            progress.onMessage("moe_scaling_law: a note");
        }
        assertEquals(List.of(
            "evosld: benchmark of 2 tasks × 2 seeds (2 generations, 1 island of 8, at most 5m each); results in "
                + dir.resolve("bench"),
            "evosld: [1/4] sft_scaling_law seed 0: started",
            "evosld: [1/4] sft_scaling_law seed 0: ran, test R² 0.98765, 12.3 s",
            // why, as discover says it: bench.md has room for it only after the whole bench
            "evosld: [2/4] sft_scaling_law seed 1: resumed, test R² failed (predicted NaN), 0.1 s",
            "evosld: [3/4] moe_scaling_law seed 0: reused, test R² -3.00000",
            "evosld: moe_scaling_law: a note"), lines());
    }

    @Test
    void withoutATerminalEachRunSaysWhenItStartsAndAReusedOneOnlyWhenDone() {
        // a log of a bench run as `nohup` or CI runs it showed nothing for the minutes a run searches
        try (BenchProgress progress = new BenchProgress(new PrintWriter(text), false)) {
            progress.onStart(plan(List.of("sft_scaling_law", "moe_scaling_law"), 2, SearchSettings.defaults(),
                new SearchEffort(2, 1)));
            progress.onRunStart("sft_scaling_law", 0, SeedRun.Status.REUSED, 1, 4);
            progress.onRunDone(run("sft_scaling_law", 0, SeedRun.Status.REUSED, 0.5, null), 1, 4);
            progress.onRunStart("sft_scaling_law", 1, SeedRun.Status.RESUMED, 2, 4);
            progress.onRunDone(run("sft_scaling_law", 1, SeedRun.Status.RESUMED, 0.5, 3.0), 2, 4);
            progress.onRunStart("moe_scaling_law", 0, SeedRun.Status.RAN, 3, 4);
        }
        assertEquals(List.of(
            "evosld: [1/4] sft_scaling_law seed 0: reused, test R² 0.50000",
            "evosld: [2/4] sft_scaling_law seed 1: resuming from its checkpoint",
            "evosld: [2/4] sft_scaling_law seed 1: resumed, test R² 0.50000, 3.0 s",
            "evosld: [3/4] moe_scaling_law seed 0: started"), lines().subList(1, lines().size()));
    }

    @Test
    void eachRunStartIsFlushedWithoutWaitingForItsEnd() {
        StringWriter log = new StringWriter();
        BenchProgress progress = new BenchProgress(new PrintWriter(new BufferedWriter(log)), false);
        progress.onRunStart("sft_scaling_law", 0, SeedRun.Status.RAN, 1, 1);
        assertEquals("evosld: [1/1] sft_scaling_law seed 0: started" + System.lineSeparator(), log.toString());
        progress.close();
    }

    @Test
    void theHeaderSaysOneTaskAndSeedInTheSingular() {
        BenchProgress progress = new BenchProgress(new PrintWriter(text), false);
        progress.onStart(plan(List.of("sft_scaling_law"), 1,
            SearchSettings.defaults().withTimeLimit(Duration.ofSeconds(90)), SearchEffort.DEFAULT));
        progress.onStart(plan(List.of("sft_scaling_law"), 3,
            SearchSettings.defaults().withTimeLimit(Duration.ofMillis(1500)), new SearchEffort(5, null)));
        progress.close();
        // sft's config sets neither, so its runs search the defaults, and nothing is left open
        assertEquals(List.of(
            "evosld: benchmark of 1 task × 1 seed (60 generations, 3 restarts × 2 islands of 96, at most 1m30s each);"
                + " results in " + dir.resolve("bench"),
            "evosld: benchmark of 1 task × 3 seeds (5 generations, 3 restarts × 2 islands of 96, at most 1.5s each);"
                + " results in " + dir.resolve("bench")), lines());
    }

    @Test
    void theHeaderGivesTheGenerationsAndRestartsTheTasksConfigsSet() {
        BenchProgress progress = new BenchProgress(new PrintWriter(text), false);
        // parallel's config asks for 180 generations: a header of 60 misstated every run of this bench
        progress.onStart(plan(List.of("parallel_scaling_law"), 1, SearchSettings.defaults(), SearchEffort.DEFAULT));
        progress.onStart(plan(List.of("parallel_scaling_law", "moe_scaling_law"), 1, SearchSettings.defaults(),
            SearchEffort.DEFAULT));
        progress.onStart(plan(List.of("sft_scaling_law", "vocab_scaling_law", "parallel_scaling_law", "lr_bsz_scaling_law"),
            1, SearchSettings.defaults(), SearchEffort.DEFAULT));
        progress.onStart(plan(List.of("sft_scaling_law", "lr_bsz_scaling_law"), 1, SearchSettings.defaults(),
            new SearchEffort(10, null)));
        progress.close();
        assertEquals(List.of(
            "evosld: benchmark of 1 task × 1 seed (180 generations, 3 restarts × 2 islands of 96, at most 5m each);"
                + " results in " + dir.resolve("bench"),
            "evosld: benchmark of 2 tasks × 1 seed (180 generations, 3 restarts × 2 islands of 96, at most 5m each);"
                + " results in " + dir.resolve("bench"),
            "evosld: benchmark of 4 tasks × 1 seed (60, 120 or 180 generations, 1 or 3 restarts × 2 islands of 96, as"
                + " each task's config sets, at most 5m each); results in " + dir.resolve("bench"),
            "evosld: benchmark of 2 tasks × 1 seed (10 generations, 1 or 3 restarts × 2 islands of 96, as each task's"
                + " config sets, at most 5m each); results in " + dir.resolve("bench")), lines());
    }

    @Test
    void onATerminalTheBarReplacesThePerRunLines() {
        try (BenchProgress progress = new BenchProgress(new PrintWriter(text), true)) {
            progress.onStart(plan(List.of("sft_scaling_law"), 2, SearchSettings.defaults(), new SearchEffort(2, 1)));
            progress.onRunStart("sft_scaling_law", 0, SeedRun.Status.RESUMED, 1, 2);
            progress.onGeneration("sft_scaling_law", 0, 1, 2, 0.5);
            progress.onRunDone(run("sft_scaling_law", 0, SeedRun.Status.RAN, 0.9, 1.0), 1, 2);
            progress.onMessage("a message still gets its line");
            progress.close();
        }
        List<String> lines = List.of(text.toString().split(System.lineSeparator()));
        assertEquals(2, lines.size(), lines.toString());
        // on a row of its own, the bar's frame erased, where it would otherwise follow the frame
        assertEquals("\r\u001b[Kevosld: a message still gets its line", lines.get(1));
    }
}
