package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.linear;
import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

class LinearSolveTest {
    /**
     * Three free basis columns, a fixed nonlinear one (Q^k, k not solved) and a part with no linear parameter
     * (R), which must be moved to the right-hand side.
     */
    private static final Law LAW = Law.parse("a*P + b*Q^k + c + R", List.of("P", "Q", "R"));
    private static final int[] LINEAR = {0, 1, 3};

    private static Evaluator evaluator(Law law, FitProblem problem) {
        return Program.compile(law).bind(problem.rows(), problem.columns(), Kernels.scalar());
    }

    /** EJML's QR least squares of {@code min ||A c - b||}, A given by columns. */
    private static double[] ejml(double[][] columns, double[] b) {
        int n = b.length;
        DMatrixRMaj a = new DMatrixRMaj(n, columns.length);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < columns.length; j++) {
                a.set(r, j, columns[j][r]);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, columns.length);
        assertTrue(solver.setA(a));
        DMatrixRMaj x = new DMatrixRMaj(columns.length, 1);
        solver.solve(new DMatrixRMaj(n, 1, true, b), x);
        return x.data;
    }

    private static FitProblem randomProblem(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = Synthetic.columns(rows, List.of(linear(-3, 3), log(0.5, 20), linear(-1, 1)), seed);
        double[] y = random.doubles(rows, -5, 5).toArray();
        return new FitProblem("g", "y", rows, columns, y);
    }

    @Test
    void setsTheLinearParametersToTheLeastSquaresSolutionOfRandomProblems() {
        qt().withFixedSeed(77L).withExamples(200)
            .forAll(longs().all())
            .checkAssert(seed -> {
                SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
                int rows = 4 + random.nextInt(40);
                FitProblem problem = randomProblem(seed, rows);
                double k = random.nextDouble(-1.5, 1.5);
                double[] theta = {9, 9, k, 9};
                LinearSolve solve = new LinearSolve(evaluator(LAW, problem), problem, LINEAR, 4);

                assertTrue(solve.solve(theta));

                double[][] cols = problem.columns();
                double[] basis = Arrays.stream(cols[1]).map(q -> Math.pow(q, k)).toArray();
                double[] ones = new double[rows];
                Arrays.fill(ones, 1);
                double[] rhs = new double[rows];
                for (int r = 0; r < rows; r++) {
                    rhs[r] = problem.y()[r] - cols[2][r];
                }
                double[] expected = ejml(new double[][] {cols[0], basis, ones}, rhs);
                assertEquals(k, theta[2], 0.0, "the nonlinear parameter is left as it was");
                for (int j = 0; j < 3; j++) {
                    // uniform columns over a few units: condition numbers stay below 1e3
                    assertEquals(expected[j], theta[LINEAR[j]], 1e-9 * (1 + Math.abs(expected[j])),
                        "coefficient " + j + " with " + rows + " rows, k=" + k);
                }
            });
    }

    @Test
    void theResidualIsOrthogonalToEveryBasisFunction() {
        // the normal equations F'(y - f) = 0, checked on the law's own predictions rather than a copy of the basis
        FitProblem problem = randomProblem(11, 30);
        double[] theta = {0, 0, 0.7, 0};
        Evaluator evaluator = evaluator(LAW, problem);
        assertTrue(new LinearSolve(evaluator, problem, LINEAR, 4).solve(theta));

        double[] predictions = new double[30];
        evaluator.forward(theta, predictions);
        double[][] jacobian = new double[4][30];
        evaluator.jacobian(jacobian);
        for (int k : LINEAR) {
            double dot = 0;
            double size = 0;
            for (int r = 0; r < 30; r++) {
                dot += jacobian[k][r] * (problem.y()[r] - predictions[r]);
                size += Math.abs(jacobian[k][r] * problem.y()[r]);
            }
            assertEquals(0, dot, 1e-12 * size, "parameter " + k);
        }
    }

    @Test
    void noiselessDataGiveBackTheTrueCoefficients() {
        Law law = Law.parse("E + A*N^(-alpha) + B*D^(-beta)", List.of("N", "D"));
        double[] truth = {1.69, 406.4, 0.34, 410.7, 0.28};
        FitProblem problem = Synthetic.problem(law, Synthetic.columns(20, List.of(log(1e7, 1e10), log(1e9, 1e12)), 4),
            truth);
        double[] theta = {0, 0, 0.34, 0, 0.28};

        assertTrue(new LinearSolve(evaluator(law, problem), problem, new int[] {0, 1, 3}, 5).solve(theta));

        // A*N^-alpha is about 1e-1 here and B*D^-beta 1e-1: relative errors in A and B stay near 1e-12
        assertArrayEquals(truth, theta, 1e-9 * 410);
        assertEquals(1.69, theta[0], 1e-11);
    }

    @Test
    void theStartingValuesOfTheLinearParametersDoNotMatter() {
        FitProblem problem = randomProblem(5, 25);
        double[][] starts = {{0, 0, 0.4, 0}, {1e300, -1e300, 0.4, 7}, {Double.NaN, Double.NaN, 0.4, Double.NaN}};
        double[] first = null;
        for (double[] start : starts) {
            double[] theta = start.clone();
            assertTrue(new LinearSolve(evaluator(LAW, problem), problem, LINEAR, 4).solve(theta), Arrays.toString(start));
            if (first == null) {
                first = theta;
            } else {
                assertArrayEquals(first, theta, 0.0, "from " + Arrays.toString(start));
            }
        }
    }

    @Test
    void onlyTheGivenParametersAreSolvedOthersAreHeld() {
        // b is linear too, but held at 2 when only a and c are solved: the fit is then of y - R - 2 Q^k
        FitProblem problem = randomProblem(8, 20);
        double[] theta = {0, 2, 0.5, 0};

        assertTrue(new LinearSolve(evaluator(LAW, problem), problem, new int[] {0, 3}, 4).solve(theta));

        double[][] cols = problem.columns();
        double[] rhs = new double[20];
        double[] ones = new double[20];
        for (int r = 0; r < 20; r++) {
            rhs[r] = problem.y()[r] - cols[2][r] - 2 * Math.pow(cols[1][r], 0.5);
            ones[r] = 1;
        }
        double[] expected = ejml(new double[][] {cols[0], ones}, rhs);
        assertEquals(2, theta[1], 0.0);
        assertEquals(0.5, theta[2], 0.0);
        assertEquals(expected[0], theta[0], 1e-10 * (1 + Math.abs(expected[0])));
        assertEquals(expected[1], theta[3], 1e-10 * (1 + Math.abs(expected[1])));
    }

    @Test
    void repeatedSolvesOnOneInstanceEqualFreshOnes() {
        // the work arrays, which the QR destroys, are reused: a second call must not see the first's leftovers
        FitProblem problem = randomProblem(9, 15);
        Evaluator evaluator = evaluator(LAW, problem);
        LinearSolve reused = new LinearSolve(evaluator, problem, LINEAR, 4);
        for (double k : new double[] {0.3, -1.2, 0.9, 0.3}) {
            double[] theta = {0, 0, k, 0};
            double[] fresh = theta.clone();
            assertTrue(reused.solve(theta));
            assertTrue(new LinearSolve(evaluator(LAW, problem), problem, LINEAR, 4).solve(fresh));
            assertArrayEquals(fresh, theta, 0.0, "k=" + k);
        }
    }

    @Test
    void identicalBasisFunctionsGiveTheFirstTheWholeCoefficientAndTheSecondZero() {
        // documented basic solution: a column in the span of those chosen before it gets coefficient zero
        Law law = Law.parse("A*N^(-alpha) + B*N^(-beta)", List.of("N"));
        FitProblem problem = Synthetic.problem(law, Synthetic.columns(12, List.of(log(1, 100)), 2),
            new double[] {3, 0.5, 4, 0.5});
        double[] theta = {0, 0.5, 0, 0.5};

        assertTrue(new LinearSolve(evaluator(law, problem), problem, new int[] {0, 2}, 4).solve(theta));

        assertEquals(0, theta[2], 0.0);
        assertEquals(7, theta[0], 1e-12);
    }

    @Test
    void aZeroBasisFunctionGetsCoefficientZeroAndTheRestIsStillSolved() {
        Law law = Law.parse("a*N + b*D", List.of("N", "D"));
        double[][] columns = {{1, 2, 3, 4}, {0, 0, 0, 0}};
        FitProblem problem = new FitProblem("g", "y", 4, columns, new double[] {2, 4, 6, 9});
        double[] theta = {5, 5};

        assertTrue(new LinearSolve(evaluator(law, problem), problem, new int[] {0, 1}, 2).solve(theta));

        // a = Σ N y / Σ N² = 64 / 30
        assertArrayEquals(new double[] {64.0 / 30, 0}, theta, 1e-14);
    }

    @Test
    void aNonFinitePredictionMakesTheSolveFail() {
        // log(N - s) is NaN for the first rows when s = 2.5
        Law law = Law.parse("c + A*log(N - s)", List.of("N"));
        double[][] columns = {{1, 2, 3, 4, 5}};
        FitProblem problem = new FitProblem("g", "y", 5, columns, new double[] {1, 2, 3, 4, 5});
        double[] theta = {0, 0, 2.5};

        assertFalse(new LinearSolve(evaluator(law, problem), problem, new int[] {0, 1}, 3).solve(theta));
    }

    @Test
    void aNonFiniteTargetMakesTheSolveFail() {
        Law law = Law.parse("c + A*N", List.of("N"));
        double[][] columns = {{1, 2, 3}};
        FitProblem problem = new FitProblem("g", "y", 3, columns, new double[] {1, Double.POSITIVE_INFINITY, 3});

        assertFalse(new LinearSolve(evaluator(law, problem), problem, new int[] {0, 1}, 2).solve(new double[2]));
    }

    @Test
    void aNonFiniteBasisFunctionMakesTheSolveFail() {
        // N^-alpha is infinite at N = 0, so A's column is; the prediction is 0·∞ there too
        Law law = Law.parse("E + A*N^(-alpha)", List.of("N"));
        double[][] columns = {{0, 1, 2, 3}};
        FitProblem problem = new FitProblem("g", "y", 4, columns, new double[] {1, 2, 3, 4});

        assertFalse(new LinearSolve(evaluator(law, problem), problem, new int[] {0, 1}, 3)
            .solve(new double[] {0, 0, 0.5}));
    }

    @Test
    void moreLinearParametersThanRowsAreRejectedAtConstruction() {
        Law law = Law.parse("a*N + b*D + c", List.of("N", "D"));
        double[][] columns = {{1, 2}, {3, 5}};
        FitProblem problem = new FitProblem("g", "y", 2, columns, new double[] {1, 2});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new LinearSolve(evaluator(law, problem), problem, new int[] {0, 1, 2}, 3));
        assertEquals("2 rows cannot determine 3 columns", e.getMessage());
    }
}
