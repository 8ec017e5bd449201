package dev.evosld.search;

/** Progress of a discovery run, for a progress bar. Called on the search thread. */
public interface SearchListener {

    /**
     * After every generation (all islands).
     *
     * @param generation generations done
     * @param of generations planned
     * @param bestValidationR2 the best validation R² so far
     * @param candidatesPerSecond candidates fitted per second so far
     * @param cacheHitRate the share of candidates served from the cache
     */
    void onGeneration(int generation, int of, double bestValidationR2, double candidatesPerSecond, double cacheHitRate);

    /** A one-line message (a proposer problem, a checkpoint written). */
    default void onMessage(String message) {
    }

    static SearchListener none() {
        return (generation, of, best, rate, hits) -> {
        };
    }
}
