package dev.evosld.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A strict, streaming RFC 4180 reader: fields separated by commas, records by CRLF or LF, fields optionally
 * enclosed in double quotes, a quote inside a quoted field written twice. A quoted field may hold commas and
 * line breaks; the final line break is optional.
 *
 * <p>Records carry the physical line number on which they start, so errors point at the line an editor
 * shows even when quoted fields span several lines. Anything RFC 4180 does not allow (a quote inside an
 * unquoted field, text after a closing quote, a carriage return without a line feed, an unterminated quote)
 * is a {@link DataException} rather than a guess, because a guess could silently shift columns.
 */
final class CsvReader {
    private static final int EOF = -1;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** One record: its fields and the physical line (1-based) on which it starts. */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    private final Reader in;
    private final String source;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int line = 1;
    private boolean started;
    private boolean finished;

    /**
     * @param in the text to read; not closed by this reader
     * @param source how errors name the input, usually its path
     */
    CsvReader(Reader in, String source) {
        this.in = Objects.requireNonNull(in);
        this.source = Objects.requireNonNull(source);
    }

    /** The next record, or {@code null} at the end of the input. */
    Row next() throws IOException {
        if (finished) {
            return null;
        }
        int c = read();
        if (!started) {
            started = true;
            // Spreadsheet programs often start UTF-8 files with a byte order mark; it is not part of the header.
            if (c == BYTE_ORDER_MARK) {
                c = read();
            }
        }
        if (c == EOF) {
            finished = true;
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"') {
                c = readQuoted(field);
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                    if (c == '"') {
                        throw error(line, "quote inside an unquoted field (quote the whole field and double the quotes inside it)");
                    }
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            switch (c) {
                case ',' -> c = read();
                case '\r' -> {
                    if (read() != '\n') {
                        throw error(line, "carriage return not followed by a line feed");
                    }
                    line++;
                    return new Row(start, fields);
                }
                case '\n' -> {
                    line++;
                    return new Row(start, fields);
                }
                default -> {
                    finished = true;
                    return new Row(start, fields);
                }
            }
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException {
        int opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw error(opened, "unterminated quoted field (the quote opened on this line is never closed)");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
                        throw error(line, "unexpected " + MessageText.quote(String.valueOf((char) after))
                            + " after a closing quote (a quote inside a quoted field is written twice)");
                    }
                    return after;
                }
            } else if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return EOF;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++];
    }

    private DataException error(int atLine, String message) {
        return new DataException(source + ":" + atLine + ": " + message);
    }
}
