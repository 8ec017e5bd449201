package dev.evosld.eval;

/**
 * The transcendental loops of the evaluation core, the only ones worth hand-vectorizing: C2 already
 * auto-vectorizes the plain arithmetic loops, but not {@code Math.exp/log/pow}. Two implementations
 * exist: {@link #scalar()} with {@code java.lang.Math}, and a Vector API one used when the
 * {@code jdk.incubator.vector} module is present. They agree to a few ulps.
 */
public interface Kernels {

    /** {@code out[i] = exp(a[i])} for {@code i < n}. */
    void exp(double[] a, double[] out, int n);

    /** {@code out[i] = exp(s * a[i])}. */
    void expScaled(double s, double[] a, double[] out, int n);

    /** {@code out[i] = log(a[i])}. */
    void log(double[] a, double[] out, int n);

    /** {@code out[i] = pow(a[i], s)}. */
    void pow(double[] a, double s, double[] out, int n);

    /** {@code out[i] = pow(a[i], b[i])}. */
    void pow(double[] a, double[] b, double[] out, int n);

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
