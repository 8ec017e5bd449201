package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.eval.Predictions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationRmseTest {

    @Test
    void poolsTheRowsOfEveryFoldPerTarget() {
        // fold 1 misses loss by 1 and 3 and acc by 0 and 2; fold 2 misses loss by 2 and acc by 1
        Predictions first = new Predictions(List.of("loss", "acc"),
            List.of(new double[] {1, 2}, new double[] {5, 5}), List.of(new double[] {2, -1}, new double[] {5, 7}),
            List.of());
        Predictions second = new Predictions(List.of("loss", "acc"),
            List.of(new double[] {4}, new double[] {0}), List.of(new double[] {6}, new double[] {-1}), List.of());

        ValidationRmse rmse = ValidationRmse.of(List.of(first, second));

        assertEquals(3, rmse.rows());
        assertEquals(Math.sqrt((1 + 9 + 4) / 3.0), rmse.rootMeanSquaredErrors().get(0), 1e-15);
        assertEquals(Math.sqrt((0 + 4 + 1) / 3.0), rmse.rootMeanSquaredErrors().get(1), 1e-15);
        assertEquals(List.of("loss", "acc"), List.copyOf(rmse.byTarget().keySet()));
        assertEquals(Map.of("loss", Math.sqrt(14 / 3.0), "acc", Math.sqrt(5 / 3.0)), rmse.byTarget());
    }

    @Test
    void needsOneErrorPerTarget() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationRmse(List.of("loss", "acc"), List.of(0.1), 4));
    }
}
