package dev.evosld.search;

import dev.evosld.data.Table;
import dev.evosld.eval.Predictions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a law's predictions of the validation rows missed, in the targets' own units: fitted on each fold's
 * fit rows, the law predicted the fold's validation rows (on a task with a scale axis, the larger-scale runs
 * just above them), and each target's root mean squared error is taken over every fold's validation rows
 * together. Validation R² ranks laws; this says how far off a prediction of the next, larger run has been inside
 * train, which is what a user planning that run weighs.
 *
 * @param targets the targets, in the task's order
 * @param rootMeanSquaredErrors one per target
 * @param rows validation rows per target, all folds together
 */
public record ValidationRmse(List<String> targets, List<Double> rootMeanSquaredErrors, int rows) {

    public ValidationRmse {
        targets = List.copyOf(targets);
        rootMeanSquaredErrors = List.copyOf(rootMeanSquaredErrors);
        if (targets.size() != rootMeanSquaredErrors.size()) {
            throw new IllegalArgumentException(targets.size() + " targets but " + rootMeanSquaredErrors.size()
                + " errors");
        }
    }

    /** Pools the folds' validation predictions, each of the same targets. */
    static ValidationRmse of(List<Predictions> folds) {
        List<String> targets = folds.getFirst().targets();
        double[] squares = new double[targets.size()];
        int rows = 0;
        for (Predictions fold : folds) {
            for (int t = 0; t < squares.length; t++) {
                double[] actual = fold.actual().get(t);
                double[] predicted = fold.predicted().get(t);
                for (int r = 0; r < actual.length; r++) {
                    squares[t] += (actual[r] - predicted[r]) * (actual[r] - predicted[r]);
                }
            }
            rows += fold.actual().getFirst().length;
        }
        int count = rows;
        return new ValidationRmse(targets, Arrays.stream(squares).map(s -> Math.sqrt(s / count)).boxed()
            .toList(), rows);
    }

    /**
     * The misses behind a law's validation errors, as the search scored it: each row's contribution is its squared
     * error over the variance of its target on its fold's validation rows, so that variance gives the squared error
     * back. Unlike fitting the folds again, this measures the very fits the law's validation R² comes from.
     *
     * @param errors the law's errors, one segment per (fold, target) of {@code plan}
     */
    static ValidationRmse of(ValidationPlan plan, List<String> targets, ValidationErrors errors) {
        List<double[]> segments = errors.segments();
        double[] squares = new double[targets.size()];
        int rows = 0;
        for (int f = 0; f < plan.folds().size(); f++) {
            Table validation = plan.folds().get(f).validation();
            for (int t = 0; t < squares.length; t++) {
                double variance = variance(validation, t);
                for (double contribution : segments.get(f * squares.length + t)) {
                    squares[t] += contribution * variance;
                }
            }
            rows += validation.rows();
        }
        int count = rows;
        return new ValidationRmse(targets, Arrays.stream(squares).map(s -> Math.sqrt(s / count)).boxed()
            .toList(), rows);
    }

    /** The population variance of a target over a table's rows, as {@link ValidationErrors#contributions} takes it. */
    private static double variance(Table table, int target) {
        double[] values = table.groups().stream().flatMapToDouble(g -> Arrays.stream(g.target(target))).toArray();
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
    }

    /** Target name to root mean squared error, in the targets' order. */
    public Map<String, Double> byTarget() {
        Map<String, Double> byTarget = new LinkedHashMap<>();
        for (int t = 0; t < targets.size(); t++) {
            byTarget.put(targets.get(t), rootMeanSquaredErrors.get(t));
        }
        return byTarget;
    }
}
