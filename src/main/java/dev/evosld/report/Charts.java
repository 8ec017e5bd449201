package dev.evosld.report;

import dev.evosld.EvosldException;
import dev.evosld.run.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's XChart plots with one look: white background, light grid, a colour-blind-safe palette,
 * tick labels that write numbers as the report's tables do, and a logarithmic axis only where the values span
 * more than a decade (XChart labels no tick on a log axis spanning less), reaching two powers of ten, the fewest
 * that give it a scale.
 */
final class Charts {
    /** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000)};
    static final Color TRAIN = new Color(0x0072B2);
    static final Color TEST = new Color(0xD55E00);
    static final Color MUTED = new Color(0x9A9A9A);
    /** Points set aside from the curves drawn (a scale panel's rows at settings no line is held at): light, to recede. */
    static final Color ASIDE = new Color(0xC8C8C8);
    static final Color INK = new Color(0x333333);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** XChart cuts a legend's text wider than this share of the chart's width short with an ellipsis. */
    private static final double LEGEND_TEXT_SHARE = 0.45;
    /** The names of the series that draw a log axis's grid. */
    static final String X_GRID = "x grid";
    static final String Y_GRID = "y grid";
    /** PNGs are drawn at twice their layout size, so that they stay sharp on high-density screens. */
    private static final int PNG_SCALE = 2;

    private Charts() {
    }

