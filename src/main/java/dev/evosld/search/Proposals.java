package dev.evosld.search;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's questions to its proposers: the seeds of its first populations and the rewrites of each restart's best laws,
 * with what a checkpoint keeps of them (the rounds asked, the proposers asked, their states). A proposer that fails
 * costs the run its answer, never the run: the listener is told why.
 */
final class Proposals {
    private final TaskConfig config;
    private final Train train;
    private final int parametersPerTarget;
    private final List<Proposer> proposers;
    private final SearchListener listener;
    /** The proposers asked for laws by this run, before a resumption too: law.json names them. */
    private final Set<String> asked = new LinkedHashSet<>();
    private int rounds;

    Proposals(TaskConfig config, Train train, int parametersPerTarget, List<Proposer> proposers,
              SearchListener listener) {
        this.config = config;
        this.train = train;
        this.parametersPerTarget = parametersPerTarget;
        this.proposers = List.copyOf(proposers);
        this.listener = listener;
        this.proposers.forEach(proposer -> asked.add(proposer.name()));
    }

    /** Every proposer's seeds, in the proposers' order. */
    List<LawTree> seeds(Duration timeLeft) {
        List<LawTree> seeds = new ArrayList<>();
        ProposalContext context = context(List.of(), timeLeft);
        for (Proposer proposer : proposers) {
            try {
                proposer.seeds(context).forEach(law -> seeds.add(new LawTree(law, Map.of())));
            } catch (RuntimeException e) {
                listener.onMessage(proposer.name() + ": no seeds: " + e.getMessage());
            }
        }
        return seeds;
    }

    /** Every proposer's rewrites of the five laws of a restart's {@code front} that validate best. */
    List<LawTree> rewrites(List<ScoredLaw> front, Duration timeLeft) {
        List<ScoredLaw> best = front.stream()
            .sorted(Comparator.comparingDouble(s -> s.evaluation().validationError())).limit(5).toList();
        ProposalContext context = context(front, timeLeft);
        List<LawTree> rewrites = new ArrayList<>();
        for (Proposer proposer : proposers) {
            try {
                proposer.rewrites(context, best).forEach(law -> rewrites.add(new LawTree(law, Map.of())));
            } catch (RuntimeException e) {
                listener.onMessage(proposer.name() + ": no rewrites: " + e.getMessage());
            }
        }
        return rewrites;
    }

    private ProposalContext context(List<ScoredLaw> front, Duration timeLeft) {
        return new ProposalContext(config, train, parametersPerTarget, front, rounds, timeLeft);
    }

    /** Counts a round of rewrites of every restart's laws, which the next round's context carries. */
    void roundDone() {
        rounds++;
    }

    int rounds() {
        return rounds;
    }

    /** The proposers asked so far, those of earlier invocations first, in the order they were first asked. */
    List<String> asked() {
        return List.copyOf(asked);
    }

    /** What each proposer that has a state carries into its next round, by name. */
    Map<String, ProposerState> states() {
        Map<String, ProposerState> states = new java.util.TreeMap<>();
        for (Proposer proposer : proposers) {
            proposer.state().ifPresent(state -> states.put(proposer.name(), state));
        }
        return states;
    }

    /** Takes up where the checkpointed run left its proposers. */
    void restore(Checkpoint checkpoint) {
        rounds = checkpoint.proposerRounds();
        if (checkpoint.proposers() != null) {
            // those of earlier invocations first, in the order they were first asked
            Set<String> earlierFirst = new LinkedHashSet<>(checkpoint.proposers());
            earlierFirst.addAll(asked);
            asked.clear();
            asked.addAll(earlierFirst);
        }
        if (checkpoint.proposerStates() != null) {
            for (Proposer proposer : proposers) {
                ProposerState state = checkpoint.proposerStates().get(proposer.name());
                if (state != null) {
                    proposer.restore(state);
                }
            }
        }
    }
}
