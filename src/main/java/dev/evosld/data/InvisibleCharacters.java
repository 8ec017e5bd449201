package dev.evosld.data;

import java.util.Locale;

/**
 * Characters that do not show as themselves in a terminal or an editor, so that a message quoting user input
 * (a CSV header, a group name, a law an LLM wrote) can spell them out: a name that looks right then shows why
 * it does not match.
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    /**
     * Whether a code point does not show as itself: control and format characters (a byte order mark, a
     * zero-width space), spaces other than U+0020 (a no-break space looks like one), and private-use, unassigned
     * or lone surrogate code points.
     */
    public static boolean is(int codePoint) {
        return codePoint != ' ' && switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** A code point spelled as {@code \\uXXXX}, one per UTF-16 unit, as Java and JSON write it. */
    public static String spelled(int codePoint) {
        StringBuilder out = new StringBuilder(12);
        for (char unit : Character.toChars(codePoint)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) unit));
        }
        return out.toString();
    }
}
