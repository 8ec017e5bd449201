package dev.evosld.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The candidates no other candidate beats on both validation error and complexity (nodes plus
 * parameters), and the rule that picks the reported law from them.
 */
final class ParetoFront {

    private ParetoFront() {
    }

    /** The front, simplest first; among equally complex laws the best (then the first found) is kept. */
    static List<CandidateCache.Entry> of(List<CandidateCache.Entry> candidates) {
        List<CandidateCache.Entry> valid = new ArrayList<>(candidates.stream()
            .filter(e -> !e.evaluation().isFailure()).toList());
        valid.sort(Comparator.comparingInt((CandidateCache.Entry e) -> e.evaluation().complexity())
            .thenComparingDouble(e -> e.evaluation().validationError()));
        List<CandidateCache.Entry> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (CandidateCache.Entry entry : valid) {
            if (entry.evaluation().validationError() < best) {
                front.add(entry);
                best = entry.evaluation().validationError();
            }
        }
        return front;
    }

    /**
     * How many standard errors of the best law's validation error a simpler law may trail it by and still be
     * chosen. Half, not the textbook one: the standard error is that of one law's error over the validation
     * rows, but laws are compared on the same rows, whose errors move together, so a difference is less noisy
     * than either error; a full standard error chose laws too simple to extrapolate on the train-only
     * stand-ins (DEVELOPERS.md).
     */
    static final double TOLERANCE = 0.5;

    /**
     * The reported law: the simplest on the front whose validation error is within {@link #TOLERANCE}
     * standard errors of the best one's. The best validation error among thousands of candidates is partly
     * luck; a difference smaller than its noise does not buy size, and simpler laws extrapolate more
     * reliably.
     */
    static CandidateCache.Entry choose(List<CandidateCache.Entry> front) {
        CandidateCache.Entry best = front.stream()
            .min(Comparator.comparingDouble(e -> e.evaluation().validationError())).orElseThrow();
        double acceptable = best.evaluation().validationError() + TOLERANCE * best.evaluation().standardError();
        return front.stream().filter(e -> e.evaluation().validationError() <= acceptable).findFirst().orElseThrow();
    }
}
