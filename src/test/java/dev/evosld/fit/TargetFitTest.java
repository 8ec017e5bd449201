package dev.evosld.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetFitTest {

    private static TargetFit fit(double[] parameters, double mse, int starts, int startsAtBest) {
        return new TargetFit("g", "loss", parameters, mse, null, 10, 20, starts, startsAtBest);
    }

    @Test
    void parametersAreCopiedInAndOut() {
        double[] values = {1, 2};
        TargetFit fit = fit(values, 0.5, 1, 1);

        values[0] = 99;
        fit.parameters()[1] = 99;

        assertArrayEquals(new double[] {1, 2}, fit.parameters(), 0.0);
        assertEquals(2, fit.parameter(1), 0.0);
    }

    @Test
    void equalityIsBitForBitSoThatDeterminismTestsMeanIt() {
        TargetFit fit = fit(new double[] {0.0, 1}, 0.5, 4, 2);

        assertEquals(fit, fit(new double[] {0.0, 1}, 0.5, 4, 2));
        assertEquals(fit.hashCode(), fit(new double[] {0.0, 1}, 0.5, 4, 2).hashCode());
        assertNotEquals(fit, fit(new double[] {-0.0, 1}, 0.5, 4, 2), "−0 is another bit pattern");
        assertNotEquals(fit, fit(new double[] {0.0, Math.nextUp(1.0)}, 0.5, 4, 2));
        assertNotEquals(fit, fit(new double[] {0.0, 1}, Math.nextUp(0.5), 4, 2));
        assertNotEquals(fit, fit(new double[] {0.0, 1}, 0.5, 4, 3));
        assertNotEquals(fit, new TargetFit("g", "loss", new double[] {0.0, 1}, 0.5, null, 11, 20, 4, 2));
        assertNotEquals(fit, new TargetFit("g", "other", new double[] {0.0, 1}, 0.5, null, 10, 20, 4, 2));
        // failures carry NaN, and two identical failures are still equal
        TargetFit failed = new TargetFit("g", "loss", new double[0], Double.NaN, "why", 3, 4, 8, 0);
        assertEquals(failed, new TargetFit("g", "loss", new double[0], Double.NaN, "why", 3, 4, 8, 0));
        assertNotEquals(failed, new TargetFit("g", "loss", new double[0], Double.NaN, "other", 3, 4, 8, 0));
    }

    @Test
    void aFailureIsNeverASingleStartOptimum() {
        TargetFit failed = new TargetFit("g", "loss", new double[0], Double.NaN, "no start gave finite predictions",
            0, 0, 8, 1);

        assertTrue(failed.isFailure());
        assertFalse(failed.isSingleStartOptimum());
        assertEquals("g/loss: no start gave finite predictions", failed.toString());
    }

    @Test
    void onlyOneOfSeveralStartsAtTheBestIsASingleStartOptimum() {
        assertTrue(fit(new double[] {1}, 0.1, 2, 1).isSingleStartOptimum());
        assertFalse(fit(new double[] {1}, 0.1, 2, 2).isSingleStartOptimum());
        assertFalse(fit(new double[] {1}, 0.1, 1, 1).isSingleStartOptimum());
        assertFalse(fit(new double[] {1}, 0.1, 2, 1).isFailure());
        assertEquals("g/loss: [1.0, 2.5] mse=0.1", fit(new double[] {1, 2.5}, 0.1, 2, 1).toString());
    }

    /**
     * {@code (1 + t/|t|)} is 0 for t &lt; 0 and 2 for t &gt; 0, with a derivative of exactly 0 at |t| = 1: a start
     * at t = −1 and one at t = +1 both stay where they are, and their objectives differ by the z term alone.
     */
    private static final Law SWITCH = Law.parse("c + A*x + (1 + t/abs(t))*z", List.of("x", "z"));

    /**
     * Rows in pairs with the same x and target and opposite z: z is orthogonal to 1, x and the noise, so
     * with t &gt; 0 the normalized objective is exactly the t &lt; 0 one plus 4 Σz² / (n var y).
     */
    private static FitProblem switchProblem(double noise, double zScale) {
        SplittableRandom random = new SplittableRandom(8);
        int pairs = 10;
        double[] x = new double[2 * pairs];
        double[] z = new double[2 * pairs];
        double[] y = new double[2 * pairs];
        for (int i = 0; i < pairs; i++) {
            double target = 2 + 0.5 * (i + 1) + noise * random.nextGaussian();
            for (int side = 0; side < 2; side++) {
                x[2 * i + side] = i + 1;
                z[2 * i + side] = (side == 0 ? 1 : -1) * zScale * (1 + i % 3);
                y[2 * i + side] = target;
            }
        }
        return new FitProblem("g", "loss", 2 * pairs, new double[][] {x, z}, y);
    }

    @ParameterizedTest(name = "noise {0}, gap {1} of the tolerance: {2} starts at the best")
    @CsvSource({"0, 0, 2", "0, 0.5, 2", "0, 2, 1", "0.05, 0, 2", "0.05, 0.5, 2", "0.05, 2, 1"})
    void startsWithinSameOptimumOfTheBestObjectiveCountAsReachingIt(double noise, double gap, int expected) {
        assertEquals(List.of("x", "z"), SWITCH.variables());
        assertEquals(List.of("c", "A", "t"), SWITCH.parameters());
        // the start hinted at t = −1 ends at the best value; the first default guess (t = 1) above it
        double[] hint = {0, 0, -1};
        FitProblem unit = switchProblem(noise, 1);
        double variance = unit.targetStandardDeviation() * unit.targetStandardDeviation();
        TargetFit best = LawFitter.of(SWITCH, FitOptions.defaults().withStarts(1)).fit(unit, hint);
        double bestValue = best.mse() / variance;
        double tolerance = TargetFit.SAME_OPTIMUM * bestValue + 1e-9;
        double sumZ2 = 0;
        for (double v : unit.columns()[1]) {
            sumZ2 += v * v;
        }
        // the t > 0 start then ends gap × tolerance above the best
        double zScale = Math.sqrt(gap * tolerance * unit.rows() * variance / (4 * sumZ2));
        FitProblem problem = switchProblem(noise, zScale);

        TargetFit fit = LawFitter.of(SWITCH, FitOptions.defaults().withStarts(2)).fit(problem, hint);

        assertEquals(2, fit.starts());
        assertEquals(expected, fit.startsAtBest(), fit::toString);
        assertEquals(expected == 1, fit.isSingleStartOptimum());
        assertEquals(-1, fit.parameter(2), 0.0, "the earlier of equal starts, or the lower one, is kept");
        assertEquals(bestValue * variance, fit.mse(), 1e-12 * variance + 1e-9 * bestValue * variance,
            "z does not change the best fit");
    }
}
