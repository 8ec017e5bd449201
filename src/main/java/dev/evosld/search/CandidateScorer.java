package dev.evosld.search;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a candidate by extrapolation inside train: fits it on each fold's fit rows (per group and target)
 * and scores its predictions on that fold's validation rows with SLDBench's R². The candidate's validation
 * error is the mean of its folds' 1 − R², each fold weighted alike whatever its row count (pooling the rows
 * would let the fold with most rows speak for all). A fold that fails (no fit, a non-finite prediction, a
 * turn beyond the data) fails the candidate. Thread-safe.
 */
final class CandidateScorer {
    /** How far beyond the largest scale-axis value the probe evaluates a fitted law. */
    static final double[] PROBE_FACTORS = {2, 10};

    private final ValidationPlan plan;
    private final FitOptions options;
    private final List<String> targets;
    private final ExtrapolationProbe probe;

    /** L-BFGS-B iterations per start during the search: enough to rank candidates, not to polish them. */
    private static final int VALIDATION_ITERATIONS = 200;

    /** The scorer a search with these settings uses. */
    static CandidateScorer of(TaskConfig config, Train train, SearchSettings settings) {
        FitOptions fitOptions = FitOptions.defaults().withStarts(settings.validationStarts()).withSeed(settings.seed())
            .withMaxIterations(VALIDATION_ITERATIONS);
        return new CandidateScorer(ValidationPlan.of(config, train, settings.seed()), fitOptions, config.targets(),
            ExtrapolationProbe.of(config));
    }

    CandidateScorer(ValidationPlan plan, FitOptions options, List<String> targets, ExtrapolationProbe probe) {
        this.plan = plan;
        this.options = options;
        this.targets = List.copyOf(targets);
        this.probe = probe;
    }

    /**
     * A candidate's score and the per-row errors behind it.
     *
     * @param errors null exactly when the evaluation failed
     */
    record Scored(Evaluation evaluation, ValidationErrors errors) {

        static Scored failed(String failure, int parameterCount, int nodeCount) {
            return new Scored(Evaluation.failed(failure, parameterCount, nodeCount), null);
        }
    }

    /**
     * @param hints known values of some parameters (by name), tried as the first start
     */
    Scored score(Law law, Map<String, Double> hints) {
        int parameters = law.parameterCount();
        int nodes = law.expr().size();
        Map<String, Double> fitted = Map.of();
        int folds = plan.folds().size();
        double error = 0;
        List<double[]> segments = new ArrayList<>();
        for (ValidationPlan.Fold fold : plan.folds()) {
            FittedLaw fit = FittedLaw.fit(law, fold.fit(), options, 1, hintSet(law, fold, hints));
            if (fit.failure().isPresent()) {
                return Scored.failed(fit.failure().get().failure(), parameters, nodes);
            }
            ParameterSet values = fit.parameters();
            String implausible = probe.check(law, fold.fit(), values);
            if (implausible != null) {
                return Scored.failed(implausible, parameters, nodes);
            }
            if (fitted.isEmpty() && !fit.fits().isEmpty()) {
                fitted = named(law, fit.fits().getFirst().parameters());
            }
            Predictions predictions = Predictions.of(law, fold.validation(), values);
            R2 r2 = R2.score(predictions.actual(), predictions.predicted());
            if (r2.isFailure()) {
                return Scored.failed("validation: " + r2.failure(), parameters, nodes);
            }
            error += (1 - r2.value()) / folds;
            for (int t = 0; t < predictions.actual().size(); t++) {
                segments.add(ValidationErrors.contributions(predictions.actual().get(t), predictions.predicted().get(t)));
            }
        }
        ValidationErrors errors = ValidationErrors.of(segments);
        return new Scored(new Evaluation(error, errors.standardError(), parameters, nodes, fitted, null), errors);
    }

    private ParameterSet hintSet(Law law, ValidationPlan.Fold fold, Map<String, Double> hints) {
        if (hints.isEmpty() || law.parameterCount() == 0) {
            return null;
        }
        double[] values = new double[law.parameterCount()];
        for (int k = 0; k < values.length; k++) {
            values[k] = hints.getOrDefault(law.parameters().get(k), Double.NaN);
        }
        Map<String, double[][]> perGroup = new LinkedHashMap<>();
        fold.fit().groups().forEach(group -> {
            double[][] perTarget = new double[targets.size()][];
            Arrays.fill(perTarget, values);
            perGroup.put(group.name(), perTarget);
        });
        return ParameterSet.of(law.parameters(), targets, perGroup);
    }

    private static Map<String, Double> named(Law law, double[] values) {
        Map<String, Double> named = new HashMap<>();
        for (int k = 0; k < values.length; k++) {
            named.put(law.parameters().get(k), values[k]);
        }
        return named;
    }

}
