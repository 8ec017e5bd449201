package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableBriefTest {

    @Test
    void aSinglePointRangeAndAnEmptyDescriptionAreAllowed() {
        VariableBrief brief = new VariableBrief("N", "", 1e9, 1e9);
        assertEquals(1e9, brief.min());
        assertEquals(1e9, brief.max());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.0       | 1.0       | variable N: bad range [2.0, 1.0]",
        "NaN       | 1.0       | variable N: bad range [NaN, 1.0]",
        "0.0       | NaN       | variable N: bad range [0.0, NaN]",
        "-Infinity | 1.0       | variable N: bad range [-Infinity, 1.0]",
        "0.0       | Infinity  | variable N: bad range [0.0, Infinity]",
    })
    void aReversedOrNonFiniteRangeIsRefusedShowingIt(double min, double max, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
            () -> new VariableBrief("N", "parameters", min, max)).getMessage());
    }

    @Test
    void aBlankNameIsRefusedBeforeTheRange() {
        assertEquals("a variable needs a name", assertThrows(IllegalArgumentException.class,
            () -> new VariableBrief(" \t", "x", 2, 1)).getMessage());
    }

    @Test
    void nullNameOrDescriptionIsRefusedNamingTheComponent() {
        assertEquals("name", assertThrows(NullPointerException.class,
            () -> new VariableBrief(null, "", 0, 1)).getMessage());
        assertEquals("description", assertThrows(NullPointerException.class,
            () -> new VariableBrief("N", null, 0, 1)).getMessage());
    }
}
