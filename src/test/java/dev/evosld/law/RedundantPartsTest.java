package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedundantPartsTest {
    private static final List<String> FEATURES = List.of("N", "D");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A / (N / N) + D^b                     | A + D^b",
        "A * (N * D / (D * N)) + D^b           | A + D^b",
        "E + A * (N - N + D)^b                 | E + A * D^b",
        "E + A * N^a * 1                       | E + A * N^a",
        "E + 1 * A / N^1                       | E + A / N",
        "E + A * N / 1                         | E + A * N",
        "E - -(-(A * N))                       | E - A * N",
        "-1 * (E - log(D))                     | -(E - log(D))",
        "exp(a * N) * (-1) + E                 | -exp(a * N) + E",
        "E + A * N / (-1)                      | E - A * N",
        "E + A * N^a - 0                       | E + A * N^a",
        "E + min(A * N, N * A) + max(D, D)     | E + A * N + D",
        "E + abs(abs(N - A))                   | E + abs(N - A)",
    })
    void aLawAsReportedLeavesOutWhatChangesNothing(String formula, String written) {
        Law law = Law.parse(formula, FEATURES);
        Law reported = ReadableSigns.of(law);
        assertEquals(written, reported.toString());
        assertEquals(law.parameters(), reported.parameters());
        assertEquals(reported, Law.parse(written, FEATURES), "as a reader of law.json parses it");
    }

    @Test
    void aVariableThatCancelsIsNoLongerOneOfTheLaws() {
        Law reported = ReadableSigns.of(Law.parse("A / (N / N) + D^b", FEATURES));
        assertEquals(List.of("D"), reported.variables());
        assertEquals(List.of("A", "b"), reported.parameters());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a's only place: its fitted value would be left without a name
        "E + D^b * ((a * N) / (a * N))         | E + D^b * (a * N / (a * N))",
        // cancelled, b would follow a, and fitted values are given in the order of the parameters
        "b / b / D + a + b                     | b / b / D + a + b",
        // a law whose variables cancel is no law of them, and is shown with them as the search names such constants
        "A * (N / N)                           | A * (N / N)",
        "A * (N / N) * (D / D)                 | A * (N / N) * (D / D)",
        // the same doubles, but 1 only where N is finite and not 0: the exact rules go even so
        "A * (N / N) * 1                       | A * (N / N)",
    })
    void aQuotientOfAlikePartsStaysWhereAParameterWouldGoOrMoveOrNoVariableWouldBeLeft(String formula, String written) {
        Law law = Law.parse(formula, FEATURES);
        Law reported = ReadableSigns.of(law);
        assertEquals(written, reported.toString());
        assertEquals(law.parameters(), reported.parameters());
        assertEquals(law.variables(), reported.variables());
    }

    @Test
    void aZeroIsLeftOutOnlyWhereThatIsExact() {
        // x - 0 is x, but x - (-0) is x + 0, which is +0 where x is -0
        assertEquals("E * N", ReadableSigns.of(Law.parse("E * N - 0", FEATURES)).toString());
        assertEquals("E * N + 0", ReadableSigns.of(Law.parse("E * N - (-0)", FEATURES)).toString());
        assertEquals("E * N + 0", ReadableSigns.of(Law.parse("E * N + 0", FEATURES)).toString());
    }
}
