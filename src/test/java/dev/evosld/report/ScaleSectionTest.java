package dev.evosld.report;

import static dev.evosld.report.ChartsTest.fills;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

class ScaleSectionTest {
    private static final List<String> N_ONLY = List.of("N");
    private static final Law POWER = Law.parse("E + A / N^alpha", N_ONLY);

    @TempDir
    Path plots;

    private static TaskConfig config(List<String> features, List<String> targets, List<String> scaleAxis) {
        return new TaskConfig("toy", "A toy task.", features.stream().map(f -> new TaskConfig.Feature(f, f)).toList(),
            targets, 4, scaleAxis, scaleAxis.isEmpty() ? new TaskConfig.Holdout.Folds(2, 0)
                : new TaskConfig.Holdout.TopValues(1, 0), null, Map.of(), null, null);
    }

    /** Group "a" has 3 train and 2 test rows, "b" 4 train rows and 1 test row. */
    private static TaskData twoGroups(List<String> scaleAxis, boolean withTest) {
        TaskConfig config = config(N_ONLY, List.of("loss"), scaleAxis);
        Table train = new Table(N_ONLY, List.of("loss"), List.of(
            Group.of("a", new double[][] {{1, 2, 4}}, new double[][] {{3, 2.5, 2.2}}),
            Group.of("b", new double[][] {{1, 2, 3, 4}}, new double[][] {{4, 3.2, 3, 2.9}})));
        Table test = new Table(N_ONLY, List.of("loss"), List.of(
            Group.of("a", new double[][] {{8, 16}}, new double[][] {{2.0, 1.9}}),
            Group.of("b", new double[][] {{8}}, new double[][] {{2.7}})));
        return withTest ? new TaskData(config, new Train(train), new dev.evosld.data.Test(test))
            : new TaskData(config, new Train(train), Optional.empty());
    }

    private static ParameterSet powerParameters(String... groups) {
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (String group : groups) {
            values.put(group, new double[][] {{1.5, 1.5, 0.5}});
        }
        return ParameterSet.of(POWER.parameters(), List.of("loss"), values);
    }

    private String svg(String stem) throws IOException {
        return Files.readString(plots.resolve(stem + ".svg"));
    }

