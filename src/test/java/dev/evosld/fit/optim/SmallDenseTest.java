package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallDenseTest {
    // L-BFGS-B factors matrices of order up to 2m, m ≈ 8; 20 leaves room above that
    private static final int LARGEST = 20;

    private static double[][] copy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    private static double[] times(double[][] a, double[] x, int size) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                out[i] += a[i][j] * x[j];
            }
        }
        return out;
    }

    private static double maxAbs(double[] v, int from, int to) {
        double max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(v[i]));
        }
        return max;
    }

    /** ‖A x − b‖∞ ≤ tol · (‖A‖∞ ‖x‖∞ + ‖b‖∞), the backward-stable residual bound. */
    private static void assertSolves(double[][] a, double[] x, double[] b, int size, double tolerance, String what) {
        double[] ax = times(a, x, size);
        double normA = 0;
        for (int i = 0; i < size; i++) {
            normA = Math.max(normA, maxAbs(a[i], 0, size) * size);
        }
        double bound = tolerance * (normA * maxAbs(x, 0, size) + maxAbs(b, 0, size));
        for (int i = 0; i < size; i++) {
            assertEquals(b[i], ax[i], bound, what + ": row " + i + " of A·x, size " + size);
        }
    }

    /**
     * A work array larger than {@code size}, with NaN outside the leading block: the routines must read only
     * that block.
     */
    private static double[][] workArray(double[][] block, int size) {
        double[][] work = new double[size + 2][size + 3];
        for (double[] row : work) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < size; i++) {
            System.arraycopy(block[i], 0, work[i], 0, size);
        }
        return work;
    }

    /** QᵀQ + I: symmetric positive definite with smallest eigenvalue at least 1, so well conditioned for n ≤ 20. */
    private static double[][] randomSpd(int n, SplittableRandom random) {
        double[][] a = TestProblems.randomSpd(n, random);
        for (int i = 0; i < n; i++) {
            a[i][i] += 0.9;
        }
        return a;
    }

    /**
     * A diagonally dominant matrix with its rows shuffled: well conditioned, yet the largest entry of column j
     * is rarely on row j, so partial pivoting has rows to swap.
     */
    private static double[][] randomShuffledDominant(int n, SplittableRandom random) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = random.nextDouble(-1, 1);
            }
            a[i][i] = (random.nextBoolean() ? 1 : -1) * (n + random.nextDouble(1, 3));
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] swap = a[i];
            a[i] = a[j];
            a[j] = swap;
        }
        return a;
    }

    @Test
    void choleskyFactorReproducesTheMatrixAndLeavesTheUpperTriangleAlone() {
        qt().withFixedSeed(21L).withExamples(300)
            .forAll(integers().between(1, LARGEST), longs().all())
            .checkAssert((n, seed) -> {
                double[][] a = randomSpd(n, new SplittableRandom(seed));
                double[][] work = workArray(a, n);
                double[] inverseDiagonal = new double[n];

                assertTrue(SmallDense.cholesky(work, n, inverseDiagonal));

                for (int i = 0; i < n; i++) {
                    assertEquals(1 / work[i][i], inverseDiagonal[i], 0.0, "reciprocal of L's diagonal");
                    assertTrue(work[i][i] > 0);
                    for (int j = 0; j <= i; j++) {
                        double sum = 0;
                        for (int k = 0; k <= j; k++) {
                            sum += work[i][k] * work[j][k];
                        }
                        assertEquals(a[i][j], sum, 1e-12 * (Math.abs(a[i][i]) + Math.abs(a[j][j])),
                            "(L·Lᵀ)[" + i + "][" + j + "], n=" + n);
                    }
                    // the strict upper triangle is not part of the factor and must survive as it was
                    for (int j = i + 1; j < n; j++) {
                        assertEquals(a[i][j], work[i][j], 0.0);
                    }
                }
            });
    }

    @Test
    void choleskySolvesInTurnSolveTheSystemWithinItsOffsetWindow() {
        qt().withFixedSeed(22L).withExamples(300)
            .forAll(integers().between(1, LARGEST), integers().between(0, 5), longs().all())
            .checkAssert((n, offset, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                double[][] a = randomSpd(n, random);
                double[] b = random.doubles(n, -10, 10).toArray();
                double[][] factor = copy(a);
                double[] inverseDiagonal = new double[n];
                assertTrue(SmallDense.cholesky(factor, n, inverseDiagonal));
                // LimitedMemory solves in the second half of a 2k vector: the rest must stay as it is
                double[] work = new double[offset + n + 2];
                java.util.Arrays.fill(work, 7.5);
                System.arraycopy(b, 0, work, offset, n);

                SmallDense.solveLower(factor, inverseDiagonal, n, work, offset);
                SmallDense.solveLowerTransposed(factor, inverseDiagonal, n, work, offset);

                double[] x = java.util.Arrays.copyOfRange(work, offset, offset + n);
                assertSolves(a, x, b, n, 1e-13, "Cholesky");
                for (int i = 0; i < work.length; i++) {
                    if (i < offset || i >= offset + n) {
                        assertEquals(7.5, work[i], 0.0, "entry " + i + " outside the window");
                    }
                }
            });
    }

    @Test
    void solveLowerAndItsTransposeInvertTheTriangularFactorAlone() {
        // each half checked against its own triangular product, so that an error in one cannot hide behind the other
        qt().withFixedSeed(23L).withExamples(200)
            .forAll(integers().between(1, LARGEST), longs().all())
            .checkAssert((n, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                double[][] factor = randomSpd(n, random);
                double[] inverseDiagonal = new double[n];
                assertTrue(SmallDense.cholesky(factor, n, inverseDiagonal));
                double[][] lower = new double[n][n];
                double[][] upper = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        lower[i][j] = factor[i][j];
                        upper[j][i] = factor[i][j];
                    }
                }
                double[] b = random.doubles(n, -10, 10).toArray();

                double[] z = b.clone();
                SmallDense.solveLower(factor, inverseDiagonal, n, z, 0);
                assertSolves(lower, z, b, n, 1e-13, "L z = b");

                double[] w = b.clone();
                SmallDense.solveLowerTransposed(factor, inverseDiagonal, n, w, 0);
                assertSolves(upper, w, b, n, 1e-13, "Lᵀ w = b");
            });
    }

    @Test
    void choleskyRefusesMatricesThatAreNotPositiveDefinite() {
        double[] inverseDiagonal = new double[3];
        // exactly semidefinite: the second pivot is 1 − (2/2)² = 0 with no rounding
        assertFalse(SmallDense.cholesky(new double[][] {{4, 2}, {2, 1}}, 2, inverseDiagonal), "semidefinite");
        assertFalse(SmallDense.cholesky(new double[][] {{1, 2}, {2, 1}}, 2, inverseDiagonal), "indefinite");
        assertFalse(SmallDense.cholesky(new double[][] {{-1}}, 1, inverseDiagonal), "negative");
        assertFalse(SmallDense.cholesky(new double[][] {{0}}, 1, inverseDiagonal), "zero");
        assertFalse(SmallDense.cholesky(new double[][] {{Double.NaN}}, 1, inverseDiagonal), "NaN");
        assertFalse(SmallDense.cholesky(new double[][] {{Double.POSITIVE_INFINITY}}, 1, inverseDiagonal), "infinite");
        // a NaN below the diagonal poisons the next pivot, which must be caught there and not passed on
        assertFalse(SmallDense.cholesky(new double[][] {{1, 0}, {Double.NaN, 1}}, 2, inverseDiagonal), "NaN below");
        assertFalse(SmallDense.cholesky(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, -1e-300}}, 3, inverseDiagonal),
            "the last pivot only");
    }

    @Test
    void choleskyAcceptsAnIllConditionedButDefiniteMatrix() {
        // condition number 4e12: still positive definite in double precision, so the factor exists and solves
        // to the accuracy the conditioning allows
        double offDiagonal = 1 - 5e-13;
        double gap = 1 - offDiagonal; // exact: both are doubles within a factor of two of each other
        double[][] a = {{1, offDiagonal}, {offDiagonal, 1}};
        double[][] factor = copy(a);
        double[] inverseDiagonal = new double[2];

        assertTrue(SmallDense.cholesky(factor, 2, inverseDiagonal));

        double[] b = {1, -1};
        double[] x = b.clone();
        SmallDense.solveLower(factor, inverseDiagonal, 2, x, 0);
        SmallDense.solveLowerTransposed(factor, inverseDiagonal, 2, x, 0);
        // (1, −1) is the eigenvector of the small eigenvalue, the gap: x = ±1/gap ≈ ±2e12, known to about
        // machine epsilon times the condition number
        assertEquals(1 / gap, x[0], 1e-3 / gap);
        assertEquals(-1 / gap, x[1], 1e-3 / gap);
        assertSolves(a, x, b, 2, 1e-14, "ill-conditioned Cholesky");
    }

    @Test
    void luFactorsReproduceTheRowPermutedMatrix() {
        qt().withFixedSeed(24L).withExamples(300)
            .forAll(integers().between(1, LARGEST), longs().all())
            .checkAssert((n, seed) -> {
                double[][] a = randomShuffledDominant(n, new SplittableRandom(seed));
                double[][] lu = copy(a);
                int[] pivots = new int[n];

                assertTrue(SmallDense.luDecompose(lu, n, pivots));

                // P A with the interchanges applied in order, as luSolve applies them to b
                double[][] permuted = copy(a);
                for (int j = 0; j < n; j++) {
                    assertTrue(pivots[j] >= j && pivots[j] < n, "pivot row " + pivots[j] + " at step " + j);
                    double[] swap = permuted[j];
                    permuted[j] = permuted[pivots[j]];
                    permuted[pivots[j]] = swap;
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int k = 0; k <= Math.min(i, j); k++) {
                            double l = k == i ? 1 : lu[i][k];
                            sum += l * lu[k][j];
                        }
                        assertEquals(permuted[i][j], sum, 1e-13 * n * (n + 3), "(L·U)[" + i + "][" + j + "], n=" + n);
                    }
                    for (int k = 0; k < i; k++) {
                        assertTrue(Math.abs(lu[i][k]) <= 1, "partial pivoting bounds L's entries by 1");
                    }
                }
            });
    }

    @Test
    void luSolveSolvesTheSystem() {
        qt().withFixedSeed(25L).withExamples(300)
            .forAll(integers().between(1, LARGEST), longs().all())
            .checkAssert((n, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                double[][] a = randomShuffledDominant(n, random);
                double[] b = random.doubles(n, -10, 10).toArray();
                double[][] lu = workArray(a, n);
                int[] pivots = new int[n];
                assertTrue(SmallDense.luDecompose(lu, n, pivots));
                double[] x = b.clone();

                SmallDense.luSolve(lu, n, pivots, x);

                assertSolves(a, x, b, n, 1e-13, "LU");
            });
    }

    @Test
    void luSolveNeedsPivotingForAZeroLeadingEntry() {
        // without a row swap the first pivot would be 0; with it the solution is exact
        double[][] a = {{0, 1, 2}, {1, 0, 3}, {4, -3, 8}};
        double[][] lu = copy(a);
        int[] pivots = new int[3];
        assertTrue(SmallDense.luDecompose(lu, 3, pivots));
        assertEquals(2, pivots[0], "the largest entry of the first column is on the last row");
        double[] x = {1, 2, 3};
        double[] b = times(a, x, 3);

        SmallDense.luSolve(lu, 3, pivots, b);

        assertArrayEquals(x, b, 1e-14);
    }

    @Test
    void luRefusesExactlySingularAndNonFiniteMatrices() {
        int[] pivots = new int[3];
        assertFalse(SmallDense.luDecompose(new double[][] {{0, 0}, {0, 0}}, 2, pivots), "zero");
        // the third row is the first times a power of two, so elimination cancels it exactly
        assertFalse(SmallDense.luDecompose(new double[][] {{1, 3, -2}, {0.5, 7, 1}, {4, 12, -8}}, 3, pivots),
            "dependent rows");
        assertFalse(SmallDense.luDecompose(new double[][] {{1, 2, 3}, {4, 5, 6}, {0, 0, 0}}, 3, pivots), "zero row");
        assertFalse(SmallDense.luDecompose(new double[][] {{1, 0}, {2, 0}}, 2, pivots), "zero column");
        assertFalse(SmallDense.luDecompose(new double[][] {{Double.NaN, 1}, {1, 1}}, 2, pivots), "NaN pivot");
        assertFalse(SmallDense.luDecompose(new double[][] {{Double.POSITIVE_INFINITY, 1}, {1, 1}}, 2, pivots),
            "infinite pivot");
        assertFalse(SmallDense.luDecompose(new double[][] {{1, 1}, {Double.NEGATIVE_INFINITY, 1}}, 2, pivots),
            "infinite entry chosen as pivot");
    }

    @Test
    void dotSumsOnlyTheLeadingEntries() {
        double[] a = {1, 2, 3, Double.NaN};
        double[] b = {4, -5, 6, 1};
        assertEquals(1 * 4 - 2 * 5 + 3 * 6, SmallDense.dot(a, b, 3), 0.0);
        assertEquals(0.0, SmallDense.dot(a, b, 0), 0.0);
        assertTrue(Double.isNaN(SmallDense.dot(a, b, 4)));
    }
}
