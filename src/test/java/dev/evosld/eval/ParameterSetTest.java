package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class ParameterSetTest {
    private static final List<String> NAMES = List.of("E", "A", "a");

    private static Map<String, double[][]> twoGroups() {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("small", new double[][] {{1.5, 300, -0.3}});
        values.put("large", new double[][] {{1.7, 410, -0.28}});
        return values;
    }

    private static String error(Runnable reading) {
        return assertThrows(EvosldException.class, reading::run).getMessage();
    }

    @Test
    void holdsTheValuesOfEachGroupAndTargetInNameOrder() {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("b", new double[][] {{1, 2}, {3, 4}});
        values.put("a", new double[][] {{5, 6}, {7, 8}});
        ParameterSet set = ParameterSet.of(List.of("p", "q"), List.of("loss", "acc"), values);
        assertEquals(List.of("b", "a"), set.groups(), "the order given, not sorted");
        assertArrayEquals(new double[] {3, 4}, set.values("b", 1));
        assertArrayEquals(new double[] {5, 6}, set.values("a", 0));
        assertTrue(set.has("a"));
        assertFalse(set.has("c"));
        assertEquals(List.of("p", "q"), set.names());
        assertEquals(List.of("loss", "acc"), set.targets());
    }

    @Test
    void anUnknownGroupIsNamedInTheError() {
        ParameterSet set = ParameterSet.of(NAMES, List.of("loss"), twoGroups());
        assertEquals("no parameters for group 'medium'", error(() -> set.values("medium", 0)));
    }

    @Test
    void valuesOfTheWrongShapeAreRefusedWhenBuilt() {
        assertEquals("group g has values for 1 targets, expected 2", assertThrows(IllegalArgumentException.class,
            () -> ParameterSet.of(NAMES, List.of("loss", "acc"), Map.of("g", new double[][] {{1, 2, 3}}))).getMessage());
        assertEquals("group g has 2 values, expected 3", assertThrows(IllegalArgumentException.class,
            () -> ParameterSet.of(NAMES, List.of("loss"), Map.of("g", new double[][] {{1, 2}}))).getMessage());
    }

    @Test
    void neitherTheCallersArraysAndListsNorTheReturnedOnesReachTheSet() {
        Map<String, double[][]> values = twoGroups();
        List<String> names = new ArrayList<>(NAMES);
        List<String> targets = new ArrayList<>(List.of("loss"));
        ParameterSet set = ParameterSet.of(names, targets, values);
        values.get("small")[0][0] = 99;
        values.put("extra", new double[][] {{0, 0, 0}});
        names.set(0, "Z");
        targets.add("acc");
        set.values("large", 0)[1] = -1;
        set.groups().clear();

        assertArrayEquals(new double[] {1.5, 300, -0.3}, set.values("small", 0));
        assertArrayEquals(new double[] {1.7, 410, -0.28}, set.values("large", 0));
        assertEquals(List.of("small", "large"), set.groups());
        assertEquals(NAMES, set.names());
        assertEquals(List.of("loss"), set.targets());
        assertThrows(UnsupportedOperationException.class, () -> set.names().add("b"));
        assertThrows(UnsupportedOperationException.class, () -> set.targets().clear());
    }

    @Test
    void aSingleTargetIsWrittenWithoutATargetLevelAndSeveralWithOne() {
        ParameterSet single = ParameterSet.of(List.of("p"), List.of("loss"), Map.of("g", new double[][] {{2.5}}));
        assertEquals(Map.of("g", Map.of("p", 2.5)), single.toMap());
        ParameterSet two = ParameterSet.of(List.of("p"), List.of("loss", "acc"), Map.of("g", new double[][] {{2.5}, {-1}}));
        assertEquals(Map.of("g", Map.of("loss", Map.of("p", 2.5), "acc", Map.of("p", -1.0))), two.toMap());
        assertEquals(List.of("E", "A", "a"),
            List.copyOf(((Map<?, ?>) ParameterSet.of(NAMES, List.of("loss"), twoGroups()).toMap().get("small")).keySet()),
            "the law's order of parameters");
    }

    @Test
    void writtenAsJsonAndReadBackEverySetIsEqualBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int sample = 0; sample < 300; sample++) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < random.nextInt(0, 5); k++) {
                names.add("p" + k);
            }
            List<String> targets = new ArrayList<>();
            for (int t = 0; t < random.nextInt(1, 4); t++) {
                targets.add("t" + t);
            }
            Map<String, double[][]> values = new LinkedHashMap<>();
            for (int g = 0; g < random.nextInt(1, 5); g++) {
                double[][] perTarget = new double[targets.size()][names.size()];
                for (double[] row : perTarget) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = switch (random.nextInt(4)) {
                            case 0 -> Double.longBitsToDouble(random.nextLong()) % 1e300;
                            case 1 -> random.nextInt(-1000, 1000);
                            case 2 -> Double.MIN_VALUE;
                            default -> random.nextDouble(-5, 5);
                        };
                        if (!Double.isFinite(row[k])) {
                            row[k] = 0.5;
                        }
                    }
                }
                values.put("group " + random.nextInt(1000) + "/" + g, perTarget);
            }
            ParameterSet set = ParameterSet.of(names, targets, values);
            Map<String, Object> json = Json.mapper().readValue(Json.mapper().writeValueAsString(set.toMap()),
                new TypeReference<LinkedHashMap<String, Object>>() { });
            ParameterSet read = ParameterSet.fromMap(json, names, targets, "p.json");
            assertEquals(set, read);
            assertEquals(set.hashCode(), read.hashCode());
            assertEquals(set.groups(), read.groups(), "group order survives");
        }
    }

    @Test
    void aGroupWrittenWithACombiningAccentIsTheGroupOfTheSameName() {
        // a parameters file typed where é is e and a combining accent names the data's group café
        ParameterSet read = ParameterSet.fromMap(Map.of("cafe\u0301", Map.of("E", 1, "A", 2, "a", 3)), NAMES,
            List.of("loss"), "p.json");
        assertEquals(List.of("caf\u00e9"), read.groups());
        assertArrayEquals(new double[] {1, 2, 3}, read.values("caf\u00e9", 0));
    }

    @Test
    void aGroupNamedTwiceInTwoUnicodeFormsIsRefused() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caf\u00e9", Map.of("E", 1, "A", 2, "a", 3));
        json.put("cafe\u0301", Map.of("E", 4, "A", 5, "a", 6));
        assertEquals("p.json: 'caf\u00e9' and 'cafe\u0301' are one group name written two ways (an accented letter as one"
            + " character, and as a letter and a combining mark); keep one",
            error(() -> ParameterSet.fromMap(json, NAMES, List.of("loss"), "p.json")));
    }

    @Test
    void equalityIsByNamesTargetsAndEveryValue() {
        ParameterSet set = ParameterSet.of(NAMES, List.of("loss"), twoGroups());
        Map<String, double[][]> changed = twoGroups();
        changed.get("large")[0][2] = Math.nextUp(-0.28);
        assertNotEquals(set, ParameterSet.of(NAMES, List.of("loss"), changed));
        assertNotEquals(set, ParameterSet.of(NAMES, List.of("acc"), twoGroups()));
        assertNotEquals(set, ParameterSet.of(List.of("E", "B", "a"), List.of("loss"), twoGroups()));
        Map<String, double[][]> fewer = twoGroups();
        fewer.remove("large");
        assertNotEquals(set, ParameterSet.of(NAMES, List.of("loss"), fewer));
        ParameterSet same = ParameterSet.of(NAMES, List.of("loss"), twoGroups());
        assertEquals(set, same);
        assertEquals(set.hashCode(), same.hashCode());
    }

    @Test
    void readingNamesTheGroupTargetOrParameterThatIsWrong() {
        List<String> targets = List.of("loss", "acc");
        Map<String, Object> row = Map.of("E", 1, "A", 2.5, "a", -0.5);
        assertEquals("p.json: g: missing target 'acc'",
            error(() -> ParameterSet.fromMap(Map.of("g", Map.of("loss", row)), NAMES, targets, "p.json")));
        assertEquals("p.json: g: unknown target 'ppl' (expected loss, acc)",
            error(() -> ParameterSet.fromMap(Map.of("g", ordered("loss", row, "acc", row, "ppl", row)), NAMES, targets, "p.json")));
        assertEquals("p.json: g.acc: unknown parameter 'b' (expected E, A, a)",
            error(() -> ParameterSet.fromMap(Map.of("g", Map.of("loss", row, "acc", Map.of("E", 1, "A", 2, "a", 3, "b", 4))),
                NAMES, targets, "p.json")));
        assertEquals("p.json: g: unknown parameter 'E' (the law has no parameters)",
            error(() -> ParameterSet.fromMap(Map.of("g", Map.of("E", 1)), List.of(), List.of("loss"), "p.json")));
        assertEquals("p.json: g: expected an object of values, got 3",
            error(() -> ParameterSet.fromMap(Map.of("g", 3), NAMES, List.of("loss"), "p.json")));
        assertEquals("p.json: g.loss: expected an object of values, got [1, 2, 3]",
            error(() -> ParameterSet.fromMap(Map.of("g", Map.of("loss", List.of(1, 2, 3), "acc", row)), NAMES, targets, "p.json")));
    }

    @Test
    void keysAndValuesThatWouldBreakTheMessagesLineOrNotShowAreSpelledOut() {
        // a hand-edited file, or a run written before group names were checked, may hold any key
        Map<String, Object> row = ordered("E", 1, "A", 2.5, "a", -0.5);
        assertEquals("p.json: 'g\\n1': missing parameter 'a'",
            error(() -> ParameterSet.fromMap(Map.of("g\n1", Map.of("E", 1, "A", 2)), NAMES, List.of("loss"), "p.json")));
        assertEquals("p.json: 'g\\u200b1'.acc: missing parameter 'a'", error(() -> ParameterSet.fromMap(
            Map.of("g\u200b1", Map.of("loss", row, "acc", Map.of("E", 1, "A", 2))), NAMES, List.of("loss", "acc"), "p.json")));
        assertEquals("p.json: g: unknown parameter 'a\\u200b' (expected E, A, a)", error(() -> ParameterSet.fromMap(
            Map.of("g", ordered("E", 1, "A", 2, "a", 3, "a\u200b", 4)), NAMES, List.of("loss"), "p.json")));
        assertEquals("p.json: g: unknown target 'acc\\r' (expected loss, acc)", error(() -> ParameterSet.fromMap(
            Map.of("g", ordered("loss", row, "acc", row, "acc\r", row)), NAMES, List.of("loss", "acc"), "p.json")));
        assertEquals("p.json: g: expected an object of values, got two\\nlines",
            error(() -> ParameterSet.fromMap(Map.of("g", "two\nlines"), NAMES, List.of("loss"), "p.json")));
        assertEquals("p.json: g.a: \"1\\n5\" is text, not a number", error(() -> ParameterSet.fromMap(
            Map.of("g", ordered("E", 1, "A", 2, "a", "1\n5")), NAMES, List.of("loss"), "p.json")));
        assertEquals("p.json: g.a: not a finite number: [x\\ny]", error(() -> ParameterSet.fromMap(
            Map.of("g", ordered("E", 1, "A", 2, "a", List.of("x\ny"))), NAMES, List.of("loss"), "p.json")));
        ParameterSet set = ParameterSet.fromMap(Map.of("g\n1", row), NAMES, List.of("loss"), "p.json");
        assertEquals(List.of("g\n1"), set.groups(), "a name is kept as it is; only messages spell it out");
        assertEquals("no parameters for group 'g\\u200b1'", error(() -> set.values("g\u200b1", 0)));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void onlyFiniteNumbersAreValuesAndIntegersCount() {
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, true)) {
            assertEquals("p.json: g.a: not a finite number: " + bad, error(() -> ParameterSet.fromMap(
                Map.of("g", ordered("E", 1, "A", 2, "a", bad)), NAMES, List.of("loss"), "p.json")), String.valueOf(bad));
        }
        // A number in quotes reads as one: say it is text, or "not a finite number: 1.5" seems to contradict itself
        assertEquals("p.json: g.a: \"1.5\" is text, not a number: write it without quotes", error(() -> ParameterSet.fromMap(
            Map.of("g", ordered("E", 1, "A", 2, "a", "1.5")), NAMES, List.of("loss"), "p.json")));
        assertEquals("p.json: g.a: null, not a number", error(() -> ParameterSet.fromMap(
            Map.of("g", ordered("E", 1, "A", 2, "a", null)), NAMES, List.of("loss"), "p.json")));
        ParameterSet read = ParameterSet.fromMap(Map.of("g", Map.of("E", 1, "A", 300L, "a", -0.5f)), NAMES, List.of("loss"), "p.json");
        assertArrayEquals(new double[] {1, 300, -0.5}, read.values("g", 0));
    }

    @Test
    void aLawWithoutParametersHasAnEmptyRowPerGroup() {
        ParameterSet read = ParameterSet.fromMap(Map.of("g", Map.of()), List.of(), List.of("loss"), "p.json");
        assertEquals(List.of("g"), read.groups());
        assertArrayEquals(new double[0], read.values("g", 0));
    }
}
