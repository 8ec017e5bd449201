package dev.evosld.search;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.RunText;
import dev.evosld.law.Law;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Checks that a fitted law stays sensible beyond its data: the question a user asks is what the next,
 * bigger run gives. For each group, the rows at the group's largest scale-axis value are moved to
 * {@code factor} times that value (the other features kept; a count's zeros stay; an axis with a value below zero
 * is taken to be a log10 scale already and shifted by {@code log10(factor)}); every prediction there must be finite and
 * within the observed target range widened by that range on each side (above, a positive target spanning a decade
 * or more is widened by its ratio: {@link #plausibleCeiling}), and must not turn around: where a
 * prediction moves one way from half the largest value to the largest, it may not move back the other way by
 * more than {@link #TURN_TOLERANCE} of the target range beyond it (a loss that falls with model size over the
 * data and rises again past it is a fit of curvature, not a law). The task's {@link TaskConfig.Trend} says
 * whether that holds for every row or only for each group's mean over the moved rows, and whether a fall may
 * turn into a rise (U-shaped scaling). A law that diverges, turns implausible or turns around there fails
 * validation, however well it fits inside the data.
 *
 * <p>The features the task says the targets fall with ({@link TaskConfig#fallsWith()}) are probed the same
 * way, each on its own: moved to {@code factor} times a group's largest value, a prediction may not rise above
 * its value there by more than the tolerance. That catches a law with an optimum in data size, which fits the
 * curvature of the data and promises that more data will hurt.
 *
 * <p>Where the task knows what values its targets can take at all ({@link TaskConfig#targetRange()}: a
 * negated Brier score is never above 0), every probed prediction must also stay inside them, give or take
 * {@link #TURN_TOLERANCE} of the observed target range: a law that promises an impossible score beyond the
 * data has not learnt how the score behaves there.
 */
final class ExtrapolationProbe {
    /** The share of the target range a prediction may move back against its own trend beyond the data. */
    static final double TURN_TOLERANCE = 0.02;
    /** The ratio of largest to smallest observed target above which a positive target is judged on a log scale. */
    private static final double DECADE = 10;

    private final List<String> axes;
    private final List<String> fallsWith;
    private final TaskConfig.Trend trend;
    private final double[] factors;
    private final TaskConfig.Bound targetRange;

    ExtrapolationProbe(List<String> axes, List<String> fallsWith, TaskConfig.Trend trend, double[] factors,
                       TaskConfig.Bound targetRange) {
        this.axes = List.copyOf(axes);
        this.fallsWith = List.copyOf(fallsWith);
        this.trend = trend;
        this.factors = factors.clone();
        this.targetRange = targetRange;
    }

    /** A probe of a task with no known limit to its targets' values. */
    ExtrapolationProbe(List<String> axes, List<String> fallsWith, TaskConfig.Trend trend, double[] factors) {
        this(axes, fallsWith, trend, factors, TaskConfig.Bound.UNBOUNDED);
    }

    /** The probe of a task: its scale axes and the features it falls with, at {@link CandidateScorer#PROBE_FACTORS}. */
    static ExtrapolationProbe of(TaskConfig config) {
        return new ExtrapolationProbe(config.scaleAxis(), config.fallsWith(), config.trend(),
            CandidateScorer.PROBE_FACTORS, config.targetRange());
    }

    /** Why the fitted law is implausible beyond the data, or null if it is not. */
    String check(Law law, Table fitted, ParameterSet values) {
        if (axes.isEmpty() && fallsWith.isEmpty()) {
            return null;
        }
        double[] low = new double[fitted.targets().size()];
        double[] high = new double[fitted.targets().size()];
        for (int t = 0; t < low.length; t++) {
            low[t] = fitted.targetMin(t);
            high[t] = fitted.targetMax(t);
        }
        // rows keep their order in every probe table, so predictions line up row by row
        List<double[]> atLargest = Predictions.of(law, fitted, values).predicted();
        String axisFailure = axes.isEmpty() ? null : checkAxes(law, fitted, values, low, high, atLargest);
        if (axisFailure != null) {
            return axisFailure;
        }
        for (String feature : fallsWith) {
            for (double factor : factors) {
                List<String> moved = List.of(feature);
                Table probe = probeTable(fitted, moved, factor);
                if (probe == null) {
                    continue;
                }
                List<double[]> beyond = Predictions.of(law, probe, values).predicted();
                String point = beyond(fitted, feature, factor);
                for (int t = 0; t < low.length; t++) {
                    String target = TargetNote.prefix(fitted.targets(), fitted.targets().get(t));
                    double tolerance = TURN_TOLERANCE * Math.max(high[t] - low[t], 1e-12);
                    for (int r = 0; r < beyond.get(t).length; r++) {
                        double prediction = beyond.get(t)[r];
                        if (!Double.isFinite(prediction)) {
                            return target + "not finite at " + where(fitted, moved, r, point);
                        }
                        if (impossible(prediction, tolerance)) {
                            return target + impossibleAt(prediction, where(fitted, moved, r, point));
                        }
                    }
                    // the half-way prediction plays no part: the target may not rise at all, whatever it did inside
                    String rise = broken(fitted, moved, atLargest.get(t), atLargest.get(t), beyond.get(t),
                        (half, largest, far) -> far - largest > tolerance);
                    if (rise != null) {
                        return target + "rises at " + beyond(fitted, feature, factor) + ": " + rise;
                    }
                }
            }
        }
        return null;
    }

    private String checkAxes(Law law, Table fitted, ParameterSet values, double[] low, double[] high,
                             List<double[]> atLargest) {
        List<double[]> atHalf = Predictions.of(law, probeTable(fitted, axes, 0.5), values).predicted();
        for (double factor : factors) {
            Table probe = probeTable(fitted, axes, factor);
            if (probe == null) {
                continue;
            }
            List<double[]> beyond = Predictions.of(law, probe, values).predicted();
            String point = beyond(fitted, axes.getFirst(), factor);
            for (int t = 0; t < low.length; t++) {
                String target = TargetNote.prefix(fitted.targets(), fitted.targets().get(t));
                double range = Math.max(high[t] - low[t], 1e-12);
                for (int r = 0; r < beyond.get(t).length; r++) {
                    double prediction = beyond.get(t)[r];
                    if (!Double.isFinite(prediction)) {
                        return target + "not finite at " + where(fitted, axes, r, point);
                    }
                    if (impossible(prediction, TURN_TOLERANCE * range)) {
                        return target + impossibleAt(prediction, where(fitted, axes, r, point));
                    }
                    double ceiling = plausibleCeiling(low[t], high[t], range);
                    if (prediction < low[t] - range || prediction > ceiling) {
                        return target + String.format(Locale.ROOT, "implausible at %s: %.4g outside [%.4g, %.4g]",
                            where(fitted, axes, r, point), prediction, low[t] - range, ceiling);
                    }
                }
                String turn = broken(fitted, axes, atHalf.get(t), atLargest.get(t), beyond.get(t),
                    (half, largest, far) -> turns(half, largest, far, range));
                if (turn != null) {
                    return target + "turns around at " + beyond(fitted, axes.getFirst(), factor) + ": " + turn;
                }
            }
        }
        return null;
    }

    /**
     * The largest plausible prediction beyond the data: the largest observed target plus the observed spread
     * ({@code range}), or, for a positive target spanning a decade or more, the largest times the observed ratio.
     * Such a target (a count, a compute-optimal size) grows by a power of the scale, and the law that made it leaves
     * any additive margin.
     */
    private static double plausibleCeiling(double low, double high, double range) {
        return low > 0 && high >= DECADE * low ? high * (high / low) : high + range;
    }

    /** Whether a prediction lies outside the targets' possible values by more than {@code tolerance}. */
    private boolean impossible(double prediction, double tolerance) {
        return prediction < targetRange.lower() - tolerance || prediction > targetRange.upper() + tolerance;
    }

    /** The message for a prediction that {@link #impossible(double, double) is impossible} at {@code where}. */
    private String impossibleAt(double prediction, String where) {
        return String.format(Locale.ROOT, "impossible at %s: %.4g outside the target's possible values %s", where,
            prediction, targetRange.describe());
    }

    /** Whether a prediction at half the largest value, at the largest and beyond it breaks a rule. */
    private interface Rule {
        boolean broken(double half, double largest, double far);
    }

    /**
     * Where the rule is broken: by a moved row, or with {@link TaskConfig.Trend#GROUP_MEAN} by a group's mean over
     * its moved rows; null where it is not. Rows are those at a group's largest value of some of {@code moved}.
     */
    private String broken(Table table, List<String> moved, double[] atHalf, double[] atLargest, double[] beyond,
                          Rule rule) {
        int offset = 0;
        for (Group group : table.groups()) {
            boolean[] rows = movedRows(table, group, moved);
            double half = 0;
            double largest = 0;
            double far = 0;
            int count = 0;
            for (int r = 0; r < rows.length; r++) {
                if (!rows[r]) {
                    continue;
                }
                int row = offset + r;
                if (trend.isPerRun() && rule.broken(atHalf[row], atLargest[row], beyond[row])) {
                    return String.format(Locale.ROOT, "%.4g after %.4g", beyond[row], atLargest[row]);
                }
                half += atHalf[row];
                largest += atLargest[row];
                far += beyond[row];
                count++;
            }
            offset += group.rows();
            if (!trend.isPerRun() && count > 0 && rule.broken(half / count, largest / count, far / count)) {
                return String.format(Locale.ROOT, "group %s's mean %.4g after %.4g", group.name(), far / count,
                    largest / count);
            }
        }
        return null;
    }

    private boolean turns(double half, double largest, double far, double range) {
        double inside = largest - half;
        double outside = far - largest;
        if (inside < 0 && outside > 0 && !trend.forbidsRiseAfterFall()) {
            return false;
        }
        return inside * outside < 0 && Math.abs(outside) > TURN_TOLERANCE * range;
    }

    /**
     * Where a probe's row lies: {@code point} for a row the probe moved; a row it left where it was is named as the run
     * it is, since a law can fail the checks inside the data too.
     */
    private static String where(Table table, List<String> moved, int row, String point) {
        int offset = 0;
        for (Group group : table.groups()) {
            if (row < offset + group.rows()) {
                int r = row - offset;
                if (movedRows(table, group, moved)[r]) {
                    return point;
                }
                double[][] columns = IntStream.range(0, group.featureCount()).mapToObj(group::feature)
                    .toArray(double[][]::new);
                return RunText.at(table.features(), columns, r) + ", inside the data";
            }
            offset += group.rows();
        }
        throw new IllegalArgumentException("row " + row + " of " + offset);
    }

    /**
     * The rows of a group that a probe moves: those at the group's largest value of some of {@code axes}, unless that
     * value is a count's 0 (a group of dense runs), which stays where it is however it is multiplied.
     */
    private static boolean[] movedRows(Table table, Group group, List<String> axes) {
        boolean[] moved = new boolean[group.rows()];
        for (String axis : axes) {
            double[] values = group.feature(table.features().indexOf(axis));
            double largest = Arrays.stream(values).max().orElse(Double.NaN);
            if (largest == 0 && multiplicative(table, axis)) {
                continue;
            }
            for (int r = 0; r < values.length; r++) {
                moved[r] |= values[r] == largest;
            }
        }
        return moved;
    }

    /**
     * Where a probe lands, as a person would say it: {@code 10× the largest N} (or num_experts, 0 for dense runs),
     * or for a feature with values below zero, which can only be a logarithm such as {@code log_flops}, {@code the
     * largest log_flops + 1 (10× on its log10 scale)}.
     */
    private static String beyond(Table table, String feature, double factor) {
        String times = factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
        if (multiplicative(table, feature)) {
            return times + "× the largest " + feature;
        }
        String step = new BigDecimal(Math.log10(factor)).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return "the largest " + feature + " + " + step + " (" + times + "× on its log10 scale)";
    }

    /** Whether a feature is probed by multiplying it ({@link Table#growsByFactors}), else one step on its log10 scale. */
    private static boolean multiplicative(Table table, String feature) {
        return table.growsByFactors(feature);
    }

    /**
     * Per group, its rows at the largest value of each of {@code axes}, with that axis multiplied by {@code factor};
     * null where that is beyond the largest double, so that no probe can be made there.
     */
    private static Table probeTable(Table table, List<String> axes, double factor) {
        boolean[] multiplicative = new boolean[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            multiplicative[a] = multiplicative(table, axes.get(a));
        }
        List<Group> groups = new ArrayList<>();
        for (Group group : table.groups()) {
            double[][] features = new double[group.featureCount()][];
            for (int j = 0; j < features.length; j++) {
                features[j] = group.feature(j);
            }
            double[][] targets = new double[group.targetCount()][];
            for (int t = 0; t < targets.length; t++) {
                targets[t] = group.target(t);
            }
            for (int a = 0; a < axes.size(); a++) {
                int j = table.features().indexOf(axes.get(a));
                double largest = Double.NEGATIVE_INFINITY;
                for (double v : features[j]) {
                    largest = Math.max(largest, v);
                }
                for (int r = 0; r < features[j].length; r++) {
                    if (features[j][r] == largest) {
                        features[j][r] = multiplicative[a] ? largest * factor : largest + Math.log10(factor);
                        if (!Double.isFinite(features[j][r])) {
                            return null;
                        }
                    }
                }
            }
            groups.add(Group.of(group.name(), features, targets));
        }
        return new Table(table.features(), table.targets(), groups);
    }
}
