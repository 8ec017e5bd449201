package dev.evosld.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rows of one group (one model family, benchmark, or data set) of a task, stored by column.
 *
 * <p>A scaling law is fitted separately per group, so this is the unit that fitting and evaluation work on.
 * Columns are indexed like the table's {@link Table#features() features} and {@link Table#targets()
 * targets}. Every value is finite and every group has at least one row. Instances are immutable: the array
 * accessors return copies, and {@link #feature(int, int)} reads one value without copying.
 */
public final class Group {
    private final String name;
    private final double[][] features;
    private final double[][] targets;

    // Trusted: the arrays are owned by the new instance and already validated.
    private Group(String name, double[][] features, double[][] targets) {
        this.name = name;
        this.features = features;
        this.targets = targets;
    }

    /**
     * A group from columns, copied.
     *
     * @param name the group's name, not empty
     * @param features one array per feature, all of the same length (the row count, at least 1)
     * @param targets one array per target, of that same length
     * @throws IllegalArgumentException if the name is empty, there is no feature or target column, the
     *     columns differ in length or are empty, or a value is NaN or infinite
     */
    public static Group of(String name, double[][] features, double[][] targets) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty group name");
        }
        if (features.length == 0 || targets.length == 0) {
            throw new IllegalArgumentException("group '" + name + "' needs at least one feature and one target column");
        }
        double[][] f = copy(features);
        double[][] t = copy(targets);
        int rows = f[0].length;
        if (rows == 0) {
            throw new IllegalArgumentException("group '" + name + "' has no rows");
        }
        for (double[][] columns : new double[][][] {f, t}) {
            for (double[] column : columns) {
                if (column.length != rows) {
                    throw new IllegalArgumentException(
                        "group '" + name + "': columns of " + rows + " and " + column.length + " rows");
                }
                for (double v : column) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("group '" + name + "': non-finite value " + v);
                    }
                }
            }
        }
        return new Group(name, f, t);
    }

    /** For {@link TableReader}, which hands over freshly built, validated columns. */
    static Group adopt(String name, double[][] features, double[][] targets) {
        return new Group(name, features, targets);
    }

    public String name() {
        return name;
    }

    /** The number of rows, at least 1. */
    public int rows() {
        return features[0].length;
    }

    public int featureCount() {
        return features.length;
    }

    public int targetCount() {
        return targets.length;
    }

    /** A copy of feature column {@code j}. */
    public double[] feature(int j) {
        return features[j].clone();
    }

    /** The value of feature {@code j} in row {@code row}. */
    public double feature(int j, int row) {
        return features[j][row];
    }

    /** A copy of target column {@code k}. */
    public double[] target(int k) {
        return targets[k].clone();
    }

    /** The value of target {@code k} in row {@code row}. */
    public double target(int k, int row) {
        return targets[k][row];
    }

    /** Equal when the names are equal and every value is the same double (as {@link Double#equals}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Group that
            && name.equals(that.name)
            && Arrays.deepEquals(features, that.features)
            && Arrays.deepEquals(targets, that.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.deepHashCode(features), Arrays.deepHashCode(targets));
    }

    @Override
    public String toString() {
        return "Group[name=" + name + ", rows=" + rows() + ", features=" + features.length
            + ", targets=" + targets.length + "]";
    }

    private static double[][] copy(double[][] columns) {
        double[][] copy = new double[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            copy[i] = Objects.requireNonNull(columns[i], "column").clone();
        }
        return copy;
    }
}
