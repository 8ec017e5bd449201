package dev.evosld.suite;

import java.util.List;

/**
 * One task of a benchmark: its runs and their statistics over seeds.
 *
 * @param task the task
 * @param runs one per seed, in seed order
 * @param validationR2 validation R² over seeds
 * @param testR2 test R² over seeds
 * @param parameterCount parameters per group and target, mean over seeds
 * @param seconds wall-clock seconds per run, mean over seeds (null when unknown)
 * @param candidatesPerSecond candidates fitted per second, mean over seeds (null when unknown)
 * @param references the published scores to compare with, or null
 */
public record TaskSummary(String task, List<SeedRun> runs, Stat validationR2, Stat testR2, double parameterCount,
                          Double seconds, Double candidatesPerSecond, References references) {

    public TaskSummary {
        runs = List.copyOf(runs);
    }

    /**
     * Scores on the task's test split to compare with, from the task's config.
     *
     * @param humanR2 the human-designed law's R²
     * @param leaderboardR2 the best public R²
     * @param source where the two numbers come from
     */
    public record References(double humanR2, double leaderboardR2, String source) {
    }

    static TaskSummary of(String task, List<SeedRun> runs, References references) {
        return new TaskSummary(task, runs,
            Stat.of(runs.stream().map(SeedRun::validationR2).toList()),
            Stat.of(runs.stream().map(SeedRun::testR2).toList()),
            runs.stream().mapToInt(SeedRun::parameterCount).average().orElse(0),
            meanIfKnown(runs.stream().map(SeedRun::seconds).toList()),
            meanIfKnown(runs.stream().map(SeedRun::candidatesPerSecond).toList()),
            references);
    }

    /** The mean when every value is known, else null. */
    static Double meanIfKnown(List<Double> values) {
        // not values.contains(null), which an immutable List.of refuses to ask
        return values.stream().anyMatch(java.util.Objects::isNull) ? null : Stat.mean(values);
    }
}
