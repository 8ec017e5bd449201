package dev.evosld.fit;

import dev.evosld.eval.Evaluator;
import dev.evosld.eval.Program;
import dev.evosld.eval.RunText;
import dev.evosld.fit.optim.LbfgsB;
import dev.evosld.fit.optim.Objective;
import dev.evosld.fit.optim.Result;
import dev.evosld.fit.optim.Settings;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Fits a law's parameters to the rows of one group and target, by bounded L-BFGS-B on exact gradients from
 * several deterministic starts, keeping the best. Jointly linear parameters are solved exactly inside each
 * evaluation (variable projection) unless the options say otherwise.
 *
 * <p>Immutable and thread-safe; each call binds its own evaluator. Results do not depend on the number of
 * threads: every start is computed independently and the best is chosen by value, then by start index.
 */
public final class LawFitter {
    /**
     * Starts per task when the starts are spread over threads: enough that binding a runner (evaluating
     * the law's fixed nodes, preparing powers) costs little against the fits, few enough that the tasks
     * still balance across threads when there is a single group.
     */
    private static final int STARTS_PER_TASK = 16;

    private final Law law;
    private final Program program;
    /** The argument of a law {@code exp(g)}, compiled for least-squares starts on log targets; or null. */
    private final Program logProgram;
    private final ParameterSpace space;
    private final FitOptions options;
    private final Settings settings;

    private LawFitter(Law law, FitOptions options) {
        this.law = law;
        this.program = Program.compile(law);
        this.space = new ParameterSpace(law, options);
        this.logProgram = space.logInner == null ? null : Program.compile(space.logInner);
        this.options = options;
        this.settings = Settings.defaults()
            .withMaxIterations(options.maxIterations())
            .withMaxEvaluations(3 * options.maxIterations())
            .withProjectedGradientTolerance(1e-10)
            .withRelativeReductionTolerance(1e-13);
    }

    public static LawFitter of(Law law, FitOptions options) {
        return new LawFitter(law, options);
    }

    public Law law() {
        return law;
    }

    public List<ParameterRole> roles() {
        return space.roles;
    }

    /** The parameters solved by least squares inside each evaluation, in the law's order. */
    public List<String> projectedParameters() {
        return Arrays.stream(space.linear).mapToObj(k -> law.parameters().get(k)).toList();
    }

    /**
     * Fits one group and target, all starts on the calling thread.
     *
     * @param hint good values for all parameters (for example a parent law's), tried first; or null
     */
    public TargetFit fit(FitProblem problem, double[] hint) {
        if (isUnderdetermined(problem)) {
            return underdetermined(problem);
        }
        List<double[]> starts = StartPoints.generate(space, problem, startCount(problem), options.seed(), hint);
        Runner runner = new Runner(problem);
        List<Outcome> outcomes = new ArrayList<>(starts.size());
        for (int s = 0; s < starts.size(); s++) {
            outcomes.add(runner.run(starts.get(s), !isHinted(s, hint)));
        }
        return runner.finish(outcomes);
    }

