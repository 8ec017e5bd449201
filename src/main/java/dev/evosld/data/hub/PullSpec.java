package dev.evosld.data.hub;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to pull for one task: where it lives on Hugging Face and what its CSVs must hold.
 *
 * @param task         the task name, also the folder under the data directory
 * @param dataset      the Hugging Face dataset id
 * @param config       the dataset config (subset) that holds the task
 * @param columns      the CSV columns in order: the group label first, then the features and the targets, all
 *                     of which must be numeric; the task config says which they are
 * @param expectedRows the row count each split must have, by split name; a split left out is not checked
 */
public record PullSpec(
    String task, String dataset, String config, List<String> columns, Map<String, Integer> expectedRows) {

    /** The SLDBench dataset on Hugging Face. */
    public static final String SLDBENCH = "pkuHaowei/sldbench";

    /** The splits every task has, pulled in this order. */
    public static final List<String> SPLITS = List.of("train", "test");

    public PullSpec {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(config, "config");
        // the task names a folder: keep it one plain path element
        if (!task.matches("[A-Za-z0-9_.-]+") || task.equals(".") || task.equals("..")) {
            throw new IllegalArgumentException("a task name must be letters, digits, '_', '-' or '.', not '" + task + "'");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("task '" + task + "' names no columns");
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("task '" + task + "' names a column twice: " + columns);
        }
        expectedRows = Map.copyOf(expectedRows);
        expectedRows.forEach((split, rows) -> {
            if (!SPLITS.contains(split)) {
                throw new IllegalArgumentException("task '" + task + "' expects rows of unknown split '" + split + "'");
            }
            if (rows < 0) {
                throw new IllegalArgumentException("task '" + task + "' expects " + rows + " rows in '" + split + "'");
            }
        });
    }

    /** The pull of SLDBench task {@code task}, whose config bears the task's name. */
    public static PullSpec sldbench(String task, List<String> columns, Map<String, Integer> expectedRows) {
        return new PullSpec(task, SLDBENCH, task, columns, expectedRows);
    }

    /** The group column, the first of {@link #columns()}. */
    public String groupColumn() {
        return columns.getFirst();
    }

    /** The row count {@code split} must have, if known. */
    public Optional<Integer> expectedRows(String split) {
        return Optional.ofNullable(expectedRows.get(split));
    }
}
