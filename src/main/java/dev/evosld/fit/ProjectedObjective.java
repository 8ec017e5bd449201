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
    private final LinearSolve linearSolve;
    private final DirectObjective direct;
    private final int[] searched;
    private final double[] theta;
    private final double[] scale;

    ProjectedObjective(Evaluator evaluator, LinearSolve linearSolve, FitProblem problem, int[] searched,
                       double[] theta, double[] scale) {
        this(evaluator, linearSolve, problem, problem.targetStandardDeviation(), searched, theta, scale);
    }

    /** @param sd the problem's {@link FitProblem#targetStandardDeviation()}, computed once for all starts */
    ProjectedObjective(Evaluator evaluator, LinearSolve linearSolve, FitProblem problem, double sd, int[] searched,
                       double[] theta, double[] scale) {
        this.linearSolve = linearSolve;
        this.direct = new DirectObjective(evaluator, problem, sd, searched, theta, scale, Loss.SQUARED, 0);
        this.searched = searched;
        this.theta = theta;
        this.scale = scale;
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
        return direct.evaluateAtTheta(grad);
    }
}
