package dev.evosld.search;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a proposer carries from one round to the next, which every checkpoint keeps: a run resumed from one goes on
 * as the interrupted run would have, and loses at most what happened since.
 *
 * @param feedback the lines its next request repeats (an LLM proposer: why it refused laws of its previous answer)
 * @param counts what the proposer has cost the run so far, by name (an LLM proposer: calls, cache hits, tokens), the
 *     parts before a resumption included
 */
public record ProposerState(List<String> feedback, Map<String, Long> counts) {
    public ProposerState {
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        // sorted, so that a checkpoint's text depends on its values alone
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