    static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
            .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(new Color(0xBBBBBB));
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleVisible(title != null);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendBorderColor(new Color(0xCCCCCC));
        styler.setLegendPosition(LegendPosition.InsideNE);
        styler.setLegendLayout(LegendLayout.Vertical);
        styler.setChartPadding(8);
        styler.setPlotMargin(4);
        styler.setMarkerSize(7);
        styler.setSeriesColors(PALETTE);
        styler.setXAxisLabelRotation(0);
        // XChart aligns them left, which leaves a short label (1 below 1.5) a gap's width from its tick
        styler.setYAxisLabelAlignment(TextAlignment.Right);
        // XChart labels evenly spaced data (generations) at every value that fits this spacing
        styler.setXAxisTickMarkSpacingHint(80);
        // XChart's own labels read .0022, 4E8 and -0.5, unlike every other number of the report
        styler.setXAxisTickLabelsFormattingFunction(Charts::linearLabel);
        styler.setYAxisTickLabelsFormattingFunction(Charts::linearLabel);
        return chart;
    }

    /**
     * Labels the linear x axis at whole numbers only, for values that are counts (a search's generations, a law's
     * complexity): XChart steps by 0.5 over a few of them, as it did a Pareto front's complexity from 5 to 10 and, once
     * its grid series breaks the evenly spaced values XChart labels as they are, a log-scale history of four
     * generations (1, 1.5, 2, ...). XChart takes a coarser step until its labels differ, and the empty ones do not.
     */
    static void wholeNumbersX(XYChart chart) {
        chart.getStyler().setXAxisTickLabelsFormattingFunction(WHOLE_NUMBERS);
    }

    private static final Function<Double, String> WHOLE_NUMBERS = v -> v == Math.rint(v) ? linearLabel(v) : "";

    /** Whether a legend of a chart this wide shows the label whole. */
    static boolean legendFits(String label, int chartWidth) {
        return legendWidth(label) <= LEGEND_TEXT_SHARE * chartWidth;
    }

    /** The width a legend's label takes, in the chart's pixels. */
    static double legendWidth(String label) {
        return LEGEND_FONT.getStringBounds(label, new FontRenderContext(null, true, true)).getWidth();
    }

    /**
     * Draws the x axis logarithmic, labelled 10³, 10⁴, ... (XChart's own labels mix 1000 and 1E4). Call it before
     * adding the data, so that the axis's grid, a series of its own (see {@link #gridAtLabels}), lies beneath it.
     */
    static void logX(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(Charts::logLabel);
        grid(chart, X_GRID);
    }

    /** Draws the y axis logarithmic, labelled 10³, 10⁴, ...; call it before adding the data. */
    static void logY(XYChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(Charts::logLabel);
        grid(chart, Y_GRID);
    }

    /**
     * A series to draw an axis's grid, its lines set by {@link #save}: without a point to place until then (XChart
     * places none that is not a number, and refuses a series without points), it neither widens an axis nor shows.
     */
    private static void grid(XYChart chart, String name) {
        XYSeries grid = chart.addSeries(name, new double[] {Double.NaN}, new double[] {Double.NaN});
        grid.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        grid.setMarker(SeriesMarkers.NONE);
        grid.setLineColor(GRID);
        grid.setLineStyle(new BasicStroke(1f));
        grid.setShowInLegend(false);
    }

    private static final Color GRID = new Color(0xE6E6E6);

    /** A power of ten as {@code 10⁻³}, anything else as {@link #linearLabel}. */
    static String logLabel(double value) {
        double exponent = Math.log10(Math.abs(value));
        long rounded = Math.round(exponent);
        if (value > 0 && Math.abs(exponent - rounded) < 1e-9) {
            return "10" + superscript(rounded);
        }
        return linearLabel(value);
    }

    /**
     * A tick's value as the report's tables write numbers: plain decimals from 0.001 to 100000 ({@code 0.0022},
     * {@code 1200}), else a multiple of a power of ten ({@code 4×10⁸}, {@code 1.5×10⁻⁵}), negatives with a true
     * minus. In every digit the tick has, as ticks close together differ in their last ones; only the last few
     * bits of a double are rounded away, so that 0.1 + 0.2 reads 0.3.
     */
    static String linearLabel(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal tick = new BigDecimal(Math.abs(value)).round(new MathContext(12)).stripTrailingZeros();
        String sign = value < 0 ? "\u2212" : "";
        if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5) {
            return sign + tick.toPlainString();
        }
        int exponent = tick.precision() - tick.scale() - 1;
        return sign + tick.movePointLeft(exponent).toPlainString() + "\u00D710" + superscript(exponent);
    }

    private static String superscript(long exponent) {
        StringBuilder digits = new StringBuilder();
        for (char c : Long.toString(exponent).toCharArray()) {
            digits.append(c == '-' ? '\u207B' : SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return digits.toString();
    }

    private static final String SUPERSCRIPT_DIGITS = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079";

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

    static XYSeries scatter(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker) {
        XYSeries series = add(chart, name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
        return series;
    }

    /** The marker at 60% of the chart's marker size, which XChart sets for every series alike. */
    static Marker smaller(Marker marker) {
        return new Marker() {
            @Override
            public void paint(Graphics2D g, double x, double y, int size) {
                marker.paint(g, x, y, (int) Math.round(0.6 * size));
            }
        };
    }

    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries series = add(chart, name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return series;
    }

    static XYSeries dashed(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = line(chart, name, x, y, color, 1.2f);
        series.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f));
        return series;
    }

    /**
     * The series of the finite points, on the chart; with none (a law whose test predictions are all NaN), a series
     * kept off the chart, which XChart refuses to draw empty, so that callers may style it all the same.
     */
    private static XYSeries add(XYChart chart, String name, double[] x, double[] y) {
        double[][] finite = finite(x, y);
        return finite[0].length == 0
            ? new XYSeries(name, new double[] {0}, new double[] {0}, null, Series.DataType.Number)
            : chart.addSeries(name, finite[0], finite[1]);
    }

    /** Only the points where both coordinates are finite: XChart cannot place the others. */
    private static double[][] finite(double[] x, double[] y) {
        int n = 0;
        double[] fx = new double[x.length];
        double[] fy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                fx[n] = x[i];
                fy[n] = y[i];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(fx, n), Arrays.copyOf(fy, n)};
    }

    /**
     * Writes {@code <stem>.png} (at twice the chart's size) and {@code <stem>.svg} into the folder.
     *
     * @return the two files, PNG first
     */
    static List<Path> save(XYChart chart, Path folder, String stem) {
        settleAxes(chart);
        Path png = folder.resolve(stem + ".png");
        Path svg = folder.resolve(stem + ".svg");
        AtomicFiles.write(png, png(chart));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartEncoder.saveChart(chart, out, "svg");
            AtomicFiles.write(svg, out.toByteArray());
        } catch (IOException e) {
            throw new EvosldException("cannot draw " + svg + ": " + e.getMessage());
        }
        return List.of(png, svg);
    }

    /**
     * Writes {@code <stem>-narrow.png}, the chart as a phone's window shows it ({@link #figure}), without an SVG: the
     * figure's link gives the wide chart's.
     */
    static Path saveNarrow(XYChart chart, Path folder, String stem) {
        settleAxes(chart);
        Path png = folder.resolve(stem + NARROW + ".png");
        AtomicFiles.write(png, png(chart));
        return png;
    }

    /** What a plot's axes need from the data before it is drawn: their ends, labels and grid. */
    private static void settleAxes(XYChart chart) {
        labelTwoPowersOfTen(chart);
        spreadPowersOfTen(chart);
        labelRoundNumbers(chart);
        labelBothEnds(chart);
        gridAtLabels(chart);
    }

    /** The end of the stem of a chart's narrow drawing. */
    static final String NARROW = "-narrow";

    /**
     * Widens each log axis, where needed, to the nearer power of ten beyond its values, so that it labels two: XChart
     * labels the powers of ten only, and one alone (10⁴ on an axis from 4096 to 96256) gives the reader no scale.
     */
    private static void labelTwoPowersOfTen(XYChart chart) {
        var styler = chart.getStyler();
        if (styler.isXAxisLogarithmic()) {
            double[] range = twoPowersOfTen(range(chart, XYSeries::getXData));
            styler.setXAxisMin(range[0]);
            styler.setXAxisMax(range[1]);
        }
        if (styler.isYAxisLogarithmic()) {
            double[] range = twoPowersOfTen(range(chart, XYSeries::getYData));
            styler.setYAxisMin(range[0]);
            styler.setYAxisMax(range[1]);
        }
    }

    /**
     * Spaces the labels of a log axis to its length. Over many decades XChart labels every power of ten, and beyond
     * about one per {@link #LABEL_SPACING} pixels they touch one another (19 of them from 10⁻⁶ to 10¹² up a 420 pixel
     * Pareto plot): such an axis labels every second (third, fifth, ...) power of ten. Over a few, the powers of ten
     * alone are two or three labels (10⁻¹ and 10⁰ on a Pareto front from 0.158 to 2.3) that no value can be read
     * off: such an axis labels the 2×, 3× and 5× (or more) between them, as many as keep their spacing. XChart hands
     * its formatter every tick once told to label more than the decades, and draws no label that is empty.
     */
    private static void spreadPowersOfTen(XYChart chart) {
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
        return rounded == 1 ? logLabel(value) : rounded + "\u00D710" + superscript(exponent);
    }

    /**
     * Draws the grid of each log axis at its labels alone. XChart draws one at every tick, nine a decade whatever the
     * labels (160 lines up a Pareto plot from 10⁻⁶ to 10¹²), and has no setting for it: so its own grid is turned off
     * along such an axis and the axis's grid series drawn instead, its lines reaching past both ends of the other axis.
     * Both axes are held to the ranges they have, which the lines would otherwise widen, and the plot cuts them at its
     * edges. A chart whose data has no range on an axis keeps XChart's grid.
     */
    private static void gridAtLabels(XYChart chart) {
        var styler = chart.getStyler();
        double[] xs = ends(distinctFinite(chart, XYSeries::getXData), styler.getXAxisMin(), styler.getXAxisMax());
        double[] ys = ends(distinctFinite(chart, XYSeries::getYData), styler.getYAxisMin(), styler.getYAxisMax());
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

    /** The chart's series of data, its grid left out. */
    private static java.util.stream.Stream<XYSeries> data(XYChart chart) {
        return chart.getSeriesCollection().stream()
            .filter(s -> !s.getName().equals(X_GRID) && !s.getName().equals(Y_GRID));
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

    /** The least pixels between the labels of a log x axis (a y axis's, stacked, need half). */
    private static final double LABEL_SPACING = 48;

    /** The decades from low to high, at least one (as for an axis without bounds). */
    private static double decades(Double low, Double high) {
        double decades = low == null || high == null ? 1 : Math.log10(high / low);
        return Double.isFinite(decades) && decades > 1 ? decades : 1;
    }

    /**
     * {@link #logLabel} for every n-th power of ten and none for the others, n the least of 1, 2, 3, 5, 10, 20, 50
     * and 100 that leaves {@code spacing} pixels a label (100 leaves it over the 600 decades a double spans).
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
            return Math.abs(exponent - rounded) < 1e-9 && Math.floorMod(rounded, n) == 0 ? logLabel(value) : "";
        };
    }

    /**
     * Gives a linear y axis whose values are evenly spaced (one or two distinct values, as in a short search's
     * history) a margin of 5% below and 10% above: XChart puts the ticks of an axis whose values and bounds are evenly
     * spaced on the values themselves, labelled in all their digits (.002180224491144), and chooses round numbers
     * otherwise, which unequal margins ensure. An x axis is left alone up to {@link #LABELLED_VALUES} evenly spaced
     * values, generations and sizes labelled as they are; beyond, it ends a hair past its last value, as XChart would
     * otherwise label every few generations at odd numbers (1, 8, 15, ..., 176) and nearly touching.
     */
    private static void labelRoundNumbers(XYChart chart) {
        var styler = chart.getStyler();
        double[] ys = distinctFinite(chart, XYSeries::getYData);
        if (!styler.isYAxisLogarithmic() && styler.getYAxisMin() == null && ys.length > 0 && evenlySpaced(ys)) {
            double low = ys[0];
            double high = ys[ys.length - 1];
            double margin = high > low ? 0.05 * (high - low) : low != 0 ? 0.05 * Math.abs(low) : 1;
            styler.setYAxisMin(low - margin);
            styler.setYAxisMax(high + 2 * margin);
        }
        double[] xs = distinctFinite(chart, XYSeries::getXData);
        if (!styler.isXAxisLogarithmic() && styler.getXAxisMax() == null && xs.length > LABELLED_VALUES
            && evenlySpaced(xs)) {
            styler.setXAxisMin(xs[0]);
            styler.setXAxisMax(xs[xs.length - 1] + 0.01 * (xs[1] - xs[0]));
        }
    }

    /**
     * Ends each linear axis where a label is. XChart labels the multiples of a step it picks that lie on the axis, and
     * the axis ends at the values', so the top (or bottom) label may sit most of a step inside the rows: vocab's rows
     * reached −0.62 under a top label of −1, easy_question's −0.003 under −0.05, and no reader could tell how far they
     * go. An end more than a quarter of a step beyond the last label is moved out to the next multiple of the step,
     * which XChart then labels; one nearer keeps its place, rather than add most of a step of empty plot. An x axis of
     * evenly spaced values (generations) is left to {@link #labelRoundNumbers}. The y axis goes first, as the width of
     * its labels sets the length of the x axis.
     */
    private static void labelBothEnds(XYChart chart) {
        var styler = chart.getStyler();
        double[] ys = distinctFinite(chart, XYSeries::getYData);
        double[] y = ends(ys, styler.getYAxisMin(), styler.getYAxisMax());
        if (!styler.isYAxisLogarithmic() && y != null) {
            styler.setYAxisMin(y[0]);
            styler.setYAxisMax(y[1]);
            double tickSpace = tickSpace(chart, y, false);
            int hint = styler.getYAxisTickMarkSpacingHint();
            double[] ends = labelledEnds(y, span -> tickStep(span, tickSpace, tickSpace < 160 ? 25 : hint));
            styler.setYAxisMin(ends[0]);
            styler.setYAxisMax(ends[1]);
        }
        double[] xs = distinctFinite(chart, XYSeries::getXData);
        double[] x = ends(xs, styler.getXAxisMin(), styler.getXAxisMax());
        if (!styler.isXAxisLogarithmic() && x != null && !evenlySpaced(xs)) {
            styler.setXAxisMin(x[0]);
            styler.setXAxisMax(x[1]);
            double tickSpace = tickSpace(chart, x, true);
            double[] ends = labelledEnds(x, span -> xTickStep(span, x, tickSpace, styler.getXAxisTickMarkSpacingHint(),
                styler.getXAxisTickLabelsFormattingFunction(), styler.getAxisTickLabelsFont()));
            styler.setXAxisMin(ends[0]);
            styler.setXAxisMax(ends[1]);
        }
    }

    /** An axis's bounds where set, else its values' range; null where it has no length. */
    private static double[] ends(double[] values, Double min, Double max) {
        if (values.length == 0) {
            return null;
        }
        double low = min != null ? min : values[0];
        double high = max != null ? max : values[values.length - 1];
        return high > low && Double.isFinite(high - low) ? new double[] {low, high} : null;
    }

    /**
     * The ends of a linear axis over {@code range}, each moved out to a multiple of XChart's step where the last label
     * inside is more than a quarter of a step from it. A wider axis may take a coarser step, so the ends are found
     * again with each step until it holds.
     */
    private static double[] labelledEnds(double[] range, java.util.function.DoubleFunction<BigDecimal> stepOfSpan) {
        double[] ends = range.clone();
        for (int i = 0; i < 4; i++) {
            BigDecimal step = stepOfSpan.apply(ends[1] - ends[0]);
            double[] next = {outward(range[0], step, RoundingMode.FLOOR), outward(range[1], step, RoundingMode.CEILING)};
            if (Arrays.equals(next, ends)) {
                break;
            }
            ends = next;
        }
        return ends;
    }

    /** The end moved to the multiple of the step beyond it, unless a multiple lies within a quarter step inside. */
    private static double outward(double end, BigDecimal step, RoundingMode away) {
        BigDecimal steps = new BigDecimal(end).divide(step, MathContext.DECIMAL64);
        BigDecimal inside = steps.setScale(0, away == RoundingMode.FLOOR ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (steps.subtract(inside).abs().compareTo(new BigDecimal("0.25")) <= 0) {
            return end;
        }
        return steps.setScale(0, away).multiply(step).doubleValue();
    }

    /**
     * The step XChart labels a linear axis at (AxisTickCalculator_ in XChart 4.0.3): about one per {@code hint} pixels
     * of the axis's tick space, rounded up to 1, 2, 5 or 10 times a power of ten. (For a y axis shorter than 160 pixels
     * XChart takes a hint of 25, and a y axis's labels, stacked a line apart, always fit the step.)
     */
    static BigDecimal tickStep(double span, double tickSpace, int hint) {
        double significand = span / tickSpace * hint;
        int exponent = (int) Math.floor(Math.log10(significand));
        significand /= Math.pow(10, exponent);
        int mantissa = significand > 7.5 ? 10 : significand > 3.5 ? 5 : significand > 1.5 ? 2 : 1;
        return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
    }

    /**
     * The step XChart labels a linear x axis at: {@link #tickStep}, its hint widened by 5 pixels at a time until the
     * longest label (in characters, as XChart picks it, of the ticks from a step below the axis to two above) fits
     * with a tenth to spare.
     */
    private static BigDecimal xTickStep(double span, double[] range, double tickSpace, int hint,
                                        Function<Double, String> format, Font font) {
        for (int h = hint; ; h += 5) {
            BigDecimal step = tickStep(span, tickSpace, h);
            String longest = "Y";
            BigDecimal first = new BigDecimal(range[0]).divide(step, MathContext.DECIMAL64).setScale(0, RoundingMode.FLOOR)
                .subtract(BigDecimal.ONE);
            for (int k = 0; k < 1000; k++) {
                double tick = first.add(BigDecimal.valueOf(k)).multiply(step).doubleValue();
                if (tick >= range[0] + span + 2 * step.doubleValue()) {
                    break;
                }
                String label = format.apply(tick);
                longest = label.length() > longest.length() ? label : longest;
            }
            double width = new TextLayout(longest, font, new FontRenderContext(null, true, false)).getOutline(null)
                .getBounds().getWidth();
            if (width * 1.1 < (int) (step.doubleValue() / span * tickSpace) || h > 10 * hint) {
                return step;
            }
        }
    }

    /**
     * The pixels over which XChart spreads an axis over {@code range} (its bounds), found by laying the chart out once:
     * what the titles, the other axis and a legend below or beside leave of the chart's height or width.
     */
    private static double tickSpace(XYChart chart, double[] range, boolean x) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scratch.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            chart.paint(graphics, chart.getWidth(), chart.getHeight());
        } finally {
            graphics.dispose();
        }
        return x ? Math.abs(chart.getScreenXFromChart(range[1]) - chart.getScreenXFromChart(range[0]))
            : Math.abs(chart.getScreenYFromChart(range[0]) - chart.getScreenYFromChart(range[1]));
    }

    /** The most evenly spaced x values labelled each, as a short search's generations. */
    static final int LABELLED_VALUES = 12;

    private static double[] distinctFinite(XYChart chart, Function<XYSeries, double[]> axis) {
        return data(chart).flatMapToDouble(s -> Arrays.stream(axis.apply(s)))
            .filter(Double::isFinite).distinct().sorted().toArray();
    }

    private static boolean evenlySpaced(double[] sorted) {
        double step = sorted.length < 2 ? 0 : sorted[1] - sorted[0];
        for (int i = 2; i < sorted.length; i++) {
            if (Math.abs(sorted[i] - sorted[i - 1] - step) > 1e-9 * Math.abs(step)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest and largest finite positive value of the chart's series on one axis. */
    private static double[] range(XYChart chart, Function<XYSeries, double[]> axis) {
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

    private static byte[] png(XYChart chart) {
        int width = chart.getWidth();
        int height = chart.getHeight();
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.scale(PNG_SCALE, PNG_SCALE);
            chart.paint(graphics, width, height);
        } finally {
            graphics.dispose();
        }
        // Through a stream cached in memory: the one ImageIO.write(image, "png", out) makes is cached in a temporary
        // file, which ImageIO's own shutdown hook closes, so a Ctrl-C while a finished run wrote its report failed a
        // plot with "cannot encode a PNG: closed" before the run could say how to resume.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new EvosldException("cannot encode a PNG: this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new EvosldException("cannot encode a PNG: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /**
     * A figure showing the chart's PNG at the chart's own size (the PNG has twice the pixels, for sharpness).
     *
     * @param caption HTML, its text already escaped; the image's alternative text is that text without the tags
     */
    static String figure(XYChart chart, String stem, String caption) {
        return "<figure>" + image(chart, stem, caption) + caption(stem, caption) + "</figure>\n";
    }

    /**
     * {@link #figure} with the chart's narrow drawing ({@link #saveNarrow}) in the window of a phone, where report.css
     * sets the plots one to a row: a chart drawn for a row of the page, 760 or 1176 pixels wide, was shrunk to a half or
     * a third and its labels to 4 or 5 pixels. Drawn for the width a phone shows it at, its text keeps its size.
     */
    static String figure(XYChart chart, XYChart narrow, String stem, String caption) {
        return "<figure><picture><source media=\"(max-width: 640px)\" srcset=\"plots/" + stem + NARROW + ".png "
            + PNG_SCALE + "x\" width=\"" + narrow.getWidth() + "\" height=\"" + narrow.getHeight() + "\">"
            + image(chart, stem, caption) + "</picture>" + caption(stem, caption) + "</figure>\n";
    }

    private static String image(XYChart chart, String stem, String caption) {
        return "<img src=\"plots/" + stem + ".png\" width=\"" + chart.getWidth() + "\" alt=\""
            + stripTags(caption).replace("\"", "&quot;") + "\">";
    }

    private static String caption(String stem, String caption) {
        return "<figcaption>" + caption + " <a href=\"plots/" + stem + ".svg\">SVG</a></figcaption>";
    }

    private static String stripTags(String html) {
        // a list's items (a scale panel's combinations) apart, as the page sets them on lines of their own
        return html.replace("<li>", " ").replace("</li>", ";").replaceAll("<[^>]+>", "").replace("&#x2014;", "-");
    }
}
