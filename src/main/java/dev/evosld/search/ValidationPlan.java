package dev.evosld.search;

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

/**
 * How a candidate law is validated inside train, mimicking how the test split was cut: per group, the rows
 * at the top of the task's scale axis are held out, the law is fitted on the rest and judged on them.
 * Tasks without a scale axis use k-fold cross-validation. Test rows are never involved.
 *
 * @param folds the fit/validation pairs (one for a scale-axis holdout, k for cross-validation)
 */
public record ValidationPlan(List<Fold> folds) {

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
        List<int[]> heldOut = new ArrayList<>();
        for (Group group : table.groups()) {
            boolean[] validation = new boolean[group.rows()];
            for (String axis : config.scaleAxis()) {
                double[] values = group.feature(table.features().indexOf(axis));
                double threshold = switch (holdout) {
                    case Holdout.TopValues top -> kthLargestDistinct(values, top.count());
                    case Holdout.TopFraction top -> kthLargest(values, (int) Math.ceil(top.fraction() * values.length));
                    case Holdout.Folds f -> throw new AssertionError();
                };
                for (int r = 0; r < values.length; r++) {
                    validation[r] |= values[r] >= threshold;
                }
            }
            int kept = 0;
            for (boolean v : validation) {
                kept += v ? 0 : 1;
            }
            if (kept < minimum) {
                Arrays.fill(validation, false);
            }
            heldOut.add(indices(validation, true));
        }
        if (heldOut.stream().allMatch(rows -> rows.length == 0)) {
            // nothing to hold out along the axis (e.g. one value per group): fall back to cross-validation
            return crossValidation(table, 5, minimum, seed);
        }
        return new ValidationPlan(List.of(split(table, heldOut)));
    }

    private static ValidationPlan crossValidation(Table table, int k, int minimum, long seed) {
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
                int kept = group.rows() - indices(validation, true).length;
                perFold.get(f).add(kept < minimum ? new int[0] : indices(validation, true));
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (List<int[]> heldOut : perFold) {
            if (heldOut.stream().anyMatch(rows -> rows.length > 0)) {
                folds.add(split(table, heldOut));
            }
        }
        return new ValidationPlan(folds);
    }

    private static Fold split(Table table, List<int[]> heldOut) {
        List<Group> fit = new ArrayList<>();
        List<Group> validation = new ArrayList<>();
        for (int g = 0; g < table.groups().size(); g++) {
            Group group = table.groups().get(g);
            boolean[] held = new boolean[group.rows()];
            for (int r : heldOut.get(g)) {
                held[r] = true;
            }
            fit.add(subset(group, indices(held, false)));
            if (heldOut.get(g).length > 0) {
                validation.add(subset(group, heldOut.get(g)));
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
