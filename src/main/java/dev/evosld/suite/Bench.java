package dev.evosld.suite;

import dev.evosld.EvosldException;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Table;
import dev.evosld.data.TaskData;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.ClassicForms;
import dev.evosld.search.Discovery;
import dev.evosld.search.Proposer;
import dev.evosld.search.RunRecorder;
import dev.evosld.search.SearchListener;
import dev.evosld.search.SearchResult;
import dev.evosld.search.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a {@link BenchPlan}: a discovery run per task and seed, one after the other, each into its own run
 * directory, then writes {@code bench.md} and {@code bench.json}.
 *
 * <p>It picks up where an earlier invocation stopped. A run whose {@code law.json} is complete is read back,
 * not run again; one with only a {@code checkpoint.json} (stopped by Ctrl-C or a crash) is resumed from it,
 * and ends exactly as an uninterrupted run would. A run directory made with other search settings is an
 * error rather than silently mixed into the table. Every run writes its {@code law.json} atomically when it
 * is done, so an interruption never leaves a half-written result; the current run's latest checkpoint is
 * written once more on the way out.
 *
 * <p>All tasks' data is loaded before the first run, so that a missing task fails at once.
 */
public final class Bench {
    private final BenchPlan plan;
    private final BenchListener listener;
    private final Supplier<List<Proposer>> proposers;
    private final Supplier<Environment> environment;

