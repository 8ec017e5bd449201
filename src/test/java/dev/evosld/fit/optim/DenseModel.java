package dev.evosld.fit.optim;

import java.util.SplittableRandom;

/**
 * The quasi-Newton matrix built the textbook way, by applying the BFGS update densely to θI pair by pair,
 * to check the compact representation and the steps that use it.
 */
final class DenseModel {

    private DenseModel() {
    }

    /** B after applying the stored pairs of {@code memory}, oldest first, to θI. */
    static double[][] bfgsMatrix(LimitedMemory memory, int n) {
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            b[i][i] = memory.theta();
        }
        for (int p = 0; p < memory.size(); p++) {
            double[] s = memory.step(p);
            double[] y = memory.gradientChange(p);
            double[] bs = times(b, s);
            double sBs = dot(s, bs);
            double ys = dot(y, s);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i][j] += -bs[i] * bs[j] / sBs + y[i] * y[j] / ys;
                }
            }
        }
        return b;
    }

    /** B v through the compact representation: θv − W M Wᵀ v. */
    static double[] compactTimes(LimitedMemory memory, double[] v) {
        int n = v.length;
        int w = 2 * memory.size();
        double[] p = new double[Math.max(w, 1)];
        double[] mp = new double[Math.max(w, 1)];
        memory.multiplyWTransposed(v, p);
        memory.multiplyMiddle(p, mp);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = memory.theta() * v[i] - memory.rowOfWTimes(i, mp);
        }
        return out;
    }

    /**
     * Fills {@code memory} with {@code pairs} curvature pairs of a random positive definite quadratic,
     * each y = A s slightly perturbed, so the pairs satisfy s·y &gt; 0 but do not come from one matrix.
     */
    static void fill(LimitedMemory memory, int n, int pairs, SplittableRandom random) {
        double[][] a = TestProblems.randomSpd(n, random);
        for (int p = 0; p < pairs; p++) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = random.nextGaussian();
            }
            double[] y = times(a, s);
            for (int i = 0; i < n; i++) {
                y[i] += 0.01 * random.nextGaussian();
            }
            double sy = dot(s, y);
            if (sy > 1e-8 * dot(y, y)) {
                memory.add(s, y, sy, dot(y, y));
            }
        }
    }

    /** m(z) − m(x) = gᵀ(z − x) + ½ (z − x)ᵀ B (z − x). */
    static double modelChange(double[][] b, double[] g, double[] x, double[] z) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = z[i] - x[i];
        }
        return dot(g, d) + 0.5 * dot(d, times(b, d));
    }

    static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Solves A z = b for symmetric positive definite A by Gaussian elimination (no pivoting needed). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[] z = b.clone();
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double f = m[i][j] / m[j][j];
                for (int k = j; k < n; k++) {
                    m[i][k] -= f * m[j][k];
                }
                z[i] -= f * z[j];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= m[i][k] * z[k];
            }
            z[i] = sum / m[i][i];
        }
        return z;
    }
}
