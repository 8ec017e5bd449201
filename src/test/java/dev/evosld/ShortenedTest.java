package dev.evosld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShortenedTest {

    @Test
    void aTextOfAtMostTheLengthIsKeptWhole() {
        assertEquals("HTTP 500", Shortened.of("HTTP 500", 8));
        assertEquals("", Shortened.of("", 1));
        // four emoji are four characters, eight UTF-16 units
        assertEquals("😀😀😀😀", Shortened.of("😀😀😀😀", 4));
    }

    @Test
    void aLongerTextKeepsItsFirstCharactersAndAnEllipsisWithinTheLength() {
        assertEquals("abcd…", Shortened.of("abcdefgh", 5));
        assertEquals("😀😀…", Shortened.of("😀😀😀😀", 3));
        assertEquals("…", Shortened.of("ab", 1));
    }

    @Test
    void aCutKeepsWholeCharactersUpToTheLength() {
        // characters of one and of two UTF-16 units, in random order
        String[] characters = {"a", "é", "中", "😀", "𝔸"};
        qt().withFixedSeed(37).forAll(lists().of(integers().between(0, characters.length - 1)).ofSizeBetween(0, 30),
                integers().between(1, 35))
            .checkAssert((picks, max) -> {
                String text = picks.stream().map(i -> characters[i]).collect(Collectors.joining());
                String cut = Shortened.of(text, max);
                if (picks.size() <= max) {
                    assertEquals(text, cut);
                } else {
                    String kept = cut.substring(0, cut.length() - 1);
                    assertEquals("…", cut.substring(kept.length()));
                    assertEquals(picks.stream().limit(max - 1).map(i -> characters[i]).collect(Collectors.joining()),
                        kept);
                }
            });
    }
}
