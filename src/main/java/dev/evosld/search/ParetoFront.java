package dev.evosld.search;

import dev.evosld.law.Simplifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The candidates no other candidate beats on both validation error and complexity (nodes plus
 * parameters), and the rule that picks the reported law from them.
 */
final class ParetoFront {

    private ParetoFront() {
    }

    /**
     * The relative margin by which a richer law must lower the best validation error of every simpler law to
     * join the front. Below it the difference is the fitter's tolerance, not the law: a shift that fits to
     * nothing ({@code (N + k)^c}) or a parameter written twice lowered errors in their seventh digit, and the
     * front listed such near-duplicates beside the laws they copy.
     */
    static final double NEAR_TIE = 1e-5;

    /**
     * The validation error (1 − R², each row's squared error over the variance of the held-out targets) at
     * or below which a law is exact up to the rounding of its data, and ties with every other such law. Data
     * written to 7 significant digits is off by up to 5e-7 of each value, errors up to 3e-9 where the held-out
     * targets' standard deviation is a hundredth of their value; laws that fit it exactly differ there by
     * rounding noise alone, which the relative {@link #NEAR_TIE} and the paired standard error took as real (a
     * user's exact power law came back as {@code (k * (N - k^alpha))^beta}). Measured runs validate orders of
     * magnitude above it, so the floor never applies to them.
     */
    static final double EXACT = 1e-8;

    /** A validation error as laws are compared: errors of exact laws (at most {@link #EXACT}) are all alike. */
    static double compared(double validationError) {
        return Math.max(validationError, EXACT);
    }

    /**
     * The front, simplest first; among equally complex laws the best (then the first found) is kept, and a
     * richer law only if it beats every simpler one by more than {@link #NEAR_TIE} of their error, never
     * after an exact law.
     */
    static List<CandidateCache.Entry> of(List<CandidateCache.Entry> candidates) {
        List<CandidateCache.Entry> valid = new ArrayList<>(candidates.stream()
            .filter(e -> !e.evaluation().isFailure()).toList());
        valid.sort(Comparator.comparingInt((CandidateCache.Entry e) -> e.evaluation().complexity())
            .thenComparingDouble(e -> e.evaluation().validationError()));
        List<CandidateCache.Entry> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (CandidateCache.Entry entry : valid) {
            double error = compared(entry.evaluation().validationError());
            if (error < best && (front.isEmpty() || error < best - NEAR_TIE * best)) {
                front.add(entry);
                best = error;
            }
        }
        return front;
    }

    /**
     * The front a run reports and chooses its law from: that of the laws whose value depends on a variable. A law
     * whose variables cancel ({@code A * (N / N)}, {@link Simplifier#isConstant}) is a constant written as a law of
     * N, and at a budget of one parameter it was reported as such. The search scores it like any candidate, so its
     * path, its front and its proposals stay those of every earlier run; only what is reported leaves it out.
     */
    static List<CandidateCache.Entry> reported(List<CandidateCache.Entry> candidates) {
        return of(candidates.stream().filter(e -> !e.constant()).toList());
    }

    /**
     * The keys of the laws whose per-row errors the choice may still need: those on the search's front, and those
     * on the {@linkplain #reported reported} one, where a law the search's front lost to a constant stays.
     */
    static Set<String> keptKeys(List<CandidateCache.Entry> candidates) {
        Set<String> keys = new LinkedHashSet<>();
        of(candidates).forEach(e -> keys.add(e.key()));
        reported(candidates).forEach(e -> keys.add(e.key()));
        return keys;
    }

    /**
     * How many standard errors of the paired difference a simpler law may trail the best by and still be
     * chosen: the textbook one, now that the standard error is that of the difference itself.
     */
    static final double TOLERANCE = 1;

    /**
     * The reported law: the simplest on the front whose validation error exceeds the best one's by at most
     * {@link #TOLERANCE} standard errors of the difference, taken row by row on the validation rows both
     * were scored on. The best validation error among thousands of candidates is partly luck; a difference
     * smaller than its noise does not buy size, and simpler laws extrapolate more reliably. Paired, because
     * the laws' errors on the same rows move together: one law's own standard error overstates the noise in
     * a difference, and a rule built on it chose laws too simple to extrapolate (DEVELOPERS.md).
     *
     * @param errors the per-row validation errors of a front law
     */
    static CandidateCache.Entry choose(List<CandidateCache.Entry> front,
                                       Function<CandidateCache.Entry, ValidationErrors> errors) {
        CandidateCache.Entry best = best(front);
        ValidationErrors bestErrors = errors.apply(best);
        double bestError = compared(best.evaluation().validationError());
        for (CandidateCache.Entry entry : front) {
            double excess = compared(entry.evaluation().validationError()) - bestError;
            if (excess <= TOLERANCE * errors.apply(entry).pairedStandardError(bestErrors)) {
                return entry;
            }
        }
        return best;
    }

    /** The law with the lowest validation error (the first of equals). */
    static CandidateCache.Entry best(List<CandidateCache.Entry> laws) {
        return laws.stream().min(Comparator.comparingDouble(e -> e.evaluation().validationError())).orElseThrow();
    }
}
