package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.law.Law;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProposalsTest {
    private final List<String> messages = new ArrayList<>();
    private final SearchListener listener = new SearchListener() {
        @Override
        public void onGeneration(int generation, int of, double best, double rate, double hits) {
        }

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }
    };

    /** A proposer that proposes {@code law} and remembers what it was given; one with a null law fails. */
    private static final class Recording implements Proposer {
        private final String name;
        private final String law;
        private final List<ProposalContext> contexts = new ArrayList<>();
        private final List<List<ScoredLaw>> asked = new ArrayList<>();
        private ProposerState state;

        Recording(String name, String law) {
            this.name = name;
            this.law = law;
        }

        private List<Law> answer(ProposalContext context) {
            contexts.add(context);
            if (law == null) {
                throw new IllegalStateException("the server said no");
            }
            return List.of(Law.parse(law, SyntheticTask.FEATURES));
        }

        @Override
        public List<Law> seeds(ProposalContext context) {
            return answer(context);
        }

        @Override
        public List<Law> rewrites(ProposalContext context, List<ScoredLaw> best) {
            asked.add(best);
            return answer(context);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<ProposerState> state() {
            return Optional.ofNullable(state);
        }

        @Override
        public void restore(ProposerState state) {
            this.state = state;
        }
    }

    private Proposals proposals(Proposer... proposers) {
        return new Proposals(SyntheticTask.config(), SyntheticTask.train(), 5, List.of(proposers), listener);
    }

    private static List<String> laws(List<LawTree> trees) {
        return trees.stream().map(tree -> tree.law().toString()).toList();
    }

    @Test
    void aProposerThatFailsCostsTheRunItsAnswerAloneAndSaysWhy() {
        Recording failing = new Recording("llm", null);
        Recording classic = new Recording("classic", "E + A * N");
        Proposals proposals = proposals(failing, classic);
        assertEquals(List.of("E + A * N"), laws(proposals.seeds(Duration.ofSeconds(9))));
        assertEquals(List.of("E + A * N"), laws(proposals.rewrites(List.of(), Duration.ofSeconds(8))));
        assertEquals(List.of("llm: no seeds: the server said no", "llm: no rewrites: the server said no"), messages);
    }

    @Test
    void rewritesAreAskedOfTheFiveLawsThatValidateBestWithTheRoundsBefore() {
        Recording proposer = new Recording("classic", "E + A * N");
        Proposals proposals = proposals(proposer);
        List<ScoredLaw> front = new ArrayList<>();
        for (double error : new double[] {0.5, 0.1, 0.7, 0.3, 0.2, 0.6, 0.4}) {
            front.add(new ScoredLaw(Law.parse("E + " + error + " * N", SyntheticTask.FEATURES),
                new Evaluation(error, 0.01, 1, 3, Map.of("E", 1.0), null)));
        }
        proposals.seeds(Duration.ofSeconds(9));
        proposals.rewrites(front, Duration.ofSeconds(8));
        proposals.roundDone();
        proposals.rewrites(front, Duration.ofSeconds(7));
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5), proposer.asked.getFirst().stream()
            .map(s -> s.evaluation().validationError()).toList());
        assertEquals(List.of(0, 0, 1), proposer.contexts.stream().map(ProposalContext::round).toList());
        assertEquals(List.of(0, 7, 7), proposer.contexts.stream().map(c -> c.front().size()).toList(),
            "seeds are asked of no front, rewrites of the whole");
        assertEquals(List.of(Duration.ofSeconds(9), Duration.ofSeconds(8), Duration.ofSeconds(7)),
            proposer.contexts.stream().map(ProposalContext::timeLeft).toList());
        assertEquals(1, proposals.rounds());
    }

    @Test
    void aResumeTakesUpTheRoundsTheProposersAskedBeforeAndTheirStates() {
        Recording classic = new Recording("classic", "E + A * N");
        Recording llm = new Recording("llm", "E + A * D");
        Proposals proposals = proposals(classic, llm);
        ProposerState state = new ProposerState(List.of("refused: E + A * M"), Map.of("calls", 3L), Map.of());
        proposals.restore(new Checkpoint(Checkpoint.VERSION, "synthetic", null, 4, List.of(), List.of(), List.of(),
            0, 0, 1.5, 2, null, List.of("llm", "other"), Map.of("llm", state)));
        assertEquals(2, proposals.rounds());
        assertEquals(List.of("llm", "other", "classic"), proposals.asked(), "those of earlier invocations first");
        assertEquals(Map.of("llm", state), proposals.states(), "a proposer without a state has none");
        assertEquals(Optional.empty(), classic.state());
    }

    @Test
    void aCheckpointWrittenBeforeProposersWereRecordedLeavesThemAsTheyAre() {
        Proposals proposals = proposals(new Recording("classic", "E + A * N"));
        proposals.restore(new Checkpoint(Checkpoint.VERSION, "synthetic", null, 4, List.of(), List.of(), List.of(),
            0, 0, 1.5, 0, null, null, null));
        assertEquals(List.of("classic"), proposals.asked());
        assertEquals(Map.of(), proposals.states());
    }
}
