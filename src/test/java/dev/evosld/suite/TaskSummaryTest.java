package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A task's statistics over its seeds, as TaskSummary.of derives them from the runs. */
class TaskSummaryTest {
    private static final TaskSummary.References REFS = new TaskSummary.References(0.9571, 0.9945, "SLDBench paper");

    private static SeedRun run(long seed, int parameters, Double validation, Double test, Double seconds, Double rate) {
        return new SeedRun("sft_scaling_law", seed, SeedRun.Status.RAN, "law " + seed, parameters, 0.99, validation,
            test, test == null ? "prediction 0 of target 0 is NaN" : null, Map.of(), null, seconds, 10L, rate, 5,
            "generations", "out/seed-" + seed, null, null);
    }

    @Test
    void meanBestAndWorstOverSeedsLeaveAFailedSeedOutAndCountIt() {
        List<SeedRun> runs = List.of(
            run(0, 3, 0.75, 0.5, 2.0, 100.0),
            run(1, 4, 0.5, null, 4.0, 50.0),
            run(2, 5, 0.25, 0.25, 6.0, 150.0));
        TaskSummary summary = TaskSummary.of("sft_scaling_law", runs, REFS);
        assertEquals(new Stat(0.375, 0.5, 0.25, 1), summary.testR2());
        assertEquals(new Stat(0.5, 0.75, 0.25, 0), summary.validationR2());
        assertEquals(4.0, summary.parameterCount());
        assertEquals(4.0, summary.seconds());
        assertEquals(100.0, summary.candidatesPerSecond());
        assertEquals("sft_scaling_law", summary.task());
        assertEquals(runs, summary.runs());
        assertSame(REFS, summary.references());
    }

    @Test
    void everySeedFailingLeavesNoScoreButCountsThemAll() {
        TaskSummary summary = TaskSummary.of("t", List.of(run(0, 2, null, null, 1.0, 1.0), run(1, 2, null, null, 3.0, 2.0)),
            null);
        assertEquals(new Stat(null, null, null, 2), summary.testR2());
        assertEquals(new Stat(null, null, null, 2), summary.validationR2());
        assertEquals(2.0, summary.seconds());
        assertNull(summary.references());
    }

    @Test
    void parameterCountIsAFractionalMeanNotRounded() {
        TaskSummary summary = TaskSummary.of("t", List.of(run(0, 3, 0.5, 0.5, 1.0, 1.0), run(1, 4, 0.5, 0.5, 1.0, 1.0)), null);
        assertEquals(3.5, summary.parameterCount());
    }

    @Test
    void oneUnknownTimeMakesTheMeanTimeUnknownRatherThanAMeanOfTheRest() {
        TaskSummary summary = TaskSummary.of("t",
            List.of(run(0, 3, 0.5, 0.5, 2.0, 10.0), run(1, 3, 0.5, 0.5, null, 20.0)), null);
        assertNull(summary.seconds());
        assertEquals(15.0, summary.candidatesPerSecond());
        TaskSummary noRate = TaskSummary.of("t",
            List.of(run(0, 3, 0.5, 0.5, 2.0, null), run(1, 3, 0.5, 0.5, 4.0, 20.0)), null);
        assertEquals(3.0, noRate.seconds());
        assertNull(noRate.candidatesPerSecond());
    }

    @Test
    void meanIfKnownIsTheMeanOnlyWhenNoValueIsMissing() {
        assertEquals(2.0, TaskSummary.meanIfKnown(Arrays.asList(1.0, 2.0, 3.0)));
        assertEquals(2.0, TaskSummary.meanIfKnown(List.of(1.0, 3.0)), "a list that refuses to be asked about null");
        assertNull(TaskSummary.meanIfKnown(Arrays.asList(1.0, null)));
        assertNull(TaskSummary.meanIfKnown(new ArrayList<>()));
    }

    @Test
    void noRunsGiveEmptyStatisticsAndZeroParameters() {
        TaskSummary summary = TaskSummary.of("t", List.of(), null);
        assertEquals(new Stat(null, null, null, 0), summary.testR2());
        assertEquals(0.0, summary.parameterCount());
        assertNull(summary.seconds());
        assertNull(summary.candidatesPerSecond());
    }

    @Test
    void theRunsAreCopiedAndCannotBeChangedThroughTheSummary() {
        List<SeedRun> runs = new ArrayList<>(List.of(run(0, 3, 0.5, 0.5, 1.0, 1.0)));
        TaskSummary summary = TaskSummary.of("t", runs, null);
        runs.add(run(1, 3, 0.5, 0.5, 1.0, 1.0));
        assertEquals(1, summary.runs().size());
        assertThrows(UnsupportedOperationException.class, () -> summary.runs().add(run(2, 3, 0.5, 0.5, 1.0, 1.0)));
    }

    @Test
    void aNullRunIsRefused() {
        assertThrows(NullPointerException.class, () -> new TaskSummary("t", Arrays.asList((SeedRun) null),
            new Stat(null, null, null, 0), new Stat(null, null, null, 0), 0, null, null, null));
    }

    @Test
    void statisticsMatchAStraightComputationOverRandomSeedsWithFailures() {
        SplittableRandom random = new SplittableRandom(20260301L);
        for (int trial = 0; trial < 200; trial++) {
            int seeds = 1 + random.nextInt(8);
            List<SeedRun> runs = new ArrayList<>();
            double sum = 0;
            double best = Double.NEGATIVE_INFINITY;
            double worst = Double.POSITIVE_INFINITY;
            int scored = 0;
            long parameters = 0;
            for (int s = 0; s < seeds; s++) {
                Double test = random.nextInt(4) == 0 ? null : random.nextDouble(-1, 1);
                int p = 1 + random.nextInt(6);
                parameters += p;
                if (test != null) {
                    sum += test;
                    best = Math.max(best, test);
                    worst = Math.min(worst, test);
                    scored++;
                }
                runs.add(run(s, p, 0.5, test, 1.0, 1.0));
            }
            TaskSummary summary = TaskSummary.of("t", runs, null);
            Stat stat = summary.testR2();
            assertEquals(seeds - scored, stat.failed());
            if (scored == 0) {
                assertEquals(new Stat(null, null, null, seeds), stat);
            } else {
                assertEquals(sum / scored, stat.mean(), 1e-12);
                assertEquals(best, stat.best());
                assertEquals(worst, stat.worst());
            }
            assertEquals((double) parameters / seeds, summary.parameterCount(), 1e-12);
        }
    }
}
