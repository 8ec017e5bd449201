package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
    void valuesSpanDecadesOnlyWhenPositiveAndMoreThanTenfoldApart() {
        assertFalse(Charts.spansDecades(new double[] {1, 10}), "exactly a decade is not more than one");
        assertTrue(Charts.spansDecades(new double[] {1, 10.5}));
        assertTrue(Charts.spansDecades(new double[] {2}, new double[] {30}), "taken over every array together");
        assertFalse(Charts.spansDecades(new double[] {0, 100}), "zero has no logarithm");
        assertFalse(Charts.spansDecades(new double[] {-1, 100}));
        assertTrue(Charts.spansDecades(new double[] {NAN, 1e-3, INF, 1}), "non-finite values are left out");
        assertFalse(Charts.spansDecades(new double[] {}), "no values");
        assertFalse(Charts.spansDecades(new double[] {NAN, INF}), "no finite values");
        assertFalse(Charts.spansDecades(new double[] {5}), "one value");
    }

    @Test
    void aLogAxisIsLabelledInPowersOfTen() {
        XYChart chart = Charts.chart(400, 300, null, "x", "y");
        Charts.logX(chart);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertFalse(chart.getStyler().isYAxisLogarithmic());
        assertEquals("10⁴", chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(1e4));
        Charts.logY(chart);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals("10⁻³", chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(1e-3));
        assertEquals("10¹⁰", Charts.logLabel(1e10));
        assertEquals("3000", Charts.logLabel(3000));
        assertEquals("−1000", Charts.logLabel(-1000), "a negative value is no power of ten, and has a true minus");
        assertEquals("0", Charts.logLabel(0));
    }

    @Test
    void aLinearAxisIsLabelledAsTheReportWritesNumbersWithALeadingZeroPowersOfTenAndATrueMinus() {
        XYChart chart = Charts.chart(400, 300, null, "x", "y");
        for (var format : Arrays.asList(chart.getStyler().getXAxisTickLabelsFormattingFunction(),
            chart.getStyler().getYAxisTickLabelsFormattingFunction())) {
            assertNotNull(format, "XChart's own formatting otherwise");
            assertEquals("0.0022", format.apply(0.0022), "XChart's own: .0022");
            assertEquals("4×10⁸", format.apply(4e8), "XChart's own: 4E8");
            assertEquals("1.5×10⁸", format.apply(1.5e8));
            assertEquals("−0.5", format.apply(-0.5), "XChart's own: a hyphen-minus");
            assertEquals("1×10⁻⁵", format.apply(1e-5), "XChart's own: 1E-5");
            assertEquals("−2.5×10⁻⁴", format.apply(-2.5e-4));
            assertEquals("1200", format.apply(1200.0), "XChart's own: 1,200");
            assertEquals("0", format.apply(0.0));
            assertEquals("0.3", format.apply(0.1 + 0.2), "a tick's rounding error is not shown");
            assertEquals("2.0001", format.apply(2.0001), "every digit a tick has, so that close ticks differ");
        }
    }

    @Test
    void theTicksOfADrawnLinearAxisAreLabelledAsTheReportWritesNumbers() throws Exception {
        XYChart small = Charts.chart(400, 300, null, "x", "y");
        Charts.scatter(small, "s", new double[] {1, 2.3, 3.7}, new double[] {0.0022, 0.0031, 0.0015}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(small, plots, "small");
        // the axis ends on labels half a step beyond the values (aLinearYAxisEndsOnALabelledTickOrHasOneNearEachEnd)
        assertEquals(List.of("0.0014", "0.0016", "0.0018", "0.002", "0.0022", "0.0024", "0.0026", "0.0028", "0.003",
            "0.0032"), tickLabels(small, 'y'));

        XYChart signed = Charts.chart(400, 300, null, "x", "y");
        Charts.scatter(signed, "s", new double[] {-2000, 0, 1500}, new double[] {-0.5, 0.3, 0.1}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(signed, plots, "signed");
        assertTrue(tickLabels(signed, 'y').contains("−0.4"), tickLabels(signed, 'y').toString());
        assertTrue(tickLabels(signed, 'x').contains("−2000"), tickLabels(signed, 'x').toString());

        XYChart large = Charts.chart(400, 300, null, "x", "y");
        Charts.scatter(large, "s", new double[] {1, 2.3, 3.7}, new double[] {1e8, 4e8, 2e8}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(large, plots, "large");
        assertTrue(tickLabels(large, 'y').containsAll(List.of("1×10⁸", "4×10⁸")),
            tickLabels(large, 'y').toString());
    }

    @Test
    void aLinearYAxisEndsOnALabelledTickOrHasOneNearEachEnd() throws Exception {
        // vocab's scale panel: rows from −5.3 up to −0.62, and XChart's top label was −1, most of a step below the top
        // rows; its bottom one −5, above the lowest
        XYChart vocab = Charts.chart(1176, 460, "all_data", "vocab_size", "unigram_normalized_loss");
        Charts.scatter(vocab, "train", new double[] {4096, 8192, 64512}, new double[] {-5.3, -2.1, -0.62},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        Charts.save(vocab, plots, "scale-01");
        List<String> labels = tickLabels(vocab, 'y');
        assertEquals("−5.5", labels.getFirst(), labels.toString());
        assertEquals("−0.5", labels.getLast(), labels.toString());
        assertEquals(-5.5, vocab.getStyler().getYAxisMin());
        assertEquals(-0.5, vocab.getStyler().getYAxisMax());

        // easy_question's hellaswag rows up to −0.003, under a top label of −0.05
        XYChart easy = Charts.chart(400, 300, "hellaswag", "log_flops", "brier_score");
        Charts.scatter(easy, "train", new double[] {1, 2, 3, 4}, new double[] {-0.31, -0.2, -0.1, -0.003},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        Charts.save(easy, plots, "scale-02");
        labels = tickLabels(easy, 'y');
        assertEquals(0, easy.getStyler().getYAxisMax());
        assertEquals("0", labels.getLast(), labels.toString());
        // an end a label is already near keeps its place, rather than add most of a step of empty plot
        assertEquals(-0.31, easy.getStyler().getYAxisMin());
        assertEquals("−0.3", labels.getFirst(), labels.toString());
    }

    @Test
    void aLinearXAxisEndsOnALabelledTickToo() throws Exception {
        // vocab's predicted-against-actual plot: actual values from −5.35 to −0.55 along an axis labelled −5 to −1
        XYChart predicted = Charts.chart(1176, 460, null, "actual loss", "predicted loss");
        Charts.scatter(predicted, "train", new double[] {-5.35, -2, -0.55}, new double[] {-5.3, -2.1, -0.6},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        Charts.save(predicted, plots, "predicted-1");
        List<String> labels = tickLabels(predicted, 'x');
        assertEquals("−5.5", labels.getFirst(), labels.toString());
        assertEquals("−0.5", labels.getLast(), labels.toString());

        // a narrow panel, whose long labels XChart spaces further apart than its spacing hint alone would
        XYChart narrow = Charts.chart(400, 300, "a", "N", "loss");
        Charts.scatter(narrow, "train", new double[] {2.15e8, 5.4e8, 1.07e9}, new double[] {3.1, 2.6, 2.1},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        Charts.save(narrow, plots, "scale-01");
        labels = tickLabels(narrow, 'x');
        assertEquals("1.2×10⁹", labels.getLast(), labels.toString());
    }

    @Test
    void aLogAxisSpanningLittleMoreThanADecadeReachesTheNearerPowerOfTenSoThatTwoAreLabelled() throws Exception {
        // vocab_size from 4096 to 96256: XChart labels the powers of ten only, and 10^4 alone gives the reader no scale
        XYChart chart = Charts.chart(400, 300, null, "vocab_size", "loss");
        Charts.logX(chart);
        Charts.scatter(chart, "train", new double[] {4096, 8192, 96256}, new double[] {3, 2.5, 2}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(chart, plots, "scale-01");
        assertTrue(tickLabels(chart, 'x').containsAll(List.of("10⁴", "10⁵")), tickLabels(chart, 'x').toString());
        // a y axis: aLogAxisOfLittleMoreThanADecadeIsLabelledBetweenItsPowersOfTenAsSpaceAllows
    }

    @Test
    void aLogAxisOfLittleMoreThanADecadeIsLabelledBetweenItsPowersOfTenAsSpaceAllows() throws Exception {
        // a Pareto front's validation errors from 0.158 to 2.3 were labelled 10⁻¹ and 10⁰ alone, a scale no one reads
        // a value off
        XYChart pareto = Charts.chart(760, 420, null, "complexity", "validation error");
        Charts.logY(pareto);
        Charts.scatter(pareto, "laws", new double[] {5, 7, 16}, new double[] {2.3, 1.04, 0.158}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(pareto, plots, "pareto");
        assertEquals(List.of("10⁻¹", "2×10⁻¹", "3×10⁻¹", "5×10⁻¹", "10⁰", "2×10⁰"), tickLabels(pareto, 'y'));

        // vocab_size from 4096 to 96256 along a narrow panel: x labels need more room, so 2 and 5 only
        XYChart scale = Charts.chart(400, 300, null, "vocab_size", "loss");
        Charts.logX(scale);
        Charts.scatter(scale, "train", new double[] {4096, 8192, 96256}, new double[] {3, 2.5, 2}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(scale, plots, "scale-01");
        assertEquals(List.of("5×10³", "10⁴", "2×10⁴", "5×10⁴", "10⁵"), tickLabels(scale, 'x'));
    }

    @Test
    void aLogAxisOverManyDecadesLabelsEverySecondOrThirdPowerOfTen() throws Exception {
        // a Pareto front from a law whose validation error blew up to 1e12 down to 1e-6: XChart labelled all 19 powers
        // of ten, touching one another
        XYChart pareto = Charts.chart(760, 420, null, "complexity", "validation error");
        Charts.logY(pareto);
        Charts.scatter(pareto, "laws", new double[] {5, 7, 16}, new double[] {1e12, 1e3, 1e-6}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(pareto, plots, "pareto");
        assertEquals(List.of("10⁻⁶", "10⁻⁴", "10⁻²", "10⁰", "10²", "10⁴", "10⁶", "10⁸", "10¹⁰", "10¹²"),
            tickLabels(pareto, 'y').stream().filter(l -> !l.isEmpty()).toList());

        // four decades, as the Pareto fronts of the benchmark's runs: each power of ten labelled
        XYChart few = Charts.chart(760, 420, null, "complexity", "validation error");
        Charts.logY(few);
        Charts.scatter(few, "laws", new double[] {3, 5, 48}, new double[] {28, 0.94, 0.004}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(few, plots, "pareto");
        assertEquals(List.of("10⁻²", "10⁻¹", "10⁰", "10¹"), tickLabels(few, 'y'));
    }

    /** The distinct values at which the chart's own grid crosses an axis ({@code 'x'} or {@code 'y'}), in order. */
    private static List<Double> gridLines(XYChart chart, char axis) {
        return chart.getSeriesCollection().stream().filter(s -> s.getName().equals(axis == 'x' ? Charts.X_GRID
                : Charts.Y_GRID))
            .flatMapToDouble(s -> Arrays.stream(axis == 'x' ? s.getXData() : s.getYData()))
            .filter(Double::isFinite).distinct().sorted().boxed().toList();
    }

    @Test
    void aLogAxisDrawsItsGridAtItsLabelsNotAtEveryTickBetween() throws Exception {
        // XChart draws a grid line at each of the nine ticks of every decade of a log axis, 160 of them up a Pareto
        // plot from 1e-6 to 1e12, a grey band that hides which lines mark the labels
        XYChart pareto = Charts.chart(760, 420, null, "complexity", "validation error");
        Charts.logY(pareto);
        Charts.scatter(pareto, "laws", new double[] {5, 7, 16}, new double[] {1e12, 1e3, 1e-6}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(pareto, plots, "pareto");
        assertFalse(pareto.getStyler().isPlotGridHorizontalLinesVisible(), "XChart's own, at every tick");
        assertTrue(pareto.getStyler().isPlotGridVerticalLinesVisible(), "a linear axis keeps XChart's grid");
        assertEquals(List.of(1e-6, 1e-4, 1e-2, 1e0, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12), gridLines(pareto, 'y'));
        String svg = Files.readString(plots.resolve("pareto.svg"));
        assertEquals(10, count(svg, "stroke:rgb(230,230,230)"), "one line drawn at each label");
        assertEquals(List.of("laws"), pareto.getSeriesCollection().stream().filter(XYSeries::isShowInLegend)
            .map(XYSeries::getName).toList(), "the grid is no series of the legend");

        // a log x axis of a decade and more: lines at 5×10³, 10⁴, 2×10⁴, 5×10⁴ and 10⁵, as labelled
        XYChart scale = Charts.chart(400, 300, null, "vocab_size", "loss");
        Charts.logX(scale);
        Charts.scatter(scale, "train", new double[] {4096, 8192, 96256}, new double[] {3, 2.5, 2}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(scale, plots, "scale-01");
        assertFalse(scale.getStyler().isPlotGridVerticalLinesVisible());
        assertEquals(List.of(5e3, 1e4, 2e4, 5e4, 1e5), gridLines(scale, 'x'));
        assertEquals(List.of("5×10³", "10⁴", "2×10⁴", "5×10⁴", "10⁵"), tickLabels(scale, 'x'), "the axis as before");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aLinearAxisOverOneOrTwoDistinctValuesIsLabelledInRoundNumbers() throws Exception {
        // a short search's history: the best validation error took two values, and XChart put its only two ticks on them,
        // labelled .002180224491144 and .000869747809006
        XYChart history = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(history, "best validation error", new double[] {1, 2, 3, 4},
            new double[] {0.002180224491144, 0.002180224491144, 0.000869747809006, 0.000869747809006}, Charts.TRAIN, 1.8f);
        Charts.save(history, plots, "history");
        List<String> labels = tickLabels(history, 'y');
        assertTrue(labels.size() >= 3, labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.length() <= 6), "round numbers, not the values: " + labels);

        // one value throughout (no law improved on the first)
        XYChart flat = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(flat, "best validation error", new double[] {1, 2, 3}, new double[] {0.158312345, 0.158312345,
            0.158312345}, Charts.TRAIN, 1.8f);
        Charts.save(flat, plots, "history");
        labels = tickLabels(flat, 'y');
        assertTrue(labels.size() >= 3, labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.length() <= 6), "round numbers, not the value: " + labels);
        assertEquals(List.of("1", "2", "3"), tickLabels(flat, 'x'), "generations stay labelled as they are");
    }

    @Test
    void aLinearAxisOverManyEvenlySpacedValuesIsLabelledInRoundNumbers() throws Exception {
        // a search of 178 generations: XChart put a tick on every 7th, 1, 8, 15, ..., 176, 26 labels nearly touching
        double[] generations = new double[178];
        double[] errors = new double[178];
        for (int i = 0; i < generations.length; i++) {
            generations[i] = i + 1;
            errors[i] = 0.07 + 0.2 / (i + 1);
        }
        XYChart history = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(history, "best validation error", generations, errors, Charts.TRAIN, 1.8f);
        Charts.save(history, plots, "history");
        assertEquals(List.of("20", "40", "60", "80", "100", "120", "140", "160"), tickLabels(history, 'x'));

        // twelve generations: every one labelled, still as a whole number
        XYChart shorter = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(shorter, "best validation error", Arrays.copyOf(generations, 12), Arrays.copyOf(errors, 12),
            Charts.TRAIN, 1.8f);
        Charts.save(shorter, plots, "history");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"), tickLabels(shorter, 'x'));
    }

    @Test
    void anAxisOfWholeNumbersIsLabelledAtWholeNumbersOnly() throws Exception {
        // a Pareto front of complexities 5, 6, 7 and 10 over a log axis of errors was labelled 5, 5.5, 6, ..., 10
        XYChart pareto = Charts.chart(760, 420, null, "complexity (nodes + parameters)", "validation error (log scale)");
        Charts.logY(pareto);
        Charts.wholeNumbersX(pareto);
        Charts.scatter(pareto, "laws", new double[] {5, 6, 7, 10}, new double[] {26.6, 22.3, 0.38, 0.00015},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        Charts.save(pareto, plots, "pareto");
        assertEquals(List.of("5", "6", "7", "8", "9", "10"), tickLabels(pareto, 'x'));

        // many of them keep XChart's coarser step
        XYChart wide = Charts.chart(760, 420, null, "complexity (nodes + parameters)", "validation error");
        Charts.wholeNumbersX(wide);
        Charts.scatter(wide, "laws", new double[] {7, 13, 40, 61}, new double[] {0.5, 0.3, 0.1, 0.09}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.save(wide, plots, "pareto");
        assertEquals(List.of("5", "10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60"), tickLabels(wide, 'x'));
    }

    @Test
    void aPngIsEncodedInMemoryNotThroughImageIosFileCache() throws Exception {
        // ImageIO's file cache is closed by its own shutdown hook, so a Ctrl-C while a report was written failed its
        // plots ("cannot encode a PNG: closed"); a file created there, even one deleted at once, shows the cache in use
        Path cache = Files.createDirectories(plots.resolve("imageio-cache"));
        File before = ImageIO.getCacheDirectory();
        boolean used = ImageIO.getUseCache();
        try (WatchService watcher = cache.getFileSystem().newWatchService()) {
            cache.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            ImageIO.setCacheDirectory(cache.toFile());
            ImageIO.setUseCache(true);
            XYChart chart = Charts.chart(300, 200, null, "x", "y");
            Charts.scatter(chart, "test", new double[] {1, 2}, new double[] {2, 1}, Charts.TEST, SeriesMarkers.DIAMOND);
            Charts.save(chart, plots, "memory");
            // events come in the order their files were made, so once a file made after the save is seen, any file
            // the save made has been seen before it, however slowly a loaded machine hands the events over
            Files.createFile(cache.resolve("after-the-save"));
            List<String> created = new ArrayList<>();
            while (!created.contains("after-the-save")) {
                WatchKey key = watcher.poll(60, TimeUnit.SECONDS);
                assertNotNull(key, "the file made after the save was never seen");
                key.pollEvents().forEach(e -> created.add(e.context().toString()));
                key.reset();
            }
            assertEquals(List.of("after-the-save"), created);
        } finally {
            ImageIO.setCacheDirectory(before);
            ImageIO.setUseCache(used);
        }
        assertEquals(600, ImageIO.read(plots.resolve("memory.png").toFile()).getWidth());
    }

    @Test
    void savingWritesAPngAtTwiceTheSizeAndAnSvgWithEachPointDrawn() throws Exception {
        XYChart chart = Charts.chart(300, 200, null, "x", "y");
        chart.getStyler().setLegendVisible(false);
        Charts.scatter(chart, "test", new double[] {1, 2, NAN, 4}, new double[] {4, 3, 2, 1}, Charts.TEST,
            SeriesMarkers.DIAMOND);
        Charts.scatter(chart, "one", new double[] {2.5}, new double[] {2.5}, Charts.PALETTE[2], SeriesMarkers.CIRCLE);
        List<Path> files = Charts.save(chart, plots, "points");
        assertEquals(List.of(plots.resolve("points.png"), plots.resolve("points.svg")), files);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(600, png.getWidth());
        assertEquals(400, png.getHeight());
        String svg = Files.readString(files.get(1));
        assertTrue(svg.contains("viewBox=\"0 0 300 200\""), svg.substring(0, 400));
        assertEquals(3, fills(svg, Charts.TEST), "the three finite points");
        assertEquals(1, fills(svg, Charts.PALETTE[2]), "a single point is drawn too");
    }

    @Test
    void aFigureShowsThePngAtTheChartsSizeWithPlainAlternativeText() {
        XYChart chart = Charts.chart(440, 400, null, "x", "y");
        assertEquals("<figure><img src=\"plots/predicted-1.png\" width=\"440\" alt=\"Target loss &amp; &quot;error&quot;"
                + " - scaled.\"><figcaption>Target <code>loss &amp; \"error\"</code> &#x2014; scaled."
                + " <a href=\"plots/predicted-1.svg\">SVG</a></figcaption></figure>\n",
            Charts.figure(chart, "predicted-1", "Target <code>loss &amp; \"error\"</code> &#x2014; scaled."));
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
        Charts.save(chart, plots, "predicted-1");
        assertTrue(Files.readString(plots.resolve("predicted-1.svg")).contains("<svg"));
    }
}
