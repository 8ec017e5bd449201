package dev.evosld.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearParametersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E + A*N^(-alpha) + B*D^(-beta)          | E A B",
        "A/(D^alpha + B) + C                     | A C",
        "(A/(N*(k*log(P) + 1)))^alpha + E        | E",
        "a*N^5 + b*N^4 + c*N^3 + d*N^2 + e*N + f | a b c d e f",
        "A*B*N                                   | A",
        "A*N - B*A                               | B",
        "c + k*exp(t1*N + t2*D)                  | c k",
        "-(a*N) + b/N                            | a b",
        "exp(a*log(N) + d)                       | ''",
        "a*(b*N + c)                             | a",
        "(E + A*N^(-alpha))*k                    | E A",
        "A/B*N                                   | A",
        "N/A + E                                 | E",
        "A*N + A*D + E                           | E",
        "E - (A*N^(-alpha) - B*D^(-beta))        | E A B",
        "2*A*N^(-alpha) + E/3                    | A E",
        "log(A*N) + B                            | B",
        "min(a, N) + b*N                         | b",
        "A*N^(-alpha) + B*N^(-alpha)             | A B",
    })
    void findsJointlyLinearParameters(String formula, String expected) {
        Law law = Law.parse(formula, List.of("N", "D", "P"));
        List<String> want = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertEquals(want, LinearParameters.of(law).jointlyLinear(), formula);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E + A*N^(-alpha)       | E      | OFFSET",
        "E + A*N^(-alpha)       | A      | COEFFICIENT",
        "E + A*N^(-alpha)       | alpha  | EXPONENT",
        "A/(D^alpha + B) + C    | B      | SHAPE",
        "c + k*exp(t1*N)        | t1     | EXPONENT",
        "E - A                  | A      | OFFSET",
        "a*(b*N + c)            | c      | COEFFICIENT",
        "(A/(N*(k*log(D) + 1)))^alpha + E | A | SHAPE",
        "(A/(N*(k*log(D) + 1)))^alpha + E | k | SHAPE",
        "(A/(N*(k*log(D) + 1)))^alpha + E | alpha | EXPONENT",
        "exp(a*log(N) + b)      | b      | EXPONENT",
        "a*N^a                  | a      | EXPONENT",
        "N/A + E                | A      | SHAPE",
        "-E + N                 | E      | OFFSET",
        "E/3 + N                | E      | COEFFICIENT",
    })
    void infersRoles(String formula, String parameter, ParameterRole role) {
        Law law = Law.parse(formula, List.of("N", "D"));
        assertEquals(role, ParameterRole.of(law).get(law.parameters().indexOf(parameter)), formula);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a*N + a", "b/(a + N)", "log(a)*N"})
    void parametersInNonLinearPositionsAreNotLinear(String formula) {
        Law law = Law.parse(formula, List.of("N"));
        assertFalse(LinearParameters.of(law).isIndividuallyLinear("a"), formula);
        assertTrue(LinearParameters.of(law).jointlyLinear().stream().noneMatch("a"::equals));
    }
}
