package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Axis_;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.markers.SeriesMarkers;

class ChartsTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @TempDir
    Path plots;

    /** How often a colour fills a shape of the SVG: the markers of a scatter once each, with the legend hidden. */
    static int fills(String svg, Color color) {
        Matcher m = Pattern.compile(Pattern.quote("fill:rgb(" + color.getRed() + "," + color.getGreen() + ","
            + color.getBlue() + ")")).matcher(svg);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /**
     * The tick labels XChart draws on an axis ({@code 'x'} or {@code 'y'}) of the chart as saved, unlabelled minor ticks
     * left out. XChart keeps its axes to itself, so they are read by reflection after painting the chart.
     */
    static List<String> tickLabels(XYChart chart, char axis) throws Exception {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        graphics.dispose();
        var getter = AxesChart.class.getDeclaredMethod(axis == 'x' ? "getXAxis" : "getYAxis");
        getter.setAccessible(true);
        Axis_<?, ?> found = (Axis_<?, ?>) getter.invoke(chart);
        return found.getAxisTickCalculator().getTickLabels().stream().filter(l -> l != null && !l.isEmpty()).toList();
    }

    @Test
    void aChartWithoutATitleShowsNoTitleAndKeepsItsSizeAndAxisTitles() {
        XYChart untitled = Charts.chart(440, 400, null, "actual loss", "predicted loss");
        assertEquals("", untitled.getTitle());
        assertFalse(untitled.getStyler().isChartTitleVisible());
        assertEquals(440, untitled.getWidth());
        assertEquals(400, untitled.getHeight());
        assertEquals("actual loss", untitled.getXAxisTitle());
        assertEquals("predicted loss", untitled.getYAxisTitle());
        XYChart titled = Charts.chart(400, 300, "dense · loss", "N", "loss");
        assertEquals("dense · loss", titled.getTitle());
        assertTrue(titled.getStyler().isChartTitleVisible());
        assertFalse(titled.getStyler().isXAxisLogarithmic() || titled.getStyler().isYAxisLogarithmic(),
            "linear until a caller asks for a log axis");
    }

    @Test
    void theYAxisTickLabelsEndAtTheirTicks() {
        // left-aligned, "1" stood three digits' width from its tick below "1.5", as if it labelled none
        for (XYChart chart : List.of(Charts.chart(440, 400, null, "actual", "predicted"),
            Charts.chart(760, 360, null, "generation", "best validation error"))) {
            assertEquals(TextAlignment.Right, chart.getStyler().getYAxisLabelAlignment());
        }
    }

    @Test
    void aScatterKeepsOnlyThePointsWithBothCoordinatesFinite() {
        XYChart chart = Charts.chart(400, 300, null, "x", "y");
        XYSeries series = Charts.scatter(chart, "train", new double[] {1, NAN, 3, 4, INF, 6},
            new double[] {10, 20, NAN, 40, 50, -INF}, Charts.TEST, SeriesMarkers.DIAMOND);
        assertArrayEquals(new double[] {1, 4}, series.getXData());
        assertArrayEquals(new double[] {10, 40}, series.getYData());
        assertEquals(XYSeriesRenderStyle.Scatter, series.getXYSeriesRenderStyle().orElseThrow());
        assertEquals(SeriesMarkers.DIAMOND, series.getMarker());
        assertEquals(Charts.TEST, series.getMarkerColor());
        assertEquals(List.of(series), List.copyOf(chart.getSeriesCollection()));
        assertEquals("train", chart.getSeries("train").getName());
    }

    @Test
    void aLineIsUnmarkedInItsColourAndWidthAndADashedLineIsDashed() {
        XYChart chart = Charts.chart(400, 300, null, "x", "y");
        XYSeries line = Charts.line(chart, "fit", new double[] {1, 2, 3}, new double[] {3, NAN, 1}, Charts.INK, 1.6f);
        assertArrayEquals(new double[] {1, 3}, line.getXData());
        assertEquals(XYSeriesRenderStyle.Line, line.getXYSeriesRenderStyle().orElseThrow());
        assertEquals(SeriesMarkers.NONE, line.getMarker());
        assertEquals(Charts.INK, line.getLineColor());
        assertEquals(1.6f, line.getLineStyle().getLineWidth());
        assertNull(line.getLineStyle().getDashArray());

        XYSeries dashed = Charts.dashed(chart, "y = x", new double[] {0, 5}, new double[] {0, 5}, Charts.MUTED);
        BasicStroke stroke = dashed.getLineStyle();
        assertArrayEquals(new float[] {5f, 4f}, stroke.getDashArray());
        assertEquals(1.2f, stroke.getLineWidth());
        assertEquals(Charts.MUTED, dashed.getLineColor());
    }

    @Test
    void anAxisOfWholeNumbersIsLabelledAtWholeNumbersOnly() throws Exception {
        // a Pareto front of complexities 5, 6, 7 and 10 over a log axis of errors was labelled 5, 5.5, 6, ..., 10
        XYChart pareto = Charts.chart(760, 420, null, "complexity (nodes + parameters)", "validation error (log scale)");
        LogAxes.logY(pareto);
        Charts.wholeNumbersX(pareto);
        Charts.scatter(pareto, "laws", new double[] {5, 6, 7, 10}, new double[] {26.6, 22.3, 0.38, 0.00015},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        ChartFiles.save(pareto, plots, "pareto");
        assertEquals(List.of("5", "6", "7", "8", "9", "10"), tickLabels(pareto, 'x'));

        // many of them keep XChart's coarser step
        XYChart wide = Charts.chart(760, 420, null, "complexity (nodes + parameters)", "validation error");
        Charts.wholeNumbersX(wide);
        Charts.scatter(wide, "laws", new double[] {7, 13, 40, 61}, new double[] {0.5, 0.3, 0.1, 0.09}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        ChartFiles.save(wide, plots, "pareto");
        assertEquals(List.of("5", "10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60"), tickLabels(wide, 'x'));
    }

    @Test
    void aSeriesWithNoFinitePointIsDrawnEmptyRatherThanFailing() throws Exception {
        // Report draws test predictions as they come: a law that is NaN beyond train makes them all non-finite, and
        // then `evosld report` ends in "internal error: IllegalArgumentException: Y-Axis data cannot be empty"
        XYChart chart = Charts.chart(440, 400, null, "actual loss", "predicted loss");
        Charts.scatter(chart, "train", new double[] {1, 2}, new double[] {1, 2}, Charts.TRAIN, SeriesMarkers.CIRCLE);
        Charts.scatter(chart, "test", new double[] {3, 4}, new double[] {NAN, INF}, Charts.TEST, SeriesMarkers.DIAMOND)
            .setMarkerColor(Charts.TEST);
        Charts.line(chart, "curve", new double[] {NAN}, new double[] {1}, Charts.INK, 1.6f);
        assertEquals(List.of("train"), chart.getSeriesCollection().stream().map(s -> s.getName()).toList(),
            "nothing to draw, so not on the chart");
        ChartFiles.save(chart, plots, "predicted-1");
        assertTrue(Files.readString(plots.resolve("predicted-1.svg")).contains("<svg"));
    }
}
