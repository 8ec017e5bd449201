package dev.evosld.cli;

import java.util.List;
import org.jline.utils.WCWidth;

/**
 * How many columns of a terminal text takes, for padding the columns of a table: a CJK ideograph, kana, a Hangul
 * syllable or a fullwidth form takes two ({@code 模型甲} is six wide), a combining mark or a format character none
 * ({@code e} and U+0301 are one {@code é}), every other character one. Counting {@code char}s or code points instead
 * pushes the figures after such a name out of line.
 *
 * <p>The widths are JLine's {@code wcwidth} (Unicode's East Asian Wide and Fullwidth characters, emoji among them,
 * as terminals show them); a terminal with other tables may differ on rarer characters, never on the common ones.
 */
final class DisplayWidth {
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

    /**
     * A table row: the first cell left-aligned, the others right-aligned, each padded to its column's width and set
     * apart by a blank.
     */
    static String row(List<String> cells, int[] widths) {
        StringBuilder row = new StringBuilder(padEnd(cells.getFirst(), widths[0]));
        for (int c = 1; c < cells.size(); c++) {
            row.append(' ').append(padStart(cells.get(c), widths[c]));
        }
        return row.toString();
    }

    private static String blanks(String text, int width) {
        return " ".repeat(Math.max(0, width - of(text)));
    }

    /** The columns one code point takes; a control character, which wcwidth cannot place, none. */
    static int of(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }
}
