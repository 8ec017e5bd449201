package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskConfig;
import dev.evosld.eval.Predictions;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateScorerTest {

    @Test
    void theValidationErrorIsTheMeanOfTheFoldsErrors() {
        TaskConfig config = SyntheticTask.config();
        ValidationPlan plan = ValidationPlan.of(config, SyntheticTask.train(), 0);
        FitOptions options = FitOptions.defaults().withStarts(2).withSeed(5);
        // without a floor the law extrapolates worse from the lower origin
        Law law = Law.parse("A*N^a*D^b", SyntheticTask.FEATURES);
        List<Double> errors = new ArrayList<>();
        for (ValidationPlan.Fold fold : plan.folds()) {
            FittedLaw fit = FittedLaw.fit(law, fold.fit(), options, 1, null);
            errors.add(1 - Predictions.of(law, fold.validation(), fit.parameters()).r2().value());
        }
        assertEquals(2, errors.size());
        assertTrue(Math.abs(errors.get(0) - errors.get(1)) > 1e-3, "the folds differ: " + errors);

        Evaluation evaluation = new CandidateScorer(plan, options, config.targets(), ExtrapolationProbe.of(config))
            .score(law, Map.of()).evaluation();
        assertEquals((errors.get(0) + errors.get(1)) / 2, evaluation.validationError(), 1e-12);
    }

    @Test
    void aJudgementScoresAsTheSearchDoesAndMeasuresTheMissesInTheTargetsUnits() {
        TaskConfig config = SyntheticTask.config();
        ValidationPlan plan = ValidationPlan.of(config, SyntheticTask.train(), 0);
        FitOptions options = FitOptions.defaults().withStarts(2).withSeed(5);
        CandidateScorer scorer = new CandidateScorer(plan, options, config.targets(), ExtrapolationProbe.of(config));
        Law law = Law.parse("A*N^a*D^b", SyntheticTask.FEATURES);
        double squares = 0;
        int rows = 0;
        for (ValidationPlan.Fold fold : plan.folds()) {
            Predictions predictions = Predictions.of(law, fold.validation(),
                FittedLaw.fit(law, fold.fit(), options, 1, null).parameters());
            double[] actual = predictions.actual().getFirst();
            for (int r = 0; r < actual.length; r++) {
                double miss = actual[r] - predictions.predicted().getFirst()[r];
                squares += miss * miss;
            }
            rows += actual.length;
        }

        ExtrapolationCheck.Judgement judgement = scorer.judge(law, Map.of());

        assertEquals(scorer.score(law, Map.of()).evaluation(), judgement.evaluation());
        assertEquals(rows, judgement.rmse().rows());
        assertEquals(Math.sqrt(squares / rows), judgement.rmse().rootMeanSquaredErrors().getFirst(), 1e-15);
    }

    @Test
    void theMissesBehindAScoredLawsErrorsAreThoseOfItsOwnFoldFits() {
        TaskConfig config = SyntheticTask.config();
        ValidationPlan plan = ValidationPlan.of(config, SyntheticTask.train(), 0);
        FitOptions options = FitOptions.defaults().withStarts(2).withSeed(5);
        CandidateScorer scorer = new CandidateScorer(plan, options, config.targets(), ExtrapolationProbe.of(config));
        Law law = Law.parse("A*N^a*D^b", SyntheticTask.FEATURES);

        ValidationRmse fromErrors = scorer.rmse(scorer.score(law, Map.of()).errors());

        ValidationRmse fromPredictions = scorer.judge(law, Map.of()).rmse();
        assertEquals(fromPredictions.rows(), fromErrors.rows());
        assertEquals(fromPredictions.targets(), fromErrors.targets());
        double expected = fromPredictions.rootMeanSquaredErrors().getFirst();
        assertEquals(expected, fromErrors.rootMeanSquaredErrors().getFirst(), 1e-12 * expected);
    }

    @Test
    void aLawThatFailsValidationHasNoMisses() {
        TaskConfig config = SyntheticTask.config();
        CandidateScorer scorer = CandidateScorer.of(config, SyntheticTask.train(), SearchSettings.defaults());
        // a parabola in N shoots up past the largest model, which the probe rejects
        ExtrapolationCheck.Judgement judgement = scorer.judge(
            Law.parse("c + b*N + a*N^2 + B*D^(-b2)", SyntheticTask.FEATURES), Map.of());
        assertTrue(judgement.evaluation().isFailure());
        assertNull(judgement.rmse());
    }
}
