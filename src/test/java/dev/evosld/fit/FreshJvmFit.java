package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.log;

import dev.evosld.law.Law;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small fit whose result, printed bit for bit, is compared across JVMs by {@link LawFitterDeterminismTest}.
 * The law leans on {@code exp}, {@code log} and {@code pow}, whose vectorized forms round differently once
 * C2 has compiled them.
 */
final class FreshJvmFit {
    static final Law LAW = Law.parse("E + A*N^(-alpha) + B*exp(beta*log(D))", List.of("N", "D"));

    private FreshJvmFit() {
    }

    static TargetFit fit(boolean projection) {
        double[][] columns = Synthetic.columns(37, List.of(log(1e7, 1e10), log(1e9, 1e12)), 4);
        double[] y = Synthetic.predict(LAW, columns, new double[] {1.69, 406.4, 0.34, 410.7, -0.28});
        SplittableRandom noise = new SplittableRandom(8);
        for (int r = 0; r < y.length; r++) {
            y[r] *= 1 + 0.01 * noise.nextGaussian();
        }
        FitOptions options = FitOptions.defaults().withStarts(4).withVariableProjection(projection);
        return LawFitter.of(LAW, options).fit(new FitProblem("g", "y", y.length, columns, y), null);
    }

    /** The fit's parameters as raw bits, its MSE's bits and its counts: equal strings mean identical fits. */
    static String fingerprint(TargetFit fit) {
        StringBuilder s = new StringBuilder();
        for (double p : fit.parameters()) {
            s.append(Long.toHexString(Double.doubleToRawLongBits(p))).append(' ');
        }
        return s.append(Long.toHexString(Double.doubleToRawLongBits(fit.mse()))).append(' ')
            .append(fit.iterations()).append(' ').append(fit.evaluations()).toString();
    }

    public static void main(String[] args) {
        System.out.println(fingerprint(fit(true)) + " / " + fingerprint(fit(false)));
    }
}
