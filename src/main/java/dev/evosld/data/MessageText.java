package dev.evosld.data;

import java.util.Collection;
import java.util.stream.Collectors;

/** Formatting of user input inside one-line error messages. */
public final class MessageText {
    // Long enough to recognise a value, short enough to keep the message on one terminal line.
    private static final int MAX_SHOWN = 60;
    private static final int MAX_NAMES = 30;

    private MessageText() {
    }

    /**
     * Quotes a value from the input; control characters are escaped so that a value holding a line break
     * cannot break the message over two lines, and characters that do not show ({@link InvisibleCharacters}) are
     * spelled {@code \\uXXXX}, so that a name that looks right shows why it does not match.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8).append('\'');
        int shown = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            if (shown == MAX_SHOWN) {
                out.append("...");
                break;
            }
            appendShown(out, value.codePointAt(i));
            shown++;
        }
        return out.append('\'').toString();
    }

    /**
     * A value from the input, neither quoted nor cut, spelled as {@link #quote} spells it: for a message that shows
     * a value whole in its own notation (a JSON value, a number in double quotes).
     */
    public static String escaped(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> appendShown(out, c));
        return out.toString();
    }

    private static void appendShown(StringBuilder out, int c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (InvisibleCharacters.is(c)) {
                    out.append(InvisibleCharacters.spelled(c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }

    /** A comma-separated list of names, as in {@code (header has: group, N, loss)}; long lists are cut. */
    public static String names(Collection<String> names) {
        String shown = names.stream().limit(MAX_NAMES).map(MessageText::name).collect(Collectors.joining(", "));
        return names.size() > MAX_NAMES ? shown + ", ... (" + (names.size() - MAX_NAMES) + " more)" : shown;
    }

    /**
     * A name as it is when it reads plainly, else {@linkplain #quote quoted}: a name that is empty, has spaces at an
     * end, holds a comma (which a list of names would split) or a character that does not show.
     */
    public static String name(String name) {
        return name.isEmpty() || !name.strip().equals(name)
            || name.codePoints().anyMatch(c -> c == ',' || InvisibleCharacters.is(c))
            ? quote(name)
            : name;
    }

    /** Collapses runs of white space (YAML folding keeps some line breaks) into single spaces. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
