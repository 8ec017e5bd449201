package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationPlanTest {

    @Test
    void holdsOutTheTopOfTheScaleAxisFromTwoOrigins() {
        ValidationPlan plan = ValidationPlan.of(SyntheticTask.config(), SyntheticTask.train(), 0);
        assertEquals(2, plan.folds().size());
        ValidationPlan.Fold first = plan.folds().get(0);
        ValidationPlan.Fold second = plan.folds().get(1);
        for (Group group : first.validation().groups()) {
            assertTrue(Arrays.stream(group.feature(0)).allMatch(n -> n == 1e9), "fold 1 validates on the largest N");
        }
        for (Group group : first.fit().groups()) {
            assertTrue(Arrays.stream(group.feature(0)).allMatch(n -> n < 1e9), "and fits on the rest");
            assertEquals(16, group.rows());
        }
        for (Group group : second.validation().groups()) {
            assertTrue(Arrays.stream(group.feature(0)).allMatch(n -> n == 3e8), "fold 2 validates one level lower");
        }
        for (Group group : second.fit().groups()) {
            assertTrue(Arrays.stream(group.feature(0)).allMatch(n -> n < 3e8), "on rows it never fitted");
        }
        assertEquals(2 * 2 * 4, plan.validationRows());
    }

    @Test
    void noFoldFitsOnASingleValueOfTheAxis() {
        // holding out two sizes at a time, the second origin would fit on N = 1e7 alone
        TaskConfig config = withHoldout(new TaskConfig.Holdout.TopValues(2, 0), List.of("N"));
        ValidationPlan plan = ValidationPlan.of(config, SyntheticTask.train(), 0);
        assertEquals(1, plan.folds().size());
        for (Group group : plan.folds().getFirst().fit().groups()) {
            assertEquals(3, Arrays.stream(group.feature(0)).distinct().count());
        }
    }

    @Test
    void aFoldFitsOnThreeValuesOfTheAxisWhenAnyFoldCan() {
        // four sizes: the second origin would fit on two, where a floor along N is not identified
        Train four = new Train(SyntheticTask.table(new double[] {1e7, 3e7, 1e8, 3e8}));
        ValidationPlan plan = ValidationPlan.of(SyntheticTask.config(), four, 0);
        assertEquals(1, plan.folds().size());
        for (Group group : plan.folds().getFirst().validation().groups()) {
            assertTrue(Arrays.stream(group.feature(0)).allMatch(n -> n == 3e8));
        }
        // three sizes: no fold has three, so the one fold on two stands
        Train three = new Train(SyntheticTask.table(new double[] {1e7, 3e7, 1e8}));
        plan = ValidationPlan.of(SyntheticTask.config(), three, 0);
        assertEquals(1, plan.folds().size());
        for (Group group : plan.folds().getFirst().fit().groups()) {
            assertEquals(2, Arrays.stream(group.feature(0)).distinct().count());
        }
    }

    @Test
    void aRowAtTheTopOfAnyAxisIsHeldOut() {
        TaskConfig config = withHoldout(new TaskConfig.Holdout.TopValues(1, 0), List.of("N", "D"));
        ValidationPlan.Fold first = ValidationPlan.of(config, SyntheticTask.train(), 0).folds().getFirst();
        for (Group group : first.validation().groups()) {
            for (int r = 0; r < group.rows(); r++) {
                assertTrue(group.feature(0, r) == 1e9 || group.feature(1, r) == 6.4e10);
            }
            assertEquals(5 + 4 - 1, group.rows());
        }
    }

    @Test
    void aGroupTooSmallToFitKeepsAllItsRows() {
        TaskConfig config = withHoldout(new TaskConfig.Holdout.TopValues(1, 17), List.of("N"));
        ValidationPlan plan = ValidationPlan.of(config, SyntheticTask.train(), 0);
        // with 20 rows a group keeps 16 for the first axis fold and for 5-fold cross-validation, fewer than 17
        assertEquals(20, plan.folds().size(), "falls back to leave-one-out");
        assertEquals(40, plan.validationRows());
        TaskConfig impossible = withHoldout(new TaskConfig.Holdout.TopValues(1, 20), List.of("N"));
        dev.evosld.EvosldException e = org.junit.jupiter.api.Assertions.assertThrows(dev.evosld.EvosldException.class,
            () -> ValidationPlan.of(impossible, SyntheticTask.train(), 0));
        assertTrue(e.getMessage().startsWith("cannot validate inside train"), e.getMessage());
    }

    @Test
    void crossValidationCoversEveryRowOnceAndIsSeeded() {
        TaskConfig config = withHoldout(new TaskConfig.Holdout.Folds(4, 0), List.of());
        Train train = SyntheticTask.train();
        ValidationPlan plan = ValidationPlan.of(config, train, 7);
        assertEquals(4, plan.folds().size());
        assertEquals(train.table().rows(), plan.validationRows());
        ValidationPlan again = ValidationPlan.of(config, train, 7);
        for (int f = 0; f < 4; f++) {
            assertArrayEquals(plan.folds().get(f).validation().groups().getFirst().feature(0),
                again.folds().get(f).validation().groups().getFirst().feature(0));
        }
    }

    @Test
    void crossValidationNeverGradesARunOutsideTheRangeItsFoldFitsOn() {
        // a mixture grid where the zero share of x is held by one run only: a fold that held it out would grade
        // extrapolation to x = 0, which no new mix inside the data asks for
        double[] x = new double[12];
        double[] y = new double[12];
        double[] loss = new double[12];
        for (int r = 0; r < 12; r++) {
            x[r] = r == 0 ? 0 : 0.25 + 0.05 * (r % 2); // five or six runs at each other share
            y[r] = 1 - x[r];
            loss[r] = 2 + x[r] + 0.001 * r; // no two runs alike, so every fold can be graded
        }
        Table table = new Table(List.of("x", "y"), List.of("loss"),
            List.of(Group.of("g", new double[][] {x, y}, new double[][] {loss})));
        TaskConfig config = twoShares(3);
        for (long seed = 0; seed < 20; seed++) {
            ValidationPlan plan = ValidationPlan.of(config, new Train(table), seed);
            int validated = 0;
            for (ValidationPlan.Fold fold : plan.folds()) {
                Group fit = fold.fit().groups().getFirst();
                Group held = fold.validation().groups().getFirst();
                for (int j = 0; j < 2; j++) {
                    double low = Arrays.stream(fit.feature(j)).min().orElseThrow();
                    double high = Arrays.stream(fit.feature(j)).max().orElseThrow();
                    for (double v : held.feature(j)) {
                        assertTrue(v >= low && v <= high, "seed " + seed + ": " + v + " outside [" + low + ", " + high + "]");
                    }
                }
                assertTrue(Arrays.stream(fit.feature(0)).anyMatch(v -> v == 0), "the only zero share is always fitted on");
                assertEquals(12, fit.rows() + held.rows(), "a run moved back from validation is fitted on");
                validated += held.rows();
            }
            assertEquals(11, validated, "every other run is graded once (seed " + seed + ")");
        }
    }

    @Test
    void runsThatAreAllExtremesCannotBeCrossValidatedAndSaySo() {
        // four runs at the corners of a square: each holds an extreme of x or y that no other run shares
        double[] x = {0, 1, 0.5, 0.5};
        double[] y = {0.5, 0.5, 0, 1};
        Table table = new Table(List.of("x", "y"), List.of("loss"),
            List.of(Group.of("g", new double[][] {x, y}, new double[][] {{1, 2, 3, 4}})));
        TaskConfig config = twoShares(2);
        dev.evosld.EvosldException e = org.junit.jupiter.api.Assertions.assertThrows(dev.evosld.EvosldException.class,
            () -> ValidationPlan.of(config, new Train(table), 0));
        assertTrue(e.getMessage().contains("inside their range of every feature"), e.getMessage());
    }

    @Test
    void aFoldWhoseHeldOutRunsAllScoredAlikeIsLeftOut() {
        // the largest N was trained once: R² over one held-out run divides by a variance of 0
        double[] n = {1e7, 1e7, 1e7, 3e7, 3e7, 3e7, 1e8, 1e8, 1e8, 3e8, 3e8, 3e8, 1e9};
        double[] d = {1e9, 1e10, 1e11, 1e9, 1e10, 1e11, 1e9, 1e10, 1e11, 1e9, 1e10, 1e11, 1e11};
        double[] loss = Arrays.stream(n).map(v -> 2 + 30 * Math.pow(v, -0.3)).toArray();
        for (int r = 0; r < loss.length; r++) {
            loss[r] += 1e3 * Math.pow(d[r], -0.4);
        }
        Table table = new Table(List.of("N", "D"), List.of("loss"),
            List.of(Group.of("g", new double[][] {n, d}, new double[][] {loss})));
        ValidationPlan plan = ValidationPlan.of(withHoldout(new TaskConfig.Holdout.TopValues(1, 0), List.of("N")),
            new Train(table), 0);
        assertEquals(1, plan.folds().size(), "only the fold one level lower grades");
        Group validation = plan.folds().getFirst().validation().groups().getFirst();
        assertTrue(Arrays.stream(validation.feature(0)).allMatch(v -> v == 3e8), Arrays.toString(validation.feature(0)));
        assertEquals(3, validation.rows());
    }

    @Test
    void aSeedWhoseShuffleGradesNoFoldShufflesAgainRatherThanFailTheRun() {
        // two families of four sizes that scored alike: the largest size holds out two equal runs, which R² cannot
        // grade, so validation falls back to cross-validation, and only some shuffles put two different runs in a
        // fold that can be graded; restarts shuffle with seeds of their own, so one unlucky seed failed the run
        double[] n = {1, 2, 4, 8};
        double[] loss = {3.3, 2.8, 2.55, 2.425};
        Table table = new Table(List.of("N"), List.of("loss"), List.of(
            Group.of("g", new double[][] {n}, new double[][] {loss}),
            Group.of("h", new double[][] {n}, new double[][] {loss})));
        TaskConfig config = withHoldout(new TaskConfig.Holdout.TopValues(1, 0), List.of("N"));
        for (long seed = 0; seed < 40; seed++) {
            ValidationPlan plan = ValidationPlan.of(config, new Train(table), seed);
            assertTrue(plan.crossValidated(), "seed " + seed);
            assertTrue(!plan.folds().isEmpty(), "seed " + seed);
            for (ValidationPlan.Fold fold : plan.folds()) {
                double[] held = fold.validation().groups().stream().flatMapToDouble(gr -> Arrays.stream(gr.target(0)))
                    .toArray();
                assertTrue(Arrays.stream(held).distinct().count() > 1, "seed " + seed + ": a graded fold");
            }
        }
    }

    @Test
    void aTopFractionCutsThatShareOfEachGroup() {
        TaskConfig config = withHoldout(new TaskConfig.Holdout.TopFraction(0.25, 0), List.of("N"));
        Table table = SyntheticTask.table(new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        ValidationPlan plan = ValidationPlan.of(config, new Train(table), 0);
        // 32 rows per group over 8 sizes: the top quarter is the two largest sizes
        Group validation = plan.folds().getFirst().validation().groups().getFirst();
        assertTrue(Arrays.stream(validation.feature(0)).allMatch(n -> n >= 7), Arrays.toString(validation.feature(0)));
        assertEquals(8, validation.rows());
    }

    /** A task over two features x and y without a scale axis, validated by k-fold cross-validation. */
    private static TaskConfig twoShares(int folds) {
        TaskConfig base = SyntheticTask.config();
        return new TaskConfig(base.name(), base.description(),
            List.of(new TaskConfig.Feature("x", "share"), new TaskConfig.Feature("y", "share")), base.targets(),
            base.parameterBudget(), List.of(), new TaskConfig.Holdout.Folds(folds, 0), null, Map.of(), null, null);
    }

    private static TaskConfig withHoldout(TaskConfig.Holdout holdout, List<String> axes) {
        TaskConfig base = SyntheticTask.config();
        return new TaskConfig(base.name(), base.description(), base.features(), base.targets(), base.parameterBudget(),
            axes, holdout, null, Map.of(), null, null);
    }
}
