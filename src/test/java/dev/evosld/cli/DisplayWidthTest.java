package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void asciiTakesAColumnACharacter() {
        assertEquals(0, DisplayWidth.of(""));
        assertEquals(17, DisplayWidth.of("parallel_scaling_"));
    }

    @Test
    void cjkKanaHangulAndFullwidthFormsTakeTwoColumns() {
        assertEquals(6, DisplayWidth.of("模型甲"));
        assertEquals(8, DisplayWidth.of("かなカナ"));
        assertEquals(4, DisplayWidth.of("한국"));
        assertEquals(6, DisplayWidth.of("ＡＢ１"));
        assertEquals(8, DisplayWidth.of("moe_模型"), "ASCII and CJK mixed");
        // an ideograph beyond the basic plane: two chars, one code point, two columns
        assertEquals(2, DisplayWidth.of("\uD840\uDC0B"));
        assertEquals(2, DisplayWidth.of("🚀"));
    }

    @Test
    void halfwidthFormsAndOtherScriptsTakeOne() {
        assertEquals(3, DisplayWidth.of("ｶﾀｶ"));
        assertEquals(5, DisplayWidth.of("λόγος"));
        assertEquals(6, DisplayWidth.of("модель"));
    }

    @Test
    void combiningMarksAndFormatCharactersTakeNone() {
        assertEquals(4, DisplayWidth.of("cafe\u0301"));
        assertEquals(DisplayWidth.of("café"), DisplayWidth.of("cafe\u0301"));
        assertEquals(2, DisplayWidth.of("a\u200Bb"), "zero-width space");
        assertEquals(2, DisplayWidth.of("\u1100\u1161\u11A8"), "conjoining Jamo make one syllable");
        assertEquals(2, DisplayWidth.of("か\u3099"), "a combining voiced mark on kana");
    }

    @Test
    void padsToTheColumnsGivenAndLeavesWiderTextAsItIs() {
        assertEquals("模型甲  |", DisplayWidth.padEnd("模型甲", 8) + "|");
        assertEquals("  模型甲", DisplayWidth.padStart("模型甲", 8));
        assertEquals("cafe\u0301    |", DisplayWidth.padEnd("cafe\u0301", 8) + "|");
        assertEquals("模型甲", DisplayWidth.padEnd("模型甲", 4));
        assertEquals("模型甲", DisplayWidth.padStart("模型甲", 4));
    }

    @Test
    void paddedTextTakesExactlyTheColumnsAskedForWhenItFits() {
        qt().withFixedSeed(36L).withExamples(2000)
            .forAll(strings().betweenCodePoints(0x20, 0x3FFFD).ofLengthBetween(0, 12), integers().between(0, 40))
            .checkAssert((text, width) -> {
                int padded = DisplayWidth.of(DisplayWidth.padEnd(text, width));
                assertEquals(Math.max(width, DisplayWidth.of(text)), padded, text);
                assertEquals(padded, DisplayWidth.of(DisplayWidth.padStart(text, width)), text);
            });
    }
}
