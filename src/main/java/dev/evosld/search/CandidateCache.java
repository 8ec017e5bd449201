package dev.evosld.search;

import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every candidate scored so far, keyed by its canonical form, so that the same law is never fitted twice.
 * Entries keep their insertion order, which checkpoints preserve: a resumed run sees the same cache.
 * Not thread-safe; the search touches it from one thread.
 */
final class CandidateCache {

    /** The first law scored under a key, and its score. */
    record Entry(String key, Law law, Evaluation evaluation) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
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

    void put(Entry entry) {
        if (entries.putIfAbsent(entry.key(), entry) == null) {
            bestError = Math.min(bestError, entry.evaluation().validationError());
        }
    }

    /** The lowest validation error of any entry. */
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
