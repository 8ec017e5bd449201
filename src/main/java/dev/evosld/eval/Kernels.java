package dev.evosld.eval;

/**
 * The transcendental loops of the evaluation core, the only ones worth hand-vectorizing: C2 already
 * auto-vectorizes the plain arithmetic loops, but not {@code Math.exp/log/pow}. Two implementations
 * exist: {@link #scalar()} with {@code java.lang.Math}, and a Vector API one used when the
 * {@code jdk.incubator.vector} module is present. They agree to a few ulps, except that the vector pow may
 * drift by up to {@code 3|y log x|} ulps more (see {@code VectorKernels}).
 *
 * <p>Both are deterministic: the same inputs give the same bits whether the JIT has compiled the loop or
 * not. (The Vector API's own {@code EXP/LOG/POW} operators are not: their fallback and their intrinsic
 * differ in the last bit, so the vector kernels build these functions from exactly specified lane
 * arithmetic instead.)
 */
public interface Kernels {

    /** {@code out[i] = exp(a[i])} for {@code i < n}. */
    void exp(double[] a, double[] out, int n);

    /** {@code out[i] = exp(s * a[i])}. */
    void expScaled(double s, double[] a, double[] out, int n);

    /** {@code out[i] = log(a[i])}. */
    void log(double[] a, double[] out, int n);

    /**
     * {@code out[i] = pow(a[i], s)}.
     *
     * @param work at least n doubles the kernel may overwrite (the vector kernels keep half of a logarithm
     *     there), other than {@code a} and {@code out}; {@code out} must not be {@code a} either
     */
    void pow(double[] a, double s, double[] out, double[] work, int n);

    /** {@code out[i] = pow(a[i], b[i])}; {@code work} and {@code out} as for the power with one exponent. */
    void pow(double[] a, double[] b, double[] out, double[] work, int n);

    /**
     * Prepares a column that is raised to many different powers (a data column under a fitted exponent):
     * what the kernel can compute once, it does here.
     */
    PowerBase powerBase(double[] a, int n);

    /** A prepared base column: {@code pow(base, s)} for any s, and the base's logarithm. */
    interface PowerBase {
        /** {@code out[i] = pow(base[i], s)}. */
        void pow(double s, double[] out, int n);

        /** {@code log(base[i])}, read-only. */
        double[] log();
    }

    /** A short name for reports: "scalar" or "vector-512" and the like. */
    String name();

    /** The {@code java.lang.Math} kernels, always available. */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * The Vector API kernels when the {@code jdk.incubator.vector} module is in the boot layer and the
     * system property {@code evosld.vector} is not {@code false}; else the scalar kernels.
     */
    static Kernels preferred() {
        return Preferred.KERNELS;
    }

    /** Loads the vector kernels lazily, and only reflectively, so that no class links against the incubator module without it. */
    final class Preferred {
        private static final Kernels KERNELS = choose();

        private Preferred() {
        }

        private static Kernels choose() {
            boolean wanted = !"false".equalsIgnoreCase(System.getProperty("evosld.vector"));
            if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                try {
                    return (Kernels) Class.forName("dev.evosld.eval.VectorKernels")
                        .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    return scalar();
                }
            }
            return scalar();
        }
    }
}
