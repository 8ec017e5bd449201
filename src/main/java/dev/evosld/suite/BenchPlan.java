package dev.evosld.suite;

import dev.evosld.EvosldException;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.search.SearchSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a benchmark runs: every task with seeds {@code 0 … seeds − 1}.
 *
 * @param tasks the tasks, in the order they run and are listed
 * @param seeds how many seeds per task
 * @param search the search settings of every run; each run replaces the seed with its own
 * @param effort the generations and restarts of every run where given, over each task's own (its config's,
 *     else {@code search}'s)
 * @param out the benchmark directory: {@code <out>/<task>/seed-<s>/}, {@code bench.md}, {@code bench.json}
 * @param data where the tasks' data lives
 */
public record BenchPlan(List<String> tasks, int seeds, SearchSettings search, SearchEffort effort, Path out,
                        DataDirectory data) {

    /** The benchmark directory when none is given. */
    public static final Path DEFAULT_OUT = Path.of("bench-results");

    public BenchPlan {
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(data, "data");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no tasks");
        }
        if (new LinkedHashSet<>(tasks).size() != tasks.size()) {
            throw new IllegalArgumentException("a task is listed twice: " + tasks);
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, not " + seeds);
        }
        Objects.requireNonNull(effort, "effort");
    }

    /** The settings of a task's runs (seed aside). */
    public SearchSettings search(TaskConfig config) {
        return search.withEffort(config.search()).withEffort(effort);
    }

    /**
     * The tasks of a {@code --tasks} value: {@code all} for the eight SLDBench tasks, else names separated by
     * commas (repeats dropped).
     *
     * @throws EvosldException naming the first unknown task
     */
    public static List<String> parseTasks(String value) {
        String text = value.strip();
        if (text.equals("all")) {
            return TaskConfig.builtinTasks();
        }
        Set<String> tasks = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String task = part.strip();
            if (task.isEmpty()) {
                throw new EvosldException("--tasks '" + text + "': an empty task name (give all, or names separated by commas)");
            }
            if (task.equals("all")) {
                throw new EvosldException("--tasks '" + text + "': all goes alone (it means every task), not in a list");
            }
            if (!TaskConfig.builtinTasks().contains(task)) {
                throw new EvosldException("unknown task '" + task.replaceAll("\\p{Cntrl}", "?") + "' (tasks: all, "
                    + String.join(", ", TaskConfig.builtinTasks()) + ")");
            }
            tasks.add(task);
        }
        return new ArrayList<>(tasks);
    }

    /** The run directory of one task and seed. */
    public Path runDirectory(String task, long seed) {
        return out.resolve(task).resolve("seed-" + seed);
    }

    /** The number of runs: tasks × seeds. */
    public int units() {
        return tasks.size() * seeds;
    }
}
