package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.law.Law;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    @Test
    void rootMeanSquaredErrorsArePerTargetInTheTargetsOrder() {
        // y2 misses by 1, 1, 2 (MSE 2); y1 misses by 3 and 4 and 0 (MSE 25/3)
        Predictions predictions = new Predictions(List.of("y2", "y1"),
            List.of(new double[] {1, 2, 3}, new double[] {0, 0, 0}),
            List.of(new double[] {2, 1, 5}, new double[] {3, -4, 0}), List.of());
        Map<String, Double> errors = predictions.rootMeanSquaredErrors();
        assertEquals(List.of("y2", "y1"), List.copyOf(errors.keySet()));
        assertEquals(Math.sqrt(2), errors.get("y2"), 1e-15);
        assertEquals(Math.sqrt(25 / 3.0), errors.get("y1"), 1e-15);
    }

    @Test
    void aPredictionThatIsNotFiniteHasNoError() {
        Predictions predictions = new Predictions(List.of("y"), List.of(new double[] {1, 2}),
            List.of(new double[] {1, Double.POSITIVE_INFINITY}), List.of());
        assertTrue(Double.isNaN(predictions.rootMeanSquaredErrors().get("y")));
    }

    @Test
    void aGroupWithoutParametersIsNamedWithTheGroupsThereAreSpelledOut() {
        Law law = Law.parse("A*N", List.of("N"));
        Group small = Group.of("small", new double[][] {{1e8, 2e8}}, new double[][] {{3, 2.9}});
        Table table = new Table(List.of("N"), List.of("loss"), List.of(small));
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("small\r", new double[][] {{1}}));
        EvosldException e = assertThrows(EvosldException.class, () -> Predictions.of(law, table, parameters));
        assertEquals("no parameters for group 'small' (have: 'small\\r')", e.getMessage());
    }

    @Test
    void aFailedScoreNamesTheRunWhosePredictionIsNotFinite() {
        Law law = Law.parse("A*log(N - c)", List.of("N", "D"));
        Group small = Group.of("small", new double[][] {{1e8, 2e8}, {1e9, 1e9}}, new double[][] {{3, 2.9}});
        Group large = Group.of("large", new double[][] {{1e8, 2.5e7}, {1e9, 1e9}}, new double[][] {{3, 2.9}});
        Table table = new Table(List.of("N", "D"), List.of("loss"), List.of(small, large));
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), Map.of(
            "small", new double[][] {{1, 5e7}}, "large", new double[][] {{1, 5e7}}));

        Predictions predictions = Predictions.of(law, table, parameters);

        assertEquals("the prediction of 'loss' for the run at N = 2.5e7, D = 1e9 in group 'large' is NaN",
            predictions.r2().failure());
        Table one = new Table(List.of("N", "D"), List.of("loss"), List.of(large));
        assertEquals("the prediction of 'loss' for the run at N = 2.5e7, D = 1e9 is NaN",
            Predictions.of(law, one, parameters).r2().failure(), "a single group goes unnamed");
        assertEquals(null, Predictions.of(law, new Table(List.of("N", "D"), List.of("loss"), List.of(small)), parameters)
            .nonFinite());
    }
}
