package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void quotedValuesStayOnOneLine() {
        assertEquals("'a\\nb\\r\\tc\\u0000'", MessageText.quote("a\nb\r\tc\0"));
        assertEquals("'" + "x".repeat(60) + "...'", MessageText.quote("x".repeat(100)));
    }

    @Test
    void charactersThatDoNotShowAreSpelledOut() {
        assertEquals("'loss\\u00a0'", MessageText.quote("loss\u00a0"), "a no-break space looks like a blank");
        assertEquals("'\\ufeffa\\u200b'", MessageText.quote("\ufeffa\u200b"), "byte order mark, zero-width space");
        assertEquals("'µs é 😀'", MessageText.quote("µs é 😀"), "visible characters, outside the BMP too, stay as they are");
        assertEquals("group, 'N\\u200b', loss", MessageText.names(List.of("group", "N\u200b", "loss")));
    }

    @Test
    void namesAreQuotedOnlyWhenAmbiguousAndLongListsAreCut() {
        assertEquals("group, '', ' N', 'a,b', loss", MessageText.names(List.of("group", "", " N", "a,b", "loss")));
        List<String> many = IntStream.range(0, 32).mapToObj(i -> "c" + i).toList();
        assertEquals(String.join(", ", many.subList(0, 30)) + ", ... (2 more)", MessageText.names(many));
    }

    @Test
    void aNameIsQuotedOnlyWhenAmbiguousAndAnEscapedValueIsNeitherQuotedNorCut() {
        assertEquals("dense", MessageText.name("dense"));
        assertEquals("'moe, \"sparse\"'", MessageText.name("moe, \"sparse\""));
        assertEquals("'a\\nb'", MessageText.name("a\nb"));
        assertEquals("[a\\nb, c\\u200b]" + "x".repeat(100), MessageText.escaped("[a\nb, c\u200b]" + "x".repeat(100)));
        // a table's group column too: a tab or a bell would break its columns, an accent is a letter like any
        assertEquals("moe\\nsparse\\t\\u0007 é", MessageText.escaped("moe\nsparse\t\u0007 é"));
    }

    @Test
    void multiLineCellInAnErrorIsEscaped() {
        DataException e = assertThrows(DataException.class, () -> TableReader.read(
            new StringReader("group,x,loss\ng,\"1\n2\",3\n"), "t.csv", "group", List.of("x"), List.of("loss")));
        assertEquals("t.csv:2: column 'x': not a number: '1\\n2'", e.getMessage());
    }
}
