package dev.evosld.search;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.fit.TargetFit;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        return scored(law, validate(law, hints));
    }

    /** The law's score and, unless it fails, how far its validation predictions missed in the targets' units. */
    ExtrapolationCheck.Judgement judge(Law law, Map<String, Double> hints) {
        return judgement(law, validate(law, hints));
    }

    /**
     * The law's score and misses as {@link #judge(Law, Map)} gives them, each fold's fit also started from
     * {@code start} (values per group and target, say the law's fit on all of train; null for none) and spread over
     * {@code threads} threads.
     */
    ExtrapolationCheck.Judgement judge(Law law, ParameterSet start, int threads) {
        ParameterSet usable = law.parameterCount() == 0 ? null : start;
        return judgement(law, validate(law, fold -> usable, threads));
    }

    private static ExtrapolationCheck.Judgement judgement(Law law, Folds folds) {
        return new ExtrapolationCheck.Judgement(scored(law, folds).evaluation(),
            folds.failure() == null ? ValidationRmse.of(folds.predictions()) : null);
    }

    /** How far the validation predictions behind a law's errors, as this scorer scored it, missed in the targets' units. */
    ValidationRmse rmse(ValidationErrors errors) {
        return ValidationRmse.of(plan, targets, errors);
    }

    /** Each fold's predictions of its validation rows and their R², or the first reason a fold fails the law. */
    private record Folds(List<Predictions> predictions, List<R2> scores, Map<String, Double> fitted, String failure) {
        static Folds failed(String failure) {
            return new Folds(List.of(), List.of(), Map.of(), failure);
        }
    }

    private Folds validate(Law law, Map<String, Double> hints) {
        // one thread: the search fits its candidates side by side
        return validate(law, fold -> hintSet(law, fold, hints), 1);
    }

    /** @param starts each fold's extra start values per group and target, or null */
    private Folds validate(Law law, Function<ValidationPlan.Fold, ParameterSet> starts, int threads) {
        Map<String, Double> fitted = Map.of();
        List<Predictions> predictions = new ArrayList<>();
        List<R2> scores = new ArrayList<>();
        for (ValidationPlan.Fold fold : plan.folds()) {
            FittedLaw fit = FittedLaw.fit(law, fold.fit(), options, threads, starts.apply(fold));
            if (fit.failure().isPresent()) {
                TargetFit failed = fit.failure().get();
                return Folds.failed(TargetNote.prefix(fit.targets(), failed.target()) + failed.failure());
            }
            ParameterSet values = fit.parameters();
            String implausible = probe.check(law, fold.fit(), values);
            if (implausible != null) {
                return Folds.failed(implausible);
            }
            if (fitted.isEmpty() && !fit.fits().isEmpty()) {
                fitted = named(law, fit.fits().getFirst().parameters());
            }
            Predictions predicted = Predictions.of(law, fold.validation(), values);
            R2 r2 = predicted.r2();
            if (r2.isFailure()) {
                return Folds.failed("validation: " + r2.failure());
            }
            predictions.add(predicted);
            scores.add(r2);
        }
        return new Folds(predictions, scores, fitted, null);
    }

    private static Scored scored(Law law, Folds folds) {
        int parameters = law.parameterCount();
        int nodes = law.expr().size();
        if (folds.failure() != null) {
            return Scored.failed(folds.failure(), parameters, nodes);
        }
        int count = folds.scores().size();
        double error = 0;
        List<double[]> segments = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            error += (1 - folds.scores().get(f).value()) / count;
            Predictions predicted = folds.predictions().get(f);
            for (int t = 0; t < predicted.actual().size(); t++) {
                segments.add(ValidationErrors.contributions(predicted.actual().get(t), predicted.predicted().get(t)));
            }
        }
        ValidationErrors errors = ValidationErrors.of(segments);
        return new Scored(new Evaluation(error, errors.standardError(), parameters, nodes, folds.fitted(), null), errors);
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
