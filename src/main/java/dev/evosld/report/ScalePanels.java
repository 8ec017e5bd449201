package dev.evosld.report;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskData;
import dev.evosld.data.Test;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Program;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The data of the "target against the scale axis" plots: per group and target, the train and test points
 * and the fitted law as curves over the scale axis from the smallest train value to the largest test value
 * (without a test split, to {@link #beyondTrain}), so that the plot shows the extrapolation the law is judged on.
 *
 * <p>The law usually depends on more than the scale axis. Each curve holds the other variables at one
 * combination of values found in the group's test rows (train rows if it has none); points with that
 * combination (to within 5%) share the curve's colour, the others are drawn grey.
 */
final class ScalePanels {
    static final int CURVE_POINTS = 120;
    /** Values within 5% of each other count as the same setting of a variable. */
    static final double SAME = 0.05;

    private ScalePanels() {
    }

    /**
     * One small plot.
     *
     * @param group the group
     * @param target the target's index
     * @param curves the fitted curves, at most {@code maxCurves}
     * @param held the other variables' values that every curve shares, e.g. {@code data_size=1×10¹¹}, or empty
     * @param train the group's train points
     * @param test the group's test points (maybe none)
     * @param logX whether the axis spans more than a decade of positive values and every point's is positive, and so
     *     is drawn logarithmic
     */
    record Panel(String group, int target, List<Curve> curves, String held, Points train, Points test,
                 boolean logX) {
    }

    /**
     * @param label the values of the other variables that tell the panel's curves apart, e.g.
     *     {@code num_params=5.36×10⁸}, or empty when there are none
     */
    record Curve(String label, double[] x, double[] y) {
    }

    /**
     * @param curve per point, the index of the curve with the point's values of the other variables, or -1
     */
    record Points(double[] x, double[] y, int[] curve) {
        int size() {
            return x.length;
        }
    }

    /** The scale axis of a task: its config's first, else its first feature. */
    static String axis(TaskData data) {
        return axes(data).getFirst();
    }

    /** The scale axes of a task: its config's, else its first feature. */
    static List<String> axes(TaskData data) {
        List<String> axes = data.config().scaleAxis();
        return axes.isEmpty() ? List.of(data.config().featureNames().getFirst()) : axes;
    }

    /**
     * The panels of at most {@code maxPanels} (group, target) pairs, groups in train order: of more, a choice spread
     * evenly from the first pair to the last ({@link #spread}).
     *
     * @param maxCurves the most curves per panel
     */
    static List<Panel> of(Law law, ParameterSet parameters, TaskData data, int maxPanels, int maxCurves) {
        return of(law, parameters, data, axis(data), maxPanels, maxCurves);
    }

    /** The panels against {@code axis}, one of the task's scale axes. */
    static List<Panel> of(Law law, ParameterSet parameters, TaskData data, String axis, int maxPanels, int maxCurves) {
        Table train = data.train().table();
        Optional<Table> test = data.test().map(Test::table);
        int axisColumn = train.features().indexOf(axis);
        // in the table's order, so that a legend lists proportion_domain_2 to _5 as the data does, not as the law
        // happens to name them (5, 3, 4, 2)
        List<String> others = train.features().stream().filter(v -> !v.equals(axis) && law.variables().contains(v))
            .toList();
        int[] otherColumns = others.stream().mapToInt(train.features()::indexOf).toArray();
        Program program = Program.compile(law);
        int targets = train.targets().size();
        Set<Integer> chosen = new HashSet<>(spread(train.groups().size() * targets, maxPanels));
        List<Panel> panels = new ArrayList<>();
        for (int index = 0; index < train.groups().size(); index++) {
            Group group = train.groups().get(index);
            int first = index * targets;
            if (IntStream.range(first, first + targets).noneMatch(chosen::contains)) {
                continue;
            }
            Optional<Group> testGroup = test.flatMap(t -> t.group(group.name()));
            Group source = testGroup.orElse(group);
            List<double[]> combinations = combinations(source, otherColumns, maxCurves);
            boolean[] shared = shared(combinations, others.size());
            for (int t = 0; t < targets; t++) {
                if (!chosen.contains(first + t)) {
                    continue;
                }
                Points trainPoints = points(group, axisColumn, t, otherColumns, combinations);
                int target = t;
                Points testPoints = testGroup.map(g -> points(g, axisColumn, target, otherColumns, combinations))
                    .orElse(new Points(new double[0], new double[0], new int[0]));
                double low = min(trainPoints.x());
                double high = test.isPresent()
                    ? Math.max(max(trainPoints.x()), testPoints.size() > 0 ? max(testPoints.x()) : low)
                    : beyondTrain(train.growsByFactors(axis), max(trainPoints.x()));
                // a log axis has no place for a point at zero or below, which XChart refuses rather than drops
                boolean logX = low > 0 && (testPoints.size() == 0 || min(testPoints.x()) > 0) && high / low > 10;
                List<Curve> curves = new ArrayList<>();
                String held = "";
                if (high > low) {
                    double[] xs = sweep(low, high, logX);
                    for (double[] combination : combinations) {
                        double[] ys = evaluate(program, law, parameters.values(group.name(), t), axis, xs, others,
                            combination);
                        curves.add(new Curve(label(others, combination, shared, false), xs, ys));
                    }
                    held = combinations.isEmpty() ? "" : label(others, combinations.getFirst(), shared, true);
                }
                panels.add(new Panel(group.name(), t, curves, held, trainPoints, testPoints, logX));
            }
        }
        return panels;
    }

    /**
     * Of {@code count} items in order, the indices of at most {@code max} spread evenly from the first to the last. A
     * task's groups often come in runs, sft's 14 models fine-tuned on each of three datasets in turn, so that the first
     * 12 of its 42 were all of one dataset and a reader never saw the law against the other two's rows.
     */
    static List<Integer> spread(int count, int max) {
        if (count <= max) {
            return IntStream.range(0, count).boxed().toList();
        }
        return IntStream.range(0, max)
            .mapToObj(i -> max == 1 ? 0 : (int) Math.round(i * (count - 1) / (double) (max - 1))).toList();
    }

    /**
     * Where curves end without a test split: at 10× the largest train value, the reach of discover's check
     * beyond the data, so that the plot shows what the law promises for the next, larger run. A logarithm (a
     * feature that does not {@linkplain Table#growsByFactors grow by factors}) ends one step, 10× on its log10
     * scale, further.
     */
    static double beyondTrain(boolean growsByFactors, double largest) {
        return growsByFactors ? 10 * largest : largest + 1;
    }

    /** The number of (group, target) panels there would be without a limit. */
    static int count(TaskData data) {
        return data.train().table().groups().size() * data.train().table().targets().size();
    }

    /**
     * The distinct combinations of the columns' values in the group, in increasing order (so that a legend
     * reads 1, 32, 64, ...); when there are more than {@code max}, an evenly spread choice that keeps the
     * smallest and the largest.
     */
    static List<double[]> combinations(Group group, int[] columns, int max) {
        List<double[]> found = new ArrayList<>();
        for (int r = 0; r < group.rows(); r++) {
            double[] values = row(group, columns, r);
            if (found.stream().noneMatch(f -> Arrays.equals(f, values))) {
                found.add(values);
            }
        }
        found.sort(Arrays::compare);
        if (found.size() <= max) {
            return found;
        }
        List<double[]> spread = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            spread.add(found.get(max == 1 ? 0 : (int) Math.round(i * (found.size() - 1) / (double) (max - 1))));
        }
        return spread;
    }

    private static double[] row(Group group, int[] columns, int r) {
        double[] values = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            values[j] = group.feature(columns[j], r);
        }
        return values;
    }

    private static Points points(Group group, int axisColumn, int target, int[] otherColumns,
                                 List<double[]> combinations) {
        int n = group.rows();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] curve = new int[n];
        for (int r = 0; r < n; r++) {
            x[r] = group.feature(axisColumn, r);
            y[r] = group.target(target, r);
            curve[r] = nearest(combinations, row(group, otherColumns, r));
        }
        return new Points(x, y, curve);
    }

    /**
     * The combination a row's values belong to: the nearest one (largest relative difference over the
     * variables) if within {@link #SAME}, else -1. Not only exact matches: a model's size may include
     * parameters that grow with the scale axis (ParScale's per-stream parameters), so the same model has
     * slightly different values in train and test.
     */
    static int nearest(List<double[]> combinations, double[] values) {
        int best = -1;
        double bestDistance = SAME;
        for (int c = 0; c < combinations.size(); c++) {
            double[] combination = combinations.get(c);
            double distance = 0;
            for (int j = 0; j < values.length; j++) {
                double a = combination[j];
                double b = values[j];
                double scale = Math.max(Math.abs(a), Math.abs(b));
                distance = Math.max(distance, a == b ? 0 : Math.abs(a - b) / scale);
            }
            if (distance <= bestDistance) {
                if (best < 0 || distance < bestDistance) {
                    best = c;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /**
     * Values from low to high (spaced on a log scale when the axis is drawn logarithmic), a little denser
     * towards the ends. Deliberately not evenly spaced: XChart puts the ticks of an axis whose values are all
     * evenly spaced on those values, which gives labels such as 1.8824 that overlap.
     */
    static double[] sweep(double low, double high, boolean log) {
        double[] xs = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            double f = (1 - Math.cos(Math.PI * i / (CURVE_POINTS - 1))) / 2;
            xs[i] = log ? Math.exp(Math.log(low) + f * (Math.log(high) - Math.log(low))) : low + f * (high - low);
        }
        // exact ends, so the curve starts and stops at the data
        xs[0] = low;
        xs[CURVE_POINTS - 1] = high;
        return xs;
    }

    private static double[] evaluate(Program program, Law law, double[] theta, String axis, double[] xs,
                                     List<String> others, double[] combination) {
        double[][] columns = new double[law.variables().size()][];
        for (int j = 0; j < columns.length; j++) {
            String variable = law.variables().get(j);
            if (variable.equals(axis)) {
                columns[j] = xs;
            } else {
                double[] constant = new double[xs.length];
                Arrays.fill(constant, combination[others.indexOf(variable)]);
                columns[j] = constant;
            }
        }
        double[] out = new double[xs.length];
        program.bind(xs.length, columns).forward(theta, out);
        return out;
    }

    /**
     * Per other variable, whether every combination writes it alike: a setting the curves share (lr_bsz's one
     * data_size) tells them no more apart than it would in each label, and is said once for the panel.
     */
    private static boolean[] shared(List<double[]> combinations, int variables) {
        boolean[] shared = new boolean[variables];
        for (int j = 0; j < variables; j++) {
            int column = j;
            shared[j] = combinations.stream().map(c -> Html.compact(c[column])).distinct().count() <= 1;
        }
        return shared;
    }

    /** The combination's values of the variables that are {@code shared} (or those that are not). */
    private static String label(List<String> others, double[] combination, boolean[] shared, boolean which) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < others.size(); j++) {
            if (shared[j] == which) {
                parts.add(others.get(j) + "=" + Html.compact(combination[j]));
            }
        }
        return String.join(", ", parts);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
