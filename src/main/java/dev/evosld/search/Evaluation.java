package dev.evosld.search;

import java.util.Map;

/**
 * How well a candidate law extrapolates inside train.
 *
 * @param validationError 1 − R² (SLDBench's mean NMSE) on the validation rows, averaged over the folds, +∞
 *     when the candidate failed (did not fit, predicted NaN, or broke a rule)
 * @param standardError the standard error of {@code validationError} over the validation rows (the folds'
 *     errors taken as independent means): how much of a difference between two candidates is noise
 * @param parameterCount parameters per group and target
 * @param nodeCount nodes of the simplified tree
 * @param fitted parameter values fitted on the first fold's first group and target, written back into the
 *     tree so that its children start from them
 * @param failure why the candidate failed, or null
 */
public record Evaluation(double validationError, double standardError, int parameterCount, int nodeCount, Map<String, Double> fitted,
                         String failure) {

    public Evaluation {
        fitted = Map.copyOf(fitted);
    }

    static Evaluation failed(String failure, int parameterCount, int nodeCount) {
        return new Evaluation(Double.POSITIVE_INFINITY, Double.NaN, parameterCount, nodeCount, Map.of(), failure);
    }

    public boolean isFailure() {
        return failure != null;
    }

    /** SLDBench's R² on the validation rows. */
    public double validationR2() {
        return 1 - validationError;
    }

    /** The size measure of the Pareto front: nodes plus parameters. */
    public int complexity() {
        return nodeCount + parameterCount;
    }
}
