package dev.evosld.fit.optim;

/** Why {@link LbfgsB#minimize} returned. */
public enum Stop {

    /** The infinity norm of the projected gradient fell to {@link Settings#projectedGradientTolerance()}. */
    PROJECTED_GRADIENT,

    /**
     * The last iteration reduced f by at most {@link Settings#relativeReductionTolerance()} relative to
     * {@code max(|f_k|, |f_k+1|, 1)}.
     */
    RELATIVE_REDUCTION,

    /** {@link Settings#maxIterations()} iterations were taken. */
    MAX_ITERATIONS,

    /** {@link Settings#maxEvaluations()} objective calls were made. */
    MAX_EVALUATIONS,

    /**
     * No step along the search direction lowered f, even after the curvature memory was discarded: the
     * point is as good as rounding (or a function that is non-finite next to it) allows.
     */
    LINE_SEARCH_FAILED,

    /** f or its gradient is not finite at the (projected) start; nothing was optimized. */
    NON_FINITE_START
}
