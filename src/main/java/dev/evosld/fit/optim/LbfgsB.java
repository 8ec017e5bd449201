package dev.evosld.fit.optim;

import java.util.Objects;

/**
 * L-BFGS-B: minimizes a smooth function subject to box bounds l ≤ x ≤ u.
 *
 * <p>The algorithm of R. H. Byrd, P. Lu, J. Nocedal and C. Zhu, "A limited memory algorithm for bound
 * constrained optimization", SIAM J. Sci. Comput. 16(5), 1995, with the subspace refinement of J. L.
 * Morales and J. Nocedal, ACM TOMS 38(1), 2011. Each iteration
 * <ol>
 *   <li>finds the generalized Cauchy point, the first minimizer of the limited-memory quadratic model
 *       along the projected steepest-descent path, which fixes the active set ({@link CauchyPoint});</li>
 *   <li>minimizes the model over the variables still free there and pulls the result back into the box
 *       ({@link SubspaceStep});</li>
 *   <li>searches the segment from the iterate towards that point, and beyond it as far as the box
 *       allows, for a step satisfying the strong Wolfe conditions, with the line search of J. J. Moré
 *       and D. J. Thuente, ACM TOMS 20(3), 1994 ({@link LineSearch});</li>
 *   <li>stores the new curvature pair in the compact representation of the BFGS matrix (Byrd, Nocedal,
 *       Schnabel 1994, {@link LimitedMemory}), skipping pairs with s·y ≤ ε·y·y.</li>
 * </ol>
 *
 * <p>Objectives may be undefined in places. A non-finite value or gradient during a line search makes
 * the step shorter; if no finite progress is possible the curvature memory is dropped and the search
 * retried along the projected steepest-descent path once before giving up with
 * {@link Stop#LINE_SEARCH_FAILED}. When a tolerance stops the run the result is the final iterate;
 * after any other stop it is the lowest finite point evaluated, so never NaN once f was finite.
 *
 * <p>An instance holds every work array for its dimension, so {@link #minimize} allocates nothing but
 * its {@link Result}: reuse one instance per thread for many minimizations. Instances are not
 * thread-safe. The computation is deterministic: the same inputs give bit-identical results.
 */
public final class LbfgsB {

    /** Largest line-search step along a direction that meets no bound, as in the Fortran code. */
    private static final double UNBOUNDED_MAX_STEP = 1e10;
    private static final double EPSILON = Math.ulp(1.0);

    private final int dimension;
    private final Settings settings;
    private final LimitedMemory memory;
    private final CauchyPoint cauchyPoint;
    private final SubspaceStep subspaceStep;
    private final LineSearch lineSearch = new LineSearch();

    // Iterate, line-search trial and line-search best: swapped rather than copied on acceptance.
    private double[] x;
    private double[] gradient;
    private double[] trialX;
    private double[] trialGradient;
    private double[] searchBestX;
    private double[] searchBestGradient;

    private final double[] cauchy;
    /** End point of the search direction: the subspace minimizer, in the box. */
    private final double[] target;
    private final double[] direction;
    private final double[] step;
    private final double[] gradientChange;
    private final double[] bestX;
    private final double[] bestGradient;

    // State of the running minimize call.
    private int evaluations;
    /** f at x. */
    private double value;
    private double bestValue;
    private double trialValue;
    private double searchBestValue;

