package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidateCacheTest {
    private static final List<String> FEATURES = List.of("N", "D");
    private static final Law POWER = Law.parse("a*N^-b", FEATURES);
    private static final Law CHINCHILLA = Law.parse("E + A*N^-alpha + B*D^-beta", FEATURES);

    @Test
    void aKeyIsStoredOnceAndKeepsTheFirstLawScoredUnderIt() {
        CandidateCache cache = new CandidateCache();
        CandidateCache.Entry first = entry("k", POWER, 0.3);
        cache.put(first, errors(1, 2));
        // a second law with the same canonical form, scored better (e.g. from other start values): it must not
        // replace the first, or a resumed run, which restores entries in order, would see another cache
        cache.put(entry("k", CHINCHILLA, 0.1), errors(9, 9));

        assertEquals(1, cache.size());
        assertSame(first, cache.entries().getFirst());
        assertEquals(0.3, cache.bestError(), 0.0, "the refused entry's error does not count");
        assertArrayEquals(new double[] {1, 2}, cache.errors("k").orElseThrow().segments().getFirst(), 0.0);
    }

    @Test
    void findCountsAHitOrAMissAndContainsCountsNothing() {
        CandidateCache cache = new CandidateCache();
        assertEquals(Optional.empty(), cache.find("k"));
        cache.put(entry("k", POWER, 0.2), null);
        assertEquals("k", cache.find("k").orElseThrow().key());
        assertEquals("k", cache.find("k").orElseThrow().key());
        assertEquals(Optional.empty(), cache.find("other"));
        assertTrue(cache.contains("k"));
        assertTrue(!cache.contains("other"));

        assertEquals(2, cache.hits());
        assertEquals(2, cache.misses());
        assertEquals(1, cache.size(), "finding stores nothing");
    }

    @Test
    void restoredCountsAreContinuedFrom() {
        CandidateCache cache = new CandidateCache();
        cache.find("a");
        cache.restoreCounts(40, 7);
        cache.put(entry("a", POWER, 0.1), null);
        cache.find("a");
        cache.find("b");
        assertEquals(41, cache.hits());
        assertEquals(8, cache.misses(), "the miss before the restore is replaced, not added");
    }

    @Test
    void theBestErrorIsInfiniteUntilALawSucceedsAndFailuresNeverLowerIt() {
        CandidateCache cache = new CandidateCache();
        assertEquals(Double.POSITIVE_INFINITY, cache.bestError());
        cache.put(new CandidateCache.Entry("failed", POWER, Evaluation.failed("NaN predictions", 2, 5)), null);
        assertEquals(Double.POSITIVE_INFINITY, cache.bestError());
        cache.put(entry("a", POWER, 0.25), null);
        cache.put(entry("b", POWER, 0.05), null);
        cache.put(entry("c", POWER, 0.5), null);
        assertEquals(0.05, cache.bestError(), 0.0);
    }

    @Test
    void aConstantsErrorIsNoBestTheRunCouldReport() {
        // the progress line and history.json showed the constant's R² 0.967, and then a reported law of 0.466
        CandidateCache cache = new CandidateCache();
        cache.put(entry("a", POWER, 0.5), null);
        cache.put(entry("c", Law.parse("-(A/N*(-N))", FEATURES), 0.03), null);
        assertEquals(0.5, cache.bestError(), 0.0);
    }

    @Test
    void entriesBestErrorAndSizeFollowTheFirstEntryOfEachKeyWhateverTheOrderOfPuts() {
        SplittableRandom random = new SplittableRandom(20240607);
        for (int trial = 0; trial < 200; trial++) {
            CandidateCache cache = new CandidateCache();
            Map<String, CandidateCache.Entry> firsts = new LinkedHashMap<>();
            int puts = random.nextInt(1, 40);
            for (int i = 0; i < puts; i++) {
                String key = "k" + random.nextInt(12);
                double error = random.nextInt(10) == 0 ? Double.POSITIVE_INFINITY : random.nextDouble();
                CandidateCache.Entry entry = entry(key, POWER, error);
                firsts.putIfAbsent(key, entry);
                cache.put(entry, null);
            }
            assertEquals(List.copyOf(firsts.values()), cache.entries(), "trial " + trial);
            assertEquals(firsts.size(), cache.size());
            double best = firsts.values().stream().mapToDouble(e -> e.evaluation().validationError()).min()
                .orElseThrow();
            assertEquals(best, cache.bestError(), 0.0, "trial " + trial);
        }
    }

    @Test
    void theListOfEntriesIsACopy() {
        CandidateCache cache = new CandidateCache();
        cache.put(entry("a", POWER, 0.1), null);
        List<CandidateCache.Entry> entries = cache.entries();
        entries.clear();
        assertEquals(1, cache.entries().size());
    }

    @Test
    void retainErrorsKeepsOnlyTheGivenKeysErrorsAndEveryEntry() {
        CandidateCache cache = new CandidateCache();
        cache.put(entry("front1", POWER, 0.1), errors(0.5, 0.25));
        cache.put(entry("off", POWER, 0.2), errors(1, 1));
        cache.put(entry("front2", CHINCHILLA, 0.05), errors(0.125));
        cache.put(entry("failed", POWER, Double.POSITIVE_INFINITY), null);

        cache.retainErrors(List.of("front1", "front2", "never-scored"));

        assertEquals(Optional.empty(), cache.errors("off"));
        assertEquals(Optional.empty(), cache.errors("failed"));
        assertEquals(Optional.empty(), cache.errors("never-scored"));
        assertArrayEquals(new double[] {0.5, 0.25}, cache.errors("front1").orElseThrow().segments().getFirst(), 0.0);
        assertArrayEquals(new double[] {0.125}, cache.errors("front2").orElseThrow().segments().getFirst(), 0.0);
        assertEquals(List.of("front1", "off", "front2", "failed"),
            cache.entries().stream().map(CandidateCache.Entry::key).toList(), "the entries themselves stay");
        assertEquals(0.05, cache.bestError(), 0.0);

        cache.retainErrors(List.of());
        assertEquals(Optional.empty(), cache.errors("front1"));
        assertEquals(Optional.empty(), cache.errors("front2"));
    }

    @Test
    void aLawWhoseErrorsWereForgottenDoesNotGetThemBackWhenScoredAgain() {
        // a law once off the front never returns to it, so the cache may drop its errors for good
        CandidateCache cache = new CandidateCache();
        cache.put(entry("k", POWER, 0.1), errors(1));
        cache.retainErrors(List.of());
        cache.put(entry("k", POWER, 0.1), errors(2));
        assertEquals(Optional.empty(), cache.errors("k"));
    }

    @Test
    void anEntryPutWithoutErrorsHasNone() {
        CandidateCache cache = new CandidateCache();
        cache.put(entry("k", POWER, 0.1), null);
        assertEquals(Optional.empty(), cache.errors("k"));
        assertEquals(1, cache.size());
    }

    private static CandidateCache.Entry entry(String key, Law law, double error) {
        Evaluation evaluation = Double.isInfinite(error)
            ? Evaluation.failed("failed", law.parameterCount(), law.expr().size())
            : new Evaluation(error, error / 10, law.parameterCount(), law.expr().size(), Map.of(), null);
        return new CandidateCache.Entry(key, law, evaluation);
    }

    private static ValidationErrors errors(double... rows) {
        List<double[]> segments = new ArrayList<>();
        segments.add(rows);
        return ValidationErrors.of(segments);
    }
}
