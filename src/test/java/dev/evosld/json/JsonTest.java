package dev.evosld.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

class JsonTest {
    record Run(int count, double trainR2, List<Double> xs, String name, boolean flag, Inner inner) {
    }

    record Inner(List<Integer> values) {
    }

    private static final String DOCUMENT = """
        {
          "count": 3,
          "train_r2": 0.91,
          "xs": [1.5, 2.5, -3],
          "name": "moe \\"run\\"",
          "flag": true,
          "inner": {"values": [1, 2, 3]}
        }
        """;

    private static JacksonException jsonError(String json) {
        return assertThrows(JacksonException.class, () -> Json.mapper().readValue(json, Run.class));
    }

    @Test
    void recordComponentsAreSnakeCaseKeysAndOutputIsIndented() {
        String written = Json.mapper().writeValueAsString(new Run(1, 0.5, List.of(2.0), "n", false, new Inner(List.of(4))));
        assertTrue(written.contains("\n  \"train_r2\" : 0.5,\n"), written);
        assertFalse(written.contains("trainR2"), written);
        assertEquals(new Run(3, 0.91, List.of(1.5, 2.5, -3.0), "moe \"run\"", true, new Inner(List.of(1, 2, 3))),
            Json.mapper().readValue(DOCUMENT, Run.class));
        assertEquals(new Inner(List.of(7)), Json.yaml().readValue("values: [7]\n", Inner.class));
    }

    @Test
    void jsonToleratesUnknownKeysButYamlConfigurationDoesNot() {
        // run records gain fields over versions, so an older reader skips them; a person's typo in a config is an error
        assertEquals(3, Json.mapper().readValue("{\"count\": 3, \"added_later\": {\"x\": 1}}", Run.class).count());
        assertInstanceOf(UnrecognizedPropertyException.class,
            assertThrows(JacksonException.class, () -> Json.yaml().readValue("count: 3\ncuont: 4\n", Run.class)));
    }

    @Test
    void aRepeatedKeyIsRefusedInBothWithItsLineAndColumn() {
        assertEquals(":3:10: Duplicate Object property \"count\"", Json.problem(jsonError("{\n  \"count\": 1,\n  \"count\": 2\n}")));
        assertEquals(":2:6: Duplicate Object property \"count\"", Json.problem(
            assertThrows(JacksonException.class, () -> Json.yaml().readValue("count: 1\ncount: 2\n", Run.class))));
    }

    @Test
    void yamlRefusesAFractionWhereAnIntegerBelongsWhileJsonTruncatesIt() {
        JacksonException e = assertThrows(JacksonException.class, () -> Json.yaml().readValue("count: 1.5\n", Run.class));
        assertInstanceOf(InvalidFormatException.class, e);
        assertEquals(":1:8: expected a number at count", Json.problem(e));
        assertEquals(1, Json.mapper().readValue("{\"count\": 1.5}", Run.class).count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"count\": \"x\"}|:1:11: expected a number at count",
        "{\"train_r2\": \"x\"}|:1:14: expected a number at train_r2",
        "{\"xs\": 1}|:1:8: expected a list at xs",
        "{\"xs\": [1, \"a\"]}|:1:12: expected a number at xs[1]",
        "{\"name\": [1]}|:1:10: expected text at name",
        "{\"flag\": \"maybe\"}|:1:10: expected true or false at flag",
        "{\"inner\": {\"values\": [1, \"b\"]}}|:1:26: expected a number at inner.values[1]",
        "{\"inner\": 3}|:1:11: expected an object at inner",
        "[1, 2]|:1:1: expected an object"})
    void aValueOfTheWrongKindIsDescribedWithoutJavaTypes(String json, String expected) {
        // Jackson's own text says `java.util.ArrayList<java.lang.Double>`, which the file's reader cannot act on
        assertEquals(expected, Json.problem(jsonError(json)));
    }

    @Test
    void malformedJsonIsLocatedByLineAndColumn() {
        assertEquals(":3:15: Unexpected end-of-input: was expecting closing quote for a string value",
            Json.problem(jsonError("{\n  \"count\": 1,\n  \"name\": \"abc")));
        assertEquals(":3:10: Unexpected character ('\"' (code 34)): was expecting a colon to separate property name and value",
            Json.problem(jsonError("{\n  \"count\": 1,\n  \"name\" \"abc\"}")));
        assertEquals(":1:12: Invalid numeric value: Leading zeroes not allowed", Json.problem(jsonError("{\"count\": 01}")));
    }

