package dev.evosld.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.Arrays;
import java.util.function.Function;
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
 * The report's XChart plots with one look: white background, light grid, a colour-blind-safe palette, and tick labels
 * that write numbers as the report's tables do ({@link TickLabels}); the series the plots draw. Their axes are settled
 * from the data when they are saved ({@link ChartFiles}): a logarithmic one by {@link LogAxes}, a linear one by
 * {@link LinearAxes}.
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
        styler.setXAxisTickLabelsFormattingFunction(TickLabels::linearLabel);
        styler.setYAxisTickLabelsFormattingFunction(TickLabels::linearLabel);
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

    private static final Function<Double, String> WHOLE_NUMBERS =
        v -> v == Math.rint(v) ? TickLabels.linearLabel(v) : "";

    /** Whether a legend of a chart this wide shows the label whole. */
    static boolean legendFits(String label, int chartWidth) {
        return legendWidth(label) <= LEGEND_TEXT_SHARE * chartWidth;
    }

    /** The width a legend's label takes, in the chart's pixels. */
    static double legendWidth(String label) {
        return LEGEND_FONT.getStringBounds(label, new FontRenderContext(null, true, true)).getWidth();
    }

    static final Color GRID = new Color(0xE6E6E6);

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
}
