package dev.evosld.cli;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.R2;
import dev.evosld.json.Json;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.ParetoEntry;
import dev.evosld.search.SearchResult;
import dev.evosld.search.SearchSettings;
import dev.evosld.search.ValidationPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code discover} prints when its run is done: a readable summary, or one JSON document with {@code --json}.
 *
 * @param data the run's data, whose train rows the validation scheme is described by
 * @param settings the settings the run searched with (a resumed run's come from its checkpoint)
 * @param test the chosen law's R² on test; empty when the data has no test split
 * @param testRmse its root mean squared error on test, per target; null without a test split
 * @param llmLine the LLM's usage in one line, when an endpoint was configured
 */
record DiscoverySummary(TaskData data, RunDirectory run, SearchSettings settings, SearchResult result,
                        Optional<R2> test, Map<String, Double> testRmse, Optional<String> llmLine) {
    /** Why a run without a test split has no test R². */
    static final String FIT_ON_EVERY_ROW = "every row was used to fit the law";
    /** The most Pareto-front laws the summary lists. */
    private static final int FRONT_LINES = 6;

    void print(PrintWriter out) {
        TaskConfig config = data.config();
        out.println("task:          " + config.name());
        out.println("law:           " + result.law());
        out.println("parameters:    " + result.law().parameterCount() + " per group"
            + (config.targets().size() > 1 ? " and target" : ""));
        FitCommand.printParameters(out, result.parameters(), config.targets(), "all of them in " + run.lawFile());
        out.println("train R²:      " + R2.text(result.trainR2()));
        String refit = "evosld fit --law-file " + run.lawFile() + " --starts " + 4 * settings.finalStarts();
        Output.startAgreement(result.refitAgreement(), refit).ifPresent(note -> out.println("               " + note));
        out.printf(Locale.ROOT, "validation R²: %s (inside train, %s)%n", R2.text(result.evaluation().validationR2()),
            Output.validationScheme(config, ValidationPlan.of(config, data.train(), 0)));
        if (result.validationRmse() != null) {
            out.println("               " + Output.validationMisses(result.validationRmse()));
        }
        out.println("test R²:       " + Output.testR2(test, FIT_ON_EVERY_ROW) + Output.testMisses(testRmse));
        if (config.references() != null) {
            out.println("references:    human law " + Output.published(config.references().humanR2())
                + ", leaderboard best " + Output.published(config.references().leaderboardR2()));
        }
        List<String> front = FrontLines.of(ParetoEntry.of(result), FRONT_LINES);
        if (!front.isEmpty()) {
            out.println("pareto front:  validation R², parameters, standard errors behind the best, law");
            out.println("               (* chosen: the simplest law at most 1 behind; all of the front in pareto.json)");
            front.forEach(out::println);
        }
        out.printf(Locale.ROOT, "search:        %d generation%s (stopped by %s)%s, %d candidates fitted, %.0f/s, %.1f s%n",
            result.generations(), result.generations() == 1 ? "" : "s", result.stoppedBy(),
            result.restarts() < settings.restarts()
                ? ", " + result.restarts() + " of " + settings.restarts() + " restarts" : "",
            result.candidatesFitted(), result.candidatesPerSecond(), result.seconds());
        llmLine.ifPresent(line -> out.println("llm:           " + line));
        out.println("run directory: " + run.path());
        out.flush();
    }

    /** The JSON document; the caller adds the {@code llm} object. */
    Map<String, Object> document() {
        TaskConfig config = data.config();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task", config.name());
        document.put("law", result.law().toString());
        document.put("parameter_count", result.law().parameterCount());
        document.put("parameters", result.parameters().toMap());
        document.put("train_r2", Double.isFinite(result.trainR2()) ? result.trainR2() : null);
        document.put("refit", Map.of("starts", settings.finalStarts(), "group_fits", result.refitAgreement().fits(),
            "single_start_optima", result.refitAgreement().singleStart()));
        document.put("validation_r2", result.evaluation().validationR2());
        document.put("validation_rmse", result.validationRmse() == null ? null : result.validationRmse().byTarget());
        document.put("holdout", Output.holdoutUsed(config, ValidationPlan.of(config, data.train(), 0)));
        Output.putTestR2(document, test);
        document.put("test_rmse", testRmse);
        if (config.references() != null) {
            document.put("human_r2", config.references().humanR2());
            document.put("leaderboard_r2", config.references().leaderboardR2());
        }
        document.put("seed", settings.seed());
        document.put("generations", result.generations());
        document.put("stopped_by", result.stoppedBy());
        document.put("restarts", result.restarts());
        document.put("planned_restarts", settings.restarts());
        document.put("proposers", result.proposers());
        document.put("candidates_fitted", result.candidatesFitted());
        document.put("candidates_per_second", result.candidatesPerSecond());
        document.put("cache_hits", result.cacheHits());
        document.put("seconds", result.seconds());
        document.put("run_dir", run.path().toString());
        List<Map<String, Object>> front = new ArrayList<>();
        ParetoEntry.of(result).forEach(e -> front.add(Json.mapper().convertValue(e, Map.class)));
        document.put("pareto_front", front);
        return document;
    }
}
