package dev.evosld.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.data.TaskConfig.Bound;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FitOptionsTest {
    /** Every field away from its default, so that a with-method that resets another field shows. */
    private static final FitOptions BASE = new FitOptions(5, 99, Loss.HUBER, 0.7, false, 42,
        Map.of("alpha", new Bound(0, 1)));

    private static String message(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(new FitOptions(32, 0, Loss.SQUARED, 0.1, true, 500, Map.of()), FitOptions.defaults());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void fewerThanOneStartIsRejected(int starts) {
        assertEquals("starts must be at least 1, got " + starts,
            message(() -> new FitOptions(starts, 0, Loss.SQUARED, 0.1, true, 500, Map.of())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void fewerThanOneIterationIsRejected(int maxIterations) {
        assertEquals("maxIterations must be at least 1, got " + maxIterations,
            message(() -> new FitOptions(1, 0, Loss.SQUARED, 0.1, true, maxIterations, Map.of())));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.0, -1, Double.NaN, Double.NEGATIVE_INFINITY})
    void aHuberDeltaThatIsNotPositiveIsRejectedEvenForSquaredLoss(double delta) {
        assertEquals("huberDelta must be positive, got " + delta,
            message(() -> new FitOptions(1, 0, Loss.SQUARED, delta, true, 1, Map.of())));
    }

    @Test
    void theSmallestValidValuesAreAccepted() {
        FitOptions options = new FitOptions(1, Long.MIN_VALUE, Loss.SQUARED, Double.MIN_VALUE, true, 1, Map.of());
        assertEquals(1, options.starts());
        assertEquals(1, options.maxIterations());
    }

    @Test
    void aNullLossOrNullBoundsAreRejected() {
        assertThrows(NullPointerException.class, () -> new FitOptions(1, 0, null, 0.1, true, 1, Map.of()));
        assertThrows(NullPointerException.class, () -> new FitOptions(1, 0, Loss.SQUARED, 0.1, true, 1, null));
    }

    @Test
    void theBoundsAreCopiedSoLaterChangesToTheCallersMapDoNotShow() {
        Map<String, Bound> bounds = new HashMap<>();
        bounds.put("alpha", new Bound(0, 1));
        FitOptions options = FitOptions.defaults().withBounds(bounds);

        bounds.put("beta", new Bound(-1, 1));
        bounds.remove("alpha");

        assertEquals(Map.of("alpha", new Bound(0, 1)), options.bounds());
        assertNotSame(bounds, options.bounds());
        assertThrows(UnsupportedOperationException.class, () -> options.bounds().put("x", Bound.UNBOUNDED));
    }

    @Test
    void eachWithMethodChangesOnlyItsField() {
        Map<String, Bound> otherBounds = Map.of("E", new Bound(1, 2));
        assertEquals(new FitOptions(6, 99, Loss.HUBER, 0.7, false, 42, BASE.bounds()), BASE.withStarts(6));
        assertEquals(new FitOptions(5, -7, Loss.HUBER, 0.7, false, 42, BASE.bounds()), BASE.withSeed(-7));
        assertEquals(new FitOptions(5, 99, Loss.SQUARED, 0.7, false, 42, BASE.bounds()), BASE.withLoss(Loss.SQUARED));
        assertEquals(new FitOptions(5, 99, Loss.HUBER, 0.7, true, 42, BASE.bounds()),
            BASE.withVariableProjection(true));
        assertEquals(new FitOptions(5, 99, Loss.HUBER, 0.7, false, 1, BASE.bounds()), BASE.withMaxIterations(1));
        assertEquals(new FitOptions(5, 99, Loss.HUBER, 0.7, false, 42, otherBounds), BASE.withBounds(otherBounds));
        assertNotEquals(BASE, BASE.withSeed(100));
    }

    @Test
    void withMethodsValidateLikeTheConstructor() {
        assertEquals("starts must be at least 1, got 0", message(() -> BASE.withStarts(0)));
        assertEquals("maxIterations must be at least 1, got 0", message(() -> BASE.withMaxIterations(0)));
        assertThrows(NullPointerException.class, () -> BASE.withLoss(null));
    }
}
