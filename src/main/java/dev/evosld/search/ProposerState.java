package dev.evosld.search;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a proposer carries from one round to the next, which every checkpoint keeps: a run resumed from one goes on
 * as the interrupted run would have, and loses at most what happened since.
 *
 * @param counts what the proposer has cost the run so far, by name (an LLM proposer: calls, cache hits, tokens), the
 *     parts before a resumption included
 */
public record ProposerState(Map<String, Long> counts) {
    public ProposerState {
        // sorted, so that a checkpoint's text depends on its values alone
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
