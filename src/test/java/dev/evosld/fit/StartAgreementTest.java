package dev.evosld.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartAgreementTest {
    private static TargetFit fit(String group, int starts, int startsAtBest) {
        return new TargetFit(group, "loss", new double[] {1, 0.5}, 1e-4, null, 10, 20, starts, startsAtBest);
    }

    @Test
    void countsTheFitsThatOnlyOneOfSeveralStartsReached() {
        Law law = Law.parse("A*N^a", List.of("N"));
        TargetFit failed = new TargetFit("failed", "loss", new double[0], Double.NaN, "no start gave finite predictions",
            10, 20, 8, 0);
        FittedLaw fitted = new FittedLaw(law, List.of("loss"),
            List.of(fit("rugged", 8, 1), fit("agreed", 8, 3), fit("solved", 1, 1), failed));

        assertEquals(new StartAgreement(4, 1), fitted.startAgreement());
        assertTrue(fit("rugged", 8, 1).isSingleStartOptimum());
        assertFalse(fit("solved", 1, 1).isSingleStartOptimum(), "a single start run has nothing to agree with");
        assertFalse(failed.isSingleStartOptimum());
    }

    @Test
    void isCompleteOnlyWithoutSingleStartOptima() {
        assertTrue(new StartAgreement(42, 0).isComplete());
        assertFalse(new StartAgreement(42, 1).isComplete());
    }

    @Test
    void refusesMoreSingleStartFitsThanFits() {
        assertThrows(IllegalArgumentException.class, () -> new StartAgreement(2, 3));
        assertThrows(IllegalArgumentException.class, () -> new StartAgreement(-1, 0));
    }
}
