package dev.evosld.fit.optim;

/**
 * A differentiable function of a real vector, as {@link LbfgsB} sees it: value and gradient in one
 * call, because for the objectives EvoSLD fits (mean squared residuals computed column at a time) the
 * gradient comes almost for free with the value.
 *
 * <p>The optimizer passes its own work arrays. Implementations read {@code x}, write every entry of
 * {@code gradient}, and keep neither array after returning. They may return {@code NaN} or an infinite
 * value (and a non-finite gradient) where the function is undefined or overflows: the optimizer treats
 * such a point as "too far" and backs off.
 */
@FunctionalInterface
public interface Objective {

    /**
     * Evaluates the function at {@code x}.
     *
     * @param x        the point, never modified by the callee
     * @param gradient receives ∂f/∂x<sub>i</sub> for every {@code i}
     * @return f(x)
     */
    double evaluate(double[] x, double[] gradient);
}
