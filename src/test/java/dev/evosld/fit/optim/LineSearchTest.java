package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class LineSearchTest {

    private static final double UNBOUNDED = 1e10;

    /** φ and φ′ of a line function. */
    private record LineFunction(DoubleUnaryOperator value, DoubleUnaryOperator slope) {
    }

    /** The accepted step, its status and how many trials it took. */
    private record Outcome(LineSearch.Status status, double step, int trials) {
    }

    /** Drives the reverse-communication protocol as {@link LbfgsB} does. */
    private static Outcome search(LineFunction phi, double initialStep, double maxStep) {
        LineSearch search = new LineSearch();
        LineSearch.Status status = search.begin(phi.value().applyAsDouble(0), phi.slope().applyAsDouble(0),
            initialStep, maxStep);
        int trials = 0;
        double accepted = Double.NaN;
        double best = 0;
        while (status == LineSearch.Status.EVALUATE) {
            double step = search.step();
            trials++;
            status = search.next(phi.value().applyAsDouble(step), phi.slope().applyAsDouble(step));
            if (search.trialBecameBest()) {
                best = step;
            }
            accepted = status == LineSearch.Status.ACCEPT_TRIAL ? step : best;
        }
        return new Outcome(status, accepted, trials);
    }

    private static void assertStrongWolfe(LineFunction phi, Outcome outcome) {
        double value0 = phi.value().applyAsDouble(0);
        double slope0 = phi.slope().applyAsDouble(0);
        double step = outcome.step();
        assertNotEquals(LineSearch.Status.FAILED, outcome.status());
        assertTrue(phi.value().applyAsDouble(step) <= value0 + 1e-3 * step * slope0, "sufficient decrease at " + step);
        assertTrue(Math.abs(phi.slope().applyAsDouble(step)) <= 0.9 * Math.abs(slope0), "curvature at " + step);
    }

    // The first three test functions of Moré and Thuente (1994), section 5.

    private static final double BETA_1 = 2;
    private static final LineFunction MT1 = new LineFunction(
        a -> -a / (a * a + BETA_1),
        a -> (a * a - BETA_1) / ((a * a + BETA_1) * (a * a + BETA_1)));

    private static final double BETA_2 = 0.004;
    private static final LineFunction MT2 = new LineFunction(
        a -> Math.pow(a + BETA_2, 5) - 2 * Math.pow(a + BETA_2, 4),
        a -> 5 * Math.pow(a + BETA_2, 4) - 8 * Math.pow(a + BETA_2, 3));

    private static final double BETA_3 = 0.01;
    private static final double L_3 = 39;
    private static final LineFunction MT3 = new LineFunction(
        a -> {
            double base = a <= 1 - BETA_3 ? 1 - a
                : a >= 1 + BETA_3 ? a - 1 : (a - 1) * (a - 1) / (2 * BETA_3) + BETA_3 / 2;
            return base + 2 * (1 - BETA_3) / (L_3 * Math.PI) * Math.sin(L_3 * Math.PI * a / 2);
        },
        a -> {
            double base = a <= 1 - BETA_3 ? -1 : a >= 1 + BETA_3 ? 1 : (a - 1) / BETA_3;
            return base + (1 - BETA_3) * Math.cos(L_3 * Math.PI * a / 2);
        });

    private static final double[] INITIAL_STEPS = {1e-3, 1e-1, 10, 1e3};

    @Test
    void satisfiesStrongWolfeOnMoreThuenteFunction1() {
        for (double initial : INITIAL_STEPS) {
            Outcome outcome = search(MT1, initial, UNBOUNDED);

            assertEquals(LineSearch.Status.ACCEPT_TRIAL, outcome.status());
            assertStrongWolfe(MT1, outcome);
            assertTrue(outcome.trials() <= 5, "trials " + outcome.trials() + " from " + initial);
        }
    }

    @Test
    void narrowsInOnTheMinimizerWhenTheInitialSlopeIsTiny() {
        // φ′(0) is −5·10⁻⁷ for function 2 and −10⁻² for the wiggly function 3, so the curvature condition
        // asks for a nearly exact minimizer. Like L-BFGS-B, the search stops earlier, once the bracket is
        // within xtol = 10% of the step, and returns its best point: sufficient decrease, close to the
        // minimizer (1.6 − β for function 2, near 1 for function 3).
        double[] minimizers = {1.6 - BETA_2, 1};
        LineFunction[] functions = {MT2, MT3};
        for (int f = 0; f < functions.length; f++) {
            LineFunction phi = functions[f];
            for (double initial : INITIAL_STEPS) {
                Outcome outcome = search(phi, initial, UNBOUNDED);

                double step = outcome.step();
                String where = "function " + (f + 2) + " from " + initial + ": " + outcome;
                assertTrue(phi.value().applyAsDouble(step)
                    <= phi.value().applyAsDouble(0) + 1e-3 * step * phi.slope().applyAsDouble(0), where);
                assertEquals(minimizers[f], step, 0.02, where);
                assertTrue(outcome.trials() <= 10, where);
            }
        }
    }

    @Test
    void quadraticIsSolvedByInterpolation() {
        // φ = (α − 3)²: from a unit step the cubic through (0, 1) lands on 3 exactly.
        LineFunction phi = new LineFunction(a -> (a - 3) * (a - 3), a -> 2 * (a - 3));

        Outcome outcome = search(phi, 1, UNBOUNDED);

        assertStrongWolfe(phi, outcome);
        assertTrue(outcome.trials() <= 3, "trials " + outcome.trials());
    }

    @Test
    void stopsAtTheLargestStepWhileStillDescending() {
        LineFunction downhill = new LineFunction(a -> -a, a -> -1);

        Outcome outcome = search(downhill, 1, 5);

        assertEquals(LineSearch.Status.ACCEPT_TRIAL, outcome.status());
        assertEquals(5, outcome.step(), 0.0);
    }

    @Test
    void halvesStepsIntoTheFiniteRegion() {
        // Undefined beyond 2.2; the minimum at 2 is just inside.
        LineFunction edge = new LineFunction(
            a -> a > 2.2 ? Double.NaN : (a - 2) * (a - 2),
            a -> a > 2.2 ? Double.NaN : 2 * (a - 2));

        Outcome outcome = search(edge, 10, UNBOUNDED);

        assertStrongWolfe(edge, outcome);
        assertTrue(outcome.step() <= 2.2);
    }

    @Test
    void failsWhenNothingIsFinite() {
        LineFunction nowhere = new LineFunction(a -> a == 0 ? 0 : Double.POSITIVE_INFINITY, a -> a == 0 ? -1 : 0);

        Outcome outcome = search(nowhere, 1, UNBOUNDED);

        assertEquals(LineSearch.Status.FAILED, outcome.status());
        assertEquals(LineSearch.MAX_TRIALS, outcome.trials());
    }

    @Test
    void failsWhenNoStepDecreases() {
        // φ′(0) < 0 claimed, but φ rises everywhere: a wrong gradient.
        LineFunction liar = new LineFunction(a -> a * a + a, a -> a == 0 ? -1 : 2 * a + 1);

        Outcome outcome = search(liar, 1, UNBOUNDED);

        assertEquals(LineSearch.Status.FAILED, outcome.status());
        assertTrue(outcome.trials() <= LineSearch.MAX_TRIALS);
    }
}
