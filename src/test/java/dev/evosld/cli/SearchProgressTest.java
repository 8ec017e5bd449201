package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchProgressTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);

    private String lines() {
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void onANonTerminalPrintsEveryTenthGenerationAndTheLast() {
        try (SearchProgress progress = new SearchProgress(err, "moe_scaling_law", 25, false)) {
            for (int g = 1; g <= 25; g++) {
                progress.onGeneration(g, 25, 0.5 + g / 100.0, 40 + g, g / 50.0);
            }
        }

        assertEquals("""
            evosld: generation 10/25: best val R² 0.600000 · 50 cand/s · cache 20%
            evosld: generation 20/25: best val R² 0.700000 · 60 cand/s · cache 40%
            evosld: generation 25/25: best val R² 0.750000 · 65 cand/s · cache 50%
            """, lines());
    }

    @Test
    void aLastGenerationThatIsAMultipleOfTenIsPrintedOnce() {
        try (SearchProgress progress = new SearchProgress(err, "t", 20, false)) {
            progress.onGeneration(19, 20, 0.9, 10, 0);
            progress.onGeneration(20, 20, 0.91, 10, 0);
        }

        assertEquals("evosld: generation 20/20: best val R² 0.910000 · 10 cand/s · cache 0%\n", lines());
    }

    @Test
    void roundsTheRateAndCacheShareAndKeepsSixDecimalsOfR2() {
        try (SearchProgress progress = new SearchProgress(err, "t", 10, false)) {
            progress.onGeneration(10, 10, 0.987654, 12.5, 0.3333);
        }

        // %.0f rounds half up: 12.5 cand/s shows as 13
        assertEquals("evosld: generation 10/10: best val R² 0.987654 · 13 cand/s · cache 33%\n", lines());
    }

    @Test
    void showsANegativeOrUndefinedR2AsItIs() {
        try (SearchProgress progress = new SearchProgress(err, "t", 20, false)) {
            progress.onGeneration(10, 20, -3.25, 0, 1);
            progress.onGeneration(20, 20, Double.NaN, 0, 1);
        }

        assertEquals("""
            evosld: generation 10/20: best val R² -3.250000 · 0 cand/s · cache 100%
            evosld: generation 20/20: best val R² NaN · 0 cand/s · cache 100%
            """, lines());
    }

    @Test
    void usesADecimalPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            // a German default would otherwise print 0,5000 in logs that other tools parse
            Locale.setDefault(Locale.GERMANY);
            try (SearchProgress progress = new SearchProgress(err, "t", 10, false)) {
                progress.onGeneration(10, 10, 0.5, 1234.4, 0.5);
            }
        } finally {
            Locale.setDefault(before);
        }

        assertEquals("evosld: generation 10/10: best val R² 0.500000 · 1234 cand/s · cache 50%\n", lines());
    }

    @Test
    void messagesArePrintedAtOnceBetweenGenerationLines() {
        try (SearchProgress progress = new SearchProgress(err, "t", 10, false)) {
            progress.onGeneration(5, 10, 0.1, 1, 0);
            progress.onMessage("llm: proposal 3 did not parse");
            progress.onGeneration(10, 10, 0.2, 1, 0);
            progress.onMessage("checkpoint written to out/checkpoint.json");
        }

        assertEquals("""
            evosld: llm: proposal 3 did not parse
            evosld: generation 10/10: best val R² 0.200000 · 1 cand/s · cache 0%
            evosld: checkpoint written to out/checkpoint.json
            """, lines());
    }

    @Test
    void eachLineIsFlushedWithoutWaitingForClose() {
        // a log tailed during a long run must show progress while it runs
        StringWriter log = new StringWriter();
        SearchProgress progress = new SearchProgress(new PrintWriter(new BufferedWriter(log)), "t", 10, false);

        progress.onGeneration(10, 10, 0.25, 2, 0);
        progress.onMessage("hello");

        assertEquals("""
            evosld: generation 10/10: best val R² 0.250000 · 2 cand/s · cache 0%
            evosld: hello
            """, log.toString().replace(System.lineSeparator(), "\n"));
        progress.close();
    }

    @Test
    void onATerminalGenerationsGoToTheBarNotToTheWriter() {
        try (SearchProgress progress = new SearchProgress(err, "t", 10, true)) {
            progress.onGeneration(10, 10, 0.5, 1, 0);
            progress.onMessage("still told");
        }

        // the bar's last frame is erased first: the line would otherwise follow it on its row ("… best val R² 1.000evosld:")
        assertEquals("\r\u001b[Kevosld: still told\n", lines());
    }

    @Test
    void onATerminalALineOfTheCommandsOwnTakesTheBarsRowToo() {
        // discover's notes come before the first generation, while the bar already shows 0/N
        try (SearchProgress progress = new SearchProgress(err, "t", 10, true)) {
            progress.line("evosld: note: a note of discover's own");
        }

        assertEquals("\r\u001b[Kevosld: note: a note of discover's own\n", lines());
    }

    @Test
    void withoutATerminalALineOfTheCommandsOwnIsPrintedAsItIs() {
        StringWriter log = new StringWriter();
        SearchProgress progress = new SearchProgress(new PrintWriter(new BufferedWriter(log)), "t", 10, false);
        progress.line("evosld: note: a note of discover's own");

        assertEquals("evosld: note: a note of discover's own\n", log.toString().replace(System.lineSeparator(), "\n"));
        progress.close();
    }

    @Test
    void anR2NearOneKeepsTheDigitsThatStillMove() {
        // parallel's search read 'best val R² 1.0000' from its 10th generation to its 180th, then its summary 0.999976
        try (SearchProgress progress = new SearchProgress(err, "t", 20, false)) {
            progress.onGeneration(10, 20, 0.99996, 40, 0.8);
            progress.onGeneration(20, 20, 0.9999759698, 40, 0.8);
        }

        assertEquals("""
            evosld: generation 10/20: best val R² 0.999960 · 40 cand/s · cache 80%
            evosld: generation 20/20: best val R² 0.999976 · 40 cand/s · cache 80%
            """, lines());
    }
}
