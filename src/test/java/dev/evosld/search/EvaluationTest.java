package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void aFailureScoresInfiniteErrorNoStandardErrorAndNoFittedValuesButKeepsItsSize() {
        Evaluation failed = Evaluation.failed("uses no variable", 2, 5);
        assertTrue(failed.isFailure());
        assertEquals("uses no variable", failed.failure());
        assertEquals(Double.POSITIVE_INFINITY, failed.validationError());
        assertTrue(Double.isNaN(failed.standardError()));
        assertEquals(Map.of(), failed.fitted());
        assertEquals(2, failed.parameterCount());
        assertEquals(5, failed.nodeCount());
        assertEquals(7, failed.complexity(), "a failure still has a place on the complexity axis");
        assertEquals(Double.NEGATIVE_INFINITY, failed.validationR2());
    }

    @Test
    void validationR2IsOneMinusTheValidationErrorAndComplexityIsNodesPlusParameters() {
        Evaluation evaluation = new Evaluation(0.25, 0.01, 3, 9, Map.of("a", 1.0), null);
        assertFalse(evaluation.isFailure());
        assertEquals(0.75, evaluation.validationR2(), 0.0);
        assertEquals(12, evaluation.complexity());
        // an error above 1 (worse than predicting the mean) is a negative R²
        assertEquals(-0.5, new Evaluation(1.5, 0, 1, 3, Map.of(), null).validationR2(), 0.0);
    }

    @Test
    void theFittedValuesAreAnImmutableSnapshotOfTheMapGiven() {
        Map<String, Double> values = new HashMap<>(Map.of("a", 1.0));
        Evaluation evaluation = new Evaluation(0.1, 0.01, 1, 3, values, null);
        values.put("b", 2.0);
        assertEquals(Map.of("a", 1.0), evaluation.fitted(), "the cache's entry must not change under the scorer");
        assertThrows(UnsupportedOperationException.class, () -> evaluation.fitted().put("c", 3.0));
    }

    @Test
    void failuresWithTheSameFieldsAreEqualDespiteTheirNaNStandardError() {
        // the thread-count and resume determinism checks compare evaluations with equals
        assertEquals(Evaluation.failed("too large", 4, 50), Evaluation.failed("too large", 4, 50));
        assertEquals(Evaluation.failed("too large", 4, 50).hashCode(), Evaluation.failed("too large", 4, 50).hashCode());
    }
}
