package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubspaceStepTest {

    @Test
    void withoutBoundsReachesTheQuasiNewtonPoint() {
        // Up to 24 free variables against at most 2k = 10 memory columns: covers both the direct
        // reduced-Hessian solve (t ≤ 2k) and the Woodbury solve (t > 2k).
        qt().withFixedSeed(3L).withExamples(300)
            .forAll(integers().between(1, 24), integers().between(1, 12), longs().all())
            .checkAssert((n, pairs, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                LimitedMemory memory = new LimitedMemory(n, 5);
                DenseModel.fill(memory, n, pairs, random);
                double[] x = random.doubles(n, -1, 1).toArray();
                double[] g = random.doubles(n, -2, 2).toArray();
                double[] lower = TestProblems.unboundedBelow(n);
                double[] upper = TestProblems.unboundedAbove(n);

                double[] target = target(memory, x, g, lower, upper);

                double[] newton = DenseModel.solve(DenseModel.bfgsMatrix(memory, n), g);
                for (int i = 0; i < n; i++) {
                    double expected = x[i] - newton[i];
                    assertEquals(expected, target[i], 1e-7 * (1 + Math.abs(expected)), "x − B⁻¹g");
                }
            });
    }

    @Test
    void minimizesTheModelOverTheVariablesFreeAtTheCauchyPoint() {
        // Variables 0 and 1 start on a bound their gradient pushes against, so they stay fixed; the box
        // is wide elsewhere, so the subspace minimizer needs no projection.
        qt().withFixedSeed(4L).withExamples(200)
            .forAll(integers().between(3, 9), integers().between(1, 8), longs().all())
            .checkAssert((n, pairs, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                LimitedMemory memory = new LimitedMemory(n, 5);
                DenseModel.fill(memory, n, pairs, random);
                double[] lower = TestProblems.filled(n, -1e6);
                double[] upper = TestProblems.filled(n, 1e6);
                double[] x = random.doubles(n, -1, 1).toArray();
                double[] g = random.doubles(n, -2, 2).toArray();
                lower[0] = x[0];
                g[0] = Math.abs(g[0]) + 0.1;
                upper[1] = x[1];
                g[1] = -Math.abs(g[1]) - 0.1;

                double[] target = target(memory, x, g, lower, upper);

                double[][] b = DenseModel.bfgsMatrix(memory, n);
                int free = n - 2;
                double[][] reduced = new double[free][free];
                double[] rhs = new double[free];
                for (int i = 0; i < free; i++) {
                    for (int j = 0; j < free; j++) {
                        reduced[i][j] = b[i + 2][j + 2];
                    }
                    rhs[i] = -g[i + 2];
                }
                double[] step = DenseModel.solve(reduced, rhs);
                assertEquals(x[0], target[0], 0.0);
                assertEquals(x[1], target[1], 0.0);
                for (int i = 0; i < free; i++) {
                    double expected = x[i + 2] + step[i];
                    assertEquals(expected, target[i + 2], 1e-7 * (1 + Math.abs(expected)));
                }
            });
    }

    @Test
    void targetNeverRaisesTheModelAboveTheCauchyPoint() {
        qt().withFixedSeed(6L).withExamples(300)
            .forAll(integers().between(1, 8), integers().between(0, 8), longs().all())
            .checkAssert((n, pairs, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                LimitedMemory memory = new LimitedMemory(n, 5);
                DenseModel.fill(memory, n, pairs, random);
                double[] lower = random.doubles(n, -1, 0).toArray();
                double[] upper = random.doubles(n, 0, 1).toArray();
                double[] x = new double[n];
                double[] g = random.doubles(n, -3, 3).toArray();
                CauchyPoint cauchyPoint = new CauchyPoint(n, 5);
                double[] cauchy = new double[n];
                cauchyPoint.compute(x, g, lower, upper, memory, cauchy);

                double[] target = new double[n];
                new SubspaceStep(n, 5).compute(x, g, lower, upper, memory, cauchy, cauchyPoint.cauchyStep(), target);

                double[][] b = DenseModel.bfgsMatrix(memory, n);
                double atCauchy = DenseModel.modelChange(b, g, x, cauchy);
                double atTarget = DenseModel.modelChange(b, g, x, target);
                assertTrue(atTarget <= atCauchy + 1e-12 * (1 + Math.abs(atCauchy)), atTarget + " > " + atCauchy);
                for (int i = 0; i < n; i++) {
                    assertTrue(lower[i] <= target[i] && target[i] <= upper[i], "in the box");
                }
            });
    }

    private static double[] target(LimitedMemory memory, double[] x, double[] g, double[] lower, double[] upper) {
        int n = x.length;
        CauchyPoint cauchyPoint = new CauchyPoint(n, 5);
        double[] cauchy = new double[n];
        cauchyPoint.compute(x, g, lower, upper, memory, cauchy);
        double[] target = new double[n];
        assertTrue(new SubspaceStep(n, 5).compute(x, g, lower, upper, memory, cauchy, cauchyPoint.cauchyStep(), target));
        return target;
    }
}
