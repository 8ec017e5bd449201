package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class R2Test {

    @Test
    void computesOneMinusMseOverPopulationVariance() {
        // actual 1,2,3,4: mean 2.5, population variance 1.25; residuals 0.5,0,0,-0.5: MSE 0.125
        R2 r2 = R2.score(List.of(new double[] {1, 2, 3, 4}), List.of(new double[] {0.5, 2, 3, 4.5}));
        assertEquals(1 - 0.125 / 1.25, r2.value(), 1e-15);
    }

    @Test
    void averagesNmseOverTargetColumns() {
        // target 1 perfect (NMSE 0); target 2: actual 0,2 var 1, predictions 1,1 MSE 1 -> NMSE 1
        R2 r2 = R2.score(List.of(new double[] {1, 2}, new double[] {0, 2}),
            List.of(new double[] {1, 2}, new double[] {1, 1}));
        assertEquals(0.5, r2.value(), 1e-15);
    }

    @Test
    void fiveTargetsLikeDomainMixture() {
        double[][] actual = {{1, 2, 3}, {2, 2, 5}, {0, 1, 0}, {3, 4, 5}, {9, 8, 7}};
        double[][] predicted = {{1, 2, 3}, {2, 3, 4}, {0, 0.5, 0}, {3, 4, 5}, {7, 8, 9}};
        // NMSE per target: 0; (0+1+1)/3 / var(2,2,5)=2 -> (2/3)/2 = 1/3; (0.25/3)/(2/9) = 0.375; 0; (8/3)/(2/3) = 4
        double expected = 1 - (0 + 1.0 / 3 + 0.375 + 0 + 4) / 5;
        assertEquals(expected, R2.score(List.of(actual), List.of(predicted)).value(), 1e-14);
    }

    @Test
    void canBeNegative() {
        assertEquals(1 - 4.0 / 1.0, R2.score(List.of(new double[] {0, 2}), List.of(new double[] {2, 0})).value(), 1e-15);
    }

    @Test
    void aNonFinitePredictionIsAFailureNotANumber() {
        R2 r2 = R2.score(List.of(new double[] {1, 2, 3}), List.of(new double[] {1, Double.NaN, 3}));
        assertTrue(r2.isFailure());
        assertTrue(Double.isNaN(r2.value()));
        assertEquals("prediction 1 of target 0 is NaN", r2.failure());
        assertEquals("prediction 1 of target 'loss' is NaN",
            R2.score(List.of("loss"), List.of(new double[] {1, 2, 3}), List.of(new double[] {1, Double.NaN, 3})).failure());
        assertEquals("target 'y' is 1 in all 2 runs scored, and R² needs runs that differ",
            R2.score(List.of("y"), List.of(new double[] {1, 1}), List.of(new double[] {1, 2})).failure());
        assertTrue(R2.score(List.of(new double[] {1, 2}), List.of(new double[] {1, Double.POSITIVE_INFINITY})).isFailure());
    }

    @Test
    void aConstantTargetHasNoR2AndSaysItIsUndefinedNotFailed() {
        R2 constant = R2.score(List.of(new double[] {1, 1}), List.of(new double[] {1, 1}));
        assertTrue(constant.isFailure());
        assertTrue(constant.undefined());
        assertEquals("undefined (target 0 is 1 in all 2 runs scored, and R² needs runs that differ)", constant.toString());
        assertEquals("undefined (target 'y' has a single run scored, and R² needs runs that differ)",
            R2.score(List.of("y"), List.of(new double[] {1}), List.of(new double[] {2})).toString());
        // the value as the runs' CSV would give it, as the refusal of a constant train target names it
        assertEquals("target 'loss' is 2.5e9 in all 3 runs scored, and R² needs runs that differ", R2.score(List.of("loss"),
            List.of(new double[] {2.5e9, 2.5e9, 2.5e9}), List.of(new double[] {1, 2, 3})).failure());
        R2 nonFinite = R2.score(List.of(new double[] {1, 2}), List.of(new double[] {1, Double.NaN}));
        assertFalse(nonFinite.undefined());
        assertEquals("failed (prediction 1 of target 0 is NaN)", nonFinite.toString());
    }

    @Test
    void aTargetOfOneValueIsUndefinedEvenWhereItsMeanIsNotThatValueToTheLastBit() {
        // six runs of 0.7 average to 0.7000000000000001: a variance of 7e-32 gave an R² of -2e28 in place of none
        R2 r2 = R2.score(List.of("loss", "acc"), List.of(new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.7, 0.7, 0.7,
            0.7, 0.7, 0.7}), List.of(new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.71, 0.69, 0.7, 0.7, 0.7, 0.72}));
        assertTrue(r2.undefined(), r2.toString());
        assertEquals("target 'acc' is 0.7 in all 6 runs scored, and R² needs runs that differ", r2.failure());
    }

    @Test
    void printsSixDecimalsOrSixSignificantDigitsWhenHuge() {
        assertEquals("0.912345", R2.text(0.9123454));
        assertEquals("-1.000000", R2.text(-1));
        assertEquals("-999999.000000", R2.text(-999_999));
        // a law that misses by orders of magnitude: twenty digits before the point say nothing more
        assertEquals("-2.66321e+19", R2.text(-2.663214177429172e19));
        assertEquals("-2.66321e+19", R2.of(-2.663214177429172e19).toString());
    }

    @Test
    void printsWithAPointWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.500000", R2.of(0.5).toString());
        } finally {
            Locale.setDefault(before);
        }
    }
}
