package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SumsTest {
    private static final List<String> FEATURES = List.of("N", "D");

    @Test
    void readsTheSignedTermsLeftToRight() {
        Sums sum = Sums.of(Law.parse("E + A*N - (B*D - C)", FEATURES).expr());
        assertEquals(List.of("E", "A * N", "B * D", "C"), sum.terms().stream().map(Expr::toString).toList());
        assertEquals(List.of(false, false, true, false), sum.negated());
        assertEquals("E + A * N - B * D + C", Sums.build(sum.terms(), sum.negated()).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E + N + N            | E + 2 * N",
        "E + 3*N - N*2        | E + N",
        "E + N - N            | E",
        "N - N                | 0",
        "E + -1*N             | E - N",
        "E - -2*N             | E + 2 * N",
        "-1*N + E             | -1 * N + E",
        "E + -3               | E - 3",
        "E - D + -(N)         | E - D - N",
        "E + 2*N - N + D*3    | E + N + D * 3",
    })
    void mergesLikeTermsAndWritesNegativeFactorsAsMinus(String formula, String merged) {
        Sums sum = Sums.of(Law.parse(formula, FEATURES).expr()).withLikeTermsMerged();
        assertEquals(merged, Sums.build(sum.terms(), sum.negated()).toString());
    }
}
