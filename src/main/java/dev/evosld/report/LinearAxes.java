package dev.evosld.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The plots' linear axes: labelled at round numbers, and ending where a label is. */
final class LinearAxes {
    /** The most evenly spaced x values labelled each, as a short search's generations. */
    static final int LABELLED_VALUES = 12;

    private LinearAxes() {
    }

    /**
     * Gives a linear y axis whose values are evenly spaced (one or two distinct values, as in a short search's
     * history) a margin of 5% below and 10% above: XChart puts the ticks of an axis whose values and bounds are evenly
     * spaced on the values themselves, labelled in all their digits (.002180224491144), and chooses round numbers
     * otherwise, which unequal margins ensure. An x axis is left alone up to {@link #LABELLED_VALUES} evenly spaced
     * values, generations and sizes labelled as they are; beyond, it ends a hair past its last value, as XChart would
     * otherwise label every few generations at odd numbers (1, 8, 15, ..., 176) and nearly touching.
     */
    static void labelRoundNumbers(XYChart chart) {
        var styler = chart.getStyler();
        double[] ys = AxisValues.distinctFinite(chart, XYSeries::getYData);
        if (!styler.isYAxisLogarithmic() && styler.getYAxisMin() == null && ys.length > 0
            && AxisValues.evenlySpaced(ys)) {
            double low = ys[0];
            double high = ys[ys.length - 1];
            double margin = high > low ? 0.05 * (high - low) : low != 0 ? 0.05 * Math.abs(low) : 1;
            styler.setYAxisMin(low - margin);
            styler.setYAxisMax(high + 2 * margin);
        }
        double[] xs = AxisValues.distinctFinite(chart, XYSeries::getXData);
        if (!styler.isXAxisLogarithmic() && styler.getXAxisMax() == null && xs.length > LABELLED_VALUES
            && AxisValues.evenlySpaced(xs)) {
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
    static void labelBothEnds(XYChart chart) {
        var styler = chart.getStyler();
        double[] ys = AxisValues.distinctFinite(chart, XYSeries::getYData);
        double[] y = AxisValues.ends(ys, styler.getYAxisMin(), styler.getYAxisMax());
        if (!styler.isYAxisLogarithmic() && y != null) {
            styler.setYAxisMin(y[0]);
            styler.setYAxisMax(y[1]);
            double tickSpace = tickSpace(chart, y, false);
            int hint = styler.getYAxisTickMarkSpacingHint();
            double[] ends = labelledEnds(y, span -> tickStep(span, tickSpace, tickSpace < 160 ? 25 : hint));
            styler.setYAxisMin(ends[0]);
            styler.setYAxisMax(ends[1]);
        }
        double[] xs = AxisValues.distinctFinite(chart, XYSeries::getXData);
        double[] x = AxisValues.ends(xs, styler.getXAxisMin(), styler.getXAxisMax());
        if (!styler.isXAxisLogarithmic() && x != null && !AxisValues.evenlySpaced(xs)) {
            styler.setXAxisMin(x[0]);
            styler.setXAxisMax(x[1]);
            double tickSpace = tickSpace(chart, x, true);
            double[] ends = labelledEnds(x, span -> xTickStep(span, x, tickSpace, styler.getXAxisTickMarkSpacingHint(),
                styler.getXAxisTickLabelsFormattingFunction(), styler.getAxisTickLabelsFont()));
            styler.setXAxisMin(ends[0]);
            styler.setXAxisMax(ends[1]);
        }
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
}
