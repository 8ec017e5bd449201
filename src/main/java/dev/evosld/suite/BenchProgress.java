package dev.evosld.suite;

import dev.evosld.eval.R2;
import dev.evosld.search.SearchSettings;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a benchmark's progress on stderr: on a terminal one progress bar over all runs (tasks × seeds) with
 * the current run's generation, otherwise a line as each run starts and another as it finishes, so that a log shows
 * which run is searching without a line per generation.
 */
public final class BenchProgress implements BenchListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean interactive;
    /** The bar, while it is drawn; read by an interrupt's hook, on another thread. */
    private volatile ProgressBar bar;

    /** @param interactive whether stderr is a terminal (a bar) or not (lines) */
    public BenchProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public void onStart(BenchPlan plan) {
        SearchSettings search = plan.search();
        err.printf(Locale.ROOT, "evosld: benchmark of %d %s × %d %s (%s, at most %s each); results in %s%n",
            plan.tasks().size(), plan.tasks().size() == 1 ? "task" : "tasks", plan.seeds(),
            plan.seeds() == 1 ? "seed" : "seeds",
            Bench.shape(plan),
            search.timeLimit().toString().substring(2).toLowerCase(Locale.ROOT), plan.out());
        err.flush();
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax(plan.units())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(ConsoleBar.onStderr())
                .setUnit(" runs", 1).build();
        }
    }

    @Override
    public void onRunStart(String task, long seed, SeedRun.Status status, int index, int units) {
        if (bar != null) {
            bar.setExtraMessage(task + " seed " + seed + (status == SeedRun.Status.RESUMED ? " (resumed)" : ""));
        } else if (status != SeedRun.Status.REUSED) {
            // a reused run's line follows at once; a searching one's only after minutes
            err.printf(Locale.ROOT, "evosld: [%d/%d] %s seed %d: %s%n", index, units, task, seed,
                status == SeedRun.Status.RESUMED ? "resuming from its checkpoint" : "started");
            err.flush();
        }
    }

    @Override
    public void onGeneration(String task, long seed, int generation, int of, double bestValidationR2) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "%s seed %d · gen %d/%d · best val R² %s",
                task, seed, generation, of, R2.text(bestValidationR2)));
        }
    }

    @Override
    public void onRunDone(SeedRun run, int index, int units) {
        if (bar != null) {
            bar.stepTo(index);
            return;
        }
        String test = run.testR2() != null ? String.format(Locale.ROOT, "%.5f", run.testR2())
            : "failed" + (run.testFailure() != null ? " (" + run.testFailure() + ")" : "");
        String time = run.seconds() != null ? String.format(Locale.ROOT, ", %.1f s", run.seconds()) : "";
        err.printf(Locale.ROOT, "evosld: [%d/%d] %s seed %d: %s, test R² %s%s%n", index, units, run.task(),
            run.seed(), run.status().label(), test, time);
        err.flush();
    }

    @Override
    public void onMessage(String message) {
        if (bar != null) {
            err.print(ConsoleBar.ERASE_ROW);
        }
        err.println("evosld: " + message);
        err.flush();
    }

    /**
     * Ends the bar's line while the bar is drawn, so that a line printed from elsewhere (an interrupt's) starts on a
     * line of its own rather than at the end of the bar's.
     */
    public void endLine() {
        if (bar != null) {
            ConsoleBar.endRow();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
