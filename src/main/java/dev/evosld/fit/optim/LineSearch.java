package dev.evosld.fit.optim;

/**
 * The line search of Moré and Thuente (1994), "Line search algorithms with guaranteed sufficient
 * decrease", ACM TOMS 20(3), for φ(α) = f(x + α d) on [0, α<sub>max</sub>]: it looks for a step with
 * <pre>
 *   φ(α) ≤ φ(0) + ftol · α · φ′(0)        (sufficient decrease)
 *   |φ′(α)| ≤ gtol · |φ′(0)|               (strong curvature condition)
 * </pre>
 * keeping an interval of uncertainty [stx, sty] that, once it brackets a minimizer, shrinks by
 * safeguarded cubic and quadratic interpolation. Until a step with sufficient decrease and φ′ ≥ 0 has
 * been seen, the steps are chosen on the auxiliary function ψ(α) = φ(α) − φ(0) − ftol · α · φ′(0),
 * which guarantees that stx always satisfies sufficient decrease.
 *
 * <p>Reverse communication: {@link #begin} and each {@link #next} return {@link Status#EVALUATE} with
 * the step to try in {@link #step()}; the caller evaluates φ and φ′ there and calls {@code next}
 * again. This keeps the objective call, the evaluation budget and all copying in one place
 * ({@link LbfgsB}) and avoids a callback object.
 *
 * <p>Extension for objectives that are undefined on part of the line: a non-finite φ or φ′ at a trial
 * step means "too far". The step is halved towards stx and the largest allowed step lowered to match,
 * so the search stays in the region where φ is finite.
 *
 * <p>The parameters are those of L-BFGS-B: ftol = 10⁻³, gtol = 0.9, xtol = 0.1, at most 20 trials.
 */
final class LineSearch {

    /** What the caller must do next. */
    enum Status {
        /** Evaluate φ at {@link #step()} and call {@link #next}. */
        EVALUATE,
        /** Accept the step just evaluated. */
        ACCEPT_TRIAL,
        /** Accept {@link #bestStep()}, evaluated earlier (the caller kept its point when told by
         * {@link #trialBecameBest()}). */
        ACCEPT_BEST,
        /** No step lowered φ. */
        FAILED
    }

    static final int MAX_TRIALS = 20;

    private static final double FTOL = 1e-3;
    private static final double GTOL = 0.9;
    private static final double XTOL = 0.1;
    private static final double EXTRAPOLATE_MIN = 1.1;
    private static final double EXTRAPOLATE_MAX = 4.0;
    private static final double NON_FINITE_SHRINK = 0.5;

    private double initialValue;
    private double initialSlope;
    private double decreaseSlope;
    private double maxStep;

    private double step;
    private int trials;
    private boolean bracketed;
    private boolean auxiliaryStage;
    private double width;
    private double previousWidth;
    private double lowStep;
    private double highStep;

    // Interval of uncertainty: stx is the best step so far, sty the other end.
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private boolean trialBecameBest;

    /**
     * Starts a search.
     *
     * @param value       φ(0)
     * @param slope       φ′(0), negative
     * @param initialStep first trial, in (0, maxStep]
     * @param maxStep     largest step allowed
     */
    Status begin(double value, double slope, double initialStep, double maxStep) {
        this.initialValue = value;
        this.initialSlope = slope;
        this.decreaseSlope = FTOL * slope;
        this.maxStep = maxStep;
        this.step = Math.min(initialStep, maxStep);
        this.trials = 0;
        this.bracketed = false;
        this.auxiliaryStage = true;
        this.width = maxStep;
        this.previousWidth = 2 * maxStep;
        this.stx = 0;
        this.fx = value;
        this.gx = slope;
        this.sty = 0;
        this.fy = value;
        this.gy = slope;
        this.lowStep = 0;
        this.highStep = step + EXTRAPOLATE_MAX * step;
        this.trialBecameBest = false;
        return Status.EVALUATE;
    }

    /** The step to evaluate next. */
    double step() {
        return step;
    }

