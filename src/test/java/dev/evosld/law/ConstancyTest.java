package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstancyTest {
    private static final List<String> FEATURES = List.of("N", "D");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exp(log(N)) / N                           | true",
        "(N + a) - N                               | true",
        "exp(exp(N) / exp(N - c))                  | true",
        // 0 up to rounding, with modest terms
        "log(N*D) - log(N) - log(D)                | true",
        "a * (log(N^3) - 3*log(N))                 | true",
        "(N + 1)^2 - N^2 - 2*N                     | true",
        // the difference is lost to the rounding of its terms, so no value tells
        "(1e20*N + N) - 1e20*N                     | false",
        // 0 at every sample by underflow, infinite by overflow beyond, and finite nowhere near
        "N^exp((2.57 + N)^1.98)                    | false",
        "exp(exp(2.93^1.98) - N^(-1.4 - a))        | false",
        // defined nowhere
        "log(-(N^2)) + a                           | false",
        "sqrt(-exp(N)) * a                         | false",
        // 1 for positive N, -1 for negative N: the products' rule leaves them to the samples, which see them vary
        "sqrt(N^2) / N                             | false",
        "exp(log(N^2) / 2) / N                     | false",
        // constant while a < e, so piecewise laws are left to the rules of products and sums
        "min(exp(D), log(a))                       | false",
        "max(N, 0) / N                             | false",
        // constant only where a parameter takes one value
        "N^(a - b)                                 | false",
        "log(N^a) - log(N)                         | false",
        "(a * N)^2 / (a^2 * N^b)                   | false",
    })
    void aLawIsConstantWhenEverySampleWhereItIsDefinedTellsTheSameValue(String formula, boolean constant) {
        assertEquals(constant, Constancy.sampled(Law.parse(formula, FEATURES)), formula);
    }
}
