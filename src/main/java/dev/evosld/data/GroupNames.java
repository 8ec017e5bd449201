package dev.evosld.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The names that read as one number written in several ways ({@code 1}, {@code 01}, {@code 1.0}), each set in the
     * order of its first name, its names in the order given. They name groups apart, as text, but a user who numbered
     * runs in a spreadsheet that kept {@code 01} as text, or pasted in runs a program wrote as {@code 1.0}, most likely
     * meant one group.
     */
    public static List<List<String>> sameNumbers(List<String> names) {
        Map<Double, List<String>> byNumber = new LinkedHashMap<>();
        for (String name : names) {
            double number = TableReader.decimal(name);
            if (!Double.isNaN(number)) {
                // + 0.0 makes -0 the key of 0: a count of runs or a seed has no sign to tell them apart
                byNumber.computeIfAbsent(number + 0.0, key -> new ArrayList<>()).add(name);
            }
        }
        return byNumber.values().stream().filter(same -> same.size() > 1).map(List::copyOf).toList();
    }
}
