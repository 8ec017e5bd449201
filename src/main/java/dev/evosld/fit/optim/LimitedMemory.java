package dev.evosld.fit.optim;

/**
 * The compact limited-memory BFGS matrix of Byrd, Nocedal and Schnabel (1994), as used by L-BFGS-B:
 *
 * <pre>
 *   B = θ I − W M Wᵀ,   W = [Y  θS],   M = K⁻¹,   K = [ −D   Lᵀ  ]
 *                                                   [  L   θSᵀS ]
 * </pre>
 *
 * where the columns of S and Y are the last k ≤ m steps s<sub>i</sub> and gradient changes
 * y<sub>i</sub> (oldest first), D = diag(s<sub>i</sub>·y<sub>i</sub>) and L is the strictly lower part
 * of SᵀY. Vectors in the 2k-dimensional "W space" hold the Y block in [0, k) and the θS block in [k, 2k).
 *
 * <p>M is never formed. Following the paper, K factors as
 * <pre>
 *   K = [ D^½        0 ] [ −D^½  D^-½ Lᵀ ]      J Jᵀ = T = θ SᵀS + L D⁻¹ Lᵀ
 *       [ −L D^-½    J ] [   0      Jᵀ   ]
 * </pre>
 * so M v costs two k × k triangular solves with the Cholesky factor J plus O(k²) products. The second
 * factor is E Fᵀ for the first factor F and E = diag(−I, I), so M = F⁻ᵀ E F⁻¹ and a bilinear form
 * aᵀ M b = (F⁻¹a)ᵀ E (F⁻¹b) needs only forward solves: {@link #solveFirstFactor} and
 * {@link #middleProduct}.
 *
 * <p>Pairs live in a ring buffer of physical slots; "logical" index 0 is the oldest pair.
 */
final class LimitedMemory {

    private final int capacity;
    private final int dimension;
    private final double[][] steps;
    private final double[][] gradientChanges;
    /** stepDotChange[i][j] = s_i · y_j, logical indices. */
    private final double[][] stepDotChange;
    /** stepDotStep[i][j] = s_i · s_j, logical indices. */
    private final double[][] stepDotStep;
    /** Lower triangle: the Cholesky factor J of T. */
    private final double[][] factorT;
    private final double[] inverseFactorDiagonal;
    /** 1 / (s_i · y_i), the inverse of D. */
    private final double[] inverseCurvature;
    private final double[] inverseSqrtCurvature;

    private int size;
    private int oldestSlot;
    private double theta = 1;

    LimitedMemory(int dimension, int capacity) {
        this.capacity = capacity;
        this.dimension = dimension;
        this.steps = new double[capacity][dimension];
        this.gradientChanges = new double[capacity][dimension];
        this.stepDotChange = new double[capacity][capacity];
        this.stepDotStep = new double[capacity][capacity];
        this.factorT = new double[capacity][capacity];
        this.inverseFactorDiagonal = new double[capacity];
        this.inverseCurvature = new double[capacity];
        this.inverseSqrtCurvature = new double[capacity];
    }

    int size() {
        return size;
    }

    double theta() {
        return theta;
    }

    /** Forgets all pairs: B becomes the identity. */
    void clear() {
        size = 0;
        oldestSlot = 0;
        theta = 1;
    }

    /** The step s of the logical pair {@code i} (0 = oldest). */
    double[] step(int i) {
        return steps[slot(i)];
    }

    /** The gradient change y of the logical pair {@code i} (0 = oldest). */
    double[] gradientChange(int i) {
        return gradientChanges[slot(i)];
    }

    private int slot(int logical) {
        int slot = oldestSlot + logical;
        return slot >= capacity ? slot - capacity : slot;
    }

    /**
     * Appends the pair (s, y), dropping the oldest one when full, and sets θ = y·y / s·y. The caller has
     * checked s·y &gt; eps·y·y, which keeps B positive definite.
     *
     * @return false when T lost positive definiteness to rounding; the memory is then cleared
     */
    boolean add(double[] step, double[] gradientChange, double stepDotChangeNew, double changeDotChange) {
        if (size == capacity) {
            oldestSlot = slot(1);
            size--;
            // Shift the Gram matrices one place up and left to drop the oldest row and column.
            for (int i = 0; i < size; i++) {
                System.arraycopy(stepDotChange[i + 1], 1, stepDotChange[i], 0, size);
                System.arraycopy(stepDotStep[i + 1], 1, stepDotStep[i], 0, size);
            }
        }
        int newest = size;
        int slot = slot(newest);
        System.arraycopy(step, 0, steps[slot], 0, dimension);
        System.arraycopy(gradientChange, 0, gradientChanges[slot], 0, dimension);
        size++;
        for (int i = 0; i < newest; i++) {
            double[] s = steps[slot(i)];
            double[] y = gradientChanges[slot(i)];
            double ss = SmallDense.dot(s, step, dimension);
            stepDotStep[i][newest] = ss;
            stepDotStep[newest][i] = ss;
            stepDotChange[i][newest] = SmallDense.dot(s, gradientChange, dimension);
            stepDotChange[newest][i] = SmallDense.dot(step, y, dimension);
        }
        stepDotStep[newest][newest] = SmallDense.dot(step, step, dimension);
        stepDotChange[newest][newest] = stepDotChangeNew;
        theta = changeDotChange / stepDotChangeNew;
        if (!factorize()) {
            clear();
            return false;
        }
        return true;
    }

