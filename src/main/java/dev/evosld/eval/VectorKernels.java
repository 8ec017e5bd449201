package dev.evosld.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Vector API. Each operator is a compile-time constant in its own loop: a
 * {@code VectorOperators} value chosen at run time is not intrinsified (see the stack probe). The tail
 * that does not fill a vector uses {@code java.lang.Math}.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    VectorKernels() {
    }

    @Override
    public void exp(double[] a, double[] out, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, a, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.exp(a[i]);
        }
    }

    @Override
    public void expScaled(double s, double[] a, double[] out, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, a, i).mul(s).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.exp(s * a[i]);
        }
    }

    @Override
    public void log(double[] a, double[] out, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, a, i).lanewise(VectorOperators.LOG).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.log(a[i]);
        }
    }

    @Override
    public void pow(double[] a, double s, double[] out, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, a, i).lanewise(VectorOperators.POW, s).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.pow(a[i], s);
        }
    }

    @Override
    public void pow(double[] a, double[] b, double[] out, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i);
            x.lanewise(VectorOperators.POW, DoubleVector.fromArray(SPECIES, b, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.pow(a[i], b[i]);
        }
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }
}
