package dev.evosld.llm;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.Train;
import dev.evosld.eval.Predictions;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.fit.TargetFit;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a law misses: it is fitted on the train rows (each group its own parameters) and its mean residual,
 * actual minus predicted, is tabulated along each scale axis, a line per distinct value of the axis (or per
 * range of values, when there are many). A systematic trend or bend in these few numbers is what a rewrite
 * should remove. Only train rows are used.
 */
final class ResidualTable {
    /** Starts per group and target: the table only has to show the shape of the misfit. */
    static final int STARTS = 8;
    /** The most lines per axis; more distinct values are grouped into consecutive ranges. */
    static final int MAX_LINES = 8;
    /** Without a scale axis, the residuals are shown along this many of the first variables. */
    static final int MAX_AXES_WITHOUT_SCALE = 3;

    private ResidualTable() {
    }

    /**
     * The table as a few lines of text.
     *
     * @param axes the scale axes; when empty, the first few variables are used
     */
    static String of(Law law, Train train, List<String> axes) {
        Table table = train.table();
        FittedLaw fitted = FittedLaw.fit(law, table, FitOptions.defaults().withStarts(STARTS), 1, null);
        Optional<TargetFit> failure = fitted.failure();
        if (failure.isPresent()) {
            return "(the law could not be fitted to group " + failure.get().group() + ": "
                + Text.oneLine(failure.get().failure()) + ")";
        }
        Predictions predictions = Predictions.of(law, table, fitted.parameters());
        List<String> targets = table.targets();
        List<double[]> residuals = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            double[] actual = predictions.actual().get(t);
            double[] predicted = predictions.predicted().get(t);
            double[] r = new double[actual.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = actual[i] - predicted[i];
            }
            residuals.add(r);
        }
        List<String> shown = axes.isEmpty()
            ? table.features().subList(0, Math.min(MAX_AXES_WITHOUT_SCALE, table.features().size()))
            : axes;
        List<String> lines = new ArrayList<>();
        for (String axis : shown) {
            if (shown.size() > 1) {
                lines.add("by " + axis + ":");
            }
            lines.addAll(axisLines(axis, column(table, axis), targets, residuals));
        }
        for (int t = 0; t < targets.size(); t++) {
            double[] actual = predictions.actual().get(t);
            lines.add("(" + targets.get(t) + " ranges from " + PromptBuilder.number(min(actual)) + " to "
                + PromptBuilder.number(max(actual)) + " on these rows)");
        }
        return String.join("\n", lines);
    }

    private static List<String> axisLines(String axis, double[] x, List<String> targets, List<double[]> residuals) {
        // Rows by distinct value, in ascending order; the map's order makes the text deterministic.
        Map<Double, List<Integer>> rowsByValue = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            // + 0.0 turns -0.0 into 0.0, which Double's order would otherwise keep apart as a second "x = 0"
            rowsByValue.computeIfAbsent(x[i] + 0.0, v -> new ArrayList<>()).add(i);
        }
        List<Double> values = new ArrayList<>(rowsByValue.keySet());
        int bins = Math.min(MAX_LINES, values.size());
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            List<Double> bin = values.subList(b * values.size() / bins, (b + 1) * values.size() / bins);
            List<Integer> rows = new ArrayList<>();
            bin.forEach(v -> rows.addAll(rowsByValue.get(v)));
            String label = bin.size() == 1
                ? axis + " = " + PromptBuilder.number(bin.getFirst())
                : axis + " " + PromptBuilder.number(bin.getFirst()) + " to " + PromptBuilder.number(bin.getLast());
            StringBuilder line = new StringBuilder("- ").append(label).append(" (").append(rows.size())
                .append(rows.size() == 1 ? " row): " : " rows): ");
            for (int t = 0; t < targets.size(); t++) {
                double sum = 0;
                for (int row : rows) {
                    sum += residuals.get(t)[row];
                }
                if (t > 0) {
                    line.append(", ");
                }
                if (targets.size() > 1) {
                    line.append(targets.get(t)).append(' ');
                }
                line.append(signed(sum / rows.size()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The axis's values over all groups, in the order {@link Predictions} concatenates rows. */
    private static double[] column(Table table, String axis) {
        int j = table.features().indexOf(axis);
        if (j < 0) {
            throw new IllegalArgumentException("no variable " + axis);
        }
        double[] column = new double[table.rows()];
        int offset = 0;
        for (Group group : table.groups()) {
            for (int r = 0; r < group.rows(); r++) {
                column[offset + r] = group.feature(j, r);
            }
            offset += group.rows();
        }
        return column;
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + PromptBuilder.number(value);
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
