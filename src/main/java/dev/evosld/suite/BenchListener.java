package dev.evosld.suite;

/** Progress of a benchmark, for a progress display. Called on the benchmark's thread. */
public interface BenchListener {

    /** Before the first run, once every task's data is loaded; {@code plan.units()} runs are due. */
    default void onStart(BenchPlan plan) {
    }

    /**
     * A run begins, or is about to be read back when {@code status} is {@link SeedRun.Status#REUSED}.
     *
     * @param index the run's place in the suite, 1-based
     */
    default void onRunStart(String task, long seed, SeedRun.Status status, int index, int units) {
    }

    /** After each generation of the current run. */
    default void onGeneration(String task, long seed, int generation, int of, double bestValidationR2) {
    }

    /** A run is finished and its {@code law.json} written (or read back). */
    default void onRunDone(SeedRun run, int index, int units) {
    }

    /** A one-line message. */
    default void onMessage(String message) {
    }

    static BenchListener none() {
        return new BenchListener() {
        };
    }
}
