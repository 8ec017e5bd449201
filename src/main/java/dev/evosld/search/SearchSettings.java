package dev.evosld.search;

import dev.evosld.data.TaskConfig.SearchEffort;
import java.time.Duration;
import java.util.Objects;

/**
 * How a discovery run searches.
 *
 * @param seed the seed: the same seed and data give the same law, whatever the thread count, as long as
 *     the run ends by {@code generations} rather than by {@code timeLimit}
 * @param generations generations per island
 * @param population individuals per island
 * @param islands island populations per restart (migration between them every {@code epochLength} generations)
 * @param restarts independent searches run side by side, each with its own seed, islands and cache; each picks
 *     a law from its own front, and the run reports the pick that validates best
 * @param epochLength generations between migrations, checkpoints and proposer rewrites
 * @param timeLimit wall-clock limit; checked between generations and between restarts' initial populations
 * @param threads threads fitting candidates
 * @param validationStarts fit starts per candidate, group and target during the search
 * @param finalStarts fit starts when the chosen law is refitted on all of train
 * @param maxNodes the largest tree a candidate may have
 * @param proposerEvery ask the proposers for rewrites every this many epochs (0: never)
 */
public record SearchSettings(long seed, int generations, int population, int islands, int restarts, int epochLength,
                             Duration timeLimit, int threads, int validationStarts, int finalStarts, int maxNodes,
                             int proposerEvery) {
    public static final int DEFAULT_GENERATIONS = 60;
    /** Fit starts per group and target when the chosen law is refitted on all of train. */
    public static final int FINAL_STARTS = 512;
    public static final int DEFAULT_POPULATION = 96;
    public static final int DEFAULT_ISLANDS = 2;
    public static final int DEFAULT_RESTARTS = 3;
    public static final int DEFAULT_EPOCH_LENGTH = 3;
    public static final int DEFAULT_TIME_LIMIT_MINUTES = 5;
    /**
     * The most individuals (restarts × islands × population) a run takes: 2 islands of 1000000 held 6.7 GB and
     * scored their initial population for 4 minutes, past a 10 s time limit.
     */
    public static final long MOST_INDIVIDUALS = 1_000_000;

    public SearchSettings {
        Objects.requireNonNull(timeLimit);
        if (generations < 1 || population < 4 || islands < 1 || restarts < 1 || epochLength < 1 || threads < 1
            || validationStarts < 1 || finalStarts < 1 || maxNodes < 3 || proposerEvery < 0) {
            // the fields are not assigned yet, so the message names the arguments
            throw new IllegalArgumentException("invalid search settings: generations " + generations + ", population "
                + population + ", islands " + islands + ", restarts " + restarts + ", epoch length " + epochLength
                + ", threads " + threads + ", validation starts " + validationStarts + ", final starts " + finalStarts
                + ", max nodes " + maxNodes + ", proposer every " + proposerEvery);
        }
    }

    /**
     * The defaults: sized so every SLDBench task finishes within about five minutes on two cores (with three
     * restarts, where 60 generations of one take at most about 80 s; lr_bsz's config asks for one). The chosen law
     * is refitted with 512 starts: fewer left some of sft's 42 per-group fits short of their optimum (32 starts:
     * train R² 0.99911 to 0.99914 against 0.99929; 128 starts, on the 24 laws of a bench: sft 0.999206 against
     * 0.999289 and 0.999273 against 0.999308, domain_mixture 0.998892 against 0.998895), and the refit is still
     * a few seconds of a run.
     */
    public static SearchSettings defaults() {
        return new SearchSettings(0, DEFAULT_GENERATIONS, DEFAULT_POPULATION, DEFAULT_ISLANDS, DEFAULT_RESTARTS,
            DEFAULT_EPOCH_LENGTH,
            Duration.ofMinutes(DEFAULT_TIME_LIMIT_MINUTES),
            Runtime.getRuntime().availableProcessors(), 6, FINAL_STARTS, 41, 5);
    }

    public SearchSettings withSeed(long seed) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    public SearchSettings withGenerations(int generations) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    public SearchSettings withPopulation(int population) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    public SearchSettings withIslands(int islands) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    public SearchSettings withRestarts(int restarts) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    /** Every restart's individuals: what a run holds in memory once every restart is seeded. */
    public long individuals() {
        return (long) restarts * islands * population;
    }

    /** "60 generations, 2 islands of 96", or with restarts "60 generations, 3 restarts × 2 islands of 96". */
    public String shape() {
        return shape(generations, restarts, islands, population);
    }

    /** {@link #shape()} of settings partly unknown (null), as recorded runs may be. */
    public static String shape(Integer generations, Integer restarts, Integer islands, Integer population) {
        return generations + (Integer.valueOf(1).equals(generations) ? " generation, " : " generations, ") + (restarts != null && restarts > 1 ? restarts + " restarts × " : "")
            + islands + (Integer.valueOf(1).equals(islands) ? " island" : " islands")
            + " of " + population;
    }

    /** These settings with the generations and restarts {@code effort} gives, where it gives them. */
    public SearchSettings withEffort(SearchEffort effort) {
        SearchSettings settings = effort.generations() == null ? this : withGenerations(effort.generations());
        return effort.restarts() == null ? settings : settings.withRestarts(effort.restarts());
    }

    public SearchSettings withTimeLimit(Duration timeLimit) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    public SearchSettings withThreads(int threads) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    public SearchSettings withEpochLength(int epochLength) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }

    public SearchSettings withProposerEvery(int proposerEvery) {
        return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
            validationStarts, finalStarts, maxNodes, proposerEvery);
    }
}
