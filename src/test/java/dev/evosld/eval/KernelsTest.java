package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTest {
    private static final int N = 1003;
    private static final long MAX_ULPS = 4;

    @Test
    void theVectorKernelsAreInUseWhenTheModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "tests run with the module");
        assertTrue(Kernels.preferred().name().startsWith("vector-"), Kernels.preferred().name());
    }

    @Test
    void vectorAndScalarKernelsAgreeToAFewUlps() {
        Kernels vector = Kernels.preferred();
        Kernels scalar = Kernels.scalar();
        SplittableRandom random = new SplittableRandom(5);
        double[] a = random.doubles(N, -700, 700).toArray();
        double[] positive = random.doubles(N, 1e-3, 1e12).toArray();
        double[] exponents = random.doubles(N, -3, 3).toArray();
        double[] expected = new double[N];
        double[] actual = new double[N];

        scalar.exp(a, expected, N);
        vector.exp(a, actual, N);
        assertUlps(expected, actual, "exp");

        scalar.expScaled(-0.37, positive, expected, N);
        vector.expScaled(-0.37, positive, actual, N);
        assertUlps(expected, actual, "expScaled");

        scalar.log(positive, expected, N);
        vector.log(positive, actual, N);
        assertUlps(expected, actual, "log");

        double[] work = new double[N];
        scalar.pow(positive, -0.31, expected, work, N);
        vector.pow(positive, -0.31, actual, work, N);
        assertUlps(expected, actual, "pow scalar exponent");

        scalar.pow(positive, exponents, expected, work, N);
        vector.pow(positive, exponents, actual, work, N);
        assertUlps(expected, actual, "pow column exponent");
    }

    @Test
    void vectorKernelsGiveTheSameBitsBeforeAndAfterTheJitCompilesThem() {
        Kernels vector = Kernels.preferred();
        SplittableRandom random = new SplittableRandom(9);
        double[] a = random.doubles(N, 1e-3, 1e12).toArray();
        double[] x = random.doubles(N, -700, 700).toArray();
        double[][] cold = outputs(vector, a, x);
        double[][] hot = cold;
        for (int i = 0; i < 20_000; i++) {
            hot = outputs(vector, a, x);
        }
        for (int k = 0; k < cold.length; k++) {
            for (int i = 0; i < N; i++) {
                assertEquals(Double.doubleToRawLongBits(cold[k][i]), Double.doubleToRawLongBits(hot[k][i]),
                    "kernel " + k + " row " + i);
            }
        }
    }

    private static double[][] outputs(Kernels kernels, double[] a, double[] x) {
        double[][] out = new double[5][N];
        kernels.exp(x, out[0], N);
        kernels.log(a, out[1], N);
        double[] work = new double[N];
        kernels.pow(a, -0.37, out[2], work, N);
        kernels.pow(a, x, out[3], work, N);
        kernels.powerBase(a, N).pow(0.77, out[4], N);
        return out;
    }

    @Test
    void aPreparedBaseGivesThePowersOfTheBase() {
        SplittableRandom random = new SplittableRandom(4);
        double[] a = random.doubles(N, 1e-3, 1e12).toArray();
        a[3] = 0;
        a[7] = -2;
        for (Kernels kernels : new Kernels[] {Kernels.scalar(), Kernels.preferred()}) {
            Kernels.PowerBase base = kernels.powerBase(a, N);
            double[] expected = new double[N];
            double[] actual = new double[N];
            for (double s : new double[] {-0.5, 0.31, 2, -3.7}) {
                Kernels.scalar().pow(a, s, expected, new double[N], N);
                base.pow(s, actual, N);
                assertUlps(expected, actual, kernels.name() + " pow " + s);
            }
            assertEquals(Math.log(a[0]), base.log()[0], 1e-15 * Math.abs(Math.log(a[0])));
        }
    }

    @Test
    void bothKernelsAgreeOnSpecialValues() {
        double[] special = {0.0, -0.0, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1, 1e-310, 800, -800};
        int n = special.length;
        for (Kernels kernels : new Kernels[] {Kernels.scalar(), Kernels.preferred()}) {
            double[] out = new double[n];
            kernels.log(special, out, n);
            assertEquals(Double.NEGATIVE_INFINITY, out[0]);
            assertTrue(Double.isNaN(out[2]) && Double.isNaN(out[5]), kernels.name());
            kernels.exp(special, out, n);
            assertEquals(Double.POSITIVE_INFINITY, out[8], kernels.name());
            assertEquals(0.0, out[9], kernels.name());
            kernels.pow(special, -1, out, new double[n], n);
            assertEquals(Double.POSITIVE_INFINITY, out[0], kernels.name());
            assertEquals(-1.0, out[2], kernels.name());
        }
    }

    @Test
    void powersOfSpecialBasesAreJavaLangMaths() {
        // the first eight fill a vector of up to 512 bits: the fast path must hand each special lane to Math.pow
        double[] special = {0.0, -1, Double.POSITIVE_INFINITY, Double.NaN, 1e-310, -0.0, 2.5, Double.NEGATIVE_INFINITY, -3, 1};
        int n = special.length;
        double[] exponents = {-0.37, 0.37, -0.37, 0.37, 0.37, 1.5, 2000, 3, 0.5, Double.NaN};
        Kernels vector = Kernels.preferred();
        for (double s : new double[] {-0.37, 0.37, 1.5, 1000}) {
            double[] out = new double[n];
            vector.pow(special, s, out, new double[n], n);
            double[] prepared = new double[n];
            vector.powerBase(special, n).pow(s, prepared, n);
            for (int i = 0; i < n; i++) {
                double expected = Math.pow(special[i], s);
                String what = "pow(" + special[i] + ", " + s + ")";
                assertUlps(new double[] {expected}, new double[] {out[i]}, what);
                assertUlps(new double[] {expected}, new double[] {prepared[i]}, "prepared " + what);
            }
        }
        double[] out = new double[n];
        vector.pow(special, exponents, out, new double[n], n);
        for (int i = 0; i < n; i++) {
            double expected = Math.pow(special[i], exponents[i]);
            assertUlps(new double[] {expected}, new double[] {out[i]}, "pow(" + special[i] + ", " + exponents[i] + ")");
        }
    }

    private static void assertUlps(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i]) && Double.isNaN(actual[i])) {
                continue;
            }
            long ulps = Math.abs(Double.doubleToLongBits(expected[i]) - Double.doubleToLongBits(actual[i]));
            assertTrue(ulps <= MAX_ULPS || expected[i] == actual[i],
                what + " at " + i + ": " + expected[i] + " vs " + actual[i] + " (" + ulps + " ulps)");
        }
    }

    @Test
    void theLauncherTheTestsAndTheBenchmarksPassTheJitOptions() throws IOException {
        List<String> options = List.of(VectorKernels.JIT_OPTIONS.split(" "));
        for (String file : List.of("evosld", "pom.xml", "benchmarks/src/main/java/dev/evosld/benchmarks/FitBenchmark.java",
            "benchmarks/src/main/java/dev/evosld/benchmarks/EvaluationBenchmark.java",
            "benchmarks/src/main/java/dev/evosld/benchmarks/ThroughputBenchmark.java")) {
            String text = Files.readString(Path.of(file));
            for (String option : options) {
                assertTrue(text.contains(option), file + " does not pass " + option);
            }
        }
    }
}
