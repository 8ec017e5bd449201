package dev.evosld.search;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a fitted law stays sensible beyond its data: the question a user asks is what the next,
 * bigger run gives. For each group, the rows at the group's largest scale-axis value are moved to
 * {@code factor} times that value (the other features kept; an axis with non-positive values is taken to be
 * a log10 scale already and shifted by {@code log10(factor)}); every prediction there must be finite and
 * within the observed target range widened by that range on each side. A law that diverges or turns
 * implausible there fails validation, however well it fits inside the data.
 */
final class ExtrapolationProbe {
    private final List<String> axes;
    private final double[] factors;

    ExtrapolationProbe(List<String> axes, double[] factors) {
        this.axes = List.copyOf(axes);
        this.factors = factors.clone();
    }

    /** Why the fitted law is implausible beyond the data, or null if it is not. */
    String check(Law law, Table fitted, ParameterSet values) {
        if (axes.isEmpty()) {
            return null;
        }
        for (double factor : factors) {
            Table probe = probeTable(fitted, factor);
            Predictions predictions = Predictions.of(law, probe, values);
            for (int t = 0; t < fitted.targets().size(); t++) {
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                for (Group group : fitted.groups()) {
                    for (double y : group.target(t)) {
                        low = Math.min(low, y);
                        high = Math.max(high, y);
                    }
                }
                double range = Math.max(high - low, 1e-12);
                for (double prediction : predictions.predicted().get(t)) {
                    if (!Double.isFinite(prediction)) {
                        return String.format(Locale.ROOT, "not finite at %s× the largest %s", times(factor), axes.getFirst());
                    }
                    if (prediction < low - range || prediction > high + range) {
                        return String.format(Locale.ROOT, "implausible at %s× the largest %s: %.4g outside [%.4g, %.4g]",
                            times(factor), axes.getFirst(), prediction, low - range, high + range);
                    }
                }
            }
        }
        return null;
    }

    private static String times(double factor) {
        return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
    }

    /** Per group, its rows at the largest value of each axis, with that axis multiplied by {@code factor}. */
    private Table probeTable(Table table, double factor) {
        boolean[] multiplicative = new boolean[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            int j = table.features().indexOf(axes.get(a));
            multiplicative[a] = table.groups().stream().allMatch(g -> java.util.Arrays.stream(g.feature(j)).allMatch(v -> v > 0));
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
                    }
                }
            }
            groups.add(Group.of(group.name(), features, targets));
        }
        return new Table(table.features(), table.targets(), groups);
    }
}
