package dev.evosld.eval;

/**
 * The plain arithmetic loops of the evaluation core, one per operation and operand shape, simple enough
 * for C2 to vectorize on its own.
 */
final class Loops {
    private Loops() {
    }

    /**
     * The sum of {@code a[0..n)} in four interleaved partial sums: C2 does not reorder a floating-point
     * reduction, so a single accumulator is bound by the add latency. The order is fixed, so the result is
     * the same on every run.
     */
    static double sum(double[] a, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void add(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i];
        }
    }

    static void add(double[] a, double s, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] + s;
        }
    }

    static void sub(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] - b[i];
        }
    }

    static void sub(double s, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = s - b[i];
        }
    }

    static void mul(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
        }
    }

    static void mul(double[] a, double s, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * s;
        }
    }

    static void div(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] / b[i];
        }
    }

    static void div(double[] a, double s, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] / s;
        }
    }

    static void div(double s, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = s / b[i];
        }
    }

    static void pow(double s, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(s, b[i]);
        }
    }

    static void sqrt(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.sqrt(a[i]);
        }
    }

    static void abs(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.abs(a[i]);
        }
    }

    static void min(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(a[i], b[i]);
        }
    }

    static void min(double[] a, double s, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(a[i], s);
        }
    }

    static void max(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(a[i], b[i]);
        }
    }

    static void max(double[] a, double s, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(a[i], s);
        }
    }

    /** {@code out = a * b * c}. */
    static void mulMul(double[] a, double[] b, double[] c, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i] * c[i];
        }
    }

    /** {@code out = a * b * s}. */
    static void mulMul(double[] a, double[] b, double s, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i] * s;
        }
    }

    /** {@code out = -a * q / d}: the adjoint of a denominator {@code d} of the quotient {@code q}. */
    static void negProductQuotient(double[] a, double[] q, double[] d, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = -a[i] * q[i] / d[i];
        }
    }

    /** {@code out = a * 0.5 / r}: the adjoint of the argument of {@code r = sqrt(x)}. */
    static void halfQuotient(double[] a, double[] r, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * 0.5 / r[i];
        }
    }

    /** {@code out = a * signum(x)}: the adjoint of the argument of {@code abs(x)}. */
    static void mulSign(double[] a, double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * Math.signum(x[i]);
        }
    }

    /**
     * The adjoint of one operand of {@code min} or {@code max}: it receives {@code a} on the rows where it
     * was chosen (the left operand on ties). {@code y} is the right column, or null with {@code s} its
     * scalar value.
     */
    static void select(double[] a, double[] x, double[] y, double s, boolean min, boolean leftOperand,
                       double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double right = y == null ? s : y[i];
            boolean leftChosen = min ? x[i] <= right : x[i] >= right;
            out[i] = leftChosen == leftOperand ? a[i] : 0.0;
        }
    }

    /** The adjoint of the base {@code x} of {@code p = x^y}: {@code a * y * x^(y-1)}, exact also at {@code x = 0}. */
    static void powBaseDerivative(double[] a, double[] p, double[] x, double[] y, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * (x[i] != 0 ? y[i] * p[i] / x[i] : powBaseDerivativeAtZero(x[i], y[i]));
        }
    }

    static void powBaseDerivative(double[] a, double[] p, double[] x, double y, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * (x[i] != 0 ? y * p[i] / x[i] : powBaseDerivativeAtZero(x[i], y));
        }
    }

    static void powBaseDerivative(double[] a, double[] p, double x, double[] y, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * (x != 0 ? y[i] * p[i] / x : powBaseDerivativeAtZero(x, y[i]));
        }
    }

    /**
     * d/dx of {@code x^y} at a zero (or negative zero) base, where the quotient {@code y * p / x} is 0/0:
     * {@code y * x^(y-1)}, except that x^0 is the constant 1 with derivative 0, not {@code 0 * 0^-1 = 0 * inf}.
     */
    static double powBaseDerivativeAtZero(double x, double y) {
        return y == 0 ? 0 : y * Math.pow(x, y - 1);
    }

    /** {@code out[i] = 0} where {@code a[i] == 0}. */
    static void zeroWhereZero(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                out[i] = 0;
            }
        }
    }

    /**
     * The adjoint of the exponent {@code y} of {@code p = x^y}: {@code a * p * log(x)}, and 0 where the
     * power underflowed to 0 (its limit), not {@code 0 * log(inf)}.
     */
    static void powExponentDerivative(double[] a, double[] p, double[] logs, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = p[i] == 0 ? 0 : a[i] * p[i] * logs[i];
        }
    }

    static void powExponentDerivative(double[] a, double[] p, double log, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = p[i] == 0 ? 0 : a[i] * p[i] * log;
        }
    }
}
