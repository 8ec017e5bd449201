package dev.evosld.report;

import java.awt.BasicStroke;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots' logarithmic axes: one only where the values span more than a decade (XChart labels no tick on a log axis
 * spanning less), reaching two powers of ten, the fewest that give it a scale, labelled as densely as its length allows,
 * with its grid at its labels alone.
 */
final class LogAxes {
    /** The names of the series that draw a log axis's grid. */
    static final String X_GRID = "x grid";
    static final String Y_GRID = "y grid";

    private LogAxes() {
    }

    /** Whether values span more than a decade of positive numbers, and so read better on a log axis. */
    static boolean spansDecades(double[]... arrays) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : arrays) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > 0 && max / min > 10;
    }

    /**
     * Draws the x axis logarithmic, labelled 10³, 10⁴, ... (XChart's own labels mix 1000 and 1E4). Call it before
     * adding the data, so that the axis's grid, a series of its own (see {@link #gridAtLabels}), lies beneath it.
     */
    static void logX(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(TickLabels::logLabel);
        grid(chart, X_GRID);
    }

    /** Draws the y axis logarithmic, labelled 10³, 10⁴, ...; call it before adding the data. */
    static void logY(XYChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(TickLabels::logLabel);
        grid(chart, Y_GRID);
    }

    /**
     * A series to draw an axis's grid, its lines set by {@link ChartFiles#save}: without a point to place until then
     * (XChart places none that is not a number, and refuses a series without points), it neither widens an axis nor
     * shows.
     */
    private static void grid(XYChart chart, String name) {
        XYSeries grid = chart.addSeries(name, new double[] {Double.NaN}, new double[] {Double.NaN});
        grid.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        grid.setMarker(SeriesMarkers.NONE);
        grid.setLineColor(Charts.GRID);
        grid.setLineStyle(new BasicStroke(1f));
        grid.setShowInLegend(false);
    }

    /**
     * Widens each log axis, where needed, to the nearer power of ten beyond its values, so that it labels two: XChart
     * labels the powers of ten only, and one alone (10⁴ on an axis from 4096 to 96256) gives the reader no scale.
     */
    static void labelTwoPowersOfTen(XYChart chart) {
        var styler = chart.getStyler();
        if (styler.isXAxisLogarithmic()) {
            double[] range = twoPowersOfTen(AxisValues.range(chart, XYSeries::getXData));
            styler.setXAxisMin(range[0]);
            styler.setXAxisMax(range[1]);
        }
        if (styler.isYAxisLogarithmic()) {
            double[] range = twoPowersOfTen(AxisValues.range(chart, XYSeries::getYData));
            styler.setYAxisMin(range[0]);
            styler.setYAxisMax(range[1]);
        }
    }

    /**
     * The range {@code [low, high]} of positive values, widened one power of ten at a time, on the side it costs
     * least, until it holds two powers of ten; a range without positive values as it is.
     */
    static double[] twoPowersOfTen(double[] range) {
        double low = range[0];
        double high = range[1];
        if (!(low > 0) || !(high >= low) || Double.isInfinite(high)) {
            return range;
        }
        // with a margin, so that 10⁴ computed as 9999.999999999998 counts as 10⁴
        while (Math.floor(Math.log10(high) + 1e-9) - Math.ceil(Math.log10(low) - 1e-9) < 1) {
            double below = Math.floor(Math.log10(low) - 1e-9);
            double above = Math.ceil(Math.log10(high) + 1e-9);
            if (Math.log10(low) - below <= above - Math.log10(high)) {
                low = Math.pow(10, below);
            } else {
                high = Math.pow(10, above);
            }
        }
        return new double[] {low, high};
    }

    /**
     * Spaces the labels of a log axis to its length. Over many decades XChart labels every power of ten, and beyond
     * about one per {@link #LABEL_SPACING} pixels they touch one another (19 of them from 10⁻⁶ to 10¹² up a 420 pixel
     * Pareto plot): such an axis labels every second (third, fifth, ...) power of ten. Over a few, the powers of ten
     * alone are two or three labels (10⁻¹ and 10⁰ on a Pareto front from 0.158 to 2.3) that no value can be read
     * off: such an axis labels the 2×, 3× and 5× (or more) between them, as many as keep their spacing. XChart hands
     * its formatter every tick once told to label more than the decades, and draws no label that is empty.
     */
    static void spreadPowersOfTen(XYChart chart) {
        var styler = chart.getStyler();
        // the plot takes about three quarters of the chart, the rest going to titles, labels and padding
        if (styler.isXAxisLogarithmic()) {
            double length = 0.75 * chart.getWidth();
            double decades = decades(styler.getXAxisMin(), styler.getXAxisMax());
            styler.setXAxisLogarithmicDecadeOnly(false);
            styler.setXAxisTickLabelsFormattingFunction(logTickLabels(decades, length, LABEL_SPACING));
        }
        if (styler.isYAxisLogarithmic()) {
            double length = 0.75 * chart.getHeight();
            double decades = decades(styler.getYAxisMin(), styler.getYAxisMax());
            styler.setYAxisLogarithmicDecadeOnly(false);
            styler.setYAxisTickLabelsFormattingFunction(logTickLabels(decades, length, LABEL_SPACING / 2));
        }
    }

    /** Below this many decades a log axis labels values between its powers of ten. */
    private static final double FEW_DECADES = 3;

    /** The multiples of a power of ten that a few decades' axis may label, the densest first. */
    private static final int[][] MANTISSAS = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 5}, {1, 2, 5}, {1, 3}};

    /** The labels of a log axis: the densest {@link #MANTISSAS} that keep {@code spacing}, else powers of ten. */
    private static Function<Double, String> logTickLabels(double decades, double length, double spacing) {
        if (decades < FEW_DECADES) {
            for (int[] mantissas : MANTISSAS) {
                if (closest(mantissas) * length / decades >= spacing) {
                    return value -> multipleLabel(value, mantissas);
                }
            }
        }
        return everyNthPowerOfTen(decades, length, spacing);
    }

    /** The least distance, in decades, between neighbouring multiples (the last's neighbour being 10). */
    private static double closest(int[] mantissas) {
        double closest = Math.log10(10.0 / mantissas[mantissas.length - 1]);
        for (int i = 1; i < mantissas.length; i++) {
            closest = Math.min(closest, Math.log10((double) mantissas[i] / mantissas[i - 1]));
        }
        return closest;
    }

    /** {@code 2×10⁻¹} for a tick at one of the multiples, {@code 10⁻¹} for a power of ten, else none. */
    private static String multipleLabel(double value, int[] mantissas) {
        long exponent = (long) Math.floor(Math.log10(value) + 1e-9);
        double mantissa = value / Math.pow(10, exponent);
        long rounded = Math.round(mantissa);
        if (Math.abs(mantissa - rounded) > 1e-6 || Arrays.stream(mantissas).noneMatch(m -> m == rounded)) {
            return "";
        }
        return rounded == 1 ? TickLabels.logLabel(value) : rounded + "\u00D710" + TickLabels.superscript(exponent);
    }

    /** The least pixels between the labels of a log x axis (a y axis's, stacked, need half). */
    private static final double LABEL_SPACING = 48;

    /** The decades from low to high, at least one (as for an axis without bounds). */
    private static double decades(Double low, Double high) {
        double decades = low == null || high == null ? 1 : Math.log10(high / low);
        return Double.isFinite(decades) && decades > 1 ? decades : 1;
    }

    /**
     * {@link TickLabels#logLabel} for every n-th power of ten and none for the others, n the least of 1, 2, 3, 5, 10,
     * 20, 50 and 100 that leaves {@code spacing} pixels a label (100 leaves it over the 600 decades a double spans).
     */
    private static Function<Double, String> everyNthPowerOfTen(double decades, double length, double spacing) {
        long every = 100;
        for (long n : new long[] {1, 2, 3, 5, 10, 20, 50}) {
            if (decades / n * spacing <= length) {
                every = n;
                break;
            }
        }
        long n = every;
        return value -> {
            double exponent = Math.log10(value);
            long rounded = Math.round(exponent);
            // only powers of ten: XChart hands the formatter the ticks between them too
            return Math.abs(exponent - rounded) < 1e-9 && Math.floorMod(rounded, n) == 0
                ? TickLabels.logLabel(value) : "";
        };
    }

    /**
     * Draws the grid of each log axis at its labels alone. XChart draws one at every tick, nine a decade whatever the
     * labels (160 lines up a Pareto plot from 10⁻⁶ to 10¹²), and has no setting for it: so its own grid is turned off
     * along such an axis and the axis's grid series drawn instead, its lines reaching past both ends of the other axis.
     * Both axes are held to the ranges they have, which the lines would otherwise widen, and the plot cuts them at its
     * edges. A chart whose data has no range on an axis keeps XChart's grid.
     */
    static void gridAtLabels(XYChart chart) {
        var styler = chart.getStyler();
        double[] xs = AxisValues.ends(AxisValues.distinctFinite(chart, XYSeries::getXData), styler.getXAxisMin(),
            styler.getXAxisMax());
        double[] ys = AxisValues.ends(AxisValues.distinctFinite(chart, XYSeries::getYData), styler.getYAxisMin(),
            styler.getYAxisMax());
        if (xs == null || ys == null) {
            return;
        }
        double[] xLines = has(chart, X_GRID) ? labelled(xs, styler.getXAxisTickLabelsFormattingFunction()) : null;
        double[] yLines = has(chart, Y_GRID) ? labelled(ys, styler.getYAxisTickLabelsFormattingFunction()) : null;
        boolean xGrid = xLines != null && xLines.length > 0;
        boolean yGrid = yLines != null && yLines.length > 0;
        if (!(xGrid || yGrid)) {
            return;
        }
        styler.setXAxisMin(xs[0]);
        styler.setXAxisMax(xs[1]);
        styler.setYAxisMin(ys[0]);
        styler.setYAxisMax(ys[1]);
        if (xGrid) {
            styler.setPlotGridVerticalLinesVisible(false);
            double[][] lines = lines(xLines, beyond(ys, styler.isYAxisLogarithmic()));
            chart.updateXYSeries(X_GRID, lines[0], lines[1], null);
        }
        if (yGrid) {
            styler.setPlotGridHorizontalLinesVisible(false);
            double[][] lines = lines(yLines, beyond(xs, styler.isXAxisLogarithmic()));
            chart.updateXYSeries(Y_GRID, lines[1], lines[0], null);
        }
    }

    private static boolean has(XYChart chart, String name) {
        return chart.getSeriesCollection().stream().anyMatch(s -> s.getName().equals(name));
    }

    /** The ticks of a log axis from low to high (the multiples of each power of ten) that the format labels. */
    private static double[] labelled(double[] range, Function<Double, String> format) {
        List<Double> values = new java.util.ArrayList<>();
        for (long e = (long) Math.floor(Math.log10(range[0])); e <= (long) Math.ceil(Math.log10(range[1])); e++) {
            for (int m = 1; m <= 9; m++) {
                double value = m * Math.pow(10, e);
                // with a margin, so that an end computed as 9999.999999999998 still holds its tick at 10⁴
                if (value >= range[0] * (1 - 1e-9) && value <= range[1] * (1 + 1e-9)
                    && !format.apply(value).isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A range widened past both of its ends, so that a line across it reaches the plot's edges. */
    private static double[] beyond(double[] range, boolean log) {
        return log ? new double[] {range[0] / 1000, range[1] * 1000}
            : new double[] {range[0] - (range[1] - range[0]), range[1] + (range[1] - range[0])};
    }

    /**
     * Lines at the values across the range, as one series's points, each line ended by a point that is not a number
     * (where XChart lifts its pen).
     */
    private static double[][] lines(double[] at, double[] across) {
        double[] along = new double[3 * at.length];
        double[] over = new double[3 * at.length];
        for (int i = 0; i < at.length; i++) {
            along[3 * i] = at[i];
            along[3 * i + 1] = at[i];
            along[3 * i + 2] = Double.NaN;
            over[3 * i] = across[0];
            over[3 * i + 1] = across[1];
            over[3 * i + 2] = Double.NaN;
        }
        return new double[][] {along, over};
    }
}
