package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.UserData.NoTest;
import dev.evosld.data.UserData.ScaleRule;
import dev.evosld.data.UserData.Split;
import dev.evosld.data.UserData.TestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDataTest {
    private static final String RUNS = """
        model_family,N,D,loss,acc
        gpt,1e8,1e9,3.0,0.1
        gpt,1e9,1e10,2.5,0.2
        gpt,1e10,1e11,2.0,0.3
        llama,1e8,2e9,3.1,0.1
        llama,1e9,2e10,2.6,0.2
        llama,1e10,2e11,2.1,0.35
        """;

    @TempDir
    Path dir;
    Path runs;

    @BeforeEach
    void writeRuns() throws IOException {
        runs = dir.resolve("my runs.csv");
        Files.writeString(runs, RUNS);
    }

    private UserData user(String group, Split split, String... targets) {
        return new UserData(runs, List.of("N", "D"), List.of(targets), group, UserData.DEFAULT_PARAMETER_BUDGET, split);
    }

    private static ScaleRule rule(String text) {
        return ScaleRule.parse(text);
    }

    private static String error(UserData user) {
        return assertThrows(DataException.class, user::load).getMessage();
    }

    @Test
    void theTrendReachesTheConfigAndDefaultsToPerRun() {
        assertEquals(TaskConfig.Trend.PER_RUN, user(null, rule("N=1e9"), "loss").load().config().trend());
        UserData mean = new UserData(runs, List.of("N", "D"), List.of("loss"), null, 6, rule("N=1e9"),
            TaskConfig.Trend.GROUP_MEAN, List.of("D"), new TaskConfig.Bound(0, 10), null);
        assertEquals(TaskConfig.Trend.GROUP_MEAN, mean.load().config().trend());
        assertEquals(List.of("D"), mean.load().config().fallsWith());
        assertEquals(new TaskConfig.Bound(0, 10), mean.load().config().targetRange());
        assertEquals(TaskConfig.Bound.UNBOUNDED, user(null, rule("N=1e9"), "loss").load().config().targetRange());
    }

    @Test
    void aTargetValueOutsideItsPossibleRangeIsAnErrorNamingTheLine() throws IOException {
        UserData accuracy = new UserData(runs, List.of("N", "D"), List.of("acc"), "model_family", 6, rule("N=1e9"),
            TaskConfig.Trend.PER_RUN, List.of(), new TaskConfig.Bound(0, 1), null);
        assertEquals(4, accuracy.load().train().table().rows(), "every accuracy lies in [0, 1]");
        UserData loss = new UserData(runs, List.of("N", "D"), List.of("loss"), "model_family", 6, rule("N=1e9"),
            TaskConfig.Trend.PER_RUN, List.of(), new TaskConfig.Bound(0, 1), null);
        DataException e = assertThrows(DataException.class, loss::load);
        assertEquals(runs + ":2: column 'loss': 3 is outside the target's possible values [0, 1]", e.getMessage());
        // the value as the file gives it, 1e9, not as Java spells it, 1.0E9
        Path counts = dir.resolve("counts.csv");
        Files.writeString(counts, "N,D,tokens\n1e8,1e9,0.5\n2e8,1e9,1e9\n");
        UserData share = new UserData(counts, List.of("N", "D"), List.of("tokens"), null, 6, rule("N=1e9"),
            TaskConfig.Trend.PER_RUN, List.of(), new TaskConfig.Bound(0, 1), null);
        assertEquals(counts + ":3: column 'tokens': 1e9 is outside the target's possible values [0, 1]", error(share));
        // one range holds for every target: a user who gave an accuracy's beside a loss learns so, not that the loss
        // scored the impossible
        UserData both = new UserData(runs, List.of("N", "D"), List.of("acc", "loss"), "model_family", 6, rule("N=1e9"),
            TaskConfig.Trend.PER_RUN, List.of(), new TaskConfig.Bound(0, 1), null);
        assertEquals(runs + ":2: column 'loss': 3 is outside the possible values [0, 1], which hold for every target"
            + " (acc, loss); give a range that all of them keep", error(both));
        assertEquals("[-inf, 0]", new TaskConfig.Bound(Double.NEGATIVE_INFINITY, 0).describe());
        assertEquals("[0.5, inf]", new TaskConfig.Bound(0.5, Double.POSITIVE_INFINITY).describe());
    }

    @Test
    void aFallingFeatureThatIsNotAFeatureIsAnErrorNamingTheFile() {
        UserData user = new UserData(runs, List.of("N", "D"), List.of("loss"), null, 6, rule("N=1e9"),
            TaskConfig.Trend.PER_RUN, List.of("tokens"), TaskConfig.Bound.UNBOUNDED, null);
        DataException e = assertThrows(DataException.class, user::load);
        assertEquals(runs + ": falls_with 'tokens' is not a feature", e.getMessage());
    }

    @Test
    void aTargetThatRisesWithAFallingFeatureInEveryGroupIsAnErrorNamingTheFileAndTarget() {
        // loss falls with D, as named, but the accuracy fitted beside it rises with D in both families
        UserData both = new UserData(runs, List.of("N", "D"), List.of("loss", "acc"), "model_family", 6,
            new NoTest(null), TaskConfig.Trend.PER_RUN, List.of("D"), TaskConfig.Bound.UNBOUNDED, null);
        assertEquals(runs + ": target 'acc' rises with D in every group's train runs (in group 'gpt' from 0.1 at"
            + " D = 1e9 to 0.3 at D = 1e11), though --falls-with names D as a feature the targets never rise with;"
            + " name only features that every target falls with", error(both));
        UserData loss = new UserData(runs, List.of("N", "D"), List.of("loss"), "model_family", 6, new NoTest(null),
            TaskConfig.Trend.PER_RUN, List.of("D"), TaskConfig.Bound.UNBOUNDED, null);
        assertEquals(6, loss.load().train().table().rows(), "loss falls with D in every group");
    }

    @Test
    void aTargetRisesWithAFallingFeatureOnlyIfItDoesSoAlsoAtEqualValuesOfTheOthers() throws IOException {
        // the largest D was run only on the large model: across the group acc rises with D, at each N it falls
        Files.writeString(runs, """
            N,D,acc
            1e8,1e9,0.5
            1e8,1e10,0.45
            1e10,1e10,0.9
            1e10,1e11,0.85
            """);
        UserData grid = new UserData(runs, List.of("N", "D"), List.of("acc"), null, 6, new NoTest(null),
            TaskConfig.Trend.PER_RUN, List.of("D"), TaskConfig.Bound.UNBOUNDED, null);
        assertEquals(4, grid.load().train().table().rows());
        Files.writeString(runs, """
            N,D,acc
            1e8,1e9,0.5
            1e8,1e10,0.55
            1e10,1e10,0.9
            1e10,1e11,0.95
            """);
        assertEquals(runs + ": target 'acc' rises with D in every group's train runs (in group 'all' from 0.5 at"
            + " D = 1e9 to 0.95 at D = 1e11), though --falls-with names D as a feature the targets never rise with;"
            + " name only features that every target falls with", error(grid));
    }

    @Test
    void aTargetThatRisesWithAFallingFeatureOnlyAtEqualValuesOfTheOthersIsTaken() {
        // two families in one group: at each N the second family's longer run has the higher loss, overall it falls
        UserData merged = new UserData(runs, List.of("N", "D"), List.of("loss"), null, 6, new NoTest(null),
            TaskConfig.Trend.PER_RUN, List.of("D"), TaskConfig.Bound.UNBOUNDED, null);
        assertEquals(6, merged.load().train().table().rows());
    }

    @Test
    void parsesSplitRules() {
        assertEquals(new ScaleRule("N", 1e9, false), rule("N=1e9"));
        assertEquals(new ScaleRule("N", 1e9, false), rule("N>1e9"));
        assertEquals(new ScaleRule("N", 1e9, true), rule(" N >= 1e9 "));
        assertEquals(new ScaleRule("non_vocab_parameters", 0.5, false), rule("non_vocab_parameters=.5"));
        assertEquals("N>=1e9", rule("N>=1e9").toString());
        assertEquals("non_vocab_parameters>3.5e8", rule("non_vocab_parameters=3.5e8").toString());
        assertEquals("N>120", rule("N=120").toString());
    }

    @Test
    void malformedSplitRules() {
        for (String bad : List.of("N1e9", "N<1e9", "=1e9", "N=", "N=1e9 D=2")) {
            assertEquals("split rule '" + bad + "' is malformed: expected COLUMN=VALUE (test rows have COLUMN > VALUE) "
                + "or COLUMN>=VALUE", assertThrows(DataException.class, () -> rule(bad)).getMessage(), bad);
        }
        assertEquals("split rule 'N=big': 'big' is not a finite number", assertThrows(DataException.class, () -> rule("N=big")).getMessage());
        assertEquals("split rule 'N=1e999': '1e999' is not a finite number", assertThrows(DataException.class, () -> rule("N=1e999")).getMessage());
        assertEquals("split rule 'N==1e9': '=1e9' is not a finite number", assertThrows(DataException.class, () -> rule("N==1e9")).getMessage());
    }

    @Test
    void splitsByScaleRuleWithGroups() {
        TaskData data = new UserData(runs, List.of("N", "D"), List.of("loss"), "model_family", 6, rule("N=1e9")).load();
        assertEquals(4, data.train().table().rows());
        assertEquals(2, data.test().orElseThrow().table().rows());
        assertArrayEquals(new double[] {1e8, 1e9}, data.train().table().group("llama").orElseThrow().feature(0));
        assertArrayEquals(new double[] {2.0}, data.test().orElseThrow().table().group("gpt").orElseThrow().target(0));
        TaskConfig config = data.config();
        assertEquals("my_runs", config.name());
        assertEquals(List.of("N"), config.scaleAxis());
        assertEquals(new TaskConfig.Holdout.TopValues(1, 0), config.holdout(),
            "each group's largest N is a single run, but groups of two keep their runs to fit on");
        assertEquals(6, config.parameterBudget());
        assertNull(config.humanLaw());
        assertNull(config.references());
        assertNull(config.hub());
        assertEquals("column 'N' of my runs.csv", config.features().getFirst().description());
    }

    @Test
    void inclusiveRuleMovesTheBoundaryRowsToTest() {
        TaskData data = user("model_family", rule("N>=1e9"), "loss").load();
        assertEquals(2, data.train().table().rows());
        assertEquals(4, data.test().orElseThrow().table().rows());
    }

    @Test
    void withoutGroupColumnEverythingIsGroupAll() {
        TaskData data = user(null, rule("D=5e10"), "loss", "acc").load();
        assertEquals(List.of("all"), data.train().table().groups().stream().map(Group::name).toList());
        assertEquals(List.of("loss", "acc"), data.test().orElseThrow().table().targets());
        assertArrayEquals(new double[] {0.3, 0.35}, data.test().orElseThrow().table().groups().getFirst().target(1));
        assertEquals(List.of("D"), data.config().scaleAxis());
    }

    @Test
    void splitsBySecondFile() throws IOException {
        Path test = dir.resolve("test.csv");
        Files.writeString(test, "model_family,N,D,loss\ngpt,1e11,1e12,1.5\n");
        TaskData data = user("model_family", new TestFile(test, null), "loss").load();
        assertEquals(6, data.train().table().rows());
        assertEquals(1, data.test().orElseThrow().table().rows());
        assertEquals(List.of("N"), data.config().scaleAxis(), "first feature by default");
        assertEquals(List.of("D"), user("model_family", new TestFile(test, List.of("D")), "loss").load().config().scaleAxis());
    }

    @Test
    void withoutATestSplitEveryRowIsTrain() {
        TaskData data = user("model_family", new NoTest(null), "loss").load();
        assertTrue(data.test().isEmpty(), "no test split");
        assertEquals(6, data.train().table().rows());
        assertArrayEquals(new double[] {1e8, 1e9, 1e10}, data.train().table().group("gpt").orElseThrow().feature(0));
        assertArrayEquals(new double[] {3.1, 2.6, 2.1}, data.train().table().group("llama").orElseThrow().target(0));
        TaskConfig config = data.config();
        assertEquals("my_runs", config.name());
        assertEquals(List.of("N"), config.scaleAxis(), "first feature by default");
        assertEquals(new TaskConfig.Holdout.TopValues(1, 0), config.holdout(), "validation holds out the top N inside train");
        assertEquals(6, config.parameterBudget());
        assertNull(config.references());
    }

    @Test
    void theHoldoutIsChosenFromHowManyRunsLieAtTheTopOfTheScaleAxis() throws IOException {
        // three sizes, each trained on several token counts: the largest size is a third of the runs
        StringBuilder grid = new StringBuilder("N,D,loss\n");
        for (String n : List.of("1e8", "1e9", "1e10")) {
            for (String d : List.of("1e9", "1e10", "1e11", "1e12")) {
                grid.append(n).append(',').append(d).append(',').append(2.5 + 0.01 * grid.length()).append('\n');
            }
        }
        Files.writeString(runs, grid.toString());
        assertEquals(new TaskConfig.Holdout.TopValues(1, 0), user(null, new NoTest(null), "loss").load().config().holdout());
        // along D, three runs share the largest value
        assertEquals(new TaskConfig.Holdout.TopValues(1, 0), user(null, new NoTest(List.of("D")), "loss").load().config().holdout());
        // a sweep: every run its own size, so the largest would hold out a single run of each group
        Files.writeString(runs, sweep(2, UserData.SWEEP_GROUP_RUNS));
        assertEquals(new TaskConfig.Holdout.TopFraction(UserData.SWEEP_FRACTION, 0),
            user("g", new NoTest(null), "loss").load().config().holdout());
        // but small groups keep their runs to fit on
        Files.writeString(runs, sweep(2, UserData.SWEEP_GROUP_RUNS - 1));
        assertEquals(new TaskConfig.Holdout.TopValues(1, 0), user("g", new NoTest(null), "loss").load().config().holdout());
        // and a single small sweep, a handful of model sizes, holds out two: R² cannot grade a single run
        Files.writeString(runs, sweep(1, 6));
        assertEquals(new TaskConfig.Holdout.TopValues(2, 0), user("g", new NoTest(null), "loss").load().config().holdout());
        // ... unless the user says otherwise
        UserData given = new UserData(runs, List.of("N", "D"), List.of("loss"), null, 6, new NoTest(null),
            TaskConfig.Trend.PER_RUN, List.of(), TaskConfig.Bound.UNBOUNDED, new TaskConfig.Holdout.TopValues(2, 0));
        assertEquals(new TaskConfig.Holdout.TopValues(2, 0), given.load().config().holdout());
    }

    @Test
    void aGridOfSizesAndTokenCountsIsValidatedAlongBoth() throws IOException {
        TaskData data = user("model_family", new NoTest(List.of("N", "D")), "loss").load();
        assertEquals(List.of("N", "D"), data.config().scaleAxis());
        // one group of 21 runs whose largest N and largest D are each a single run: two runs at the top in all
        StringBuilder grid = new StringBuilder("N,D,loss\n");
        for (int r = 0; r < 21; r++) {
            grid.append(1e8 * (1 + r % 5)).append(',').append(1e9 * (1 + r % 7)).append(',').append(3 - 0.01 * r).append('\n');
        }
        grid.append("1e9,1e9,2.5\n1e8,1e11,2.6\n");
        Files.writeString(runs, grid.toString());
        assertEquals(new TaskConfig.Holdout.TopValues(1, 0),
            user(null, new NoTest(List.of("N", "D")), "loss").load().config().holdout(), "two runs at the top of N or D");
        assertEquals(new TaskConfig.Holdout.TopFraction(UserData.SWEEP_FRACTION, 0),
            user(null, new NoTest(List.of("D")), "loss").load().config().holdout(), "one run at the top of D");
    }

    @Test
    void theSharesOfAMixtureAreCrossValidatedUnlessAScaleAxisIsNamed() throws IOException {
        Files.writeString(runs, "web,code,books,loss\n0.5,0.25,0.25,2.9\n0.25,0.5,0.25,3.0\n0.25,0.25,0.5,3.1\n"
            + "0.6,0.2,0.2,2.85\n0.333,0.333,0.334,3.0\n");
        List<String> shares = List.of("web", "code", "books");
        TaskConfig config = new UserData(runs, shares, List.of("loss"), null, 6, new NoTest(null)).load().config();
        assertEquals(new TaskConfig.Holdout.Folds(UserData.MIXTURE_FOLDS, 0), config.holdout());
        assertEquals(List.of(), config.scaleAxis(), "no scale to push beyond the data");
        TaskConfig along = new UserData(runs, shares, List.of("loss"), null, 6, new NoTest(List.of("web"))).load().config();
        assertEquals(new TaskConfig.Holdout.TopValues(2, 0), along.holdout(),
            "a named axis is extrapolated along, from its two largest values, the largest being one run");
        assertEquals(List.of("web"), along.scaleAxis());
    }

    /** {@code groups} groups of {@code runs} runs, each run with its own N. */
    private static String sweep(int groups, int runs) {
        StringBuilder csv = new StringBuilder("g,N,D,loss\n");
        for (int g = 0; g < groups; g++) {
            for (int r = 0; r < runs; r++) {
                csv.append("g").append(g).append(',').append(1e8 * Math.pow(1.5, r)).append(",1e9,").append(3 - 0.01 * r)
                    .append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void crossValidationTakesOnlyAScaleAxisThatIsNamed() throws IOException {
        Path test = dir.resolve("test.csv");
        Files.writeString(test, "model_family,N,D,loss\ngpt,1e11,1e12,1.5\n");
        TaskConfig.Holdout folds = new TaskConfig.Holdout.Folds(3, 0);
        for (Split split : List.of(new NoTest(null), new TestFile(test, null))) {
            TaskConfig config = new UserData(runs, List.of("N", "D"), List.of("loss"), "model_family", 6, split,
                TaskConfig.Trend.PER_RUN, List.of(), TaskConfig.Bound.UNBOUNDED, folds).load().config();
            assertEquals(folds, config.holdout());
            assertEquals(List.of(), config.scaleAxis(), "shares of a mixture have no scale to push: " + split);
        }
        for (Split split : List.of(new NoTest(List.of("D")), rule("D=5e10"))) {
            TaskConfig config = new UserData(runs, List.of("N", "D"), List.of("loss"), "model_family", 6, split,
                TaskConfig.Trend.PER_RUN, List.of(), TaskConfig.Bound.UNBOUNDED, folds).load().config();
            assertEquals(List.of("D"), config.scaleAxis(), split.toString());
        }
    }

    @Test
    void aScaleAxisOfOneValueInEachGroupIsAnErrorNamingTheFileAndColumn() throws IOException {
        // a grid of sizes and token counts at one vocabulary size: the top of vocab is every run
        StringBuilder grid = new StringBuilder("N,D,vocab,loss\n");
        for (String n : List.of("1e8", "1e9", "1e10")) {
            for (String d : List.of("1e9", "1e10", "1e11")) {
                grid.append(n).append(',').append(d).append(",32000,").append(2.5 + 0.01 * grid.length()).append('\n');
            }
        }
        Files.writeString(runs, grid.toString());
        List<String> features = List.of("N", "D", "vocab");
        for (List<String> axes : List.of(List.of("vocab"), List.of("N", "vocab"))) {
            UserData user = new UserData(runs, features, List.of("loss"), null, 6, new NoTest(axes));
            assertEquals(runs + ": scale axis 'vocab' is 32000 in every train run, so no run lies above another along"
                + " it and validation cannot extrapolate along it; name the features your runs grow along", error(user));
        }
        // one value within each group, another in each: no group grows along it either
        Files.writeString(runs, "family,N,vocab,loss\na,1e8,32000,3.0\na,1e9,32000,2.6\nb,1e8,50000,3.1\nb,1e9,50000,2.7\n");
        UserData grouped = new UserData(runs, List.of("N", "vocab"), List.of("loss"), "family", 6,
            new NoTest(List.of("vocab")));
        assertEquals(runs + ": scale axis 'vocab' is one value within each group's train runs, so no run lies above"
            + " another along it and validation cannot extrapolate along it; name the features your runs grow along",
            error(grouped));
        assertEquals(List.of("N"), new UserData(runs, List.of("N", "vocab"), List.of("loss"), "family", 6,
            new NoTest(List.of("N"))).load().config().scaleAxis(), "a constant feature that is not an axis is fine");
    }

    @Test
    void aTargetWhoseSquaresADoubleCannotHoldIsAnErrorSayingHowToRescaleIt() throws IOException {
        // misses of 1e-300 square to 0 and misses of 1e300 to infinity: fits stayed at their starts and R² was NaN
        Files.writeString(runs, "N,loss\n1e8,3.1e-300\n1e9,2.6e-300\n1e10,2.2e-300\n");
        UserData user = new UserData(runs, List.of("N"), List.of("loss"), null, 6, new NoTest(null));
        assertEquals(runs + ": target 'loss' spans only 9e-301 (from 2.2e-300 to 3.1e-300), too little for a double"
            + " to square, so every fit and R² would take its misses for 0; rescale it (loss × 1e300, say)", error(user));
        Files.writeString(runs, "N,loss\n1e8,-3.1e155\n1e9,2.6e155\n1e10,2.2e155\n");
        assertEquals(runs + ": target 'loss' reaches -3.1e155, too large for a double to square, so every fit and R²"
            + " would overflow; rescale it (loss / 1e155, say)", error(user));
        Files.writeString(runs, "N,loss\n1e8,3.1e-320\n1e9,2.6e-320\n1e10,2.2e-320\n");
        assertTrue(error(user).endsWith("; rescale it (loss × 1e320, say)"), "not 10^320, which overflows");
        // the largest sizes that square well enough are read as they are, and a value of 0 is no size at all
        Files.writeString(runs, "N,loss\n1e8,3.1e-148\n1e9,0\n1e10,2.2e-148\n");
        assertEquals(3, user.load().train().table().rows());
        Files.writeString(runs, "N,loss\n1e8,3.1e149\n1e9,-2.6e149\n1e10,2.2e149\n");
        assertEquals(3, user.load().train().table().rows());
    }

    @Test
    void withoutATestSplitTheScaleAxisCanBeChosen() {
        TaskData data = user(null, new NoTest(List.of("D")), "loss", "acc").load();
        assertEquals(List.of("D"), data.config().scaleAxis());
        assertEquals(List.of("all"), data.train().table().groups().stream().map(Group::name).toList());
        assertEquals(6, data.train().table().rows());
        assertTrue(data.test().isEmpty());
        assertEquals(runs + ": scale axis: 'acc' is not a feature (features: N, D)",
            error(user(null, new NoTest(List.of("acc")), "loss")));
    }

    @Test
    void withoutATestSplitBadRowsStillNameTheirLine() throws IOException {
        Files.writeString(runs, RUNS + "gpt,1e11,,1.9,0.4\n");
        assertEquals(runs + ":8: column 'D': empty cell", error(user("model_family", new NoTest(null), "loss")));
    }

    @Test
    void secondFileGroupWithoutTrainRows() throws IOException {
        Path test = dir.resolve("test.csv");
        Files.writeString(test, "model_family,N,D,loss\ngpt,1e11,1e12,1.5\nmistral,1e11,1e12,1.5\n");
        assertEquals(test + ":3: group 'mistral' has no rows in " + runs, error(user("model_family", new TestFile(test, null), "loss")));
    }

    @Test
    void splitRuleNamingAnUnknownColumn() {
        assertEquals(runs + ": split rule params>1e9: 'params' is not a feature (features: N, D)",
            error(user(null, rule("params=1e9"), "loss")));
        assertEquals(runs + ": scale axis: 'acc' is not a feature (features: N, D)",
            error(user(null, new TestFile(runs, List.of("acc")), "loss")));
    }

    @Test
    void splitLeavingTrainOrTestEmpty() {
        assertEquals(runs + ": split rule N>1e12 leaves no test rows (the largest N is 1e10)",
            error(user(null, rule("N=1e12"), "loss")));
        assertEquals(runs + ": split rule N>=1e8 leaves no train rows (the smallest N is 1e8)",
            error(user(null, rule("N>=1e8"), "loss")));
    }

    @Test
    void groupWithOnlyTestRows() throws IOException {
        Files.writeString(runs, RUNS + "phi,1e11,1e12,1.9,0.4\n");
        assertEquals(runs + ":8: group 'phi' has only test rows under split rule N>1e9, so no law can be fitted to it",
            error(user("model_family", rule("N=1e9"), "loss")));
    }

    @Test
    void columnProblemsNameTheFile() {
        assertEquals(runs + ":1: missing column 'family' (header has: model_family, N, D, loss, acc)",
            error(user("family", rule("N=1e9"), "loss")));
        assertEquals(runs + ": target 'N' is listed twice or is also a feature", error(user(null, rule("N=1e9"), "N")));
        assertEquals(runs + ": targets: at least one target is needed", error(user(null, rule("N=1e9"))));
        UserData spaced = new UserData(runs, List.of("model size"), List.of("loss"), null, 6, new TestFile(runs, null));
        assertEquals(runs + ": feature 'model size' is not a valid name (letters, digits and '_', not starting with a digit), "
            + "as laws use it as a variable: rename the column, model_size say", error(spaced));
        // a header with units, as spreadsheets write it: the name a law can use, for the user to put in the header
        UserData units = new UserData(runs, List.of("N (params)"), List.of("loss"), null, 6, new TestFile(runs, null));
        assertEquals(runs + ": feature 'N (params)' is not a valid name (letters, digits and '_', not starting with a digit), "
            + "as laws use it as a variable: rename the column, N_params say", error(units));
        UserData digit = new UserData(runs, List.of("2nd-size"), List.of("loss"), null, 6, new TestFile(runs, null));
        assertEquals(runs + ": feature '2nd-size' is not a valid name (letters, digits and '_', not starting with a digit), "
            + "as laws use it as a variable: rename the column, _2nd_size say", error(digit));
        UserData symbols = new UserData(runs, List.of("%"), List.of("loss"), null, 6, new TestFile(runs, null));
        assertEquals(runs + ": feature '%' is not a valid name (letters, digits and '_', not starting with a digit), "
            + "as laws use it as a variable: rename the column", error(symbols));
    }

    @Test
    void missingDataFile() {
        Path none = dir.resolve("none.csv");
        UserData user = new UserData(none, List.of("N"), List.of("loss"), null, 6, rule("N=1"));
        assertEquals(none + ": no such file", error(user));
    }
}
