package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.R2;
import dev.evosld.fit.StartAgreement;
import dev.evosld.law.Law;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.Evaluation;
import dev.evosld.search.FrontLaw;
import dev.evosld.search.SearchResult;
import dev.evosld.search.SearchSettings;
import dev.evosld.search.ValidationRmse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscoverySummaryTest {
    private static final List<String> FEATURES = List.of("N");
    private static final Path RUN = Path.of("runs", "toy-1");
    private static final Law SIMPLE = Law.parse("A / N^alpha", FEATURES);
    private static final Law CHOSEN = Law.parse("E + A / N^alpha", FEATURES);
    private static final SearchSettings SETTINGS = SearchSettings.defaults().withThreads(1);

    /** Six model sizes per group: validation holds out the largest, and the next one in a second fold. */
    private static TaskData data(List<String> targets, TaskConfig.References references) {
        return data(targets, references, new TaskConfig.Holdout.TopValues(1, 0));
    }

    private static TaskData data(List<String> targets, TaskConfig.References references, TaskConfig.Holdout holdout) {
        TaskConfig config = new TaskConfig("toy", "A toy task.", List.of(new TaskConfig.Feature("N", "size")), targets,
            4, List.of("N"), holdout, null, Map.of(), references, null);
        double[][] dense = new double[targets.size()][];
        double[][] moe = new double[targets.size()][];
        for (int t = 0; t < dense.length; t++) {
            dense[t] = new double[] {3, 2.6, 2.4, 2.3, 2.25, 2.2};
            moe[t] = new double[] {3.5, 3.1, 2.9, 2.8, 2.75, 2.7};
        }
        double[][] n = {{1, 2, 3, 4, 5, 6}};
        Table train = new Table(FEATURES, targets, List.of(Group.of("dense", n, dense), Group.of("moe", n, moe)));
        return new TaskData(config, new Train(train), Optional.empty());
    }

    private static ParameterSet parameters(List<String> targets) {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("dense", targets.size() == 1 ? new double[][] {{1.5, 400, 0.3}}
            : new double[][] {{1.5, 400, 0.3}, {0.25, 12345.678, 1e-5}});
        values.put("moe", targets.size() == 1 ? new double[][] {{2.0, 250, 0.27}}
            : new double[][] {{2.0, 250, 0.27}, {0.5, 7, 2}});
        return ParameterSet.of(CHOSEN.parameters(), targets, values);
    }

    private static Evaluation evaluation(double validationR2, int parameters) {
        return new Evaluation(1 - validationR2, 0.001, parameters, 2 * parameters + 1, Map.of(), null);
    }

    private static SearchResult result(List<String> targets, double trainR2, StartAgreement agreement, int generations,
                                       int restarts, List<FrontLaw> front, ValidationRmse rmse) {
        return new SearchResult(CHOSEN, evaluation(0.9875, 3), parameters(targets), trainR2, agreement, front, List.of(),
            generations, 250, 10, 2.5, SearchResult.BY_GENERATIONS, rmse, List.of("classic forms"), restarts);
    }

    private static final List<FrontLaw> FRONT = List.of(
        new FrontLaw(SIMPLE, evaluation(0.9, 2), 0.04),
        new FrontLaw(CHOSEN, evaluation(0.9875, 3), 0.0));

    private static String print(DiscoverySummary summary) {
        StringWriter text = new StringWriter();
        summary.print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aFinishedRunPrintsItsLawParametersScoresFrontAndSearch() {
        List<String> targets = List.of("loss");
        DiscoverySummary summary = DiscoverySummary.of(
            data(targets, new TaskConfig.References(0.9712, 0.99997, "paper")), false, new RunDirectory(RUN), SETTINGS, result(targets, 0.995123456, new StartAgreement(2, 0), 3, 3, FRONT,
                new ValidationRmse(targets, List.of(0.05034), 4)),
            Optional.of(R2.of(0.98123449)), Map.of("loss", 0.027153), Optional.of("3 requests, 1200 tokens"));
        assertEquals(String.join("\n",
            "task:          toy",
            "law:           E + A / N^alpha",
            "parameters:    3 per group",
            "  dense: E=1.5 A=400 alpha=0.3",
            "  moe: E=2 A=250 alpha=0.27",
            "train R²:      0.995123",
            "validation R²: 0.987500 (inside train, the runs at each group's largest N held out, and one level lower"
                + " in a second fold)",
            "               its predictions there missed by 0.05034 (root mean square over 4 rows)",
            "test R²:       0.981234 (missed by 0.02715, root mean square)",
            "references:    human law 0.9712, leaderboard best 0.99997",
            "pareto front:  validation R², parameters, standard errors behind the best, law",
            "               (* chosen: the simplest law at most 1 behind; all of the front in pareto.json)",
            // 0.9 trails 0.9875 by 0.0875 with a standard error of the difference of 0.04: 2.2 behind
            "    0.90000   2    2.2  A / N^alpha",
            "  * 0.98750   3   best  E + A / N^alpha",
            "search:        3 generations (stopped by generations), 250 candidates fitted, 100/s, 2.5 s",
            "llm:           3 requests, 1200 tokens",
            "run directory: " + RUN,
            ""), print(summary));
    }

    @Test
    void aChosenLawFarBehindTheBestIsNotSaidToBeAtMostOneBehind() {
        // the laws nearer the best were passed over (a group with too few runs for them): the simple law is reported
        List<String> targets = List.of("loss");
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("dense", new double[][] {{400, 0.3}});
        values.put("moe", new double[][] {{250, 0.27}});
        SearchResult passedOver = new SearchResult(SIMPLE, evaluation(0.9, 2),
            ParameterSet.of(SIMPLE.parameters(), targets, values), 0.95, new StartAgreement(2, 0), FRONT, List.of(), 3,
            250, 10, 2.5, SearchResult.BY_GENERATIONS, null, List.of("classic forms"), 3);
        List<String> lines = print(DiscoverySummary.of(data(targets, null), false, new RunDirectory(RUN), SETTINGS, passedOver,
            Optional.empty(), null, Optional.empty())).lines().toList();
        assertTrue(lines.contains("  * 0.90000   2    2.2  A / N^alpha"), lines.toString());
        assertTrue(lines.contains("               (* chosen: the laws nearer the best were passed over, as noted on stderr;"
            + " all of the front in pareto.json)"), lines.toString());
    }

    @Test
    void manyGroupsPrintTheFirstTwentyAndPointToTheRunsLawFileForTheRest() {
        List<String> targets = List.of("loss", "error");
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (int g = 0; g < 25; g++) {
            values.put("family-" + g, new double[][] {{1.5, 400, 0.3}, {0.5, 7, 2}});
        }
        SearchResult many = new SearchResult(CHOSEN, evaluation(0.9875, 3),
            ParameterSet.of(CHOSEN.parameters(), targets, values), 0.99, new StartAgreement(50, 0), FRONT, List.of(), 3,
            250, 10, 2.5, SearchResult.BY_GENERATIONS, null, List.of("classic forms"), 3);
        DiscoverySummary summary = DiscoverySummary.of(data(targets, null), false, new RunDirectory(RUN), SETTINGS, many,
            Optional.empty(), null, Optional.empty());
        List<String> lines = print(summary).lines().toList();
        // a group's every target, for the first 20 groups
        assertEquals(40, lines.stream().filter(l -> l.startsWith("  family-")).count(), lines.toString());
        assertEquals("  family-19 / error: E=0.5 A=7 alpha=2", lines.get(42));
        assertEquals("  ... and 5 more groups (all of them in " + RUN.resolve("law.json") + ")", lines.get(43));
        assertEquals("train R²:      0.990000", lines.get(44));
    }

    @Test
    void oneGenerationCutShortRestartsAndUnreliableStartsAreSaidInWords() {
        List<String> targets = List.of("loss");
        DiscoverySummary summary = DiscoverySummary.of(data(targets, null), false, new RunDirectory(RUN), SETTINGS,
            result(targets, 0.99, new StartAgreement(2, 1), 1, 2, FRONT, null), Optional.of(R2.of(0.5)), null,
            Optional.empty());
        List<String> lines = print(summary).lines().toList();
        // the refit command quadruples the starts the run used
        assertEquals("               1 of 2 group fits reached their best value from one start only; evosld fit"
            + " --law-file " + RUN.resolve("law.json") + " --starts 2048 may find better ones", lines.get(6));
        assertTrue(lines.get(7).startsWith("validation R²: 0.987500 "), lines.get(7));
        assertEquals("test R²:       0.500000", lines.get(8), "no misses line without a validation RMSE or test RMSE");
        assertTrue(lines.contains("search:        1 generation (stopped by generations), 2 of 3 restarts, 250 candidates"
            + " fitted, 100/s, 2.5 s"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("references:") || l.startsWith("llm:")), lines.toString());
    }

    @Test
    void withoutATestSplitTheTestLineSaysEveryRowWasFitted() {
        List<String> targets = List.of("loss");
        DiscoverySummary summary = DiscoverySummary.of(data(targets, null), false, new RunDirectory(RUN), SETTINGS,
            result(targets, 0.99, new StartAgreement(2, 0), 3, 3, FRONT, null), Optional.empty(), null,
            Optional.empty());
        assertTrue(print(summary).contains("\ntest R²:       none (no test split: every row was used to fit the law)\n"));
        Map<String, Object> document = summary.document();
        assertTrue(document.containsKey("test_r2"));
        assertNull(document.get("test_r2"));
        assertEquals(false, document.get("test_split"));
        assertFalse(document.containsKey("test_r2_failure"));
    }

    @Test
    void aFailedTestR2SaysWhyInTextAndJson() {
        List<String> targets = List.of("loss");
        DiscoverySummary summary = DiscoverySummary.of(data(targets, null), false, new RunDirectory(RUN), SETTINGS,
            result(targets, 0.99, new StartAgreement(2, 0), 3, 3, FRONT, null),
            Optional.of(R2.failed("non-finite prediction for group 'moe'")), null, Optional.empty());
        assertTrue(print(summary).contains("\ntest R²:       failed (non-finite prediction for group 'moe')\n"));
        Map<String, Object> document = summary.document();
        assertNull(document.get("test_r2"));
        assertEquals("non-finite prediction for group 'moe'", document.get("test_r2_failure"));
        assertEquals(true, document.get("test_split"));
    }

    @Test
    void severalTargetsListParametersPerGroupAndTargetAndNameEachMiss() {
        List<String> targets = List.of("loss", "error");
        DiscoverySummary summary = DiscoverySummary.of(data(targets, null), false, new RunDirectory(RUN), SETTINGS,
            result(targets, 0.99, new StartAgreement(4, 0), 3, 3, List.of(),
                new ValidationRmse(targets, List.of(0.5, 0.000123456), 4)),
            Optional.of(R2.of(0.9)), new LinkedHashMap<>(Map.of("loss", 0.25)), Optional.empty());
        List<String> lines = print(summary).lines().toList();
        assertEquals(List.of(
            "parameters:    3 per group and target, 6 per group in all",
            "  dense / loss: E=1.5 A=400 alpha=0.3",
            "  dense / error: E=0.25 A=12345.7 alpha=1e-5",
            "  moe / loss: E=2 A=250 alpha=0.27",
            "  moe / error: E=0.5 A=7 alpha=2"), lines.subList(2, 7));
        assertEquals("               its predictions there missed loss by 0.5, error by 0.0001235 (root mean square over"
            + " 4 rows each)", lines.get(9));
        assertTrue(lines.contains("test R²:       0.900000 (missed by 0.25, root mean square)"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("pareto front:")), "no front header for an empty front");
    }

    @Test
    void theJsonDocumentHoldsTheNumbersTheTextRounds() {
        List<String> targets = List.of("loss");
        DiscoverySummary summary = DiscoverySummary.of(
            data(targets, new TaskConfig.References(0.9712, 0.99997, "paper")), false, new RunDirectory(RUN), SETTINGS, result(targets, Double.NaN, new StartAgreement(2, 1), 3, 2, FRONT,
                new ValidationRmse(targets, List.of(0.05034), 4)),
            Optional.of(R2.of(0.98123449)), Map.of("loss", 0.027153), Optional.empty());
        Map<String, Object> document = summary.document();
        assertEquals("E + A / N^alpha", document.get("law"));
        assertEquals(3, document.get("parameter_count"));
        assertNull(document.get("train_r2"), "a failed train fit is null, not NaN, which JSON cannot hold");
        assertEquals(Map.of("starts", SearchSettings.FINAL_STARTS, "group_fits", 2, "single_start_optima", 1),
            document.get("refit"));
        // in this order at every run, as a Map.of's order is not
        assertEquals(List.of("starts", "group_fits", "single_start_optima"),
            List.copyOf(((Map<?, ?>) document.get("refit")).keySet()));
        assertEquals(0.9875, (double) document.get("validation_r2"), 1e-12);
        assertEquals(Map.of("loss", 0.05034), document.get("validation_rmse"));
        assertEquals("top_values=1", document.get("holdout"));
        assertEquals(0.98123449, document.get("test_r2"));
        assertEquals(0.9712, document.get("human_r2"));
        assertEquals(0.99997, document.get("leaderboard_r2"));
        assertEquals(2, document.get("restarts"));
        assertEquals(3, document.get("planned_restarts"));
        assertEquals(100.0, document.get("candidates_per_second"));
        assertEquals(RUN.toString(), document.get("run_dir"));
        List<?> front = (List<?>) document.get("pareto_front");
        assertEquals(2, front.size());
        assertEquals(false, ((Map<?, ?>) front.get(0)).get("chosen"));
        assertEquals(true, ((Map<?, ?>) front.get(1)).get("chosen"));
        assertEquals("E + A / N^alpha", ((Map<?, ?>) front.get(1)).get("law"));
    }

    @Test
    void theJsonHoldoutIsTheCrossValidationUsedWhenNoHoldoutAlongTheAxisLeftEnoughRuns() {
        // six sizes per group, the top five held out: one size is left to fit on, so cross-validation is used, and
        // the JSON names the folds the text says it was made of (as --holdout takes them), of which two were graded
        List<String> targets = List.of("loss");
        DiscoverySummary summary = DiscoverySummary.of(data(targets, null, new TaskConfig.Holdout.TopValues(5, 0)), false,
            new RunDirectory(RUN), SETTINGS, result(targets, 0.99, new StartAgreement(2, 0), 3, 3, FRONT, null),
            Optional.empty(), null, Optional.empty());
        assertTrue(print(summary).contains("(inside train, 5-fold cross-validation, as no holdout along N left enough"
            + " runs to fit on and held out runs whose targets differ (2 of the 5 folds graded; the others held out no runs, or runs R² cannot grade))"),
            print(summary));
        assertEquals("folds=5", summary.document().get("holdout"));
    }

    @Test
    void aUsersLawImplausibleAlongAFeatureNoCheckPushedIsSaidWithTheOptionsThatCheckIt() {
        // a grid of three sizes and three token counts, validated along N alone (a user's default)
        List<String> features = List.of("N", "D");
        List<String> targets = List.of("loss");
        TaskConfig config = new TaskConfig("runs", "A user's own runs.", List.of(new TaskConfig.Feature("N", "size"),
            new TaskConfig.Feature("D", "tokens")), targets, 4, List.of("N"), new TaskConfig.Holdout.TopValues(1, 0),
            null, Map.of(), null, null);
        double[] n = {1, 1, 1, 2, 2, 2, 3, 3, 3};
        double[] d = {1, 2, 3, 1, 2, 3, 1, 2, 3};
        double[] loss = new double[n.length];
        for (int r = 0; r < n.length; r++) {
            loss[r] = 2 + 1 / n[r] + 1 / d[r];
        }
        Table train = new Table(features, targets, List.of(Group.of("all", new double[][] {n, d}, new double[][] {loss})));
        TaskData data = new TaskData(config, new Train(train), Optional.empty());
        // -0.09 at the largest D, -0.36 at 2×, -9 at 10×
        Law plunging = Law.parse("E + A / N - C * D^2", features);
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("all", new double[][] {{2, 1, 0.01}});
        SearchResult result = new SearchResult(plunging, evaluation(0.99, 3),
            ParameterSet.of(plunging.parameters(), targets, values), 0.99, new StartAgreement(1, 0),
            List.of(new FrontLaw(plunging, evaluation(0.99, 3), 0.0)), List.of(), 3, 250, 10, 2.5,
            SearchResult.BY_GENERATIONS, null, List.of("classic forms"), 3);
        String why = "implausible at 10× the largest D: -6.000 outside [1.333, 5.333]";

        DiscoverySummary own = DiscoverySummary.of(data, true, new RunDirectory(RUN), SETTINGS, result,
            Optional.empty(), null, Optional.empty());
        assertTrue(print(own).contains("\nunchecked:     beyond the data in D, which validation never pushed, the law"
            + " fails the check of a scale axis (" + why + "); if runs grow along D, --scale-axis or --falls-with naming"
            + " it has laws checked there\ntest R²: "), print(own));
        assertEquals(Map.of("D", why), own.document().get("unchecked_beyond_data"));

        // an SLDBench task's config chose its checks
        DiscoverySummary task = DiscoverySummary.of(data, false, new RunDirectory(RUN), SETTINGS, result,
            Optional.empty(), null, Optional.empty());
        assertFalse(print(task).contains("unchecked"), print(task));
        assertEquals(Map.of(), task.document().get("unchecked_beyond_data"));
    }
}
