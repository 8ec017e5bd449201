package dev.evosld.search;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import dev.evosld.run.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The whole state of a discovery run between generations, enough to continue it exactly: the island
 * populations, the cache of scored laws (in insertion order), the history and counters. Written as JSON.
 *
 * @param version the format version
 * @param task the task
 * @param settings the run's settings, which a resumed run keeps
 * @param generation generations done
 * @param islands each island's individuals, restart by restart
 * @param cache every scored law, restart by restart, each restart's in the order it was scored
 * @param history the history so far
 * @param cacheHits candidates served from the caches
 * @param fitted candidates fitted, over all restarts
 * @param seconds wall-clock seconds so far
 * @param proposerRounds how often the proposers were asked for rewrites
 */
record Checkpoint(int version, String task, Settings settings, int generation, List<List<Individual>> islands,
                  List<CachedLaw> cache, List<HistoryEntry> history, long cacheHits, long fitted, double seconds,
                  int proposerRounds) {

    static final int VERSION = 3;

    /** {@link SearchSettings} without the time limit and thread count, which a resumed run may change. */
    record Settings(long seed, int generations, int population, int islands, int restarts, int epochLength,
                    int validationStarts, int finalStarts, int maxNodes, int proposerEvery) {

        static Settings of(SearchSettings s) {
            return new Settings(s.seed(), s.generations(), s.population(), s.islands(), s.restarts(), s.epochLength(),
                s.validationStarts(), s.finalStarts(), s.maxNodes(), s.proposerEvery());
        }

        SearchSettings with(Duration timeLimit, int threads) {
            return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
                validationStarts, finalStarts, maxNodes, proposerEvery);
        }
    }

    /**
     * @param law the law in the law language
     * @param values its parameters' values (finite ones only)
     * @param fitness the penalized validation error, null when infinite
     * @param born the generation it was created in
     */
    record Individual(String law, Map<String, Double> values, Double fitness, long born) {
    }

    /**
     * @param restart the restart whose cache holds it
     * @param key the canonical key
     * @param law the law as first scored
     * @param validationError null when the law failed
     * @param errors the per-row validation errors ({@link ValidationErrors#segments()}) of a law on the Pareto
     *     front, null for the others
     */
    record CachedLaw(int restart, String key, String law, Double validationError, Double standardError,
                     int parameterCount, int nodeCount, Map<String, Double> fitted, String failure, List<double[]> errors) {
    }

    void write(Path file) {
        AtomicFiles.write(file, Json.mapper().writeValueAsString(this));
    }

    static Checkpoint read(Path file) {
        try {
            Checkpoint checkpoint = Json.mapper().readValue(Files.readString(file), Checkpoint.class);
            if (checkpoint.version() != VERSION) {
                throw new EvosldException(file + ": checkpoint format " + checkpoint.version() + ", this evosld reads "
                    + VERSION + " (" + (checkpoint.version() < VERSION ? "an older" : "a newer")
                    + " version wrote it); start the run afresh instead of resuming it");
            }
            return checkpoint;
        } catch (IOException e) {
            throw new EvosldException("cannot read checkpoint " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new EvosldException(file + ": not a checkpoint: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }
}
