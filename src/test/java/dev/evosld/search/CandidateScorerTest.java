package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
