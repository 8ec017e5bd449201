package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.Predictions;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateScorerTest {
    private static final FitOptions OPTIONS = FitOptions.defaults().withStarts(2).withSeed(5);
    private static final Law POWER_LAW = Law.parse("A*N^a*D^b", SyntheticTask.FEATURES);

    private static ValidationPlan plan() {
        return ValidationPlan.of(SyntheticTask.config(), SyntheticTask.train(), 0);
    }

    private static CandidateScorer scorer() {
        TaskConfig config = SyntheticTask.config();
        return new CandidateScorer(plan(), OPTIONS, config.targets(), ExtrapolationProbe.of(config));
    }

    @Test
    void aFoldFitThatFailsNamesTheTargetWhenTheTaskHasSeveral() {
        // no parameter makes log(-N) finite, so every fold's first fit fails; with two targets that is loss's
        Law law = Law.parse("A*log(-N)", SyntheticTask.FEATURES);
        String one = scorer().score(law, Map.of()).evaluation().failure();
        assertTrue(one != null && one.startsWith("no start gave finite predictions"), one);
        List<Group> groups = SyntheticTask.train().table().groups().stream()
            .map(g -> Group.of(g.name(), new double[][] {g.feature(0), g.feature(1)},
                new double[][] {g.target(0), g.target(0)})).toList();
        Table two = new Table(SyntheticTask.FEATURES, List.of("loss", "acc"), groups);
        TaskConfig config = new TaskConfig("two", "two targets", SyntheticTask.config().features(),
            List.of("loss", "acc"), 5, List.of("N"), new TaskConfig.Holdout.TopValues(1, 0), null, Map.of(), null, null);
        String both = CandidateScorer.of(config, new Train(two), SearchSettings.defaults()).score(law, Map.of())
            .evaluation().failure();
        assertTrue(both != null && both.startsWith("target 'loss': no start gave finite predictions"), both);
    }

    @Test
    void theValidationErrorIsTheMeanOfTheFoldsErrors() {
        ValidationPlan plan = plan();
        // without a floor the law extrapolates worse from the lower origin
        Law law = POWER_LAW;
        List<Double> errors = new ArrayList<>();
        for (ValidationPlan.Fold fold : plan.folds()) {
            FittedLaw fit = FittedLaw.fit(law, fold.fit(), OPTIONS, 1, null);
            errors.add(1 - Predictions.of(law, fold.validation(), fit.parameters()).r2().value());
        }
        assertEquals(2, errors.size());
        assertTrue(Math.abs(errors.get(0) - errors.get(1)) > 1e-3, "the folds differ: " + errors);

        Evaluation evaluation = scorer().score(law, Map.of()).evaluation();
        assertEquals((errors.get(0) + errors.get(1)) / 2, evaluation.validationError(), 1e-12);
    }

    @Test
    void aJudgementScoresAsTheSearchDoesAndMeasuresTheMissesInTheTargetsUnits() {
        CandidateScorer scorer = scorer();
        Law law = POWER_LAW;
        double squares = 0;
        int rows = 0;
        for (ValidationPlan.Fold fold : plan().folds()) {
            Predictions predictions = Predictions.of(law, fold.validation(),
                FittedLaw.fit(law, fold.fit(), OPTIONS, 1, null).parameters());
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
        CandidateScorer scorer = scorer();
        Law law = POWER_LAW;

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
