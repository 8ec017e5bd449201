package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void aPlainPathIsLeftAsItIs() {
        assertEquals("results/moe_scaling_law/2026-12-07T17-20-01Z-s0", ShellWords.quoted(
            Path.of("results/moe_scaling_law/2026-12-07T17-20-01Z-s0")));
    }

    @Test
    void spacesQuotesAndShellCharactersAreQuoted() {
        assertEquals("'my run'", ShellWords.quoted(Path.of("my run")));
        assertEquals("'runs/$HOME*'", ShellWords.quoted(Path.of("runs/$HOME*")));
        assertEquals("'it'\\''s'", ShellWords.quoted(Path.of("it's")));
    }
}
