package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.search.ParetoEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontLinesTest {
    private static final List<ParetoEntry> FRONT = List.of(
        entry("A * N^alpha", 2, -0.04, 0.5, false),
        entry("E + A * N^alpha", 3, 0.71, 0.0001, false),
        entry("E + A * N^alpha + B * D^beta", 5, 0.96, 0.00125, true),
        entry("E + A * N^alpha + B * D^beta + C * log(D)", 6, 0.961, null, false),
        entry("E + A * N^alpha + B * D^beta + C * log(D) * N^gamma", 7, 0.9612, 0.0, false));

    @Test
    void listsTheUsefulLawsSimplestFirstAndMarksTheChosenOne() {
        // 0.96 trails 0.9612 by 0.0012 with a standard error of the difference of 0.00125: 1.0 behind
        assertEquals(List.of(
            "    0.71000   3    >99  E + A * N^alpha",
            "  * 0.96000   5    1.0  E + A * N^alpha + B * D^beta",
            "    0.96100   6      ?  E + A * N^alpha + B * D^beta + C * log(D)",
            "    0.96120   7   best  E + A * N^alpha + B * D^beta + C * log(D) * N^gamma"), FrontLines.of(FRONT, 10));
    }

    @Test
    void keepsTheMostAccurateAndAlwaysTheChosenLaw() {
        assertEquals(List.of(
            "  * 0.96000   5    1.0  E + A * N^alpha + B * D^beta",
            "    0.96120   7   best  E + A * N^alpha + B * D^beta + C * log(D) * N^gamma"), FrontLines.of(FRONT, 1));
        assertEquals(1, FrontLines.of(List.of(entry("A * N^alpha", 2, -0.04, 0.0, true)), 5).size(),
            "the chosen law is listed even when it predicts worse than the mean");
    }

    private static ParetoEntry entry(String law, int parameters, double validationR2, Double differenceSe, boolean chosen) {
        return new ParetoEntry(law, parameters, 2 * parameters + 1, 1 - validationR2, 0.01, differenceSe, validationR2, chosen);
    }
}
