package dev.evosld.search;

import java.util.Arrays;
import java.util.List;

/**
 * The per-row errors behind a candidate's validation error: one segment per fold and target, each row's
 * squared error divided by the variance of that target on the fold's validation rows, so that a segment's
 * mean is the target's NMSE and the mean of the segments' means is the validation error. Two candidates are
 * validated on the same rows, which is what makes a paired comparison possible. Immutable.
 */
final class ValidationErrors {

    private final double[][] segments;

    private ValidationErrors(double[][] segments) {
        this.segments = segments;
    }

    /** The errors as {@link #segments()} gives them, in the same order for every candidate of a run. */
    static ValidationErrors of(List<double[]> segments) {
        return new ValidationErrors(segments.stream().map(double[]::clone).toArray(double[][]::new));
    }

    /** One target's segment: each row's squared error over the variance of the actual values (population). */
    static double[] contributions(double[] actual, double[] predicted) {
        int n = actual.length;
        double mean = Arrays.stream(actual).average().orElse(0);
        double variance = Arrays.stream(actual).map(v -> (v - mean) * (v - mean)).sum() / n;
        double[] contributions = new double[n];
        for (int r = 0; r < n; r++) {
            contributions[r] = (actual[r] - predicted[r]) * (actual[r] - predicted[r]) / variance;
        }
        return contributions;
    }

    /** One segment per (fold, target), each row's contribution to its target's NMSE. */
    List<double[]> segments() {
        return Arrays.stream(segments).map(double[]::clone).toList();
    }

    /**
     * The standard error of the validation error: each segment's mean is a sample mean (its standard error
     * the rows' standard deviation over √n), and the segments' means average like independent means.
     */
    double standardError() {
        return combined(segments);
    }

    /**
     * The standard error of the difference between this validation error and {@code other}'s, from the
     * rows' differences. Errors of two laws on the same rows move together (a row both laws miss is hard for
     * both), so this is usually far smaller than either law's own standard error: the noise that matters
     * when asking whether one law is really better than another.
     */
    double pairedStandardError(ValidationErrors other) {
        if (other.segments.length != segments.length) {
            throw new IllegalArgumentException("errors of different validation plans: " + segments.length
                + " and " + other.segments.length + " segments");
        }
        double[][] differences = new double[segments.length][];
        for (int s = 0; s < segments.length; s++) {
            double[] mine = segments[s];
            double[] theirs = other.segments[s];
            if (mine.length != theirs.length) {
                throw new IllegalArgumentException("errors of different validation plans: segment " + s + " has "
                    + mine.length + " and " + theirs.length + " rows");
            }
            differences[s] = new double[mine.length];
            for (int r = 0; r < mine.length; r++) {
                differences[s][r] = mine[r] - theirs[r];
            }
        }
        return combined(differences);
    }

    private static double combined(double[][] segments) {
        double variance = 0;
        for (double[] segment : segments) {
            double se = standardErrorOfMean(segment);
            variance += se * se;
        }
        return Math.sqrt(variance) / segments.length;
    }

    private static double standardErrorOfMean(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double spread = 0;
        for (double v : values) {
            spread += (v - mean) * (v - mean);
        }
        return Math.sqrt(spread / (n - 1) / n);
    }
}
