package dev.evosld.search;

import dev.evosld.law.Law;
import dev.evosld.law.Simplifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every candidate scored so far, keyed by its canonical form, so that the same law is never fitted twice.
 * Entries keep their insertion order, which checkpoints preserve: a resumed run sees the same cache. The
 * per-row validation errors of an entry are kept only while it may still be on the Pareto front (see
 * {@link #retainErrors}): the choice of the reported law needs them for front laws alone, and a law once
 * off the front never returns to it. Not thread-safe; the search touches it from one thread.
 */
final class CandidateCache {

    /**
     * The first law scored under a key, and its score.
     *
     * @param constant whether the law's variables cancel ({@link Simplifier#isConstant}), so that it is never
     *     reported: told once here, since the front the run reports is taken anew every generation over every entry
     */
    record Entry(String key, Law law, Evaluation evaluation, boolean constant) {

        Entry(String key, Law law, Evaluation evaluation) {
            this(key, law, evaluation, Simplifier.isConstant(law));
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, ValidationErrors> errors = new HashMap<>();
    private long hits;
    private long misses;
    private double bestError = Double.POSITIVE_INFINITY;

    Optional<Entry> find(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            misses++;
        } else {
            hits++;
        }
        return Optional.ofNullable(entry);
    }

    /**
     * @param errors the entry's per-row validation errors, null when it failed (or, restored from a
     *     checkpoint, was no longer on the front)
     */
    void put(Entry entry, ValidationErrors errors) {
        if (entries.putIfAbsent(entry.key(), entry) == null) {
            if (!entry.constant()) {
                // the best the run can report: a constant is never reported (ParetoFront.reported)
                bestError = Math.min(bestError, entry.evaluation().validationError());
            }
            if (errors != null) {
                this.errors.put(entry.key(), errors);
            }
        }
    }

    /** The per-row validation errors of the entry under {@code key}, if still kept. */
    Optional<ValidationErrors> errors(String key) {
        return Optional.ofNullable(errors.get(key));
    }

    /** Forgets the per-row errors of every entry but those under {@code keys} (the front's). */
    void retainErrors(Collection<String> keys) {
        errors.keySet().retainAll(keys);
    }

    /** The lowest validation error of any entry but a constant's. */
    double bestError() {
        return bestError;
    }

    boolean contains(String key) {
        return entries.containsKey(key);
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    int size() {
        return entries.size();
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    void restoreCounts(long hits, long misses) {
        this.hits = hits;
        this.misses = misses;
    }
}