    private boolean factorize() {
        for (int l = 0; l < size; l++) {
            inverseCurvature[l] = 1 / stepDotChange[l][l];
            inverseSqrtCurvature[l] = Math.sqrt(inverseCurvature[l]);
        }
        for (int i = 0; i < size; i++) {
            double[] rowI = stepDotChange[i];
            for (int j = 0; j <= i; j++) {
                double[] rowJ = stepDotChange[j];
                double sum = theta * stepDotStep[i][j];
                // (L D⁻¹ Lᵀ)_ij sums over l < min(i, j) = j.
                for (int l = 0; l < j; l++) {
                    sum += rowI[l] * rowJ[l] * inverseCurvature[l];
                }
                factorT[i][j] = sum;
            }
        }
        return SmallDense.cholesky(factorT, size, inverseFactorDiagonal);
    }

    /**
     * out = M v for a W-space vector v (length 2k). {@code out} must not be {@code v}.
     *
     * <p>Solves K out = v by block elimination: T x₂ = v₂ + L D⁻¹ v₁, then x₁ = D⁻¹ (Lᵀ x₂ − v₁).
     */
    void multiplyMiddle(double[] v, double[] out) {
        int k = size;
        // out[0, k) holds D⁻¹ v₁ until the last loop overwrites it.
        for (int j = 0; j < k; j++) {
            out[j] = v[j] * inverseCurvature[j];
        }
        for (int i = 0; i < k; i++) {
            double sum = v[k + i];
            double[] row = stepDotChange[i];
            for (int j = 0; j < i; j++) {
                sum += row[j] * out[j];
            }
            out[k + i] = sum;
        }
        SmallDense.solveLower(factorT, inverseFactorDiagonal, k, out, k);
        SmallDense.solveLowerTransposed(factorT, inverseFactorDiagonal, k, out, k);
        for (int j = 0; j < k; j++) {
            double sum = -v[j];
            for (int i = j + 1; i < k; i++) {
                sum += stepDotChange[i][j] * out[k + i];
            }
            out[j] = sum * inverseCurvature[j];
        }
    }

    /**
     * out = F⁻¹ v for a W-space vector v, F the first factor of K: out₁ = D^-½ v₁ and
     * J out₂ = v₂ + L D⁻¹ v₁. {@code out} must not be {@code v}.
     */
    void solveFirstFactor(double[] v, double[] out) {
        int k = size;
        for (int i = 0; i < k; i++) {
            double sum = v[k + i];
            double[] row = stepDotChange[i];
            for (int j = 0; j < i; j++) {
                sum += row[j] * out[j] * inverseSqrtCurvature[j];
            }
            out[i] = v[i] * inverseSqrtCurvature[i];
            out[k + i] = sum;
        }
        SmallDense.solveLower(factorT, inverseFactorDiagonal, k, out, k);
    }

    /** aᵀ M b from u = F⁻¹a and v = F⁻¹b (see {@link #solveFirstFactor}): uᵀ E v with E = diag(−I, I). */
    double middleProduct(double[] u, double[] v) {
        int k = size;
        double negative = 0;
        double positive = 0;
        for (int j = 0; j < k; j++) {
            negative += u[j] * v[j];
            positive += u[k + j] * v[k + j];
        }
        return positive - negative;
    }

    /** out = Wᵀ d (length 2k). */
    void multiplyWTransposed(double[] d, double[] out) {
        int k = size;
        for (int i = 0; i < k; i++) {
            int slot = slot(i);
            out[i] = SmallDense.dot(gradientChanges[slot], d, dimension);
            out[k + i] = theta * SmallDense.dot(steps[slot], d, dimension);
        }
    }

    /** out = row {@code row} of W, that is Wᵀ e<sub>row</sub> (length 2k). */
    void rowOfW(int row, double[] out) {
        int k = size;
        for (int i = 0; i < k; i++) {
            int slot = slot(i);
            out[i] = gradientChanges[slot][row];
            out[k + i] = theta * steps[slot][row];
        }
    }

    /** (W v)<sub>row</sub> for a W-space vector v. */
    double rowOfWTimes(int row, double[] v) {
        int k = size;
        double sumY = 0;
        double sumS = 0;
        for (int i = 0; i < k; i++) {
            int slot = slot(i);
            sumY += gradientChanges[slot][row] * v[i];
            sumS += steps[slot][row] * v[k + i];
        }
        return sumY + theta * sumS;
    }
}
