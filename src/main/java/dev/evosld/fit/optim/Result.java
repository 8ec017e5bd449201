package dev.evosld.fit.optim;

/**
 * The outcome of one {@link LbfgsB#minimize} call.
 *
 * <p>{@code point} is a fresh array that the caller owns, and {@code value} is f there. When a
 * tolerance stopped the run ({@link #converged()}) it is the final iterate, the point that met the
 * tolerance; otherwise it is the lowest finite point evaluated. Only when {@code stop} is
 * {@link Stop#NON_FINITE_START} is it the projected start with a possibly non-finite value.
 *
 * @param point                 the solution, inside the bounds
 * @param value                 f at {@code point}
 * @param iterations            accepted quasi-Newton steps
 * @param evaluations           objective calls, including those that returned non-finite values
 * @param stop                  why the optimizer returned
 * @param projectedGradientNorm infinity norm of the projected gradient at {@code point}, {@code NaN}
 *                              when the gradient there is not finite
 */
public record Result(
    double[] point,
    double value,
    int iterations,
    int evaluations,
    Stop stop,
    double projectedGradientNorm
) {

    /** Whether the optimizer converged, by either tolerance, rather than running out of budget or failing. */
    public boolean converged() {
        return stop == Stop.PROJECTED_GRADIENT || stop == Stop.RELATIVE_REDUCTION;
    }
}
