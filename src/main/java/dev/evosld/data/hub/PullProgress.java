package dev.evosld.data.hub;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a pull's progress as one text progress bar per split, such as
 * {@code moe_scaling_law train 100% │████│ 193/193 rows}. A bar finishes when its split is complete;
 * {@link #close()} finishes any bar a failed pull left open.
 */
public final class PullProgress implements PullListener, AutoCloseable {
    private final PrintStream out;
    private final int width;
    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();

    private PullProgress(PrintStream out, int width) {
        this.out = Objects.requireNonNull(out, "out");
        this.width = width;
    }

    /** Bars on standard error, as wide as the terminal; standard output stays free for results. */
    public static PullProgress onStderr() {
        return new PullProgress(System.err, -1);
    }

    /**
     * Bars on {@code out}.
     *
     * @param width the width of a bar line in characters, or −1 for the terminal's width
     */
    public static PullProgress to(PrintStream out, int width) {
        return new PullProgress(out, width);
    }

    @Override
    public synchronized void onPage(String task, String split, long rowsSoFar, long total) {
        String name = task + " " + split;
        ProgressBar bar = bars.computeIfAbsent(name, n -> new ProgressBarBuilder()
            .setTaskName(n)
            .setInitialMax(total)
            .setUnit(" rows", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(out, width))
            .build());
        bar.maxHint(total);
        bar.stepTo(rowsSoFar);
        if (rowsSoFar >= total) {
            bar.close();
            bars.remove(name);
        }
    }

    @Override
    public synchronized void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }
}
