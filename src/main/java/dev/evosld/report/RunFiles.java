package dev.evosld.report;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/** Reads the optional files a {@code discover} run leaves next to {@code law.json}. */
final class RunFiles {
    private RunFiles() {
    }

    /**
     * One law of the Pareto front of validation error against complexity.
     *
     * @param law the formula in the law language
     * @param validationError the error on the validation rows (null if it could not be fitted)
     * @param validationR2 the R² on the validation rows (null if it could not be fitted)
     * @param differenceStandardError the standard error of the difference between its validation error and the
     *     front's best (null if unknown, as in runs of versions before it was recorded)
     * @param chosen whether this is the law the run chose
     */
    record ParetoEntry(String law, int parameterCount, int nodeCount, Double validationError, Double validationR2,
                       Double differenceStandardError, boolean chosen) {

        /** The front's size measure: nodes plus parameters, as the search ranks laws. */
        int complexity() {
            return nodeCount + parameterCount;
        }
    }

    /** The search's state after one generation. */
    record HistoryEntry(int generation, Double bestValidationError, Double bestValidationR2, Long candidatesFitted,
                        Long cacheHits, Double seconds) {
    }

    static Optional<List<ParetoEntry>> pareto(Path file) {
        return read(file, ParetoEntry[].class).map(List::of);
    }

    static Optional<List<HistoryEntry>> history(Path file) {
        return read(file, HistoryEntry[].class).map(List::of);
    }

    private static <T> Optional<T[]> read(Path file, Class<T[]> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            T[] entries = Json.mapper().readValue(Files.readString(file), type);
            if (entries == null) {
                throw new EvosldException(file + ": expected a JSON array, got null");
            }
            return Optional.of(entries);
        } catch (IOException e) {
            throw new EvosldException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new EvosldException(file + Json.problem(e));
        }
    }
}
