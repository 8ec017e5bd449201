package dev.evosld.data.hub;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TaskPull} did for one task.
 *
 * @param task      the task
 * @param directory the task's folder, holding {@code train.csv} and {@code test.csv}
 * @param rows      the rows of each split, by split name
 * @param status    whether the CSVs were written anew or were already current
 */
public record PullOutcome(String task, Path directory, Map<String, Long> rows, Status status) {

    /** Whether a pull wrote anything. */
    public enum Status {
        /** The CSVs were downloaded and written. */
        DOWNLOADED,
        /** The local CSVs already matched Hugging Face; nothing was written. */
        UP_TO_DATE
    }

    public PullOutcome {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(directory, "directory");
        rows = Map.copyOf(rows);
        Objects.requireNonNull(status, "status");
    }
}
