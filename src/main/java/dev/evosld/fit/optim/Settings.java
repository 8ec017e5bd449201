package dev.evosld.fit.optim;

/**
 * Tuning of {@link LbfgsB}. Immutable; derive variants with the {@code with...} methods.
 *
 * @param memory                     number of curvature pairs (s, y) kept, the "m" of L-BFGS-B
 * @param maxIterations              cap on accepted steps; 0 only evaluates the start
 * @param maxEvaluations             cap on objective calls, counting those inside line searches
 * @param projectedGradientTolerance stop when the infinity norm of the projected gradient is at most this
 *                                   (the "pgtol" of the Fortran code)
 * @param relativeReductionTolerance stop when {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1)} is at most
 *                                   this (the Fortran code's "factr" times machine epsilon)
 */
public record Settings(
    int memory,
    int maxIterations,
    int maxEvaluations,
    double projectedGradientTolerance,
    double relativeReductionTolerance
) {

    private static final Settings DEFAULTS = new Settings(8, 1000, 2000, 1e-8, 1e-12);

    public Settings {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be at least 1, got " + memory);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must not be negative, got " + maxIterations);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be at least 1, got " + maxEvaluations);
        }
        // The negated form also rejects NaN.
        if (!(projectedGradientTolerance >= 0)) {
            throw new IllegalArgumentException(
                "projectedGradientTolerance must be a non-negative number, got " + projectedGradientTolerance);
        }
        if (!(relativeReductionTolerance >= 0)) {
            throw new IllegalArgumentException(
                "relativeReductionTolerance must be a non-negative number, got " + relativeReductionTolerance);
        }
    }

    /**
     * Eight pairs, 1000 iterations, 2000 evaluations, projected gradient 1e-8, relative reduction 1e-12.
     * The tolerances are tighter than the Fortran defaults (1e-5, 2.2e-9) because fitted constants such as
     * exponents are extrapolated far beyond the data, where small errors grow.
     */
    public static Settings defaults() {
        return DEFAULTS;
    }

    public Settings withMemory(int memory) {
        return new Settings(memory, maxIterations, maxEvaluations, projectedGradientTolerance,
            relativeReductionTolerance);
    }

    public Settings withMaxIterations(int maxIterations) {
        return new Settings(memory, maxIterations, maxEvaluations, projectedGradientTolerance,
            relativeReductionTolerance);
    }

    public Settings withMaxEvaluations(int maxEvaluations) {
        return new Settings(memory, maxIterations, maxEvaluations, projectedGradientTolerance,
            relativeReductionTolerance);
    }

    public Settings withProjectedGradientTolerance(double projectedGradientTolerance) {
        return new Settings(memory, maxIterations, maxEvaluations, projectedGradientTolerance,
            relativeReductionTolerance);
    }

    public Settings withRelativeReductionTolerance(double relativeReductionTolerance) {
        return new Settings(memory, maxIterations, maxEvaluations, projectedGradientTolerance,
            relativeReductionTolerance);
    }
}
