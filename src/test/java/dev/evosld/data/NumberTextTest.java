package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class NumberTextTest {
    @Test
    void numbersReadAsAUserWritesThem() {
        assertEquals("1e9", NumberText.of(1e9));
        assertEquals("3.5e8", NumberText.of(3.5e8));
        assertEquals("0.001", NumberText.of(0.001));
        assertEquals("120", NumberText.of(120));
        assertEquals("1000", NumberText.of(1000));
        assertEquals("1e6", NumberText.of(1e6));
        assertEquals("123456789", NumberText.of(123456789));
        assertEquals("2.41", NumberText.of(2.41));
        assertEquals("-2.5e10", NumberText.of(-2.5e10));
        assertEquals("1e-4", NumberText.of(1e-4));
        assertEquals("0.00015", NumberText.of(1.5e-4));
        assertEquals("1.578e-11", NumberText.of(1.578e-11));
        assertEquals("0", NumberText.of(0));
        assertEquals("NaN", NumberText.of(Double.NaN));
    }

    @Test
    void roundedKeepsTheSignificantDigitsAsked() {
        assertEquals("3.681e8", NumberText.rounded(368_123_456, 4));
        assertEquals("1e9", NumberText.rounded(1e9, 4));
        assertEquals("0.1235", NumberText.rounded(0.123456, 4));
    }

    @Test
    void everyFiniteNumberReadsBackAsItself() {
        qt().withFixedSeed(20_261_207L).withExamples(2000)
            .forAll(doubles().any().map(d -> Double.isFinite(d) ? d : 2.5))
            .checkAssert(d -> assertEquals(d, Double.parseDouble(NumberText.of(d)), NumberText.of(d)));
    }
}
