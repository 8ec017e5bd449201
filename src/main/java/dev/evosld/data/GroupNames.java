package dev.evosld.data;

import java.text.Normalizer;
import java.util.OptionalInt;

/**
 * What a group name may not hold, wherever it comes from: a CSV the user wrote, or a label the dataset viewer sent
 * for a CSV that EvoSLD writes and reads back later. Each caller words its own refusal, since only it knows what the
 * user can do about the name.
 */
public final class GroupNames {

    private GroupNames() {
    }

    /**
     * A group name in one Unicode form (NFC), wherever it is read: an accented letter may be typed as one character or
     * as a letter and a combining mark (as some editors and systems write it), which look the same and would otherwise
     * name two groups, or a group that a file of planned runs or of parameters does not find.
     */
    public static String canonical(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** Whether a name holds a line break: every message, progress line and table that names a group is one line. */
    public static boolean breaksLine(String name) {
        return name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
    }

    /**
     * The first character of a name that does not show, spaces aside: a byte order mark left by joining two files or
     * a zero-width space pasted from a web page would make a group of its own beside the one it looks like, fitted
     * apart and silently. Spaces show (a no-break space as any other).
     */
    public static OptionalInt hiddenCharacter(String name) {
        return name.codePoints()
            .filter(c -> InvisibleCharacters.is(c) && Character.getType(c) != Character.SPACE_SEPARATOR)
            .findFirst();
    }
}
