package dev.evosld.fit;

import java.util.Arrays;

/**
 * The rows one set of parameters is fitted to: one group and one target column.
 *
 * @param group the group's name
 * @param target the target column's name
 * @param rows the number of rows
 * @param columns one column per variable of the law, in the law's variable order
 * @param y the target values
 */
public record FitProblem(String group, String target, int rows, double[][] columns, double[] y) {

    public FitProblem {
        if (y.length != rows) {
            throw new IllegalArgumentException("target has " + y.length + " values, expected " + rows);
        }
        for (double[] column : columns) {
            if (column.length != rows) {
                throw new IllegalArgumentException("a column has " + column.length + " values, expected " + rows);
            }
        }
    }

    double minTarget() {
        return Arrays.stream(y).min().orElse(0);
    }

    double maxTarget() {
        return Arrays.stream(y).max().orElse(0);
    }

    double meanTarget() {
        return Arrays.stream(y).average().orElse(0);
    }

    double targetStandardDeviation() {
        double mean = meanTarget();
        double sum = 0;
        for (double v : y) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / Math.max(1, rows));
    }

    /**
     * The largest decimal order of magnitude among the variables' typical (geometric mean) values, and 0 when
     * every variable is below 1 (or there is none): the start points need only how large values grow.
     */
    double largestScaleDecade() {
        double largest = 0;
        for (double[] column : columns) {
            double logSum = 0;
            int counted = 0;
            for (double v : column) {
                if (v != 0 && Double.isFinite(v)) {
                    logSum += Math.log10(Math.abs(v));
                    counted++;
                }
            }
            if (counted > 0) {
                largest = Math.max(largest, logSum / counted);
            }
        }
        return largest;
    }
}