    private static int strokes(String svg, Color color) {
        Matcher m = Pattern.compile(Pattern.quote("stroke:rgb(" + color.getRed() + "," + color.getGreen() + ","
            + color.getBlue() + ")")).matcher(svg);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** The segments drawn in the colour with the dashes of {@link Charts#dashed}. */
    private static int dashedStrokes(String svg, Color color) {
        Matcher m = Pattern.compile(Pattern.quote("stroke:rgb(" + color.getRed() + "," + color.getGreen() + ","
            + color.getBlue() + ")") + ";[^\"]*stroke-dasharray:5,4").matcher(svg);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void eachGroupIsAPanelOfItsTrainAndTestPointsWithTheFittedCurveThroughThem() throws IOException {
        String html = ScaleSection.of(POWER, powerParameters("a", "b"), twoGroups(List.of("N"), true), plots, 12);
        // a law of the axis alone draws one black line through blue train and orange test rows: the note spoke of the
        // law's other variables and of points coloured as their combination's curve
        assertEquals("<section id=\"scale\">\n<h2>loss against <code>N</code></h2>\n<p class=\"note\">Per group,"
            + " <code>loss</code> against <code>N</code>: blue circles are train rows, orange diamonds test rows; lines are"
            + " the fitted law from the smallest train value to the largest test value; dashed beyond the largest train"
            + " value, where the law extrapolates.</p>\n<div class=\"grid two\">\n"
            + "<figure><picture><source media=\"(max-width: 640px)\" srcset=\"plots/scale-01-narrow.png 2x\" width=\"360\""
            + " height=\"300\"><img src=\"plots/scale-01.png\" width=\"600\" alt=\"Group a.\"></picture><figcaption>Group"
            + " <code>a</code>. <a href=\"plots/scale-01.svg\">SVG</a></figcaption></figure>\n"
            + "<figure><picture><source media=\"(max-width: 640px)\" srcset=\"plots/scale-02-narrow.png 2x\" width=\"360\""
            + " height=\"300\"><img src=\"plots/scale-02.png\" width=\"600\" alt=\"Group b.\"></picture><figcaption>Group"
            + " <code>b</code>. <a href=\"plots/scale-02.svg\">SVG</a></figcaption></figure>\n</div>\n</section>\n", html);
        // with one curve, train points take the train colour and test points the test colour
        assertEquals(3, fills(svg("scale-01"), Charts.TRAIN));
        assertEquals(2, fills(svg("scale-01"), Charts.TEST));
        assertEquals(4, fills(svg("scale-02"), Charts.TRAIN));
        assertEquals(1, fills(svg("scale-02"), Charts.TEST));
        // one curve: solid through the train rows (N up to 4), dashed beyond
        long solid = Arrays.stream(ScalePanels.sweep(1, 16, true)).filter(n -> n <= 4).count() - 1;
        assertEquals(solid, strokes(svg("scale-01"), Charts.INK) - dashedStrokes(svg("scale-01"), Charts.INK));
        assertTrue(Files.size(plots.resolve("scale-02.png")) > 0);
    }

    @Test
    void withoutATestSplitOnlyTrainPointsAreDrawnAndTheNoteSaysHowFarTheCurveReaches() throws IOException {
        String html = ScaleSection.of(POWER, powerParameters("a", "b"), twoGroups(List.of("N"), false), plots, 12);
        assertTrue(html.contains("</code>: blue circles are train rows (there is no test split); lines are the fitted law"
            + " from the smallest train value to 10× the largest, as far as discover checked the law beyond the data;"
            + " dashed beyond the largest train value, where the law extrapolates.</p>"), html);
        assertEquals(3, fills(svg("scale-01"), Charts.TRAIN));
        assertEquals(0, fills(svg("scale-01"), Charts.TEST));
    }

    @Test
    void theCurveIsDashedBeyondTheLargestTrainValueWhereTheLawExtrapolates() throws IOException {
        // group a's train N runs from 1 to 4; without a test split its curve runs on to 40, with one to 16: drawn alike,
        // the reader cannot tell the fit from the law's promise beyond the data
        for (boolean withTest : new boolean[] {false, true}) {
            String html = ScaleSection.of(POWER, powerParameters("a", "b"), twoGroups(List.of("N"), withTest), plots, 12);
            assertTrue(html.contains("; dashed beyond the largest train value, where the law extrapolates"), html);
            String svg = svg("scale-01");
            int dashed = dashedStrokes(svg, Charts.INK);
            assertTrue(dashed > 0, "the curve beyond N = 4 is dashed");
            assertTrue(strokes(svg, Charts.INK) - dashed > 0, "the curve through the train rows is solid");
        }
    }

    /** The share of the plot's height that the circles (train rows) of an SVG span. */
    private static double heightOfTrainPoints(String svg) {
        Matcher plot = Pattern.compile("<clipPath[^>]*>\\s*<rect height=\"([0-9.]+)\"").matcher(svg);
        assertTrue(plot.find(), "the plot's area");
        Matcher circle = Pattern.compile("<ellipse [^>]*cy=\"([0-9.]+)\"").matcher(svg);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        while (circle.find()) {
            low = Math.min(low, Double.parseDouble(circle.group(1)));
            high = Math.max(high, Double.parseDouble(circle.group(1)));
        }
        return (high - low) / Double.parseDouble(plot.group(1));
    }

    @Test
    void aCurveThatLeavesTheRangeOfTheRowsFarBehindDoesNotSquashThemIntoAStrip() throws IOException {
        // data_constrained: a curve held at the settings of a run with many unique tokens, drawn back to the fewest
        // tokens of the group, climbs to 24 where the rows lie between 2.2 and 8, which then fill the bottom quarter
        List<String> features = List.of("N", "U");
        Law law = Law.parse("E + A * U / N^alpha", features);
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1, 2, 4, 8}, {1, 1, 1, 1}}, new double[][] {{3, 2.6, 2.4, 2.3}})));
        Table test = new Table(features, List.of("loss"), List.of(
            Group.of("a", new double[][] {{16}, {100}}, new double[][] {{2.5}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            new dev.evosld.data.Test(test));
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{2, 1, 1}}));
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains("; dashed beyond the largest train value, where the law extrapolates (points grey where"
            + " the law's other variables are more than 5% from the line's). Grey, small and faint beneath the rest: 4 of 4"
            + " train rows"), "the train rows at U = 1: " + html);
        // at N = 1 the curve of U = 100 reaches 102
        double share = heightOfTrainPoints(svg("scale-01"));
        assertTrue(share > 0.3, "the train rows span " + share + " of the plot's height");
    }

    @Test
    void rowsNoLineIsHeldAtAreCountedAndDrawnSmallAndFaintBeneathTheRest() throws IOException {
        // vocab's and lr_bsz's lines are held at the test rows' settings, and most train rows (1034 of vocab's 1080) were
        // drawn as large as the rest in a mid grey that buried the lines and the rows they describe, with nothing to say
        // how many they were or where a reader finds how the law fits them
        List<String> features = List.of("N", "U");
        Law law = Law.parse("E + A * U / N^alpha", features);
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1, 2, 4, 8}, {1, 1, 1, 100}}, new double[][] {{3, 2.6, 2.4, 2.3}})));
        Table test = new Table(features, List.of("loss"), List.of(
            Group.of("a", new double[][] {{16, 16}, {100, 50}}, new double[][] {{2.5, 2.4}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            new dev.evosld.data.Test(test));
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{2, 1, 1}}));
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains(" Grey, small and faint beneath the rest: 3 of 4 train rows, whose <code>U</code> no"
            + " line is held at; the predicted-against-actual plot shows every row against the law at its own"
            + " settings.</p>"), html);
        String svg = svg("scale-01");
        assertEquals(0, fills(svg, Charts.MUTED));
        assertEquals(3, fills(svg, Charts.ASIDE));
        assertTrue(Charts.ASIDE.getRed() > Charts.MUTED.getRed(), "lighter than the grey of lines");

        // a section whose rows all lie on a line says nothing of grey rows
        Table matched = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1, 2, 4, 8}, {100, 50, 100, 50}}, new double[][] {{3, 2.6, 2.4, 2.3}})));
        html = ScaleSection.of(law, parameters, new TaskData(data.config(), new Train(matched), data.test()), plots, 12);
        assertFalse(html.contains("Grey, small"), html);
    }

    @Test
    void withoutAScaleAxisTheNoteSaysTheFirstFeatureStandsIn() {
        String html = ScaleSection.of(POWER, powerParameters("a", "b"), twoGroups(List.of(), true), plots, 12);
        assertTrue(html.startsWith("<section id=\"scale\">\n<h2>loss against <code>N</code></h2>\n<p class=\"note\">The"
            + " task has no scale axis; its first feature stands in. Per group, "), html);
    }

    @Test
    void panelsBeyondTheLimitAreLeftOutAndTheNoteSaysHowManyThereAre() {
        String html = ScaleSection.of(POWER, powerParameters("a", "b"), twoGroups(List.of("N"), true), plots, 1);
        assertTrue(html.contains(" where the law extrapolates. Showing the first of 2 groups.</p>\n"), html);
        assertEquals(1, count(html, "<figure>"));
        assertTrue(Files.exists(plots.resolve("scale-01.svg")));
        assertFalse(Files.exists(plots.resolve("scale-02.svg")));
    }

    @Test
    void severalTargetsArePanelsPerGroupAndTargetNamedInTheCaption() throws IOException {
        List<String> targets = List.of("loss", "error");
        Table train = new Table(N_ONLY, targets, List.of(Group.of("a&b", new double[][] {{1, 2, 4}},
            new double[][] {{3, 2.5, 2.2}, {0.5, 0.4, 0.35}})));
        TaskData data = new TaskData(config(N_ONLY, targets, List.of("N")), new Train(train), Optional.empty());
        ParameterSet parameters = ParameterSet.of(POWER.parameters(), targets, Map.of("a&b",
            new double[][] {{1.5, 1.5, 0.5}, {0.3, 0.2, 0.5}}));
        String html = ScaleSection.of(POWER, parameters, data, plots, 1);
        assertTrue(html.startsWith("<section id=\"scale\">\n<h2>Targets against <code>N</code></h2>\n<p class=\"note\">Per"
            + " group, each target against <code>N</code>: "), html);
        assertTrue(html.contains(" Showing the first of 2 group–target pairs.</p>"), html);
        assertTrue(html.contains("<figcaption>Group <code>a&amp;b</code>, target <code>loss</code>."), html);

        ScaleSection.of(POWER, parameters, data, plots, 12);
        assertEquals(3, fills(svg("scale-02"), Charts.TRAIN), "the second target's three train rows");
    }

    @Test
    void aLawOfTwoScaleAxesGetsASectionAgainstEach() {
        List<String> features = List.of("N", "D");
        Law law = Law.parse("E + A / N^a + B / D^b", features);
        Table train = new Table(features, List.of("loss"), List.of(Group.of("g",
            new double[][] {{1, 2, 4, 1, 2, 4}, {10, 10, 10, 100, 100, 100}}, new double[][] {{4, 3, 2.5, 3.5, 2.5, 2}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N", "D")), new Train(train),
            Optional.empty());
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("g", new double[][] {{1, 2, 0.5, 3, 0.3}}));
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains("<section id=\"scale\">\n<h2>loss against <code>N</code></h2>"), html);
        assertTrue(html.contains("<section id=\"scale-D\">\n<h2>loss against <code>D</code></h2>"), html);
        assertTrue(Files.exists(plots.resolve("scale-01.svg")));
        assertTrue(Files.exists(plots.resolve("scale-D-01.svg")));
    }

    @Test
    void curvesForValuesOfOneOtherVariableGetALegendAWiderPanelAndTheirOwnColours() throws IOException {
        List<String> features = List.of("N", "P");
        Law law = Law.parse("E + A / (N * (1 + k * log(P)))^alpha", features);
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1e8, 2e8, 1.01e8, 2.02e8, 1.02e8, 2.04e8}, {1, 1, 2, 2, 4, 4}},
            new double[][] {{3, 2.5, 2.9, 2.4, 2.8, 2.3}})));
        Table test = new Table(features, List.of("loss"), List.of(
            Group.of("a", new double[][] {{1.04e8, 2.08e8}, {8, 8}}, new double[][] {{2.7, 2.2}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("P")), new Train(train),
            new dev.evosld.data.Test(test));
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{1.5, 400, 0.3, 0.35}}));
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains("<div class=\"grid one\">"), html);
        assertTrue(html.contains("<img src=\"plots/scale-01.png\" width=\"1176\""), html);
        // rows at N near 1.04e8 join the first curve, those near 2.08e8 the second: three train and one test each
        String svg = svg("scale-01");
        assertEquals(4, fills(svg, Charts.PALETTE[0]));
        assertEquals(4, fills(svg, Charts.PALETTE[1]));
        assertEquals(0, fills(svg, Charts.MUTED), "every point lies within 5% of a curve's N");
    }

    @Test
    void aSectionOfOnePanelDrawsItAcrossTheWholeRowWithItsLegendBeside() {
        // vocab's one panel was drawn 400 pixels wide in a row of three, its six combinations listed below it in a
        // narrow caption, and two thirds of the row left empty
        List<String> features = List.of("N", "non_vocab_parameters", "num_characters");
        Law law = Law.parse("E + A * non_vocab_parameters / N^alpha + B / num_characters", features);
        Table train = new Table(features, List.of("loss"), List.of(Group.of("all_data",
            new double[][] {{1, 2, 4, 1, 2, 4}, {3.32e7, 3.32e7, 3.32e7, 8.48e7, 8.48e7, 8.48e7},
                {2.59e8, 2.59e8, 2.59e8, 3.23e9, 3.23e9, 3.23e9}},
            new double[][] {{3, 2.6, 2.4, 3.5, 3, 2.8}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            Optional.empty());
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("all_data", new double[][] {{2, 1e-8, 1, 1e8}}));
        List<ScalePanels.Panel> panels = ScalePanels.of(law, parameters, data, "N", 12, ScaleSection.MAX_CURVES);
        XYChart chart = ScaleSection.charts(panels, "N", List.of("loss")).getFirst();
        assertEquals(1176, chart.getWidth(), "the width of the report's row");
        assertTrue(chart.getStyler().isLegendVisible(), "a row's width leaves the labels room beside the plot");
        assertEquals(LegendPosition.OutsideE, chart.getStyler().getLegendPosition());
        assertEquals(List.of("non_vocab_parameters=3.32×10⁷, num_characters=2.59×10⁸",
            "non_vocab_parameters=8.48×10⁷, num_characters=3.23×10⁹"), legendLabels(chart));
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains("<div class=\"grid one\">\n<figure><img src=\"plots/scale-01.png\" width=\"1176\""),
            html);
        assertFalse(html.contains("<ul class=\"key\">"), "the legend names the curves: " + html);
    }

    @Test
    void aGroupWhoseRowsAllLieAtOneValueOfTheAxisStillShowsThem() throws IOException {
        // no range to draw a curve over, so the panel has no curve; its rows are nonetheless data the plot is of
        TaskConfig config = config(N_ONLY, List.of("loss"), List.of("N"));
        Table train = new Table(N_ONLY, List.of("loss"), List.of(
            Group.of("a", new double[][] {{1, 2, 4}}, new double[][] {{3, 2.5, 2.2}}),
            Group.of("single", new double[][] {{5, 5}}, new double[][] {{2.0, 2.1}})));
        Table test = new Table(N_ONLY, List.of("loss"), List.of(
            Group.of("a", new double[][] {{8}}, new double[][] {{2.0}})));
        TaskData data = new TaskData(config, new Train(train), new dev.evosld.data.Test(test));
        ScaleSection.of(POWER, powerParameters("a", "single"), data, plots, 12);
        assertEquals(2, fills(svg("scale-02"), Charts.TRAIN), "the group's two train rows");
    }

    /** A law of a scale axis N and two other variables, U and D, each setting a curve of its own. */
    private static final List<String> NUD = List.of("N", "U", "D");
    private static final Law NUD_LAW = Law.parse("E + A * U / N^alpha + B / D", NUD);
    private static final ParameterSet NUD_PARAMETERS = ParameterSet.of(NUD_LAW.parameters(), List.of("loss"),
        Map.of("a", new double[][] {{2, 1, 1, 1}}));

    /** The labels of the chart's series that its legend names, in order. */
    private static List<String> legendLabels(XYChart chart) {
        return chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getLabel).toList();
    }

    @Test
    void curvesForCombinationsOfSeveralOtherVariablesAreNamedInALegend() {
        // data_constrained and lr_bsz drew up to six coloured curves and their points with no legend: the reader could
        // not tell which colour held which tokens and unique_tokens (lr, bsz and data_size)
        List<String> features = NUD;
        Law law = NUD_LAW;
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1, 2, 4, 1, 2, 4}, {1, 1, 1, 2, 2, 2}, {10, 10, 10, 20, 20, 20}},
            new double[][] {{3, 2.6, 2.4, 3.5, 3, 2.8}})));
        Table test = new Table(features, List.of("loss"), List.of(
            Group.of("a", new double[][] {{8, 8}, {1, 2}, {10, 20}}, new double[][] {{2.3, 2.7}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            new dev.evosld.data.Test(test));
        ParameterSet parameters = NUD_PARAMETERS;
        List<ScalePanels.Panel> panels = ScalePanels.of(law, parameters, data, "N", 12, ScaleSection.MAX_CURVES);
        XYChart chart = ScaleSection.charts(panels, "N", List.of("loss")).getFirst();
        assertTrue(chart.getStyler().isLegendVisible());
        assertEquals(List.of("U=1, D=10", "U=2, D=20"), legendLabels(chart));
        assertTrue(ScaleSection.of(law, parameters, data, plots, 12).contains("</code>: circles are train rows, diamonds"
            + " test rows; lines are the fitted law from the smallest train value to the largest test value, with the"
            + " law's other variables held at the values of the group's test rows; dashed beyond the largest train value,"
            + " where the law extrapolates (one line and colour per combination; points take the colour of the"
            + " combination within 5% of theirs, grey if there is none).</p>"));
    }

    @Test
    void aSettingCommonToEveryCurveIsSaidOnceInTheCaptionNotInEachLabel() {
        // lr_bsz's six curves were labelled "lr=1.22×10⁻⁴, bsz=64, data_size=1×10¹¹", ..., the same data_size on each
        List<String> features = NUD;
        Law law = NUD_LAW;
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1, 2, 4, 1, 2, 4}, {1, 1, 1, 2, 2, 2}, {1e11, 1e11, 1e11, 1e11, 1e11, 1e11}},
            new double[][] {{3, 2.6, 2.4, 3.5, 3, 2.8}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            Optional.empty());
        ParameterSet parameters = NUD_PARAMETERS;
        List<ScalePanels.Panel> panels = ScalePanels.of(law, parameters, data, "N", 12, ScaleSection.MAX_CURVES);
        assertEquals("D=1\u00D710\u00B9\u00B9", panels.getFirst().held());
        XYChart chart = ScaleSection.charts(panels, "N", List.of("loss")).getFirst();
        assertEquals(List.of("U=1", "U=2"), legendLabels(chart));
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains("<figcaption>Group <code>a</code>, with D=1\u00D710\u00B9\u00B9 on every curve."),
            html);
    }

    /** Two groups, so two panels of a row's half each, of a law of N and {@code others}, one curve per row of them. */
    private static List<ScalePanels.Panel> twoPanels(Law law, List<String> features, double[][] others) {
        double[][] columns = new double[features.size()][];
        columns[0] = new double[] {1, 2, 1, 2};
        System.arraycopy(others, 0, columns, 1, others.length);
        double[][] losses = {{3, 2.6, 3.5, 3}};
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a", columns, losses),
            Group.of("b", columns, losses)));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            Optional.empty());
        double[][] theta = new double[1][law.parameters().size()];
        Arrays.fill(theta[0], 1);
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), Map.of("a", theta, "b", theta));
        return ScalePanels.of(law, parameters, data, "N", 12, ScaleSection.MAX_CURVES);
    }

    @Test
    void aLegendSitsBesideOrBelowThePlotForTheLabelsItHoldsNotForTheLawsVariables() {
        // lr_bsz's curves differ in lr and bsz alone, data_size being one value in each group, but the law's three
        // variables besides the axis put their two short labels below the plot, as if each named all three
        List<ScalePanels.Panel> shared = twoPanels(NUD_LAW, NUD, new double[][] {{1, 1, 2, 2}, {1e11, 1e11, 1e11, 1e11}});
        XYChart beside = ScaleSection.charts(shared, "N", List.of("loss")).getFirst();
        assertEquals(List.of("U=1", "U=2"), legendLabels(beside));
        assertEquals(LegendPosition.OutsideE, beside.getStyler().getLegendPosition());
        assertEquals(600, beside.getWidth());
        assertEquals(380, beside.getHeight(), "beside the plot, the legend adds no height");
        // one variable, but a label that beside a half row's plot would take a third of it
        String column = "non_embedding_parameter_count";
        List<String> features = List.of("N", column);
        List<ScalePanels.Panel> named = twoPanels(Law.parse("E + A / N + B * " + column, features), features,
            new double[][] {{5.36e8, 5.36e8, 1.07e9, 1.07e9}});
        XYChart below = ScaleSection.charts(named, "N", List.of("loss")).getFirst();
        assertEquals(List.of(column + "=5.36×10⁸", column + "=1.07×10⁹"), legendLabels(below));
        assertTrue(below.getStyler().isLegendVisible());
        assertEquals(LegendPosition.OutsideS, below.getStyler().getLegendPosition());
        assertEquals(380 + 2 * 18, below.getHeight(), "a line of the legend per curve below the plot");
    }

    @Test
    void aLegendWritesItsNumbersAsTheAxesDo() {
        // the axes read 5.45×10⁸ and −2.5×10⁻⁵, while the legend beside them read 5.45e8 and -2.5e-5
        List<String> features = NUD;
        Law law = NUD_LAW;
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1, 2, 4, 1, 2, 4}, {-2.5e-5, -2.5e-5, -2.5e-5, 0.25, 0.25, 0.25},
                {545340552, 545340552, 545340552, 1e9, 1e9, 1e9}},
            new double[][] {{3, 2.6, 2.4, 3.5, 3, 2.8}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            Optional.empty());
        ParameterSet parameters = NUD_PARAMETERS;
        List<ScalePanels.Panel> panels = ScalePanels.of(law, parameters, data, "N", 12, ScaleSection.MAX_CURVES);
        XYChart chart = ScaleSection.charts(panels, "N", List.of("loss")).getFirst();
        assertEquals(List.of("U=−2.5×10⁻⁵, D=5.45×10⁸", "U=0.25, D=1×10⁹"),
            legendLabels(chart));
        assertEquals("5.45×10⁸", TickLabels.linearLabel(5.45e8), "as an axis writes it");
    }

    @Test
    void combinationsTooLongForALegendAreListedInTheCaptionWithTheirColours() throws IOException {
        // domain_mixture's four other proportions made labels XChart cut to "proportion_domain_5=0.09375, proportion_d…",
        // alike for every curve, so the legend told no colour from another
        List<String> features = List.of("N", "proportion_domain_2", "proportion_domain_3", "proportion_domain_4",
            "proportion_domain_5");
        // named by the law in domain_mixture's order, listed in the table's
        Law law = Law.parse("E + A / N + F * proportion_domain_5 + C * proportion_domain_3 + D * proportion_domain_4"
            + " + B * proportion_domain_2", features);
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a",
            new double[][] {{1, 2, 1, 2}, {0.125, 0.125, 0.25, 0.25}, {0.25, 0.25, 0.125, 0.125},
                {0.125, 0.125, 0.5, 0.5}, {0.5, 0.5, 0.125, 0.125}},
            new double[][] {{3, 2.6, 3.5, 3}})));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            Optional.empty());
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{2, 1, 1, 1, 1, 1}}));
        List<ScalePanels.Panel> panels = ScalePanels.of(law, parameters, data, "N", 12, ScaleSection.MAX_CURVES);
        XYChart chart = ScaleSection.charts(panels, "N", List.of("loss")).getFirst();
        assertFalse(chart.getStyler().isLegendVisible(), "XChart would cut every label short");
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains("<figcaption>Group <code>a</code>.<ul class=\"key\">"
            + "<li><span class=\"swatch\" style=\"background:#0072b2\"></span>proportion_domain_2=0.125,"
            + " proportion_domain_3=0.25, proportion_domain_4=0.125, proportion_domain_5=0.5</li>"
            + "<li><span class=\"swatch\" style=\"background:#e69f00\"></span>proportion_domain_2=0.25,"
            + " proportion_domain_3=0.125, proportion_domain_4=0.5, proportion_domain_5=0.125</li></ul>"), html);
    }

    @Test
    void aKeyEveryPanelWouldRepeatIsListedOnceAboveThem() {
        // domain_mixture's twelve panels (four model sizes, five targets) each listed the same six mixtures of four
        // proportions under their plot, some fifteen lines of one text twelve times over
        List<String> features = List.of("N", "proportion_domain_2", "proportion_domain_3");
        Law law = Law.parse("E + A / N + B * proportion_domain_2 + C * proportion_domain_3", features);
        double[][] mixtures = {{1, 2, 1, 2}, {0.125, 0.125, 0.25, 0.25}, {0.25, 0.25, 0.125, 0.125}};
        double[][] losses = {{3, 2.6, 3.5, 3}};
        Table train = new Table(features, List.of("loss"), List.of(Group.of("70M", mixtures, losses),
            Group.of("160M", mixtures, losses)));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            Optional.empty());
        double[][] theta = {{2, 1, 1, 1}};
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), Map.of("70M", theta, "160M", theta));
        String key = "<ul class=\"key\"><li><span class=\"swatch\" style=\"background:#0072b2\"></span>"
            + "proportion_domain_2=0.125, proportion_domain_3=0.25</li><li><span class=\"swatch\""
            + " style=\"background:#e69f00\"></span>proportion_domain_2=0.25, proportion_domain_3=0.125</li></ul>";
        // a half row's legend would cut the labels, as it would domain_mixture's
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertEquals(1, count(html, "<ul class=\"key\">"), html);
        assertTrue(html.contains("</p>\n<p class=\"note\">Every panel's curves, by colour:</p>\n" + key + "\n"
            + "<div class=\"grid two\">\n"), html);
        assertTrue(html.contains("<figcaption>Group <code>70M</code>. <a href"), html);
    }

    @Test
    void oneOtherVariableWithANameTooLongForALegendIsListedInTheCaption() {
        // a user's CSV may name its columns at length; beside the plot XChart cut the label to the same prefix on
        // every curve, and the value that tells the curves apart was lost
        String column = "non_embedding_parameters_of_the_model_counted_without_the_vocabulary";
        List<String> features = List.of("N", column);
        Law law = Law.parse("E + A / N + B * " + column, features);
        // two groups, so two panels of a row's half each (one alone has the whole row, where the label fits beside it)
        double[][] sizes = {{1, 2, 1, 2}, {1e8, 1e8, 2e8, 2e8}};
        double[][] losses = {{3, 2.6, 3.5, 3}};
        Table train = new Table(features, List.of("loss"), List.of(Group.of("a", sizes, losses),
            Group.of("b", sizes, losses)));
        TaskData data = new TaskData(config(features, List.of("loss"), List.of("N")), new Train(train),
            Optional.empty());
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{2, 1, 1e-9}}, "b", new double[][] {{2, 1, 1e-9}}));
        List<ScalePanels.Panel> panels = ScalePanels.of(law, parameters, data, "N", 12, ScaleSection.MAX_CURVES);
        XYChart chart = ScaleSection.charts(panels, "N", List.of("loss")).getFirst();
        assertFalse(chart.getStyler().isLegendVisible(), "XChart would cut every label short");
        String html = ScaleSection.of(law, parameters, data, plots, 12);
        assertTrue(html.contains("<li><span class=\"swatch\" style=\"background:#e69f00\"></span>" + column
            + "=2\u00D710\u2078</li>"), html);
    }
}
