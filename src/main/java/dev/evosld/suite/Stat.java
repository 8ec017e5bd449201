package dev.evosld.suite;

import java.util.List;
import java.util.Objects;

/**
 * The mean, best and worst of a score over seeds (or, in the mean row, the means of those over tasks).
 * Seeds without a score (an R² that failed because a prediction was not finite) are left out of the three
 * numbers and counted in {@code failed}.
 *
 * @param mean the mean, or null when nothing was scored
 * @param best the largest, or null
 * @param worst the smallest, or null
 * @param failed how many had no score
 */
public record Stat(Double mean, Double best, Double worst, int failed) {

    /** The statistics of {@code values}, nulls counted as failures. */
    public static Stat of(List<Double> values) {
        List<Double> scored = values.stream().filter(Objects::nonNull).toList();
        int failed = values.size() - scored.size();
        if (scored.isEmpty()) {
            return new Stat(null, null, null, failed);
        }
        return new Stat(mean(scored), scored.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
            scored.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), failed);
    }

    /** Over tasks: the mean of their means, of their bests and of their worsts; failures summed. */
    public static Stat ofTasks(List<Stat> stats) {
        return new Stat(
            mean(stats.stream().map(Stat::mean).filter(Objects::nonNull).toList()),
            mean(stats.stream().map(Stat::best).filter(Objects::nonNull).toList()),
            mean(stats.stream().map(Stat::worst).filter(Objects::nonNull).toList()),
            stats.stream().mapToInt(Stat::failed).sum());
    }

    /** The mean of {@code values}, summed in order; null when there are none. */
    static Double mean(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }
}
