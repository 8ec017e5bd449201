package dev.evosld.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic start points for the searched parameters: first the data-driven guesses (a hint from a
 * parent law, typical values by role, a small grid of exponents), then a scrambled Halton sequence
 * covering plausible values by role. The same seed gives the same points.
 */
final class StartPoints {
    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
        73, 79, 83, 89, 97, 101, 103, 107, 109, 113};
    private static final double[] EXPONENT_GRID = {0.5, 0.1, 0.25, 1.0, -0.25, -0.5, 2.0};

    private StartPoints() {
    }

    /**
     * Start values for every parameter (the linear ones get a value too: it is used when they are searched,
     * and ignored when they are solved).
     *
     * @param hint known good values for all parameters, or null
     */
    static List<double[]> generate(ParameterSpace space, FitProblem problem, int count, long seed, double[] hint) {
        int size = space.size();
        List<double[]> starts = new ArrayList<>(count);
        double decade = Math.max(1, problem.largestScaleDecade());
        double minTarget = problem.minTarget();
        double maxTarget = problem.maxTarget();
        if (hint != null && hint.length == size) {
            // a hint may know some parameters only (NaN for the rest): those get their typical value
            double[] start = hint.clone();
            for (int k = 0; k < size; k++) {
                if (!Double.isFinite(start[k])) {
                    start[k] = typical(space.roles.get(k), minTarget, maxTarget, EXPONENT_GRID[0]);
                }
            }
            starts.add(clamp(space, start));
        }
        for (double exponent : EXPONENT_GRID) {
            if (starts.size() >= count) {
                break;
            }
            double[] guess = new double[size];
            for (int k = 0; k < size; k++) {
                guess[k] = typical(space.roles.get(k), minTarget, maxTarget, exponent);
            }
            starts.add(clamp(space, guess));
            if (!hasRole(space, ParameterRole.EXPONENT)) {
                break;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] shift = random.doubles(2 * size, 0, 1).toArray();
        for (int index = 1; starts.size() < count; index++) {
            double[] point = new double[size];
            for (int k = 0; k < size; k++) {
                double u = frac(halton(index, prime(2 * k)) + shift[2 * k]);
                double v = frac(halton(index, prime(2 * k + 1)) + shift[2 * k + 1]);
                point[k] = switch (space.roles.get(k)) {
                    case EXPONENT -> -1.5 + 3 * u;
                    case OFFSET -> minTarget + (u - 0.75) * 2 * (maxTarget - minTarget + 1e-12);
                    case COEFFICIENT -> (v < 0.2 ? -1 : 1) * Math.pow(10, -2 + 4 * u);
                    case SHAPE -> (v < 0.2 ? -1 : 1) * Math.pow(10, -2 + (decade + 2) * u);
                };
            }
            starts.add(clamp(space, point));
        }
        return starts;
    }

    private static double typical(ParameterRole role, double minTarget, double maxTarget, double exponent) {
        return switch (role) {
            case EXPONENT -> exponent;
            case OFFSET -> minTarget - 0.05 * (maxTarget - minTarget);
            case COEFFICIENT, SHAPE -> 1;
        };
    }

    private static boolean hasRole(ParameterSpace space, ParameterRole role) {
        return space.roles.contains(role);
    }

    private static int prime(int i) {
        return PRIMES[i % PRIMES.length];
    }

    private static double halton(int index, int base) {
        double result = 0;
        double f = 1.0 / base;
        for (int i = index; i > 0; i /= base) {
            result += f * (i % base);
            f /= base;
        }
        return result;
    }

    private static double frac(double x) {
        return x - Math.floor(x);
    }

    /** Moves each value into its parameter's bounds, in place. */
    static double[] clamp(ParameterSpace space, double[] point) {
        for (int k = 0; k < point.length; k++) {
            point[k] = Math.min(space.upper[k], Math.max(space.lower[k], point[k]));
        }
        return point;
    }
}
