package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtrapolationCheckTest {

    @Test
    void theTrueLawExtrapolatesInsideTrain() {
        Evaluation evaluation = ExtrapolationCheck.of(SyntheticTask.config(), SyntheticTask.train(),
            Law.parse("E + A*N^(-a) + B*D^(-b)", SyntheticTask.FEATURES), 0);
        assertFalse(evaluation.isFailure(), evaluation.failure());
        assertTrue(evaluation.validationR2() > 0.999, "validation R² " + evaluation.validationR2());
        assertEquals(5, evaluation.parameterCount());
    }

    @Test
    void agreesWithTheSearchsOwnScore() {
        Law law = Law.parse("E + A*N^(-a)", SyntheticTask.FEATURES);
        SearchSettings settings = SearchSettings.defaults().withSeed(3);
        Evaluation search = CandidateScorer.of(SyntheticTask.config(), SyntheticTask.train(), settings)
            .score(law, Map.of()).evaluation();
        Evaluation check = ExtrapolationCheck.of(SyntheticTask.config(), SyntheticTask.train(), law, 3);
        assertEquals(search.validationError(), check.validationError(), 0.0);
        assertTrue(check.validationR2() < 0.9, "without D the law misses most of the variance: " + check.validationR2());
    }

    @Test
    void aLawThatRunsAwayBeyondTheDataFails() {
        // a parabola in N fits the curvature of a power law and shoots up past the largest model
        Evaluation evaluation = ExtrapolationCheck.of(SyntheticTask.config(), SyntheticTask.train(),
            Law.parse("c + b*N + a*N^2 + B*D^(-b2)", SyntheticTask.FEATURES), 0);
        assertTrue(evaluation.isFailure(), "validation R² " + evaluation.validationR2());
        assertTrue(evaluation.failure().startsWith("implausible at 2× the largest N"), evaluation.failure());
    }

    @Test
    void aFitsFoldsStartedFromItsValuesOnAllOfTrainValidateALawTheSearchsStartsMiss() {
        // loss = 2 + 1.5 exp(-N / 5e8) exactly: exp(N/k) overflows at every typical k, so none of the search's
        // six generic starts gives the folds a finite fit; from the values fitted on all of train, each fold finds
        // the law again
        double[] sizes = {1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10};
        double[] loss = java.util.Arrays.stream(sizes).map(n -> 2 + 1.5 * Math.exp(-n / 5e8)).toArray();
        Train train = new Train(new Table(List.of("N"), List.of("loss"),
            List.of(Group.of("all", new double[][] {sizes}, new double[][] {loss}))));
        TaskConfig config = new TaskConfig("saturating", "a law that is exponential in N",
            List.of(new TaskConfig.Feature("N", "parameters")), List.of("loss"), 3, List.of("N"),
            new TaskConfig.Holdout.TopValues(1, 0), null, Map.of(), null, null);
        Law law = Law.parse("E + A*exp(N/k)", List.of("N"));
        FitOptions options = FitOptions.defaults().withStarts(32);
        FittedLaw fitted = FittedLaw.fit(law, train.table(), options, 1, null);

        ExtrapolationCheck.Judgement quick = ExtrapolationCheck.judge(config, train, law, 0);
        ExtrapolationCheck.Judgement thorough = ExtrapolationCheck.judgeFitted(config, train, law, options,
            fitted.parameters(), 2);

        assertTrue(quick.evaluation().failure().startsWith("no start gave finite predictions"),
            quick.evaluation().failure());
        assertFalse(thorough.evaluation().isFailure(), thorough.evaluation().failure());
        assertEquals(1.0, thorough.evaluation().validationR2(), 1e-9);
        assertTrue(thorough.rmse().byTarget().get("loss") < 1e-6, thorough.rmse().byTarget().toString());
        assertTrue(thorough.differsFrom(quick));
        assertTrue(quick.differsFrom(thorough));
    }

    @Test
    void withTheSearchsOptionsAndNoStartAFitsJudgementIsTheSearchs() {
        Law law = Law.parse("E + A*N^(-a) + B*D^(-b)", SyntheticTask.FEATURES);
        FitOptions search = FitOptions.defaults().withStarts(SearchSettings.defaults().validationStarts()).withSeed(3)
            .withMaxIterations(200);
        ExtrapolationCheck.Judgement fit = ExtrapolationCheck.judgeFitted(SyntheticTask.config(), SyntheticTask.train(),
            law, search, null, 2);
        ExtrapolationCheck.Judgement check = ExtrapolationCheck.judge(SyntheticTask.config(), SyntheticTask.train(), law, 3);

        assertEquals(check.evaluation(), fit.evaluation());
        assertFalse(fit.differsFrom(check));
    }

    @Test
    void verdictsDifferWhenOneFailsOrTheirErrorsAreFurtherApartThanTheStandardError() {
        ExtrapolationCheck.Judgement good = judgement(new Evaluation(0.010, 0.002, 3, 7, Map.of(), null));
        ExtrapolationCheck.Judgement close = judgement(new Evaluation(0.0115, 0.004, 3, 7, Map.of(), null));
        ExtrapolationCheck.Judgement far = judgement(new Evaluation(0.0125, 0.004, 3, 7, Map.of(), null));
        ExtrapolationCheck.Judgement failed = judgement(Evaluation.failed("turns around", 3, 7));

        assertFalse(good.differsFrom(close));
        assertTrue(good.differsFrom(far), "0.0025 apart, standard error 0.002");
        // measured by the standard error of the judgement asked
        assertFalse(far.differsFrom(good));
        assertTrue(good.differsFrom(failed));
        assertTrue(failed.differsFrom(good));
        assertFalse(failed.differsFrom(judgement(Evaluation.failed("no fit", 3, 7))));
    }

    private static ExtrapolationCheck.Judgement judgement(Evaluation evaluation) {
        return new ExtrapolationCheck.Judgement(evaluation, null);
    }
}
