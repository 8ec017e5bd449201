package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.law.Law;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    @Test
    void keepsTheLawsNoOtherBeatsOnErrorAndComplexity() {
        List<CandidateCache.Entry> candidates = List.of(
            entry("a*N", 0.5, 1, 3),
            entry("a + b*N", 0.2, 2, 5),
            entry("a + b*N + c*D", 0.3, 3, 9),          // dominated by the two-parameter law
            entry("a + b*N^c", 0.01, 3, 7),
            entry("a + b*N^c + d*D", 0.0099, 4, 11),
            failed("log(N)^q"));
        List<CandidateCache.Entry> front = ParetoFront.of(candidates);
        assertEquals(List.of("a * N", "a + b * N", "a + b * N^c", "a + b * N^c + d * D"),
            front.stream().map(e -> e.law().toString()).toList());
    }

    @Test
    void choosesTheSimplestLawWithinHalfAStandardErrorOfTheBest() {
        // every law here has a standard error of 0.0005, so a simpler law may trail the best by 0.00025
        List<CandidateCache.Entry> front = List.of(
            entry("a*N", 0.5, 1, 3),
            entry("a + b*N^c", 0.0102, 3, 7),
            entry("a + b*N^c + d*D", 0.0100, 4, 11));
        assertEquals("a + b * N^c", ParetoFront.choose(front).law().toString());
        List<CandidateCache.Entry> tight = List.of(entry("a + b*N^c", 0.0103, 3, 7), entry("a + b*N^c + d*D", 0.0100, 4, 11));
        assertEquals("a + b * N^c + d * D", ParetoFront.choose(tight).law().toString());
    }

    private static CandidateCache.Entry entry(String formula, double error, int parameters, int nodes) {
        Law law = Law.parse(formula, List.of("N", "D"));
        // every law here has a standard error of 0.0005
        return new CandidateCache.Entry(formula, law, new Evaluation(error, 0.0005, parameters, nodes, Map.of(), null));
    }

    private static CandidateCache.Entry failed(String formula) {
        Law law = Law.parse(formula, List.of("N", "D"));
        return new CandidateCache.Entry(formula, law, Evaluation.failed("no", 1, 4));
    }

    @Test
    void theStandardErrorOfTheValidationErrorShrinksWithMoreRows() {
        double[] actual = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] predicted = {1.1, 1.9, 3.2, 3.9, 5.1, 6.2, 6.8, 8.1};
        double few = CandidateScorer.standardError(List.of(actual), List.of(predicted));
        double[] moreActual = new double[80];
        double[] morePredicted = new double[80];
        for (int i = 0; i < 80; i++) {
            moreActual[i] = actual[i % 8];
            morePredicted[i] = predicted[i % 8];
        }
        double many = CandidateScorer.standardError(List.of(moreActual), List.of(morePredicted));
        assertEquals(Math.sqrt(79.0 / 7), few / many, 1e-9, "SE of a mean of n contributions: sd / sqrt(n), sd with n - 1");
        assertEquals(0.0, CandidateScorer.standardError(List.of(actual), List.of(actual.clone())));
    }
}
