package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.eval.ParameterSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaTextTableTest {
    @Test
    void aRowIsTheNamesLengthTheNameAndEveryTargetsValues() {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("pile", new double[][] {{1.5, -0.0}, {Double.MIN_VALUE, Double.MAX_VALUE}});
        values.put("a:b 1\n模", new double[][] {{0.1, 1e22}, {-2, 3}});
        ParameterSet parameters = ParameterSet.of(List.of("a", "b"), List.of("l1", "l2"), values);
        assertEquals(List.of("4:pile 1.5 -0.0 4.9E-324 1.7976931348623157E308\n", "7:a:b 1\n模 0.1 1.0E22 -2.0 3.0\n"),
            JavaTextTable.rows(parameters));
    }

    @Test
    void refusesAValueThatIsNotFinite() {
        ParameterSet parameters = ParameterSet.of(List.of("a"), List.of("y"), Map.of("g", new double[][] {{Double.NaN}}));
        var thrown = assertThrows(EvosldException.class, () -> JavaTextTable.rows(parameters));
        assertEquals("cannot export a parameter value of NaN", thrown.getMessage());
    }

    @Test
    void countsBytesAsTheClassFileDoes() {
        assertEquals(1, JavaTextTable.bytes("a"));
        assertEquals(2, JavaTextTable.bytes("\0"));
        assertEquals(2, JavaTextTable.bytes("é"));
        assertEquals(3, JavaTextTable.bytes("模"));
        assertEquals(6, JavaTextTable.bytes("\uD83D\uDE00"), "each half of a surrogate pair takes three");
    }

    @Test
    void constantsStayWithinTheClassFilesLimitsAndJoinToTheRows() {
        List<String> rows = new ArrayList<>();
        for (int g = 0; g < 3000; g++) {
            rows.add(g + ":" + "x".repeat(g % 7) + " 1.5\n");
        }
        // a name longer than a constant, a surrogate pair on every cut it could fall on
        rows.add(1500 + ":" + "模".repeat(25_000) + "\uD83D\uDE00".repeat(20_000) + " 2.5\n");
        rows.add("1:y 3.5\n");
        List<List<String>> constants = JavaTextTable.constants(rows);
        StringBuilder joined = new StringBuilder();
        for (List<String> constant : constants) {
            assertTrue(constant.size() <= JavaTextTable.LITERALS_PER_CONSTANT, "literals " + constant.size());
            assertTrue(JavaTextTable.bytes(String.join("", constant)) <= 65_535, "bytes");
            for (String literal : constant) {
                assertFalse(Character.isHighSurrogate(literal.charAt(literal.length() - 1)), "cut inside a pair");
                joined.append(literal);
            }
        }
        assertEquals(String.join("", rows), joined.toString());
        assertTrue(constants.size() >= 3000 / JavaTextTable.LITERALS_PER_CONSTANT + 2, "constants " + constants.size());
    }
}
