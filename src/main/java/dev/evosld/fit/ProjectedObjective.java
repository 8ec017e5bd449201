package dev.evosld.fit;

import dev.evosld.eval.Evaluator;
import dev.evosld.fit.optim.Objective;
import java.util.Arrays;

/**
 * The fit objective by variable projection (Golub and Pereyra): for the searched parameters {@code x},
 * the jointly linear parameters {@code c} are set to their exact least-squares optimum, so the optimizer
 * sees {@code min_c ||f(x, c) − y||²} as a function of {@code x} alone. Since the law is linear in
 * {@code c}, the columns of its Jacobian in {@code c} are the basis functions; by the envelope theorem the
 * gradient in {@code x} at the optimal {@code c} is the ordinary gradient there.
 */
final class ProjectedObjective implements Objective {
    private final Evaluator evaluator;
    private final LinearSolve linearSolve;
    private final double[] y;
    private final int n;
    private final int[] searched;
    private final double[] theta;
    private final double[] scale;
    private final double[] predictions;
    private final double[] seed;
    private final double[] gradient;
    private final double normalizer;

    ProjectedObjective(Evaluator evaluator, LinearSolve linearSolve, FitProblem problem, int[] searched,
                       double[] theta, double[] scale) {
        this.evaluator = evaluator;
        this.linearSolve = linearSolve;
        this.y = problem.y();
        this.n = problem.rows();
        this.searched = searched;
        this.theta = theta;
        this.scale = scale;
        this.predictions = new double[n];
        this.seed = new double[n];
        this.gradient = new double[theta.length];
        double sd = problem.targetStandardDeviation();
        this.normalizer = 1.0 / (n * (sd > 0 ? sd * sd : 1.0));
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        for (int j = 0; j < searched.length; j++) {
            theta[searched[j]] = x[j] * scale[j];
        }
        if (!linearSolve.solve(theta)) {
            Arrays.fill(grad, Double.NaN);
            return Double.NaN;
        }
        evaluator.forward(theta, predictions);
        double sum = 0;
        for (int r = 0; r < n; r++) {
            double residual = predictions[r] - y[r];
            sum += residual * residual;
            seed[r] = 2 * residual * normalizer;
        }
        if (!Double.isFinite(sum)) {
            Arrays.fill(grad, Double.NaN);
            return Double.NaN;
        }
        evaluator.gradient(seed, gradient);
        for (int j = 0; j < searched.length; j++) {
            grad[j] = gradient[searched[j]] * scale[j];
        }
        return sum * normalizer;
    }
}
