package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class ScalarKernelsTest {
    private static final Kernels SCALAR = ScalarKernels.INSTANCE;
    private static final int[] LENGTHS = {0, 1, 2, 3, 7, 8, 9, 17, 101};
    private static final double SENTINEL = -12345.0;
    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, Double.MAX_VALUE, -1, -2.5, 1, 2, 0.5, 710, -746};

    interface Call {
        void run(double[] a, double[] b, double[] out, int n);
    }

    /**
     * The scalar kernels are the reference the vector kernels are measured against, so they must be exactly
     * java.lang.Math, special values and all, which is what the tree interpreter computes too.
     */
    @Test
    void everyKernelIsJavaLangMathBitForBitOnEveryRow() {
        SplittableRandom random = new SplittableRandom(21);
        for (int n : LENGTHS) {
            for (int trial = 0; trial < 30; trial++) {
                double[] a = column(random, n);
                double[] b = column(random, n);
                check("exp", (x, y, out, m) -> SCALAR.exp(x, out, m), (x, y) -> Math.exp(x), a, b, n);
                check("log", (x, y, out, m) -> SCALAR.log(x, out, m), (x, y) -> Math.log(x), a, b, n);
                check("pow column", (x, y, out, m) -> SCALAR.pow(x, y, out, garbage(m), m), Math::pow, a, b, n);
                check("powerBase log", (x, y, out, m) -> System.arraycopy(SCALAR.powerBase(x, m).log(), 0, out, 0, m),
                    (x, y) -> Math.log(x), a, b, n);
                for (double s : new double[] {-0.37, 0.5, 2, -1, 1, 0, 3, Double.NaN, Double.POSITIVE_INFINITY}) {
                    check("expScaled " + s, (x, y, out, m) -> SCALAR.expScaled(s, x, out, m), (x, y) -> Math.exp(s * x), a, b, n);
                    check("pow " + s, (x, y, out, m) -> SCALAR.pow(x, s, out, garbage(m), m), (x, y) -> Math.pow(x, s), a, b, n);
                    check("powerBase pow " + s, (x, y, out, m) -> SCALAR.powerBase(x, m).pow(s, out, m),
                        (x, y) -> Math.pow(x, s), a, b, n);
                }
            }
        }
    }

    /** Runs a kernel on arrays longer than n, and checks its rows, the rows past n, and its inputs. */
    private static void check(String name, Call call, DoubleBinaryOperator math, double[] a, double[] b, int n) {
        double[] x = Arrays.copyOf(a, n + 3);
        double[] y = Arrays.copyOf(b, n + 3);
        double[] out = new double[n + 3];
        Arrays.fill(out, SENTINEL);
        call.run(x, y, out, n);
        for (int i = 0; i < n; i++) {
            double expected = math.applyAsDouble(a[i], b[i]);
            if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(out[i])) {
                fail(name + "(" + a[i] + ", " + b[i] + ") at row " + i + " of " + n + ": expected " + expected
                    + ", got " + out[i]);
            }
        }
        for (int i = n; i < n + 3; i++) {
            assertEquals(SENTINEL, out[i], name + " wrote row " + i + " past n = " + n);
        }
        assertArrayEquals(Arrays.copyOf(a, n + 3), x, name + " changed its base");
        assertArrayEquals(Arrays.copyOf(b, n + 3), y, name + " changed its exponents");
    }

    @Test
    void aPreparedBaseServesAnyNumberOfExponentsAndAnyPrefixOfItsRows() {
        double[] a = {0.25, 4, 9, 1e10, 0.0, -8};
        Kernels.PowerBase base = SCALAR.powerBase(a, a.length);
        double[] out = new double[a.length];
        base.pow(0.5, out, a.length);
        assertArrayEquals(new double[] {0.5, 2, 3, 1e5, 0.0, Double.NaN}, out);
        base.pow(-1, out, 3);
        assertArrayEquals(new double[] {4, 0.25, 1 / 9.0, 1e5, 0.0, Double.NaN}, out);
        assertArrayEquals(new double[] {Math.log(0.25), Math.log(4), Math.log(9), Math.log(1e10),
            Double.NEGATIVE_INFINITY, Double.NaN}, base.log());
    }

    @Test
    void isTheScalarChoiceAndSaysSo() {
        assertSame(SCALAR, Kernels.scalar());
        assertEquals("scalar", SCALAR.name());
    }

    private static double[] column(SplittableRandom random, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = switch (random.nextInt(4)) {
                case 0 -> SPECIALS[random.nextInt(SPECIALS.length)];
                case 1 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextDouble(-50, 50);
            };
        }
        return c;
    }

    private static double[] garbage(int n) {
        double[] work = new double[n];
        Arrays.fill(work, Double.NaN);
        return work;
    }
}
