package dev.evosld.eval;

/** {@link Kernels} on {@code java.lang.Math}: the reference the vector kernels are tested against. */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public void exp(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    @Override
    public void expScaled(double s, double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(s * a[i]);
        }
    }

    @Override
    public void log(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.log(a[i]);
        }
    }

    @Override
    public void pow(double[] a, double s, double[] out, double[] work, int n) {
        pow(a, s, out, n);
    }

    private static void pow(double[] a, double s, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(a[i], s);
        }
    }

    @Override
    public void pow(double[] a, double[] b, double[] out, double[] work, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(a[i], b[i]);
        }
    }

    @Override
    public PowerBase powerBase(double[] a, int n) {
        double[] base = a.clone();
        double[] log = new double[n];
        log(base, log, n);
        return new PowerBase() {
            @Override
            public void pow(double s, double[] out, int count) {
                ScalarKernels.pow(base, s, out, count);
            }

            @Override
            public double[] log() {
                return log;
            }
        };
    }

    @Override
    public String name() {
        return "scalar";
    }
}
