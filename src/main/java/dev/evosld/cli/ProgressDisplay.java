package dev.evosld.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether progress, which goes to stderr, is shown as a bar redrawn in place or as plain lines. A bar suits a
 * terminal; in a log every redraw stays behind as a carriage-return frame, so a log gets lines.
 */
final class ProgressDisplay {
    /** Where Linux says file descriptor 2 leads; absent elsewhere. */
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private ProgressDisplay() {
    }

    /** Whether this process's stderr should get a progress bar. */
    static boolean bars() {
        Console console = System.console();
        return bars(console != null && console.isTerminal(), stderrTarget());
    }

    /**
     * @param consoleIsTerminal what {@link Console#isTerminal()} says
     * @param stderrTarget where stderr leads (a device or file path, {@code pipe:[…]}), when the system says
     */
    static boolean bars(boolean consoleIsTerminal, Optional<String> stderrTarget) {
        // the console stands for stdin and stdout only: `2> run.log` typed at a terminal still reads as one
        return consoleIsTerminal && stderrTarget.map(ProgressDisplay::isTerminalDevice).orElse(true);
    }

    private static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static Optional<String> stderrTarget() {
        try {
            return Optional.of(Files.readSymbolicLink(STDERR_LINK).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
