package dev.evosld.data;

import static dev.evosld.data.ConfigFixtures.CONFIGS;
import static dev.evosld.data.ConfigFixtures.VALID;
import static dev.evosld.data.ConfigFixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.TaskConfig.Bound;
import dev.evosld.data.TaskConfig.Holdout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaskConfigTest {
    @Test
    void builtinTasksAreExactlyTheConfigFiles() throws IOException {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                .filter(f -> f.endsWith(".yaml"))
                .map(f -> f.substring(0, f.length() - ".yaml".length()))
                .sorted()
                .toList();
            assertEquals(names, TaskConfig.builtinTasks());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.evosld.data.ConfigFixtures#builtinTasks")
    void everyBuiltinConfigIsValidAndNamedAfterItsFile(String task) {
        TaskConfig config = TaskConfig.load(CONFIGS.resolve(task + ".yaml"));
        assertEquals(task, config.name());
        assertNotNull(config.humanLaw());
        assertNotNull(config.references());
        assertEquals("pkuHaowei/sldbench", config.hub().dataset());
        assertEquals(task, config.hub().config());
        assertTrue(config.humanLaw().lines().count() == 1, "one line for prompts: " + config.humanLaw());
        for (String column : config.featureNames()) {
            assertTrue(config.humanLaw().contains(column) || task.equals("domain_mixture_scaling_law"), column);
        }
    }

    @Test
    void budgetsTargetsAndHoldoutsFollowTheBenchmark() {
        Map<String, Integer> budgets = Map.of("data_constrained_scaling_law", 7, "domain_mixture_scaling_law", 35,
            "easy_question_scaling_law", 6, "lr_bsz_scaling_law", 12, "moe_scaling_law", 6,
            "parallel_scaling_law", 4, "sft_scaling_law", 4, "vocab_scaling_law", 7);
        for (String task : TaskConfig.builtinTasks()) {
            TaskConfig config = TaskConfig.load(CONFIGS.resolve(task + ".yaml"));
            assertEquals(budgets.get(task), config.parameterBudget(), task);
            assertEquals(task.equals("domain_mixture_scaling_law") ? 5 : 1, config.targets().size(), task);
        }
        TaskConfig mixture = TaskConfig.load(CONFIGS.resolve("domain_mixture_scaling_law.yaml"));
        assertEquals(new Holdout.Folds(5, 0), mixture.holdout());
        assertEquals(List.of(), mixture.scaleAxis());
        TaskConfig easy = TaskConfig.load(CONFIGS.resolve("easy_question_scaling_law.yaml"));
        assertEquals(new Holdout.TopFraction(0.2, 0), easy.holdout());
        TaskConfig constrained = TaskConfig.load(CONFIGS.resolve("data_constrained_scaling_law.yaml"));
        assertEquals(List.of("params", "tokens"), constrained.scaleAxis());
        assertEquals(new Holdout.TopValues(1, 0), constrained.holdout());
        for (String task : TaskConfig.builtinTasks()) {
            // only lr_bsz has features (learning rate, batch size) whose best value moves with scale
            assertEquals(task.equals("lr_bsz_scaling_law") ? TaskConfig.Trend.GROUP_MEAN : TaskConfig.Trend.PER_RUN,
                TaskConfig.load(CONFIGS.resolve(task + ".yaml")).trend(), task);
        }
    }

    @Test
    void moeConfigInDetail() {
        TaskConfig moe = TaskConfig.load(CONFIGS.resolve("moe_scaling_law.yaml"));
        assertEquals(List.of("num_experts", "dense_parameter_count"), moe.featureNames());
        assertEquals("number of experts per MoE layer (1 = dense)", moe.features().getFirst().description());
        assertEquals(List.of("loss_validation"), moe.targets());
        assertEquals(List.of("dense_parameter_count"), moe.scaleAxis());
        assertEquals(Map.of("E_start", new Bound(1.01, Double.POSITIVE_INFINITY), "E_max", new Bound(1, Double.POSITIVE_INFINITY)),
            moe.bounds());
        assertEquals(List.of("E_start", "E_max"), List.copyOf(moe.bounds().keySet()), "file order");
        assertEquals(new TaskConfig.References(0.7032, 0.8911,
            "SLDBench paper (human law) and public leaderboard best as of 2026-02"), moe.references());
        assertEquals(new TaskConfig.HubSource("pkuHaowei/sldbench", "moe_scaling_law", 193, 28), moe.hub());
        assertTrue(moe.humanLaw().startsWith("exp(a*log(dense_parameter_count) + b*log(1/(1/(num_experts - 1 + "
            + "(1/(E_start - 1) - 1/E_max)^-1) + 1/E_max))"), moe.humanLaw());
    }

    @Test
    void builtinConfigsAreOnTheClassPath() {
        assumeTrue(TaskConfig.class.getResource("/configs/moe_scaling_law.yaml") != null,
            "configs/ is not yet a resource directory of the build");
        for (String task : TaskConfig.builtinTasks()) {
            assertEquals(TaskConfig.load(CONFIGS.resolve(task + ".yaml")), TaskConfig.load(task));
        }
    }

    @Test
    void aHoldoutIsWrittenAndReadAsOneKeyOfTheConfigsBlock() {
        for (Holdout holdout : List.of(new Holdout.TopValues(1, 0), new Holdout.TopValues(3, 0),
                new Holdout.TopFraction(0.2, 0), new Holdout.TopFraction(0.125, 0), new Holdout.Folds(5, 0))) {
            assertEquals(holdout, Holdout.parse(holdout.spec()), holdout.spec());
        }
        assertEquals("top_fraction=0.2", new Holdout.TopFraction(0.2, 7).spec(), "the minimum is the config's alone");
        assertEquals(new Holdout.Folds(10, 0), Holdout.parse(" folds = 10 "));
        for (String bad : List.of("top_values", "top=1", "top_values=1.5", "folds=five", "=3", "top_values=1=2", "")) {
            assertEquals("holdout takes top_values=N, top_fraction=F or folds=K, not '" + bad + "'",
                assertThrows(DataException.class, () -> Holdout.parse(bad)).getMessage());
        }
        assertEquals("holdout: top_fraction must lie strictly between 0 and 1, not 1.5",
            assertThrows(DataException.class, () -> Holdout.parse("top_fraction=1.5")).getMessage());
        assertEquals("holdout: folds must be at least 2, not 1",
            assertThrows(DataException.class, () -> Holdout.parse("folds=1")).getMessage());
    }

    @Test
    void loadsAClassPathResourceWithOptionalKeysLeftOut() {
        TaskConfig tiny = TaskConfig.loadResource("data/configs", "tiny_task");
        assertEquals("tiny_task", tiny.name());
        assertEquals(new Holdout.TopValues(2, 4), tiny.holdout());
        assertNull(tiny.humanLaw());
        assertNull(tiny.references());
        assertNull(tiny.hub());
        assertEquals(Map.of(), tiny.bounds());
    }

    @Test
    void unknownTask() {
        String message = assertThrows(DataException.class, () -> TaskConfig.load("moe")).getMessage();
        assertEquals("unknown task 'moe' (built-in tasks: " + String.join(", ", TaskConfig.builtinTasks())
            + "); for your own runs use --data CSV", message);
        assertTrue(assertThrows(DataException.class, () -> TaskConfig.load("../pom")).getMessage().startsWith("unknown task '../pom'"));
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("none.yaml");
        assertEquals(file + ": no such file", assertThrows(DataException.class, () -> TaskConfig.load(file)).getMessage());
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, VALID + "colour: blue\n");
        assertEquals(file + ":10: unknown key 'colour' (known keys: bounds, description, falls_with, features, holdout, hub, "
            + "human_law, name, parameter_budget, references, scale_axis, search, target_range, targets, trend)",
            assertThrows(DataException.class, () -> TaskConfig.load(file)).getMessage());
    }

    @Test
    void validDocumentParses() {
        TaskConfig config = ConfigReader.read(VALID + "bounds: {a: [0, .inf], b: [-.inf, 1e-3]}\n", "c.yaml");
        assertEquals(List.of("N", "D"), config.featureNames());
        assertEquals(Map.of("a", new Bound(0, Double.POSITIVE_INFINITY), "b", new Bound(Double.NEGATIVE_INFINITY, 1e-3)),
            config.bounds());
        assertEquals(TaskConfig.Trend.PER_RUN, config.trend());
    }

    @Test
    void searchEffortIsOptionalAndEachCountAtLeastOne() {
        assertEquals(TaskConfig.SearchEffort.DEFAULT, ConfigReader.read(VALID, "c.yaml").search());
        assertEquals(new TaskConfig.SearchEffort(null, 2), ConfigReader.read(VALID + "search: {restarts: 2}\n", "c.yaml").search());
        assertEquals(new TaskConfig.SearchEffort(180, 1),
            ConfigReader.read(VALID + "search: {generations: 180, restarts: 1}\n", "c.yaml").search());
        assertEquals("c.yaml: search: restarts must be at least 1, not 0", error(VALID + "search: {restarts: 0}\n"));
        assertEquals("c.yaml: search: generations must be at least 1, not 0", error(VALID + "search: {generations: 0}\n"));
        assertEquals("c.yaml:10: unknown key 'islands' in 'search' (known keys: generations, restarts)",
            error(VALID + "search: {islands: 2}\n"));
    }

    @Test
    void trendIsPerRunGroupMeanOrUShaped() {
        assertEquals(TaskConfig.Trend.GROUP_MEAN, ConfigReader.read(VALID + "trend: group_mean\n", "c.yaml").trend());
        assertEquals(TaskConfig.Trend.PER_RUN, ConfigReader.read(VALID + "trend: per_run\n", "c.yaml").trend());
        assertEquals(TaskConfig.Trend.U_SHAPED, ConfigReader.read(VALID + "trend: u_shaped\n", "c.yaml").trend());
        assertEquals("c.yaml: trend must be per_run, group_mean or u_shaped, not 'mean'", error(VALID + "trend: mean\n"));
    }

    @Test
    void invalidYaml() {
        assertEquals("c.yaml:2: invalid YAML: mapping values are not allowed here", error("name: x\n  bad: indent\n"));
        assertEquals("c.yaml:2: invalid YAML: while scanning a quoted scalar: found unexpected end of stream",
            error("name: x\ndescription: \"unterminated\n"));
        assertEquals("c.yaml:10: duplicate key 'name'", error(VALID + "name: u\n"));
        assertEquals("c.yaml: empty file", error("  \n"));
        assertEquals("c.yaml:1: expected a mapping of keys to values at the top level", error("- a\n- b\n"));
    }

    @Test
    void unknownKeys() {
        assertEquals("c.yaml:10: unknown key 'foo' (known keys: bounds, description, falls_with, features, holdout, hub, "
            + "human_law, name, parameter_budget, references, scale_axis, search, target_range, targets, trend)", error(VALID + "foo: 1\n"));
        assertEquals("c.yaml:9: unknown key 'top_valuez' in 'holdout' (known keys: folds, min_train_rows, top_fraction, top_values)",
            error(VALID.replace("{top_values: 1}", "{top_values: 1, top_valuez: 2}")));
        assertEquals("c.yaml:4: unknown key 'unit' in 'features[0]' (known keys: description, name)",
            error(VALID.replace("{name: N, description: n}", "{name: N, description: n, unit: count}")));
    }

    @Test
    void missingKeys() {
        assertEquals("c.yaml: missing key 'targets'", error(VALID.replace("targets: [loss]\n", "")));
        assertEquals("c.yaml: missing key 'holdout'", error(VALID.replace("holdout: {top_values: 1}\n", "")));
        assertEquals("c.yaml: missing key 'features[1].description'", error(VALID.replace(", description: d}", "}")));
        assertEquals("c.yaml: missing key 'hub.config'", error(VALID + "hub: {dataset: d, train_rows: 1, test_rows: 1}\n"));
        assertEquals("c.yaml: key 'description' is empty", error(VALID.replace("description: d\n", "description: ' '\n")));
    }

    @Test
    void wrongTypes() {
        assertEquals("c.yaml:7: key 'parameter_budget': expected an integer, got 'six'",
            error(VALID.replace("parameter_budget: 3", "parameter_budget: six")));
        assertEquals("c.yaml:7: key 'parameter_budget': expected an integer, got '3.5'",
            error(VALID.replace("parameter_budget: 3", "parameter_budget: 3.5")));
        assertEquals("c.yaml:6: key 'targets': expected a list", error(VALID.replace("targets: [loss]", "targets: loss")));
    }

    @Test
    void holdoutNeedsExactlyOneKind() {
        assertEquals("c.yaml: holdout must set exactly one of top_values, top_fraction and folds, not none",
            error(VALID.replace("{top_values: 1}", "{min_train_rows: 3}")));
        assertEquals("c.yaml: holdout must set exactly one of top_values, top_fraction and folds, not 2",
            error(VALID.replace("{top_values: 1}", "{top_values: 1, folds: 5}")));
        assertEquals("c.yaml: holdout: top_fraction must lie strictly between 0 and 1, not 1.5",
            error(VALID.replace("{top_values: 1}", "{top_fraction: 1.5}")));
        assertEquals("c.yaml: holdout: folds must be at least 2, not 1", error(VALID.replace("{top_values: 1}", "{folds: 1}")));
        assertEquals("c.yaml: holdout: top_values and top_fraction need a scale_axis; use folds when there is none",
            error(VALID.replace("scale_axis: [N]", "scale_axis: []")));
        assertInstanceOf(Holdout.Folds.class,
            ConfigReader.read(VALID.replace("scale_axis: [N]", "scale_axis: []").replace("{top_values: 1}", "{folds: 4}"), "c.yaml").holdout());
    }

    @Test
    void inconsistentValues() {
        assertEquals("c.yaml: scale_axis 'X' is not a feature", error(VALID.replace("scale_axis: [N]", "scale_axis: [X]")));
        assertEquals("c.yaml: bound [2.0, 1.0] is not an interval", error(VALID + "bounds: {a: [2, 1]}\n"));
        assertEquals("c.yaml: bounds: 'a' must be a pair [lower, upper]", error(VALID + "bounds: {a: [2]}\n"));
        assertEquals("c.yaml: bounds: 'N' is a column, not a parameter", error(VALID + "bounds: {N: [0, 1]}\n"));
        assertEquals("c.yaml: feature 'N' is listed twice", error(VALID.replace("name: D", "name: N")));
        assertEquals("c.yaml: target 'N' is listed twice or is also a feature", error(VALID.replace("[loss]", "[N]")));
        assertEquals("c.yaml: parameter_budget must be at least 1, not 0", error(VALID.replace("budget: 3", "budget: 0")));
        assertEquals("c.yaml: feature 'model size' is not a valid name (letters, digits and '_', not starting with "
            + "a digit), as laws use it as a variable: rename the column, model_size say",
            error(VALID.replace("name: N", "name: model size")));
        assertEquals("c.yaml: references: R² 2.0 is not a finite number of at most 1",
            error(VALID + "references: {human_r2: 2, leaderboard_r2: 0.5, source: s}\n"));
    }

    @Test
    void fallsWithNamesFeaturesOnceAndDefaultsToNone() {
        assertEquals(List.of(), ConfigReader.read(VALID, "c.yaml").fallsWith());
        assertEquals(List.of("D", "N"), ConfigReader.read(VALID + "falls_with: [D, N]\n", "c.yaml").fallsWith());
        assertEquals("c.yaml: falls_with 'tokens' is not a feature", error(VALID + "falls_with: [tokens]\n"));
        assertEquals("c.yaml: falls_with 'D' is listed twice", error(VALID + "falls_with: [D, D]\n"));
        assertEquals("c.yaml: missing key 'falls_with[0]'", error(VALID + "falls_with: [null]\n"));
    }

    @Test
    void targetRangeIsAnIntervalWithInfiniteEndsAndDefaultsToAnyValue() {
        assertEquals(TaskConfig.Bound.UNBOUNDED, ConfigReader.read(VALID, "c.yaml").targetRange());
        assertEquals(new TaskConfig.Bound(Double.NEGATIVE_INFINITY, 0),
            ConfigReader.read(VALID + "target_range: [-.inf, 0]\n", "c.yaml").targetRange());
        assertEquals(new TaskConfig.Bound(0, 1), ConfigReader.read(VALID + "target_range: [0, 1]\n", "c.yaml").targetRange());
        assertEquals("c.yaml: target_range: bound [1.0, 0.0] is not an interval", error(VALID + "target_range: [1, 0]\n"));
        assertEquals("c.yaml: target_range must be a pair [lower, upper]", error(VALID + "target_range: [0]\n"));
        assertEquals(new TaskConfig.Bound(Double.NEGATIVE_INFINITY, 0),
            TaskConfig.load("easy_question_scaling_law").targetRange(), "a negated Brier score is never above 0");
    }

    @Test
    void whitespaceInLawsAndDescriptionsIsCollapsed() {
        TaskConfig config = ConfigReader.read(VALID.replace("\ndescription: d\n", "\ndescription: >-\n  two\n    lines\n")
            + "human_law: |\n  A*N^-a\n  + E\n", "c.yaml");
        assertEquals("two lines", config.description());
        assertEquals("A*N^-a + E", config.humanLaw());
    }
}
