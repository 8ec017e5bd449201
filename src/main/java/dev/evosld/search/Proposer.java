package dev.evosld.search;

import dev.evosld.law.Law;
import java.util.List;
import java.util.Optional;

/**
 * Where candidate laws come from besides variation: seeds for the initial population and, every few
 * generations, rewrites of the best laws found so far. The offline {@link ClassicForms} proposer is the
 * default; an LLM proposer plugs into the same interface.
 */
public interface Proposer {

    /** Laws to seed the initial population with; they are validated and simplified by the search. */
    List<Law> seeds(ProposalContext context);

    /** Rewrites of the best laws so far (best first); the default proposes none. */
    default List<Law> rewrites(ProposalContext context, List<ScoredLaw> best) {
        return List.of();
    }

    /** A short name for logs ("classic forms", "llm gpt-4o-mini"). */
    String name();

    /** What the proposer carries from one round to the next, for a checkpoint; the default carries nothing. */
    default Optional<ProposerState> state() {
        return Optional.empty();
    }

    /** Takes up the state a checkpoint kept of the proposer of the same {@link #name()}, in a resumed run. */
    default void restore(ProposerState state) {
    }
}
