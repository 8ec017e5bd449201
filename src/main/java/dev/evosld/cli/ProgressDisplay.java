package dev.evosld.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether progress, which goes to stderr, is shown as a bar redrawn in place or as plain lines. A bar suits a
 * terminal; in a log every redraw stays behind as a carriage-return frame, so a log gets lines. Likewise whether
 * stdout is read by a person or by a program ({@code predict} rounds its figures for a person only).
 */
final class ProgressDisplay {
    /** Where Linux says file descriptors 1 and 2 lead; absent elsewhere. */
    private static final Path STDOUT_LINK = Path.of("/proc/self/fd/1");
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private ProgressDisplay() {
    }

    /** Whether this process's stderr should get a progress bar. */
    static boolean bars() {
        Console console = System.console();
        return bars(console != null && console.isTerminal(), target(STDERR_LINK));
    }

    /**
     * @param consoleIsTerminal what {@link Console#isTerminal()} says
     * @param stderrTarget where stderr leads (a device or file path, {@code pipe:[…]}), when the system says
     */
    static boolean bars(boolean consoleIsTerminal, Optional<String> stderrTarget) {
        // the console stands for stdin and stdout only: `2> run.log` typed at a terminal still reads as one
        return consoleIsTerminal && stderrTarget.map(ProgressDisplay::isTerminalDevice).orElse(true);
    }

    /** Whether this process's stdout is a terminal, which a person reads, rather than a file or a pipe. */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        return stdoutIsTerminal(console != null && console.isTerminal(), target(STDOUT_LINK));
    }

    /**
     * @param consoleIsTerminal what {@link Console#isTerminal()} says
     * @param stdoutTarget where stdout leads, when the system says
     */
    static boolean stdoutIsTerminal(boolean consoleIsTerminal, Optional<String> stdoutTarget) {
        // the console is a terminal only while stdin is one too, and `… | evosld predict --runs /dev/stdin` is read
        return stdoutTarget.map(ProgressDisplay::isTerminalDevice).orElse(consoleIsTerminal);
    }

    private static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static Optional<String> target(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
