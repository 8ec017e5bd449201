package dev.evosld.cli;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.R2;
import dev.evosld.fit.StartAgreement;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.ParetoEntry;
import dev.evosld.search.SearchResult;
import dev.evosld.search.SearchSettings;
import dev.evosld.search.UncheckedFeatures;
import dev.evosld.search.ValidationPlan;
import dev.evosld.search.ValidationRmse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code discover} prints when its run is done: a readable summary, or one JSON document with {@code --json}.
 * A run just searched knows its pace too; a finished run shown again from its files ({@link FinishedRun}) does not,
 * and prints the same summary without those lines.
 *
 * @param data the run's data, whose train rows the validation scheme is described by
 * @param pace what only the search that just ended knows; empty for a run shown from its files
 */
record DiscoverySummary(TaskData data, RunDirectory run, Outcome outcome, Optional<Pace> pace) {
    /** Why a run without a test split has no test R². */
    static final String FIT_ON_EVERY_ROW = "every row was used to fit the law";
    /** The most Pareto-front laws the summary lists. */
    private static final int FRONT_LINES = 6;

    /**
     * What a run found, as its result has it or as its files keep it.
     *
     * @param trainR2 null where the law failed on train
     * @param validationR2 null where the law failed validation
     * @param validationRmse null where the law was not scored on validation rows
     * @param test the law's R² on test; empty when the data has no test split
     * @param testRmse its root mean squared error on test, per target; null without a test split
     * @param refit how the starts of the law's refit on all of train agreed; null for a run whose files predate it
     * @param unchecked per feature of a user's runs that no check pushed beyond the data, why the law is implausible
     *     there ({@link UncheckedFeatures}); empty for an SLDBench task, whose config chose what to check
     */
    record Outcome(String law, int parameterCount, ParameterSet parameters, Double trainR2, Double validationR2,
                   ValidationRmse validationRmse, Optional<R2> test, Map<String, Double> testRmse, long seed,
                   int generations, String stoppedBy, Integer restarts, Integer plannedRestarts, List<String> proposers,
                   List<ParetoEntry> front, LawDocument.Refit refit, Map<String, String> unchecked) {
        Outcome {
            unchecked = Collections.unmodifiableMap(new LinkedHashMap<>(unchecked));
        }
    }

    /**
     * What only the search that just ended knows: how fast it went.
     *
     * @param llmLine the LLM's usage in one line, when an endpoint was configured
     */
    record Pace(long candidatesFitted, double candidatesPerSecond, long cacheHits, double seconds,
                Optional<String> llmLine) {
    }

    /**
     * The summary of a search that just ended.
     *
     * @param settings the settings the run searched with (a resumed run's come from its checkpoint)
     * @param ownRuns whether the data is a user's CSV rather than an SLDBench task
     */
    static DiscoverySummary of(TaskData data, boolean ownRuns, RunDirectory run, SearchSettings settings,
                               SearchResult result, Optional<R2> test, Map<String, Double> testRmse,
                               Optional<String> llmLine) {
        Outcome outcome = new Outcome(result.law().toString(), result.law().parameterCount(), result.parameters(),
            finite(result.trainR2()), finite(result.evaluation().validationR2()),
            result.validationRmse(), test, testRmse, settings.seed(), result.generations(), result.stoppedBy(),
            result.restarts(), settings.restarts(), result.proposers(), ParetoEntry.of(result),
            new LawDocument.Refit(settings.finalStarts(), result.refitAgreement().fits(),
                result.refitAgreement().singleStart()),
            unchecked(data, ownRuns, result.law(), result.parameters()));
        Pace pace = new Pace(result.candidatesFitted(), result.candidatesPerSecond(), result.cacheHits(),
            result.seconds(), llmLine);
        return new DiscoverySummary(data, run, outcome, Optional.of(pace));
    }

