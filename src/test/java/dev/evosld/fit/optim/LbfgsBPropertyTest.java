package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LbfgsBPropertyTest {

    private static final Settings SETTINGS = Settings.defaults()
        .withProjectedGradientTolerance(1e-10)
        .withRelativeReductionTolerance(0);

    /** A random strictly convex quadratic on a random box, some bounds infinite, and a start that may lie outside. */
    private record Problem(TestProblems.Quadratic objective, double[] lower, double[] upper, double[] start) {

        static Problem random(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] a = TestProblems.randomSpd(n, random);
            double[] b = new double[n];
            double[] lower = new double[n];
            double[] upper = new double[n];
            double[] start = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = 3 * random.nextGaussian();
                lower[i] = random.nextDouble() < 0.3 ? Double.NEGATIVE_INFINITY : random.nextDouble(-2, 1);
                double base = Double.isFinite(lower[i]) ? lower[i] : -1;
                upper[i] = random.nextDouble() < 0.3 ? Double.POSITIVE_INFINITY : base + random.nextDouble(0, 3);
                start[i] = random.nextDouble(-5, 5);
            }
            return new Problem(new TestProblems.Quadratic(a, b), lower, upper, start);
        }
    }

    @Test
    void randomConvexQuadraticsSatisfyKkt() {
        qt().withFixedSeed(20240601L).withExamples(1000)
            .forAll(integers().between(1, 10), longs().all())
            .checkAssert((n, seed) -> {
                Problem problem = Problem.random(n, seed);
                Result result = new LbfgsB(n, SETTINGS).minimize(problem.objective(), problem.start(),
                    problem.lower(), problem.upper());

                double[] x = result.point();
                double[] g = problem.objective().gradientAt(x);
                double scale = 1;
                for (int i = 0; i < n; i++) {
                    scale = Math.max(scale, Math.abs(problem.objective().b()[i]));
                    scale = Math.max(scale, problem.objective().scaleOfA() * Math.abs(x[i]));
                }
                double tolerance = 1e-6 * scale;
                for (int i = 0; i < n; i++) {
                    String where = "n=" + n + " seed=" + seed + " i=" + i + " x=" + x[i] + " g=" + g[i]
                        + " bounds=[" + problem.lower()[i] + ", " + problem.upper()[i] + "] " + result;
                    assertTrue(x[i] >= problem.lower()[i] && x[i] <= problem.upper()[i], "feasible: " + where);
                    if (x[i] == problem.lower()[i] && x[i] == problem.upper()[i]) {
                        continue;
                    } else if (x[i] == problem.lower()[i]) {
                        assertTrue(g[i] >= -tolerance, "at lower bound: " + where);
                    } else if (x[i] == problem.upper()[i]) {
                        assertTrue(g[i] <= tolerance, "at upper bound: " + where);
                    } else {
                        assertTrue(Math.abs(g[i]) <= tolerance, "free: " + where);
                    }
                }
            });
    }

    @Test
    void sameCallTwiceIsBitIdentical() {
        qt().withFixedSeed(77L).withExamples(100)
            .forAll(integers().between(1, 10), longs().all())
            .checkAssert((n, seed) -> {
                Problem problem = Problem.random(n, seed);
                LbfgsB optimizer = new LbfgsB(n, SETTINGS);

                Result first = optimizer.minimize(problem.objective(), problem.start(), problem.lower(),
                    problem.upper());
                Result second = optimizer.minimize(problem.objective(), problem.start(), problem.lower(),
                    problem.upper());

                assertArrayEquals(first.point(), second.point(), 0.0);
                assertEquals(Double.doubleToRawLongBits(first.value()), Double.doubleToRawLongBits(second.value()));
                assertEquals(first.evaluations(), second.evaluations());
                assertEquals(first.stop(), second.stop());
            });
    }
}
