package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class LogAxesTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @TempDir
    Path plots;

    @Test
    void valuesSpanDecadesOnlyWhenPositiveAndMoreThanTenfoldApart() {
        assertFalse(LogAxes.spansDecades(new double[] {1, 10}), "exactly a decade is not more than one");
        assertTrue(LogAxes.spansDecades(new double[] {1, 10.5}));
        assertTrue(LogAxes.spansDecades(new double[] {2}, new double[] {30}), "taken over every array together");
        assertFalse(LogAxes.spansDecades(new double[] {0, 100}), "zero has no logarithm");
        assertFalse(LogAxes.spansDecades(new double[] {-1, 100}));
        assertTrue(LogAxes.spansDecades(new double[] {NAN, 1e-3, INF, 1}), "non-finite values are left out");
        assertFalse(LogAxes.spansDecades(new double[] {}), "no values");
        assertFalse(LogAxes.spansDecades(new double[] {NAN, INF}), "no finite values");
        assertFalse(LogAxes.spansDecades(new double[] {5}), "one value");
    }

    @Test
    void aLogAxisIsLabelledInPowersOfTen() {
        XYChart chart = Charts.chart(400, 300, null, "x", "y");
        LogAxes.logX(chart);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertFalse(chart.getStyler().isYAxisLogarithmic());
        assertEquals("10⁴", chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(1e4));
        LogAxes.logY(chart);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals("10⁻³", chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(1e-3));
        assertEquals("10¹⁰", TickLabels.logLabel(1e10));
        assertEquals("3000", TickLabels.logLabel(3000));
        assertEquals("−1000", TickLabels.logLabel(-1000), "a negative value is no power of ten, and has a true minus");
        assertEquals("0", TickLabels.logLabel(0));
    }

    @Test
    void aLogAxisSpanningLittleMoreThanADecadeReachesTheNearerPowerOfTenSoThatTwoAreLabelled() throws Exception {
        // vocab_size from 4096 to 96256: XChart labels the powers of ten only, and 10^4 alone gives the reader no scale
        XYChart chart = Charts.chart(400, 300, null, "vocab_size", "loss");
        LogAxes.logX(chart);
        Charts.scatter(chart, "train", new double[] {4096, 8192, 96256}, new double[] {3, 2.5, 2}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        ChartFiles.save(chart, plots, "scale-01");
        assertTrue(ChartsTest.tickLabels(chart, 'x').containsAll(List.of("10⁴", "10⁵")), ChartsTest.tickLabels(chart, 'x').toString());
        // a y axis: aLogAxisOfLittleMoreThanADecadeIsLabelledBetweenItsPowersOfTenAsSpaceAllows
    }

    @Test
    void aLogAxisOfLittleMoreThanADecadeIsLabelledBetweenItsPowersOfTenAsSpaceAllows() throws Exception {
        // a Pareto front's validation errors from 0.158 to 2.3 were labelled 10⁻¹ and 10⁰ alone, a scale no one reads
        // a value off
        XYChart pareto = pareto(new double[] {5, 7, 16}, new double[] {2.3, 1.04, 0.158});
        assertEquals(List.of("10⁻¹", "2×10⁻¹", "3×10⁻¹", "5×10⁻¹", "10⁰", "2×10⁰"), ChartsTest.tickLabels(pareto, 'y'));

        // vocab_size from 4096 to 96256 along a narrow panel: x labels need more room, so 2 and 5 only
        XYChart scale = vocabPanel();
        assertEquals(List.of("5×10³", "10⁴", "2×10⁴", "5×10⁴", "10⁵"), ChartsTest.tickLabels(scale, 'x'));
    }

    @Test
    void aLogAxisOverManyDecadesLabelsEverySecondOrThirdPowerOfTen() throws Exception {
        // a Pareto front from a law whose validation error blew up to 1e12 down to 1e-6: XChart labelled all 19 powers
        // of ten, touching one another
        XYChart pareto = pareto(new double[] {5, 7, 16}, new double[] {1e12, 1e3, 1e-6});
        assertEquals(List.of("10⁻⁶", "10⁻⁴", "10⁻²", "10⁰", "10²", "10⁴", "10⁶", "10⁸", "10¹⁰", "10¹²"),
            ChartsTest.tickLabels(pareto, 'y').stream().filter(l -> !l.isEmpty()).toList());

        // four decades, as the Pareto fronts of the benchmark's runs: each power of ten labelled
        XYChart few = pareto(new double[] {3, 5, 48}, new double[] {28, 0.94, 0.004});
        assertEquals(List.of("10⁻²", "10⁻¹", "10⁰", "10¹"), ChartsTest.tickLabels(few, 'y'));
    }

    /** A Pareto front's plot of laws of these complexities and validation errors, its y axis logarithmic, saved. */
    private XYChart pareto(double[] complexity, double[] error) throws IOException {
        XYChart pareto = Charts.chart(760, 420, null, "complexity", "validation error");
        LogAxes.logY(pareto);
        Charts.scatter(pareto, "laws", complexity, error, Charts.TRAIN, SeriesMarkers.CIRCLE);
        ChartFiles.save(pareto, plots, "pareto");
        return pareto;
    }

    /** A narrow panel of vocab_size from 4096 to 96256, its x axis logarithmic, saved. */
    private XYChart vocabPanel() throws IOException {
        XYChart scale = Charts.chart(400, 300, null, "vocab_size", "loss");
        LogAxes.logX(scale);
        Charts.scatter(scale, "train", new double[] {4096, 8192, 96256}, new double[] {3, 2.5, 2}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        ChartFiles.save(scale, plots, "scale-01");
        return scale;
    }

    /** The distinct values at which the chart's own grid crosses an axis ({@code 'x'} or {@code 'y'}), in order. */
    private static List<Double> gridLines(XYChart chart, char axis) {
        return chart.getSeriesCollection().stream().filter(s -> s.getName().equals(axis == 'x' ? LogAxes.X_GRID
                : LogAxes.Y_GRID))
            .flatMapToDouble(s -> Arrays.stream(axis == 'x' ? s.getXData() : s.getYData()))
            .filter(Double::isFinite).distinct().sorted().boxed().toList();
    }

    @Test
    void aLogAxisDrawsItsGridAtItsLabelsNotAtEveryTickBetween() throws Exception {
        // XChart draws a grid line at each of the nine ticks of every decade of a log axis, 160 of them up a Pareto
        // plot from 1e-6 to 1e12, a grey band that hides which lines mark the labels
        XYChart pareto = pareto(new double[] {5, 7, 16}, new double[] {1e12, 1e3, 1e-6});
        assertFalse(pareto.getStyler().isPlotGridHorizontalLinesVisible(), "XChart's own, at every tick");
        assertTrue(pareto.getStyler().isPlotGridVerticalLinesVisible(), "a linear axis keeps XChart's grid");
        assertEquals(List.of(1e-6, 1e-4, 1e-2, 1e0, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12), gridLines(pareto, 'y'));
        String svg = Files.readString(plots.resolve("pareto.svg"));
        assertEquals(10, count(svg, "stroke:rgb(230,230,230)"), "one line drawn at each label");
        assertEquals(List.of("laws"), pareto.getSeriesCollection().stream().filter(XYSeries::isShowInLegend)
            .map(XYSeries::getName).toList(), "the grid is no series of the legend");

        // a log x axis of a decade and more: lines at 5×10³, 10⁴, 2×10⁴, 5×10⁴ and 10⁵, as labelled
        XYChart scale = vocabPanel();
        assertFalse(scale.getStyler().isPlotGridVerticalLinesVisible());
        assertEquals(List.of(5e3, 1e4, 2e4, 5e4, 1e5), gridLines(scale, 'x'));
        assertEquals(List.of("5×10³", "10⁴", "2×10⁴", "5×10⁴", "10⁵"), ChartsTest.tickLabels(scale, 'x'), "the axis as before");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
