package dev.evosld.search;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a proposer may know: the task, its train rows (never test), the parameter budget, the best laws so far and
 * the time the run has left.
 *
 * @param config the task
 * @param train the train split
 * @param parametersPerTarget the most parameters a law may have (the budget divided by the targets)
 * @param front the current Pareto front, best validation error first (empty at the start)
 * @param round how many times the proposer has been asked before
 * @param timeLeft how long the run may still search before its time limit (zero when it is reached): a proposer that
 *     waits, for an LLM's answer say, waits no longer
 */
public record ProposalContext(TaskConfig config, Train train, int parametersPerTarget, List<ScoredLaw> front, int round,
                              Duration timeLeft) {

    public ProposalContext {
        front = List.copyOf(front);
        Objects.requireNonNull(timeLeft, "timeLeft");
    }
}
