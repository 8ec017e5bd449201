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
 *       that the product's rounding does not grow with {@code |y log x|}.
 * </ul>
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = SPECIES.withLanes(long.class).check(long.class);
    private static final int LANES = SPECIES.length();

    /** ln 2 split so that {@code k * LN2_HI} is exact for every exponent k of a double. */
    private static final double LN2_HI = 0x1.62e42fee00000p-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    /** Adding and subtracting 1.5 * 2^52 rounds a double to an integer, in IEEE arithmetic. */
    private static final double ROUNDER = 0x1.8p52;
    private static final double EXP_LOW = -708;
    private static final double EXP_HIGH = 709;
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
        DoubleVector r = k.neg().fma(DoubleVector.broadcast(SPECIES, LN2_HI), hi);
        r = k.neg().fma(DoubleVector.broadcast(SPECIES, LN2_LO), r).add(lo);
        double[] c = EXP_TAYLOR;
        DoubleVector p = DoubleVector.broadcast(SPECIES, c[13]);
        p = step(step(step(step(step(step(p, r, c[12]), r, c[11]), r, c[10]), r, c[9]), r, c[8]), r, c[7]);
        p = step(step(step(step(step(step(step(p, r, c[6]), r, c[5]), r, c[4]), r, c[3]), r, c[2]), r, c[1]), r, c[0]);
        LongVector exponent = (LongVector) k.convert(VectorOperators.D2L, 0);
        DoubleVector scale = exponent.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
        return p.mul(scale);
    }

    private static VectorMask<Double> expRange(DoubleVector x) {
        return x.compare(VectorOperators.GE, EXP_LOW).and(x.compare(VectorOperators.LE, EXP_HIGH));
    }

    /** log x as hi + lo: hi = e ln2_hi exactly, lo the rest; lanes that are not positive normal are left to the caller. */
    private static DoubleVector[] log(DoubleVector x) {
        LongVector bits = x.viewAsIntegralLanes();
        LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023);
        DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).viewAsFloatingLanes();
        VectorMask<Double> high = m.compare(VectorOperators.GT, SQRT2);
        m = m.blend(m.mul(0.5), high);
        e = e.add(1, high.cast(LONGS));
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        double[] c = ATANH_SERIES;
        DoubleVector series = DoubleVector.broadcast(SPECIES, c[10]);
        series = step(step(step(step(step(series, z, c[9]), z, c[8]), z, c[7]), z, c[6]), z, c[5]);
        series = step(step(step(step(step(series, z, c[4]), z, c[3]), z, c[2]), z, c[1]), z, c[0]);
        DoubleVector twice = s.add(s);
        DoubleVector q = twice.mul(z).fma(series, twice);
        DoubleVector exponent = (DoubleVector) e.convert(VectorOperators.L2D, 0);
        return new DoubleVector[] {exponent.mul(LN2_HI), exponent.fma(DoubleVector.broadcast(SPECIES, LN2_LO), q)};
    }

    private static VectorMask<Double> logRange(DoubleVector x) {
        return x.compare(VectorOperators.GE, Double.MIN_NORMAL).and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
    }

    /** pow from a logarithm given as hi + lo and an exponent y: exp(y hi + y lo) with the product's error kept. */
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
        DoubleVector tail = error.add(aError).add(bError);
        return exp(sum, tail);
    }

    /** The lanes where {@link #powFromLog} is in range: the same rounded sum it exponentiates. */
    private static VectorMask<Double> powRange(DoubleVector hi, DoubleVector lo, DoubleVector y) {
        return expRange(hi.mul(y).add(lo.mul(y)));
    }

    @Override
    public void exp(double[] a, double[] out, int n) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i);
            exp(x, zero).intoArray(out, i);
            VectorMask<Double> ok = expRange(x);
            if (!ok.allTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (!ok.laneIsSet(l)) {
                        out[i + l] = Math.exp(a[i + l]);
                    }
                }
            }
        }
        for (; i < n; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    @Override
    public void expScaled(double s, double[] a, double[] out, int n) {
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
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i);
            DoubleVector[] parts = log(x);
            parts[0].add(parts[1]).intoArray(out, i);
            VectorMask<Double> ok = logRange(x);
            if (!ok.allTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (!ok.laneIsSet(l)) {
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
     * {@code Math.pow} special-cases the same exponents. False if {@code s} is none of them.
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
                out[i] = Math.sqrt(a[i]);
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
    public void pow(double[] a, double s, double[] out, int n) {
        if (simplePower(a, s, out, n)) {
            return;
        }
        DoubleVector y = DoubleVector.broadcast(SPECIES, s);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i);
            DoubleVector[] parts = log(x);
            powFromLog(parts[0], parts[1], y).intoArray(out, i);
            VectorMask<Double> ok = logRange(x).and(powRange(parts[0], parts[1], y));
            if (!ok.allTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (!ok.laneIsSet(l)) {
                        out[i + l] = Math.pow(a[i + l], s);
                    }
                }
            }
        }
        for (; i < n; i++) {
            out[i] = Math.pow(a[i], s);
        }
    }

    @Override
    public void pow(double[] a, double[] b, double[] out, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i);
            DoubleVector y = DoubleVector.fromArray(SPECIES, b, i);
            DoubleVector[] parts = log(x);
            powFromLog(parts[0], parts[1], y).intoArray(out, i);
            VectorMask<Double> ok = logRange(x).and(powRange(parts[0], parts[1], y));
            if (!ok.allTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (!ok.laneIsSet(l)) {
                        out[i + l] = Math.pow(a[i + l], b[i + l]);
                    }
                }
            }
        }
        for (; i < n; i++) {
            out[i] = Math.pow(a[i], b[i]);
        }
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
        private final boolean[] regular;

        VectorPowerBase(double[] base, int n) {
            this.base = base;
            this.hi = new double[n];
            this.lo = new double[n];
            this.log = new double[n];
            this.regular = new boolean[n];
            for (int i = 0; i < n; i += LANES) {
                if (i + LANES <= n) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, base, i);
                    DoubleVector[] parts = VectorKernels.log(x);
                    parts[0].intoArray(hi, i);
                    parts[1].intoArray(lo, i);
                    VectorMask<Double> ok = logRange(x);
                    for (int l = 0; l < LANES; l++) {
                        regular[i + l] = ok.laneIsSet(l);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                log[i] = regular[i] ? hi[i] + lo[i] : Math.log(base[i]);
            }
        }

        @Override
        public void pow(double s, double[] out, int n) {
            if (simplePower(base, s, out, n)) {
                return;
            }
            DoubleVector y = DoubleVector.broadcast(SPECIES, s);
            int i = 0;
            for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
                DoubleVector h = DoubleVector.fromArray(SPECIES, hi, i);
                DoubleVector l0 = DoubleVector.fromArray(SPECIES, lo, i);
                powFromLog(h, l0, y).intoArray(out, i);
                VectorMask<Double> ok = VectorMask.fromArray(SPECIES, regular, i).and(powRange(h, l0, y));
                if (!ok.allTrue()) {
                    for (int l = 0; l < LANES; l++) {
                        if (!ok.laneIsSet(l)) {
                            out[i + l] = Math.pow(base[i + l], s);
                        }
                    }
                }
            }
            for (; i < n; i++) {
                out[i] = Math.pow(base[i], s);
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
