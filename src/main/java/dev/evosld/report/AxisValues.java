package dev.evosld.report;

import java.util.Arrays;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The values a chart's data takes along an axis, the series that draw a log axis's grid left out. */
final class AxisValues {
    private AxisValues() {
    }

    /** The chart's series of data, its grid left out. */
    static java.util.stream.Stream<XYSeries> data(XYChart chart) {
        return chart.getSeriesCollection().stream()
            .filter(s -> !s.getName().equals(LogAxes.X_GRID) && !s.getName().equals(LogAxes.Y_GRID));
    }

    static double[] distinctFinite(XYChart chart, Function<XYSeries, double[]> axis) {
        return data(chart).flatMapToDouble(s -> Arrays.stream(axis.apply(s)))
            .filter(Double::isFinite).distinct().sorted().toArray();
    }

    /** The smallest and largest finite positive value of the chart's series on one axis. */
    static double[] range(XYChart chart, Function<XYSeries, double[]> axis) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries series : data(chart).toList()) {
            for (double v : axis.apply(series)) {
                if (Double.isFinite(v) && v > 0) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return new double[] {low, high};
    }

    /** An axis's bounds where set, else its values' range; null where it has no length. */
    static double[] ends(double[] values, Double min, Double max) {
        if (values.length == 0) {
            return null;
        }
        double low = min != null ? min : values[0];
        double high = max != null ? max : values[values.length - 1];
        return high > low && Double.isFinite(high - low) ? new double[] {low, high} : null;
    }

    static boolean evenlySpaced(double[] sorted) {
        double step = sorted.length < 2 ? 0 : sorted[1] - sorted[0];
        for (int i = 2; i < sorted.length; i++) {
            if (Math.abs(sorted[i] - sorted[i - 1] - step) > 1e-9 * Math.abs(step)) {
                return false;
            }
        }
        return true;
    }
}
