package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class TextTest {

    @Test
    void nullBecomesEmpty() {
        assertEquals("", Text.oneLine(null));
    }

    @Test
    void whitespaceRunsCollapseToOneSpaceAndEndsAreStripped() {
        assertEquals("bad gateway: upstream timed out", Text.oneLine("  bad gateway:\n\n\tupstream   timed out \r\n"));
    }

    @Test
    void textOfTwoHundredCharactersIsKeptWhole() {
        String text = "x".repeat(200);
        assertEquals(text, Text.oneLine(text));
    }

    @Test
    void longerTextIsCutToTwoHundredCharactersEndingInAnEllipsis() {
        String cut = Text.oneLine("y".repeat(201));
        assertEquals(200, cut.length());
        assertEquals("y".repeat(199) + "…", cut);
    }

    @Test
    void theLimitAppliesAfterWhitespaceIsCollapsed() {
        // 720 characters as sent, 179 once squeezed: nothing is cut
        String spread = ("ab" + " ".repeat(10)).repeat(60);
        assertEquals("ab ".repeat(60).strip(), Text.oneLine(spread));
    }

    @Test
    void visibleSpellsOutFormatAndControlCharactersAndLeavesPrintableTextAlone() {
        assertEquals("x\\u200by\\ufeff\\u0000\\u2028z", Text.visible("x\u200by\ufeff\u0000\u2028z"));
        assertEquals("α·β → γ 😀", Text.visible("α·β → γ 😀"));
    }

    @Test
    void jsonProblemAppendsTheLineAndColumnOfTheMistake() {
        JacksonException e = assertThrows(JacksonException.class,
            () -> Json.mapper().readValue("{\n  \"a\": 1,\n  \"a\": 2\n}", Map.class));
        String problem = Text.jsonProblem(e);
        assertTrue(problem.startsWith("Duplicate Object property \"a\""), problem);
        assertTrue(problem.endsWith(" (line 3, column " + e.getLocation().getColumnNr() + ")"), problem);
        assertTrue(!problem.contains("\n") && !problem.contains("[Source:"), problem);
    }
}
