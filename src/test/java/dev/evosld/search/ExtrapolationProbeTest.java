package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtrapolationProbeTest {
    private final ExtrapolationProbe probe = new ExtrapolationProbe(List.of("N"), List.of(), TaskConfig.Trend.PER_RUN,
        CandidateScorer.PROBE_FACTORS);
    private final ExtrapolationProbe meanProbe = new ExtrapolationProbe(List.of("N"), List.of(),
        TaskConfig.Trend.GROUP_MEAN, CandidateScorer.PROBE_FACTORS);
    private final ExtrapolationProbe fallsWithD = new ExtrapolationProbe(List.of("N"), List.of("D"),
        TaskConfig.Trend.PER_RUN, CandidateScorer.PROBE_FACTORS);
    private final ExtrapolationProbe onlyD = new ExtrapolationProbe(List.of(), List.of("D"),
        TaskConfig.Trend.PER_RUN, CandidateScorer.PROBE_FACTORS);
    private final ExtrapolationProbe meanOnlyD = new ExtrapolationProbe(List.of(), List.of("D"),
        TaskConfig.Trend.GROUP_MEAN, CandidateScorer.PROBE_FACTORS);
    private final Table table = SyntheticTask.train().table();

    @Test
    void aSaturatingPowerLawPasses() {
        Law law = Law.parse("E + A*N^(-a) + B*D^(-b)", SyntheticTask.FEATURES);
        assertNull(probe.check(law, table, values(law, 1.7, 400, 0.34, 410, 0.28)));
    }

    @Test
    void aLawThatDivergesBeyondTheDataFails() {
        // fits the range 1e7..1e9 reasonably but grows like a quadratic in log N beyond it
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        String reason = probe.check(law, table, values(law, 1.9, 0.5, 17));
        assertTrue(reason != null && reason.startsWith("implausible at 2× the largest N"), reason);
    }

    @Test
    void aLawThatTurnsAroundBeyondTheDataFails() {
        // falls over the data, has its minimum just past the largest N and rises again within the target range
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        String reason = probe.check(law, table, values(law, 1.9, 0.05, Math.log(1.5e9)));
        assertTrue(reason != null && reason.startsWith("turns around at 10× the largest N"), reason);
    }

    @Test
    void runsThatTurnBothWaysFailPerRunButNotOnTheGroupMean() {
        // large-D runs turn up past the largest N, small-D runs turn down, and the mean over D stays flat: the
        // shape of a learning rate whose best value moves with model size
        Law law = Law.parse("E + c*(log(N) - m)^2*(log(D) - q)", SyntheticTask.FEATURES);
        double meanLogD = (Math.log(1e9) + Math.log(4e9) + Math.log(1.6e10) + Math.log(6.4e10)) / 4;
        ParameterSet values = values(law, 1.9, 0.02, Math.log(1.5e9), meanLogD);
        String reason = probe.check(law, table, values);
        assertTrue(reason != null && reason.startsWith("turns around at 10× the largest N"), reason);
        assertNull(meanProbe.check(law, table, values));
    }

    @Test
    void aPredictionBeyondTheTargetsPossibleValuesFailsBeyondTheTolerance() {
        // rises with N, steadily and inside the data's range: 4.0 at the largest N, 4.069 at 2×, 4.23 at 10×
        Law law = Law.parse("E + c*log(N)", SyntheticTask.FEATURES);
        ParameterSet values = values(law, 4.0 - 0.1 * Math.log(1e9), 0.1);
        assertNull(probe.check(law, table, values), "no limit known");
        String reason = bounded(Double.NEGATIVE_INFINITY, 4.0).check(law, table, values);
        assertEquals("impossible at 2× the largest N: 4.069 outside the target's possible values [-inf, 4]", reason);
        // 2% of the observed target range (2.4 to 5.0) is a tolerance of about 0.05
        assertEquals("impossible at 10× the largest N: 4.230 outside the target's possible values [-inf, 4.03]",
            bounded(Double.NEGATIVE_INFINITY, 4.03).check(law, table, values));
        assertNull(bounded(Double.NEGATIVE_INFINITY, 4.2).check(law, table, values));
        // the features the targets fall with are held to the same limits
        ExtrapolationProbe fallsWithDAbove = new ExtrapolationProbe(List.of(), List.of("D"), TaskConfig.Trend.PER_RUN,
            CandidateScorer.PROBE_FACTORS, new TaskConfig.Bound(2.5, Double.POSITIVE_INFINITY));
        Law falling = Law.parse("E - c*log(D)", SyntheticTask.FEATURES);
        assertEquals("impossible at 2× the largest D: 2.431 outside the target's possible values [2.5, inf]",
            fallsWithDAbove.check(falling, table, values(falling, 2.5 + 0.1 * Math.log(6.4e10), 0.1)));
    }

    private static ExtrapolationProbe bounded(double lower, double upper) {
        return new ExtrapolationProbe(List.of("N"), List.of(), TaskConfig.Trend.PER_RUN, CandidateScorer.PROBE_FACTORS,
            new TaskConfig.Bound(lower, upper));
    }

    @Test
    void aUShapedTaskLetsAFallTurnIntoARiseButNotTheReverse() {
        ExtrapolationProbe uShaped = new ExtrapolationProbe(List.of("N"), List.of(), TaskConfig.Trend.U_SHAPED,
            CandidateScorer.PROBE_FACTORS);
        // falls over the data and rises past its minimum just beyond the largest N: a dip and recovery
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        ParameterSet dip = values(law, 1.9, 0.05, Math.log(1.5e9));
        assertNull(uShaped.check(law, table, dip));
        // rises over the data and falls past its maximum: still a turn around
        ParameterSet peak = values(law, 1.9, -0.05, Math.log(1.5e9));
        String reason = uShaped.check(law, table, peak);
        assertTrue(reason != null && reason.startsWith("turns around at 10× the largest N"), reason);
        assertTrue(probe.check(law, table, peak).startsWith("turns around at 10× the largest N"));
    }

    @Test
    void aGroupMeanThatTurnsFails() {
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        String reason = meanProbe.check(law, table, values(law, 1.9, 0.05, Math.log(1.5e9)));
        assertTrue(reason != null && reason.startsWith("turns around at 10× the largest N: group a's mean"), reason);
    }

    @Test
    void aLawThatFlattensBeyondTheDataPasses() {
        // the same curvature with its minimum far beyond the probes keeps falling: no turn
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        assertNull(probe.check(law, table, values(law, 1.9, 0.01, Math.log(1e12))));
    }

    @Test
    void aLawWithAnOptimumInAFeatureTheLossFallsWithFailsOnlyWhenTheTaskSaysSo() {
        // falls with D over the data, bottoms out at 1e11 tokens (the largest D is 6.4e10) and rises by 0.16 at
        // 10x, more than 2% of the target range; the N probe does not move D, so only falls_with catches it
        Law law = Law.parse("E + A*N^(-a) + c*(log(D) - m)^2", SyntheticTask.FEATURES);
        ParameterSet values = values(law, 1.7, 400, 0.34, 0.05, Math.log(1e11));
        assertNull(probe.check(law, table, values));
        String reason = fallsWithD.check(law, table, values);
        assertTrue(reason != null && reason.startsWith("rises at 10× the largest D: "), reason);
    }

    @Test
    void aLawThatKeepsFallingWithAFeatureThatLowersTheLossPasses() {
        Law law = Law.parse("E + A*N^(-a) + B*D^(-b)", SyntheticTask.FEATURES);
        ParameterSet values = values(law, 1.7, 400, 0.34, 410, 0.28);
        assertNull(fallsWithD.check(law, table, values));
        assertNull(meanOnlyD.check(law, table, values));
    }

    @Test
    void runsThatRiseWithDFailPerRunButNotWhenTheGroupMeanFalls() {
        // with D the loss rises for large N and falls for small N; the mean over N at the largest D falls
        Law law = Law.parse("E + B*D^(-b) + c*log(D)*(log(N) - m)", SyntheticTask.FEATURES);
        double meanLogN = (Math.log(1e7) + Math.log(3e7) + Math.log(1e8) + Math.log(3e8) + Math.log(1e9)) / 5;
        ParameterSet values = values(law, 1.7, 410, 0.28, 0.1, meanLogN);
        String reason = onlyD.check(law, table, values);
        assertTrue(reason != null && reason.startsWith("rises at 2× the largest D: "), reason);
        assertNull(meanOnlyD.check(law, table, values));
    }

    @Test
    void aLawThatIsUndefinedBeyondTheDataFails() {
        Law law = Law.parse("E + A*log(2e9 - N)", SyntheticTask.FEATURES);
        String reason = probe.check(law, table, values(law, 2, 0.01));
        assertTrue(reason != null && reason.startsWith("not finite at 2× the largest N"), reason);
    }

    @Test
    void aFeatureWithValuesBelowZeroIsALogarithmAndIsProbedBySteps() {
        // log10 of compute, as easy_question's log_flops: 10× the compute is one step up, not ten times the value;
        // the runs follow the law exactly, which falls over the data and has its minimum at x = 1.05
        Law law = Law.parse("E + c*(x - m)^2", List.of("x"));
        double[] x = {-1, -0.5, 0, 0.5, 1};
        double[] y = Arrays.stream(x).map(v -> 1.7 + (v - 1.05) * (v - 1.05)).toArray();
        Table logs = new Table(List.of("x"), List.of("loss"), List.of(Group.of("a", new double[][] {x}, new double[][] {y})));
        ExtrapolationProbe alongX = new ExtrapolationProbe(List.of("x"), List.of(), TaskConfig.Trend.PER_RUN,
            CandidateScorer.PROBE_FACTORS);
        ParameterSet values = ParameterSet.of(law.parameters(), List.of("loss"), Map.of("a", new double[][] {{1.7, 1, 1.05}}));
        // at x + log10(2) the rise (0.06) is within 2% of the target range (4.2); at x + 1 it is not
        assertEquals("turns around at the largest x + 1 (10× on its log10 scale): 2.603 after 1.703",
            alongX.check(law, logs, values));
    }

    @Test
    void aCountWithZerosIsProbedByMultiplyingItsLargestValueAndItsZerosStay() {
        // a user's num_experts, 0 for the dense runs: read as a logarithm, it was probed at 64 + 1 experts, where
        // this law still falls; its optimum is at 100 experts, and at 640 it rises by 0.16 (the range is 1.06)
        Law law = Law.parse("E + c*(log(x + 1) - m)^2", List.of("x"));
        double[] experts = {0, 4, 16, 64};
        double[] dense = {0, 0, 0};
        java.util.function.DoubleUnaryOperator loss = v -> 2 + 0.05 * Math.pow(Math.log(v + 1) - Math.log(101), 2);
        Table counts = new Table(List.of("x"), List.of("loss"), List.of(
            Group.of("dense", new double[][] {dense}, new double[][] {Arrays.stream(dense).map(loss).toArray()}),
            Group.of("moe", new double[][] {experts}, new double[][] {Arrays.stream(experts).map(loss).toArray()})));
        double[][] truth = {{2, 0.05, Math.log(101)}};
        ParameterSet values = ParameterSet.of(law.parameters(), List.of("loss"), Map.of("moe", truth, "dense", truth));
        for (TaskConfig.Trend trend : List.of(TaskConfig.Trend.PER_RUN, TaskConfig.Trend.GROUP_MEAN)) {
            ExtrapolationProbe fallsWithX = new ExtrapolationProbe(List.of(), List.of("x"), trend,
                CandidateScorer.PROBE_FACTORS);
            String rise = fallsWithX.check(law, counts, values);
            assertEquals(trend.isPerRun() ? "rises at 10× the largest x: 2.171 after 2.010"
                : "rises at 10× the largest x: group moe's mean 2.171 after 2.010", rise);
        }
        // along a scale axis too; a dense run, which no probe moves, is named as the run it is
        ExtrapolationProbe alongX = new ExtrapolationProbe(List.of("x"), List.of(), TaskConfig.Trend.PER_RUN,
            CandidateScorer.PROBE_FACTORS);
        assertEquals("turns around at 10× the largest x: 2.171 after 2.010", alongX.check(law, counts, values));
        Law undefined = Law.parse("E + c*log(x)", List.of("x"));
        ParameterSet flat = ParameterSet.of(undefined.parameters(), List.of("loss"),
            Map.of("moe", new double[][] {{2, 0}}, "dense", new double[][] {{2, 0}}));
        assertEquals("not finite at the run at x = 0, inside the data", alongX.check(undefined, counts, flat));
    }

    @Test
    void aLawAlreadyImplausibleInsideTheDataNamesTheRunThereNotAPointBeyond() {
        // k*N is far above every loss at every N; the first row is a small model, which no probe moves
        Law law = Law.parse("k*N", SyntheticTask.FEATURES);
        String reason = probe.check(law, table, values(law, 1.0));
        Group first = table.groups().getFirst();
        assertEquals(String.format(java.util.Locale.ROOT,
            "implausible at the run at N = 1e7, D = 1e9, inside the data: %.4g outside", first.feature(0)[0]),
            reason.substring(0, reason.indexOf(" outside") + 8), reason);
    }

    @Test
    void aProbeBeyondTheLargestDoubleIsLeftOutNotAnError() {
        double[][] features = {{1e306, 1e307, 1e308}, {1, 1, 1}};
        Table huge = new Table(List.of("N", "D"), List.of("loss"),
            List.of(Group.of("a", features, new double[][] {{3, 2.5, 2.2}})));
        Law law = Law.parse("E + A*log(N)^(-a)", SyntheticTask.FEATURES);
        Map<String, double[][]> perGroup = Map.of("a", new double[][] {{1.5, 1000, 1.2}});
        assertNull(probe.check(law, huge, ParameterSet.of(law.parameters(), List.of("loss"), perGroup)),
            "2× and 10× the largest N are beyond doubles; half of it is not");
    }

    @Test
    void aFailureOfOneOfSeveralTargetsNamesTheTarget() {
        // loss stays flat beyond the data; acc bottoms out at 1.5x the largest value and rises by 0.027 at 10x,
        // more than 2% of its range of 0.2: the note must say that acc, not loss, turns around (or rises)
        Table two = new Table(List.of("N", "D"), List.of("loss", "acc"), List.of(Group.of("a",
            new double[][] {{1e7, 1e8, 1e9}, {1e7, 1e8, 1e9}}, new double[][] {{3, 2.5, 2.2}, {0.3, 0.4, 0.5}})));
        double[][] lossFlatAccTurning = {{2.2, 0, 1}, {0.45, 0.008, Math.log(1.5e9)}};
        Law inN = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        String turn = probe.check(inN, two, ParameterSet.of(inN.parameters(), List.of("loss", "acc"),
            Map.of("a", lossFlatAccTurning)));
        assertTrue(turn != null && turn.startsWith("target 'acc': turns around at 10× the largest N: "), turn);
        Law inD = Law.parse("E + c*(log(D) - m)^2", SyntheticTask.FEATURES);
        String rise = onlyD.check(inD, two, ParameterSet.of(inD.parameters(), List.of("loss", "acc"),
            Map.of("a", lossFlatAccTurning)));
        assertTrue(rise != null && rise.startsWith("target 'acc': rises at 10× the largest D: "), rise);
    }

    @Test
    void aTargetGrowingByAPowerOfTheScaleOverDecadesIsJudgedOnALogScale() {
        // a compute-optimal size or a count: 3*N^0.55 over three decades of N spans 6e3 to 2.7e5, and the law that
        // made it is 3.5 times the largest value at 10× the largest N, beyond the largest value plus the spread
        double[] n = {1e6, 1e7, 1e8, 1e9};
        double[] count = Arrays.stream(n).map(v -> 3 * Math.pow(v, 0.55)).toArray();
        Table growing = new Table(List.of("N"), List.of("count"),
            List.of(Group.of("a", new double[][] {n}, new double[][] {count})));
        Law law = Law.parse("A*N^alpha", List.of("N"));
        ParameterSet truth = ParameterSet.of(law.parameters(), List.of("count"),
            Map.of("a", new double[][] {{3, 0.55}}));
        assertNull(probe.check(law, growing, truth));
        // growing far faster than the data did, a law still fails: 2.7e5 times 45 (the data's own spread) at most
        ParameterSet steep = ParameterSet.of(law.parameters(), List.of("count"),
            Map.of("a", new double[][] {{3 * Math.pow(1e9, 0.55 - 2.5), 2.5}}));
        String reason = probe.check(law, growing, steep);
        assertTrue(reason != null && reason.startsWith("implausible at 10× the largest N: "), reason);
        // a loss over less than a decade keeps the spread added on each side
        double[] loss = Arrays.stream(n).map(v -> 2 + 30 * Math.pow(v, -0.3)).toArray();
        Table falling = new Table(List.of("N"), List.of("loss"),
            List.of(Group.of("a", new double[][] {n}, new double[][] {loss})));
        Law rising = Law.parse("E + c*N^alpha", List.of("N"));
        String up = probe.check(rising, falling, ParameterSet.of(rising.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{2.4, 1e-9, 1.0}})));
        double spread = loss[0] - loss[3];
        assertEquals(String.format(java.util.Locale.ROOT, "implausible at 2× the largest N: 4.400 outside [%.4g, %.4g]",
            loss[3] - spread, loss[0] + spread), up);
    }

    private static ParameterSet values(Law law, double... values) {
        Map<String, double[][]> perGroup = new LinkedHashMap<>();
        perGroup.put("a", new double[][] {values});
        perGroup.put("b", new double[][] {values});
        return ParameterSet.of(law.parameters(), List.of("loss"), perGroup);
    }
}
