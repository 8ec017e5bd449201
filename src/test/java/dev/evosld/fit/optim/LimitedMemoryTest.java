package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LimitedMemoryTest {

    @Test
    void compactRepresentationEqualsDenseBfgsUpdates() {
        // Up to m + 4 pairs so that the ring buffer wraps and the Gram matrices shift; k > n included.
        qt().withFixedSeed(11L).withExamples(200)
            .forAll(integers().between(1, 9), integers().between(1, 6), integers().between(1, 10), longs().all())
            .checkAssert((n, m, pairs, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                LimitedMemory memory = new LimitedMemory(n, m);
                DenseModel.fill(memory, n, pairs, random);
                double[][] dense = DenseModel.bfgsMatrix(memory, n);

                for (int j = 0; j < n; j++) {
                    double[] unit = new double[n];
                    unit[j] = 1;
                    double[] compact = DenseModel.compactTimes(memory, unit);
                    for (int i = 0; i < n; i++) {
                        double scale = Math.max(1, Math.abs(dense[i][i]) + Math.abs(dense[j][j]));
                        assertEquals(dense[i][j], compact[i], 1e-8 * scale,
                            "B[" + i + "][" + j + "] n=" + n + " m=" + m + " k=" + memory.size());
                    }
                }
            });
    }

    @Test
    void keepsTheLastPairsAndScalesByTheNewest() {
        LimitedMemory memory = new LimitedMemory(2, 2);
        memory.add(new double[] {1, 0}, new double[] {2, 0}, 2, 4);
        memory.add(new double[] {0, 1}, new double[] {0, 3}, 3, 9);
        memory.add(new double[] {1, 1}, new double[] {1, 1}, 2, 2);

        assertEquals(2, memory.size());
        assertEquals(3, memory.gradientChange(0)[1], 0.0, "the oldest pair was dropped");
        assertEquals(1, memory.step(1)[0], 0.0);
        assertEquals(1.0, memory.theta(), 0.0, "θ = y·y / s·y of the newest pair");

        memory.clear();
        assertEquals(0, memory.size());
        assertEquals(1.0, memory.theta(), 0.0);
    }
}
