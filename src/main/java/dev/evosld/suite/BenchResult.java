package dev.evosld.suite;

import dev.evosld.search.SearchSettings;
import java.util.List;

/**
 * A finished benchmark, as {@code bench.json} holds it.
 *
 * @param environment where and when it ran
 * @param settings how
 * @param wallSeconds wall-clock seconds of this invocation (runs reused from an earlier one cost nothing)
 * @param counts how this invocation came by the runs
 * @param tasks per task, in the plan's order
 * @param mean the mean row over tasks
 */
public record BenchResult(Environment environment, Settings settings, double wallSeconds, Counts counts,
                          List<TaskSummary> tasks, Mean mean) {

    public BenchResult {
        tasks = List.copyOf(tasks);
    }

    /**
     * @param seeds seeds per task, {@code 0 … seeds − 1}
     * @param generations generations per run, or null for each task's own
     * @param population individuals per island
     * @param islands island populations per restart
     * @param restarts independent searches per run, or null for each task's own
     * @param search the generations, restarts, islands and population the runs searched, in words, as the console's
     *     header gives them: each task's where they differ ({@code 60, 120 or 180 generations, 1 or 3 restarts × 2
     *     islands of 96, as each task's config sets})
     * @param timeLimitSeconds the time limit this invocation gives each run it runs or resumes; a run reused from an
     *     earlier invocation may have had another ({@link SeedRun#ranWith()}), which bench.md names
     * @param threads threads fitting candidates (does not change results), this invocation's as the time limit is
     * @param proposers the proposers, by name, this invocation's as the time limit is
     * @param dataDirectory where the data came from
     */
    public record Settings(int seeds, Integer generations, int population, int islands, Integer restarts,
                           String search, double timeLimitSeconds,
                           int threads, List<String> proposers, String dataDirectory) {
        public Settings {
            proposers = List.copyOf(proposers);
        }

        /** The settings of {@code plan}'s runs, searched with {@code proposers}. */
        static Settings of(BenchPlan plan, List<String> proposers) {
            SearchSettings search = plan.search();
            return new Settings(plan.seeds(), plan.effort().generations(), search.population(), search.islands(),
                plan.effort().restarts(), Bench.shape(plan), search.timeLimit().toMillis() / 1000.0, search.threads(),
                proposers, plan.data().toString());
        }
    }

    /** How many runs this invocation ran from the start, resumed from a checkpoint, and reused as finished. */
    public record Counts(int ran, int resumed, int reused) {
    }

    /**
     * The mean over tasks of each task's numbers.
     *
     * @param validationR2 means over tasks of the tasks' mean, best and worst validation R²
     * @param testR2 the same for test R²
     * @param parameterCount the mean parameter count
     * @param seconds the mean seconds per run (null when some are unknown)
     * @param candidatesPerSecond the mean candidates per second (null when some are unknown)
     * @param humanR2 the mean human-law R² (null when a task has no references)
     * @param leaderboardR2 the mean leaderboard R² (null when a task has no references)
     */
    public record Mean(Stat validationR2, Stat testR2, double parameterCount, Double seconds,
                       Double candidatesPerSecond, Double humanR2, Double leaderboardR2) {

        static Mean of(List<TaskSummary> tasks) {
            boolean referenced = tasks.stream().allMatch(t -> t.references() != null);
            return new Mean(
                Stat.ofTasks(tasks.stream().map(TaskSummary::validationR2).toList()),
                Stat.ofTasks(tasks.stream().map(TaskSummary::testR2).toList()),
                tasks.stream().mapToDouble(TaskSummary::parameterCount).average().orElse(0),
                TaskSummary.meanIfKnown(tasks.stream().map(TaskSummary::seconds).toList()),
                TaskSummary.meanIfKnown(tasks.stream().map(TaskSummary::candidatesPerSecond).toList()),
                referenced ? Stat.mean(tasks.stream().map(t -> t.references().humanR2()).toList()) : null,
                referenced ? Stat.mean(tasks.stream().map(t -> t.references().leaderboardR2()).toList()) : null);
        }
    }
}
