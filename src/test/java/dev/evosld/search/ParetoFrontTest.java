package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.HashMap;
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
    void theReportedFrontLeavesOutConstantsAndTheErrorsOfTheLawsBeneathThemAreKept() {
        List<CandidateCache.Entry> candidates = List.of(
            entry("a*N", 0.5, 1, 3),
            entry("a*(N/N)", 0.2, 1, 5),                // a constant: the search's front holds it
            entry("a + b*N", 0.3, 2, 5),                // beaten by the constant, as simple
            entry("a + b*N^c", 0.01, 3, 7),
            failed("log(N)^q"));
        assertEquals(List.of("a * N", "a * (N / N)", "a + b * N^c"),
            ParetoFront.of(candidates).stream().map(e -> e.law().toString()).toList());
        assertEquals(List.of("a * N", "a + b * N", "a + b * N^c"),
            ParetoFront.reported(candidates).stream().map(e -> e.law().toString()).toList());
        assertEquals(java.util.Set.of("a*N", "a*(N/N)", "a + b*N", "a + b*N^c"), ParetoFront.keptKeys(candidates));
    }

    @Test
    void aRicherLawBetterOnlyInTheFitterTolerancesDigitsIsANearDuplicateAndStaysOffTheFront() {
        // as met on data_constrained: a shift k that fits to nothing, or a parameter written twice, buys a
        // validation error lower in its seventh digit; the front listed both laws and the rule chose the longer
        List<CandidateCache.Entry> candidates = List.of(
            entry("a + b*N^c", 0.0601443318, 3, 7),
            entry("a + b*(N + k)^c", 0.0601442829, 4, 9),
            entry("a + b*N^c*b", 0.0601443000, 3, 9),
            entry("a + b*N^c + d*D", 0.0601436000, 4, 11));
        assertEquals(List.of("a + b * N^c", "a + b * N^c + d * D"),
            ParetoFront.of(candidates).stream().map(e -> e.law().toString()).toList());
    }

    @Test
    void choosesTheSimplestLawWithinOnePairedStandardErrorOfTheBest() {
        // the same hard rows for every law (errors 0.04 to 0.0005); the richer law is better by 0.004 on half of
        // them, a difference of 0.002 with a paired standard error of 0.00076: the simplest law is not chosen
        double[] hard = {0.04, 0.001, 0.02, 0.0005, 0.03, 0.002, 0.01, 0.0005};
        // mean 0.000625, standard error of the mean 0.00101
        double[] noise = {0.006, -0.0004, -0.002, -0.0004, -0.002, 0, 0.004, -0.0002};
        double[] richer = hard.clone();
        double[] noisier = hard.clone();
        double[] steadier = hard.clone();
        for (int r = 0; r < hard.length; r++) {
            richer[r] -= r % 2 == 0 ? 0.004 : 0;
            // trails the richer law by 0.000625 on average, up on some rows and down on others: noise
            noisier[r] = richer[r] + noise[r];
            // trails it by 0.0012 on every row alike: a real difference, though far inside one law's own SE
            steadier[r] = richer[r] + 0.0012 + (r % 2 == 0 ? 0.0001 : -0.0001);
        }
        Map<CandidateCache.Entry, ValidationErrors> errors = new HashMap<>();
        CandidateCache.Entry best = entry("a + b*N^c + d*D", richer, 4, 11, errors);
        CandidateCache.Entry noisy = entry("a + b*N^c", noisier, 3, 7, errors);
        assertEquals(noisy, ParetoFront.choose(List.of(entry("a*N", hard, 1, 3, errors), noisy, best), errors::get));
        assertTrue(errors.get(best).standardError() > 0.0012 * 2, "the steady law is within half a law's own SE");
        CandidateCache.Entry steady = entry("a + b*N^c", steadier, 3, 7, errors);
        assertEquals(best, ParetoFront.choose(List.of(steady, best), errors::get));
    }

    private static CandidateCache.Entry entry(String formula, double[] rows, int parameters, int nodes,
                                              Map<CandidateCache.Entry, ValidationErrors> errors) {
        Law law = Law.parse(formula, List.of("N", "D"));
        ValidationErrors e = ValidationErrors.of(List.<double[]>of(rows));
        CandidateCache.Entry entry = new CandidateCache.Entry(formula, law,
            new Evaluation(Arrays.stream(rows).average().orElseThrow(), e.standardError(), parameters, nodes, Map.of(), null));
        errors.put(entry, e);
        return entry;
    }

    private static CandidateCache.Entry entry(String formula, double error, int parameters, int nodes) {
        Law law = Law.parse(formula, List.of("N", "D"));
        return new CandidateCache.Entry(formula, law, new Evaluation(error, 0.0005, parameters, nodes, Map.of(), null));
    }

    private static CandidateCache.Entry failed(String formula) {
        Law law = Law.parse(formula, List.of("N", "D"));
        return new CandidateCache.Entry(formula, law, Evaluation.failed("no", 1, 4));
    }
}
