package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The iteration loop allocates nothing: a run of many iterations allocates as much as a run of one,
 * that is, only the {@link Result} and its point.
 */
class LbfgsBAllocationTest {

    private static final int N = 5;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long allocatedBy(Runnable action) {
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private void assertLoopDoesNotAllocate(double[] lower, double[] upper) {
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
            "this JVM cannot measure per-thread allocation");
        Settings settings = Settings.defaults().withProjectedGradientTolerance(1e-10).withRelativeReductionTolerance(0);
        LbfgsB many = new LbfgsB(N, settings);
        LbfgsB one = new LbfgsB(N, settings.withMaxIterations(1));
        double[] start = TestProblems.rosenbrockStart(N);
        Result[] results = new Result[2];
        Runnable manyRun = () -> results[0] = many.minimize(TestProblems.ROSENBROCK, start, lower, upper);
        Runnable oneRun = () -> results[1] = one.minimize(TestProblems.ROSENBROCK, start, lower, upper);
        // Let the JIT settle, so that neither measurement includes interpreter or deoptimization effects.
        for (int i = 0; i < 300; i++) {
            manyRun.run();
            oneRun.run();
        }

        long manyBytes = Long.MAX_VALUE;
        long oneBytes = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            manyBytes = Math.min(manyBytes, allocatedBy(manyRun));
            oneBytes = Math.min(oneBytes, allocatedBy(oneRun));
        }

        assertTrue(results[0].iterations() >= 20, "iterations " + results[0].iterations());
        assertEquals(1, results[1].iterations());
        assertTrue(Math.abs(manyBytes - oneBytes) <= 256,
            results[0].iterations() + " iterations allocated " + manyBytes + " bytes, 1 iteration " + oneBytes);
    }

    @Test
    void unboundedLoopDoesNotAllocate() {
        assertLoopDoesNotAllocate(TestProblems.unboundedBelow(N), TestProblems.unboundedAbove(N));
    }

    @Test
    void boundedLoopDoesNotAllocate() {
        // Bounds that cut through the path make the Cauchy point and the subspace step do real work.
        assertLoopDoesNotAllocate(new double[] {-2, 0.2, -2, -2, 0.5}, new double[] {0.7, 2, 2, 0.8, 2});
    }
}
