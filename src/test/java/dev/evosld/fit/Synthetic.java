package dev.evosld.fit;

import dev.evosld.eval.Kernels;
import dev.evosld.eval.Program;
import dev.evosld.law.Law;
import java.util.List;
import java.util.SplittableRandom;

/** Noiseless data generated from a law itself, for recovery tests. */
final class Synthetic {
    private Synthetic() {
    }

    /** A variable's range; log-uniform draws when {@code logScale}. */
    record Range(double low, double high, boolean logScale) {
        static Range log(double low, double high) {
            return new Range(low, high, true);
        }

        static Range linear(double low, double high) {
            return new Range(low, high, false);
        }

        double draw(SplittableRandom random) {
            return logScale
                ? Math.exp(random.nextDouble(Math.log(low), Math.log(high)))
                : random.nextDouble(low, high);
        }
    }

    /** {@code rows} points drawn from the ranges (one per law variable, in the law's order). */
    static double[][] columns(int rows, List<Range> ranges, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[ranges.size()][rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < ranges.size(); j++) {
                columns[j][r] = ranges.get(j).draw(random);
            }
        }
        return columns;
    }

    /**
     * The law's predictions at {@code theta}, with the scalar kernels: the vector kernels' last bits depend on
     * whether C2 has compiled them yet, and test data must not.
     */
    static double[] predict(Law law, double[][] columns, double[] theta) {
        int rows = columns[0].length;
        double[] y = new double[rows];
        Program.compile(law).bind(rows, columns, Kernels.scalar()).forward(theta, y);
        return y;
    }

    /** A problem whose target is the law itself at {@code theta}. */
    static FitProblem problem(Law law, double[][] columns, double[] theta) {
        return new FitProblem("g", "y", columns[0].length, columns, predict(law, columns, theta));
    }

    /** The largest |fitted - true| / max(|true|, floor) over the parameters. */
    static double relativeError(double[] fitted, double[] truth, double floor) {
        double worst = 0;
        for (int k = 0; k < truth.length; k++) {
            worst = Math.max(worst, Math.abs(fitted[k] - truth[k]) / Math.max(Math.abs(truth[k]), floor));
        }
        return worst;
    }

    /**
     * {@code A/(D^alpha + B) + C} equals {@code A'/(D^-alpha + B') + C'} with {@code A' = -A/B^2, B' = 1/B,
     * C' = C + A/B}: two exact fits for every function of the family. Maps a fit to the one with
     * {@code alpha > 0} (parameters in the order A, alpha, B, C).
     */
    static double[] saturatingWithPositiveExponent(double[] p) {
        if (p[1] >= 0) {
            return p.clone();
        }
        return new double[] {-p[0] / (p[2] * p[2]), -p[1], 1 / p[2], p[3] + p[0] / p[2]};
    }
}
