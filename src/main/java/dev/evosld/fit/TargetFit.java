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
 */
public record TargetFit(String group, String target, double[] parameters, double mse, String failure,
                        int iterations, int evaluations) {

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

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetFit f && group.equals(f.group) && target.equals(f.target)
            && Arrays.equals(parameters, f.parameters) && Double.compare(mse, f.mse) == 0
            && java.util.Objects.equals(failure, f.failure) && iterations == f.iterations
            && evaluations == f.evaluations;
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