    @Test
    void jacksonsSourceExcerptAndAdviceToProgrammersAreLeftOut() {
        // the raw messages end in "(start marker at [Source: REDACTED ...])" and "enable `JsonReadFeature...` to allow"
        assertEquals(":3:16: Unexpected end-of-input: expected close marker for Object",
            Json.problem(jsonError("{\n  \"count\": 1,\n  \"name\": \"abc\"")));
        assertEquals(":1:14: Non-standard token 'NaN'", Json.problem(jsonError("{\"count\": NaN}")));
        assertEquals("Non-standard token 'NaN'", Json.problemText(jsonError("{\"count\": NaN}")));
        assertEquals(":1:6: Unexpected end-of-input: expected close marker for Array",
            Json.problem(assertThrows(JacksonException.class, () -> Json.mapper().readValue("[1, 2", List.class))));
    }

    @Test
    void aMismatchedCloseMarkerLeavesOutTheRedactedSourceToo() {
        // Jackson also writes "(for Array starting at [Source: REDACTED ...])", which reaches a user after law.json:
        for (String json : List.of("{\"xs\": [1, 2}", "{\"inner\": {\"values\": [1]]}")) {
            String problem = Json.problem(jsonError(json));
            assertTrue(problem.startsWith(":1:"), problem);
            assertFalse(problem.contains("[Source:") || problem.contains("REDACTED") || problem.contains("StreamReadFeature"),
                problem);
        }
    }

    @Test
    void withoutALocationTheProblemFollowsTheFileNameDirectly() {
        // records are built after their keys are buffered, so Jackson locates an unknown key nowhere
        JacksonException unknown = assertThrows(JacksonException.class,
            () -> Json.yaml().readValue("count: 3\ncuont: 4\n", Run.class));
        String problem = Json.problem(unknown);
        assertTrue(problem.startsWith(": Unrecognized property \"cuont\""), problem);
        assertEquals(problem, ": " + Json.problemText(unknown));
    }

    @Test
    void anyTruncatedOrCorruptedDocumentGivesOneLineWithAPlaceInsideIt() {
        Pattern oneLine = Pattern.compile(":(\\d+):(\\d+): \\S[^\\n\\r]*");
        String noise = "{}[],:\"\\ 0-eE.tnx";
        SplittableRandom random = new SplittableRandom(53);
        long lines = DOCUMENT.lines().count();
        int located = 0;
        for (int sample = 0; sample < 1000; sample++) {
            String damaged;
            if (random.nextBoolean()) {
                damaged = DOCUMENT.substring(0, random.nextInt(DOCUMENT.length() - 2));
            } else {
                int at = random.nextInt(DOCUMENT.length());
                damaged = DOCUMENT.substring(0, at) + noise.charAt(random.nextInt(noise.length())) + DOCUMENT.substring(at + 1);
            }
            JacksonException e;
            try {
                Json.mapper().readValue(damaged, Run.class);
                continue;
            } catch (JacksonException thrown) {
                e = thrown;
            }
            String problem = Json.problem(e);
            Matcher m = oneLine.matcher(problem);
            assertTrue(m.matches(), () -> "not one located line: " + problem + "\n--- from:\n" + damaged);
            int line = Integer.parseInt(m.group(1));
            assertTrue(line >= 1 && line <= lines + 1, problem);
            assertFalse(problem.contains("[Source:") || problem.contains("enable `") || problem.contains("java."), problem);
            located++;
        }
        assertTrue(located > 500, "only " + located + " damaged documents failed");
    }

    @Test
    void yamlReadsEverySpellingOfNullAsNullAndEveryOtherScalarAsTheJsonSchemaDoes() {
        for (String none : List.of("~", "null", "Null", "NULL", "")) {
            assertTrue(Json.yaml().readTree("a: " + none + "\n").get("a").isNull(), none);
        }
        assertEquals("~", Json.yaml().readTree("a: '~'\n").get("a").stringValue());
        assertEquals("NULLS", Json.yaml().readTree("a: NULLS\n").get("a").stringValue());
        // what the rest of the Core schema would turn into booleans and numbers
        for (String text : List.of("True", "FALSE", "0x1F", "0o17", "+1", ".5")) {
            assertEquals(text, Json.yaml().readTree("a: " + text + "\n").get("a").stringValue(), text);
        }
    }

    @Test
    void theSameMappersServeEveryCaller() {
        assertTrue(Json.mapper() == Json.mapper() && Json.yaml() == Json.yaml());
        assertEquals(Map.of("a_b", 1), Json.mapper().readValue("{\"a_b\": 1}", Map.class), "map keys are not renamed");
    }
}
