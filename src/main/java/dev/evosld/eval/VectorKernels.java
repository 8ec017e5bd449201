package dev.evosld.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Vector API, with {@code exp}, {@code log} and {@code pow} built from exactly
 * specified lane arithmetic (add, multiply, fused multiply-add, divide, bit operations), so that a loop gives
 * the same bits before and after the JIT compiles it. Lanes outside the fast path's range (overflow,
 * subnormals, non-positive bases, NaN) and the tail that does not fill a vector use {@code java.lang.Math}.
 *
 * <ul>
 *   <li>{@code exp(x)}: {@code x = k ln2 + r} with a two-part {@code ln2} (Cody–Waite), {@code |r| ≤ ln2/2},
 *       Taylor polynomial of degree 13 in Horner form, scaled by {@code 2^k} built from its bits;
 *   <li>{@code log(x)}: {@code x = m 2^e} with {@code m} in [√½, √2), {@code log m = 2 atanh(s)},
 *       {@code s = (m−1)/(m+1)}, as an odd series in {@code s}, plus {@code e ln2};
 *   <li>{@code pow(x, y) = exp(y log x)} with the logarithm kept as an unevaluated sum of two doubles, so
 *       that the product's own rounding does not grow with {@code |y log x|}. The low part is {@code log m}
 *       rounded to a double, though, and y multiplies its last-bit error: pow drifts from {@code Math.pow} by
 *       up to {@code 3|y log x|} ulps ({@code VectorKernelsTest} saw 2.1 times; a relative 5e-13 at the ends of
 *       exp's range, where {@code |y log x|} nears 700), far below any noise a law is fitted to. A double-double
 *       {@code log m} would remove it at the cost of a slower pow.
 * </ul>
 *
 * <p><b>The JIT.</b> These loops are fast only if C2 inlines every vector operation and every helper here
 * that takes or returns a vector: a helper it does not inline boxes its vectors, an allocation per call, and
 * a pow that did so ran eight times slower. C2 stops inlining ordinary methods once a method's graph passes a
 * fixed node count ({@code NodeCountInliningCutoff}; the Vector API's own methods are exempt), and each
 * vector operation adds hundreds of nodes, so three rules keep every loop inside the count:
 * <ul>
 *   <li>each loop over the rows is a method of its own, named {@code ...Loop}, and the JVM is told not to
 *       inline those into their callers ({@link #JIT_OPTIONS}; the launcher, the tests and the benchmarks pass
 *       them), so that no loop shares a graph with another loop or with the evaluator's dispatch;
 *   <li>what a loop computes last calls no helper of ours: the pow loops write their range check out, and
 *       {@link #logMantissa} its Horner steps;
 *   <li>a helper returns one vector, never an array of them (C2 boxed the array's vectors).
 * </ul>
 * Without those options the kernels still give the same bits, only slower.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = SPECIES.withLanes(long.class).check(long.class);
    private static final int LANES = SPECIES.length();

    /** The JVM options that keep each {@code ...Loop} method a compilation of its own (see the class comment). */
    static final String JIT_OPTIONS = "-XX:CompileCommand=quiet -XX:CompileCommand=dontinline,dev/evosld/eval/VectorKernels.*Loop";

    /** ln 2 split so that {@code k * LN2_HI} is exact for every exponent k of a double. */
    private static final double LN2_HI = 0x1.62e42fee00000p-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    /** Adding and subtracting 1.5 * 2^52 rounds a double to an integer, in IEEE arithmetic. */
    private static final double ROUNDER = 0x1.8p52;
    private static final double EXP_LOW = -708;
    private static final double EXP_HIGH = 709;
    private static final double EXP_MIDDLE = (EXP_LOW + EXP_HIGH) / 2;
    private static final double EXP_HALF_WIDTH = (EXP_HIGH - EXP_LOW) / 2;
    private static final long MIN_NORMAL_BITS = Double.doubleToRawLongBits(Double.MIN_NORMAL);
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
    private static final long NAN_BITS = Double.doubleToRawLongBits(Double.NaN);
    private static final double SQRT2 = 1.4142135623730951;
    private static final double[] EXP_TAYLOR = taylor(13);
    private static final double[] ATANH_SERIES = atanhSeries(11);

    VectorKernels() {
    }

    private static double[] taylor(int degree) {
        double[] coefficients = new double[degree + 1];
        double factorial = 1;
        for (int n = 0; n <= degree; n++) {
            factorial *= Math.max(1, n);
            coefficients[n] = 1 / factorial;
        }
        return coefficients;
    }

    /** {@code p * x + c}, the Horner step, with c broadcast (a constant that C2 folds). */
    private static DoubleVector step(DoubleVector p, DoubleVector x, double c) {
        return p.fma(x, DoubleVector.broadcast(SPECIES, c));
    }

    /** {@code 1/(2n+3)}: log m = 2s + 2s z sum z^n/(2n+3) with z = s². */
    private static double[] atanhSeries(int terms) {
        double[] coefficients = new double[terms];
        for (int n = 0; n < terms; n++) {
            coefficients[n] = 1.0 / (2 * n + 3);
        }
        return coefficients;
    }

    /** exp(hi + lo) for |lo| small against ulp(hi); lanes outside [EXP_LOW, EXP_HIGH] are left to the caller. */
    private static DoubleVector exp(DoubleVector hi, DoubleVector lo) {
        DoubleVector shifted = hi.mul(INV_LN2).add(ROUNDER);
        DoubleVector k = shifted.sub(ROUNDER);
        // k * -ln2 is exactly -(k * ln2), so these are the fused hi - k ln2 steps of Cody and Waite
        DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), hi);
        r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r).add(lo);
        double[] c = EXP_TAYLOR;
        DoubleVector p = DoubleVector.broadcast(SPECIES, c[13]);
        p = step(step(step(step(step(step(p, r, c[12]), r, c[11]), r, c[10]), r, c[9]), r, c[8]), r, c[7]);
        p = step(step(step(step(step(step(step(p, r, c[6]), r, c[5]), r, c[4]), r, c[3]), r, c[2]), r, c[1]), r, c[0]);
        LongVector exponent = (LongVector) k.convert(VectorOperators.D2L, 0);
        DoubleVector scale = exponent.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
        return p.mul(scale);
    }

    /**
     * The lanes in [EXP_LOW, EXP_HIGH] (NaN is not), as one comparison: |x − middle| ≤ half width is exact,
     * since x − 0.5 rounds only where |x| ≥ 2^52.
     */
    private static VectorMask<Double> expRange(DoubleVector x) {
        return x.sub(EXP_MIDDLE).abs().compare(VectorOperators.LE, EXP_HALF_WIDTH);
    }

    /**
     * The exponent e of x = m 2^e with m in [√½, √2), as a double: log x = e ln2 + log m, and e ln2_hi is
     * exact, so {@code e * LN2_HI} is the high part of the logarithm and {@code e * LN2_LO + logMantissa(x)}
     * the low part. Lanes that are not positive normal are left to the caller.
     */
    private static DoubleVector logExponent(DoubleVector x) {
        LongVector bits = x.viewAsIntegralLanes();
        LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023);
        DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).viewAsFloatingLanes();
        e = e.add(1, m.compare(VectorOperators.GT, SQRT2).cast(LONGS));
        return (DoubleVector) e.convert(VectorOperators.L2D, 0);
    }

    /**
     * log m for the m of {@link #logExponent}. The two are separate methods returning one vector each, not
     * one method returning both in an array: C2 boxed the array's vectors, an allocation per call.
     */
    private static DoubleVector logMantissa(DoubleVector x) {
        LongVector bits = x.viewAsIntegralLanes();
        DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).viewAsFloatingLanes();
        m = m.blend(m.mul(0.5), m.compare(VectorOperators.GT, SQRT2));
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        // Horner written out, not through step(): this helper comes last in its loops (see the class comment)
        double[] c = ATANH_SERIES;
        DoubleVector series = DoubleVector.broadcast(SPECIES, c[10]);
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[9]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[8]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[7]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[6]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[5]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[4]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[3]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[2]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[1]));
        series = series.fma(z, DoubleVector.broadcast(SPECIES, c[0]));
        DoubleVector twice = s.add(s);
        return twice.mul(z).fma(series, twice);
    }

    /**
     * The lanes that are not positive normal finite numbers, which {@link #logExponent} leaves to the
     * caller, as one unsigned comparison of the bits: below MIN_NORMAL (zero and subnormals) the difference
     * wraps around, and negative numbers and NaN lie above the infinity's bits.
     */
    private static VectorMask<Long> irregular(DoubleVector x) {
        return x.viewAsIntegralLanes().sub(MIN_NORMAL_BITS).compare(VectorOperators.UGE, INFINITY_BITS - MIN_NORMAL_BITS);
    }

    /** The scalar complement of {@link #irregular}. */
    private static boolean logRegular(double x) {
        return x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY;
    }

    /**
     * Writes log a as hi + lo for the whole vectors of [0, n), with hi NaN where a has no fast logarithm, so
     * that every power computed from it falls outside exp's range and is left to {@code Math.pow}.
     */
    private static void logPartsLoop(double[] a, double[] hi, double[] lo, int n) {
        for (int i = 0, bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i);
            VectorMask<Long> irregular = irregular(x);
            DoubleVector e = logExponent(x);
            e.fma(DoubleVector.broadcast(SPECIES, LN2_LO), logMantissa(x)).intoArray(lo, i);
            e.mul(LN2_HI).viewAsIntegralLanes().blend(NAN_BITS, irregular).viewAsFloatingLanes().intoArray(hi, i);
        }
    }

    /**
     * exp(y (hi + lo)), the product y (hi + lo) taken as sum + tail: the products' rounding errors and the
     * rounded sum's are kept in the tail, so that the rounding of the power does not grow with |y log x|.
     */
    private static DoubleVector powFromLog(DoubleVector hi, DoubleVector lo, DoubleVector y) {
        DoubleVector a = hi.mul(y);
        DoubleVector aError = hi.fma(y, a.neg());
        DoubleVector b = lo.mul(y);
        DoubleVector bError = lo.fma(y, b.neg());
        // two-sum of a and b: their rounded sum and its exact error
        DoubleVector sum = a.add(b);
        DoubleVector bVirtual = sum.sub(a);
        DoubleVector aVirtual = sum.sub(bVirtual);
        DoubleVector error = a.sub(aVirtual).add(b.sub(bVirtual));
        return exp(sum, error.add(aError).add(bError));
    }

    /**
     * out = base^y from the base's logarithm hi + lo ({@link #logPartsLoop}), y the exponent s or, when
     * {@code exponents} is not null, one per row; lanes outside exp's range and the tail take {@code Math.pow}.
     * {@code out} may be {@code hi} or {@code lo}, not {@code base}. The range check is written out after the
     * exp, not called: it is the last thing the loop compiles, and a helper call there was the one that passed
     * C2's node count (the class comment).
     */
    private static void powLoop(double[] hi, double[] lo, double s, double[] exponents, double[] base, double[] out, int n) {
        DoubleVector scalar = DoubleVector.broadcast(SPECIES, s);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector y = exponents == null ? scalar : DoubleVector.fromArray(SPECIES, exponents, i);
            DoubleVector h = DoubleVector.fromArray(SPECIES, hi, i);
            DoubleVector l0 = DoubleVector.fromArray(SPECIES, lo, i);
            powFromLog(h, l0, y).intoArray(out, i);
            // expRange of the rounded sum powFromLog exponentiates
            VectorMask<Double> ok = h.mul(y).add(l0.mul(y)).sub(EXP_MIDDLE).abs().compare(VectorOperators.LE, EXP_HALF_WIDTH);
            if (!ok.allTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (!ok.laneIsSet(l)) {
                        out[i + l] = Math.pow(base[i + l], exponents == null ? s : exponents[i + l]);
                    }
                }
            }
        }
        for (; i < n; i++) {
            out[i] = Math.pow(base[i], exponents == null ? s : exponents[i]);
        }
    }

    @Override
    public void exp(double[] a, double[] out, int n) {
        // a * 1 is a, so this is exp(a) to the bit, Math.exp(a) included
        expScaledLoop(1, a, out, n);
    }

    @Override
    public void expScaled(double s, double[] a, double[] out, int n) {
        expScaledLoop(s, a, out, n);
    }

    private static void expScaledLoop(double s, double[] a, double[] out, int n) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i).mul(s);
            exp(x, zero).intoArray(out, i);
            VectorMask<Double> ok = expRange(x);
            if (!ok.allTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (!ok.laneIsSet(l)) {
                        out[i + l] = Math.exp(s * a[i + l]);
                    }
                }
            }
        }
        for (; i < n; i++) {
            out[i] = Math.exp(s * a[i]);
        }
    }

    @Override
    public void log(double[] a, double[] out, int n) {
        logLoop(a, out, n);
    }

    private static void logLoop(double[] a, double[] out, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i);
            VectorMask<Long> irregular = irregular(x);
            DoubleVector e = logExponent(x);
            e.mul(LN2_HI).add(e.fma(DoubleVector.broadcast(SPECIES, LN2_LO), logMantissa(x))).intoArray(out, i);
            if (irregular.anyTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (irregular.laneIsSet(l)) {
                        out[i + l] = Math.log(a[i + l]);
                    }
                }
            }
        }
        for (; i < n; i++) {
            out[i] = Math.log(a[i]);
        }
    }

    /**
     * Powers that are plain arithmetic: exact, and as fast as the arithmetic (C2 vectorizes these loops);
     * {@code Math.pow} special-cases the same exponents, and these give its bits, signed zeros and infinities
     * included. False if {@code s} is none of them.
     */
    private static boolean simplePower(double[] a, double s, double[] out, int n) {
        if (s == 1) {
            System.arraycopy(a, 0, out, 0, n);
        } else if (s == 2) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * a[i];
            }
        } else if (s == 0.5) {
            for (int i = 0; i < n; i++) {
                // Math.pow's square root: + 0.0 makes -0.0 give +0.0, and -∞ gives +∞ rather than sqrt's NaN
                double x = a[i] + 0.0;
                out[i] = x == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : Math.sqrt(x);
            }
        } else if (s == -1) {
            for (int i = 0; i < n; i++) {
                out[i] = 1 / a[i];
            }
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void pow(double[] a, double s, double[] out, double[] work, int n) {
        if (simplePower(a, s, out, n)) {
            return;
        }
        logPartsLoop(a, out, work, n);
        powLoop(out, work, s, null, a, out, n);
    }

    @Override
    public void pow(double[] a, double[] b, double[] out, double[] work, int n) {
        logPartsLoop(a, out, work, n);
        powLoop(out, work, 0, b, a, out, n);
    }

    @Override
    public PowerBase powerBase(double[] a, int n) {
        return new VectorPowerBase(a.clone(), n);
    }

    /** A base column with its logarithm computed once, as hi + lo; a power is then one exp per lane. */
    private static final class VectorPowerBase implements PowerBase {
        private final double[] base;
        private final double[] hi;
        private final double[] lo;
        private final double[] log;

        VectorPowerBase(double[] base, int n) {
            this.base = base;
            this.hi = new double[n];
            this.lo = new double[n];
            this.log = new double[n];
            logPartsLoop(base, hi, lo, n);
            for (int i = 0, bound = SPECIES.loopBound(n); i < n; i++) {
                log[i] = i < bound && logRegular(base[i]) ? hi[i] + lo[i] : Math.log(base[i]);
            }
        }

        @Override
        public void pow(double s, double[] out, int n) {
            if (!simplePower(base, s, out, n)) {
                powLoop(hi, lo, s, null, base, out, n);
            }
        }

        @Override
        public double[] log() {
            return log;
        }
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }
}
