package dev.evosld.data;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes a table as RFC 4180 CSV: a header line, then one line per row, every row as wide as the header.
 *
 * <p>A text field is quoted (with inner quotes doubled) only when it holds a comma, a double quote, a CR or
 * an LF, so plain group names and numbers stay unquoted. A {@link Double} or {@link Float} is written as
 * {@link NumberText#of} writes it ({@code 1e9}, {@code 120}, {@code 0.30000000000000004}: the fewest digits that read
 * back as the same double, not Java's {@code 1.0E9} and {@code 120.0}); an integral number ({@link Long},
 * {@link Integer}, {@link Short}, {@link Byte}, {@link BigInteger}) is written in decimal as it is. Lines end
 * with a bare LF rather than RFC 4180's CRLF, as the SLDBench files and pandas do; RFC 4180 readers accept
 * both. A missing value has no spelling here: {@code null} cells are rejected.
 *
 * <p>{@snippet :
 * try (CsvWriter csv = CsvWriter.of(writer, List.of("group", "n", "loss"))) {
 *     csv.row("all_data", 1.0e9, 2.41);
 * }
 * }
 */
public final class CsvWriter implements Closeable, Flushable {
    private static final String LINE_END = "\n";

    private final Writer out;
    private final int width;

    private CsvWriter(Writer out, int width) {
        this.out = out;
        this.width = width;
    }

    /**
     * Writes the header line to {@code out} and returns a writer for the rows. Closing the returned writer
     * closes {@code out}.
     */
    public static CsvWriter of(Writer out, List<String> header) throws IOException {
        Objects.requireNonNull(out, "out");
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a CSV header needs at least one column");
        }
        CsvWriter csv = new CsvWriter(out, header.size());
        csv.row(header);
        return csv;
    }

    /** Writes one row of {@code String} and number cells, as many as the header has columns. */
    public CsvWriter row(List<?> cells) throws IOException {
        if (cells.size() != width) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells under a header of " + width);
        }
        out.write(record(cells));
        out.write(LINE_END);
        return this;
    }

    /** Writes one row made of a group label followed by numbers, the shape of every SLDBench table. */
    public CsvWriter row(String group, double... values) throws IOException {
        Object[] cells = new Object[values.length + 1];
        cells[0] = group;
        for (int i = 0; i < values.length; i++) {
            cells[i + 1] = values[i];
        }
        return row(Arrays.asList(cells));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The whole CSV document, header line included, as a string. */
    public static String render(List<String> header, List<? extends List<?>> rows) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = of(text, header)) {
            for (List<?> row : rows) {
                csv.row(row);
            }
        } catch (IOException e) {
            // a StringWriter never fails
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** One CSV record, the cells formatted and joined by commas, without the line end. */
    public static String record(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(cells.get(i), i));
        }
        return line.toString();
    }

    /** A text field as RFC 4180 wants it: as is, or quoted with inner quotes doubled when it must be. */
    public static String quote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }

    private static String field(Object cell, int column) {
        return switch (cell) {
            case null -> throw new NullPointerException("CSV cell " + column + " is null");
            case String text -> quote(text);
            case Double value -> NumberText.of(value);
            case Float value -> NumberText.of(value);
            case Long value -> value.toString();
            case Integer value -> value.toString();
            case Short value -> value.toString();
            case Byte value -> value.toString();
            case BigInteger value -> value.toString();
            default -> throw new IllegalArgumentException(
                "CSV cell " + column + " is a " + cell.getClass().getName() + ", not a String or a number");
        };
    }
}
