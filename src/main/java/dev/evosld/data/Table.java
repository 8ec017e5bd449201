package dev.evosld.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * Rows of a task split into groups, by column: the feature and target names, and the groups in the order of
 * their first row in the file.
 *
 * @param features the feature column names; {@link Group#feature(int)} uses the same order
 * @param targets the target column names; {@link Group#target(int)} uses the same order
 * @param groups at least one group, names unique
 */
public record Table(List<String> features, List<String> targets, List<Group> groups) {

    /** How far from 1 the shares of a run may sum: CSV values are rounded, as in 0.333, 0.333, 0.334. */
    public static final double SHARE_SUM_TOLERANCE = 1e-3;

    /**
     * @throws IllegalArgumentException if there are no groups, two groups share a name, or a group's column
     *     counts differ from the names
     */
    public Table {
        features = List.copyOf(features);
        targets = List.copyOf(targets);
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one group");
        }
        Set<String> names = new HashSet<>();
        for (Group group : groups) {
            if (!names.add(group.name())) {
                throw new IllegalArgumentException("two groups named '" + group.name() + "'");
            }
            if (group.featureCount() != features.size() || group.targetCount() != targets.size()) {
                throw new IllegalArgumentException("group '" + group.name() + "' has " + group.featureCount()
                    + " feature and " + group.targetCount() + " target columns, the table names "
                    + features.size() + " and " + targets.size());
            }
        }
    }

    /** The group with this name, if there is one. */
    public Optional<Group> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The number of rows over all groups. */
    public int rows() {
        return groups.stream().mapToInt(Group::rows).sum();
    }

    /** The smallest value of target {@code t} over every group's rows; infinity in a table without rows. */
    public double targetMin(int t) {
        return targetValues(t).min().orElse(Double.POSITIVE_INFINITY);
    }

    /** The largest value of target {@code t} over every group's rows; minus infinity in a table without rows. */
    public double targetMax(int t) {
        return targetValues(t).max().orElse(Double.NEGATIVE_INFINITY);
    }

    private DoubleStream targetValues(int t) {
        return groups.stream().flatMapToDouble(g -> Arrays.stream(g.target(t)));
    }

    /**
     * Whether a feature is a size or a count, which grows by factors (the next run is 2× or 10× the largest), rather
     * than a logarithm of one such as {@code log_flops}, which grows by steps: its values are 0 or more and not all 0.
     * A count may be 0 (a user's num_experts for the dense runs, which were once taken for a logarithm and probed at
     * 64 + 1 experts); a value below 0 can only be a logarithm. The check beyond the data and the report's curves
     * both go by it, over every group, so that a group's own range cannot make it a logarithm in one and not another.
     */
    public boolean growsByFactors(String feature) {
        int j = features.indexOf(feature);
        return groups.stream().allMatch(g -> Arrays.stream(g.feature(j)).allMatch(v -> v >= 0))
            && groups.stream().anyMatch(g -> Arrays.stream(g.feature(j)).anyMatch(v -> v > 0));
    }

    /**
     * Whether the features are the shares of a mixture, such as a training set's proportions of its domains: in
     * every run each lies in [0, 1] and they sum to 1 (give or take {@link #SHARE_SUM_TOLERANCE}). Shares have
     * no scale to extrapolate along, and a law over them is a mixture law.
     */
    public boolean featuresAreShares() {
        if (rows() == 0 || features.size() < 2) {
            return false;
        }
        for (Group group : groups) {
            for (int r = 0; r < group.rows(); r++) {
                double sum = 0;
                for (int j = 0; j < group.featureCount(); j++) {
                    double share = group.feature(j, r);
                    if (!(share >= 0 && share <= 1)) {
                        return false;
                    }
                    sum += share;
                }
                if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }
}
