package dev.evosld.fit.optim;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Objectives and box helpers shared by the optimizer tests. */
final class TestProblems {

    static final double INF = Double.POSITIVE_INFINITY;

    private TestProblems() {
    }

    /** The chained Rosenbrock function Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1). */
    static final Objective ROSENBROCK = (x, g) -> {
        Arrays.fill(g, 0);
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i];
            double t = x[i + 1] - a * a;
            f += 100 * t * t + (1 - a) * (1 - a);
            g[i] += -400 * a * t - 2 * (1 - a);
            g[i + 1] += 200 * t;
        }
        return f;
    };

    /** The classic start (−1.2, 1, −1.2, 1, …). */
    static double[] rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return x;
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    static double[] unboundedBelow(int n) {
        return filled(n, Double.NEGATIVE_INFINITY);
    }

    static double[] unboundedAbove(int n) {
        return filled(n, INF);
    }

    /** f = ½ xᵀAx − bᵀx with gradient Ax − b. */
    record Quadratic(double[][] a, double[] b) implements Objective {

        @Override
        public double evaluate(double[] x, double[] gradient) {
            int n = b.length;
            double f = 0;
            for (int i = 0; i < n; i++) {
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    ax += a[i][j] * x[j];
                }
                gradient[i] = ax - b[i];
                f += x[i] * (0.5 * ax - b[i]);
            }
            return f;
        }

        double[] gradientAt(double[] x) {
            double[] g = new double[b.length];
            evaluate(x, g);
            return g;
        }

        /** Largest absolute entry of A. */
        double scaleOfA() {
            double max = 0;
            for (double[] row : a) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            return max;
        }
    }

    /** A = QᵀQ + δI with standard normal Q: symmetric positive definite, condition number moderate. */
    static double[][] randomSpd(int n, RandomGenerator random) {
        double[][] q = new double[n][n];
        for (double[] row : q) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += q[k][i] * q[k][j];
                }
                a[i][j] = sum;
            }
            a[i][i] += 0.1;
        }
        return a;
    }
}
