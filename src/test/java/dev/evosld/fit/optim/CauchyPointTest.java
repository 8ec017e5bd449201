package dev.evosld.fit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CauchyPointTest {

    @Test
    void matchesSegmentBySegmentSearchWithDenseModel() {
        qt().withFixedSeed(5L).withExamples(300)
            .forAll(integers().between(1, 8), integers().between(0, 6), longs().all())
            .checkAssert((n, pairs, seed) -> {
                SplittableRandom random = new SplittableRandom(seed);
                LimitedMemory memory = new LimitedMemory(n, 4);
                DenseModel.fill(memory, n, pairs, random);
                double[] lower = new double[n];
                double[] upper = new double[n];
                double[] x = new double[n];
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    lower[i] = random.nextDouble() < 0.2 ? Double.NEGATIVE_INFINITY : -random.nextDouble(0, 2);
                    upper[i] = random.nextDouble() < 0.2 ? Double.POSITIVE_INFINITY : random.nextDouble(0, 2);
                    // Some variables start on a bound, to exercise zero breakpoints.
                    double u = random.nextDouble();
                    x[i] = u < 0.15 && Double.isFinite(lower[i]) ? lower[i]
                        : u < 0.3 && Double.isFinite(upper[i]) ? upper[i]
                        : Math.min(upper[i], Math.max(lower[i], random.nextDouble(-0.5, 0.5)));
                    g[i] = 3 * random.nextGaussian();
                }
                double[][] b = DenseModel.bfgsMatrix(memory, n);
                double[] expected = denseCauchyPoint(b, x, g, lower, upper);

                CauchyPoint cauchyPoint = new CauchyPoint(n, 4);
                double[] actual = new double[n];
                cauchyPoint.compute(x, g, lower, upper, memory, actual);

                String where = "n=" + n + " k=" + memory.size() + " seed=" + seed + " x=" + Arrays.toString(x)
                    + " g=" + Arrays.toString(g) + " l=" + Arrays.toString(lower) + " u=" + Arrays.toString(upper)
                    + " expected " + Arrays.toString(expected)
                    + " actual " + Arrays.toString(actual);
                for (int i = 0; i < n; i++) {
                    assertEquals(expected[i], actual[i], 1e-9 * (1 + Math.abs(expected[i])), where);
                }
                double[] step = new double[n];
                for (int i = 0; i < n; i++) {
                    step[i] = actual[i] - x[i];
                }
                double[] wStep = new double[2 * memory.size()];
                memory.multiplyWTransposed(step, wStep);
                for (int j = 0; j < wStep.length; j++) {
                    assertEquals(wStep[j], cauchyPoint.cauchyStep()[j], 1e-9 * (1 + Math.abs(wStep[j])),
                        "c = Wᵀ(xᶜ − x)");
                }
            });
    }

    /**
     * Walks the projected path P(x − t g) segment by segment, evaluating the model's derivatives with
     * the dense B at each segment start, and returns its first local minimizer.
     */
    private static double[] denseCauchyPoint(double[][] b, double[] x, double[] g, double[] lower, double[] upper) {
        int n = x.length;
        double[] breakpoints = new double[n];
        for (int i = 0; i < n; i++) {
            breakpoints[i] = g[i] < 0 ? (upper[i] - x[i]) / -g[i]
                : g[i] > 0 ? (x[i] - lower[i]) / g[i] : Double.POSITIVE_INFINITY;
        }
        double[] sorted = Arrays.stream(breakpoints).filter(t -> t > 0).sorted().distinct().toArray();
        double start = 0;
        int next = 0;
        while (true) {
            double[] z = new double[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = Math.min(upper[i], Math.max(lower[i], x[i] - start * g[i]));
                d[i] = breakpoints[i] > start ? -g[i] : 0;
            }
            double[] modelGradient = DenseModel.times(b, difference(z, x));
            for (int i = 0; i < n; i++) {
                modelGradient[i] += g[i];
            }
            double slope = DenseModel.dot(modelGradient, d);
            double curvature = DenseModel.dot(d, DenseModel.times(b, d));
            double end = next < sorted.length ? sorted[next] : Double.POSITIVE_INFINITY;
            if (slope >= 0) {
                return z;
            }
            double toMinimum = -slope / curvature;
            if (toMinimum < end - start) {
                for (int i = 0; i < n; i++) {
                    z[i] += toMinimum * d[i];
                }
                return z;
            }
            start = end;
            next++;
        }
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
