package dev.evosld.suite;

import java.io.IOException;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where a progress bar on a terminal is drawn: progressbar's console consumer, as wide as the terminal, but asking a
 * terminal of its own for the width. Left to itself, progressbar opens a JLine terminal with JLine's default signal
 * handling, which gives SIGINT back to the operating system while the bar is shown: Ctrl-C then killed the JVM
 * outright, so that no shutdown hook wrote the run's checkpoint or said how to continue it. This terminal leaves
 * signals to the JVM.
 */
public final class ConsoleBar extends ConsoleProgressBarConsumer {
    /**
     * Back to the start of the row, then erase it (ANSI, which a terminal, the only place a bar is drawn, understands):
     * the bar's frame holds its row with no line break after it, so a line printed after this takes the row and the
     * bar redraws beneath, where otherwise the line would follow the frame ("… best val R² 1.000evosld: …").
     */
    public static final String ERASE_ROW = "\r\u001b[K";

    /** What progressbar draws on when a terminal gives no usable width. */
    private static final int DEFAULT_WIDTH = 80;

    private final Terminal terminal;

    private ConsoleBar(PrintStream out, Terminal terminal) {
        super(out);
        this.terminal = terminal;
    }

    /** A bar drawn on stderr. */
    public static ProgressBarConsumer onStderr() {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).nativeSignals(false).build();
        } catch (IOException | RuntimeException e) {
            terminal = null;   // the bar is drawn at the default width
        }
        return new ConsoleBar(System.err, terminal);
    }

    /**
     * Ends the row of a bar being drawn, so that a line printed from elsewhere (an interrupt's hook) starts on a row of
     * its own rather than at the end of the bar's.
     */
    public static void endRow() {
        System.err.println();
        System.err.flush();
    }

    @Override
    public int getMaxRenderedLength() {
        int width = terminal == null ? DEFAULT_WIDTH : terminal.getWidth();
        // progressbar's rule: a terminal that says less than 10 columns says nothing useful; one column is kept free,
        // or the cursor would wrap to the next line
        return (width >= 10 ? width : DEFAULT_WIDTH) - 1;
    }

    @Override
    public void close() {
        super.close();
        if (terminal != null) {
            try {
                terminal.close();
            } catch (IOException e) {
                // the terminal goes with the process anyway
            }
        }
    }
}
