package dev.evosld.search;

import dev.evosld.eval.ParameterSet;
import dev.evosld.fit.StartAgreement;
import dev.evosld.law.Law;
import dev.evosld.law.ReadableSigns;
import java.util.List;

/**
 * What a discovery run found.
 *
 * @param law the chosen law, written as reported ({@link ReadableSigns}: {@code E - 2*N^a}, not {@code E + -2*N^a})
 * @param evaluation its validation score
 * @param parameters its parameters fitted on all of train
 * @param trainR2 R² on train with those parameters (NaN if it failed)
 * @param refitAgreement whether that fit's starts agreed on each group's optimum
 * @param front the Pareto front, simplest first, its laws written like {@code law}
 * @param history the best validation error per generation
 * @param generations generations run
 * @param candidatesFitted candidates fitted (cache misses)
 * @param cacheHits candidates served from the cache
 * @param seconds wall-clock seconds of the search (over all resumptions)
 * @param stoppedBy {@value #BY_GENERATIONS} or {@value #BY_TIME_LIMIT}
 * @param validationRmse how far the chosen law's validation predictions missed, in the targets' units; null if
 *     its validation failed when repeated at the end
 * @param proposers the names of the proposers asked for laws ({@link Proposer#name}), before a resumption too
 * @param restarts the restarts that searched: fewer than planned when the time limit came before the last ones
 *     were seeded
 */
public record SearchResult(Law law, Evaluation evaluation, ParameterSet parameters, double trainR2,
                           StartAgreement refitAgreement, List<FrontLaw> front,
                           List<HistoryEntry> history, int generations, long candidatesFitted, long cacheHits,
                           double seconds, String stoppedBy, ValidationRmse validationRmse,
                           List<String> proposers, int restarts) {

    /** A run that ended by its generation count, reproducible bit for bit. */
    public static final String BY_GENERATIONS = "generations";
    /** A run its time limit cut short. */
    public static final String BY_TIME_LIMIT = "time limit";

    public SearchResult {
        // the search is over, so its laws' texts are no longer cache keys: from here on they are read by people
        law = ReadableSigns.of(law);
        front = front.stream().map(f -> new FrontLaw(ReadableSigns.of(f.law()), f.evaluation(),
            f.differenceStandardError())).toList();
        history = List.copyOf(history);
        proposers = List.copyOf(proposers);
    }

    public double candidatesPerSecond() {
        return seconds > 0 ? candidatesFitted / seconds : 0;
    }
}
