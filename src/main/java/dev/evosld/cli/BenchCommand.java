package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.search.SearchSettings;
import dev.evosld.suite.Bench;
import dev.evosld.suite.BenchPlan;
import dev.evosld.suite.BenchProgress;
import dev.evosld.suite.BenchReport;
import dev.evosld.suite.BenchResult;
import dev.evosld.suite.Stat;
import dev.evosld.suite.TaskSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evosld bench}: discovery over SLDBench tasks and seeds, summarized in bench.md and bench.json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Runs discovery on SLDBench tasks for several seeds and writes DIR/bench.md and DIR/bench.json.",
        "Each task and seed has its run directory DIR/<task>/seed-<s>/: a finished one is reused, an interrupted one "
            + "is resumed from its checkpoint, so Ctrl-C loses at most the current run's last few generations."})
final class BenchCommand implements Callable<Integer> {
    private static final SearchSettings DEFAULTS = SearchSettings.defaults();

    @Option(names = "--tasks", defaultValue = "all", paramLabel = "all|T1,T2",
        description = "The tasks: all, or names separated by commas (default: ${DEFAULT-VALUE}).")
    String tasks;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N",
        description = "Seeds per task, 0 to N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Time limit of each run, e.g. 90s, 5m (default: 5m).")
    Duration timeLimit;

    @Option(names = "--generations", paramLabel = "N", description = "Generations per run (default: each task's own, "
        + SearchSettings.DEFAULT_GENERATIONS + " unless its config says otherwise).")
    Integer generations;

    @Option(names = "--population", paramLabel = "N", hidden = true, description = "Individuals per island (default: 96).")
    Integer population;

    @Option(names = "--islands", paramLabel = "N", hidden = true, description = "Island populations per restart (default: 2).")
    Integer islands;

    @Option(names = "--restarts", paramLabel = "N", description = "Independent searches per run, the law of the one "
        + "that validates best reported (default: each task's own, 3 unless its config says otherwise).")
    Integer restarts;

    @Option(names = "--threads", paramLabel = "N", description = "Threads fitting candidates (default: all cores); does not change the results.")
    Integer threads;

    @Option(names = "--out", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
        description = "The benchmark directory (default: bench-results).")
    Path out;

    @Option(names = "--data-dir", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
        description = "Where SLDBench tasks live (default: $EVOSLD_DATA, else data/).")
    Path dataDir;

    @Option(names = "--json", description = "Print bench.json's document instead of the summary table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UsageException.atLeast("--seeds", seeds, 1);
        SearchSettings settings = DEFAULTS;
        if (generations != null) {
            UsageException.atLeast("--generations", generations, 1);
        }
        if (population != null) {
            settings = settings.withPopulation(UsageException.atLeast("--population", population, 4));
        }
        if (islands != null) {
            settings = settings.withIslands(UsageException.atLeast("--islands", islands, 1));
        }
        if (restarts != null) {
            UsageException.atLeast("--restarts", restarts, 1);
        }
        if (threads != null) {
            settings = settings.withThreads(UsageException.threads(threads));
        }
        if (timeLimit != null) {
            settings = settings.withTimeLimit(timeLimit);
        }
        BenchPlan plan = new BenchPlan(tasks(), seeds, settings, new SearchEffort(generations, restarts),
            out != null ? out : BenchPlan.DEFAULT_OUT, DataDirectory.resolve(dataDir, System.getenv()));
        plan.tasks().forEach(task -> UsageException.individuals(plan.search(TaskConfig.load(task))));
        PrintWriter err = spec.commandLine().getErr();
        plan.tasks().forEach(task -> TaskOptions.pulledDataNote(task, plan.data()).ifPresent(err::println));
        BenchResult result;
        BenchProgress progress = new BenchProgress(err, ProgressDisplay.bars());
        Thread hook = new Thread(() -> interrupted(plan.out(), err, progress), "evosld-bench-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try (progress) {
            result = Bench.of(plan).withListener(progress).run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down (Ctrl-C): the hook says how to continue
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.print(BenchReport.json(result));
        } else {
            summaryTable(result.tasks(), result.mean()).forEach(stdout::println);
            stdout.printf(Locale.ROOT, "runs: %d ran, %d resumed, %d reused; %.1f s%n", result.counts().ran(),
                result.counts().resumed(), result.counts().reused(), result.wallSeconds());
            stdout.println("report: " + plan.out().resolve(BenchReport.MARKDOWN) + " and " + plan.out().resolve(BenchReport.JSON));
        }
        stdout.flush();
        return 0;
    }

    /**
     * The summary printed at the end: each task's test R² (mean, best, worst) beside its references, then the mean.
     * Each column is as wide as its widest cell in a terminal's columns, so that a seed scoring far below zero or a task
     * named in CJK pushes no figure out of line. Seeds whose test R² failed are counted beside the mean, as bench.md
     * counts them: the three figures leave them out, so without the count they would read as every seed's.
     */
    static List<String> summaryTable(List<TaskSummary> tasks, BenchResult.Mean mean) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("task", "test mean", "best", "worst", "human", "leaderbd"));
        for (TaskSummary task : tasks) {
            rows.add(List.of(task.task(), mean(task.testR2()), r2(task.testR2().best()), r2(task.testR2().worst()),
                r2(task.references() != null ? task.references().humanR2() : null),
                r2(task.references() != null ? task.references().leaderboardR2() : null)));
        }
        rows.add(List.of("mean", mean(mean.testR2()), r2(mean.testR2().best()), r2(mean.testR2().worst()),
            r2(mean.humanR2()), r2(mean.leaderboardR2())));
        int[] widths = new int[rows.getFirst().size()];
        for (int c = 0; c < widths.length; c++) {
            int column = c;
            widths[c] = rows.stream().mapToInt(row -> DisplayWidth.of(row.get(column))).reduce(c == 0 ? 30 : 10,
                Math::max);
        }
        return rows.stream().map(row -> DisplayWidth.row(row, widths)).toList();
    }

    /** What Ctrl-C during a bench does: it says so below the bar; the bench writes the cut run's checkpoint itself. */
    static void interrupted(Path out, PrintWriter err, BenchProgress progress) {
        progress.endLine();
        interrupted(out, err);
    }

    /** What Ctrl-C during a bench says. */
    static void interrupted(Path out, PrintWriter err) {
        err.println("evosld: interrupted; run the same bench again to continue it: the finished runs in " + out
            + " are reused and the one cut short resumes from its last checkpoint");
        err.flush();
    }

    private static String mean(Stat stat) {
        return r2(stat.mean()) + (stat.failed() > 0 ? " (" + stat.failed() + " failed)" : "");
    }

    private static String r2(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.5f", value);
    }

    /** The {@code --tasks} value's tasks; a name that is none is a usage error, like any bad option value. */
    private List<String> tasks() {
        try {
            return BenchPlan.parseTasks(tasks);
        } catch (EvosldException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
