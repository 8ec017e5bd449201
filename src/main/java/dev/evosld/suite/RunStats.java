package dev.evosld.suite;

import dev.evosld.EvosldException;
import dev.evosld.eval.R2;
import dev.evosld.json.Json;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.HistoryEntry;
import dev.evosld.search.SearchResult;
import dev.evosld.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * What {@code law.json} does not say about a benchmark run: its settings and how long it took. Kept in
 * {@code search.json} of the run directory, written just before {@code law.json}, so that a run whose
 * {@code law.json} exists has it too.
 *
 * @param seed the run's seed (null when unknown)
 * @param plannedGenerations the generations it was set to run
 * @param population individuals per island
 * @param islands island populations per restart
 * @param restarts independent searches (null in the stats of a run older than restarts: one)
 * @param generations generations run
 * @param stoppedBy {@code generations} or {@code time limit}
 * @param seconds wall-clock seconds over all resumptions, the final refit included
 * @param candidatesFitted candidates fitted
 * @param cacheHits candidates served from the cache
 * @param candidatesPerSecond candidates fitted per second
 * @param testFailure why the test R² failed, or null
 * @param build the EvoSLD that finished the run ({@link Environment#build()}), null in stats written before it was
 *     recorded
 * @param timeLimitSeconds the time limit of the invocation that finished the run, null in stats written before it was
 *     recorded
 * @param threads the threads of the invocation that finished the run, null in stats written before it was recorded
 * @param resumed whether that invocation continued the run from an earlier one's checkpoint, so that the time limit and
 *     threads are its last part's alone (a checkpoint keeps neither); null in stats written before it was recorded
 */
record RunStats(Long seed, Integer plannedGenerations, Integer population, Integer islands, Integer restarts,
                Integer generations,
                String stoppedBy, Double seconds, Long candidatesFitted, Long cacheHits, Double candidatesPerSecond,
                String testFailure, String build, Double timeLimitSeconds, Integer threads, Boolean resumed) {

    static final String FILE_NAME = "search.json";

    /** @param resumed whether this invocation continued the run from an earlier one's checkpoint */
    static RunStats of(SearchSettings settings, SearchResult result, R2 test, String build, boolean resumed) {
        return new RunStats(settings.seed(), settings.generations(), settings.population(), settings.islands(),
            settings.restarts(), result.generations(), result.stoppedBy(), result.seconds(), result.candidatesFitted(),
            result.cacheHits(), result.candidatesPerSecond(), test.failure(), build,
            settings.timeLimit().toMillis() / 1000.0, settings.threads(), resumed);
    }

    static Path file(RunDirectory run) {
        return run.path().resolve(FILE_NAME);
    }

    void write(RunDirectory run) {
        AtomicFiles.write(file(run), Json.mapper().writeValueAsString(this) + "\n");
    }

    /**
     * The stats of a finished run: its {@code search.json}, else what its {@code history.json} tells (a run
     * directory that {@code evosld discover} wrote), else empty.
     */
    static Optional<RunStats> read(RunDirectory run) {
        try {
            return Optional.of(Json.mapper().readValue(Files.readString(file(run)), RunStats.class));
        } catch (NoSuchFileException e) {
            return fromHistory(run);
        } catch (IOException e) {
            throw new EvosldException("cannot read " + file(run) + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new EvosldException(file(run) + Json.problem(e) + " (delete it, or the run directory, to run again)");
        }
    }

    private static Optional<RunStats> fromHistory(RunDirectory run) {
        try {
            List<HistoryEntry> history = Json.mapper().readValue(Files.readString(run.historyFile()),
                new TypeReference<List<HistoryEntry>>() { });
            if (history.isEmpty()) {
                return Optional.empty();
            }
            HistoryEntry last = history.getLast();
            return Optional.of(new RunStats(null, null, null, null, null, last.generation(), null, last.seconds(),
                last.candidatesFitted(), last.cacheHits(),
                last.seconds() > 0 ? last.candidatesFitted() / last.seconds() : null, null, null, null, null, null));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    /** Whether these are the stats of a run the benchmark would run with {@code wanted}; unknown settings match. */
    boolean matches(SearchSettings wanted) {
        return (plannedGenerations == null || plannedGenerations == wanted.generations())
            && (population == null || population == wanted.population())
            && (islands == null || islands == wanted.islands())
            && (knownRestarts() == null || knownRestarts() == wanted.restarts());
    }

    String describe() {
        return SearchSettings.shape(plannedGenerations, knownRestarts(), islands, population);
    }

    /**
     * The run's restarts, or null when its settings are unknown: stats that know their islands but not their
     * restarts were written before there were restarts, so they made one.
     */
    private Integer knownRestarts() {
        return islands == null ? null : Objects.requireNonNullElse(restarts, 1);
    }
}
