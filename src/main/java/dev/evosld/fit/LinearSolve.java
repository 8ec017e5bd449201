package dev.evosld.fit;

import dev.evosld.eval.Evaluator;

/**
 * Sets a law's jointly linear parameters to their least-squares optimum given all the others: with
 * {@code f = f0 + sum_j c_j * f_j}, the basis functions {@code f_j} are the columns of the Jacobian in
 * {@code c} (which does not depend on {@code c}), and {@code c} solves {@code min ||F c - (y - f0)||}.
 * Owns its work arrays: one per evaluator, not thread-safe.
 */
final class LinearSolve {
    private final Evaluator evaluator;
    private final double[] y;
    private final int n;
    private final int[] linear;
    private final double[] predictions;
    private final double[][] jacobian;
    private final SmallLeastSquares leastSquares;

    /** @param linear the indices of jointly linear parameters; at most {@code problem.rows()} of them */
    LinearSolve(Evaluator evaluator, FitProblem problem, int[] linear, int parameterCount) {
        this.evaluator = evaluator;
        this.y = problem.y();
        this.n = problem.rows();
        this.linear = linear;
        this.predictions = new double[n];
        this.jacobian = new double[parameterCount][n];
        // column pivoting keeps the solve stable when two basis functions are (nearly) collinear
        this.leastSquares = new SmallLeastSquares(n, linear.length);
    }


    /**
     * Sets the linear parameters in {@code theta} to their least-squares optimum for its other values.
     *
     * @return false, leaving {@code theta} in an unspecified state, if a prediction, basis function or
     *     solution is not finite
     */
    boolean solve(double[] theta) {
        for (int k : linear) {
            theta[k] = 0;
        }
        evaluator.forward(theta, predictions);
        evaluator.jacobian(jacobian, linear);
        double[] rest = leastSquares.rhs();
        for (int r = 0; r < n; r++) {
            rest[r] = y[r] - predictions[r];
        }
        for (int j = 0; j < linear.length; j++) {
            System.arraycopy(jacobian[linear[j]], 0, leastSquares.column(j), 0, n);
        }
        double[] solution = leastSquares.solve();
        if (solution == null) {
            return false;
        }
        for (int j = 0; j < linear.length; j++) {
            if (!Double.isFinite(solution[j])) {
                return false;
            }
            theta[linear[j]] = solution[j];
        }
        return true;
    }
}
