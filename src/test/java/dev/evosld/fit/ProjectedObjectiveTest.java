package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.evosld.eval.Evaluator;
import dev.evosld.eval.Kernels;
import dev.evosld.eval.Program;
import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProjectedObjectiveTest {
    // the law of DirectObjectiveTest: E and A are solved, alpha (an exponent) and B (a shape) are searched
    private static final Law LAW = Law.parse("E + A/(N^alpha + B)", List.of("N"));
    private static final double[] TRUTH = {1.7, 400, 0.3, 2};
    private static final int[] LINEAR = {0, 1};
    private static final int[] SEARCHED = {2, 3};
    private static final int ROWS = 25;

    /**
     * Data from the law plus noise, so that the projected residual is not zero at the truth and the gradient
     * there has something to measure.
     */
    private static FitProblem noisyProblem(long seed) {
        double[][] columns = Synthetic.columns(ROWS, List.of(log(1e6, 1e9)), seed);
        double[] y = Synthetic.predict(LAW, columns, TRUTH);
        SplittableRandom random = new SplittableRandom(~seed);
        for (int r = 0; r < ROWS; r++) {
            y[r] += 0.01 * random.nextGaussian();
        }
        return new FitProblem("g", "y", ROWS, columns, y);
    }

    private static Evaluator evaluator(Law law, FitProblem problem) {
        return Program.compile(law).bind(problem.rows(), problem.columns(), Kernels.scalar());
    }

    /** A projected objective as LawFitter builds one: the solve and the objective share evaluator and theta. */
    private static ProjectedObjective projected(FitProblem problem, double[] theta, double[] scale) {
        Evaluator evaluator = evaluator(LAW, problem);
        return new ProjectedObjective(evaluator, new LinearSolve(evaluator, problem, LINEAR, 4), problem, SEARCHED,
            theta, scale);
    }

    private static double[] scaledSearched(double[] theta, double[] scale) {
        return new double[] {theta[2] / scale[0], theta[3] / scale[1]};
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheProjectedValue() {
        // the differences re-solve E and A at every point: this is the reduced gradient, not the partial one
        qt().withFixedSeed(43L).withExamples(60)
            .forAll(longs().all())
            .checkAssert(seed -> {
                SplittableRandom random = new SplittableRandom(seed);
                FitProblem problem = noisyProblem(seed);
                double[] theta = TRUTH.clone();
                theta[2] *= 1 + random.nextDouble(-0.3, 0.3);
                theta[3] *= 1 + random.nextDouble(-0.3, 0.3);
                double[] scale = {Math.scalb(1.0, random.nextInt(-4, 3)), Math.scalb(1.0, random.nextInt(-2, 5))};
                double[] x = scaledSearched(theta, scale);
                ProjectedObjective objective = projected(problem, theta.clone(), scale);

                double[] grad = new double[2];
                double value = objective.evaluate(x, grad);

                assertTrue(Double.isFinite(value));
                double largest = Arrays.stream(grad).map(Math::abs).max().orElseThrow();
                for (int j = 0; j < 2; j++) {
                    double h = 1e-6 * Math.abs(x[j]);
                    double difference = FiniteDifferences.central(objective, x, j, h);
                    assertEquals(difference, grad[j], 1e-5 * largest + 1e-12 * value / h,
                        "∂f/∂x" + j + " at alpha=" + theta[2] + ", B=" + theta[3]);
                }
            });
    }

    @Test
    void valueAndSearchedGradientEqualTheDirectObjectiveAtTheSolvedParameters() {
        qt().withFixedSeed(44L).withExamples(40)
            .forAll(longs().all())
            .checkAssert(seed -> {
                SplittableRandom random = new SplittableRandom(seed);
                FitProblem problem = noisyProblem(seed);
                double[] theta = {0, 0, random.nextDouble(0.1, 0.6), random.nextDouble(0.5, 5)};
                double[] scale = {0.25, 2};
                ProjectedObjective objective = projected(problem, theta, scale);
                double[] grad = new double[2];
                double value = objective.evaluate(scaledSearched(theta, scale), grad);

                // theta now holds the solved E and A; the direct objective searches all four, unscaled
                DirectObjective direct = new DirectObjective(evaluator(LAW, problem), problem, new int[] {0, 1, 2, 3},
                    theta.clone(), new double[] {1, 1, 1, 1}, Loss.SQUARED, 0);
                double[] full = new double[4];
                double directValue = direct.evaluate(theta.clone(), full);

                assertEquals(directValue, value, 1e-14 * directValue);
                assertEquals(full[2] * scale[0], grad[0], 1e-12 * Math.abs(full[2] * scale[0]));
                assertEquals(full[3] * scale[1], grad[1], 1e-12 * Math.abs(full[3] * scale[1]));
                // the envelope theorem's premise: at the solved E and A their own partials vanish
                double size = Arrays.stream(full).map(Math::abs).max().orElseThrow();
                assertEquals(0, full[0], 1e-9 * size + 1e-12, "∂/∂E");
                assertEquals(0, full[1] * theta[1], 1e-9 * size + 1e-12, "A·∂/∂A");
            });
    }

    @Test
    void theProjectedValueIsTheMinimumOverTheLinearParameters() {
        FitProblem problem = noisyProblem(3);
        double[] theta = {0, 0, 0.25, 3};
        double value = projected(problem, theta, new double[] {1, 1}).evaluate(new double[] {0.25, 3}, new double[2]);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            double[] moved = theta.clone();
            moved[0] += random.nextDouble(-1e-3, 1e-3);
            moved[1] *= 1 + random.nextDouble(-1e-3, 1e-3);
            double other = new DirectObjective(evaluator(LAW, problem), problem, new int[] {0, 1, 2, 3}, moved.clone(),
                new double[] {1, 1, 1, 1}, Loss.SQUARED, 0).evaluate(moved, new double[4]);
            assertTrue(other >= value * (1 - 1e-14), other + " < " + value + " at " + Arrays.toString(moved));
        }
    }

    @Test
    void atTheTrueNonlinearParametersOfNoiselessDataTheValueIsZero() {
        FitProblem problem = Synthetic.problem(LAW, Synthetic.columns(ROWS, List.of(log(1e6, 1e9)), 7), TRUTH);
        double[] theta = {123, -45, 0, 0};
        double[] grad = new double[2];

        double value = projected(problem, theta, new double[] {0.5, 1}).evaluate(new double[] {0.6, 2}, grad);

        assertEquals(0, value, 1e-22);
        assertArrayEquals(TRUTH, theta, 1e-9 * 400, "E and A recovered, alpha = 0.6·0.5 and B = 2·1 written");
        assertEquals(0.3, theta[2], 0.0);
        assertEquals(2, theta[3], 0.0);
        assertEquals(0, grad[0], 1e-9);
        assertEquals(0, grad[1], 1e-9);
    }

    @Test
    void aFailedLinearSolveGivesNaNAndANaNGradient() {
        // log(N - s) is NaN for N < s: the basis of A cannot be evaluated, so neither can the projection
        Law law = Law.parse("c + A*log(N - s)", List.of("N"));
        double[][] columns = {{1, 2, 3, 4, 5}};
        FitProblem problem = new FitProblem("g", "y", 5, columns, new double[] {0, 1, 1.5, 2, 2.2});
        Evaluator evaluator = evaluator(law, problem);
        ProjectedObjective objective = new ProjectedObjective(evaluator,
            new LinearSolve(evaluator, problem, new int[] {0, 1}, 3), problem, new int[] {2}, new double[3],
            new double[] {1});
        double[] grad = {7};

        assertTrue(Double.isNaN(objective.evaluate(new double[] {2.5}, grad)));
        assertTrue(Double.isNaN(grad[0]));

        // the same objective recovers once s is below every N
        assertTrue(Double.isFinite(objective.evaluate(new double[] {0.5}, grad)));
        assertTrue(Double.isFinite(grad[0]));
    }

    @Test
    void theValueDoesNotDependOnWhereTheLastEvaluationLeftTheLinearParameters() {
        // the optimizer revisits points in any order; each evaluation must re-solve from scratch
        FitProblem problem = noisyProblem(12);
        ProjectedObjective objective = projected(problem, new double[4], new double[] {1, 1});
        double[] x = {0.35, 1.5};
        double[] firstGrad = new double[2];
        double first = objective.evaluate(x, firstGrad);
        objective.evaluate(new double[] {0.1, 4.5}, new double[2]);
        double[] againGrad = new double[2];

        double again = objective.evaluate(x, againGrad);

        assertEquals(first, again, 0.0);
        assertArrayEquals(firstGrad, againGrad, 0.0);
    }
}
