package dev.evosld.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

class SmallLeastSquaresTest {

    /** A random n x k problem, columns scaled over many decades; some are multiples of others when {@code deficient}. */
    private record Problem(double[][] a, double[] b) {
        static Problem random(int n, int k, long seed, boolean deficient) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] a = new double[k][n];
            for (int j = 0; j < k; j++) {
                double scale = Math.pow(10, random.nextDouble(-6, 6));
                for (int r = 0; r < n; r++) {
                    a[j][r] = scale * random.nextGaussian();
                }
                if (deficient && j > 0 && random.nextInt(3) == 0) {
                    // a power of two times an earlier column: exactly dependent, whatever the rounding
                    double factor = Math.scalb(random.nextBoolean() ? 1.0 : -1.0, random.nextInt(-40, 40));
                    for (int r = 0; r < n; r++) {
                        a[j][r] = factor * a[random.nextInt(j)][r];
                    }
                }
            }
            double[] b = random.doubles(n, -10, 10).toArray();
            return new Problem(a, b);
        }

        double[] solveSmall() {
            SmallLeastSquares solver = new SmallLeastSquares(b.length, a.length);
            for (int j = 0; j < a.length; j++) {
                System.arraycopy(a[j], 0, solver.column(j), 0, b.length);
            }
            System.arraycopy(b, 0, solver.rhs(), 0, b.length);
            double[] solution = solver.solve();
            return solution == null ? null : solution.clone();
        }

        /** EJML's least squares, by pivoted QR or, as the reference for the least residual, by SVD. */
        double[] solveEjml(boolean svd) {
            int n = b.length;
            int k = a.length;
            DMatrixRMaj matrix = new DMatrixRMaj(n, k);
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < k; j++) {
                    matrix.set(r, j, a[j][r]);
                }
            }
            LinearSolverDense<DMatrixRMaj> solver = svd
                ? LinearSolverFactory_DDRM.pseudoInverse(true) : LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
            assertTrue(solver.setA(matrix));
            DMatrixRMaj x = new DMatrixRMaj(k, 1);
            solver.solve(new DMatrixRMaj(n, 1, true, b), x);
            return x.data;
        }

        double[] residual(double[] c) {
            double[] residual = new double[b.length];
            for (int r = 0; r < b.length; r++) {
                double v = -b[r];
                for (int j = 0; j < a.length; j++) {
                    v += a[j][r] * c[j];
                }
                residual[r] = v;
            }
            return residual;
        }

        double residualNorm(double[] c) {
            double[] residual = residual(c);
            return Math.sqrt(dot(residual, residual));
        }
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    @Test
    void fullRankSolutionsMatchEjml() {
        qt().withFixedSeed(31L).withExamples(500)
            .forAll(integers().between(1, 8), integers().between(0, 40), longs().all())
            .checkAssert((k, extraRows, seed) -> {
                Problem problem = Problem.random(k + extraRows, k, seed, false);
                double[] ours = problem.solveSmall();
                double[] ejml = problem.solveEjml(false);
                for (int j = 0; j < k; j++) {
                    assertEquals(ejml[j], ours[j], 1e-9 * Math.abs(ejml[j]) + 1e-12, "coefficient " + j);
                }
            });
    }

    @Test
    void rankDeficientProblemsReachTheLeastResidual() {
        qt().withFixedSeed(32L).withExamples(500)
            .forAll(integers().between(2, 8), integers().between(0, 40), longs().all())
            .checkAssert((k, extraRows, seed) -> {
                Problem problem = Problem.random(k + extraRows, k, seed, true);
                double[] ours = problem.solveSmall();
                // the residual is orthogonal to every column: the defining property of a least-squares solution
                double[] residual = problem.residual(ours);
                double residualNorm = Math.sqrt(dot(residual, residual));
                // (up to rounding, which grows with the size of the terms A c cancels)
                double scale = residualNorm;
                for (int j = 0; j < k; j++) {
                    scale += Math.sqrt(dot(problem.a()[j], problem.a()[j])) * Math.abs(ours[j]);
                }
                for (double[] column : problem.a()) {
                    assertEquals(0, dot(column, residual), 1e-12 * Math.sqrt(dot(column, column)) * (scale + 1));
                }
                // and as small as the SVD's minimum-norm solution gives
                assertTrue(residualNorm <= problem.residualNorm(problem.solveEjml(true)) + 1e-10 * (scale + 1));
            });
    }

    @Test
    void consistentSystemsAreSolvedExactly() {
        double[][] a = {{1, 1, 1, 1}, {1, 2, 3, 4}, {1, 4, 9, 16}};
        double[] b = new double[4];
        for (int r = 0; r < 4; r++) {
            b[r] = 2 - 3 * a[1][r] + 0.5 * a[2][r];
        }
        assertArrayEquals(new double[] {2, -3, 0.5}, new Problem(a, b).solveSmall(), 1e-13);
    }

    @Test
    void dependentColumnsGetZeroAndZeroColumnsToo() {
        double[][] a = {{1, 2, 3}, {2, 4, 6}, {0, 0, 0}};
        double[] solution = new Problem(a, new double[] {1, 2, 3}).solveSmall();
        // scaled to unit length, the first two columns are equal: the first is taken, the copy and the zero
        // column are dependent on it
        assertArrayEquals(new double[] {1, 0, 0}, solution, 1e-15);
    }

    @Test
    void tinyButIndependentColumnsAreKept() {
        // N^-10 next to a constant over N in 1e6..1e9: entries of 1e-60 and less, yet a different function
        double[] n = {1e6, 1e7, 1e8, 1e9};
        double[][] a = new double[2][4];
        double[] b = new double[4];
        for (int r = 0; r < 4; r++) {
            a[0][r] = 1;
            a[1][r] = Math.pow(n[r], -10);
            b[r] = 2 + 3e60 * a[1][r];
        }
        double[] solution = new Problem(a, b).solveSmall();
        assertEquals(2, solution[0], 1e-14);
        assertEquals(3e60, solution[1], 1e-14 * 3e60);
    }

    @Test
    void nonFiniteEntriesAreRefused() {
        assertNull(new Problem(new double[][] {{1, Double.NaN}}, new double[] {1, 2}).solveSmall());
        assertNull(new Problem(new double[][] {{1, 2}}, new double[] {1, Double.POSITIVE_INFINITY}).solveSmall());
    }
}
