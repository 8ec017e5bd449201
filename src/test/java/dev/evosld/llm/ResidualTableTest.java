package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.Train;
import dev.evosld.law.Law;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResidualTableTest {
    private static final Pattern BIN_LINE = Pattern.compile("- x (?:= (\\S+)|(\\S+) to (\\S+)) \\((\\d+) rows?\\): [+-]?\\S+");

    @Test
    void eachLineIsTheMeanResidualOfItsRowsOverAllGroups() {
        // a constant per group: a fits 1 (residuals -1, +1), b fits 12 (residuals +4, -4), and b's rows come in
        // the other order, so a table that paired rows with the wrong axis values would give other means
        Table table = new Table(List.of("x"), List.of("y"), List.of(
            Group.of("a", new double[][] {{1, 2, 1, 2}}, new double[][] {{0, 2, 0, 2}}),
            Group.of("b", new double[][] {{2, 1}}, new double[][] {{8, 16}})));
        String text = ResidualTable.of(Law.parse("c", List.of("x")), new Train(table), List.of("x"));
        assertEquals("""
            - x = 1 (3 rows): +0.6667
            - x = 2 (3 rows): -0.6667
            (y ranges from 0 to 16 on these rows)""", text);
    }

    @Test
    void aValueWithOneRowIsSaidInTheSingular() {
        Table table = new Table(List.of("x"), List.of("y"), List.of(
            Group.of("a", new double[][] {{1, 2, 2}}, new double[][] {{4, 1, 1}})));
        String text = ResidualTable.of(Law.parse("c", List.of("x")), new Train(table), List.of("x"));
        assertEquals("""
            - x = 1 (1 row): +2
            - x = 2 (2 rows): -1
            (y ranges from 1 to 4 on these rows)""", text);
    }

    @Test
    void minusZeroAndZeroAreOneValueOfTheAxis() {
        Table table = new Table(List.of("x"), List.of("y"), List.of(
            Group.of("a", new double[][] {{0.0, -0.0, 1}}, new double[][] {{1, 3, 2}})));
        String text = ResidualTable.of(Law.parse("c", List.of("x")), new Train(table), List.of("x"));
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text);
        assertTrue(lines.get(0).startsWith("- x = 0 (2 rows): "), text);
        assertTrue(lines.get(1).startsWith("- x = 1 (1 row): "), text);
    }

    @Test
    void everyTargetHasItsOwnResidualOnTheLineAndItsOwnRange() {
        Table table = new Table(List.of("x"), List.of("loss", "acc"), List.of(
            Group.of("a", new double[][] {{1, 2}}, new double[][] {{3, 1}, {0.25, 0.75}})));
        String text = ResidualTable.of(Law.parse("c", List.of("x")), new Train(table), List.of("x"));
        assertEquals("""
            - x = 1 (1 row): loss +1, acc -0.25
            - x = 2 (1 row): loss -1, acc +0.25
            (loss ranges from 1 to 3 on these rows)
            (acc ranges from 0.25 to 0.75 on these rows)""", text);
    }

    @Test
    void extremeValuesAreWrittenShortWithTheirSign() {
        Table table = new Table(List.of("x"), List.of("y"), List.of(
            Group.of("a", new double[][] {{1e-9, 3.5e12}}, new double[][] {{3e-7, 1e-7}})));
        String text = ResidualTable.of(Law.parse("c", List.of("x")), new Train(table), List.of("x"));
        assertEquals("""
            - x = 1e-9 (1 row): +1e-7
            - x = 3.5e12 (1 row): -1e-7
            (y ranges from 1e-7 to 3e-7 on these rows)""", text);
    }

    @Test
    void manyDistinctValuesAreGroupedIntoEightConsecutiveRangesThatCoverEveryRow() {
        for (int distinct : new int[] {9, 13, 20, 57}) {
            int rows = 2 * distinct + 1;
            double[] x = new double[rows];
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                // each value twice, one three times, in no particular order
                x[r] = Math.floorMod(7 * r, distinct) + 1;
                y[r] = x[r] * x[r];
            }
            Table table = new Table(List.of("x"), List.of("y"), List.of(Group.of("g", new double[][] {x}, new double[][] {y})));
            String text = ResidualTable.of(Law.parse("a + b*x", List.of("x")), new Train(table), List.of("x"));
            List<String> lines = text.lines().toList();
            assertEquals(ResidualTable.MAX_LINES + 1, lines.size(), text);
            int covered = 0;
            double previousEnd = 0;
            for (String line : lines.subList(0, ResidualTable.MAX_LINES)) {
                Matcher m = BIN_LINE.matcher(line);
                assertTrue(m.matches(), line);
                // a range is named by its ends, a single value by itself
                double from = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
                double to = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(3));
                assertEquals(previousEnd + 1, from, 0.0, "consecutive ranges of the distinct values: " + text);
                assertTrue(m.group(1) != null || to > from, line);
                previousEnd = to;
                covered += Integer.parseInt(m.group(4));
            }
            assertEquals(distinct, previousEnd, 0.0, text);
            assertEquals(rows, covered, text);
        }
    }

    @Test
    void exactlyEightDistinctValuesGetALineEach() {
        double[] x = {8, 7, 6, 5, 4, 3, 2, 1};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8.5};
        Table table = new Table(List.of("x"), List.of("y"), List.of(Group.of("g", new double[][] {x}, new double[][] {y})));
        List<String> lines = ResidualTable.of(Law.parse("a + b*x", List.of("x")), new Train(table), List.of("x"))
            .lines().toList();
        for (int v = 1; v <= 8; v++) {
            assertTrue(lines.get(v - 1).startsWith("- x = " + v + " (1 row): "), lines.toString());
        }
    }

    @Test
    void withoutAScaleAxisTheFirstThreeVariablesAreShownEachUnderItsName() {
        List<String> features = List.of("n", "d", "u", "w");
        double[][] columns = {{1, 2, 1, 2}, {10, 10, 20, 20}, {5, 6, 7, 8}, {0, 0, 0, 0}};
        Table table = new Table(features, List.of("y"), List.of(
            Group.of("g", columns, new double[][] {{1, 3, 2, 6}})));
        Law law = Law.parse("c", features);

        List<String> none = ResidualTable.of(law, new Train(table), List.of()).lines().toList();
        assertEquals(List.of("by n:", "by d:", "by u:"), none.stream().filter(l -> l.startsWith("by ")).toList());
        assertEquals(1 + 2 + 1 + 2 + 1 + 4 + 1, none.size(), none.toString());
        assertTrue(none.contains("- d = 10 (2 rows): -1"), none.toString());
        assertTrue(none.contains("- d = 20 (2 rows): +1"), none.toString());

        List<String> two = ResidualTable.of(law, new Train(table), List.of("w", "d")).lines().toList();
        assertEquals("by w:", two.get(0), "the given axes in the given order");
        assertTrue(two.get(1).startsWith("- w = 0 (4 rows): "), two.toString());
        assertEquals(List.of("by d:", "- d = 10 (2 rows): -1", "- d = 20 (2 rows): +1",
            "(y ranges from 1 to 6 on these rows)"), two.subList(2, two.size()));

        List<String> one = ResidualTable.of(law, new Train(table), List.of("d")).lines().toList();
        assertEquals(List.of("- d = 10 (2 rows): -1", "- d = 20 (2 rows): +1", "(y ranges from 1 to 6 on these rows)"),
            one, "a single axis needs no heading");
    }

    @Test
    void aLawThatCannotBeFittedIsSaidInOneLineNamingTheGroup() {
        Table table = new Table(List.of("x"), List.of("y"), List.of(
            Group.of("first", new double[][] {{1, 2}}, new double[][] {{1, 2}}),
            Group.of("second", new double[][] {{-1, -2}}, new double[][] {{1, 2}})));
        // finite on the first group, NaN on every row of the second
        String text = ResidualTable.of(Law.parse("c + log(x)", List.of("x")), new Train(table), List.of("x"));
        assertTrue(text.startsWith("(the law could not be fitted to group second: no start gave finite predictions"),
            text);
        assertTrue(text.endsWith(")"), text);
        assertFalse(text.contains("\n"), text);
    }

    @Test
    void anAxisThatIsNoVariableIsRefused() {
        Table table = new Table(List.of("x"), List.of("y"), List.of(
            Group.of("g", new double[][] {{1, 2}}, new double[][] {{1, 2}})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ResidualTable.of(Law.parse("c", List.of("x")), new Train(table), List.of("z")));
        assertEquals("no variable z", e.getMessage());
    }
}
