package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.EvosldException;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.json.Json;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Tiny suites on the real SLDBench data ({@code $EVOSLD_DATA}): two generations of small islands. */
class BenchTest {
    private static final List<String> TASKS = List.of("parallel_scaling_law", "sft_scaling_law");
    private static final SearchSettings TINY = SearchSettings.defaults().withGenerations(2).withPopulation(8)
        .withIslands(1).withThreads(2);
    private static final Environment FIXED = new Environment("2026-03-01T12:00:00Z", "0.1.0", "abc1234", 2,
        "Linux amd64", "25.0.3");

    private static DataDirectory data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireData() {
        String directory = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(directory != null && !directory.isBlank(), "EVOSLD_DATA is not set: skipping the SLDBench suites");
        data = new DataDirectory(Path.of(directory));
    }

    private Bench bench(List<String> tasks, int seeds, SearchSettings settings, Path out) {
        return Bench.of(new BenchPlan(tasks, seeds, settings, new SearchEffort(settings.generations(), 1), out, data)).withEnvironment(() -> FIXED);
    }

    @Test
    void theEnvironmentIsTakenBeforeTheFirstRun() {
        int[] runsDone = {0};
        List<Integer> runsDoneWhenTaken = new ArrayList<>();
        Bench.of(new BenchPlan(List.of("parallel_scaling_law"), 1, TINY, new SearchEffort(2, 1), tmp.resolve("bench"), data))
            .withListener(new BenchListener() {
                @Override
                public void onRunDone(SeedRun run, int index, int units) {
                    runsDone[0]++;
                }
            })
            .withEnvironment(() -> {
                runsDoneWhenTaken.add(runsDone[0]);
                return FIXED;
            })
            .run();
        assertEquals(1, runsDone[0]);
        assertEquals(List.of(0), runsDoneWhenTaken);
    }

    @Test
    void runsTheSuiteThenReusesResumesAndRecomputes() throws IOException {
        Path out = tmp.resolve("bench");
        BenchResult first = bench(TASKS, 2, TINY, out).run();
        assertEquals(new BenchResult.Counts(4, 0, 0), first.counts());

        JsonNode json = Json.mapper().readTree(Files.readString(out.resolve("bench.json")));
        assertEquals(2, json.get("settings").get("seeds").intValue());
        assertEquals(2, json.get("settings").get("generations").intValue());
        assertEquals("abc1234", json.get("environment").get("commit").stringValue());
        assertEquals(2, json.get("tasks").size());
        List<Double> taskTestMeans = new ArrayList<>();
        List<Double> taskValidationMeans = new ArrayList<>();
        for (int t = 0; t < TASKS.size(); t++) {
            JsonNode task = json.get("tasks").get(t);
            assertEquals(TASKS.get(t), task.get("task").stringValue());
            assertEquals(2, task.get("runs").size());
            List<Double> tests = new ArrayList<>();
            List<Double> validations = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                JsonNode run = task.get("runs").get(s);
                assertEquals(s, run.get("seed").intValue());
                assertEquals("ran", run.get("status").stringValue());
                assertFalse(run.get("law").stringValue().isBlank());
                assertTrue(run.get("parameter_count").intValue() >= 1);
                assertTrue(run.get("seconds").doubleValue() > 0);
                assertTrue(run.get("candidates_fitted").longValue() > 0);
                assertTrue(run.get("candidates_per_second").doubleValue() > 0);
                assertEquals(2, run.get("generations").intValue());
                assertEquals("generations", run.get("stopped_by").stringValue());
                assertEquals(out.resolve(TASKS.get(t)).resolve("seed-" + s).toString(), run.get("run_directory").stringValue());
                // how far the law missed, in the target's units, on the validation rows and on test
                assertTrue(run.get("validation_rmse").properties().iterator().next().getValue().doubleValue() > 0, run.toString());
                assertTrue(run.get("test_rmse").properties().iterator().next().getValue().doubleValue() > 0, run.toString());
                tests.add(run.get("test_r2").doubleValue());
                validations.add(run.get("validation_r2").doubleValue());
            }
            // the tiny search still beats a constant on these two tasks
            String name = TASKS.get(t);
            tests.forEach(r2 -> assertTrue(r2 > 0.5, name + ": " + tests));
            assertStat(task.get("test_r2"), tests);
            assertStat(task.get("validation_r2"), validations);
            taskTestMeans.add(task.get("test_r2").get("mean").doubleValue());
            taskValidationMeans.add(task.get("validation_r2").get("mean").doubleValue());
        }
        JsonNode parallel = json.get("tasks").get(0).get("references");
        assertEquals(0.99989, parallel.get("human_r2").doubleValue());
        assertEquals(0.99997, parallel.get("leaderboard_r2").doubleValue());
        assertTrue(parallel.get("source").stringValue().startsWith("SLDBench paper"));
        assertEquals(mean(taskTestMeans), json.get("mean").get("test_r2").get("mean").doubleValue(), 1e-15);
        assertEquals(mean(taskValidationMeans), json.get("mean").get("validation_r2").get("mean").doubleValue(), 1e-15);
        assertEquals((0.99989 + 0.9571) / 2, json.get("mean").get("human_r2").doubleValue(), 1e-15);

