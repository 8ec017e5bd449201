package dev.evosld.search;

import io.jenetics.Phenotype;
import io.jenetics.prog.ProgramGene;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.List;

/**
 * One of a run's independent searches: its own seed (which also draws its validation folds and fit starts),
 * cache of scored laws and islands. Restart 0 has the run's seed, so a run of one restart is the search a
 * run of several starts with. The {@link Discovery} drives it and {@link Islands} evolves its islands; this only
 * holds its state.
 */
final class Restart {
    final int index;
    final SearchSettings settings;
    final CandidateScorer scorer;
    final CandidateCache cache = new CandidateCache();
    List<ISeq<Phenotype<ProgramGene<Double>, Double>>> islands = new ArrayList<>();
    /** Its evaluator, once the run has an executor. */
    LawEvaluator evaluator;

    /** @param settings the run's settings with this restart's seed */
    Restart(int index, SearchSettings settings, CandidateScorer scorer) {
        this.index = index;
        this.settings = settings;
        this.scorer = scorer;
    }

    /** The seed of restart {@code index} of a run seeded with {@code seed}: the run's own for the first. */
    static long seed(long seed, int index) {
        return index == 0 ? seed : Islands.mix(seed, -index, -1);
    }

    long seed() {
        return settings.seed();
    }

    /** The per-row validation errors of a law on its front, which the cache keeps for exactly those. */
    ValidationErrors errors(CandidateCache.Entry entry) {
        return cache.errors(entry.key()).orElseThrow(
            () -> new IllegalStateException("no validation errors kept for front law " + entry.law()));
    }
}
