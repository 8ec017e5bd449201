package dev.evosld.search;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import java.util.List;

/**
 * What a proposer may know: the task, its train rows (never test), the parameter budget and the best laws
 * so far.
 *
 * @param config the task
 * @param train the train split
 * @param parametersPerTarget the most parameters a law may have (the budget divided by the targets)
 * @param front the current Pareto front, best validation error first (empty at the start)
 * @param round how many times the proposer has been asked before
 */
public record ProposalContext(TaskConfig config, Train train, int parametersPerTarget, List<ScoredLaw> front, int round) {

    public ProposalContext {
        front = List.copyOf(front);
    }
}
