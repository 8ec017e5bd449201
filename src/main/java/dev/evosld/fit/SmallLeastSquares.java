package dev.evosld.fit;

/**
 * Linear least squares {@code min ||A c - b||} for a tall matrix with few columns (the basis functions of a
 * law's linear parameters), by Householder QR with column pivoting on work arrays reused across calls:
 * variable projection solves one such problem in every objective evaluation, where a general-purpose
 * dense solver spent more time on bookkeeping than on the few thousand flops.
 *
 * <p>The columns are scaled to unit length first, so that pivoting and the rank decision look at
 * directions, not magnitudes: basis functions such as {@code N^-alpha} over many decades differ in size by
 * dozens of orders of magnitude, and a small one is still a different function. A column whose remaining
 * part has length at most {@value #RANK_TOLERANCE} after the columns chosen before it (so one that lies in
 * their span up to rounding), or a zero column, gets coefficient zero: a basic solution. Not thread-safe.
 */
final class SmallLeastSquares {
    static final double RANK_TOLERANCE = 1e-12;

    private final int n;
    private final int k;
    /** The columns of A, overwritten by the Householder vectors and R; swapped when pivoting. */
    private final double[][] columns;
    private final double[] rhs;
    private final double[] norms;
    private final double[] diagonal;
    private final int[] permutation;
    private final double[] solution;

    SmallLeastSquares(int rows, int columnCount) {
        if (rows < columnCount) {
            throw new IllegalArgumentException(rows + " rows cannot determine " + columnCount + " columns");
        }
        this.n = rows;
        this.k = columnCount;
        this.columns = new double[columnCount][rows];
        this.rhs = new double[rows];
        this.norms = new double[columnCount];
        this.diagonal = new double[columnCount];
        this.permutation = new int[columnCount];
        this.solution = new double[columnCount];
    }

    /** Column {@code j} of A, for the caller to fill before {@link #solve}. */
    double[] column(int j) {
        return columns[j];
    }

    /** The right-hand side b, for the caller to fill before {@link #solve}. */
    double[] rhs() {
        return rhs;
    }

    /**
     * Solves for the current columns and right-hand side, destroying both.
     *
     * @return the coefficients (an internal array, valid until the next call), or null if an entry of A or
     *     b is not finite
     */
    double[] solve() {
        for (int r = 0; r < n; r++) {
            if (!Double.isFinite(rhs[r])) {
                return null;
            }
        }
        for (int j = 0; j < k; j++) {
            permutation[j] = j;
            double[] a = columns[j];
            double max = 0;
            for (int r = 0; r < n; r++) {
                double v = Math.abs(a[r]);
                if (!(v <= Double.MAX_VALUE)) {
                    return null;
                }
                max = Math.max(max, v);
            }
            double norm = 0;
            if (max > 0) {
                // scaled by a power of two near the largest entry, so that the squares neither overflow nor
                // underflow and the scaling is exact
                double unit = Math.scalb(1.0, -Math.getExponent(max));
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    double v = a[r] * unit;
                    sum += v * v;
                }
                norm = Math.sqrt(sum) / unit;
                double inverse = 1 / norm;
                if (inverse < Double.POSITIVE_INFINITY) {
                    for (int r = 0; r < n; r++) {
                        a[r] *= inverse;
                    }
                } else {
                    for (int r = 0; r < n; r++) {
                        a[r] /= norm;
                    }
                }
            }
            norms[j] = norm;
        }
        int rank = 0;
        for (int s = 0; s < k; s++) {
            double remaining = pivot(s);
            if (!(remaining > RANK_TOLERANCE)) {
                break;
            }
            double[] a = columns[s];
            double alpha = a[s] > 0 ? -remaining : remaining;
            // v = a[s..n) - alpha e1, stored in place; H = I - v v' / (|alpha| (|alpha| + |a[s]|))
            double vv = remaining * (remaining + Math.abs(a[s]));
            a[s] -= alpha;
            for (int j = s + 1; j < k; j++) {
                reflect(a, s, vv, columns[j]);
            }
            reflect(a, s, vv, rhs);
            diagonal[s] = alpha;
            rank++;
        }
        // back substitution on the leading rank x rank triangle of R; dependent columns get zero
        for (int i = k - 1; i >= rank; i--) {
            solution[i] = 0;
        }
        for (int i = rank - 1; i >= 0; i--) {
            double v = rhs[i];
            for (int j = i + 1; j < rank; j++) {
                v -= columns[j][i] * solution[j];
            }
            solution[i] = v / diagonal[i];
        }
        // undo the pivoting and the unit scaling (rhs is free now and long enough to hold k values)
        for (int i = 0; i < k; i++) {
            int j = permutation[i];
            rhs[j] = solution[i] == 0 ? 0 : solution[i] / norms[j];
        }
        System.arraycopy(rhs, 0, solution, 0, k);
        return solution;
    }

    /** Swaps the column with the longest remaining part into place {@code s}; returns that length. */
    private double pivot(int s) {
        int best = s;
        double bestSum = -1;
        for (int j = s; j < k; j++) {
            double[] a = columns[j];
            double sum = 0;
            for (int r = s; r < n; r++) {
                sum += a[r] * a[r];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = j;
            }
        }
        if (best != s) {
            double[] column = columns[s];
            columns[s] = columns[best];
            columns[best] = column;
            int index = permutation[s];
            permutation[s] = permutation[best];
            permutation[best] = index;
        }
        return Math.sqrt(bestSum);
    }

    /** {@code x[s..n) -= v (v' x[s..n)) / vv}. */
    private void reflect(double[] v, int s, double vv, double[] x) {
        double dot = 0;
        for (int r = s; r < n; r++) {
            dot += v[r] * x[r];
        }
        double f = dot / vv;
        for (int r = s; r < n; r++) {
            x[r] -= f * v[r];
        }
    }
}