    /** The best step so far; positive only if it lowered φ. */
    double bestStep() {
        return stx;
    }

    /** Whether the last call to {@link #next} made the trial step the best step (the caller then keeps it). */
    boolean trialBecameBest() {
        return trialBecameBest;
    }

    /**
     * Consumes φ and φ′ at {@link #step()}.
     *
     * @param value φ(step), possibly non-finite
     * @param slope φ′(step), possibly non-finite
     */
    Status next(double value, double slope) {
        trialBecameBest = false;
        trials++;
        if (!Double.isFinite(value) || !Double.isFinite(slope)) {
            if (trials >= MAX_TRIALS) {
                return stx > 0 ? Status.ACCEPT_BEST : Status.FAILED;
            }
            double shrunk = stx + NON_FINITE_SHRINK * (step - stx);
            if (step > stx) {
                maxStep = shrunk;
            }
            if (shrunk == step || shrunk == stx) {
                return stx > 0 ? Status.ACCEPT_BEST : Status.FAILED;
            }
            step = shrunk;
            return Status.EVALUATE;
        }

        double decreaseTest = initialValue + step * decreaseSlope;
        boolean sufficientDecrease = value <= decreaseTest;
        if (auxiliaryStage && sufficientDecrease && slope >= 0) {
            auxiliaryStage = false;
        }
        if (sufficientDecrease && Math.abs(slope) <= -GTOL * initialSlope) {
            return Status.ACCEPT_TRIAL;
        }
        if (step == maxStep && sufficientDecrease && slope <= decreaseSlope) {
            // Still going down steeply at the largest step allowed: take it.
            return Status.ACCEPT_TRIAL;
        }
        boolean roundingStalled = bracketed && (step <= lowStep || step >= highStep);
        boolean intervalTiny = bracketed && highStep - lowStep <= XTOL * highStep;
        if (roundingStalled || intervalTiny || trials >= MAX_TRIALS) {
            return settle(value, sufficientDecrease);
        }

        double trial = step;
        if (auxiliaryStage && value <= fx && !sufficientDecrease) {
            // Work on ψ, whose values and slopes differ from φ's by the linear term ftol·α·φ′(0).
            fx -= stx * decreaseSlope;
            fy -= sty * decreaseSlope;
            gx -= decreaseSlope;
            gy -= decreaseSlope;
            safeguardedStep(value - step * decreaseSlope, slope - decreaseSlope);
            fx += stx * decreaseSlope;
            fy += sty * decreaseSlope;
            gx += decreaseSlope;
            gy += decreaseSlope;
        } else {
            safeguardedStep(value, slope);
        }
        trialBecameBest = stx == trial;

        if (bracketed) {
            // Force a bisection if the interval did not shrink enough over the last two steps.
            if (Math.abs(sty - stx) >= 0.66 * previousWidth) {
                step = stx + 0.5 * (sty - stx);
            }
            previousWidth = width;
            width = Math.abs(sty - stx);
            lowStep = Math.min(stx, sty);
            highStep = Math.max(stx, sty);
        } else {
            lowStep = step + EXTRAPOLATE_MIN * (step - stx);
            highStep = step + EXTRAPOLATE_MAX * (step - stx);
        }
        step = Math.max(step, 0);
        step = Math.min(step, maxStep);
        if (bracketed && (step <= lowStep || step >= highStep || highStep - lowStep <= XTOL * highStep)) {
            step = stx;
        }
        if (step == stx || step <= 0) {
            // Nothing new to try (Moré–Thuente would re-evaluate stx and stop on "rounding errors").
            return stx > 0 ? Status.ACCEPT_BEST : Status.FAILED;
        }
        return Status.EVALUATE;
    }

    /** Ends the search with whichever of the trial and the best step is lower, if either lowered φ. */
    private Status settle(double value, boolean sufficientDecrease) {
        if (sufficientDecrease && value <= fx) {
            return Status.ACCEPT_TRIAL;
        }
        return stx > 0 ? Status.ACCEPT_BEST : Status.FAILED;
    }

