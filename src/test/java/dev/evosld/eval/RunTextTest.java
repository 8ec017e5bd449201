package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunTextTest {

    @Test
    void aRunIsNamedByEveryFeatureInOrder() {
        double[][] columns = {{1e7, 3e8}, {2.5e8, 1e11}};
        assertEquals("the run at N = 1e7, D = 2.5e8", RunText.at(List.of("N", "D"), columns, 0));
        assertEquals("the run at N = 3e8, D = 1e11", RunText.at(List.of("N", "D"), columns, 1));
    }

    @Test
    void withoutFeaturesTheRowIsCountedFromOne() {
        assertEquals("row 1", RunText.at(List.of(), new double[0][], 0));
        assertEquals("row 42", RunText.at(List.of(), new double[0][], 41));
    }

    @Test
    void numbersKeepAtMostSixSignificantDigitsRoundedHalfUp() {
        assertEquals("1.23457e8", RunText.number(123456789));
        assertEquals("0.333333", RunText.number(1.0 / 3));
        assertEquals("123457", RunText.number(123456.5));
        assertEquals("3.5e7", RunText.number(3.5e7));
    }

    @Test
    void binaryFractionsPrintAsTheDecimalTheCsvHeld() {
        // new BigDecimal(0.1) is 0.1000000000000000055...; the rounding hides that
        assertEquals("0.1", RunText.number(0.1));
        assertEquals("0.25", RunText.number(0.25));
        assertEquals("0.3", RunText.number(0.1 + 0.2));
    }

    @Test
    void wholeNumbersWithTrailingZerosUseAnExponent() {
        assertEquals("1e8", RunText.number(1e8));
        assertEquals("1e2", RunText.number(100));
        assertEquals("1.2e2", RunText.number(120));
        assertEquals("7", RunText.number(7));
    }

    @Test
    void smallNumbersSwitchToAnExponentBelowOneMillionth() {
        assertEquals("0.000001", RunText.number(1e-6));
        assertEquals("1e-7", RunText.number(1e-7));
        assertEquals("-0.0025", RunText.number(-2.5e-3));
        assertEquals("-4.5e-12", RunText.number(-4.5e-12));
    }

    @Test
    void zeroOfEitherSignIsPlainZero() {
        assertEquals("0", RunText.number(0.0));
        assertEquals("0", RunText.number(-0.0));
    }

    @Test
    void extremeAndNonFiniteValuesStillPrint() {
        assertEquals("1.79769e308", RunText.number(Double.MAX_VALUE));
        assertEquals("4.94066e-324", RunText.number(Double.MIN_VALUE));
        assertEquals("NaN", RunText.number(Double.NaN));
        assertEquals("Infinity", RunText.number(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", RunText.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void aNonFiniteFeatureValueAppearsInTheRunName() {
        assertEquals("the run at lr = NaN", RunText.at(List.of("lr"), new double[][] {{Double.NaN}}, 0));
    }
}
