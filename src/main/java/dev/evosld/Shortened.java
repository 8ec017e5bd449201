package dev.evosld;

/**
 * Text cut to a length for a one-line message. Lengths count characters as a reader does (code points), and a cut
 * falls between them: a cut by UTF-16 units can split an emoji or another character outside the Basic Multilingual
 * Plane, leaving half of it, which terminals show as {@code ?}. Every command quotes a server's, a model's or a
 * user's text through this one cut.
 */
public final class Shortened {

    private Shortened() {
    }

    /** {@code text} whole if it has at most {@code max} characters, else its first {@code max - 1} and "…". */
    public static String of(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max);
        }
        return text.codePointCount(0, text.length()) <= max ? text
            : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
