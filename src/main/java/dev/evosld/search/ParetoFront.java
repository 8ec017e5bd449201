package dev.evosld.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The candidates no other candidate beats on both validation error and complexity (nodes plus
 * parameters), and the rule that picks the reported law from them.
 */
final class ParetoFront {
    /** A law whose validation error is within this factor of the best counts as as good. */
    static final double RELATIVE_TOLERANCE = 0.05;

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
     * The reported law: the simplest on the front whose validation error is within the tolerances of the
     * best one. Simpler laws extrapolate more reliably, so a tiny gain in validation error does not buy size.
     */
    static CandidateCache.Entry choose(List<CandidateCache.Entry> front) {
        double best = front.stream().mapToDouble(e -> e.evaluation().validationError()).min().orElseThrow();
        double acceptable = best * (1 + RELATIVE_TOLERANCE);
        return front.stream().filter(e -> e.evaluation().validationError() <= acceptable).findFirst().orElseThrow();
    }
}
