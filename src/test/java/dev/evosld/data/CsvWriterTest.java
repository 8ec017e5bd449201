package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesAHeaderAndRows() throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.of(text, List.of("group", "n", "loss"))) {
            csv.row("all_data", 1.0e9, 2.41);
            csv.row(List.of("b", 64L, 0.5));
        }

        assertEquals("group,n,loss\nall_data,1e9,2.41\nb,64,0.5\n", text.toString());
    }

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        assertEquals("all_data", CsvWriter.quote("all_data"));
        assertEquals("semi;colon and space", CsvWriter.quote("semi;colon and space"));
        assertEquals("\"('MBZUAI/LaMini-GPT-124M', 'flan')\"", CsvWriter.quote("('MBZUAI/LaMini-GPT-124M', 'flan')"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\"a\nb\"", CsvWriter.quote("a\nb"));
        assertEquals("\"a\rb\"", CsvWriter.quote("a\rb"));
        assertEquals("", CsvWriter.quote(""));
    }

    @Test
    void writesNumbersAsAUserWritesThemInTheFewestDigitsThatReadBack() {
        assertEquals("1e-5,368123904,-0,4.9e-324,0.30000000000000004,120,1e9,NaN",
            CsvWriter.record(List.of(1e-5, 368123904.0, -0.0, Double.MIN_VALUE, 0.1 + 0.2, 120.0, 1e9, Double.NaN)));
        assertEquals("9007199254740993,-5,7,3,123456789012345678901234567890,0.5",
            CsvWriter.record(List.of(9007199254740993L, -5, (short) 7, (byte) 3,
                new BigInteger("123456789012345678901234567890"), 0.5f)));
    }

    @Test
    void noDoubleIsWrittenInJavasFormNorWithMoreDigitsThanItNeeds() {
        qt().withFixedSeed(4180).withExamples(2000).forAll(doubles().any().map(d -> Double.isFinite(d) ? d : 2.5))
            .checkAssert(x -> {
                String text = CsvWriter.record(List.of(x));
                assertFalse(text.contains("E") || text.endsWith(".0"), text);
                // the decimal Double.toString chose, the fewest digits that read back, only spelt another way
                assertEquals(0, new BigDecimal(text).compareTo(new BigDecimal(Double.toString(x))), text + " against " + x);
            });
    }

    @Test
    void quotesHeaderNamesToo() {
        assertEquals("\"a,b\",c\n", CsvWriter.render(List.of("a,b", "c"), List.of()));
    }

    @Test
    void rendersAWholeDocument() {
        assertEquals("g,x\n\"a,b\",1.5\nc,2\n",
            CsvWriter.render(List.of("g", "x"), List.of(List.of("a,b", 1.5), List.of("c", 2L))));
    }

    @Test
    void rejectsRowsOfTheWrongWidth() throws IOException {
        CsvWriter csv = CsvWriter.of(new StringWriter(), List.of("g", "x"));

        assertThrows(IllegalArgumentException.class, () -> csv.row("a"));
        assertThrows(IllegalArgumentException.class, () -> csv.row("a", 1.0, 2.0));
    }

    @Test
    void rejectsNullsAndOtherTypes() throws IOException {
        CsvWriter csv = CsvWriter.of(new StringWriter(), List.of("g", "x"));

        assertThrows(NullPointerException.class, () -> csv.row(Arrays.asList("a", null)));
        assertThrows(IllegalArgumentException.class, () -> csv.row(List.of("a", List.of(1))));
        assertThrows(IllegalArgumentException.class, () -> CsvWriter.of(new StringWriter(), List.of()));
    }

    @Test
    void everyQuotedFieldReadsBackAsItsText() {
        qt().withFixedSeed(4180).forAll(strings().allPossible().ofLengthBetween(0, 12))
            .check(text -> unquote(CsvWriter.quote(text)).equals(List.of(text)));
    }

    @Test
    void everyDoubleReadsBackAsItself() {
        qt().withFixedSeed(4180).forAll(doubles().any())
            .check(x -> Double.compare(Double.parseDouble(CsvWriter.record(List.of(x))), x) == 0);
    }

    /** The fields of one CSV record by RFC 4180's grammar. */
    private static List<String> unquote(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
