package dev.evosld.fit;

import dev.evosld.data.TaskConfig.Bound;
import java.util.Map;
import java.util.Objects;

/**
 * How laws are fitted.
 *
 * @param starts the number of starts per group and target (the best is kept)
 * @param seed seeds the quasi-random start points
 * @param loss the loss minimized
 * @param huberDelta Huber's threshold as a fraction of the target's standard deviation (ignored for squared loss)
 * @param variableProjection whether jointly linear parameters are solved exactly by least squares inside
 *     each objective evaluation rather than searched for
 * @param maxIterations the L-BFGS-B iteration cap per start
 * @param bounds per-parameter overrides of the role-based bounds
 */
public record FitOptions(int starts, long seed, Loss loss, double huberDelta, boolean variableProjection,
                         int maxIterations, Map<String, Bound> bounds) {
    /**
     * The most starts a fit takes per group and target: a fit counts the iterations and evaluations of a group's
     * starts in an int, which starts of the default 500 iterations (1500 evaluations) each overflow past 1431655,
     * and it holds every start's point at once (2147483647 ran out of memory before the first was fitted, and 1000000
     * of parallel's human law, two groups, had not finished after 15 minutes on one thread).
     */
    public static final int MOST_STARTS = 1_000_000;

    public FitOptions {
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be at least 1, got " + starts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(huberDelta > 0)) {
            throw new IllegalArgumentException("huberDelta must be positive, got " + huberDelta);
        }
        Objects.requireNonNull(loss);
        bounds = Map.copyOf(bounds);
    }

    /** 32 starts, seed 0, squared loss, variable projection, 500 iterations. */
    public static FitOptions defaults() {
        return new FitOptions(32, 0, Loss.SQUARED, 0.1, true, 500, Map.of());
    }

    public FitOptions withStarts(int starts) {
        return new FitOptions(starts, seed, loss, huberDelta, variableProjection, maxIterations, bounds);
    }

    public FitOptions withSeed(long seed) {
        return new FitOptions(starts, seed, loss, huberDelta, variableProjection, maxIterations, bounds);
    }

    public FitOptions withLoss(Loss loss) {
        return new FitOptions(starts, seed, loss, huberDelta, variableProjection, maxIterations, bounds);
    }

    public FitOptions withVariableProjection(boolean variableProjection) {
        return new FitOptions(starts, seed, loss, huberDelta, variableProjection, maxIterations, bounds);
    }

    public FitOptions withMaxIterations(int maxIterations) {
        return new FitOptions(starts, seed, loss, huberDelta, variableProjection, maxIterations, bounds);
    }

    public FitOptions withBounds(Map<String, Bound> bounds) {
        return new FitOptions(starts, seed, loss, huberDelta, variableProjection, maxIterations, bounds);
    }
}