    /**
     * Fits several groups and targets, spreading the starts over {@code threads} threads. The result is
     * the same for any thread count.
     */
    public List<TargetFit> fitAll(List<FitProblem> problems, List<double[]> hints, int threads) {
        if (threads <= 1) {
            List<TargetFit> fits = new ArrayList<>(problems.size());
            for (int i = 0; i < problems.size(); i++) {
                fits.add(fit(problems.get(i), hints.get(i)));
            }
            return fits;
        }
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            List<List<Future<List<Outcome>>>> futures = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                FitProblem problem = problems.get(i);
                double[] hint = hints.get(i);
                List<double[]> starts = isUnderdetermined(problem) ? List.of()
                    : StartPoints.generate(space, problem, startCount(problem), options.seed(), hint);
                List<Future<List<Outcome>>> perChunk = new ArrayList<>();
                for (int from = 0; from < starts.size(); from += STARTS_PER_TASK) {
                    int first = from;
                    int end = Math.min(starts.size(), from + STARTS_PER_TASK);
                    perChunk.add(pool.submit(() -> {
                        // one binding for the chunk's starts, as fit() has for all: a start's outcome does
                        // not depend on the runner's earlier starts
                        Runner runner = new Runner(problem);
                        List<Outcome> outcomes = new ArrayList<>(end - first);
                        for (int s = first; s < end; s++) {
                            outcomes.add(runner.run(starts.get(s), !isHinted(s, hint)));
                        }
                        return outcomes;
                    }));
                }
                futures.add(perChunk);
            }
            List<TargetFit> fits = new ArrayList<>(problems.size());
            for (int i = 0; i < problems.size(); i++) {
                if (isUnderdetermined(problems.get(i))) {
                    fits.add(underdetermined(problems.get(i)));
                    continue;
                }
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<List<Outcome>> future : futures.get(i)) {
                    outcomes.addAll(future.get());
                }
                fits.add(new Runner(problems.get(i)).finish(outcomes));
            }
            return fits;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fitting interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fitting failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Whether the problem has fewer rows than the law has parameters: its values would be one arbitrary choice
     * among many that fit equally well, and a prediction from them a guess presented as a fit.
     */
    private boolean isUnderdetermined(FitProblem problem) {
        return problem.rows() < law.parameterCount();
    }

    private TargetFit underdetermined(FitProblem problem) {
        return new TargetFit(problem.group(), problem.target(), new double[0], Double.NaN,
            (problem.rows() == 1 ? "1 run" : problem.rows() + " runs") + " to fit " + law.parameterCount()
                + " parameters on (a law needs at least as many runs per group as parameters)", 0, 0, 0, 0);
    }

    /** The largest power of two at most {@code value} (positive and finite), within the normal range. */
    static double powerOfTwo(double value) {
        return Math.scalb(1.0, Math.max(Double.MIN_EXPONENT, Math.min(Double.MAX_EXPONENT, Math.getExponent(value))));
    }

    /** Whether start {@code s} is the hint, which {@link StartPoints} puts first when it is usable. */
    private boolean isHinted(int s, double[] hint) {
        return s == 0 && hint != null && hint.length == space.size();
    }

    /** Whether the problem's jointly linear parameters are solved in every evaluation. */
    private boolean isProjected(FitProblem problem) {
        return space.linear.length > 0 && problem.rows() >= space.linear.length;
    }

    /**
     * One start when least squares sets every parameter, projected or at the start of a search: all starts
     * then end alike.
     */
    private int startCount(FitProblem problem) {
        boolean allSolved = isProjected(problem) ? space.nonlinear.length == 0
            : space.leastSquares.length == space.size() && problem.rows() >= space.size();
        return allSolved ? 1 : options.starts();
    }

    /** One start's result: all parameter values and the objective there. */
    private record Outcome(double[] theta, double value, int iterations, int evaluations) {
        boolean isBetterThan(Outcome other) {
            // NaN never wins; ties keep the earlier start, so the choice does not depend on scheduling
            return Double.isFinite(value) && (other == null || !Double.isFinite(other.value) || value < other.value);
        }
    }

    /** The per-problem work arrays; one per thread. */
    private final class Runner {
        private final FitProblem problem;
        private final Evaluator evaluator;
        private final boolean projected;
        private final int[] searched;
        /** Solves the linear parameters: in every evaluation when projected, else once per start. */
        private final LinearSolve linearSolve;
        /** Solves {@link ParameterSpace#logLinear} on the log targets, once per start; null if not applicable. */
        private final LinearSolve logLinearSolve;
        private final double[] predictions;
        private final double[][] jacobian;
        /** The target's standard deviation, which every start's scales and objective need. */
        private final double sd;
        /** The optimizer, reused by every start: it holds only work arrays between minimizations. */
        private LbfgsB optimizer;

        Runner(FitProblem problem) {
            this.problem = problem;
            this.sd = problem.targetStandardDeviation();
            // the preferred kernels give the same bits in every JVM state, so fits are reproducible with them
            this.evaluator = program.bind(problem.rows(), problem.columns());
            this.projected = isProjected(problem);
            this.searched = projected ? space.nonlinear : allIndices();
            int[] solvable = projected ? space.linear : space.leastSquares;
            this.linearSolve = solvable.length > 0 && problem.rows() >= solvable.length
                ? new LinearSolve(evaluator, problem, solvable, space.size()) : null;
            this.logLinearSolve = logLinearSolve(problem);
            this.predictions = new double[problem.rows()];
            this.jacobian = projected ? null : new double[space.size()][problem.rows()];
        }

        private LinearSolve logLinearSolve(FitProblem problem) {
            if (logProgram == null || problem.rows() < space.logLinear.length) {
                return null;
            }
            double[] logY = new double[problem.rows()];
            for (int r = 0; r < logY.length; r++) {
                logY[r] = Math.log(problem.y()[r]);
                if (!Double.isFinite(logY[r])) {
                    return null;
                }
            }
            FitProblem logProblem = new FitProblem(problem.group(), problem.target(), problem.rows(),
                problem.columns(), logY);
            return new LinearSolve(logProgram.bind(problem.rows(), problem.columns()), logProblem,
                space.logLinear, space.size());
        }

        private int[] allIndices() {
            int[] all = new int[space.size()];
            Arrays.setAll(all, k -> k);
            return all;
        }

        /**
         * @param logLink whether to start a law {@code exp(g)} from the least-squares fit of {@code g}'s
         *     linear parameters to the log targets: generic starts of such laws tend to predict e^10 for
         *     losses near 3, where the optimizer spends most of its iterations (a hint is kept as it is)
         */
        Outcome run(double[] start, boolean logLink) {
            double[] theta = start.clone();
            if (logLink && logLinearSolve != null) {
                double[] solved = theta.clone();
                if (logLinearSolve.solve(solved)) {
                    theta = StartPoints.clamp(space, solved);
                }
            }
            if (!projected && linearSolve != null) {
                // Searching the linear parameters too, start them at their least-squares values for the
                // start's other parameters: a typical value of 1 can be orders of magnitude off.
                double[] solved = theta.clone();
                if (linearSolve.solve(solved)) {
                    theta = solved;
                }
            }
            double[] scale = scales(theta);
            double[] x = new double[searched.length];
            double[] lower = new double[searched.length];
            double[] upper = new double[searched.length];
            for (int j = 0; j < searched.length; j++) {
                int k = searched[j];
                x[j] = theta[k] / scale[j];
                lower[j] = space.lower[k] / scale[j];
                upper[j] = space.upper[k] / scale[j];
            }
            Objective objective = projected
                ? new ProjectedObjective(evaluator, linearSolve, problem, sd, searched, theta, scale)
                : new DirectObjective(evaluator, problem, sd, searched, theta, scale, options.loss(),
                    options.huberDelta() * huberScale(sd));
            if (searched.length == 0) {
                double value = objective.evaluate(x, new double[0]);
                return new Outcome(theta.clone(), value, 0, 1);
            }
            if (optimizer == null) {
                optimizer = new LbfgsB(searched.length, settings);
            }
            Result result = optimizer.minimize(objective, x, lower, upper);
            // re-evaluate at the optimum so that theta holds it (and, projected, its linear parameters)
            double value = objective.evaluate(result.point(), new double[searched.length]);
            return new Outcome(theta.clone(), value, result.iterations(), result.evaluations() + 1);
        }

        /**
         * The optimizer works on {@code x = theta / scale}. Each scale is a power of two, so that
         * {@code theta = x * scale} and the scaled bounds are exact: with any other scale, upper / scale *
         * scale can round past the bound.
         *
         * <p>Projected, the searched parameters are exponents (scale 1) and shape parameters (scaled by
         * their magnitude). Searching all parameters, the scales follow the Jacobian at the start:
         * {@code scale_j = sd(y) / rms(d prediction / d theta_j)} makes every diagonal entry of the
         * Gauss-Newton matrix of the objective 2, which matters when the features span many decades (the
         * derivative in A of A*N^-alpha is A*ln(N) times smaller than the one in alpha: thousands of times).
         */
        private double[] scales(double[] theta) {
            double[] scale = new double[searched.length];
            boolean useJacobian = jacobian != null && sd > 0 && searched.length > 0
                && predictsSanely(theta, sd);
            if (useJacobian) {
                evaluator.jacobian(jacobian);
            }
            for (int j = 0; j < searched.length; j++) {
                int k = searched[j];
                double wanted = Double.NaN;
                if (useJacobian) {
                    double sum = 0;
                    for (double v : jacobian[k]) {
                        sum += v * v;
                    }
                    wanted = sd / Math.sqrt(sum / problem.rows());
                }
                if (!(wanted > 0 && wanted < Double.POSITIVE_INFINITY)) {
                    double magnitude = Math.abs(theta[k]);
                    wanted = space.roles.get(k) == ParameterRole.EXPONENT || !(magnitude > 0 && magnitude < Double.POSITIVE_INFINITY)
                        ? 1 : magnitude;
                }
                scale[j] = powerOfTwo(wanted);
            }
            return scale;
        }

        /**
         * Whether the predictions at {@code theta} are no further from the targets, in mean square, than
         * their mean is (after a least-squares start, always when the law has an offset). Only then is the
         * Jacobian there a guide to the region the optimizer searches: from a start that predicts e^20 for
         * losses near 3, it would shrink every step to nothing.
         */
        private boolean predictsSanely(double[] theta, double sd) {
            evaluator.forward(theta, predictions);
            double sum = 0;
            for (int r = 0; r < problem.rows(); r++) {
                double residual = predictions[r] - problem.y()[r];
                sum += residual * residual;
            }
            return sum <= problem.rows() * sd * sd;
        }

        /**
         * Where the law breaks down, for a user to see why no fit was found: the run most starts predicted a
         * non-finite value for (the first of equals) by its features, and how many more did as badly; empty if
         * every prediction was finite.
         */
        private String breakdown(List<Outcome> outcomes) {
            int[] counts = new int[problem.rows()];
            for (Outcome outcome : outcomes) {
                evaluator.forward(outcome.theta, predictions);
                for (int r = 0; r < problem.rows(); r++) {
                    if (!Double.isFinite(predictions[r])) {
                        counts[r]++;
                    }
                }
            }
            int worst = 0;
            for (int r = 1; r < counts.length; r++) {
                if (counts[r] > counts[worst]) {
                    worst = r;
                }
            }
            if (counts.length == 0 || counts[worst] == 0) {
                return "";
            }
            String run = RunText.at(law.variables(), problem.columns(), worst);
            int most = counts[worst];
            long others = Arrays.stream(counts).filter(count -> count == most).count() - 1;
            if (others > 0) {
                run += " and " + others + " more run" + (others == 1 ? "" : "s");
            }
            return "; " + run + " gave a non-finite prediction " + (most == outcomes.size()
                ? "at every start" : "at " + most + " of " + outcomes.size() + " starts");
        }

        /** The best of the starts' outcomes (the earliest of equals), as a fit. */
        TargetFit finish(List<Outcome> outcomes) {
            Outcome best = null;
            int iterations = 0;
            int evaluations = 0;
            for (Outcome outcome : outcomes) {
                iterations += outcome.iterations;
                evaluations += outcome.evaluations;
                if (outcome.isBetterThan(best)) {
                    best = outcome;
                }
            }
            if (best == null) {
                String where = breakdown(outcomes);
                double largest = Arrays.stream(problem.y()).map(Math::abs).max().orElse(0);
                String failure = !where.isEmpty() || largest < 1e150
                    ? "no start gave finite predictions on all " + problem.rows() + " rows" + where
                    // finite predictions whose squared errors overflow: only targets this large get there
                    : "the squared errors overflow a double at every start, as the target reaches "
                        + RunText.number(largest) + "; rescale it (a law fitted to target / 1e100, say)";
                return new TargetFit(problem.group(), problem.target(), new double[0], Double.NaN, failure,
                    iterations, evaluations, outcomes.size(), 0);
            }
            double worstAtBest = best.value + TargetFit.SAME_OPTIMUM * Math.abs(best.value) + 1e-9;
            int startsAtBest = (int) outcomes.stream().filter(o -> o.value <= worstAtBest).count();
            double[] predictions = new double[problem.rows()];
            evaluator.forward(best.theta, predictions);
            double sum = 0;
            for (int r = 0; r < problem.rows(); r++) {
                double residual = predictions[r] - problem.y()[r];
                sum += residual * residual;
            }
            if (!Double.isFinite(sum)) {
                return new TargetFit(problem.group(), problem.target(), new double[0], Double.NaN,
                    "the best fit has non-finite predictions", iterations, evaluations, outcomes.size(), 0);
            }
            return new TargetFit(problem.group(), problem.target(), best.theta, sum / problem.rows(), null,
                iterations, evaluations, outcomes.size(), startsAtBest);
        }
    }

    /**
     * What Huber's threshold is a fraction of: the target's standard deviation, or 1 for a constant target (as
     * the objective's normalizer takes it), where a threshold of 0 would make every residual cost nothing.
     */
    private static double huberScale(double sd) {
        return sd > 0 ? sd : 1.0;
    }
}
