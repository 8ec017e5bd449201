package dev.evosld.search;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param request how it asks, by the option that sets each part (an LLM proposer: its temperature, token limit and laws
 *     per request), which a resumed run must ask alike to end as the run would have; empty for a proposer that asks
 *     nothing, and in a checkpoint written before it was recorded
 */
public record ProposerState(List<String> feedback, Map<String, Long> counts,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> request) {
    public ProposerState {
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        // sorted, so that a checkpoint's text depends on its values alone
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
        request = request == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(request));
    }
}
