package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.Test;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

class ScalePanelsTest {
    private static final List<String> FEATURES = List.of("N", "P");

    /** Two groups; N varies a little with P (like ParScale's per-stream parameters); test is P = 8. */
    private static TaskData data(List<String> scaleAxis) {
        List<TaskConfig.Feature> features = List.of(new TaskConfig.Feature("N", "size"),
            new TaskConfig.Feature("P", "streams"));
        TaskConfig config = new TaskConfig("toy", "A toy task.", features, List.of("loss"), 4, scaleAxis,
            scaleAxis.isEmpty() ? new TaskConfig.Holdout.Folds(2, 0) : new TaskConfig.Holdout.TopValues(1, 0),
            null, Map.of(), null, null);
        Table train = new Table(FEATURES, List.of("loss"), List.of(
            Group.of("a", new double[][] {{1e8, 2e8, 1.01e8, 2.02e8, 1.02e8, 2.04e8}, {1, 1, 2, 2, 4, 4}},
                new double[][] {{3, 2.5, 2.9, 2.4, 2.8, 2.3}}),
            Group.of("b", new double[][] {{5e8, 5.05e8}, {1, 2}}, new double[][] {{2.1, 2.0}})));
        Table test = new Table(FEATURES, List.of("loss"), List.of(
            Group.of("a", new double[][] {{1.04e8, 2.08e8}, {8, 8}}, new double[][] {{2.7, 2.2}}),
            Group.of("b", new double[][] {{9e8}, {8}}, new double[][] {{1.9}})));
        return new TaskData(config, new Train(train), new Test(test));
    }

    private static final Law LAW = Law.parse("E + A / (N * (1 + k * log(P)))^alpha", FEATURES);
    private static final ParameterSet PARAMETERS = ParameterSet.of(LAW.parameters(), List.of("loss"), Map.of(
        "a", new double[][] {{1.5, 400, 0.3, 0.35}}, "b", new double[][] {{1.4, 500, 0.2, 0.3}}));

    @org.junit.jupiter.api.Test
    void curvesRunFromTheSmallestTrainToTheLargestTestValueAtTheTestRowsOtherValues() {
        List<ScalePanels.Panel> panels = ScalePanels.of(LAW, PARAMETERS, data(List.of("P")), 12, 6);
        assertEquals(2, panels.size());
        ScalePanels.Panel a = panels.getFirst();
        assertEquals("a", a.group());
        assertFalse(a.logX(), "1 to 8 is less than a decade");
        assertEquals(2, a.curves().size(), "one curve per N of a's test rows");
        ScalePanels.Curve curve = a.curves().getFirst();
        assertEquals("N=1.04\u00D710\u2078", curve.label());
        assertEquals(1.0, curve.x()[0]);
        assertEquals(8.0, curve.x()[curve.x().length - 1]);
        for (int i = 0; i < curve.x().length; i++) {
            double p = curve.x()[i];
            double expected = 1.5 + 400 / Math.pow(1.04e8 * (1 + 0.3 * Math.log(p)), 0.35);
            assertEquals(expected, curve.y()[i], 1e-12 * expected);
        }
        // train rows with N within 5% of a curve's N take its colour
        assertEquals(List.of(0, 1, 0, 1, 0, 1), java.util.Arrays.stream(a.train().curve()).boxed().toList());
        assertEquals(List.of(0, 1), java.util.Arrays.stream(a.test().curve()).boxed().toList());
        // b's test N (9e8) is far from its train N: those points have no curve
        assertEquals(List.of(-1, -1), java.util.Arrays.stream(panels.get(1).train().curve()).boxed().toList());
    }

    @org.junit.jupiter.api.Test
    void withoutATestSplitCurvesRunToTenTimesTheLargestTrainValue() {
        TaskData withTest = data(List.of("N"));
        TaskData data = new TaskData(withTest.config(), withTest.train(), java.util.Optional.empty());
        ScalePanels.Panel b = ScalePanels.of(LAW, PARAMETERS, data, 12, 6).get(1);
        ScalePanels.Curve curve = b.curves().getFirst();
        assertEquals(5e8, curve.x()[0]);
        assertEquals(5.05e9, curve.x()[curve.x().length - 1], 1e-6 * 5.05e9);
        assertTrue(b.logX(), "a decade and more");
        assertEquals(0, b.test().size());
        // a logarithm ends one step further, 10× on its log10 scale; a size or a count at 10×
        assertEquals(1.28, ScalePanels.beyondTrain(false, 0.28), 1e-12);
        assertEquals(640, ScalePanels.beyondTrain(true, 64), 1e-12);
    }

