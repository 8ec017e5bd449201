package dev.evosld.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The rows a law may be fitted and selected on. A distinct type from {@link Test}, so that code which fits
 * or selects cannot be handed test rows by mistake.
 */
public record Train(Table table) {
    public Train {
        Objects.requireNonNull(table, "table");
    }

    /**
     * These rows, refused when a target is one value in every run: any law with an offset fits it exactly and R²
     * divides by its spread of 0, so there is nothing to fit, choose or score, and a user most likely named the wrong
     * column. A target that is constant within one group only is fine, as R² pools the groups.
     *
     * @param source the file the rows were read from, for the message
     * @throws DataException naming the source and the target
     */
    Train requireVaryingTargets(String source) {
        for (int t = 0; t < table.targets().size(); t++) {
            int target = t;
            double first = table.groups().getFirst().target(t, 0);
            // == rather than distinct(), which tells 0.0 from -0.0 where the variance does not
            if (table.groups().stream().allMatch(g -> Arrays.stream(g.target(target)).allMatch(v -> v == first))) {
                throw new DataException(source + ": target " + MessageText.quote(table.targets().get(t)) + " is "
                    + NumberText.of(first) + (table.rows() == 1 ? " in the only train run" : " in every train run")
                    + ", so there is nothing for a law to explain (R² would be undefined)");
            }
        }
        return this;
    }

    /**
     * The widest a target's values may reach and the least they may span: squares of these (a miss, or a spread
     * behind R²) still sum over many runs within a double, where a miss of 1e-300 squares to 0 and one of 1e300 to
     * infinity, so fits stay at their starts and R² is NaN. The fits take 1e150 for the same bound.
     */
    private static final double LARGEST_TARGET = 1e150;
    private static final double SMALLEST_SPREAD = 1e-150;

    /**
     * These rows, refused when a target's values are too large, or span too little, for their squares to be doubles;
     * the user rescales the column, which changes no law but its factors.
     *
     * @param source the file the rows were read from, for the message
     * @throws DataException naming the source and the target, and a power of ten to rescale it by
     */
    Train requireSquarableTargets(String source) {
        for (int t = 0; t < table.targets().size(); t++) {
            String name = table.targets().get(t);
            double smallest = table.targetMin(t);
            double largest = table.targetMax(t);
            double widest = -smallest > largest ? smallest : largest;
            // beyond either bound the power of ten is far from 0, so it is written 1e300 (Math.pow(10, 320) overflows)
            long power = (long) Math.floor(Math.log10(Math.abs(widest)));
            if (Math.abs(widest) > LARGEST_TARGET) {
                throw new DataException(source + ": target " + MessageText.quote(name) + " reaches "
                    + NumberText.of(widest) + ", too large for a double to square, so every fit and R² would overflow;"
                    + " rescale it (" + name + " / 1e" + power + ", say)");
            }
            if (largest - smallest < SMALLEST_SPREAD) {
                throw new DataException(source + ": target " + MessageText.quote(name) + " spans only "
                    + NumberText.rounded(largest - smallest, 4) + " (from " + NumberText.of(smallest) + " to "
                    + NumberText.of(largest) + "), too little for a double to square, so every fit and R² would take its"
                    + " misses for 0; rescale it (" + name + " × 1e" + -power + ", say)");
            }
        }
        return this;
    }

    /**
     * These rows, refused when a scale axis is one value within each group: every run of a group then lies at its
     * top, so holding out the top holds out the whole group and validation falls back to cross-validation, along the
     * other axes named beside it too. A user most likely named a column held fixed (a vocabulary size).
     *
     * @param axes the scale axes the user named
     * @param source the file the rows were read from, for the message
     * @throws DataException naming the source and the axis
     */
    Train requireVaryingAxes(List<String> axes, String source) {
        for (String axis : axes) {
            heldFixed(axis).ifPresent(fixed -> {
                throw new DataException(source + ": scale axis " + MessageText.quote(axis) + " is " + fixed
                    + ", so no run lies above another along it and validation cannot extrapolate along it; name the"
                    + " features your runs grow along");
            });
        }
        return this;
    }

    /**
     * How a feature is one value within each group, as a phrase ({@code 32000 in every train run}, {@code one value
     * within each group's train runs}), or empty when some group's runs differ in it: no run of a group lies above
     * another along it.
     */
    public Optional<String> heldFixed(String feature) {
        int j = table.features().indexOf(feature);
        if (!table.groups().stream().allMatch(g -> Arrays.stream(g.feature(j)).allMatch(v -> v == g.feature(j, 0)))) {
            return Optional.empty();
        }
        double first = table.groups().getFirst().feature(j, 0);
        return Optional.of(table.groups().stream().allMatch(g -> g.feature(j, 0) == first)
            ? NumberText.of(first) + " in every train run" : "one value within each group's train runs");
    }