    /**
     * One step of Moré–Thuente's interval update ("dcstep"): from the trial (step, value, slope) and the
     * interval ends, choose the next trial step by cubic or quadratic interpolation and update the
     * interval so that it still contains a point satisfying both conditions.
     */
    private void safeguardedStep(double fp, double dp) {
        double stp = step;
        double sgnd = dp * Math.signum(gx);
        double next;
        if (fp > fx) {
            // Case 1: higher value. The minimum is bracketed; prefer the cubic step unless it is far
            // from stx, then go halfway to the quadratic one.
            double cubic = cubicMinimizer(stp, fp, dp, stx, fx, gx);
            double quadratic = stx + ((gx / ((fx - fp) / (stp - stx) + gx)) / 2) * (stp - stx);
            next = Math.abs(cubic - stx) < Math.abs(quadratic - stx) ? cubic : cubic + (quadratic - cubic) / 2;
            bracketed = true;
        } else if (sgnd < 0) {
            // Case 2: lower value, slopes of opposite sign. Bracketed; take the step farther from stp.
            double cubic = cubicMinimizer(stx, fx, gx, stp, fp, dp);
            double secant = stp + (dp / (dp - gx)) * (stx - stp);
            next = Math.abs(cubic - stp) > Math.abs(secant - stp) ? cubic : secant;
            bracketed = true;
        } else if (Math.abs(dp) < Math.abs(gx)) {
            // Case 3: lower value, same slope sign, slope magnitude decreasing. The cubic may have no
            // minimizer in the right direction; then extrapolate to the limit.
            double cubic = cubicTowardsLimit(stp, fp, dp);
            double secant = stp + (dp / (dp - gx)) * (stx - stp);
            if (bracketed) {
                next = Math.abs(cubic - stp) < Math.abs(secant - stp) ? cubic : secant;
                next = stp > stx ? Math.min(stp + 0.66 * (sty - stp), next) : Math.max(stp + 0.66 * (sty - stp), next);
            } else {
                next = Math.abs(cubic - stp) > Math.abs(secant - stp) ? cubic : secant;
                next = Math.max(lowStep, Math.min(highStep, next));
            }
        } else {
            // Case 4: lower value, same slope sign, slope not decreasing. Interpolate towards sty if
            // bracketed, else extrapolate as far as allowed.
            if (bracketed) {
                next = cubicMinimizer(sty, fy, gy, stp, fp, dp);
            } else {
                next = stp > stx ? highStep : lowStep;
            }
        }

        if (fp > fx) {
            sty = stp;
            fy = fp;
            gy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                gy = gx;
            }
            stx = stp;
            fx = fp;
            gx = dp;
        }
        step = next;
    }

    /**
     * Minimizer of the cubic interpolating (a, fa, ga) and (b, fb, gb), written relative to b; scaled
     * by the largest of the three terms under the root to avoid overflow.
     */
    private static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
        double theta = 3 * (fa - fb) / (b - a) + ga + gb;
        double scale = Math.max(Math.abs(theta), Math.max(Math.abs(ga), Math.abs(gb)));
        double gamma = scale * Math.sqrt(Math.max(0, (theta / scale) * (theta / scale) - (ga / scale) * (gb / scale)));
        if (b > a) {
            gamma = -gamma;
        }
        double p = (gamma - gb) + theta;
        double q = ((gamma - gb) + gamma) + ga;
        return b + (p / q) * (a - b);
    }

    /** Case 3's cubic from stx to stp: its minimizer if it lies beyond stp, else the extrapolation limit. */
    private double cubicTowardsLimit(double stp, double fp, double dp) {
        double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
        double scale = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
        double gamma = scale * Math.sqrt(Math.max(0, (theta / scale) * (theta / scale) - (gx / scale) * (dp / scale)));
        if (stp > stx) {
            gamma = -gamma;
        }
        double p = (gamma - dp) + theta;
        double q = (gamma + (gx - dp)) + gamma;
        double r = p / q;
        if (r < 0 && gamma != 0) {
            return stp + r * (stx - stp);
        }
        return stp > stx ? highStep : lowStep;
    }
}
