package dev.evosld.cli;

/**
 * How many columns of a terminal text takes, for padding the columns of a table: a CJK ideograph, kana, a Hangul
 * syllable or a fullwidth form takes two ({@code 模型甲} is six wide), a combining mark or a format character none
 * ({@code e} and U+0301 are one {@code é}), every other character one. Counting {@code char}s or code points instead
 * pushes the figures after such a name out of line.
 *
 * <p>The wide characters are Unicode's East Asian Wide and Fullwidth ones, taken by block as most terminals take them
 * (as {@code wcwidth} does), with the blocks of emoji that terminals show two wide; a terminal with other tables may
 * differ on rarer characters, never on the common ones.
 */
final class DisplayWidth {
    /** First and last code point of each wide range, in order. */
    private static final int[][] WIDE = {
        {0x1100, 0x115F},   // Hangul Jamo initial consonants
        {0x2329, 0x232A},   // angle brackets
        {0x2E80, 0x303E},   // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
        {0x3041, 0x33FF},   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed
        {0x3400, 0x4DBF},   // CJK unified ideographs extension A
        {0x4E00, 0x9FFF},   // CJK unified ideographs
        {0xA000, 0xA4CF},   // Yi
        {0xA960, 0xA97F},   // Hangul Jamo extended-A
        {0xAC00, 0xD7A3},   // Hangul syllables
        {0xF900, 0xFAFF},   // CJK compatibility ideographs
        {0xFE10, 0xFE19},   // vertical forms
        {0xFE30, 0xFE6F},   // CJK compatibility forms, small form variants
        {0xFF00, 0xFF60},   // fullwidth forms (the halfwidth ones after them are narrow)
        {0xFFE0, 0xFFE6},   // fullwidth signs
        {0x16FE0, 0x1B2FF}, // ideographic symbols, Tangut, Khitan, kana supplements, Nushu
        {0x1F200, 0x1F2FF}, // enclosed ideographic supplement
        {0x1F300, 0x1F64F}, // miscellaneous symbols and pictographs, emoticons
        {0x1F680, 0x1F6FF}, // transport and map symbols
        {0x1F900, 0x1F9FF}, // supplemental symbols and pictographs
        {0x1FA70, 0x1FAFF}, // symbols and pictographs extended-A
        {0x20000, 0x2FFFD}, // CJK ideographs of the supplementary ideographic plane
        {0x30000, 0x3FFFD}, // and of the tertiary one
    };

    private DisplayWidth() {
    }

    /** The columns {@code text} takes. */
    static int of(String text) {
        return text.codePoints().map(DisplayWidth::of).sum();
    }

    /** {@code text} followed by blanks up to {@code width} columns; as it is when it takes that many or more. */
    static String padEnd(String text, int width) {
        return text + blanks(text, width);
    }

    /** Blanks up to {@code width} columns followed by {@code text}, for a right-aligned column. */
    static String padStart(String text, int width) {
        return blanks(text, width) + text;
    }

    private static String blanks(String text, int width) {
        return " ".repeat(Math.max(0, width - of(text)));
    }

    /** The columns one code point takes. */
    static int of(int codePoint) {
        if (isZeroWidth(codePoint)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isZeroWidth(int codePoint) {
        // the vowels and finals of conjoining Hangul Jamo join the initial before them into one wide syllable
        if (codePoint >= 0x1160 && codePoint <= 0x11FF) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.CONTROL -> true;
            // a soft hyphen is shown where a terminal shows it at all
            case Character.FORMAT -> codePoint != 0x00AD;
            default -> false;
        };
    }

    private static boolean isWide(int codePoint) {
        int low = 0;
        int high = WIDE.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < WIDE[middle][0]) {
                high = middle - 1;
            } else if (codePoint > WIDE[middle][1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
