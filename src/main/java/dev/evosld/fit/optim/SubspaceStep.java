package dev.evosld.fit.optim;

/**
 * Subspace minimization (Byrd, Lu, Nocedal, Zhu 1995, section 5.1, the direct primal method): holding
 * the variables that sit on a bound at the Cauchy point x<sup>c</sup> fixed, minimize the quadratic
 * model over the remaining free variables, then pull the result back into the box.
 *
 * <p>With Z selecting the t free variables, the reduced Hessian is B̂ = θI − ZᵀW M WᵀZ and the
 * reduced gradient at x<sup>c</sup> is r = Zᵀ(g + θ(x<sup>c</sup> − x) − W M c). The Newton step
 * −B̂⁻¹ r is computed whichever way is cheaper:
 * <ul>
 *   <li>t ≤ 2k (EvoSLD's usual case, a dozen variables or fewer): form the t × t matrix B̂ from t
 *       products with M and factor it by Cholesky. B̂ is positive definite, so a failed factorization
 *       reliably signals a model spoiled by rounding.</li>
 *   <li>t &gt; 2k: the Sherman–Morrison–Woodbury identity of the paper,
 *       <pre>B̂⁻¹ = I/θ + (1/θ²) ZᵀW (I − (1/θ) M WᵀZ ZᵀW)⁻¹ M WᵀZ,</pre>
 *       which needs a 2k × 2k solve however many variables are free.</li>
 * </ul>
 *
 * <p>The unconstrained subspace minimizer is projected onto the box (Morales and Nocedal 2011, the
 * change that made L-BFGS-B 3.0) if the projected point's model value is still no higher than the
 * Cauchy point's, and otherwise shortened until it fits (the original backtracking).
 */
final class SubspaceStep {

    private final int dimension;
    private final int[] free;
    private final double[] reducedGradient;
    private final double[] newtonStep;
    private final double[] difference;
    private final double[] wSpace;
    private final double[] wSpaceSolved;
    private final double[] wRow;
    private final double[][] system;
    private final double[] column;
    private final double[] columnTimes;
    private final int[] pivots;
    /** F⁻¹ w_i for the rows w_i of W of the free variables: used only when t ≤ 2k, so 2m rows suffice. */
    private final double[][] solvedFreeRows;
    private final double[][] reducedHessian;
    private final double[] inverseDiagonal;

    SubspaceStep(int dimension, int memory) {
        int w = 2 * memory;
        int directRows = Math.min(dimension, w);
        this.dimension = dimension;
        this.free = new int[dimension];
        this.reducedGradient = new double[dimension];
        this.newtonStep = new double[dimension];
        this.difference = new double[dimension];
        this.wSpace = new double[w];
        this.wSpaceSolved = new double[w];
        this.wRow = new double[w];
        this.system = new double[w][w];
        this.column = new double[w];
        this.columnTimes = new double[w];
        this.pivots = new int[w];
        this.solvedFreeRows = new double[directRows][w];
        this.reducedHessian = new double[directRows][directRows];
        this.inverseDiagonal = new double[directRows];
    }

    /**
     * Writes the end point of the search direction, a point of the box, into {@code target}.
     *
     * @param cauchyStep c = Wᵀ(x<sup>c</sup> − x) from {@link CauchyPoint}
     * @return false when rounding has spoiled the model (B̂ not positive definite, or the Woodbury system
     *     singular); the caller then discards the curvature memory
     */
    boolean compute(double[] x, double[] gradient, double[] lower, double[] upper, LimitedMemory memory,
                    double[] cauchy, double[] cauchyStep, double[] target) {
        int n = dimension;
        System.arraycopy(cauchy, 0, target, 0, n);
        int freeCount = 0;
        for (int i = 0; i < n; i++) {
            if (lower[i] < cauchy[i] && cauchy[i] < upper[i]) {
                free[freeCount++] = i;
            }
        }
        if (freeCount == 0) {
            return true;
        }
        int k = memory.size();
        int w = 2 * k;
        double theta = memory.theta();

        // r = Zᵀ(g + θ(xᶜ − x) − W M c)
        memory.multiplyMiddle(cauchyStep, wSpace);
        for (int f = 0; f < freeCount; f++) {
            int i = free[f];
            reducedGradient[f] = gradient[i] + theta * (cauchy[i] - x[i]) - memory.rowOfWTimes(i, wSpace);
        }
        if (k == 0) {
            for (int f = 0; f < freeCount; f++) {
                newtonStep[f] = -reducedGradient[f] / theta;
            }
        } else if (freeCount <= w) {
            if (!solveReducedSystem(memory, freeCount, theta)) {
                return false;
            }
        } else if (!solveByWoodbury(memory, freeCount, w, theta)) {
            return false;
        }

        boolean projected = false;
        for (int f = 0; f < freeCount; f++) {
            int i = free[f];
            double unconstrained = cauchy[i] + newtonStep[f];
            double inBox = Math.min(upper[i], Math.max(lower[i], unconstrained));
            projected |= inBox != unconstrained;
            target[i] = inBox;
        }
        // Unprojected, the target is the subspace minimizer itself, which the model cannot rank
        // above the Cauchy point.
        if (!projected
            || modelChange(x, gradient, memory, target) <= cauchyModelChange(x, gradient, memory, cauchy, cauchyStep)) {
            return true;
        }
        // The projection lost the Cauchy point's model decrease (Morales and Nocedal only ask for a
        // descent direction, but after an exact line search the projected direction can be orthogonal
        // to g up to rounding, and the iteration stalls). The longest feasible fraction of the step
        // keeps the decrease, because the model falls monotonically from xᶜ towards the minimizer.
        double fraction = 1;
        for (int f = 0; f < freeCount; f++) {
            int i = free[f];
            double step = newtonStep[f];
            if (step > 0) {
                fraction = Math.min(fraction, (upper[i] - cauchy[i]) / step);
            } else if (step < 0) {
                fraction = Math.min(fraction, (lower[i] - cauchy[i]) / step);
            }
        }
        for (int f = 0; f < freeCount; f++) {
            int i = free[f];
            target[i] = Math.min(upper[i], Math.max(lower[i], cauchy[i] + fraction * newtonStep[f]));
        }
        return true;
    }

