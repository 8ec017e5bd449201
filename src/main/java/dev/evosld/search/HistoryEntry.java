package dev.evosld.search;

/**
 * The state of the search after a generation.
 *
 * @param generation the generation (1-based: generations done)
 * @param bestValidationError the best 1 − R² on validation rows so far
 * @param bestValidationR2 the same as R²
 * @param candidatesFitted candidates fitted so far
 * @param cacheHits candidates served from the cache so far
 * @param seconds wall-clock seconds so far
 */
public record HistoryEntry(int generation, double bestValidationError, double bestValidationR2, long candidatesFitted,
                           long cacheHits, double seconds) {
}
