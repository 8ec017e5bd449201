package dev.evosld.fit;

import dev.evosld.eval.Evaluator;
import dev.evosld.fit.optim.Objective;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The fit objective by variable projection (Golub and Pereyra): for the searched parameters {@code x},
 * the jointly linear parameters {@code c} are set to their exact least-squares optimum, so the optimizer
 * sees {@code min_c ||f(x, c) − y||²} as a function of {@code x} alone. Since the law is linear in
 * {@code c}, the columns of its Jacobian in {@code c} are the basis functions; by the envelope theorem the
 * gradient in {@code x} at the optimal {@code c} is the ordinary gradient there.
 */
final class ProjectedObjective implements Objective {
    private final Evaluator evaluator;
    private final DirectObjective direct;
    private final double[] y;
    private final int n;
    private final int[] searched;
    private final int[] linear;
    private final double[] theta;
    private final double[] scale;
    private final double[] predictions;
    private final double[][] jacobian;
    private final DMatrixRMaj basis;
    private final DMatrixRMaj rest;
    private final DMatrixRMaj solution;
    private final LinearSolverDense<DMatrixRMaj> solver;

    ProjectedObjective(Evaluator evaluator, FitProblem problem, int[] searched, int[] linear, double[] theta,
                       double[] scale) {
        this.evaluator = evaluator;
        this.direct = new DirectObjective(evaluator, problem, searched, theta, scale, Loss.SQUARED, 0);
        this.y = problem.y();
        this.n = problem.rows();
        this.searched = searched;
        this.linear = linear;
        this.theta = theta;
        this.scale = scale;
        this.predictions = new double[n];
        this.jacobian = new double[theta.length][n];
        this.basis = new DMatrixRMaj(n, linear.length);
        this.rest = new DMatrixRMaj(n, 1);
        this.solution = new DMatrixRMaj(linear.length, 1);
        // column pivoting keeps the solve stable when two basis functions are (nearly) collinear
        this.solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        for (int j = 0; j < searched.length; j++) {
            theta[searched[j]] = x[j] * scale[j];
        }
        if (!solveLinear()) {
            Arrays.fill(grad, Double.NaN);
            return Double.NaN;
        }
        return direct.evaluateAtTheta(grad);
    }

    /** Sets the linear parameters in {@code theta} to their least-squares optimum; false if that fails. */
    boolean solveLinear() {
        for (int k : linear) {
            theta[k] = 0;
        }
        evaluator.forward(theta, predictions);
        evaluator.jacobian(jacobian);
        double[] a = basis.data;
        int columns = linear.length;
        for (int r = 0; r < n; r++) {
            double base = predictions[r];
            if (!Double.isFinite(base)) {
                return false;
            }
            rest.data[r] = y[r] - base;
            for (int j = 0; j < columns; j++) {
                double v = jacobian[linear[j]][r];
                if (!Double.isFinite(v)) {
                    return false;
                }
                a[r * columns + j] = v;
            }
        }
        if (!solver.setA(basis)) {
            return false;
        }
        solver.solve(rest, solution);
        for (int j = 0; j < columns; j++) {
            double c = solution.data[j];
            if (!Double.isFinite(c)) {
                return false;
            }
            theta[linear[j]] = c;
        }
        return true;
    }
}
