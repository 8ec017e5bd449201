package dev.evosld.fit.optim;

import static dev.evosld.fit.optim.TestProblems.INF;
import static dev.evosld.fit.optim.TestProblems.ROSENBROCK;
import static dev.evosld.fit.optim.TestProblems.filled;
import static dev.evosld.fit.optim.TestProblems.rosenbrockStart;
import static dev.evosld.fit.optim.TestProblems.unboundedAbove;
import static dev.evosld.fit.optim.TestProblems.unboundedBelow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LbfgsBTest {

    private static final Settings TIGHT = Settings.defaults()
        .withProjectedGradientTolerance(1e-10)
        .withRelativeReductionTolerance(0);

    @Test
    void rosenbrock2dUnboundedReachesOne() {
        Result result = new LbfgsB(2, TIGHT).minimize(ROSENBROCK, rosenbrockStart(2), unboundedBelow(2),
            unboundedAbove(2));

        assertEquals(Stop.PROJECTED_GRADIENT, result.stop());
        assertArrayEquals(new double[] {1, 1}, result.point(), 1e-6);
        assertEquals(0, result.value(), 1e-20);
        assertTrue(result.iterations() < 60, "iterations " + result.iterations());
    }

    @Test
    void rosenbrock10dUnboundedReachesOne() {
        Result result = new LbfgsB(10, TIGHT).minimize(ROSENBROCK, rosenbrockStart(10), unboundedBelow(10),
            unboundedAbove(10));

        assertEquals(Stop.PROJECTED_GRADIENT, result.stop());
        assertArrayEquals(filled(10, 1), result.point(), 1e-6);
        assertTrue(result.iterations() < 150, "iterations " + result.iterations());
    }

    @Test
    void rosenbrockWithUpperBoundStopsOnIt() {
        // For fixed x0 the minimum over x1 is at x1 = x0², leaving (1 − x0)², which decreases up to
        // x0 = 1: so with x0 ≤ 0.5 the minimizer is (0.5, 0.25) with value 0.25.
        Result result = new LbfgsB(2, TIGHT).minimize(ROSENBROCK, rosenbrockStart(2),
            unboundedBelow(2), new double[] {0.5, INF});

        assertEquals(0.5, result.point()[0], 0.0, "x0 sits exactly on its bound");
        assertEquals(0.25, result.point()[1], 1e-9);
        assertEquals(0.25, result.value(), 1e-12);
        assertTrue(result.converged(), result.stop().toString());
    }

    @Test
    void rosenbrockWithLowerBoundMatchesOneDimensionalMinimizer() {
        // With x1 ≥ 1.5 active, x0 minimizes h(a) = (1 − a)² + 100 (1.5 − a²)²; bisect h′ on [1, 1.5]
        // (h′(1) < 0 < h′(1.5)) for the branch next to the start.
        double low = 1;
        double high = 1.5;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (low + high);
            double slope = -2 * (1 - mid) - 400 * mid * (1.5 - mid * mid);
            if (slope < 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double expected = 0.5 * (low + high);

        Result result = new LbfgsB(2, TIGHT).minimize(ROSENBROCK, new double[] {2, 2},
            new double[] {Double.NEGATIVE_INFINITY, 1.5}, unboundedAbove(2));

        assertEquals(1.5, result.point()[1], 0.0, "x1 sits exactly on its bound");
        assertEquals(expected, result.point()[0], 1e-9);
        assertTrue(result.converged(), result.stop().toString());
    }

    @Test
    void quadraticFindsKnownActiveSet() {
        // Choose the minimizer and the sign of the gradient at it, then derive b = A x* − g*: the
        // KKT conditions then hold at x*, which is the unique minimizer because A is positive definite.
        int n = 6;
        double[][] a = TestProblems.randomSpd(n, new SplittableRandom(7));
        double[] expected = {-1, 1, 0.3, -1, 1, -0.4};
        double[] gradientAtMinimum = {0.5, -0.8, 0, 1.5, -0.2, 0};
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i][j] * expected[j];
            }
            b[i] -= gradientAtMinimum[i];
        }

        Result result = new LbfgsB(n, TIGHT).minimize(new TestProblems.Quadratic(a, b), new double[n],
            filled(n, -1), filled(n, 1));

        double[] x = result.point();
        assertEquals(-1, x[0], 0.0, "x0 at lower bound");
        assertEquals(1, x[1], 0.0, "x1 at upper bound");
        assertEquals(-1, x[3], 0.0, "x3 at lower bound");
        assertEquals(1, x[4], 0.0, "x4 at upper bound");
        assertEquals(0.3, x[2], 1e-8);
        assertEquals(-0.4, x[5], 1e-8);
        assertTrue(result.converged(), result.stop().toString());
    }

    @Test
    void doesNotStallWhenTheProjectedTargetIsOrthogonalToTheGradient() {
        // Found by a random-quadratic search: after an exact line search towards a projected target,
        // the next subspace step projected onto the same point, a direction orthogonal to g up to
        // rounding. Accepting it because g·d < 0 held by 1e-16 stalled the run with |g| = 3.7
        // (Stop.RELATIVE_REDUCTION at f = 0.193); the minimizer has x1 on its lower bound.
        double[][] a = {{2.6847656930381145, -2.771796117071907}, {-2.771796117071907, 3.524832024962339}};
        double[] b = {1.4884347830148297, -3.5652604735537397};
        double[] lower = {Double.NEGATIVE_INFINITY, -1.0613056238715504};
        double[] upper = {INF, 1.006005549041272};
        TestProblems.Quadratic quadratic = new TestProblems.Quadratic(a, b);

        Result result = new LbfgsB(2, TIGHT).minimize(quadratic,
            new double[] {4.1874094161937325, 4.878251968828046}, lower, upper);

        double[] x = result.point();
        double[] g = quadratic.gradientAt(x);
        assertEquals(lower[1], x[1], 0.0, "x1 at its lower bound");
        assertTrue(g[1] >= 0, "multiplier of the active bound");
        // With x1 fixed, x0 minimizes the quadratic: a00 x0 + a01 x1 = b0.
        assertEquals((b[0] - a[0][1] * lower[1]) / a[0][0], x[0], 1e-12);
        assertEquals(Stop.PROJECTED_GRADIENT, result.stop());
    }

    @Test
    void startOutsideTheBoxIsProjectedIn() {
        List<double[]> visited = new ArrayList<>();
        Objective bowl = (x, g) -> {
            visited.add(x.clone());
            g[0] = 2 * (x[0] - 3);
            g[1] = 2 * (x[1] + 1);
            return (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
        };

        Result result = new LbfgsB(2, TIGHT).minimize(bowl, new double[] {10, -10},
            new double[] {-2, -2}, new double[] {2, 2});

        assertArrayEquals(new double[] {2, -2}, visited.getFirst(), 0.0, "first evaluation at the projected start");
        for (double[] x : visited) {
            assertTrue(x[0] >= -2 && x[0] <= 2 && x[1] >= -2 && x[1] <= 2, "stays in the box");
        }
        assertArrayEquals(new double[] {2, -1}, result.point(), 1e-9);
        assertEquals(1, result.value(), 1e-12);
    }

    @Test
    void fixedVariableStaysFixed() {
        Result result = new LbfgsB(2, TIGHT).minimize(ROSENBROCK, rosenbrockStart(2),
            new double[] {0.8, Double.NEGATIVE_INFINITY}, new double[] {0.8, INF});

        assertEquals(0.8, result.point()[0], 0.0);
        assertEquals(0.64, result.point()[1], 1e-9);
    }

    @Test
    void backsOffFromNonFiniteRegionBeyondTheMinimum() {
        // Minimum at 2.9, undefined beyond |x| > 3. The first trial is a unit step along −g, from
        // (2.2, 2.5) to about (3.07, 3.0): past the edge.
        int[] nonFinite = {0};
        Objective cliff = (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(x[i]) > 3) {
                    nonFinite[0]++;
                    g[i] = Double.NaN;
                    return Double.NaN;
                }
                g[i] = 2 * (x[i] - 2.9);
                f += (x[i] - 2.9) * (x[i] - 2.9);
            }
            return f;
        };

        Result result = new LbfgsB(2, TIGHT).minimize(cliff, new double[] {2.2, 2.5}, unboundedBelow(2),
            unboundedAbove(2));

        assertTrue(nonFinite[0] > 0, "the test must reach the NaN region");
        assertArrayEquals(new double[] {2.9, 2.9}, result.point(), 1e-8);
        assertTrue(Double.isFinite(result.value()));
        assertTrue(result.converged(), result.stop().toString());
    }

    @Test
    void backsOffFromLogarithmsDomainEdge() {
        // f = x² − ln x is NaN for x < 0 and +∞ at 0; the minimum 1/√2 is next to that region. The
        // first trial is a unit step along −g from 0.9, to −0.1.
        int[] nonFinite = {0};
        Objective barrier = (x, g) -> {
            double f = x[0] * x[0] - Math.log(x[0]);
            g[0] = 2 * x[0] - 1 / x[0];
            if (!Double.isFinite(f)) {
                nonFinite[0]++;
            }
            return f;
        };

        Result result = new LbfgsB(1, TIGHT).minimize(barrier, new double[] {0.9}, unboundedBelow(1),
            unboundedAbove(1));

        assertTrue(nonFinite[0] > 0, "the test must reach the undefined region");
        assertEquals(1 / Math.sqrt(2), result.point()[0], 1e-9);
        assertEquals(0.5 + 0.5 * Math.log(2), result.value(), 1e-12);
        assertTrue(result.converged(), result.stop().toString());
    }

    @Test
    void returnsBestFinitePointWhenNoStepIsFinite() {
        double[] start = {1, 2};
        Objective island = (x, g) -> {
            g[0] = 1;
            g[1] = -1;
            return x[0] == start[0] && x[1] == start[1] ? 5 : Double.NaN;
        };

        Result result = new LbfgsB(2, TIGHT).minimize(island, start, unboundedBelow(2), unboundedAbove(2));

        assertEquals(Stop.LINE_SEARCH_FAILED, result.stop());
        assertArrayEquals(start, result.point(), 0.0);
        assertEquals(5, result.value(), 0.0);
        assertEquals(LineSearch.MAX_TRIALS + 1, result.evaluations(), "the start, then one line search");
    }

    @Test
    void nanAtStartStopsImmediately() {
        Objective nan = (x, g) -> Double.NaN;

        Result result = new LbfgsB(2, TIGHT).minimize(nan, new double[] {5, -5}, filled(2, -1), filled(2, 1));

        assertEquals(Stop.NON_FINITE_START, result.stop());
        assertArrayEquals(new double[] {1, -1}, result.point(), 0.0, "the projected start");
        assertEquals(1, result.evaluations());
        assertEquals(0, result.iterations());
        assertTrue(Double.isNaN(result.value()));
    }

    @Test
    void infiniteGradientAtStartStopsImmediately() {
        Objective kink = (x, g) -> {
            g[0] = Double.NEGATIVE_INFINITY;
            return 0;
        };

        Result result = new LbfgsB(1, TIGHT).minimize(kink, new double[] {0}, unboundedBelow(1),
            unboundedAbove(1));

        assertEquals(Stop.NON_FINITE_START, result.stop());
    }

    @Test
    void infiniteStartCoordinateIsNotEvaluated() {
        int[] calls = {0};
        Objective counting = (x, g) -> {
            calls[0]++;
            g[0] = 0;
            return 0;
        };

        Result result = new LbfgsB(1, TIGHT).minimize(counting, new double[] {INF}, unboundedBelow(1),
            unboundedAbove(1));

        assertEquals(Stop.NON_FINITE_START, result.stop());
        assertEquals(0, calls[0]);
    }

    @Test
    void stationaryStartNeedsNoIteration() {
        Result result = new LbfgsB(2, TIGHT).minimize(ROSENBROCK, new double[] {1, 1}, unboundedBelow(2),
            unboundedAbove(2));

        assertEquals(Stop.PROJECTED_GRADIENT, result.stop());
        assertEquals(0, result.iterations());
        assertEquals(1, result.evaluations());
    }

    @Test
    void iterationCapIsRespected() {
        Result result = new LbfgsB(2, TIGHT.withMaxIterations(3)).minimize(ROSENBROCK, rosenbrockStart(2),
            unboundedBelow(2), unboundedAbove(2));

        assertEquals(Stop.MAX_ITERATIONS, result.stop());
        assertEquals(3, result.iterations());
        assertTrue(result.value() < ROSENBROCK.evaluate(rosenbrockStart(2), new double[2]));
    }

    @Test
    void evaluationCapIsRespected() {
        int[] calls = {0};
        Objective counted = (x, g) -> {
            calls[0]++;
            return ROSENBROCK.evaluate(x, g);
        };

        Result result = new LbfgsB(2, TIGHT.withMaxEvaluations(10)).minimize(counted, rosenbrockStart(2),
            unboundedBelow(2), unboundedAbove(2));

        assertEquals(Stop.MAX_EVALUATIONS, result.stop());
        assertEquals(10, result.evaluations());
        assertEquals(10, calls[0]);
    }

    @Test
    void relativeReductionStopsEarlyWithLooseTolerance() {
        Settings loose = Settings.defaults().withProjectedGradientTolerance(0).withRelativeReductionTolerance(1e-3);

        Result result = new LbfgsB(2, loose).minimize(ROSENBROCK, rosenbrockStart(2), unboundedBelow(2),
            unboundedAbove(2));

        assertEquals(Stop.RELATIVE_REDUCTION, result.stop());
    }

    @Test
    void sameCallTwiceIsBitIdenticalAndInstancesCarryNoState() {
        int n = 7;
        SplittableRandom random = new SplittableRandom(99);
        TestProblems.Quadratic quadratic = new TestProblems.Quadratic(TestProblems.randomSpd(n, random),
            random.doubles(n, -3, 3).toArray());
        double[] lower = filled(n, -0.5);
        double[] upper = filled(n, 0.7);
        LbfgsB reused = new LbfgsB(n, TIGHT);

        Result first = reused.minimize(quadratic, new double[n], lower, upper);
        reused.minimize(ROSENBROCK, rosenbrockStart(n), unboundedBelow(n), unboundedAbove(n));
        Result again = reused.minimize(quadratic, new double[n], lower, upper);
        Result fresh = new LbfgsB(n, TIGHT).minimize(quadratic, new double[n], lower, upper);

        for (Result other : List.of(again, fresh)) {
            assertArrayEquals(first.point(), other.point(), 0.0);
            assertEquals(Double.doubleToRawLongBits(first.value()), Double.doubleToRawLongBits(other.value()));
            assertEquals(first.iterations(), other.iterations());
            assertEquals(first.evaluations(), other.evaluations());
            assertEquals(first.stop(), other.stop());
        }
    }

    @Test
    void rejectsInconsistentArguments() {
        LbfgsB optimizer = new LbfgsB(2, TIGHT);
        double[] two = new double[2];

        assertThrows(IllegalArgumentException.class,
            () -> optimizer.minimize(ROSENBROCK, new double[3], unboundedBelow(2), unboundedAbove(2)));
        assertThrows(IllegalArgumentException.class,
            () -> optimizer.minimize(ROSENBROCK, two, new double[] {1, 0}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
            () -> optimizer.minimize(ROSENBROCK, two, new double[] {Double.NaN, 0}, unboundedAbove(2)));
        assertThrows(IllegalArgumentException.class,
            () -> optimizer.minimize(ROSENBROCK, two, unboundedAbove(2), unboundedAbove(2)));
        assertThrows(IllegalArgumentException.class, () -> new LbfgsB(0, TIGHT));
        assertThrows(IllegalArgumentException.class, () -> TIGHT.withMemory(0));
        assertThrows(IllegalArgumentException.class, () -> TIGHT.withProjectedGradientTolerance(Double.NaN));
    }
}
