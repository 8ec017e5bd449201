package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressDisplayTest {

    @ParameterizedTest(name = "a terminal console, stderr to ''{0}'': bars {1}")
    @CsvSource(delimiter = '|', textBlock = """
        /dev/pts/3         | true
        /dev/tty1          | true
        /home/me/bench.log | false
        /dev/null          | false
        pipe:[48213]       | false
        socket:[9912]      | false
        """)
    void barsOnlyWhenStderrItselfIsATerminal(String stderr, boolean bars) {
        // `evosld bench ... 2> bench.log` typed at a terminal: stdin and stdout are the terminal, stderr a file
        assertEquals(bars, ProgressDisplay.bars(true, Optional.of(stderr)));
    }

    @ParameterizedTest(name = "console terminal {0}, stderr unknown: bars {0}")
    @CsvSource({"true", "false"})
    void followsTheConsoleWhereStderrCannotBeTold(boolean terminal) {
        assertEquals(terminal, ProgressDisplay.bars(terminal, Optional.empty()));
    }

    @ParameterizedTest(name = "no terminal console, stderr to ''{0}'': no bars")
    @CsvSource({"/dev/pts/3", "/home/me/bench.log"})
    void noBarsWithoutATerminalConsole(String stderr) {
        // stdout redirected (--json > out.json): ConsoleProgressBarConsumer still needs a console to size the bar
        assertEquals(false, ProgressDisplay.bars(false, Optional.of(stderr)));
    }

    @ParameterizedTest(name = "console terminal {1}, stdout to ''{0}'': a terminal {2}")
    @CsvSource(delimiter = '|', textBlock = """
        /dev/pts/3         | true  | true
        /dev/pts/3         | false | true
        /home/me/next.csv  | true  | false
        pipe:[48213]       | true  | false
        /dev/null          | false | false
        """)
    void stdoutIsATerminalWhereItLeadsToOneWhateverStdinIs(String stdout, boolean console, boolean terminal) {
        // `cat plan.csv | evosld predict --runs /dev/stdin`: stdin a pipe, so the console is no terminal, but a
        // person still reads stdout
        assertEquals(terminal, ProgressDisplay.stdoutIsTerminal(console, Optional.of(stdout)));
    }

    @ParameterizedTest(name = "console terminal {0}, stdout unknown: a terminal {0}")
    @CsvSource({"true", "false"})
    void stdoutFollowsTheConsoleWhereItCannotBeTold(boolean terminal) {
        assertEquals(terminal, ProgressDisplay.stdoutIsTerminal(terminal, Optional.empty()));
    }
}