        String md = Files.readString(out.resolve("bench.md"));
        assertTrue(md.startsWith("# EvoSLD benchmark\n\n- date: 2026-03-01T12:00:00Z\n- EvoSLD: 0.1.0 (git abc1234)\n"
            + "- machine: 2 cores, Linux amd64, Java 25.0.3\n"
            + "- settings: 2 seeds (0 to 1) per task, 2 generations, 1 island of 8, time limit 5 min per run, 2 threads, "
            + "proposers: classic forms\n"), md);
        assertTrue(md.contains("- this invocation: "), md);
        for (JsonNode task : json.get("tasks")) {
            JsonNode stat = task.get("test_r2");
            assertTrue(md.contains("| " + task.get("task").stringValue() + " | " + BenchReport.r2(stat.get("mean").doubleValue())
                + " | " + BenchReport.r2(stat.get("best").doubleValue()) + " | " + BenchReport.r2(stat.get("worst").doubleValue())
                + " | "), md);
            for (JsonNode run : task.get("runs")) {
                assertTrue(md.contains("`" + run.get("law").stringValue() + "`"), md);
            }
        }
        assertTrue(md.contains("| **mean** | " + BenchReport.r2(json.get("mean").get("test_r2").get("mean").doubleValue())), md);
        assertTrue(md.contains("References: human law 0.99989, leaderboard best 0.99997 (SLDBench paper"), md);

        // a second invocation reads every run back and recomputes nothing
        Map<Path, FileTime> written = lawFiles(out);
        BenchResult second = bench(TASKS, 2, TINY, out).run();
        assertEquals(new BenchResult.Counts(0, 0, 4), second.counts());
        assertEquals(written, lawFiles(out));
        assertEquals(laws(first), laws(second));
        assertEquals(runsWithoutStatus(first), runsWithoutStatus(second));

