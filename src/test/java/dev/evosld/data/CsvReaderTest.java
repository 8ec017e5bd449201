package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> rows(String text) throws IOException {
        return rows(new StringReader(text));
    }

    private static List<CsvReader.Row> rows(Reader in) throws IOException {
        CsvReader csv = new CsvReader(in, "t.csv");
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
            rows.add(row);
        }
        assertNull(csv.next(), "stays at the end");
        return rows;
    }

    private static String error(String text) {
        return assertThrows(DataException.class, () -> rows(text)).getMessage();
    }

    @Test
    void plainFieldsWithAndWithoutTrailingNewline() throws IOException {
        List<CsvReader.Row> expected = List.of(new CsvReader.Row(1, List.of("a", "b")), new CsvReader.Row(2, List.of("1", "2")));
        assertEquals(expected, rows("a,b\n1,2\n"));
        assertEquals(expected, rows("a,b\n1,2"));
        assertEquals(expected, rows("a,b\r\n1,2\r\n"));
        assertEquals(expected, rows("a,b\r\n1,2"));
    }

    @Test
    void emptyInputHasNoRows() throws IOException {
        assertEquals(List.of(), rows(""));
        assertEquals(List.of(), rows("\uFEFF"));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstField() throws IOException {
        assertEquals(List.of(new CsvReader.Row(1, List.of("group", "x"))), rows("\uFEFFgroup,x\n"));
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
        String text = "\"('MBZUAI/LaMini-GPT-124M', 'flan')\",200.0\n"
            + "\"say \"\"hi\"\"\",1\n"
            + "\"two\nlines\",2\n"
            + "\"crlf\r\ninside\",3\n"
            + "\"\",4\n";
        assertEquals(List.of(
            new CsvReader.Row(1, List.of("('MBZUAI/LaMini-GPT-124M', 'flan')", "200.0")),
            new CsvReader.Row(2, List.of("say \"hi\"", "1")),
            new CsvReader.Row(3, List.of("two\nlines", "2")),
            new CsvReader.Row(5, List.of("crlf\r\ninside", "3")),
            new CsvReader.Row(7, List.of("", "4"))), rows(text));
    }

    @Test
    void emptyFieldsAndTrailingComma() throws IOException {
        assertEquals(List.of(new CsvReader.Row(1, List.of("", "", ""))), rows(",,\n"));
        assertEquals(List.of(new CsvReader.Row(1, List.of("a", ""))), rows("a,"));
        assertEquals(List.of(new CsvReader.Row(1, List.of(""))), rows("\n"));
    }

    @Test
    void lineNumbersArePhysicalAfterMultiLineFields() throws IOException {
        List<CsvReader.Row> rows = rows("h\r\n\"a\r\nb\r\nc\"\r\nd\r\n");
        assertEquals(List.of(1, 2, 5), rows.stream().map(CsvReader.Row::line).toList());
    }

    @Test
    void readsAcrossBufferBoundaries() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("\"g,").append(i).append("\",").append(i).append('\n');
        }
        // A reader that returns one character at a time exercises every refill path.
        Reader trickle = new StringReader(text.toString()) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
        List<CsvReader.Row> rows = rows(trickle);
        assertEquals(3000, rows.size());
        assertEquals(new CsvReader.Row(2999, List.of("g,2998", "2998")), rows.get(2998));
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() {
        assertEquals("t.csv:2: unterminated quoted field (the quote opened on this line is never closed)",
            error("a,b\n\"x,1\n2,3\n"));
    }

    @Test
    void quoteInsideUnquotedField() {
        assertEquals("t.csv:2: quote inside an unquoted field (quote the whole field and double the quotes inside it)",
            error("a,b\nx\"y,1\n"));
    }

    @Test
    void textAfterClosingQuote() {
        assertEquals("t.csv:1: unexpected 'b' after a closing quote (a quote inside a quoted field is written twice)",
            error("\"a\"b,1\n"));
    }

    @Test
    void bareCarriageReturn() {
        assertEquals("t.csv:1: carriage return not followed by a line feed", error("a,b\r1,2\n"));
    }
}
