package dev.evosld.data.hub;

import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;

/**
 * What the last complete pull of a task wrote, kept in {@code <task>/.hub.json} so that the next pull can
 * tell with a few cheap requests whether anything changed.
 *
 * @param dataset the Hugging Face dataset id
 * @param config  the config pulled
 * @param columns the CSV columns written
 * @param splits  each split's {@code num_rows_total} on Hugging Face and the SHA-256 of its CSV
 */
record Manifest(String dataset, String config, List<String> columns, Map<String, SplitState> splits) {
    static final String FILE_NAME = ".hub.json";

    /**
     * @param numRowsTotal the split's row count on Hugging Face when it was pulled
     * @param sha256       the lowercase hex SHA-256 of the CSV written
     */
    record SplitState(long numRowsTotal, String sha256) {
    }

    Manifest {
        // a hand-edited file may lack fields; such a manifest describes no pull and is ignored
        columns = columns == null ? List.of() : List.copyOf(columns);
        // sorted, so that the file's bytes depend on its content only
        splits = splits == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(splits));
    }

    /** The manifest in {@code directory}, or empty when there is none or it cannot be read. */
    static Optional<Manifest> read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Manifest manifest = Json.mapper().readValue(Files.readAllBytes(file), Manifest.class);
            boolean complete = manifest != null && manifest.dataset() != null && manifest.config() != null
                && manifest.splits().values().stream().allMatch(s -> s != null && s.sha256() != null);
            return complete ? Optional.of(manifest) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            // A damaged manifest only costs a fresh download, which rewrites it.
            return Optional.empty();
        }
    }

    /** Whether this manifest was written for the same dataset, config and columns as {@code spec}. */
    boolean describes(PullSpec spec) {
        return dataset.equals(spec.dataset()) && config.equals(spec.config()) && columns.equals(spec.columns());
    }

    byte[] toJson() {
        return (Json.mapper().writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
