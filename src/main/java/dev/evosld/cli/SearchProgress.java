package dev.evosld.cli;

import dev.evosld.eval.R2;
import dev.evosld.search.SearchListener;
import dev.evosld.suite.ConsoleBar;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a discovery run's progress on stderr: a progress bar on a terminal, a line every ten generations
 * otherwise (so that logs stay readable).
 */
final class SearchProgress implements SearchListener, AutoCloseable {
    private final PrintWriter err;
    private final ProgressBar bar;
    /** Whether the bar is closed, which ends its line itself; read by an interrupt's hook, on another thread. */
    private volatile boolean closed;

    SearchProgress(PrintWriter err, String task, int generations, boolean interactive) {
        this.err = err;
        this.bar = interactive
            ? new ProgressBarBuilder().setTaskName(task).setInitialMax(generations)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(ConsoleBar.onStderr())
                .setUnit(" gen", 1).build()
            : null;
    }

    @Override
    public void onGeneration(int generation, int of, double bestValidationR2, double candidatesPerSecond,
                             double cacheHitRate) {
        // as the summary prints it: four decimals read 0.99996 as 1.0000, and a search near 1 as standing still
        String status = String.format(Locale.ROOT, "best val R² %s · %.0f cand/s · cache %.0f%%",
            R2.text(bestValidationR2), candidatesPerSecond, 100 * cacheHitRate);
        if (bar != null) {
            bar.stepTo(generation);
            bar.setExtraMessage(status);
        } else if (generation % 10 == 0 || generation == of) {
            err.println("evosld: generation " + generation + "/" + of + ": " + status);
            err.flush();
        }
    }

    @Override
    public void onMessage(String message) {
        line("evosld: " + message);
    }

    /** Prints a line of the command's own on stderr, above the bar when there is one, which is drawn from the start. */
    void line(String line) {
        if (bar != null) {
            err.print(ConsoleBar.ERASE_ROW);
        }
        err.println(line);
        err.flush();
    }

    /**
     * Ends the bar's line while the bar is drawn, so that a line printed from elsewhere (an interrupt's) starts on a
     * line of its own rather than at the end of the bar's.
     */
    void endLine() {
        if (bar != null && !closed) {
            ConsoleBar.endRow();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (bar != null) {
            bar.close();
        }
    }
}
