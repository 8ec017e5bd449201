package dev.evosld.suite;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One task and seed of a benchmark: the law its discovery run chose and how the run went.
 *
 * @param task the task
 * @param seed the seed
 * @param status {@code ran} (this invocation ran it from the start), {@code resumed} (continued from its
 *     checkpoint) or {@code reused} (an earlier invocation finished it)
 * @param law the chosen law in the law language
 * @param parameterCount its parameters per group and target
 * @param trainR2 R² on train (null if it failed)
 * @param validationR2 R² on the validation rows inside train
 * @param testR2 R² on test, computed once after the search (null if it failed)
 * @param testFailure why the test R² failed, or null
 * @param validationRmse per target, how far the law's validation predictions missed (null when unknown)
 * @param testRmse per target, how far its predictions of test missed (null when unknown or failed)
 * @param seconds wall-clock seconds of the search over all its resumptions, the final refit included
 *     (null when unknown)
 * @param candidatesFitted candidates fitted (null when unknown)
 * @param candidatesPerSecond candidates fitted per second (null when unknown)
 * @param generations generations run (null when unknown)
 * @param stoppedBy {@code generations} or {@code time limit} (null when unknown)
 * @param runDirectory the run directory
 * @param build the EvoSLD that finished the run ({@link Environment#build()}), null when unknown (a run finished before
 *     it was recorded)
 * @param ranWith the time limit, threads and proposers the run ran with, which for a run reused from an earlier
 *     invocation may not be this one's; null in a bench.json written before it was recorded
 */
public record SeedRun(String task, long seed, Status status, String law, int parameterCount, Double trainR2,
                      Double validationR2, Double testR2, String testFailure, Map<String, Double> validationRmse,
                      Map<String, Double> testRmse, Double seconds, Long candidatesFitted,
                      Double candidatesPerSecond, Integer generations, String stoppedBy, String runDirectory,
                      String build, RanWith ranWith) {

    /**
     * What a run ran with beyond its search settings, which a reused run shares with the plan: the time limit and
     * threads of the invocation that finished it (a resumed run's earlier parts may have had others: a checkpoint does
     * not keep them), and the proposers it asked over all its parts.
     *
     * @param timeLimitSeconds the time limit, null when unknown (a run finished before it was recorded)
     * @param threads threads fitting candidates, null when unknown
     * @param proposers the proposers, by name ({@code classic forms}), null when unknown
     * @param resumed whether the invocation that finished the run continued it from an earlier one's checkpoint, so
     *     that the time limit and threads are its last part's alone; null when unknown
     */
    public record RanWith(Double timeLimitSeconds, Integer threads, List<String> proposers, Boolean resumed) {
        public RanWith {
            proposers = proposers == null ? null : List.copyOf(proposers);
        }

        /** What a run ran with, not said to be resumed. */
        public RanWith(Double timeLimitSeconds, Integer threads, List<String> proposers) {
            this(timeLimitSeconds, threads, proposers, null);
        }

        /** Whether the run is known to have been resumed. */
        boolean knownResumed() {
            return Boolean.TRUE.equals(resumed);
        }
    }

    /** How a benchmark invocation came by a run's result. */
    public enum Status {
        RAN, RESUMED, REUSED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
