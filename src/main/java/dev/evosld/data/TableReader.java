package dev.evosld.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Reads the rows of a CSV file of runs: columns are found by header name (their order in the file does not
 * matter and other columns are ignored), cells must be finite decimal numbers.
 */
final class TableReader {
    /** The group column of SLDBench files. */
    static final String GROUP_COLUMN = "group";
    /** The name of the one group of a file without a group column. */
    static final String SINGLE_GROUP = "all";

    // Decimal numbers only: Double.parseDouble would also take "NaN", "0x1p3", "1d" and surrounding blanks,
    // none of which a data file should contain.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    // 1,000 or -2,500.5 as a spreadsheet formats them; 0,250 is rather a decimal comma
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d*)?");

    private TableReader() {
    }

    /** A decimal number written by hand (a split rule, a planned run), or NaN when the text is not one. */
    static double decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        return underflows(text, value) || losesDigits(text, value) ? Double.NaN : value;
    }

    /**
     * Whether a decimal read as a double below the normal ones, which keep fewer digits the smaller they get, lost
     * digits it was written with: 1.01e-323 and 1.02e-323 both read as 9.9e-324, so runs that differ would become one.
     * One written with the digits its double holds (4.9e-324, as EvoSLD writes it) is read.
     */
    private static boolean losesDigits(String decimal, double value) {
        if (value == 0 || Math.abs(value) >= Double.MIN_NORMAL) {
            return false;
        }
        BigDecimal written = new BigDecimal(decimal);
        BigDecimal held = new BigDecimal(value).round(new MathContext(written.precision(), RoundingMode.HALF_EVEN));
        return held.compareTo(written) != 0;
    }

    /** Whether a decimal with a nonzero digit read as 0: too small for a double (1e-400), not a zero. */
    private static boolean underflows(String decimal, double value) {
        if (value != 0) {
            return false;
        }
        int e = Math.max(decimal.indexOf('e'), decimal.indexOf('E'));
        return (e < 0 ? decimal : decimal.substring(0, e)).chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    /**
     * Reads a file.
     *
     * @param groupColumn the column holding group names, or {@code null} for a single group {@value #SINGLE_GROUP}
     */
    static Rows read(Path file, String groupColumn, List<String> features, List<String> targets) {
        return readFile(file, in -> read(in, file.toString(), groupColumn, features, targets));
    }

    /** The column names of a file's header line. */
    static List<String> header(Path file) {
        return readFile(file, in -> header(in, file.toString()));
    }

    /**
     * A file's whole text, for a reader that looks at it twice (its header, then its rows): a pipe, such as
     * {@code /dev/stdin}, can be read only once.
     */
    static String text(Path file) {
        return readFile(file, in -> {
            StringWriter text = new StringWriter();
            in.transferTo(text);
            return text.toString();
        });
    }

    /** The column names of the header line of a file's {@link #text}; {@code source} names the file in errors. */
    static List<String> header(String text, String source) {
        try {
            return header(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a string has no I/O to fail
        }
    }

    /** Reads a file's {@link #text}, as {@link #read(Path, String, List, List)} reads the file. */
    static Rows read(String text, String source, String groupColumn, List<String> features, List<String> targets) {
        try {
            return read(new StringReader(text), source, groupColumn, features, targets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(Reader in, String source) throws IOException {
        CsvReader.Row header = new CsvReader(in, source).next();
        if (header == null) {
            throw new DataException(source + ": empty file (expected a header line)");
        }
        return header.fields().stream().map(String::strip).toList();
    }

    private interface ReaderFunction<T> {
        T apply(Reader in) throws IOException;
    }

    private static <T> T readFile(Path file, ReaderFunction<T> reading) {
        String source = file.toString();
        if (source.isEmpty()) {
            throw new DataException("no file named (an empty path)");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(source + ": a folder, not a CSV file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reading.apply(in);
        } catch (NoSuchFileException e) {
            throw new DataException(source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DataException(source + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new DataException(source + firstMalformedLine(file) + ": not UTF-8 text" + utf16Hint(file), e);
        } catch (IOException e) {
            throw new DataException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The line of a file's first byte that is not UTF-8. The decoder reports a problem a whole buffer ahead of
     * the record being parsed, so the line is found again from the bytes, on this error path only.
     *
     * @return {@code ":line"}, or nothing if the file cannot be read again
     */
    private static String firstMalformedLine(Path file) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            CharBuffer chars = CharBuffer.allocate(8192);
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, true);
            } while (result.isOverflow());
            int line = 1;
            for (int i = 0; i < bytes.position(); i++) {
                line += bytes.get(i) == '\n' ? 1 : 0;
            }
            return ":" + line;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * What a file that starts with UTF-16's byte order mark is, and how to save it as a CSV that can be read: a
     * spreadsheet's 'Unicode Text' is UTF-16, which no byte of it says to a user who sees only "not UTF-8".
     *
     * @return the words to add, or nothing for another file or one that cannot be read again
     */
    private static String utf16Hint(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            boolean utf16 = start.length == 2 && (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE
                || start[0] == (byte) 0xFE && start[1] == (byte) 0xFF);
            return utf16 ? " but UTF-16 (as a spreadsheet saves 'Unicode Text'); save it as 'CSV UTF-8'" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads CSV text; {@code source} names it in error messages. */
    static Rows read(Reader in, String source, String groupColumn, List<String> features, List<String> targets)
            throws IOException {
        List<String> wanted = new ArrayList<>(features.size() + targets.size());
        wanted.addAll(features);
        wanted.addAll(targets);
        if (groupColumn != null && wanted.contains(groupColumn)) {
            throw new DataException(source + ": column '" + groupColumn + "' holds the group names, so it cannot also be a feature or target");
        }
        CsvReader csv = new CsvReader(in, source);
        CsvReader.Row header = csv.next();
        if (header == null) {
            throw new DataException(source + ": empty file (expected a header line)");
        }
        List<String> required = new ArrayList<>();
        if (groupColumn != null) {
            required.add(groupColumn);
        }
        required.addAll(wanted);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            // blanks around a name are padding (a spreadsheet's or printf's), not part of it
            String name = header.fields().get(i).strip();
            // Unnamed columns (pandas writes its index that way) are ignored like any column nobody asks for, and so
            // is a name given twice that is not asked for: only a column read could be the wrong one of two
            if (!name.isEmpty() && index.putIfAbsent(name, i) != null && required.contains(name)) {
                throw new DataException(source + ":" + header.line() + ": duplicate column " + MessageText.quote(name));
            }
        }
        for (String name : required) {
            if (!index.containsKey(name)) {
                throw new DataException(source + ":" + header.line() + ": missing column " + MessageText.quote(name)
                    + " (header has: " + MessageText.names(header.fields().stream().map(String::strip).toList()) + ")"
                    + separatorHint(header.fields()) + caseHint(name, index.keySet()));
            }
        }
        int[] columnOf = wanted.stream().mapToInt(index::get).toArray();
        int groupAt = groupColumn == null ? -1 : index.get(groupColumn);
        int width = header.fields().size();

        Builder rows = new Builder(source, features, targets);
        double[] values = new double[wanted.size()];
        int blank = 0;
        String blankKind = null;
        for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
            List<String> fields = row.fields();
            if (fields.stream().allMatch(String::isBlank)) {
                // blank lines at the end of a file are an editor's, rows of commas a spreadsheet's (cells once
                // formatted); one between runs may be two files joined. In a file of one column (predict's runs of N
                // alone) such a line is no run with an empty cell either
                blank = blank == 0 ? row.line() : blank;
                blankKind = blank == row.line() ? (fields.size() == 1 ? "blank line" : "row of empty cells") : blankKind;
                continue;
            }
            if (blank != 0) {
                throw new DataException(source + ":" + blank + ": " + blankKind);
            }
            if (fields.size() != width) {
                throw new DataException(source + ":" + row.line() + ": expected " + width
                    + " fields as in the header, found " + fields.size() + trailingCommaHint(header.fields(), fields));
            }
            String group = SINGLE_GROUP;
            if (groupAt >= 0) {
                group = GroupNames.canonical(fields.get(groupAt).strip());
                if (group.isEmpty()) {
                    throw new DataException(source + ":" + row.line() + ": column " + MessageText.quote(groupColumn)
                        + ": empty group name");
                }
                requireVisible(group, source, row.line(), groupColumn);
            }
            for (int c = 0; c < columnOf.length; c++) {
                values[c] = parse(fields.get(columnOf[c]), source, row.line(), wanted.get(c));
            }
            rows.add(group, row.line(), values);
        }
        if (rows.size == 0) {
            throw new DataException(source + ": no data rows, only a header");
        }
        return rows.build();
    }

    /** Refuses a group name that the messages and tables naming it could not show as it is (see {@link GroupNames}). */
    private static void requireVisible(String group, String source, int line, String column) {
        if (GroupNames.breaksLine(group)) {
            throw new DataException(source + ":" + line + ": column " + MessageText.quote(column) + ": "
                + MessageText.quote(group) + " holds a line break; a group name must fit on one line, as the messages"
                + " and tables that name it do, so join its lines");
        }
        GroupNames.hiddenCharacter(group).ifPresent(c -> {
            throw new DataException(source + ":" + line + ": column " + MessageText.quote(column) + ": "
                + MessageText.quote(group) + " holds a character that does not show"
                + String.format(Locale.ROOT, " (U+%04X),", c) + " so it would name a group apart from the one it looks like");
        });
    }

    private static double parse(String text, String source, int line, String column) {
        String cell = blanksStripped(text);
        if (DECIMAL.matcher(cell).matches()) {
            double value = Double.parseDouble(cell);
            if (underflows(cell, value)) {
                throw new DataException(source + ":" + line + ": column " + MessageText.quote(column) + ": "
                    + MessageText.quote(cell) + " is too small for a double and would read as 0; rescale the column");
            }
            if (losesDigits(cell, value)) {
                throw new DataException(source + ":" + line + ": column " + MessageText.quote(column) + ": "
                    + MessageText.quote(cell) + " is too small for a double to hold its digits (it would read as "
                    + NumberText.of(value) + "); rescale the column");
            }
            if (Double.isFinite(value)) {
                return value;
            }
        }
        String problem = cell.isEmpty() ? "empty cell"
            : DECIMAL.matcher(cell).matches() || NON_FINITE.matcher(cell).matches() ? "not a finite number: " + MessageText.quote(cell)
            : "not a number: " + MessageText.quote(cell) + commaHint(cell);
        throw new DataException(source + ":" + line + ": column " + MessageText.quote(column) + ": " + problem);
    }

    /**
     * The rows of one file in file order, before they are split and grouped: callers may choose rows (a user's
     * split rule) and need the physical line of each row for their own messages.
     */
    static final class Rows {
        private final String source;
        private final List<String> features;
        private final List<String> targets;
        private final String[] groups;
        private final int[] lines;
        private final double[][] columns;

        private Rows(String source, List<String> features, List<String> targets, String[] groups, int[] lines,
                double[][] columns) {
            this.source = source;
            this.features = List.copyOf(features);
            this.targets = List.copyOf(targets);
            this.groups = groups;
            this.lines = lines;
            this.columns = columns;
        }

        String source() {
            return source;
        }

        int size() {
            return lines.length;
        }

        String group(int row) {
            return groups[row];
        }

        int line(int row) {
            return lines[row];
        }

        /** The value of feature {@code j} in row {@code row}. */
        double feature(int j, int row) {
            return columns[j][row];
        }

        /**
         * Fails on the first target value outside {@code range}, naming its line: a run cannot have scored what
         * the task says is impossible, so either the file or the range is wrong.
         */
        Rows requireTargetsWithin(TaskConfig.Bound range) {
            for (int t = 0; t < targets.size(); t++) {
                double[] values = columns[features.size() + t];
                for (int row = 0; row < values.length; row++) {
                    if (values[row] < range.lower() || values[row] > range.upper()) {
                        // one range holds for every target, which a user naming an accuracy's beside a loss may
                        // not know
                        throw new DataException(source + ":" + lines[row] + ": column "
                            + MessageText.quote(targets.get(t)) + ": " + NumberText.of(values[row]) + (targets.size() == 1
                            ? " is outside the target's possible values " + range.describe()
                            : " is outside the possible values " + range.describe() + ", which hold for every target ("
                                + String.join(", ", targets) + "); give a range that all of them keep"));
                    }
                }
            }
            return this;
        }

        /** All rows as a table. */
        Table table() {
            return table(row -> true);
        }

        /**
         * The chosen rows as a table, groups in order of their first chosen row.
         *
         * @throws IllegalArgumentException if no row is chosen
         */
        Table table(IntPredicate chosen) {
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            for (int row = 0; row < size(); row++) {
                if (chosen.test(row)) {
                    members.computeIfAbsent(groups[row], g -> new ArrayList<>()).add(row);
                }
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("no rows chosen from " + source);
            }
            List<Group> result = new ArrayList<>(members.size());
            members.forEach((name, rows) -> result.add(Group.adopt(name,
                gather(0, features.size(), rows), gather(features.size(), targets.size(), rows))));
            return new Table(features, targets, result);
        }

        private double[][] gather(int first, int count, List<Integer> rows) {
            double[][] out = new double[count][rows.size()];
            for (int c = 0; c < count; c++) {
                for (int i = 0; i < rows.size(); i++) {
                    out[c][i] = columns[first + c][rows.get(i)];
                }
            }
            return out;
        }
    }

    /** Collects rows into growing column arrays. */
    private static final class Builder {
        private final String source;
        private final List<String> features;
        private final List<String> targets;
        private String[] groups = new String[64];
        private int[] lines = new int[64];
        private double[][] columns;
        private int size;

        Builder(String source, List<String> features, List<String> targets) {
            this.source = source;
            this.features = features;
            this.targets = targets;
            this.columns = new double[features.size() + targets.size()][64];
        }

        void add(String group, int line, double[] values) {
            if (size == lines.length) {
                int capacity = size * 2;
                groups = Arrays.copyOf(groups, capacity);
                lines = Arrays.copyOf(lines, capacity);
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = Arrays.copyOf(columns[c], capacity);
                }
            }
            groups[size] = group;
            lines[size] = line;
            for (int c = 0; c < columns.length; c++) {
                columns[c][size] = values[c];
            }
            size++;
        }

        Rows build() {
            double[][] trimmed = new double[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                trimmed[c] = Arrays.copyOf(columns[c], size);
            }
            return new Rows(source, features, targets, Arrays.copyOf(groups, size), Arrays.copyOf(lines, size), trimmed);
        }
    }

    /**
     * A hint for a line one field longer or shorter than the header by an empty last field: a comma that ends the
     * lines or the header alone (a script's print with a separator after every value), where all else lines up.
     */
    private static String trailingCommaHint(List<String> header, List<String> fields) {
        if (fields.size() == header.size() + 1 && fields.getLast().isBlank()) {
            return ": the line ends in a comma, which the header does not (end both alike)";
        }
        if (fields.size() == header.size() - 1 && header.getLast().isBlank()) {
            return ": the header ends in a comma, which the line does not (end both alike)";
        }
        return "";
    }

    /** A hint for a number written with a comma, which a spreadsheet of another locale writes. */
    private static String commaHint(String cell) {
        if (THOUSANDS.matcher(cell).matches()) {
            return " (thousands separators are not read: write " + cell.replace(",", "") + ")";
        }
        if (DECIMAL.matcher(cell.replace(',', '.')).matches() && cell.indexOf(',') == cell.lastIndexOf(',')) {
            return " (a decimal comma: write " + cell.replace(',', '.') + ")";
        }
        // a paper's or a word processor's minus sign looks like the hyphen-minus it is not
        if (DECIMAL.matcher(cell.replace('\u2212', '-')).matches()) {
            return " (a typographic minus, U+2212: write " + cell.replace('\u2212', '-') + ")";
        }
        if (cell.endsWith("%") && DECIMAL.matcher(cell.substring(0, cell.length() - 1)).matches()) {
            String number = cell.substring(0, cell.length() - 1);
            return " (a percentage: write " + NumberText.of(new BigDecimal(number).movePointLeft(2).doubleValue())
                + ", or " + number + " without the sign)";
        }
        return "";
    }

    /**
     * {@code text} without the blanks around it, the no-break spaces of a number pasted from a web page or a word
     * processor among them, which {@link String#strip} keeps.
     */
    private static String blanksStripped(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A hint for a column asked for under a name the header spells in another case: names are case-sensitive. */
    private static String caseHint(String name, Set<String> header) {
        return header.stream().filter(column -> column.equalsIgnoreCase(name)).findFirst()
            .map(column -> "; did you mean " + MessageText.quote(column) + "? Names are case-sensitive").orElse("");
    }

    /** A hint for a header read as one column that another separator would split: the file is not comma-separated. */
    private static String separatorHint(List<String> fields) {
        if (fields.getFirst().strip().startsWith("sep=") && fields.size() <= 2
                && String.join(",", fields).strip().length() <= "sep=".length() + 2) {
            // Excel's line naming the separator, above the header of a CSV it was told to keep so
            return "; the first line, " + MessageText.quote(String.join(",", fields).strip()) + ", is a spreadsheet's note"
                + " of the separator, not the header: delete it";
        }
        if (fields.size() != 1) {
            return "";
        }
        for (String separator : List.of(";", "\t", "|")) {
            if (fields.getFirst().contains(separator)) {
                return "; the file seems separated by " + (separator.equals("\t") ? "tabs" : "'" + separator + "'")
                    + ", and EvoSLD reads comma-separated files";
            }
        }
        return "";
    }
}
