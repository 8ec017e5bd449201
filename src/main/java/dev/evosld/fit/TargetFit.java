package dev.evosld.fit;

import java.util.Arrays;

/**
 * The fitted parameters of one group and target.
 *
 * @param group the group
 * @param target the target column
 * @param parameters the values, in the law's parameter order; empty when the fit failed
 * @param mse the mean squared residual on the rows fitted, NaN when the fit failed
 * @param failure why no finite fit was found, or null
 * @param iterations L-BFGS-B iterations over all starts
 * @param evaluations objective evaluations over all starts
 * @param starts the starts run
 * @param startsAtBest the starts that ended at the best value found (within {@link #SAME_OPTIMUM} of it); 0
 *     when the fit failed
 */
public record TargetFit(String group, String target, double[] parameters, double mse, String failure,
                        int iterations, int evaluations, int starts, int startsAtBest) {
    /**
     * Two starts ended at the same optimum when their normalized mean squared residuals (1 − R² on the rows
     * fitted) differ by at most this, relative to the best, or by 1e-9 of the target's variance.
     */
    public static final double SAME_OPTIMUM = 1e-4;

    public TargetFit {
        parameters = parameters.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** The i-th parameter value, without a copy. */
    public double parameter(int i) {
        return parameters[i];
    }

    public boolean isFailure() {
        return failure != null;
    }

    /**
     * Whether several starts ran and only one of them reached the best value: a rugged objective, where
     * more starts may well find a lower one.
     */
    public boolean isSingleStartOptimum() {
        return !isFailure() && starts > 1 && startsAtBest == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetFit f && group.equals(f.group) && target.equals(f.target)
            && Arrays.equals(parameters, f.parameters) && Double.compare(mse, f.mse) == 0
            && java.util.Objects.equals(failure, f.failure) && iterations == f.iterations
            && evaluations == f.evaluations && starts == f.starts && startsAtBest == f.startsAtBest;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(group, target, Arrays.hashCode(parameters), mse, failure);
    }

    @Override
    public String toString() {
        return group + "/" + target + ": " + (failure == null ? Arrays.toString(parameters) + " mse=" + mse : failure);
    }
}