    private Bench(BenchPlan plan, BenchListener listener, Supplier<List<Proposer>> proposers,
                  Supplier<Environment> environment) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.proposers = proposers;
        this.environment = environment;
    }

    /** A benchmark of {@code plan} with the offline proposer ({@link ClassicForms}), reporting to no one. */
    public static Bench of(BenchPlan plan) {
        return new Bench(plan, BenchListener.none(), () -> List.of(new ClassicForms()), Environment::current);
    }

    /** This benchmark reporting to {@code listener}. */
    public Bench withListener(BenchListener listener) {
        return new Bench(plan, listener, proposers, environment);
    }

    /** This benchmark describing its machine with {@code environment} (tests fix it). */
    public Bench withEnvironment(Supplier<Environment> environment) {
        return new Bench(plan, listener, proposers, environment);
    }

    public BenchPlan plan() {
        return plan;
    }

    /**
     * Runs (or reuses) every task and seed, writes {@code bench.md} and {@code bench.json} into the plan's
     * directory, and returns what they hold.
     *
     * @throws EvosldException when a task's data is missing, a run directory holds a run made with other
     *     settings, or a run fails
     */
    public BenchResult run() {
        long started = System.nanoTime();
        // the checkout when the bench starts, which its code was built from, not when it ends: it may change meanwhile
        Environment before = environment.get();
        if (new RunDirectory(plan.out()).holdsRun()) {
            // its law.json and report would sit among the bench's task folders, and bench.md beside them
            throw new EvosldException(plan.out() + " holds a run of its own (law.json or checkpoint.json); give the"
                + " bench a folder of its own with --out");
        }
        List<TaskData> data = new ArrayList<>();
        for (String task : plan.tasks()) {
            data.add(TaskData.load(TaskConfig.load(task), plan.data()));
        }
        // before the header, whose "results in X" would promise a folder that the first run then fails to make
        AtomicFiles.createFolder(plan.out(), "the bench's results");
        int units = plan.units();
        listener.onStart(plan);
        AtomicReference<Discovery> current = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            Discovery discovery = current.get();
            if (discovery != null) {
                discovery.checkpointWriter().ifPresent(Runnable::run);
            }
        }, "evosld-bench-checkpoint");
        Runtime.getRuntime().addShutdownHook(hook);
        List<TaskSummary> summaries = new ArrayList<>();
        int[] counts = new int[SeedRun.Status.values().length];
        try {
            int index = 0;
            for (TaskData task : data) {
                List<SeedRun> runs = new ArrayList<>();
                for (long seed = 0; seed < plan.seeds(); seed++) {
                    index++;
                    SeedRun run = unit(task, seed, index, units, current, before.build());
                    counts[run.status().ordinal()]++;
                    runs.add(run);
                    listener.onRunDone(run, index, units);
                }
                TaskConfig.References references = task.config().references();
                summaries.add(TaskSummary.of(task.config().name(), runs, references == null ? null
                    : new TaskSummary.References(references.humanR2(), references.leaderboardR2(), references.source())));
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down (Ctrl-C): the hook writes the checkpoint
            }
        }
        BenchResult.Settings settings = BenchResult.Settings.of(plan, proposers.get().stream().map(Proposer::name).toList());
        BenchResult result = new BenchResult(before, settings, (System.nanoTime() - started) / 1e9,
            new BenchResult.Counts(counts[0], counts[1], counts[2]), summaries, BenchResult.Mean.of(summaries));
        BenchReport.write(plan.out(), result);
        return result;
    }

    /**
     * One task and seed: read back, resumed or run, holding its run directory as {@code discover} does, so that a
     * {@code discover --resume} of it or a second bench given the same {@code --out} is refused meanwhile.
     */
    private SeedRun unit(TaskData data, long seed, int index, int units, AtomicReference<Discovery> current,
                         String build) {
        RunDirectory run = new RunDirectory(plan.runDirectory(data.config().name(), seed));
        try (RunDirectory.Lock held = run.lock()) {
            return unit(data, seed, run, index, units, current, build);
        }
    }

    private SeedRun unit(TaskData data, long seed, RunDirectory run, int index, int units,
                         AtomicReference<Discovery> current, String build) {
        TaskConfig config = data.config();
        String task = config.name();
        SearchSettings wanted = plan.search(config).withSeed(seed);
        Optional<SeedRun> finished = finished(run, task, seed, wanted);
        if (finished.isPresent()) {
            listener.onRunStart(task, seed, SeedRun.Status.REUSED, index, units);
            return finished.get();
        }
        SearchListener progress = new SearchListener() {
            @Override
            public void onGeneration(int generation, int of, double best, double rate, double hits) {
                listener.onGeneration(task, seed, generation, of, best);
            }

            @Override
            public void onMessage(String message) {
                listener.onMessage(task + " seed " + seed + ": " + message);
            }
        };
        Discovery discovery;
        SeedRun.Status status;
        if (Files.isRegularFile(run.checkpointFile())) {
            int planned = Discovery.plannedGenerations(run.checkpointFile());
            if (planned != wanted.generations()) {
                throw otherSettings(run, planned + " generations", wanted.generations() + " generations");
            }
            discovery = Discovery.resume(config, data.train(), run.checkpointFile(), wanted.timeLimit(),
                wanted.threads(), proposers.get(), progress);
            SearchSettings had = discovery.settings();
            if (had.seed() != seed || had.population() != wanted.population() || had.islands() != wanted.islands()
                || had.restarts() != wanted.restarts()) {
                throw otherSettings(run,
                    "seed " + had.seed() + ", " + had.shape(),
                    "seed " + seed + ", "
                        + wanted.shape());
            }
            status = SeedRun.Status.RESUMED;
        } else {
            run.writeDataSource(DataSource.sldbench(task));
            discovery = Discovery.start(config, data.train(), wanted, proposers.get(), progress, run.checkpointFile());
            status = SeedRun.Status.RAN;
        }
        listener.onRunStart(task, seed, status, index, units);
        current.set(discovery);
        SearchResult result = discovery.run();
        current.set(null);
        // SLDBench tasks always come with test.csv (TaskData.load reads it)
        Table testRows = data.test().orElseThrow(() -> new IllegalStateException(task + ": an SLDBench task without a test split"))
            .table();
        Predictions testPredictions = Predictions.of(result.law(), testRows, result.parameters());
        R2 test = testPredictions.r2();
        RunStats stats = RunStats.of(discovery.settings(), result, test, build, status == SeedRun.Status.RESUMED);
        // search.json first: a run with a law.json always has its stats
        stats.write(run);
        DataSource source = DataSource.sldbench(task);
        LawDocument document = RunRecorder.write(run, config, data.train(), source, source.checksum(plan.data()),
            discovery.settings(), result, Optional.of(testPredictions));
        return seedRun(task, seed, status, document, stats, run);
    }

    /** The finished run in {@code run}, if its {@code law.json} is complete. */
    private Optional<SeedRun> finished(RunDirectory run, String task, long seed, SearchSettings wanted) {
        if (!Files.isRegularFile(run.lawFile())) {
            return Optional.empty();
        }
        LawDocument document;
        try {
            document = LawDocument.read(run.lawFile());
        } catch (EvosldException e) {
            listener.onMessage(e.getMessage() + "; running it again");
            return Optional.empty();
        }
        if (document.metrics() == null || document.provenance() == null) {
            listener.onMessage(run.lawFile() + ": incomplete (no metrics or provenance); running it again");
            return Optional.empty();
        }
        // law.json is written first: a run stopped right after it lacks the files written after it
        for (Path file : List.of(run.paretoFile(), run.historyFile())) {
            if (!Files.isRegularFile(file)) {
                listener.onMessage(run.path() + ": no " + file.getFileName() + "; finishing the run again");
                return Optional.empty();
            }
        }
        if (!task.equals(document.task()) || document.provenance().seed() != seed) {
            throw new EvosldException(run.lawFile() + ": a law of task '" + document.task() + "' seed "
                + document.provenance().seed() + ", not '" + task + "' seed " + seed
                + " (use another --out, or delete " + run.path() + ")");
        }
        if (document.dataChangedSince(plan.data())) {
            // its scores are those of the data as it was; the bench's table would pass them off as today's
            throw new EvosldException(run.path() + " holds a run on other data: " + task + "'s train.csv or test.csv has"
                + " changed since (checksum " + document.provenance().dataChecksum() + " recorded); use another --out,"
                + " or delete that directory to run it again");
        }
        Optional<RunStats> stats = RunStats.read(run);
        if (stats.isPresent() && !stats.get().matches(wanted)) {
            throw otherSettings(run, stats.get().describe(),
                wanted.shape());
        }
        // without search.json (a discover run's folder, or one deleted by hand) law.json still says what was planned
        LawDocument.Search search = document.provenance().search();
        if (search != null && (search.plannedGenerations() != wanted.generations()
            || search.plannedRestarts() != null && search.plannedRestarts() != wanted.restarts())) {
            throw otherSettings(run, search.plannedGenerations() + " generations"
                + (search.plannedRestarts() == null ? "" : ", " + search.plannedRestarts() + " restarts"), wanted.shape());
        }
        // stats read back from history.json (no search.json: `discover --resume` of the folder wrote it) know not
        // why the run stopped, and law.json does
        String stoppedBy = stats.map(RunStats::stoppedBy).orElse(search != null ? search.stoppedBy() : null);
        if (SearchResult.BY_TIME_LIMIT.equals(stoppedBy) && Files.isRegularFile(run.checkpointFile())) {
            // its law is not the one its settings promise: continue it, as an interrupted run is
            int generations = search != null ? search.generations() : stats.orElseThrow().generations();
            listener.onMessage(run.path() + ": its time limit cut it short at generation " + generations
                + "; continuing it");
            return Optional.empty();
        }
        return Optional.of(seedRun(task, seed, SeedRun.Status.REUSED, document, stats.orElse(null), run));
    }

    /**
     * The search of a plan's runs, for the console's header and bench.md: each task's generations and restarts as its
     * runs search them (the bench's where it gives them, else the task config's, else the defaults), one shape when
     * all agree, else the values they take.
     */
    static String shape(BenchPlan plan) {
        SortedSet<Integer> generations = new TreeSet<>();
        SortedSet<Integer> restarts = new TreeSet<>();
        for (String task : plan.tasks()) {
            SearchSettings settings = plan.search(TaskConfig.load(task));
            generations.add(settings.generations());
            restarts.add(settings.restarts());
        }
        int islands = plan.search().islands();
        int population = plan.search().population();
        if (generations.size() == 1 && restarts.size() == 1) {
            return SearchSettings.shape(generations.first(), restarts.first(), islands, population);
        }
        return alternatives(generations) + " generations, "
            + (restarts.size() == 1 && restarts.first() == 1 ? "" : alternatives(restarts) + " restarts × ")
            + islands + (islands == 1 ? " island" : " islands") + " of " + population + ", as each task's config sets";
    }

    /** {@code 60}, {@code 60 or 180}, {@code 60, 120 or 180}. */
    private static String alternatives(SortedSet<Integer> values) {
        List<String> texts = values.stream().map(String::valueOf).toList();
        return texts.size() == 1 ? texts.getFirst()
            : String.join(", ", texts.subList(0, texts.size() - 1)) + " or " + texts.getLast();
    }

    private static EvosldException otherSettings(RunDirectory run, String had, String wanted) {
        return new EvosldException(run.path() + " holds a run with " + had + ", not " + wanted
            + "; use another --out, or delete that directory to run it again");
    }

    private static SeedRun seedRun(String task, long seed, SeedRun.Status status, LawDocument document,
                                   RunStats stats, RunDirectory run) {
        LawDocument.Metrics metrics = document.metrics();
        return new SeedRun(task, seed, status, document.writtenLaw(), metrics.parameterCount(), metrics.trainR2(),
            metrics.validationR2(), metrics.testR2(),
            stats != null ? stats.testFailure() : null,
            metrics.validationRmse(), metrics.testRmse(),
            stats != null ? stats.seconds() : null,
            stats != null ? stats.candidatesFitted() : null,
            stats != null ? stats.candidatesPerSecond() : null,
            stats != null ? stats.generations() : null,
            stats != null ? stats.stoppedBy() : null,
            run.path().toString(),
            stats != null ? stats.build() : null,
            new SeedRun.RanWith(stats != null ? stats.timeLimitSeconds() : null, stats != null ? stats.threads() : null,
                document.provenance().search() != null ? document.provenance().search().proposers() : null,
                stats != null ? stats.resumed() : null));
    }
}
