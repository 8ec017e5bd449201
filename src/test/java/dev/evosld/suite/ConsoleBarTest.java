package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** Ctrl-C while the bar is drawn is tested on a pseudo-terminal by {@code cli.InterruptHookTest}. */
class ConsoleBarTest {

    @Test
    void theBarIsAsWideAsProgressbarWouldDrawIt() throws Exception {
        // the tests' stderr is no terminal: both fall back to 80 columns, one kept free
        ProgressBarConsumer bar = ConsoleBar.onStderr();
        assertEquals(79, bar.getMaxRenderedLength());
        assertEquals(new ConsoleProgressBarConsumer(System.err).getMaxRenderedLength(), bar.getMaxRenderedLength());
        bar.close();
    }
}