    @org.junit.jupiter.api.Test
    void aCountWithZerosEndsAtTenTimesItsLargestValueAsTheCheckBeyondTheDataProbesIt() {
        // P counts extra streams, 0 for the plain runs: a count, not a logarithm, though it has no value above 0 to
        // begin at
        TaskData withTest = data(List.of("P"));
        Table train = new Table(FEATURES, List.of("loss"), List.of(
            Group.of("a", new double[][] {{1e8, 2e8, 1e8, 2e8, 1e8, 2e8}, {0, 0, 1, 1, 4, 4}},
                new double[][] {{3, 2.5, 2.9, 2.4, 2.8, 2.3}})));
        TaskData data = new TaskData(withTest.config(), new Train(train), java.util.Optional.empty());
        Law law = Law.parse("E + A / (N * (1 + k * P))^alpha", FEATURES);
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{1.5, 400, 0.3, 0.35}}));
        ScalePanels.Curve curve = ScalePanels.of(law, parameters, data, 12, 6).getFirst().curves().getFirst();
        assertEquals(0.0, curve.x()[0]);
        assertEquals(40.0, curve.x()[curve.x().length - 1], 1e-9);
    }

    @org.junit.jupiter.api.Test
    void withoutAScaleAxisTheFirstFeatureStandsIn() {
        TaskData data = data(List.of());
        assertEquals("N", ScalePanels.axis(data));
        ScalePanels.Panel a = ScalePanels.of(LAW, PARAMETERS, data, 12, 6).getFirst();
        assertFalse(a.logX(), "1e8 to 2.08e8 is less than a decade");
        assertEquals(1, a.curves().size(), "a's test rows all have P = 8");
        // one curve: its setting is the panel's, said once in the caption rather than in a legend it has not
        assertEquals("", a.curves().getFirst().label());
        assertEquals("P=8", a.held());
    }

    @org.junit.jupiter.api.Test
    void ofMorePairsThanPanelsAChoiceSpreadEvenlyFromTheFirstToTheLastIsDrawn() {
        // sft's 42 groups, 14 models fine-tuned on each of three datasets in turn: four panels of each dataset, not twelve
        // of the first
        assertEquals(List.of(0, 4, 7, 11, 15, 19, 22, 26, 30, 34, 37, 41), ScalePanels.spread(42, 12));
        // domain_mixture's 4 groups of 5 targets: every group, three targets each
        assertEquals(List.of(0, 2, 3, 5, 7, 9, 10, 12, 14, 16, 17, 19), ScalePanels.spread(20, 12));
        assertEquals(List.of(0, 1, 2), ScalePanels.spread(3, 12), "all of fewer");
        assertEquals(List.of(0), ScalePanels.spread(2, 1));
        assertEquals(List.of("a"), ScalePanels.of(LAW, PARAMETERS, data(List.of("P")), 1, 6).stream()
            .map(ScalePanels.Panel::group).toList());
    }

    @org.junit.jupiter.api.Test
    void boundsPanelsAndCurves() {
        assertEquals(1, ScalePanels.of(LAW, PARAMETERS, data(List.of("P")), 1, 6).size());
        assertEquals(1, ScalePanels.of(LAW, PARAMETERS, data(List.of("P")), 12, 1).getFirst().curves().size());
        assertEquals(2, ScalePanels.count(data(List.of("P"))));
    }

    @org.junit.jupiter.api.Test
    void sweepCoversTheRangeUnevenlySoXChartPicksRoundTicks() {
        for (boolean log : new boolean[] {false, true}) {
            double[] xs = ScalePanels.sweep(200, 800000, log);
            assertEquals(200, xs[0]);
            assertEquals(800000, xs[xs.length - 1]);
            Set<Double> steps = new HashSet<>();
            for (int i = 1; i < xs.length; i++) {
                assertTrue(xs[i] > xs[i - 1]);
                steps.add((double) Math.round((log ? Math.log(xs[i] / xs[i - 1]) : xs[i] - xs[i - 1]) * 1e6));
            }
            assertTrue(steps.size() > 10, "not evenly spaced");
        }
    }

    @org.junit.jupiter.api.Test
    void nearestMatchesWithinFivePercent() {
        List<double[]> combinations = List.of(new double[] {100, 1}, new double[] {200, 1});
        assertEquals(0, ScalePanels.nearest(combinations, new double[] {104, 1}));
        assertEquals(1, ScalePanels.nearest(combinations, new double[] {196, 1.02}));
        assertEquals(-1, ScalePanels.nearest(combinations, new double[] {150, 1}));
        assertEquals(-1, ScalePanels.nearest(combinations, new double[] {100, 2}));
        assertEquals(0, ScalePanels.nearest(List.of(new double[0]), new double[0]));
    }
}
