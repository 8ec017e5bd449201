package dev.evosld.fit.optim;

/**
 * In-place factorizations of the tiny dense matrices of L-BFGS-B (at most 2m × 2m, m ≈ 8). Written by
 * hand because a library call would allocate or carry overhead larger than the arithmetic. Matrices are
 * {@code double[][]} work arrays of which only the leading {@code size × size} block is used.
 */
final class SmallDense {

    private SmallDense() {
    }

    /**
     * Overwrites the lower triangle of {@code a} with its Cholesky factor L (a = L Lᵀ) and stores the
     * reciprocals of L's diagonal in {@code inverseDiagonal}, so that the solves multiply instead of
     * dividing.
     *
     * @return false when {@code a} is not numerically positive definite
     */
    static boolean cholesky(double[][] a, int size, double[] inverseDiagonal) {
        for (int j = 0; j < size; j++) {
            double[] rowJ = a[j];
            double diagonal = rowJ[j];
            for (int k = 0; k < j; k++) {
                diagonal -= rowJ[k] * rowJ[k];
            }
            // The negated test also catches NaN.
            if (!(diagonal > 0) || diagonal == Double.POSITIVE_INFINITY) {
                return false;
            }
            double pivot = Math.sqrt(diagonal);
            double inversePivot = 1 / pivot;
            rowJ[j] = pivot;
            inverseDiagonal[j] = inversePivot;
            for (int i = j + 1; i < size; i++) {
                double[] rowI = a[i];
                double sum = rowI[j];
                for (int k = 0; k < j; k++) {
                    sum -= rowI[k] * rowJ[k];
                }
                rowI[j] = sum * inversePivot;
            }
        }
        return true;
    }

    /** Solves L z = b in place in {@code b[offset, offset + size)}, with L and its inverse diagonal from {@link #cholesky}. */
    static void solveLower(double[][] factor, double[] inverseDiagonal, int size, double[] b, int offset) {
        for (int i = 0; i < size; i++) {
            double[] row = factor[i];
            double sum = b[offset + i];
            for (int k = 0; k < i; k++) {
                sum -= row[k] * b[offset + k];
            }
            b[offset + i] = sum * inverseDiagonal[i];
        }
    }

    /** Solves Lᵀ z = b in place in {@code b[offset, offset + size)}, with L and its inverse diagonal from {@link #cholesky}. */
    static void solveLowerTransposed(double[][] factor, double[] inverseDiagonal, int size, double[] b, int offset) {
        // Column sweep: once z_i is known, remove it from the equations above. This reads row i of L,
        // contiguous in memory, where the textbook row form would read column i across all rows.
        for (int i = size - 1; i >= 0; i--) {
            double[] row = factor[i];
            double z = b[offset + i] * inverseDiagonal[i];
            b[offset + i] = z;
            for (int k = 0; k < i; k++) {
                b[offset + k] -= row[k] * z;
            }
        }
    }

    /**
     * Overwrites {@code a} with its LU factors (unit lower L below the diagonal, U on and above), rows
     * swapped by partial pivoting as recorded in {@code pivots}.
     *
     * @return false when a pivot is zero or not finite
     */
    static boolean luDecompose(double[][] a, int size, int[] pivots) {
        for (int j = 0; j < size; j++) {
            int best = j;
            double largest = Math.abs(a[j][j]);
            for (int i = j + 1; i < size; i++) {
                double candidate = Math.abs(a[i][j]);
                if (candidate > largest) {
                    largest = candidate;
                    best = i;
                }
            }
            if (!(largest > 0) || largest == Double.POSITIVE_INFINITY) {
                return false;
            }
            pivots[j] = best;
            if (best != j) {
                double[] swap = a[j];
                a[j] = a[best];
                a[best] = swap;
            }
            double[] rowJ = a[j];
            double inversePivot = 1 / rowJ[j];
            for (int i = j + 1; i < size; i++) {
                double[] rowI = a[i];
                double factor = rowI[j] * inversePivot;
                rowI[j] = factor;
                if (factor != 0) {
                    for (int k = j + 1; k < size; k++) {
                        rowI[k] -= factor * rowJ[k];
                    }
                }
            }
        }
        return true;
    }

    /** Solves A z = b in place in {@code b} with the factors from {@link #luDecompose}. */
    static void luSolve(double[][] lu, int size, int[] pivots, double[] b) {
        for (int j = 0; j < size; j++) {
            int p = pivots[j];
            if (p != j) {
                double swap = b[j];
                b[j] = b[p];
                b[p] = swap;
            }
        }
        for (int i = 1; i < size; i++) {
            double[] row = lu[i];
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= row[k] * b[k];
            }
            b[i] = sum;
        }
        for (int i = size - 1; i >= 0; i--) {
            double[] row = lu[i];
            double sum = b[i];
            for (int k = i + 1; k < size; k++) {
                sum -= row[k] * b[k];
            }
            b[i] = sum / row[i];
        }
    }

    static double dot(double[] a, double[] b, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
