package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