        // a deleted law.json is recomputed from the checkpoint the run left, a deleted run directory from scratch,
        // and a run stopped between writing its law.json and its pareto.json is finished again
        Files.delete(out.resolve("sft_scaling_law/seed-1/law.json"));
        deleteTree(out.resolve("parallel_scaling_law/seed-0"));
        Files.delete(out.resolve("parallel_scaling_law/seed-1/pareto.json"));
        BenchResult third = bench(TASKS, 2, TINY, out).run();
        assertEquals(new BenchResult.Counts(1, 2, 1), third.counts());
        assertEquals(SeedRun.Status.RAN, third.tasks().get(0).runs().get(0).status());
        assertEquals(SeedRun.Status.RESUMED, third.tasks().get(0).runs().get(1).status());
        assertEquals(SeedRun.Status.RESUMED, third.tasks().get(1).runs().get(1).status());
        assertTrue(Files.isRegularFile(out.resolve("parallel_scaling_law/seed-1/pareto.json")));
        assertTrue(Files.isRegularFile(out.resolve("sft_scaling_law/seed-1/law.json")));
        // same seed, same data: the same laws and scores; not to the last bit, as the Vector API kernels round
        // pow, log and exp differently before and after the JIT compiles them (with -Devosld.vector=false they agree)
        assertEquals(laws(first), laws(third));
        for (int t = 0; t < 2; t++) {
            for (int s = 0; s < 2; s++) {
                assertEquals(first.tasks().get(t).runs().get(s).testR2(), third.tasks().get(t).runs().get(s).testR2(), 1e-9);
            }
        }
    }

    @Test
    void anInterruptedRunIsResumedFromItsCheckpointAndEndsAsAnUninterruptedOne() throws IOException {
        SearchSettings five = TINY.withGenerations(5);
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("interrupted");
        BenchListener ctrlC = new BenchListener() {
            @Override
            public void onGeneration(String t, long seed, int generation, int of, double best) {
                if (generation == 4) {
                    throw new IllegalStateException("interrupted");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> bench(task, 1, five, out).withListener(ctrlC).run());
        Path run = out.resolve("parallel_scaling_law/seed-0");
        assertFalse(Files.exists(run.resolve("law.json")));
        assertTrue(Files.isRegularFile(run.resolve("checkpoint.json")));
        assertFalse(Files.exists(out.resolve("bench.json")));

        BenchResult resumed = bench(task, 1, five, out).run();
        assertEquals(new BenchResult.Counts(0, 1, 0), resumed.counts());
        BenchResult straight = bench(task, 1, five, tmp.resolve("straight")).run();
        SeedRun a = resumed.tasks().getFirst().runs().getFirst();
        SeedRun b = straight.tasks().getFirst().runs().getFirst();
        assertEquals(b.law(), a.law());
        assertEquals(b.testR2(), a.testR2(), 1e-9);
        assertEquals(b.validationR2(), a.validationR2(), 1e-9);
        assertEquals(b.candidatesFitted(), a.candidatesFitted());
        assertEquals(5, a.generations());
    }

    @Test
    void aReusedRunOfAnOlderVersionIsListedWithItsLawWrittenWithMinuses() {
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("older");
        bench(task, 1, TINY, out).run();
        // as a version before laws were reported with minuses would have written it
        Path file = out.resolve("parallel_scaling_law/seed-0/law.json");
        LawDocument d = LawDocument.read(file);
        String feature = d.variables().getFirst();
        new LawDocument(d.evosldVersion(), d.task(), d.law() + " + -0 * " + feature, d.variables(), d.parameterNames(),
            d.targets(), d.parameters(), d.trainRanges(), d.groupRanges(), d.targetRanges(), d.metrics(), d.provenance()).write(file);
        BenchResult reused = bench(task, 1, TINY, out).run();
        assertEquals(new BenchResult.Counts(0, 0, 1), reused.counts());
        assertEquals(d.law() + " - 0 * " + feature, reused.tasks().getFirst().runs().getFirst().law());
    }

    @Test
    void aRunReusedFromAnotherBuildIsListedWithTheBuildThatMadeIt() throws IOException {
        // bench.md's header names this invocation's commit: a rerun of an older build's folder passed off its runs'
        // laws and scores as this commit's, where the row said no more than 'reused'
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("builds");
        Environment older = new Environment("2026-02-01T12:00:00Z", "0.1.0", "0123abc", 2, "Linux amd64", "25.0.3");
        Bench.of(new BenchPlan(task, 1, TINY, new SearchEffort(2, 1), out, data)).withEnvironment(() -> older).run();
        bench(task, 2, TINY, out).run();
        String md = Files.readString(out.resolve("bench.md"));
        List<String> rows = md.lines().filter(line -> line.startsWith("| 0 | `") || line.startsWith("| 1 | `")).toList();
        assertEquals(2, rows.size(), md);
        assertTrue(rows.get(0).endsWith(" | reused from 0.1.0 (git 0123abc) |"), rows.get(0));
        assertTrue(rows.get(1).endsWith(" | ran |"), rows.get(1));
        JsonNode runs = Json.mapper().readTree(Files.readString(out.resolve("bench.json"))).get("tasks").get(0).get("runs");
        assertEquals("0.1.0 (git 0123abc)", runs.get(0).get("build").stringValue());
        assertEquals("0.1.0 (git abc1234)", runs.get(1).get("build").stringValue());
    }

    @Test
    void aRunReusedFromAnInvocationWithAnotherTimeLimitIsNamedInTheSettingsLine() throws IOException {
        // bench.md's settings line gave this invocation's time limit and threads over runs an earlier invocation made
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("limits");
        bench(task, 1, TINY.withTimeLimit(java.time.Duration.ofMinutes(10)).withThreads(1), out).run();
        bench(task, 3, TINY, out).run();
        String md = Files.readString(out.resolve("bench.md"));
        assertEquals("- settings: 3 seeds (0 to 2) per task, 2 generations, 1 island of 8, time limit 5 min per run"
                + " (10 min for parallel_scaling_law seed 0), 2 threads (1 for parallel_scaling_law seed 0),"
                + " proposers: classic forms",
            md.lines().filter(line -> line.startsWith("- settings: ")).findFirst().orElseThrow());
        JsonNode runs = Json.mapper().readTree(Files.readString(out.resolve("bench.json"))).get("tasks").get(0).get("runs");
        List<String> ranWith = new ArrayList<>();
        runs.forEach(run -> ranWith.add(run.get("ran_with").toString()));
        assertEquals(List.of(
            "{\"time_limit_seconds\":600.0,\"threads\":1,\"proposers\":[\"classic forms\"],\"resumed\":false}",
            "{\"time_limit_seconds\":300.0,\"threads\":2,\"proposers\":[\"classic forms\"],\"resumed\":false}",
            "{\"time_limit_seconds\":300.0,\"threads\":2,\"proposers\":[\"classic forms\"],\"resumed\":false}"), ranWith);

        // once every run is this invocation's, the line is as it always was
        bench(task, 3, TINY.withTimeLimit(java.time.Duration.ofMinutes(10)).withThreads(1), tmp.resolve("agreeing")).run();
        assertTrue(Files.readString(tmp.resolve("agreeing/bench.md")).contains("\n- settings: 3 seeds (0 to 2) per task,"
            + " 2 generations, 1 island of 8, time limit 10 min per run, 1 thread, proposers: classic forms\n"));
    }

    @Test
    void aRunItsTimeLimitCutShortIsContinuedNotReused() {
        SearchSettings five = TINY.withGenerations(5);
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("cut");
        SeedRun cut = bench(task, 1, five.withTimeLimit(java.time.Duration.ofMillis(1)), out).run()
            .tasks().getFirst().runs().getFirst();
        assertEquals("time limit", cut.stoppedBy());
        assertTrue(cut.generations() < 5, "cut at generation " + cut.generations());
        assertEquals(DataSource.sldbench("parallel_scaling_law"),
            new RunDirectory(out.resolve("parallel_scaling_law/seed-0")).readDataSource(),
            "a bench run can be resumed by discover --resume alone");
        LawDocument.Search search = LawDocument.read(out.resolve("parallel_scaling_law/seed-0/law.json")).provenance()
            .search();
        assertEquals(new LawDocument.Search(cut.generations(), 5, "time limit", List.of("classic forms"), 1, 1,
            search.refit()), search, "law.json says the law is not the one its seed reproduces");
        assertEquals(five.finalStarts(), search.refit().starts());

        BenchResult continued = bench(task, 1, five, out).run();
        assertEquals(new BenchResult.Counts(0, 1, 0), continued.counts());
        SeedRun run = continued.tasks().getFirst().runs().getFirst();
        assertEquals("generations", run.stoppedBy());
        assertEquals(5, run.generations());
        assertEquals(new BenchResult.Counts(0, 0, 1), bench(task, 1, five, out).run().counts(), "now reused");
    }

    @Test
    void aResumedRunsTimeLimitAndThreadsAreSaidToBeItsLastPartsAlone() throws IOException {
        // bench.md gave the time limit and threads of the invocation that finished a resumed run as the whole run's:
        // 'time limit 5 min per run, 2 threads' over a run whose first part a 1 ms limit cut short on 1 thread
        SearchSettings five = TINY.withGenerations(5);
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("parts");
        bench(task, 1, five.withTimeLimit(java.time.Duration.ofMillis(1)).withThreads(1), out).run();
        BenchResult continued = bench(task, 1, five, out).run();
        assertEquals(new BenchResult.Counts(0, 1, 0), continued.counts());
        assertEquals("- settings: 1 seed (0) per task, 5 generations, 1 island of 8, time limit 5 min per run (not"
                + " recorded for parallel_scaling_law seed 0 before it was resumed), 2 threads (not recorded for"
                + " parallel_scaling_law seed 0 before it was resumed), proposers: classic forms",
            Files.readString(out.resolve("bench.md")).lines().filter(line -> line.startsWith("- settings: ")).findFirst()
                .orElseThrow());
        assertEquals("{\"time_limit_seconds\":300.0,\"threads\":2,\"proposers\":[\"classic forms\"],\"resumed\":true}",
            Json.mapper().readTree(Files.readString(out.resolve("bench.json"))).get("tasks").get(0).get("runs").get(0)
                .get("ran_with").toString());
        // reused later, the run still says so, from its search.json
        BenchResult reused = bench(task, 1, five, out).run();
        assertEquals(new BenchResult.Counts(0, 0, 1), reused.counts());
        assertTrue(Files.readString(out.resolve("bench.md")).contains(", time limit 5 min per run (not recorded for"
            + " parallel_scaling_law seed 0 before it was resumed), 2 threads (not recorded"));
    }

    @Test
    void aRunItsTimeLimitCutShortIsContinuedEvenWithoutItsSearchJson() throws IOException {
        SearchSettings five = TINY.withGenerations(5);
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("cut");
        bench(task, 1, five.withTimeLimit(java.time.Duration.ofMillis(1)), out).run();
        // as `discover --resume` of the bench's run directory with a --time-limit leaves it (discover writes no
        // search.json), or a search.json lost: law.json still says the time limit cut the run short
        Path run = out.resolve("parallel_scaling_law/seed-0");
        Files.delete(run.resolve("search.json"));
        assertEquals("time limit", LawDocument.read(run.resolve("law.json")).provenance().search().stoppedBy());

        BenchResult continued = bench(task, 1, five, out).run();
        assertEquals(new BenchResult.Counts(0, 1, 0), continued.counts(),
            "a law cut short by the time limit was reused as the law of 5 generations");
        SeedRun resumed = continued.tasks().getFirst().runs().getFirst();
        assertEquals("generations", resumed.stoppedBy());
        assertEquals(5, resumed.generations());
    }

    @Test
    void aRunDirectoryOfOtherSettingsIsAnError() {
        Path out = tmp.resolve("bench");
        List<String> task = List.of("parallel_scaling_law");
        bench(task, 1, TINY, out).run();
        EvosldException e = assertThrows(EvosldException.class, () -> bench(task, 1, TINY.withGenerations(3), out).run());
        assertEquals(out.resolve("parallel_scaling_law/seed-0") + " holds a run with 2 generations, 1 island of 8, not "
            + "3 generations, 1 island of 8; use another --out, or delete that directory to run it again", e.getMessage());
    }

    @Test
    void aFinishedRunIsNotReusedWithTheScoresOfDataThatChangedSince() throws IOException {
        String name = "parallel_scaling_law";
        DataDirectory copy = new DataDirectory(tmp.resolve("data"));
        Files.createDirectories(copy.taskFolder(name));
        Files.copy(data.trainFile(name), copy.trainFile(name));
        Files.copy(data.testFile(name), copy.testFile(name));
        List<String> task = List.of(name);
        BenchPlan plan = new BenchPlan(task, 1, TINY, new SearchEffort(2, 1), tmp.resolve("bench"), copy);
        SeedRun before = Bench.of(plan).withEnvironment(() -> FIXED).run().tasks().getFirst().runs().getFirst();

        // the test split is edited by hand after the run: every loss 0.3 higher (the run's law.json records the
        // checksum of the data it was scored on, and report says when it has changed since)
        List<String> lines = Files.readAllLines(copy.testFile(name));
        List<String> shifted = new ArrayList<>(List.of(lines.getFirst()));
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            shifted.add(line.substring(0, comma + 1) + (Double.parseDouble(line.substring(comma + 1)) + 0.3));
        }
        Files.write(copy.testFile(name), shifted);

        SeedRun again;
        try {
            again = Bench.of(plan).withEnvironment(() -> FIXED).run().tasks().getFirst().runs().getFirst();
        } catch (EvosldException refused) {
            assertTrue(refused.getMessage().contains("seed-0"), refused.getMessage());   // refusing, naming the run, is fine too
            return;
        }
        // the same train rows and seed give the same law; its test R² on the data as it is now:
        SeedRun fresh = Bench.of(new BenchPlan(task, 1, TINY, new SearchEffort(2, 1), tmp.resolve("fresh"), copy))
            .withEnvironment(() -> FIXED).run().tasks().getFirst().runs().getFirst();
        assertEquals(before.law(), fresh.law());
        assertTrue(fresh.testR2() < before.testR2() - 0.1, fresh.testR2() + " against " + before.testR2());
        assertEquals(fresh.testR2(), again.testR2(), 1e-9,
            "bench.md reports the run as " + again.status() + " with the test R² of the data before it changed");
    }

    @Test
    void aRunDirectoryAnotherRunHoldsIsRefusedAndHeldWhileTheBenchRunsIt() {
        List<String> task = List.of("parallel_scaling_law");
        Path out = tmp.resolve("held");
        RunDirectory seed0 = new RunDirectory(out.resolve("parallel_scaling_law/seed-0"));
        // a `discover --resume` of that run directory holds it, as discover holds every run directory it writes into
        try (RunDirectory.Lock held = seed0.lock()) {
            EvosldException e = assertThrows(EvosldException.class, () -> bench(task, 1, TINY, out).run(),
                "the bench wrote into a run directory another run was writing into");
            assertTrue(e.getMessage().contains("another evosld run is writing into it"), e.getMessage());
        }
        // and while the bench runs it, the run directory is held, so that discover --resume or a second bench
        // given the same --out is refused rather than writing into it at the same time
        List<Boolean> heldDuringTheRun = new ArrayList<>();
        bench(task, 1, TINY, tmp.resolve("running")).withListener(new BenchListener() {
            @Override
            public void onGeneration(String t, long seed, int generation, int of, double best) {
                heldDuringTheRun.add(new RunDirectory(tmp.resolve("running/parallel_scaling_law/seed-0")).inUse());
            }
        }).run();
        assertFalse(heldDuringTheRun.isEmpty());
        assertEquals(List.of(true), heldDuringTheRun.stream().distinct().toList());
    }

    @Test
    void aRunOfOtherSettingsIsAnErrorEvenWithoutItsSearchJson() throws IOException {
        Path out = tmp.resolve("bench");
        List<String> task = List.of("parallel_scaling_law");
        bench(task, 1, TINY, out).run();
        // search.json deleted by hand (or lost): law.json still records the search the run made
        Path run = out.resolve("parallel_scaling_law/seed-0");
        Files.delete(run.resolve("search.json"));
        assertEquals(2, LawDocument.read(run.resolve("law.json")).provenance().search().plannedGenerations());
        EvosldException e = assertThrows(EvosldException.class, () -> bench(task, 1, TINY.withGenerations(3), out).run(),
            "a run of 2 generations was reused in a bench of 3, whose bench.md says 3 generations");
        assertTrue(e.getMessage().startsWith(run + " holds a run with 2 generations"), e.getMessage());
    }

    @Test
    void aFolderHoldingADiscoverRunIsNoBenchDirectory() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("a-run"));
        Files.writeString(run.resolve("law.json"), "{}");
        EvosldException e = assertThrows(EvosldException.class,
            () -> bench(List.of("parallel_scaling_law"), 1, TINY, run).run());
        assertEquals(run + " holds a run of its own (law.json or checkpoint.json); give the bench a folder of its own"
            + " with --out", e.getMessage());
        assertEquals(List.of("law.json"), Files.list(run).map(p -> p.getFileName().toString()).toList());
    }

    private static void assertStat(JsonNode stat, List<Double> values) {
        assertEquals(mean(values), stat.get("mean").doubleValue(), 1e-15);
        assertEquals(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), stat.get("best").doubleValue());
        assertEquals(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), stat.get("worst").doubleValue());
        assertEquals(0, stat.get("failed").intValue());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static List<String> laws(BenchResult result) {
        return result.tasks().stream().flatMap(t -> t.runs().stream()).map(SeedRun::law).toList();
    }

    private static List<SeedRun> runsWithoutStatus(BenchResult result) {
        return result.tasks().stream().flatMap(t -> t.runs().stream())
            .map(r -> new SeedRun(r.task(), r.seed(), SeedRun.Status.REUSED, r.law(), r.parameterCount(), r.trainR2(),
                r.validationR2(), r.testR2(), r.testFailure(), r.validationRmse(), r.testRmse(), r.seconds(), r.candidatesFitted(), r.candidatesPerSecond(),
                r.generations(), r.stoppedBy(), r.runDirectory(), r.build(), r.ranWith()))
            .toList();
    }

    private static Map<Path, FileTime> lawFiles(Path out) throws IOException {
        Map<Path, FileTime> files = new TreeMap<>();
        try (var paths = Files.walk(out)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().equals("law.json")).toList()) {
                files.put(path, Files.getLastModifiedTime(path));
            }
        }
        assertEquals(4, files.size());
        assertNotNull(files);
        return files;
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