    /**
     * The share of a target's range by which its runs must rise along a feature, in every group, to contradict a
     * claim that it never rises with it: the tolerance the search's probe grants a law's rise beyond the data, so
     * that noise in runs that barely depend on the feature is no contradiction.
     */
    private static final double RISE_TOLERANCE = 0.02;

    /**
     * These rows, refused when a target rises with a feature named as one the targets never rise with, in every group
     * that varies it: the mean target at the feature's largest value exceeds that at its smallest by more than
     * {@link #RISE_TOLERANCE} of the target's range, both over the group's runs and within each set of its runs that
     * share the other features' values. Every law that follows those runs would then be rejected beyond the data,
     * leaving a law that does not; most likely the feature lowers another target (a loss fitted beside an accuracy),
     * or the target is a score that rises. Either comparison alone can mislead: over a grid whose largest token counts
     * were run only on large models the target may rise with tokens, and within one model size it may rise where
     * families of runs that differ otherwise were merged into one group.
     *
     * @param fallsWith the features named as ones the targets never rise with
     * @param source the file the rows were read from, for the message
     * @throws DataException naming the source, the target and the feature
     */
    Train requireFallingTargets(List<String> fallsWith, String source) {
        for (String feature : fallsWith) {
            int j = table.features().indexOf(feature);
            for (int t = 0; t < table.targets().size(); t++) {
                int target = t;
                risingInEveryGroup(j, t).ifPresent(rise -> {
                    throw new DataException(source + ": target " + MessageText.quote(table.targets().get(target))
                        + " rises with " + feature + " in every group's train runs (" + rise + "), though --falls-with"
                        + " names " + feature + " as a feature the targets never rise with; name only features that"
                        + " every target falls with");
                });
            }
        }
        return this;
    }

    /** How target {@code t} rises with feature {@code j} in the first group, if it rises in every group varying it. */
    private Optional<String> risingInEveryGroup(int j, int t) {
        double tolerance = RISE_TOLERANCE * (table.targetMax(t) - table.targetMin(t));
        String first = null;
        for (Group group : table.groups()) {
            Slice whole = new Slice(IntStream.range(0, group.rows()).boxed().toList());
            if (!whole.varies(group, j)) {
                continue;
            }
            if (!(whole.rise(group, j, t) > tolerance)
                || slicesAlong(group, j).stream().anyMatch(slice -> !(slice.rise(group, j, t) > tolerance))) {
                return Optional.empty();
            }
            if (first == null) {
                first = "in group " + MessageText.quote(group.name()) + " "
                    + whole.described(group, table.features().get(j), j, t);
            }
        }
        return Optional.ofNullable(first);
    }

    /** The sets of the group's runs that share the values of every feature but {@code j} and vary {@code j}. */
    private static List<Slice> slicesAlong(Group group, int j) {
        Map<List<Double>, List<Integer>> byOthers = new LinkedHashMap<>();
        for (int r = 0; r < group.rows(); r++) {
            List<Double> others = new ArrayList<>();
            for (int f = 0; f < group.featureCount(); f++) {
                if (f != j) {
                    others.add(group.feature(f, r));
                }
            }
            byOthers.computeIfAbsent(others, key -> new ArrayList<>()).add(r);
        }
        return byOthers.entrySet().stream()
            .map(entry -> new Slice(entry.getValue()))
            .filter(slice -> slice.varies(group, j))
            .toList();
    }

    /** Some of one group's runs. */
    private record Slice(List<Integer> rows) {
        boolean varies(Group group, int j) {
            return smallest(group, j) < largest(group, j);
        }

        double rise(Group group, int j, int t) {
            return meanAt(group, j, t, largest(group, j)) - meanAt(group, j, t, smallest(group, j));
        }

        String described(Group group, String name, int j, int t) {
            double smallest = smallest(group, j);
            double largest = largest(group, j);
            return "from " + NumberText.rounded(meanAt(group, j, t, smallest), 4) + " at " + name + " = "
                + NumberText.of(smallest) + " to " + NumberText.rounded(meanAt(group, j, t, largest), 4) + " at " + name
                + " = " + NumberText.of(largest);
        }

        private double smallest(Group group, int j) {
            return rows.stream().mapToDouble(r -> group.feature(j, r)).min().orElseThrow();
        }

        private double largest(Group group, int j) {
            return rows.stream().mapToDouble(r -> group.feature(j, r)).max().orElseThrow();
        }

        private double meanAt(Group group, int j, int t, double value) {
            return rows.stream().filter(r -> group.feature(j, r) == value).mapToDouble(r -> group.target(t, r))
                .average().orElseThrow();
        }
    }
}
