package dev.evosld.eval;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.MessageText;
import dev.evosld.data.Table;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A law's predictions on every row of a table, with each group's own parameters, next to the actual values,
 * in the order SLDBench concatenates them (groups in table order, rows in file order).
 *
 * @param targets the target columns
 * @param actual per target, the actual values of all groups concatenated
 * @param predicted per target, the predictions in the same order
 * @param groups per group, its error
 * @param nonFinite the first prediction that is not finite, named by its run for a failed R²; null if all are finite
 */
public record Predictions(List<String> targets, List<double[]> actual, List<double[]> predicted,
                          List<GroupError> groups, String nonFinite) {

    /** Predictions that name no run: a failed R² then names the prediction's index. */
    public Predictions(List<String> targets, List<double[]> actual, List<double[]> predicted, List<GroupError> groups) {
        this(targets, actual, predicted, groups, null);
    }

    /**
     * One group's error over all its rows and targets, and over its rows per target: targets in different units
     * (a loss, an accuracy) are each judged by their own.
     *
     * @param group the group
     * @param rows its rows
     * @param mse the mean squared error over rows and targets, NaN if a prediction is not finite
     * @param targetMse per target in the table's order, the mean squared error over the rows
     */
    public record GroupError(String group, int rows, double mse, List<Double> targetMse) {
        public GroupError {
            targetMse = List.copyOf(targetMse);
        }

        public double rmse() {
            return Math.sqrt(mse);
        }

        /** The root mean squared error of one target, in its units. */
        public double rmse(int target) {
            return Math.sqrt(targetMse.get(target));
        }
    }

    /**
     * Predicts every row of the table.
     *
     * @throws EvosldException if a group of the table has no parameters
     */
    public static Predictions of(Law law, Table table, ParameterSet parameters) {
        Program program = Program.compile(law);
        int targets = table.targets().size();
        int total = table.rows();
        List<double[]> actual = new ArrayList<>();
        List<double[]> predicted = new ArrayList<>();
        for (int t = 0; t < targets; t++) {
            actual.add(new double[total]);
            predicted.add(new double[total]);
        }
        List<GroupError> errors = new ArrayList<>();
        String nonFinite = null;
        int offset = 0;
        for (Group group : table.groups()) {
            if (!parameters.has(group.name())) {
                throw new EvosldException("no parameters for group " + MessageText.quote(group.name()) + " ("
                    + (parameters.groups().isEmpty() ? "the parameters name no group"
                        : "have: " + MessageText.names(parameters.groups())) + ")");
            }
            double[][] columns = columns(law, table, group);
            Evaluator evaluator = program.bind(group.rows(), columns);
            double[] out = new double[group.rows()];
            double squares = 0;
            List<Double> targetMse = new ArrayList<>();
            for (int t = 0; t < targets; t++) {
                evaluator.forward(parameters.values(group.name(), t), out);
                double[] y = group.target(t);
                double targetSquares = 0;
                for (int r = 0; r < group.rows(); r++) {
                    targetSquares += (out[r] - y[r]) * (out[r] - y[r]);
                    if (nonFinite == null && !Double.isFinite(out[r])) {
                        nonFinite = "the prediction of '" + table.targets().get(t) + "' for "
                            + RunText.at(table.features(), allFeatures(table, group), r)
                            + (table.groups().size() > 1 ? " in group '" + group.name() + "'" : "") + " is " + out[r];
                    }
                }
                System.arraycopy(out, 0, predicted.get(t), offset, group.rows());
                System.arraycopy(y, 0, actual.get(t), offset, group.rows());
                squares += targetSquares;
                targetMse.add(targetSquares / group.rows());
            }
            errors.add(new GroupError(group.name(), group.rows(), squares / ((double) group.rows() * targets),
                targetMse));
            offset += group.rows();
        }
        return new Predictions(table.targets(), actual, predicted, errors, nonFinite);
    }

    /** The group's columns in the table's order: a run is named by all its features, not only the law's. */
    private static double[][] allFeatures(Table table, Group group) {
        return IntStream.range(0, table.features().size()).mapToObj(group::feature).toArray(double[][]::new);
    }

    /** The group's columns in the law's variable order. */
    public static double[][] columns(Law law, Table table, Group group) {
        double[][] columns = new double[law.variables().size()][];
        for (int j = 0; j < columns.length; j++) {
            int feature = table.features().indexOf(law.variables().get(j));
            if (feature < 0) {
                throw new EvosldException("the law uses '" + law.variables().get(j) + "', which is not a feature of the data");
            }
            columns[j] = group.feature(feature);
        }
        return columns;
    }

    /** SLDBench's R² of these predictions; a failure for a prediction that is not finite names its run. */
    public R2 r2() {
        return nonFinite != null ? R2.failed(nonFinite) : R2.score(targets, actual, predicted);
    }

    /**
     * {@link #rootMeanSquaredErrors()} when every one is finite, else empty. The misses are known where R² is not (a
     * target constant over the rows), but not where a prediction is NaN or infinite.
     */
    public Optional<Map<String, Double>> finiteRootMeanSquaredErrors() {
        Map<String, Double> errors = rootMeanSquaredErrors();
        return errors.values().stream().allMatch(Double::isFinite) ? Optional.of(errors) : Optional.empty();
    }

    /**
     * Per target (in order), the root mean squared error over all groups' rows, in the target's units; NaN
     * where a prediction is not finite.
     */
    public Map<String, Double> rootMeanSquaredErrors() {
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int t = 0; t < targets.size(); t++) {
            double[] a = actual.get(t);
            double[] p = predicted.get(t);
            double sum = 0;
            for (int r = 0; r < a.length; r++) {
                sum += (a[r] - p[r]) * (a[r] - p[r]);
            }
            errors.put(targets.get(t), Double.isFinite(sum) ? Math.sqrt(sum / a.length) : Double.NaN);
        }
        return errors;
    }
}
