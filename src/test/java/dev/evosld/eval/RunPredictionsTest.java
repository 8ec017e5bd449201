package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import dev.evosld.data.PlannedRuns;
import dev.evosld.law.Law;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPredictionsTest {
    // U is a feature of the task that this law does not use
    private static final Law LAW = Law.parse("E + A*N^(-a)", List.of("U", "N"));

    private static ParameterSet parameters() {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("small", new double[][] {{1.5, 100, 0.5}});
        values.put("large", new double[][] {{2.0, 10, 0.25}});
        return ParameterSet.of(LAW.parameters(), List.of("loss"), values);
    }

    private static PlannedRuns runs(PlannedRuns.Run... runs) {
        return new PlannedRuns("plan.csv", List.of("N"), List.of(runs));
    }

    @Test
    void aLawNeedsOnlyTheVariablesItMentions() {
        assertEquals(List.of("N"), RunPredictions.variablesUsed(LAW));
        assertEquals(List.of("U", "N"), RunPredictions.variablesUsed(Law.parse("A*U + N", List.of("U", "N"))));
    }

    @Test
    void eachRunIsPredictedWithItsGroupsParametersInFileOrder() {
        double[][] predicted = RunPredictions.of(LAW, runs(
            new PlannedRuns.Run(2, "large", new double[] {1e4}),
            new PlannedRuns.Run(3, "small", new double[] {1e4}),
            new PlannedRuns.Run(4, "large", new double[] {16})), parameters());
        assertArrayEquals(new double[] {2.0 + 10 / 10.0}, predicted[0], 1e-12);
        assertArrayEquals(new double[] {1.5 + 100 / 100.0}, predicted[1], 1e-12);
        assertArrayEquals(new double[] {2.0 + 10 / 2.0}, predicted[2], 1e-12);
    }

    @Test
    void severalTargetsArePredictedInTheirOrder() {
        Map<String, double[][]> values = Map.of("all", new double[][] {{1, 2, 1}, {3, 4, 0.5}});
        ParameterSet two = ParameterSet.of(LAW.parameters(), List.of("loss", "acc"), values);
        double[][] predicted = RunPredictions.of(LAW, runs(new PlannedRuns.Run(2, "all", new double[] {4})), two);
        assertArrayEquals(new double[] {1 + 2 / 4.0, 3 + 4 / 2.0}, predicted[0], 1e-12);
    }

    @Test
    void aRunOfAnUnknownGroupIsNamed() {
        EvosldException e = assertThrows(EvosldException.class, () -> RunPredictions.of(LAW,
            runs(new PlannedRuns.Run(7, "medium", new double[] {1e4})), parameters()));
        assertEquals("plan.csv:7: no parameters for group 'medium' (the law has: small, large)", e.getMessage());
    }

    @Test
    void groupNamesThatWouldBreakTheMessagesLineAreSpelledOut() {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("small\nold", new double[][] {{1.5, 100, 0.5}});
        values.put("large, wide", new double[][] {{2.0, 10, 0.25}});
        values.put("huge\u200b", new double[][] {{2.0, 10, 0.25}});
        EvosldException e = assertThrows(EvosldException.class, () -> RunPredictions.of(LAW,
            runs(new PlannedRuns.Run(7, "small", new double[] {1e4})), ParameterSet.of(LAW.parameters(), List.of("loss"), values)));
        assertEquals("plan.csv:7: no parameters for group 'small' (the law has: 'small\\nold', 'large, wide', 'huge\\u200b')",
            e.getMessage());
    }

    @Test
    void aPredictionThatIsNotFiniteIsAnErrorNamingTheRun() {
        EvosldException e = assertThrows(EvosldException.class, () -> RunPredictions.of(LAW, runs(
            new PlannedRuns.Run(2, "small", new double[] {1e4}),
            new PlannedRuns.Run(3, "small", new double[] {-4})), parameters()));
        assertEquals("plan.csv:3: the law's prediction of 'loss' is not a finite number (NaN) for this run", e.getMessage());
    }
}
