package dev.evosld.export;

import dev.evosld.EvosldException;
import dev.evosld.eval.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The generated Java's table of parameters for many groups: rows of text in string constants, parsed once when
 * the class loads. A literal per value takes two of the class file's 65535 constant-pool entries and a group's
 * name another two, so literals outgrow the pool at a few thousand groups; a string constant holds many rows.
 *
 * <p>A row is a group: its name's length in chars, {@code :}, the name, then each value after a space (every
 * target's in turn) as {@link Double#toString} writes it, which reads back to the same bits, and a line break. The
 * length, not a separator, ends the name, so that a name may hold any character.
 */
final class JavaTextTable {
    /**
     * Bytes one string constant may take in the class file's modified UTF-8: the format allows 65535; a piece of a
     * long row may pass this by the half of a surrogate pair it is not cut between.
     */
    static final int CONSTANT_BYTES = 60_000;
    /**
     * Literals one constant is concatenated from: javac folds a concatenation recursively, one level per
     * {@code +}, so a long chain costs it stack depth.
     */
    static final int LITERALS_PER_CONSTANT = 500;

    private JavaTextTable() {
    }

    /** The method {@code parameters()} that builds the table of the given type from its rows. */
    static void write(StringBuilder out, ParameterSet parameters, String type) {
        List<String> targets = parameters.targets();
        int count = parameters.names().size();
        out.append("    // Many groups, so their values are text parsed once (rows of name length, ':', name and values):\n");
        out.append("    // a literal per value would overflow the class file's 65535 constant-pool entries.\n");
        out.append("    private static ").append(type).append(" parameters() {\n");
        out.append("        StringBuilder rows = new StringBuilder();\n");
        for (List<String> constant : constants(rows(parameters))) {
            out.append("        rows.append(\"\"");
            for (String literal : constant) {
                out.append("\n            + ").append(JavaExport.literal(literal));
            }
            out.append(");\n");
        }
        out.append("        ").append(type).append(" table = new HashMap<>();\n");
        out.append("        for (int at = 0; at < rows.length(); ) {\n");
        out.append("            int colon = rows.indexOf(\":\", at);\n");
        out.append("            int nameEnd = colon + 1 + Integer.parseInt(rows, at, colon, 10);\n");
        out.append("            int lineEnd = rows.indexOf(\"\\n\", nameEnd);\n");
        out.append("            // values[0] is the empty text before the first value's space\n");
        out.append("            String[] values = rows.substring(nameEnd, lineEnd).split(\" \");\n");
        out.append("            table.put(rows.substring(colon + 1, nameEnd), ");
        if (targets.size() == 1) {
            out.append(params(1, count));
        } else {
            out.append("List.of(");
            for (int t = 0; t < targets.size(); t++) {
                out.append(t == 0 ? "\n                " : ",\n                ").append(params(1 + t * count, count));
            }
            out.append(")");
        }
        out.append(");\n");
        out.append("            at = lineEnd + 1;\n");
        out.append("        }\n");
        out.append("        return Map.copyOf(table);\n    }\n\n");
    }

    private static String params(int first, int count) {
        StringJoiner joiner = new StringJoiner(", ", "new Params(", ")");
        for (int k = first; k < first + count; k++) {
            joiner.add("Double.parseDouble(values[" + k + "])");
        }
        return joiner.toString();
    }

    /** Every group's row, in the table's order. */
    static List<String> rows(ParameterSet parameters) {
        List<String> rows = new ArrayList<>();
        for (String group : parameters.groups()) {
            StringBuilder row = new StringBuilder().append(group.length()).append(':').append(group);
            for (int t = 0; t < parameters.targets().size(); t++) {
                for (double value : parameters.values(group, t)) {
                    if (!Double.isFinite(value)) {
                        throw new EvosldException("cannot export a parameter value of " + value);
                    }
                    row.append(' ').append(value);
                }
            }
            rows.add(row.append('\n').toString());
        }
        return rows;
    }

    /**
     * The rows as string constants, each the literals it is concatenated from: a row to a literal, and a row too
     * long for one constant cut into pieces, which the table joins again before it reads them.
     */
    static List<List<String>> constants(List<String> rows) {
        List<List<String>> constants = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String row : rows) {
            for (String piece : pieces(row)) {
                int size = bytes(piece);
                if (!current.isEmpty() && (bytes + size > CONSTANT_BYTES || current.size() == LITERALS_PER_CONSTANT)) {
                    constants.add(current);
                    current = new ArrayList<>();
                    bytes = 0;
                }
                current.add(piece);
                bytes += size;
            }
        }
        if (!current.isEmpty()) {
            constants.add(current);
        }
        return constants;
    }

    /** A row cut where it would outgrow a constant, never inside a surrogate pair. */
    private static List<String> pieces(String row) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < row.length(); i++) {
            int size = bytes(row.charAt(i));
            if (bytes + size > CONSTANT_BYTES && !Character.isLowSurrogate(row.charAt(i))) {
                pieces.add(row.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        pieces.add(row.substring(start));
        return pieces;
    }

    /** The length of text in the class file's modified UTF-8, where NUL takes two bytes. */
    static int bytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            bytes += bytes(text.charAt(i));
        }
        return bytes;
    }

    private static int bytes(char c) {
        return c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
}
