package dev.evosld.fit;

import dev.evosld.eval.Evaluator;
import dev.evosld.fit.optim.Objective;
import java.util.Arrays;

/**
 * The fit objective with every fitted parameter an optimizer variable: the mean loss over the rows,
 * divided by the target's variance so that tolerances mean the same for every task. The optimizer works
 * on {@code x = theta / scale}, so that parameters of very different magnitudes are equally easy to move.
 */
final class DirectObjective implements Objective {
    private final Evaluator evaluator;
    private final double[] y;
    private final int n;
    private final int[] searched;
    private final double[] theta;
    private final double[] scale;
    private final double[] predictions;
    private final double[] seed;
    private final double[] gradient;
    private final Loss loss;
    private final double delta;
    private final double normalizer;

    DirectObjective(Evaluator evaluator, FitProblem problem, int[] searched, double[] theta, double[] scale,
                    Loss loss, double delta) {
        this(evaluator, problem, problem.targetStandardDeviation(), searched, theta, scale, loss, delta);
    }

    /** @param sd the problem's {@link FitProblem#targetStandardDeviation()}, computed once for all starts */
    DirectObjective(Evaluator evaluator, FitProblem problem, double sd, int[] searched, double[] theta,
                    double[] scale, Loss loss, double delta) {
        this.evaluator = evaluator;
        this.y = problem.y();
        this.n = problem.rows();
        this.searched = searched;
        this.theta = theta;
        this.scale = scale;
        this.predictions = new double[n];
        this.seed = new double[n];
        this.gradient = new double[theta.length];
        this.loss = loss;
        this.delta = delta;
        this.normalizer = 1.0 / (n * (sd > 0 ? sd * sd : 1.0));
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        for (int j = 0; j < searched.length; j++) {
            theta[searched[j]] = x[j] * scale[j];
        }
        return evaluateAtTheta(grad);
    }

    /**
     * The objective at the current {@code theta} (which the caller may have changed beyond the searched
     * parameters), with the gradient in the scaled searched parameters.
     */
    double evaluateAtTheta(double[] grad) {
        evaluator.forward(theta, predictions);
        double sum = 0;
        for (int r = 0; r < n; r++) {
            double residual = predictions[r] - y[r];
            if (loss == Loss.SQUARED || Math.abs(residual) <= delta) {
                sum += residual * residual;
                seed[r] = 2 * residual * normalizer;
            } else {
                sum += 2 * delta * Math.abs(residual) - delta * delta;
                seed[r] = 2 * delta * Math.signum(residual) * normalizer;
            }
        }
        if (!Double.isFinite(sum)) {
            Arrays.fill(grad, Double.NaN);
            return Double.NaN;
        }
        evaluator.gradient(seed, gradient, searched);
        for (int j = 0; j < searched.length; j++) {
            grad[j] = gradient[searched[j]] * scale[j];
        }
        return sum * normalizer;
    }
}