    /** m(z) − m(x) = gᵀΔ + ½ ΔᵀBΔ with Δ = z − x and B = θI − W M Wᵀ. */
    private double modelChange(double[] x, double[] gradient, LimitedMemory memory, double[] z) {
        double linear = 0;
        double squared = 0;
        for (int i = 0; i < dimension; i++) {
            double d = z[i] - x[i];
            difference[i] = d;
            linear += gradient[i] * d;
            squared += d * d;
        }
        memory.multiplyWTransposed(difference, wSpace);
        return linear + 0.5 * (memory.theta() * squared - middleQuadraticForm(memory, wSpace));
    }

    /** As {@link #modelChange} for the Cauchy point, whose Wᵀ(xᶜ − x) is already known. */
    private double cauchyModelChange(double[] x, double[] gradient, LimitedMemory memory, double[] cauchy,
                                     double[] cauchyStep) {
        double linear = 0;
        double squared = 0;
        for (int i = 0; i < dimension; i++) {
            double d = cauchy[i] - x[i];
            linear += gradient[i] * d;
            squared += d * d;
        }
        return linear + 0.5 * (memory.theta() * squared - middleQuadraticForm(memory, cauchyStep));
    }

    /** pᵀ M p. */
    private double middleQuadraticForm(LimitedMemory memory, double[] p) {
        memory.solveFirstFactor(p, columnTimes);
        return memory.middleProduct(columnTimes, columnTimes);
    }

    /** newtonStep = −B̂⁻¹ r with B̂ = θI − ZᵀW M WᵀZ formed explicitly and factored by Cholesky. */
    private boolean solveReducedSystem(LimitedMemory memory, int freeCount, double theta) {
        for (int f = 0; f < freeCount; f++) {
            memory.rowOfW(free[f], wRow);
            memory.solveFirstFactor(wRow, solvedFreeRows[f]);
        }
        for (int a = 0; a < freeCount; a++) {
            double[] row = reducedHessian[a];
            double[] solvedA = solvedFreeRows[a];
            for (int b = 0; b < a; b++) {
                row[b] = -memory.middleProduct(solvedA, solvedFreeRows[b]);
            }
            row[a] = theta - memory.middleProduct(solvedA, solvedA);
        }
        if (!SmallDense.cholesky(reducedHessian, freeCount, inverseDiagonal)) {
            return false;
        }
        for (int f = 0; f < freeCount; f++) {
            newtonStep[f] = -reducedGradient[f];
        }
        SmallDense.solveLower(reducedHessian, inverseDiagonal, freeCount, newtonStep, 0);
        SmallDense.solveLowerTransposed(reducedHessian, inverseDiagonal, freeCount, newtonStep, 0);
        return true;
    }

    /** newtonStep = −B̂⁻¹ r over the free variables, by the Woodbury identity. */
    private boolean solveByWoodbury(LimitedMemory memory, int freeCount, int w, double theta) {
        // system = WᵀZ ZᵀW (symmetric), wSpace = WᵀZ r
        for (int a = 0; a < w; a++) {
            double[] row = system[a];
            for (int b = 0; b <= a; b++) {
                row[b] = 0;
            }
            wSpace[a] = 0;
        }
        for (int f = 0; f < freeCount; f++) {
            memory.rowOfW(free[f], wRow);
            double r = reducedGradient[f];
            for (int a = 0; a < w; a++) {
                double wa = wRow[a];
                wSpace[a] += wa * r;
                double[] row = system[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += wa * wRow[b];
                }
            }
        }
        for (int a = 0; a < w; a++) {
            for (int b = a + 1; b < w; b++) {
                system[a][b] = system[b][a];
            }
        }
        // system ← I − (1/θ) M · system, one column at a time.
        for (int b = 0; b < w; b++) {
            for (int a = 0; a < w; a++) {
                column[a] = system[a][b];
            }
            memory.multiplyMiddle(column, columnTimes);
            for (int a = 0; a < w; a++) {
                system[a][b] = (a == b ? 1 : 0) - columnTimes[a] / theta;
            }
        }
        memory.multiplyMiddle(wSpace, wSpaceSolved);
        if (!SmallDense.luDecompose(system, w, pivots)) {
            return false;
        }
        SmallDense.luSolve(system, w, pivots, wSpaceSolved);
        double thetaSquared = theta * theta;
        for (int f = 0; f < freeCount; f++) {
            double step = -reducedGradient[f] / theta
                - memory.rowOfWTimes(free[f], wSpaceSolved) / thetaSquared;
            if (!Double.isFinite(step)) {
                return false;
            }
            newtonStep[f] = step;
        }
        return true;
    }
}