    void print(PrintWriter out) {
        TaskConfig config = data.config();
        out.println("task:          " + config.name());
        out.println("law:           " + outcome.law());
        out.println("parameters:    " + Output.parameterCount(outcome.parameterCount(), config.targets().size()));
        FitCommand.printParameters(out, outcome.parameters(), config.targets(), "all of them in " + run.lawFile());
        out.println("train R²:      " + text(outcome.trainR2()));
        Optional.ofNullable(outcome.refit()).flatMap(r -> Output.startAgreement(
                new StartAgreement(r.groupFits(), r.singleStartOptima()),
                "evosld fit --law-file " + run.lawFile() + " --starts " + 4 * r.starts()))
            .ifPresent(note -> out.println("               " + note));
        out.printf(Locale.ROOT, "validation R²: %s (inside train, %s)%n", text(outcome.validationR2()),
            Output.validationScheme(config, ValidationPlan.of(config, data.train(), 0)));
        if (outcome.validationRmse() != null) {
            out.println("               " + Output.validationMisses(outcome.validationRmse(), outcome.validationR2()));
        }
        outcome.unchecked().forEach((feature, why) -> out.println("unchecked:     " + Output.unchecked(feature, why)));
        out.println("test R²:       " + Output.testR2(outcome.test(), FIT_ON_EVERY_ROW)
            + Output.testMisses(outcome.testRmse()));
        if (config.references() != null) {
            out.println("references:    human law " + Output.published(config.references().humanR2())
                + ", leaderboard best " + Output.published(config.references().leaderboardR2()));
        }
        List<String> front = FrontLines.of(outcome.front(), FRONT_LINES);
        if (!front.isEmpty()) {
            out.println("pareto front:  validation R², parameters, standard errors behind the best, law");
            out.println("               " + FrontLines.legend(outcome.front()));
            front.forEach(out::println);
        }
        out.printf(Locale.ROOT, "search:        %d generation%s (stopped by %s)%s%s%n",
            outcome.generations(), outcome.generations() == 1 ? "" : "s", outcome.stoppedBy(),
            outcome.restarts() != null && outcome.plannedRestarts() != null
                && outcome.restarts() < outcome.plannedRestarts()
                ? ", " + outcome.restarts() + " of " + outcome.plannedRestarts() + " restarts" : "",
            pace.map(p -> String.format(Locale.ROOT, ", %d candidates fitted, %.0f/s, %.1f s",
                p.candidatesFitted(), p.candidatesPerSecond(), p.seconds())).orElse(""));
        pace.flatMap(Pace::llmLine).ifPresent(line -> out.println("llm:           " + line));
        out.println("run directory: " + run.path());
        out.flush();
    }

    /** The JSON document; the caller adds the {@code llm} object. */
    Map<String, Object> document() {
        TaskConfig config = data.config();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task", config.name());
        document.put("law", outcome.law());
        document.put("parameter_count", outcome.parameterCount());
        document.put("parameters", outcome.parameters().toMap());
        document.put("train_r2", outcome.trainR2());
        if (outcome.refit() != null) {
            // in the order written at every run, which a Map.of's is not
            Map<String, Object> refit = new LinkedHashMap<>();
            refit.put("starts", outcome.refit().starts());
            refit.put("group_fits", outcome.refit().groupFits());
            refit.put("single_start_optima", outcome.refit().singleStartOptima());
            document.put("refit", refit);
        }
        document.put("validation_r2", outcome.validationR2());
        document.put("validation_rmse", outcome.validationRmse() == null ? null : outcome.validationRmse().byTarget());
        document.put("holdout", Output.holdoutUsed(config, ValidationPlan.of(config, data.train(), 0)));
        document.put("unchecked_beyond_data", outcome.unchecked());
        Output.putTestR2(document, outcome.test());
        document.put("test_rmse", outcome.testRmse());
        if (config.references() != null) {
            document.put("human_r2", config.references().humanR2());
            document.put("leaderboard_r2", config.references().leaderboardR2());
        }
        document.put("seed", outcome.seed());
        document.put("generations", outcome.generations());
        document.put("stopped_by", outcome.stoppedBy());
        document.put("restarts", outcome.restarts());
        document.put("planned_restarts", outcome.plannedRestarts());
        document.put("proposers", outcome.proposers());
        pace.ifPresent(p -> {
            document.put("candidates_fitted", p.candidatesFitted());
            document.put("candidates_per_second", p.candidatesPerSecond());
            document.put("cache_hits", p.cacheHits());
            document.put("seconds", p.seconds());
        });
        document.put("run_dir", run.path().toString());
        List<Map<String, Object>> front = new ArrayList<>();
        outcome.front().forEach(e -> front.add(Json.mapper().convertValue(e, Map.class)));
        document.put("pareto_front", front);
        return document;
    }

    /**
     * Where a user's law is implausible along features no check pushed, which the user can name to have them checked;
     * an SLDBench task's config chose its checks, and nothing is said of the others.
     */
    static Map<String, String> unchecked(TaskData data, boolean ownRuns, Law law, ParameterSet values) {
        return ownRuns ? UncheckedFeatures.implausible(data.config(), data.train().table(), law, values) : Map.of();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String text(Double r2) {
        return r2 == null || !Double.isFinite(r2) ? "failed" : R2.text(r2);
    }
}
