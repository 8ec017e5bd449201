package dev.evosld.search;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskConfig.Holdout;
import dev.evosld.data.Train;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * How a candidate law is validated inside train, mimicking how the test split was cut: per group, the rows
 * at the top of the task's scale axis are held out, the law is fitted on the rows below and judged on them;
 * a second fold does the same one level further down, so that the score does not rest on one origin (unless
 * that fold's fit rows would hold fewer than {@link #AXIS_VALUES} values of an axis). Tasks without a scale
 * axis use k-fold cross-validation over the runs that lie inside the range of the rest. Test rows are never
 * involved.
 *
 * @param folds the fit/validation pairs (one for a scale-axis holdout, k for cross-validation)
 * @param crossValidated whether the folds are cross-validation's: the holdout asks for it, or no fold along the
 *     scale axes could leave enough runs to fit on
 */
public record ValidationPlan(List<Fold> folds, boolean crossValidated) {
    /**
     * Validation folds along the scale axis: fold k validates on the rows at level k from the top and fits
     * on the rows below, so each fold is a one-step extrapolation from a different origin.
     */
    static final int ORIGINS = 2;

    /**
     * The distinct values of each scale axis a fold's fit rows should hold: a saturating power law along an
     * axis ({@code E + A*N^-a}) has three parameters along it, and fitted on two values its floor is a guess
     * that would decide the fold. A fold with only two is used when no fold has three (parallel's
     * {@code P = 1, 2}); one with a single value never is.
     */
    static final int AXIS_VALUES = 3;

    /**
     * The folds of the cross-validation used when no holdout along the scale axis leaves enough runs to fit on; those
     * that hold out no runs, or runs R² cannot grade, are then left out.
     */
    public static final int FALLBACK_FOLDS = 5;

    /** Further shuffles tried when neither a seed's cross-validation nor its leave-one-out grades any fold. */
    private static final int RESHUFFLES = 32;

    /** The rows to fit on and the rows to validate on; groups without validation rows are absent from it. */
    public record Fold(Table fit, Table validation) {
    }

    public ValidationPlan {
        folds = List.copyOf(folds);
    }

    /** The plan for a task's train split; {@code seed} shuffles rows into cross-validation folds. */
    public static ValidationPlan of(TaskConfig config, Train train, long seed) {
        Table table = train.table();
        Holdout holdout = config.holdout();
        int minimum = Math.max(2, holdout.minTrainRows());
        if (holdout instanceof Holdout.Folds folds) {
            return crossValidation(table, folds.count(), minimum, seed);
        }
        List<int[]> levels = new ArrayList<>();
        for (Group group : table.groups()) {
            levels.add(levels(group, table, config, holdout));
        }
        List<Fold> folds = folds(table, levels, config, minimum, AXIS_VALUES);
        if (folds.isEmpty()) {
            folds = folds(table, levels, config, minimum, 2);
        }
        if (folds.isEmpty()) {
            // nothing to hold out along the axis (e.g. one value per group): fall back to cross-validation
            return crossValidation(table, FALLBACK_FOLDS, minimum, seed);
        }
        return new ValidationPlan(folds, false);
    }

    private static List<Fold> folds(Table table, List<int[]> levels, TaskConfig config, int minimum, int minValues) {
        List<Fold> folds = new ArrayList<>();
        for (int origin = 1; origin <= ORIGINS; origin++) {
            int level = origin;
            List<int[]> validation = new ArrayList<>();
            List<int[]> fit = new ArrayList<>();
            for (int g = 0; g < table.groups().size(); g++) {
                int[] rowLevels = levels.get(g);
                int[] below = rowsWhere(rowLevels, l -> l > level);
                int[] at = rowsWhere(rowLevels, l -> l == level);
                boolean usable = below.length >= minimum && at.length > 0
                    && spansEveryAxis(table.groups().get(g), table, config, below, minValues);
                validation.add(usable ? at : new int[0]);
                fit.add(usable ? below : new int[0]);
            }
            if (validation.stream().anyMatch(rows -> rows.length > 0)) {
                addIfGradable(folds, split(table, fit, validation));
            }
        }
        return folds;
    }

    private static ValidationPlan crossValidationOrLeaveOneOut(Table table, int k, int minimum, long seed) {
        ValidationPlan plan = crossValidationOnly(table, k, minimum, seed);
        if (!plan.folds().isEmpty()) {
            return plan;
        }
        int largest = table.groups().stream().mapToInt(Group::rows).max().orElse(0);
        plan = crossValidationOnly(table, Math.max(2, largest), minimum, seed);
        // on a few runs, whether a fold can be graded depends on how they were shuffled, and restarts shuffle with
        // seeds of their own: other shuffles, derived from the seed, keep one unlucky seed from failing the run
        SplittableRandom reshuffles = new SplittableRandom(seed);
        for (int attempt = 0; plan.folds().isEmpty() && attempt < RESHUFFLES; attempt++) {
            plan = crossValidationOnly(table, k, minimum, reshuffles.nextLong());
        }
        if (plan.folds().isEmpty()) {
            throw new EvosldException("cannot validate inside train: " + whyNoFold(table, minimum));
        }
        return plan;
    }

    /** Why no fold can be made, in the data's terms where one cause is plain. */
    private static String whyNoFold(Table table, int minimum) {
        for (int t = 0; t < table.targets().size(); t++) {
            int target = t;
            double[] values = table.groups().stream().flatMapToDouble(g -> Arrays.stream(g.target(target)))
                .distinct().toArray();
            if (values.length == 1) {
                return "target '" + table.targets().get(t) + "' is " + values[0] + " in every run, so there is nothing"
                    + " for a law to explain";
            }
        }
        int largest = table.groups().stream().mapToInt(Group::rows).max().orElse(0);
        if (largest < minimum + 2) {
            return "no group has more than " + largest + (largest == 1 ? " run" : " runs") + ", and a law is fitted"
                + " to each group's own runs: judging it needs " + minimum + " to fit on and 2 to hold out";
        }
        return "no fold can hold out runs that R² can grade (two or more, with different targets), that leave at least "
            + minimum + " runs to fit on and that lie inside their range of every feature";
    }

    /**
     * Each row's level from the top of the scale axes: 1 for rows at the top (the largest {@code count}
     * distinct values, or the top fraction, of some axis), 2 for the next slice below, and so on.
     */
    private static int[] levels(Group group, Table table, TaskConfig config, Holdout holdout) {
        int[] levels = new int[group.rows()];
        Arrays.fill(levels, Integer.MAX_VALUE);
        for (String axis : config.scaleAxis()) {
            double[] values = group.feature(table.features().indexOf(axis));
            for (int level = 1; level <= ORIGINS; level++) {
                double threshold = switch (holdout) {
                    case Holdout.TopValues top -> kthLargestDistinct(values, top.count() * level);
                    case Holdout.TopFraction top -> kthLargest(values, (int) Math.ceil(top.fraction() * level * values.length));
                    case Holdout.Folds f -> throw new AssertionError();
                };
                for (int r = 0; r < values.length; r++) {
                    if (values[r] >= threshold) {
                        levels[r] = Math.min(levels[r], level);
                    }
                }
            }
        }
        return levels;
    }

    /**
     * Whether the rows hold at least {@code minValues} values of every scale axis. Fitted on a single value,
     * a law's dependence on that axis is not identified at all (with {@code P = 1} only, {@code P^k} is 1 for
     * every {@code k}); on two, a floor along it is not ({@link #AXIS_VALUES}).
     */
    private static boolean spansEveryAxis(Group group, Table table, TaskConfig config, int[] rows, int minValues) {
        for (String axis : config.scaleAxis()) {
            double[] values = group.feature(table.features().indexOf(axis));
            if (Arrays.stream(rows).mapToDouble(r -> values[r]).distinct().count() < minValues) {
                return false;
            }
        }
        return true;
    }

    private static int[] rowsWhere(int[] levels, IntPredicate predicate) {
        return IntStream.range(0, levels.length).filter(r -> predicate.test(levels[r])).toArray();
    }

    private static ValidationPlan crossValidation(Table table, int k, int minimum, long seed) {
        return crossValidationOrLeaveOneOut(table, k, minimum, seed);
    }

    private static ValidationPlan crossValidationOnly(Table table, int k, int minimum, long seed) {
        List<List<int[]>> perFold = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            perFold.add(new ArrayList<>());
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (Group group : table.groups()) {
            int[] order = new int[group.rows()];
            Arrays.setAll(order, i -> i);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int f = 0; f < k; f++) {
                boolean[] validation = new boolean[group.rows()];
                for (int i = f; i < order.length; i += k) {
                    validation[order[i]] = true;
                }
                keepInsideFitRange(group, validation);
                int kept = group.rows() - indices(validation, true).length;
                perFold.get(f).add(kept < minimum ? new int[0] : indices(validation, true));
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (List<int[]> heldOut : perFold) {
            if (heldOut.stream().anyMatch(rows -> rows.length > 0)) {
                List<int[]> fit = new ArrayList<>();
                for (int g = 0; g < table.groups().size(); g++) {
                    boolean[] held = new boolean[table.groups().get(g).rows()];
                    for (int r : heldOut.get(g)) {
                        held[r] = true;
                    }
                    fit.add(indices(held, false));
                }
                addIfGradable(folds, split(table, fit, heldOut));
            }
        }
        return new ValidationPlan(folds, true);
    }

    /**
     * Moves back to the fit rows every held-out row with a feature value outside the range of the rows left
     * to fit on: without a scale axis the question is a new mix inside the data, and a fold that left out the
     * only run at some extreme (a domain's only zero proportion) would grade extrapolation instead.
     */
    private static void keepInsideFitRange(Group group, boolean[] validation) {
        boolean[] outside = new boolean[validation.length];
        for (int j = 0; j < group.featureCount(); j++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < validation.length; r++) {
                if (!validation[r]) {
                    low = Math.min(low, group.feature(j, r));
                    high = Math.max(high, group.feature(j, r));
                }
            }
            for (int r = 0; r < validation.length; r++) {
                outside[r] |= validation[r] && (group.feature(j, r) < low || group.feature(j, r) > high);
            }
        }
        for (int r = 0; r < validation.length; r++) {
            validation[r] &= !outside[r];
        }
    }

    /**
     * Adds the fold if R² can grade it: SLDBench's R² divides by the variance of each target over the held-out
     * rows, so a fold holding out a single run (a user's largest value of an axis that seldom repeats), or
     * runs that all scored alike, would fail every law.
     */
    private static void addIfGradable(List<Fold> folds, Fold fold) {
        Table heldOut = fold.validation();
        for (int t = 0; t < heldOut.targets().size(); t++) {
            double first = heldOut.groups().getFirst().target(t)[0];
            int target = t;
            boolean varies = heldOut.groups().stream()
                .anyMatch(group -> Arrays.stream(group.target(target)).anyMatch(value -> value != first));
            if (!varies) {
                return;
            }
        }
        folds.add(fold);
    }

    private static Fold split(Table table, List<int[]> fitRows, List<int[]> validationRows) {
        List<Group> fit = new ArrayList<>();
        List<Group> validation = new ArrayList<>();
        for (int g = 0; g < table.groups().size(); g++) {
            Group group = table.groups().get(g);
            if (validationRows.get(g).length > 0) {
                fit.add(subset(group, fitRows.get(g)));
                validation.add(subset(group, validationRows.get(g)));
            }
        }
        return new Fold(new Table(table.features(), table.targets(), fit),
            new Table(table.features(), table.targets(), validation));
    }

    static Group subset(Group group, int[] rows) {
        double[][] features = new double[group.featureCount()][rows.length];
        double[][] targets = new double[group.targetCount()][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < features.length; j++) {
                features[j][i] = group.feature(j, rows[i]);
            }
            for (int t = 0; t < targets.length; t++) {
                targets[t][i] = group.target(t, rows[i]);
            }
        }
        return Group.of(group.name(), features, targets);
    }

    private static int[] indices(boolean[] flags, boolean wanted) {
        int count = 0;
        for (boolean f : flags) {
            count += f == wanted ? 1 : 0;
        }
        int[] result = new int[count];
        for (int i = 0, k = 0; i < flags.length; i++) {
            if (flags[i] == wanted) {
                result[k++] = i;
            }
        }
        return result;
    }

    private static double kthLargestDistinct(double[] values, int k) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : values) {
            distinct.add(v);
        }
        Double threshold = distinct.descendingSet().stream().skip(Math.min(k, distinct.size()) - 1L).findFirst().orElseThrow();
        return threshold;
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, sorted.length - Math.max(1, k))];
    }

    /** The number of validation rows over all folds and groups. */
    public int validationRows() {
        return folds.stream().mapToInt(f -> f.validation().rows()).sum();
    }
}
