package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void onlyTheTwoTolerancesCountAsConverged() {
        Set<Stop> converging = Set.of(Stop.PROJECTED_GRADIENT, Stop.RELATIVE_REDUCTION);
        for (Stop stop : Stop.values()) {
            Result result = new Result(new double[] {1, 2}, 0.5, 3, 7, stop, 1e-9);
            assertEquals(converging.contains(stop), result.converged(), stop.name());
        }
        assertEquals(6, Stop.values().length, "a new stop reason needs a decision here");
    }

    @Test
    void thePointIsTheArrayGivenNotACopy() {
        // LbfgsB hands over a fresh array, so the record does not copy it again
        double[] point = {1.5, -2};
        Result result = new Result(point, 0.25, 1, 2, Stop.MAX_ITERATIONS, Double.NaN);
        assertSame(point, result.point());
        assertEquals("[1.5, -2.0]", Arrays.toString(result.point()));
        assertEquals(Double.NaN, result.projectedGradientNorm());
    }
}
