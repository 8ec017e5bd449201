package dev.evosld.suite;

import com.fasterxml.jackson.annotation.JsonValue;
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
 */
public record SeedRun(String task, long seed, Status status, String law, int parameterCount, Double trainR2,
                      Double validationR2, Double testR2, String testFailure, Map<String, Double> validationRmse,
                      Map<String, Double> testRmse, Double seconds, Long candidatesFitted,
                      Double candidatesPerSecond, Integer generations, String stoppedBy, String runDirectory,
                      String build) {

    /** How a benchmark invocation came by a run's result. */
    public enum Status {
        RAN, RESUMED, REUSED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
