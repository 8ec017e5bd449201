package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The workload L-BFGS-B exists for: the mean squared residual of a scaling law L(N) = E + A N^-α,
 * parametrized as (E, ln A, α), over a few hundred noisy rows.
 */
class PowerLawFitTest {

    private static final int ROWS = 300;
    private static final double E = 1.7;
    private static final double LOG_A = 6.0;
    private static final double ALPHA = 0.34;

    private static final double[] LOWER = {Double.NEGATIVE_INFINITY, -50, -5};
    private static final double[] UPPER = {Double.POSITIVE_INFINITY, 50, 5};

    private final double[] logN = new double[ROWS];
    private final double[] loss = new double[ROWS];

    PowerLawFitTest() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ROWS; i++) {
            logN[i] = Math.log(1e6) + random.nextDouble() * Math.log(1e3);
            loss[i] = E + Math.exp(LOG_A - ALPHA * logN[i]) * (1 + 0.001 * random.nextGaussian());
        }
    }

    private double meanSquaredResidual(double[] p, double[] gradient) {
        double sum = 0;
        double dE = 0;
        double dLogA = 0;
        double dAlpha = 0;
        for (int i = 0; i < ROWS; i++) {
            double term = Math.exp(p[1] - p[2] * logN[i]);
            double residual = p[0] + term - loss[i];
            sum += residual * residual;
            dE += 2 * residual;
            dLogA += 2 * residual * term;
            dAlpha -= 2 * residual * term * logN[i];
        }
        gradient[0] = dE / ROWS;
        gradient[1] = dLogA / ROWS;
        gradient[2] = dAlpha / ROWS;
        return sum / ROWS;
    }

    @Test
    void recoversTheGeneratingConstants() {
        Result result = new LbfgsB(3, Settings.defaults()).minimize(this::meanSquaredResidual,
            new double[] {1, 5, 0.3}, LOWER, UPPER);

        assertTrue(result.converged(), result.toString());
        assertEquals(E, result.point()[0], 0.01);
        assertEquals(LOG_A, result.point()[1], 0.05);
        assertEquals(ALPHA, result.point()[2], 0.005);
        assertTrue(result.evaluations() < 150, result.toString());
    }

    @Test
    void overflowingStartStaysWithinBudget() {
        // f ≈ 10³⁷ at the start and the gradient spans 10¹⁸ (E) to 10³⁹ (α). Starting every line search
        // at a unit-length step, rather than only the first, used to creep along the dominant E
        // direction at 20 trials per iteration until all 2000 evaluations were spent.
        Result result = new LbfgsB(3, Settings.defaults()).minimize(this::meanSquaredResidual,
            new double[] {-2.29322055, 10.85929438, -1.64175626}, LOWER, UPPER);

        assertTrue(result.converged(), result.toString());
        assertTrue(result.evaluations() < 200, result.toString());
        assertTrue(Double.isFinite(result.value()));
    }
}
