package dev.evosld.fit;

import dev.evosld.fit.optim.Objective;

/** Finite differences of an objective, to check its analytic gradient against. */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** The central difference of {@code objective} at {@code x} along coordinate {@code j}, with step {@code h}. */
    static double central(Objective objective, double[] x, int j, double h) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[j] += h;
        minus[j] -= h;
        double[] scratch = new double[x.length];
        return (objective.evaluate(plus, scratch) - objective.evaluate(minus, scratch)) / (plus[j] - minus[j]);
    }
}