    /**
     * @param dimension number of variables, at least 1
     * @param settings  memory size, budgets and tolerances
     */
    public LbfgsB(int dimension, Settings settings) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        this.dimension = dimension;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.memory = new LimitedMemory(dimension, settings.memory());
        this.cauchyPoint = new CauchyPoint(dimension, settings.memory());
        this.subspaceStep = new SubspaceStep(dimension, settings.memory());
        this.x = new double[dimension];
        this.gradient = new double[dimension];
        this.trialX = new double[dimension];
        this.trialGradient = new double[dimension];
        this.searchBestX = new double[dimension];
        this.searchBestGradient = new double[dimension];
        this.cauchy = new double[dimension];
        this.target = new double[dimension];
        this.direction = new double[dimension];
        this.step = new double[dimension];
        this.gradientChange = new double[dimension];
        this.bestX = new double[dimension];
        this.bestGradient = new double[dimension];
    }

    public int dimension() {
        return dimension;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Minimizes {@code objective} over the box [lower, upper], starting from {@code start} projected
     * into the box. None of the arrays is modified or retained.
     *
     * @param lower lower bounds, {@code Double.NEGATIVE_INFINITY} where there is none
     * @param upper upper bounds, {@code Double.POSITIVE_INFINITY} where there is none
     * @throws IllegalArgumentException if an array has the wrong length or a bound is NaN, lower &gt;
     *                                  upper, or a box is empty
     */
    public Result minimize(Objective objective, double[] start, double[] lower, double[] upper) {
        Objects.requireNonNull(objective, "objective");
        checkArguments(start, lower, upper);
        int n = dimension;
        boolean finiteStart = true;
        boolean boxed = true;
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], start[i]));
            finiteStart &= Double.isFinite(x[i]);
            boxed &= Double.isFinite(lower[i]) && Double.isFinite(upper[i]);
        }
        memory.clear();
        evaluations = 0;
        if (!finiteStart) {
            return new Result(x.clone(), Double.NaN, 0, 0, Stop.NON_FINITE_START, Double.NaN);
        }
        value = objective.evaluate(x, gradient);
        evaluations = 1;
        if (!Double.isFinite(value) || !allFinite(gradient)) {
            return new Result(x.clone(), value, 0, evaluations, Stop.NON_FINITE_START, Double.NaN);
        }
        bestValue = value;
        System.arraycopy(x, 0, bestX, 0, n);
        System.arraycopy(gradient, 0, bestGradient, 0, n);
        if (projectedGradientNorm(x, gradient, lower, upper) <= settings.projectedGradientTolerance()) {
            return converged(0, Stop.PROJECTED_GRADIENT, lower, upper);
        }

        int iterations = 0;
        while (true) {
            if (iterations >= settings.maxIterations()) {
                return best(iterations, Stop.MAX_ITERATIONS, lower, upper);
            }
            double slope = searchDirection(lower, upper);
            LineSearch.Status status = LineSearch.Status.FAILED;
            if (slope < 0) {
                double maxStep = maxFeasibleStep(lower, upper);
                status = searchLine(objective, lower, upper, slope, initialStep(iterations == 0 && !boxed, maxStep),
                    maxStep);
            }
            if (status == LineSearch.Status.EVALUATE) {
                return best(iterations, Stop.MAX_EVALUATIONS, lower, upper);
            }
            if (status == LineSearch.Status.FAILED) {
                // Either rounding spoiled the quadratic model, or the model's direction led nowhere:
                // retry once from steepest descent before giving up.
                if (memory.size() > 0) {
                    memory.clear();
                    continue;
                }
                return best(iterations, Stop.LINE_SEARCH_FAILED, lower, upper);
            }

            double previousValue = value;
            if (status == LineSearch.Status.ACCEPT_TRIAL) {
                accept(trialValue, true);
            } else {
                accept(searchBestValue, false);
            }
            iterations++;

            if (projectedGradientNorm(x, gradient, lower, upper) <= settings.projectedGradientTolerance()) {
                return converged(iterations, Stop.PROJECTED_GRADIENT, lower, upper);
            }
            double scale = Math.max(Math.max(Math.abs(previousValue), Math.abs(value)), 1);
            if (previousValue - value <= settings.relativeReductionTolerance() * scale) {
                return converged(iterations, Stop.RELATIVE_REDUCTION, lower, upper);
            }
            double stepDotChange = SmallDense.dot(step, gradientChange, n);
            double changeDotChange = SmallDense.dot(gradientChange, gradientChange, n);
            // Skipping pairs without enough curvature keeps B positive definite (the Fortran test).
            if (stepDotChange > EPSILON * changeDotChange) {
                memory.add(step, gradientChange, stepDotChange, changeDotChange);
            }
        }
    }

    /**
     * Sets {@code direction} from x to the subspace minimizer beyond the Cauchy point.
     *
     * @return the slope g·d, negative for a descent direction; NaN if the model was numerically singular
     */
    private double searchDirection(double[] lower, double[] upper) {
        cauchyPoint.compute(x, gradient, lower, upper, memory, cauchy);
        if (!subspaceStep.compute(x, gradient, lower, upper, memory, cauchy, cauchyPoint.cauchyStep(), target)) {
            return Double.NaN;
        }
        double slope = 0;
        for (int i = 0; i < dimension; i++) {
            double d = target[i] - x[i];
            direction[i] = d;
            slope += gradient[i] * d;
        }
        return slope;
    }

    /**
     * The first trial step. On the first iteration d is the raw projected gradient, whose length means
     * nothing: try a step of unit length, unless every variable is boxed so that d already ends at a
     * sensible point. Otherwise (memory resets included) try the full step, as the Fortran code does:
     * backtracking from a long step interpolates quickly, while extrapolating from a short one gains
     * only a factor 4 per trial.
     */
    private double initialStep(boolean unitLength, double maxStep) {
        if (!unitLength) {
            return 1;
        }
        double squaredLength = SmallDense.dot(direction, direction, dimension);
        return Math.min(1 / Math.sqrt(squaredLength), maxStep);
    }

    /**
     * Runs the line search along {@code direction}, keeping the line search's best point in
     * {@code searchBestX} and the run's best in {@code bestX}.
     *
     * @return how the search ended, or {@link LineSearch.Status#EVALUATE} if the evaluation budget ran
     *     out first
     */
    private LineSearch.Status searchLine(Objective objective, double[] lower, double[] upper, double slope,
                                         double initialStep, double maxStep) {
        int n = dimension;
        LineSearch.Status status = lineSearch.begin(value, slope, initialStep, maxStep);
        while (status == LineSearch.Status.EVALUATE) {
            if (evaluations >= settings.maxEvaluations()) {
                return status;
            }
            trialPoint(lineSearch.step(), maxStep, lower, upper);
            trialValue = objective.evaluate(trialX, trialGradient);
            evaluations++;
            double trialSlope = Double.NaN;
            if (Double.isFinite(trialValue) && allFinite(trialGradient)) {
                trialSlope = SmallDense.dot(trialGradient, direction, n);
                if (trialValue < bestValue) {
                    bestValue = trialValue;
                    System.arraycopy(trialX, 0, bestX, 0, n);
                    System.arraycopy(trialGradient, 0, bestGradient, 0, n);
                }
            }
            status = lineSearch.next(trialValue, trialSlope);
            if (lineSearch.trialBecameBest()) {
                searchBestValue = trialValue;
                System.arraycopy(trialX, 0, searchBestX, 0, n);
                System.arraycopy(trialGradient, 0, searchBestGradient, 0, n);
            }
        }
        return status;
    }

    /**
     * trialX = x + α d, kept in the box. Variables meant to land on a bound are put exactly on it: x + d
     * need not round to the target, and a variable left an ulp inside its bound would look free to the
     * next Cauchy point and converged to the projected-gradient test, although its gradient pushes out.
     */
    private void trialPoint(double alpha, double maxStep, double[] lower, double[] upper) {
        if (alpha == 1) {
            System.arraycopy(target, 0, trialX, 0, dimension);
            return;
        }
        for (int i = 0; i < dimension; i++) {
            double d = direction[i];
            double value = x[i] + alpha * d;
            if (alpha == maxStep) {
                // The variables that limit the step reach their bounds exactly at maxStep.
                if (d > 0 && (upper[i] - x[i]) / d <= alpha) {
                    value = upper[i];
                } else if (d < 0 && (lower[i] - x[i]) / d <= alpha) {
                    value = lower[i];
                }
            }
            trialX[i] = Math.min(upper[i], Math.max(lower[i], value));
        }
    }

    /**
     * Makes the last trial, or the line search's best point, the new iterate (by swapping arrays, not
     * copying) and records the step s and gradient change y.
     */
    private void accept(double newValue, boolean lastTrial) {
        double[] newX = lastTrial ? trialX : searchBestX;
        double[] newGradient = lastTrial ? trialGradient : searchBestGradient;
        for (int i = 0; i < dimension; i++) {
            step[i] = newX[i] - x[i];
            gradientChange[i] = newGradient[i] - gradient[i];
        }
        if (lastTrial) {
            trialX = x;
            trialGradient = gradient;
        } else {
            searchBestX = x;
            searchBestGradient = gradient;
        }
        x = newX;
        gradient = newGradient;
        value = newValue;
    }

    /** The result at the lowest finite point evaluated. */
    private Result best(int iterations, Stop stop, double[] lower, double[] upper) {
        double norm = projectedGradientNorm(bestX, bestGradient, lower, upper);
        return new Result(bestX.clone(), bestValue, iterations, evaluations, stop, norm);
    }

    /**
     * The result at the iterate, which met a tolerance. A line-search trial may have come out lower by
     * rounding noise, but the iterate is the point the stop reason describes.
     */
    private Result converged(int iterations, Stop stop, double[] lower, double[] upper) {
        double norm = projectedGradientNorm(x, gradient, lower, upper);
        return new Result(x.clone(), value, iterations, evaluations, stop, norm);
    }

    /** The largest α with x + α d in the box, at least 1 (x + d is in the box up to rounding). */
    private double maxFeasibleStep(double[] lower, double[] upper) {
        double limit = UNBOUNDED_MAX_STEP;
        for (int i = 0; i < dimension; i++) {
            double d = direction[i];
            if (d > 0) {
                limit = Math.min(limit, (upper[i] - x[i]) / d);
            } else if (d < 0) {
                limit = Math.min(limit, (lower[i] - x[i]) / d);
            }
        }
        return Math.max(limit, 1);
    }

    /**
     * ‖P(x − g) − x‖<sub>∞</sub>, computed per component as the distance the gradient step can travel
     * before its bound, so that it does not round to zero when |x| ≫ |g|.
     */
    private double projectedGradientNorm(double[] x, double[] gradient, double[] lower, double[] upper) {
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            double g = gradient[i];
            double component;
            if (g < 0) {
                component = Math.min(upper[i] - x[i], -g);
            } else if (g > 0) {
                component = Math.min(x[i] - lower[i], g);
            } else {
                component = 0;
            }
            norm = Math.max(norm, component);
        }
        return norm;
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private void checkArguments(double[] start, double[] lower, double[] upper) {
        checkLength("start", start);
        checkLength("lower", lower);
        checkLength("upper", upper);
        for (int i = 0; i < dimension; i++) {
            double l = lower[i];
            double u = upper[i];
            if (!(l <= u) || l == Double.POSITIVE_INFINITY || u == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException(
                    "bounds of variable " + i + " admit no finite value: [" + l + ", " + u + "]");
            }
        }
    }

    private void checkLength(String name, double[] array) {
        Objects.requireNonNull(array, name);
        if (array.length != dimension) {
            throw new IllegalArgumentException(
                name + " has length " + array.length + ", expected the dimension " + dimension);
        }
    }
}
