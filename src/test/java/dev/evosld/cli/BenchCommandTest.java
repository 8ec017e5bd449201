package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskConfig;
import dev.evosld.json.Json;
import dev.evosld.suite.BenchResult;
import dev.evosld.suite.Stat;
import dev.evosld.suite.TaskSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code evosld bench} on data pulled from a fake hub, so that it needs no {@code $EVOSLD_DATA}. */
class BenchCommandTest {
    private static final String[] TINY = {"--generations", "2", "--population", "8", "--islands", "1", "--restarts", "1",
        "--threads", "2"};

    @TempDir
    Path tmp;

    private Path pulledData() throws IOException {
        Path data = tmp.resolve("data");
        FakeSldbench hub = new FakeSldbench().putParallelScalingLaw();
        try (MockWebServer server = hub.start()) {
            CliRun pull = CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", data.toString(),
                "--endpoint", server.url("/").toString());
            assertEquals(0, pull.exit(), pull.err());
        }
        return data;
    }

    private static String[] args(String... args) {
        String[] all = new String[args.length + TINY.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(TINY, 0, all, args.length, TINY.length);
        return all;
    }

    @Test
    void anInterruptedBenchSaysThatTheSameCommandContinuesIt(@TempDir Path directory) {
        // as discover's Ctrl-C names --resume: the bench continues by itself, which a user cannot guess from silence
        java.io.StringWriter text = new java.io.StringWriter();
        BenchCommand.interrupted(directory, new java.io.PrintWriter(text));
        assertEquals("evosld: interrupted; run the same bench again to continue it: the finished runs in " + directory
            + " are reused and the one cut short resumes from its last checkpoint" + System.lineSeparator(), text.toString());
    }

    @Test
    void theSummaryTableStaysInLineWhenASeedScoresFarBelowZero() {
        // a stand-in bench's parallel seed scored -231906 on the held-out level (DEVELOPERS.md): 13 characters
        TaskSummary parallel = new TaskSummary("parallel_scaling_law", List.of(), new Stat(0.9, 0.9, 0.9, 0),
            new Stat(-77302.00001, 0.99997, -231906.00003, 0), 4, 10.0, 100.0,
            new TaskSummary.References(0.99989, 0.99997, "leaderboard"));
        TaskSummary moe = new TaskSummary("moe_scaling_law", List.of(), new Stat(0.8, 0.8, 0.8, 0),
            new Stat(0.78506, 0.85864, 0.69222, 0), 3, 15.0, 100.0, new TaskSummary.References(0.7032, 0.8911, "x"));
        BenchResult.Mean mean = new BenchResult.Mean(new Stat(0.85, 0.85, 0.85, 0),
            new Stat(-38650.60748, 0.92931, -115952.65391, 0), 3.5, 12.5, 100.0, 0.851545, 0.94554);

        List<String> table = BenchCommand.summaryTable(List.of(parallel, moe), mean);

        // each column as wide as its widest figure, so that the numbers under a header stay under it
        String row = "%-30s %12s %10s %13s %10s %10s";
        assertEquals(List.of(
            String.format(row, "task", "test mean", "best", "worst", "human", "leaderbd"),
            String.format(row, "parallel_scaling_law", "-77302.00001", "0.99997", "-231906.00003", "0.99989", "0.99997"),
            String.format(row, "moe_scaling_law", "0.78506", "0.85864", "0.69222", "0.70320", "0.89110"),
            String.format(row, "mean", "-38650.60748", "0.92931", "-115952.65391", "0.85155", "0.94554")), table);
    }

    @Test
    void theSummaryTableCountsTheSeedsWhoseTestR2FailedAsBenchMdDoes() {
        // sft's seed 1 predicted a NaN on test: its mean is over seeds 0 and 2 alone, and moe scored no seed at all,
        // so the mean row is sft's alone; without the count the table passes both off as every seed's
        TaskSummary sft = new TaskSummary("sft_scaling_law", List.of(), new Stat(0.98, 0.98, 0.98, 0),
            new Stat(0.95, 0.96, 0.94, 1), 4, 12.5, 80.0, new TaskSummary.References(0.9571, 0.9945, "x"));
        TaskSummary moe = new TaskSummary("moe_scaling_law", List.of(), new Stat(0.8, 0.8, 0.8, 0),
            new Stat(null, null, null, 3), 3, 15.0, 100.0, new TaskSummary.References(0.7032, 0.8911, "x"));
        BenchResult.Mean mean = new BenchResult.Mean(new Stat(0.89, 0.89, 0.89, 0), new Stat(0.95, 0.96, 0.94, 4), 3.5,
            13.75, 90.0, 0.83015, 0.9428);

        List<String> table = BenchCommand.summaryTable(List.of(sft, moe), mean);

        String row = "%-30s %18s %10s %10s %10s %10s";
        assertEquals(List.of(
            String.format(row, "task", "test mean", "best", "worst", "human", "leaderbd"),
            String.format(row, "sft_scaling_law", "0.95000 (1 failed)", "0.96000", "0.94000", "0.95710", "0.99450"),
            String.format(row, "moe_scaling_law", "- (3 failed)", "-", "-", "0.70320", "0.89110"),
            String.format(row, "mean", "0.95000 (4 failed)", "0.96000", "0.94000", "0.83015", "0.94280")), table);
    }

    @Test
    void theSummaryTablePadsTaskNamesToTheColumnsTheyTakeInATerminal() {
        // a CJK character takes two columns, a combining accent none
        TaskSummary wide = new TaskSummary("缩放定律_law", List.of(), new Stat(0.9, 0.9, 0.9, 0),
            new Stat(0.9, 0.95, 0.85, 0), 4, 10.0, 100.0, null);
        TaskSummary accented = new TaskSummary("re\u0301sume\u0301_law", List.of(), new Stat(0.9, 0.9, 0.9, 0),
            new Stat(0.8, 0.85, 0.75, 0), 3, 15.0, 100.0, null);
        TaskSummary wider = new TaskSummary("缩放定律".repeat(4), List.of(), new Stat(0.9, 0.9, 0.9, 0),
            new Stat(0.7, 0.75, 0.65, 0), 3, 15.0, 100.0, null);
        BenchResult.Mean mean = new BenchResult.Mean(new Stat(0.9, 0.9, 0.9, 0), new Stat(0.8, 0.85, 0.75, 0), 3.3,
            13.3, 100.0, null, null);

        List<String> table = BenchCommand.summaryTable(List.of(wide, accented, wider), mean);

        // the widest name takes 32 columns, so the task column is 32 wide
        String figures = " %10s %10s %10s %10s %10s";
        assertEquals(List.of(
            "task" + " ".repeat(28) + String.format(figures, "test mean", "best", "worst", "human", "leaderbd"),
            "缩放定律_law" + " ".repeat(20) + String.format(figures, "0.90000", "0.95000", "0.85000", "-", "-"),
            "re\u0301sume\u0301_law" + " ".repeat(22) + String.format(figures, "0.80000", "0.85000", "0.75000", "-", "-"),
            "缩放定律".repeat(4) + String.format(figures, "0.70000", "0.75000", "0.65000", "-", "-"),
            "mean" + " ".repeat(28) + String.format(figures, "0.80000", "0.85000", "0.75000", "-", "-")), table);
    }

    @Test
    void benchesPulledDataThenReusesIt() throws IOException {
        Path data = pulledData();
        Path out = tmp.resolve("out");
        CliRun first = CliRun.of(args("bench", "--tasks", "parallel_scaling_law", "--seeds", "2", "--out", out.toString(),
            "--data-dir", data.toString(), "--json"));
        assertEquals(0, first.exit(), first.err());
        JsonNode json = Json.mapper().readTree(first.out());
        assertEquals(json, Json.mapper().readTree(Files.readString(out.resolve("bench.json"))));
        JsonNode task = json.get("tasks").get(0);
        assertEquals("parallel_scaling_law", task.get("task").stringValue());
        assertEquals(2, task.get("runs").size());
        double sum = 0;
        for (JsonNode run : task.get("runs")) {
            assertEquals("ran", run.get("status").stringValue());
            // --generations overrides the 180 that parallel's config asks for
            assertEquals(2, run.get("generations").intValue(), run.toString());
            assertTrue(Files.isRegularFile(Path.of(run.get("run_directory").stringValue()).resolve("law.json")));
            sum += run.get("test_r2").doubleValue();
        }
        assertEquals(sum / 2, task.get("test_r2").get("mean").doubleValue(), 1e-15);
        assertTrue(task.get("test_r2").get("worst").doubleValue() > 0.9, first.out());
        assertEquals(List.of(
                "evosld: benchmark of 1 task × 2 seeds (2 generations, 1 island of 8, at most 5m each); results in " + out),
            first.errorLines().subList(0, 1));
        // five decimals: a test R² above 0.999995 prints as 1.00000
        assertEquals("evosld: [1/2] parallel_scaling_law seed 0: started", first.errorLines().get(1));
        assertTrue(first.errorLines().get(2).matches("evosld: \\[1/2] parallel_scaling_law seed 0: ran, test R² (0\\.9\\d+|1\\.00000), .*"), first.err());
        assertEquals("evosld: [2/2] parallel_scaling_law seed 1: started", first.errorLines().get(3));
        assertTrue(first.errorLines().get(4).matches("evosld: \\[2/2] parallel_scaling_law seed 1: ran, test R² (0\\.9\\d+|1\\.00000), .*"), first.err());
        assertTrue(Files.readString(out.resolve("bench.md")).contains("| parallel_scaling_law | "));

        CliRun second = CliRun.of(args("bench", "--tasks", "parallel_scaling_law", "--seeds", "2", "--out", out.toString(),
            "--data-dir", data.toString()));
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("runs: 0 ran, 0 resumed, 2 reused; "), second.out());
        assertTrue(second.out().contains("report: " + out.resolve("bench.md") + " and " + out.resolve("bench.json")), second.out());
        String mean = String.format(java.util.Locale.ROOT, "%.5f", task.get("test_r2").get("mean").doubleValue());
        assertTrue(second.out().lines().anyMatch(l -> l.startsWith("parallel_scaling_law") && l.contains(mean)), second.out());
    }

    @Test
    void missingDataIsOneLineNamingThePull() {
        Path empty = tmp.resolve("empty");
        CliRun run = CliRun.of(args("bench", "--tasks", "parallel_scaling_law,sft_scaling_law", "--data-dir", empty.toString(),
            "--out", tmp.resolve("out").toString()));
        assertEquals(1, run.exit());
        assertEquals(List.of("evosld: no data for task 'parallel_scaling_law' in " + empty
            + "/ (run: evosld data pull --task parallel_scaling_law --data-dir " + empty + ")"), run.err().lines().toList());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anOutThatCannotHoldTheResultsIsOneLineBeforeTheBenchStarts() throws IOException {
        // the header's "results in X" would promise a folder the next line says cannot be made
        Path data = pulledData();
        Path file = Files.writeString(tmp.resolve("results.txt"), "mine");
        CliRun run = CliRun.of(args("bench", "--tasks", "parallel_scaling_law", "--out", file.resolve("bench").toString(),
            "--data-dir", data.toString()));
        assertEquals(1, run.exit());
        assertEquals(List.of("evosld: cannot keep the bench's results in " + file.resolve("bench") + ": " + file
            + " is a file, not a folder"), run.err().lines().toList());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void anUnknownTaskIsOneLine() {
        CliRun run = CliRun.of("bench", "--tasks", "parallel_scaling_law,moe", "--data-dir", tmp.toString());
        assertEquals(2, run.exit(), "a value --tasks cannot take");
        assertEquals(List.of("evosld: unknown task 'moe' (tasks: all, " + String.join(", ", TaskConfig.builtinTasks())
                + ") (see: evosld bench --help)"),
            run.err().lines().toList());
    }

    @Test
    void badNumbersAreUsageErrors() {
        assertEquals(2, CliRun.of("bench", "--seeds", "0", "--data-dir", tmp.toString()).exit());
        assertEquals(2, CliRun.of("bench", "--generations", "0", "--data-dir", tmp.toString()).exit());
        assertEquals(2, CliRun.of("bench", "--population", "2", "--data-dir", tmp.toString()).exit());
        assertEquals(2, CliRun.of("bench", "--time-limit", "soon", "--data-dir", tmp.toString()).exit());
        CliRun huge = CliRun.of("bench", "--tasks", "parallel_scaling_law", "--population", "100000000", "--data-dir",
            tmp.toString());
        assertEquals(2, huge.exit());
        assertEquals(List.of("evosld: --restarts 3 × --islands 2 × --population 100000000 = 600000000 individuals, more"
            + " than the 1000000 a run can keep in memory and in its checkpoints (see: evosld bench --help)"),
            huge.err().lines().toList());
    }
}
