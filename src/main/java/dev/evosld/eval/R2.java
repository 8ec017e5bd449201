package dev.evosld.eval;

import dev.evosld.data.NumberText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * SLDBench's coefficient of determination: for each target column, NMSE = MSE / Var(actual) with the
 * population variance, and R² = 1 − mean NMSE over the target columns. The predictions of all groups
 * are concatenated before the means are taken. A NaN or infinite prediction makes the whole score a
 * failure, which is reported as such and never as a number. Actual values that do not vary (a single test run, say)
 * leave R² undefined: there is no score either, but the law failed nothing.
 *
 * @param value the R², or NaN when {@code failure} is set
 * @param failure why there is no score, or null
 * @param undefined whether there is no score because the actual values do not vary, rather than because of the law
 */
public record R2(double value, String failure, boolean undefined) {

    public R2 {
        if ((failure == null) == Double.isNaN(value)) {
            throw new IllegalArgumentException("exactly one of a finite value and a failure: " + value + ", " + failure);
        }
        if (undefined && failure == null) {
            throw new IllegalArgumentException("an undefined R² needs its reason");
        }
    }

    public static R2 of(double value) {
        return new R2(value, null, false);
    }

    public static R2 failed(String failure) {
        return new R2(Double.NaN, Objects.requireNonNull(failure), false);
    }

    /** No score because the actual values do not vary: R² would divide by their spread of 0. */
    public static R2 undefined(String why) {
        return new R2(Double.NaN, Objects.requireNonNull(why), true);
    }

    /** Whether there is no score, for either reason ({@link #undefined()} tells which). */
    public boolean isFailure() {
        return failure != null;
    }

    /**
     * Scores predictions against actual values.
     *
     * @param actual per target column, the actual values of all groups concatenated
     * @param predicted per target column, the predictions in the same order
     */
    public static R2 score(List<double[]> actual, List<double[]> predicted) {
        return scoreLabelled(IntStream.range(0, actual.size()).mapToObj(t -> "target " + t).toList(), actual, predicted);
    }

    /**
     * Scores predictions against actual values, naming the target columns in a failure.
     *
     * @param targets the target columns' names
     * @param actual per target column, the actual values of all groups concatenated
     * @param predicted per target column, the predictions in the same order
     */
    public static R2 score(List<String> targets, List<double[]> actual, List<double[]> predicted) {
        return scoreLabelled(targets.stream().map(name -> "target '" + name + "'").toList(), actual, predicted);
    }

    private static R2 scoreLabelled(List<String> labels, List<double[]> actual, List<double[]> predicted) {
        if (actual.size() != predicted.size() || actual.isEmpty() || labels.size() != actual.size()) {
            throw new IllegalArgumentException("need the same, non-zero number of target columns: "
                + actual.size() + " vs " + predicted.size());
        }
        double nmseSum = 0;
        for (int t = 0; t < actual.size(); t++) {
            double[] y = actual.get(t);
            double[] f = predicted.get(t);
            if (y.length != f.length || y.length == 0) {
                throw new IllegalArgumentException(labels.get(t) + ": " + y.length + " actual values vs "
                    + f.length + " predictions");
            }
            for (int r = 0; r < f.length; r++) {
                if (!Double.isFinite(f[r])) {
                    return failed("prediction " + r + " of " + labels.get(t) + " is " + f[r]);
                }
            }
            if (Arrays.stream(y).allMatch(v -> v == y[0])) {
                // told by the values, not by a variance of 0: the mean of six runs of 0.7 is 0.7000000000000001,
                // whose variance of 7e-32 would give an R² of -1e28 in place of none
                return undefined(labels.get(t) + (y.length == 1 ? " has a single run scored"
                    : " is " + NumberText.of(y[0]) + " in all " + y.length + " runs scored")
                    + ", and R² needs runs that differ");
            }
            double mean = 0;
            for (double v : y) {
                mean += v;
            }
            mean /= y.length;
            double variance = 0;
            double mse = 0;
            for (int r = 0; r < y.length; r++) {
                variance += (y[r] - mean) * (y[r] - mean);
                mse += (y[r] - f[r]) * (y[r] - f[r]);
            }
            nmseSum += mse / variance;
        }
        double r2 = 1 - nmseSum / actual.size();
        return Double.isFinite(r2) ? of(r2) : failed("R² overflowed: " + r2);
    }

    /**
     * An R² as EvoSLD prints it: six decimals, or six significant digits where a law missed by so much that
     * the decimals would run to twenty digits ({@code -2.66321e+19}).
     */
    public static String text(double value) {
        return String.format(Locale.ROOT, Math.abs(value) < 1e6 ? "%.6f" : "%.6g", value);
    }

    @Override
    public String toString() {
        return failure == null ? text(value) : (undefined ? "undefined (" : "failed (") + failure + ")";
    }
}
