package dev.evosld.run;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Paths written into commands a user copies back into a shell. */
public final class ShellWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private ShellWords() {
    }

    /** The path as one shell word: as it is where that is safe, else in single quotes ({@code 'my run'}). */
    public static String quoted(Path path) {
        String text = path.toString();
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
