package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
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
}
