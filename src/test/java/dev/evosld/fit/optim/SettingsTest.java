package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
    /** Every field away from its default, so that a with-method that resets another field shows. */
    private static final Settings BASE = new Settings(3, 17, 29, 1e-4, 1e-6);

    private static String message(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void defaultsAreTheDocumentedOnesAndShared() {
        assertEquals(new Settings(8, 1000, 2000, 1e-8, 1e-12), Settings.defaults());
        assertSame(Settings.defaults(), Settings.defaults());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aMemoryBelowOneIsRejected(int memory) {
        assertEquals("memory must be at least 1, got " + memory, message(() -> BASE.withMemory(memory)));
    }

    @Test
    void zeroIterationsAreAllowedButNegativeOnesAreNot() {
        // documented: 0 only evaluates the start
        assertEquals(0, BASE.withMaxIterations(0).maxIterations());
        assertEquals("maxIterations must not be negative, got -1", message(() -> BASE.withMaxIterations(-1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void fewerThanOneEvaluationIsRejected(int maxEvaluations) {
        assertEquals("maxEvaluations must be at least 1, got " + maxEvaluations,
            message(() -> BASE.withMaxEvaluations(maxEvaluations)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-300, -1, Double.NaN, Double.NEGATIVE_INFINITY})
    void aNegativeOrNaNProjectedGradientToleranceIsRejected(double tolerance) {
        assertEquals("projectedGradientTolerance must be a non-negative number, got " + tolerance,
            message(() -> BASE.withProjectedGradientTolerance(tolerance)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-300, -1, Double.NaN, Double.NEGATIVE_INFINITY})
    void aNegativeOrNaNRelativeReductionToleranceIsRejected(double tolerance) {
        assertEquals("relativeReductionTolerance must be a non-negative number, got " + tolerance,
            message(() -> BASE.withRelativeReductionTolerance(tolerance)));
    }

    @Test
    void zeroAndInfiniteTolerancesAreAccepted() {
        // 0 disables a stopping test; infinity stops at once (after the first iteration)
        Settings zero = BASE.withProjectedGradientTolerance(0).withRelativeReductionTolerance(-0.0);
        assertEquals(0, zero.projectedGradientTolerance(), 0.0);
        Settings infinite = BASE.withProjectedGradientTolerance(Double.POSITIVE_INFINITY)
            .withRelativeReductionTolerance(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, infinite.relativeReductionTolerance(), 0.0);
    }

    @Test
    void theChecksRunInFieldOrder() {
        assertEquals("memory must be at least 1, got 0", message(() -> new Settings(0, -1, 0, -1, -1)));
        assertEquals("maxIterations must not be negative, got -1", message(() -> new Settings(1, -1, 0, -1, -1)));
        assertEquals("maxEvaluations must be at least 1, got 0", message(() -> new Settings(1, 0, 0, -1, -1)));
        assertEquals("projectedGradientTolerance must be a non-negative number, got -1.0",
            message(() -> new Settings(1, 0, 1, -1, -1)));
    }

    @Test
    void eachWithMethodChangesOnlyItsField() {
        assertEquals(new Settings(4, 17, 29, 1e-4, 1e-6), BASE.withMemory(4));
        assertEquals(new Settings(3, 18, 29, 1e-4, 1e-6), BASE.withMaxIterations(18));
        assertEquals(new Settings(3, 17, 30, 1e-4, 1e-6), BASE.withMaxEvaluations(30));
        assertEquals(new Settings(3, 17, 29, 2e-4, 1e-6), BASE.withProjectedGradientTolerance(2e-4));
        assertEquals(new Settings(3, 17, 29, 1e-4, 2e-6), BASE.withRelativeReductionTolerance(2e-6));
    }

    @Test
    void withMethodsLeaveTheOriginalUnchanged() {
        BASE.withMemory(100).withMaxIterations(100).withMaxEvaluations(100);
        assertEquals(new Settings(3, 17, 29, 1e-4, 1e-6), BASE);
    }
}
