package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class VectorKernelsTest {
    private static final int L = DoubleVector.SPECIES_PREFERRED.length();
    /** Kernels promises "a few ulps"; KernelsTest holds the vector kernels to the same bound. */
    private static final long MAX_ULPS = 4;
    private static final Kernels VECTOR = new VectorKernels();
    private static final Kernels SCALAR = ScalarKernels.INSTANCE;
    /** Around multiples of the vector length, so that the vector body, its fallback lanes and the tail all run. */
    private static final int[] LENGTHS = {0, 1, 2, L - 1, L, L + 1, 2 * L - 1, 2 * L, 3 * L + 5, 64 * L + 3};

    private static final double[] EXP_SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0, 709.5, 710, -708.5, -745, -746, 1e300, -1e300, Double.MIN_VALUE};
    private static final double[] BASE_SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0, Double.MIN_VALUE, 1e-310, Math.nextDown(Double.MIN_NORMAL), -1, -2.5, -Double.MIN_NORMAL,
        -Double.MAX_VALUE, -1e-310};
    /** Exponents that take every base in the fast path's way out of it (or, 0, to exactly 1). */
    private static final double[] EXPONENT_SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e308, -1e308};
    /** Exponents that are special to Math.pow but not to the fast path. */
    private static final double[] EXPONENT_EDGES = {3, -3, 1e5, -1e5, 2, 0.5, 1, -1};
    /**
     * The vector pow's error grows with |y log x|: log x is computed to about an ulp of log m, and that error
     * is multiplied by y before exp (see the FAILING test of this). Everything else about pow is held to the
     * few ulps plus this much relative error, two ulps of the logarithm carried through exp.
     */
    private static final DoubleBinaryOperator POW_LOG_ERROR = (x, y) -> {
        double exponent = Math.abs(y * Math.log(x));
        return Double.isFinite(exponent) ? exponent * 0x1p-51 : 0;
    };
    /** Not 1, 2, 0.5 or -1: the vector kernels compute those with plain arithmetic, tested on their own below. */
    private static final double[] EXPONENTS = {-0.31, 0.77, 3.0, -2.5, 1e-3, 57.3};

    /** One kernel call: the vector and scalar kernels run it on the same {@code a} (and {@code b}). */
    interface Call {
        void run(Kernels kernels, double[] a, double[] b, double[] out, int n);
    }

    /**
     * A kernel, its java.lang.Math definition, its inputs, and the relative error it may add to the few ulps
     * beyond them (see {@link #POW_LOG_ERROR}).
     */
    record Op(String name, Call call, DoubleBinaryOperator math, ToDoubleFunction<SplittableRandom> a,
              ToDoubleFunction<SplittableRandom> b, DoubleBinaryOperator slack) {
        Op(String name, Call call, DoubleBinaryOperator math, ToDoubleFunction<SplittableRandom> a,
           ToDoubleFunction<SplittableRandom> b) {
            this(name, call, math, a, b, (x, y) -> 0);
        }

        void assertAgrees(double x, double y, double actual, String what) {
            VectorKernelsTest.assertAgrees(math.applyAsDouble(x, y), actual, slack.applyAsDouble(x, y), what);
        }

        double[] run(Kernels kernels, double[] x, double[] y, int n) {
            double[] out = filled(x.length, -12345.0);
            call.run(kernels, x, y, out, n);
            return out;
        }

        double[] randomA(SplittableRandom random, int length) {
            return column(random, length, a);
        }

        double[] randomB(SplittableRandom random, int length) {
            return column(random, length, b);
        }
    }

    static List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("exp", (k, a, b, out, n) -> k.exp(a, out, n), (a, b) -> Math.exp(a),
            VectorKernelsTest::expArgument, r -> 0));
        for (double s : new double[] {-0.37, 1, 3.5}) {
            ops.add(new Op("expScaled " + s, (k, a, b, out, n) -> k.expScaled(s, a, out, n),
                (a, b) -> Math.exp(s * a), VectorKernelsTest::expArgument, r -> 0));
        }
        ops.add(new Op("log", (k, a, b, out, n) -> k.log(a, out, n), (a, b) -> Math.log(a),
            VectorKernelsTest::base, r -> 0));
        ops.add(new Op("powerBase log", (k, a, b, out, n) -> System.arraycopy(k.powerBase(a, n).log(), 0, out, 0, n),
            (a, b) -> Math.log(a), VectorKernelsTest::base, r -> 0));
        for (double s : EXPONENTS) {
            ops.add(new Op("pow " + s, (k, a, b, out, n) -> k.pow(a, s, out, garbage(a.length), n),
                (a, b) -> Math.pow(a, s), VectorKernelsTest::base, r -> 0, (a, b) -> POW_LOG_ERROR.applyAsDouble(a, s)));
            ops.add(new Op("powerBase pow " + s, (k, a, b, out, n) -> k.powerBase(a, n).pow(s, out, n),
                (a, b) -> Math.pow(a, s), VectorKernelsTest::base, r -> 0, (a, b) -> POW_LOG_ERROR.applyAsDouble(a, s)));
        }
        ops.add(new Op("pow column", (k, a, b, out, n) -> k.pow(a, b, out, garbage(a.length), n), Math::pow,
            VectorKernelsTest::base, VectorKernelsTest::exponent, POW_LOG_ERROR));
        return ops;
    }

    @Test
    void everyVectorKernelAgreesWithItsScalarCounterpartAtEveryLengthAroundTheVectorLength() {
        SplittableRandom random = new SplittableRandom(11);
        int compared = 0;
        for (Op op : ops()) {
            for (int n : LENGTHS) {
                for (int trial = 0; trial < 20; trial++) {
                    double[] a = op.randomA(random, n);
                    double[] b = op.randomB(random, n);
                    double[] expected = op.run(SCALAR, a, b, n);
                    double[] actual = op.run(VECTOR, a, b, n);
                    for (int i = 0; i < n; i++) {
                        if (!agrees(expected[i], actual[i], op.slack().applyAsDouble(a[i], b[i]))) {
                            fail(op.name() + " of " + a[i] + ", " + b[i] + " at row " + i + " of " + n
                                + ": scalar " + expected[i] + ", vector " + actual[i]);
                        }
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 100_000, compared + " values compared");
    }

    @Test
    void rowsPastTheLastWholeVectorAreJavaLangMathBitForBit() {
        SplittableRandom random = new SplittableRandom(12);
        for (Op op : ops()) {
            for (int n : LENGTHS) {
                double[] a = op.randomA(random, n);
                double[] b = op.randomB(random, n);
                double[] actual = op.run(VECTOR, a, b, n);
                for (int i = n - n % L; i < n; i++) {
                    assertBits(op.math().applyAsDouble(a[i], b[i]), actual[i],
                        op.name() + " of " + a[i] + ", " + b[i] + " in the tail, row " + i + " of " + n);
                }
            }
        }
    }

    @Test
    void aSpecialValueInAnyLaneOfAWholeVectorIsJavaLangMathBitForBitAndLeavesTheOtherLanesAlone() {
        SplittableRandom random = new SplittableRandom(13);
        int n = 2 * L;
        for (Op op : ops()) {
            boolean exponentColumn = op.name().equals("pow column");
            double[] specials = op.name().contains("exp") ? EXP_SPECIALS : exponentColumn ? EXPONENT_SPECIALS : BASE_SPECIALS;
            for (double special : specials) {
                for (int lane = 0; lane < L; lane++) {
                    // regular values everywhere else, so that only the special lane leaves the fast path
                    // bases away from 1, so that the exponent specials overflow y log x
                    double[] a = column(random, n, op.name().contains("exp") ? r -> r.nextDouble(-50, 50)
                        : r -> r.nextBoolean() ? r.nextDouble(0.1, 0.9) : r.nextDouble(1.1, 10));
                    double[] b = column(random, n, r -> r.nextDouble(-3, 3));
                    double[] target = exponentColumn ? b : a;
                    target[lane] = special;
                    target[L + lane] = special;
                    double[] actual = op.run(VECTOR, a, b, n);
                    for (int i = 0; i < n; i++) {
                        double expected = op.math().applyAsDouble(a[i], b[i]);
                        String what = op.name() + " of " + a[i] + ", " + b[i] + " at row " + i;
                        if (i % L == lane) {
                            assertBits(expected, actual[i], what);
                        } else {
                            op.assertAgrees(a[i], b[i], actual[i], what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void negativeBasesWithIntegerExponentsKeepTheSignOfMathPow() {
        double[] a = new double[2 * L];
        double[] b = new double[2 * L];
        for (int i = 0; i < a.length; i++) {
            a[i] = -(1.5 + i);
            b[i] = 3 + (i % 3);
        }
        double[] column = new double[a.length];
        VECTOR.pow(a, b, column, new double[a.length], a.length);
        double[] scalar = new double[a.length];
        VECTOR.pow(a, 3.0, scalar, new double[a.length], a.length);
        for (int i = 0; i < a.length; i++) {
            assertBits(Math.pow(a[i], b[i]), column[i], "pow(" + a[i] + ", " + b[i] + ")");
            assertBits(Math.pow(a[i], 3.0), scalar[i], "pow(" + a[i] + ", 3)");
        }
    }

    @Test
    void expAndPowStayWithinTheUlpBoundAcrossTheEndsOfTheFastPathsRange() {
        // the fast path covers exponents in [-708, 709]: a dense sweep across both ends crosses the range
        // check, the largest and smallest scale factors 2^k, and the hand-over to Math
        List<Double> arguments = new ArrayList<>();
        for (double end : new double[] {-708, 709}) {
            for (int k = -400; k <= 400; k++) {
                arguments.add(end + k * 1.25e-3);
            }
            for (int k = -20; k <= 20; k++) {
                arguments.add(end + k * Math.ulp(end));
            }
        }
        double[] x = arguments.stream().mapToDouble(Double::doubleValue).toArray();
        int n = x.length;
        double[] out = new double[n];
        VECTOR.exp(x, out, n);
        for (int i = 0; i < n; i++) {
            assertAgrees(Math.exp(x[i]), out[i], 0, "exp(" + x[i] + ")");
        }
        // the same exponents reached as powers of e^2 and of 10
        for (double base : new double[] {Math.exp(2), 10}) {
            double[] bases = filled(n, base);
            double[] y = Arrays.stream(x).map(v -> v / Math.log(base)).toArray();
            VECTOR.pow(bases, y, out, new double[n], n);
            for (int i = 0; i < n; i++) {
                assertAgrees(Math.pow(base, y[i]), out[i], POW_LOG_ERROR.applyAsDouble(base, y[i]),
                    "pow(" + base + ", " + y[i] + ")");
            }
        }
    }

    @Test
    void exactIdentitiesHoldInTheVectorBody() {
        SplittableRandom random = new SplittableRandom(14);
        int n = 4 * L;
        double[] zeros = new double[n];
        double[] ones = filled(n, 1.0);
        double[] bases = column(random, n, r -> Math.exp(r.nextDouble(-700, 700)));
        double[] exponents = column(random, n, r -> r.nextDouble(-1e6, 1e6));
        double[] out = new double[n];
        VECTOR.exp(zeros, out, n);
        assertAllBits(1.0, out, "exp(0)");
        VECTOR.log(ones, out, n);
        assertAllBits(0.0, out, "log(1)");
        VECTOR.pow(bases, zeros, out, new double[n], n);
        assertAllBits(1.0, out, "x^0");
        VECTOR.pow(ones, exponents, out, new double[n], n);
        assertAllBits(1.0, out, "1^y");
        VECTOR.powerBase(ones, n).pow(-0.37, out, n);
        assertAllBits(1.0, out, "prepared 1^y");
    }

    @Test
    void theArithmeticExponentsOneTwoAndMinusOneGiveMathPowsValues() {
        SplittableRandom random = new SplittableRandom(15);
        for (double s : new double[] {1, 2, -1}) {
            for (int n : LENGTHS) {
                double[] a = column(random, n, r -> r.nextInt(4) == 0 ? pick(r, BASE_SPECIALS) : r.nextDouble(-1e3, 1e3));
                double[] direct = filled(n, -12345.0);
                VECTOR.pow(a, s, direct, garbage(n), n);
                double[] prepared = filled(n, -12345.0);
                VECTOR.powerBase(a, n).pow(s, prepared, n);
                for (int i = 0; i < n; i++) {
                    // Math.pow is within one ulp of the exact power; the arithmetic is correctly rounded
                    assertWithin(Math.pow(a[i], s), direct[i], 1, "pow(" + a[i] + ", " + s + ")");
                    assertWithin(Math.pow(a[i], s), prepared[i], 1, "prepared pow(" + a[i] + ", " + s + ")");
                }
            }
        }
    }

    @Test
    void theSquareRootExponentAgreesWithMathPowOnPositiveBases() {
        SplittableRandom random = new SplittableRandom(16);
        int n = 3 * L + 5;
        for (int trial = 0; trial < 50; trial++) {
            double[] a = column(random, n, VectorKernelsTest::base);
            for (int i = 0; i < n; i++) {
                a[i] = Math.abs(a[i]) == 0 || Double.isInfinite(a[i]) ? 4.0 : Math.abs(a[i]);
            }
            double[] out = new double[n];
            VECTOR.pow(a, 0.5, out, new double[n], n);
            for (int i = 0; i < n; i++) {
                assertWithin(Math.pow(a[i], 0.5), out[i], 1, "pow(" + a[i] + ", 0.5)");
            }
        }
    }

    /**
     * The documented bound: lo is log m rounded to a double, so its last-bit error is multiplied by y; for bases in
     * [sqrt(1/2), sqrt(2)), where log x is log m alone, that is about 2|y log x| ulps of the result (2.1 times at
     * worst here), and the class comment promises at most 3 times.
     */
    @Test
    void powDriftsFromMathPowByAtMostThreeTimesYLogXUlpsWhenTheExponentIsLarge() {
        SplittableRandom random = new SplittableRandom(19);
        int n = 64 * L;
        double[] bases = column(random, n, r -> r.nextDouble(0.75, 1.4));
        double[] exponents = new double[n];
        for (int i = 0; i < n; i++) {
            exponents[i] = random.nextDouble(-700, 700) / Math.log(bases[i]);
        }
        double[] out = new double[n];
        VECTOR.pow(bases, exponents, out, new double[n], n);
        long worst = 0;
        int worstRow = 0;
        for (int i = 0; i < n; i++) {
            long ulps = Math.abs(Double.doubleToRawLongBits(Math.pow(bases[i], exponents[i]))
                - Double.doubleToRawLongBits(out[i])) - 3 * Math.round(Math.abs(exponents[i] * Math.log(bases[i])));
            if (ulps > worst) {
                worst = ulps;
                worstRow = i;
            }
        }
        assertTrue(worst <= MAX_ULPS, "pow(" + bases[worstRow] + ", " + exponents[worstRow] + "): Math.pow "
            + Math.pow(bases[worstRow], exponents[worstRow]) + ", vector " + out[worstRow] + ", " + worst + " ulps beyond 3|y log x|");
    }

    /**
     * simplePower computes x^0.5 as sqrt(x), "Math.pow special-cases the same exponents"; but
     * Math.pow(-0.0, 0.5) is +0.0 where sqrt gives -0.0, and Math.pow(-inf, 0.5) is +inf where sqrt gives NaN.
     * The scalar kernels, the tree interpreter, and every other exponent follow Math.pow.
     */
    @Test
    void theSquareRootExponentFollowsMathPowAtNegativeZeroAndNegativeInfinity() {
        double[] a = {-0.0, Double.NEGATIVE_INFINITY, 4, -0.0, Double.NEGATIVE_INFINITY};
        int n = a.length;
        double[] direct = new double[n];
        VECTOR.pow(a, 0.5, direct, new double[n], n);
        double[] prepared = new double[n];
        VECTOR.powerBase(a, n).pow(0.5, prepared, n);
        for (int i = 0; i < n; i++) {
            assertBits(Math.pow(a[i], 0.5), direct[i], "pow(" + a[i] + ", 0.5)");
            assertBits(Math.pow(a[i], 0.5), prepared[i], "prepared pow(" + a[i] + ", 0.5)");
        }
    }

    @Test
    void kernelsWriteOnlyTheFirstNOutputsAndNeitherTheirInputsNorPastN() {
        SplittableRandom random = new SplittableRandom(17);
        List<Op> ops = new ArrayList<>(ops());
        for (double s : new double[] {1, 2, 0.5, -1}) {
            ops.add(new Op("pow " + s, (k, a, b, out, n) -> k.pow(a, s, out, garbage(a.length), n),
                (a, b) -> Math.pow(a, s), VectorKernelsTest::base, r -> 0));
            ops.add(new Op("powerBase pow " + s, (k, a, b, out, n) -> k.powerBase(a, n).pow(s, out, n),
                (a, b) -> Math.pow(a, s), VectorKernelsTest::base, r -> 0));
        }
        for (Op op : ops) {
            for (int n : LENGTHS) {
                // arrays longer than n, as the evaluator's columns may be
                int length = n + L + 3;
                double[] a = op.randomA(random, length);
                double[] b = op.randomB(random, length);
                double[] aBefore = a.clone();
                double[] bBefore = b.clone();
                double[] out = op.run(VECTOR, a, b, n);
                assertEquals(Arrays.toString(aBefore), Arrays.toString(a), op.name() + " changed its base at n = " + n);
                assertEquals(Arrays.toString(bBefore), Arrays.toString(b), op.name() + " changed its exponents at n = " + n);
                for (int i = n; i < length; i++) {
                    assertBits(-12345.0, out[i], op.name() + " wrote row " + i + " past n = " + n);
                }
            }
        }
    }

    @Test
    void aPreparedBaseGivesTheSamePowersAsTheDirectKernel() {
        // the evaluator uses the prepared base for a fixed column and the direct kernel otherwise: a law's
        // value must not depend on which it took
        SplittableRandom random = new SplittableRandom(18);
        for (int n : LENGTHS) {
            double[] a = column(random, n, VectorKernelsTest::base);
            Kernels.PowerBase prepared = VECTOR.powerBase(a, n);
            for (int trial = 0; trial < 10; trial++) {
                double s = trial < 2 ? EXPONENTS[trial] : random.nextDouble(-20, 20);
                double[] direct = new double[n];
                VECTOR.pow(a, s, direct, new double[n], n);
                double[] fromPrepared = new double[n];
                prepared.pow(s, fromPrepared, n);
                for (int i = 0; i < n; i++) {
                    assertBits(direct[i], fromPrepared[i], "pow(" + a[i] + ", " + s + ") at row " + i + " of " + n);
                }
            }
        }
    }

    @Test
    void theNameGivesTheVectorWidthInBits() {
        assertEquals("vector-" + 64 * L, VECTOR.name());
    }

    // ---- inputs

    private static double expArgument(SplittableRandom r) {
        return r.nextInt(10) == 0 ? pick(r, EXP_SPECIALS) : r.nextDouble(-760, 760);
    }

    private static double base(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> pick(r, BASE_SPECIALS);
            case 1 -> Double.longBitsToDouble(r.nextLong() >>> 1); // any positive double, subnormals included
            case 2 -> 1 + r.nextDouble(-1e-6, 1e-6);
            default -> Math.exp(r.nextDouble(-70, 70));
        };
    }

    private static double exponent(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> pick(r, EXPONENT_SPECIALS);
            case 1 -> pick(r, EXPONENT_EDGES);
            case 2 -> r.nextDouble(-300, 300);
            default -> r.nextDouble(-8, 8);
        };
    }

    private static double pick(SplittableRandom r, double[] values) {
        return values[r.nextInt(values.length)];
    }

    private static double[] column(SplittableRandom random, int length, ToDoubleFunction<SplittableRandom> value) {
        double[] c = new double[length];
        for (int i = 0; i < length; i++) {
            c[i] = value.applyAsDouble(random);
        }
        return c;
    }

    private static double[] filled(int length, double value) {
        double[] a = new double[length];
        Arrays.fill(a, value);
        return a;
    }

    /** A work array with junk in it: no kernel may read what it did not write there. */
    private static double[] garbage(int length) {
        double[] work = new double[length];
        for (int i = 0; i < length; i++) {
            work[i] = i % 2 == 0 ? Double.NaN : -1e300;
        }
        return work;
    }

    // ---- comparisons

    /**
     * The fast path computes only normal, finite, positive results; everything else (NaN, infinities, zeros,
     * subnormals, negative powers) comes from java.lang.Math and must match it exactly.
     */
    static void assertAgrees(double expected, double actual, double slack, String what) {
        if (!agrees(expected, actual, slack)) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** Checked before any message is built: the agreement test compares a few hundred thousand values. */
    static boolean agrees(double expected, double actual, double slack) {
        if (Double.isNaN(expected) || expected == 0 || Double.isInfinite(expected)
            || Math.abs(expected) < Double.MIN_NORMAL) {
            return sameBits(expected, actual);
        }
        if (slack == 0) {
            return within(expected, actual, MAX_ULPS);
        }
        return Math.signum(expected) == Math.signum(actual)
            && Math.abs(expected - actual) <= MAX_ULPS * Math.ulp(expected) + slack * Math.abs(expected);
    }

    static void assertWithin(double expected, double actual, long maxUlps, String what) {
        if (!within(expected, actual, maxUlps)) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static boolean within(double expected, double actual, long maxUlps) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            return sameBits(expected, actual);
        }
        return Math.signum(expected) == Math.signum(actual)
            && Math.abs(Double.doubleToRawLongBits(expected) - Double.doubleToRawLongBits(actual)) <= maxUlps;
    }

    static void assertBits(double expected, double actual, String what) {
        if (!sameBits(expected, actual)) {
            fail(what + ": expected " + expected + " (bits " + Long.toHexString(Double.doubleToRawLongBits(expected))
                + "), got " + actual + " (bits " + Long.toHexString(Double.doubleToRawLongBits(actual)) + ")");
        }
    }

    /** The same double, any NaN matching any other. */
    private static boolean sameBits(double expected, double actual) {
        return Double.isNaN(expected) ? Double.isNaN(actual)
            : Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual);
    }

    private static void assertAllBits(double expected, double[] actual, String what) {
        for (int i = 0; i < actual.length; i++) {
            assertBits(expected, actual[i], what + " at row " + i);
        }
    }
}
