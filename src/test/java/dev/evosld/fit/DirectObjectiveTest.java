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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DirectObjectiveTest {
    // one parameter of every role, so the gradient goes through a sum, a quotient and a power
    private static final Law LAW = Law.parse("E + A/(N^alpha + B)", List.of("N"));
    private static final double[] TRUTH = {1.7, 400, 0.3, 2};
    private static final int ROWS = 25;

    private static FitProblem problem(long seed) {
        return Synthetic.problem(LAW, Synthetic.columns(ROWS, List.of(log(1e6, 1e9)), seed), TRUTH);
    }

    /** Scalar kernels, so that the finite differences see the same arithmetic in every JVM state. */
    private static Evaluator evaluator(FitProblem problem) {
        return Program.compile(LAW).bind(problem.rows(), problem.columns(), Kernels.scalar());
    }

    /** The truth moved by up to ±30% per parameter: residuals of either sign and varied sizes. */
    private static double[] perturbed(SplittableRandom random) {
        double[] theta = TRUTH.clone();
        for (int k = 0; k < theta.length; k++) {
            theta[k] *= 1 + random.nextDouble(-0.3, 0.3);
        }
        return theta;
    }

    private static double[] residuals(FitProblem problem, double[] theta) {
        double[] predictions = Synthetic.predict(LAW, problem.columns(), theta);
        double[] residuals = new double[problem.rows()];
        for (int r = 0; r < residuals.length; r++) {
            residuals[r] = predictions[r] - problem.y()[r];
        }
        return residuals;
    }

    private static double median(double[] values) {
        double[] sorted = Arrays.stream(values).map(Math::abs).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double variance(FitProblem problem) {
        return problem.targetStandardDeviation() * problem.targetStandardDeviation();
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientMatchesCentralDifferencesInTheScaledParameters(Loss loss) {
        qt().withFixedSeed(41L).withExamples(60)
            .forAll(longs().all())
            .checkAssert(seed -> {
                SplittableRandom random = new SplittableRandom(seed);
                FitProblem problem = problem(seed);
                double[] theta = perturbed(random);
                // δ at the median residual: half the rows in the quadratic part, half in the linear one
                double delta = median(residuals(problem, theta));
                int[] searched = {0, 1, 2, 3};
                double[] scale = new double[4];
                double[] x = new double[4];
                for (int j = 0; j < 4; j++) {
                    // the optimizer's scales are powers of two; any positive one must give the chain rule
                    scale[j] = Math.scalb(1.0, random.nextInt(-4, 9));
                    x[j] = theta[j] / scale[j];
                }
                DirectObjective objective = new DirectObjective(evaluator(problem), problem, searched, theta.clone(),
                    scale, loss, delta);

                double[] grad = new double[4];
                double value = objective.evaluate(x, grad);

                double largest = Arrays.stream(grad).map(Math::abs).max().orElseThrow();
                for (int j = 0; j < 4; j++) {
                    // a step relative to the parameter itself: alpha's third derivative carries ln(N)³ ≈ 8000
                    double h = 1e-7 * Math.abs(theta[j]) / scale[j];
                    double difference = FiniteDifferences.central(objective, x, j, h);
                    assertEquals(difference, grad[j], 1e-6 * largest + 1e-13 * value / h,
                        loss + " ∂f/∂x" + j + " at " + Arrays.toString(theta) + ", δ=" + delta);
                }
            });
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void valueIsTheMeanLossOverTheTargetVariance(Loss loss) {
        FitProblem problem = problem(3);
        double[] theta = perturbed(new SplittableRandom(3));
        double[] residuals = residuals(problem, theta);
        double delta = median(residuals);
        double expected = 0;
        int below = 0;
        for (double r : residuals) {
            if (loss == Loss.SQUARED || Math.abs(r) <= delta) {
                expected += r * r;
                below++;
            } else {
                expected += 2 * delta * Math.abs(r) - delta * delta;
            }
        }
        expected /= ROWS * variance(problem);
        double[] scale = {1, 1, 1, 1};
        DirectObjective objective = new DirectObjective(evaluator(problem), problem, new int[] {0, 1, 2, 3},
            theta.clone(), scale, loss, delta);

        double value = objective.evaluate(theta.clone(), new double[4]);

        assertEquals(expected, value, 1e-12 * expected);
        if (loss == Loss.HUBER) {
            assertTrue(below > 0 && below < ROWS, "rows on both sides of δ: " + below + " below");
        }
    }

    @Test
    void huberNeverExceedsSquaredAndEqualsItWhenEveryResidualIsWithinDelta() {
        qt().withFixedSeed(42L).withExamples(100)
            .forAll(longs().all())
            .checkAssert(seed -> {
                SplittableRandom random = new SplittableRandom(seed);
                FitProblem problem = problem(seed);
                double[] theta = perturbed(random);
                double[] residuals = residuals(problem, theta);
                double largest = Arrays.stream(residuals).map(Math::abs).max().orElseThrow();
                double delta = random.nextDouble(0.01, 1.5) * largest;
                double[] scale = {1, 1, 1, 1};
                int[] all = {0, 1, 2, 3};
                double[] squaredGrad = new double[4];
                double[] huberGrad = new double[4];

                double squared = new DirectObjective(evaluator(problem), problem, all, theta.clone(), scale,
                    Loss.SQUARED, delta).evaluate(theta, squaredGrad);
                double huber = new DirectObjective(evaluator(problem), problem, all, theta.clone(), scale,
                    Loss.HUBER, delta).evaluate(theta, huberGrad);

                // (|r| − δ)² ≥ 0 gives 2δ|r| − δ² ≤ r²
                assertTrue(huber <= squared * (1 + 1e-15), huber + " > " + squared);
                if (largest <= delta) {
                    assertEquals(squared, huber, 0.0);
                    assertArrayEquals(squaredGrad, huberGrad, 0.0);
                } else {
                    assertTrue(huber < squared);
                }
            });
    }

    @Test
    void onlyTheSearchedParametersMoveAndTheGradientIsTheirs() {
        FitProblem problem = problem(5);
        double[] start = perturbed(new SplittableRandom(5));
        double[] fullGrad = new double[4];
        new DirectObjective(evaluator(problem), problem, new int[] {0, 1, 2, 3}, start.clone(),
            new double[] {1, 1, 1, 1}, Loss.SQUARED, 0).evaluate(start.clone(), fullGrad);
        double[] theta = start.clone();
        // search alpha and E, in that order, with their own scales
        int[] searched = {2, 0};
        double[] scale = {0.25, 8};
        DirectObjective objective = new DirectObjective(evaluator(problem), problem, searched, theta, scale,
            Loss.SQUARED, 0);
        double[] grad = new double[2];

        objective.evaluate(new double[] {start[2] / 0.25, start[0] / 8}, grad);

        assertArrayEquals(start, theta, 0.0, "the unsearched A and B kept, alpha and E written back exactly");
        assertEquals(fullGrad[2] * 0.25, grad[0], 1e-14 * Math.abs(fullGrad[2]));
        assertEquals(fullGrad[0] * 8, grad[1], 1e-14 * Math.abs(fullGrad[0]));

        objective.evaluate(new double[] {0.5 / 0.25, 3.0 / 8}, grad);
        assertArrayEquals(new double[] {3.0, start[1], 0.5, start[3]}, theta, 0.0);
    }

    @Test
    void evaluateAtThetaSeesParametersTheCallerSetOutsideTheSearch() {
        // ProjectedObjective writes the linear parameters into the shared theta and then evaluates there
        FitProblem problem = problem(6);
        double[] theta = TRUTH.clone();
        DirectObjective objective = new DirectObjective(evaluator(problem), problem, new int[] {2}, theta,
            new double[] {1}, Loss.SQUARED, 0);
        double[] grad = new double[1];
        assertEquals(0, objective.evaluateAtTheta(grad), 1e-24, "at the truth");

        theta[0] += 0.5;

        assertEquals(0.25 / variance(problem), objective.evaluateAtTheta(grad), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void nonFinitePredictionsGiveNaNAndANaNGradient(Loss loss) {
        Law law = Law.parse("c + log(a - N)", List.of("N"));
        double[][] columns = {{1, 2, 3, 4}};
        FitProblem problem = new FitProblem("g", "y", 4, columns, new double[] {1, 2, 3, 4});
        // a = 2.5 < N on the last two rows only: one NaN residual spoils the mean
        double[] theta = {0, 2.5};
        DirectObjective objective = new DirectObjective(Program.compile(law).bind(4, columns, Kernels.scalar()),
            problem, new int[] {0, 1}, theta, new double[] {1, 1}, loss, 1);
        double[] grad = {7, 7};

        assertTrue(Double.isNaN(objective.evaluate(theta.clone(), grad)));
        assertTrue(Double.isNaN(grad[0]) && Double.isNaN(grad[1]), Arrays.toString(grad));
    }

    @Test
    void squaredResidualsThatOverflowGiveNaNNotInfinity() {
        // the optimizer backs off from NaN; the mean is reported as undefined rather than as a huge finite loss
        Law law = Law.parse("c + A*N", List.of("N"));
        double[][] columns = {{1, 2, 3}};
        FitProblem problem = new FitProblem("g", "y", 3, columns, new double[] {1e200, -1e200, 3e200});
        DirectObjective objective = new DirectObjective(Program.compile(law).bind(3, columns, Kernels.scalar()),
            problem, new int[] {0, 1}, new double[2], new double[] {1, 1}, Loss.SQUARED, 0);
        double[] grad = new double[2];

        assertTrue(Double.isNaN(objective.evaluate(new double[] {0, 0}, grad)));
        assertTrue(Double.isNaN(grad[0]) && Double.isNaN(grad[1]));
    }

    @Test
    void aConstantTargetIsNormalizedByTheRowCountAlone() {
        Law law = Law.parse("c + A*N", List.of("N"));
        double[][] columns = {{1, 2, 3, 4}};
        FitProblem problem = new FitProblem("g", "y", 4, columns, new double[] {2, 2, 2, 2});
        DirectObjective objective = new DirectObjective(Program.compile(law).bind(4, columns, Kernels.scalar()),
            problem, new int[] {0, 1}, new double[2], new double[] {1, 1}, Loss.SQUARED, 0);
        double[] grad = new double[2];

        // residuals 1, 2, 3, 4 with c = 2, A = 1: mean square 30 / 4
        double value = objective.evaluate(new double[] {2, 1}, grad);

        assertEquals(7.5, value, 1e-15);
        assertArrayEquals(new double[] {2 * 10 / 4.0, 2 * 30 / 4.0}, grad, 1e-14, "∂/∂c = 2Σr/n, ∂/∂A = 2Σr·N/n");
    }

    @Test
    void huberFitsAConstantTargetAsSquaredLossDoes() {
        // LawFitter passes δ = huberDelta × sd(y), which is 0 for a constant target: every nonzero residual then
        // costs 2·0·|r| − 0² = 0, the objective is flat, and the first start is returned unfitted
        Law law = Law.parse("A*N^(-alpha)", List.of("N"));
        double[][] columns = Synthetic.columns(20, List.of(log(1e6, 1e9)), 3);
        double[] y = new double[20];
        Arrays.fill(y, 3.0);
        FitProblem problem = new FitProblem("g", "y", 20, columns, y);
        FitOptions options = FitOptions.defaults().withStarts(8);

        TargetFit squared = LawFitter.of(law, options).fit(problem, null);
        TargetFit huber = LawFitter.of(law, options.withLoss(Loss.HUBER)).fit(problem, null);

        assertTrue(squared.mse() < 1e-20, squared::toString);
        assertTrue(huber.mse() < 1e-12, () -> "Huber: " + huber + " after " + huber.iterations() + " iterations");
    }
}
