package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.linear;
import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.fit.Synthetic.Range;
import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LawFitterRecoveryTest {

    /** A law, its variables' ranges and the true parameters, in the law's parameter order. */
    record Case(String name, String formula, List<String> variables, List<Range> ranges, double[] truth,
                UnaryOperator<double[]> canonical) {
        Case(String name, String formula, List<String> variables, List<Range> ranges, double[] truth) {
            this(name, formula, variables, ranges, truth, UnaryOperator.identity());
        }

        Law law() {
            return Law.parse(formula, variables);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("power law", "E + A*N^(-alpha)", List.of("N"), List.of(log(1e6, 1e9)),
                new double[] {1.7, 406.4, 0.34}),
            // features over three decades each: the derivatives in A and alpha differ by a factor of thousands
            new Case("chinchilla", "E + A*N^(-alpha) + B*D^(-beta)", List.of("N", "D"),
                List.of(log(1e7, 1e10), log(1e9, 1e12)), new double[] {1.69, 406.4, 0.34, 410.7, 0.28}),
            // every function of this family has a second exact fit with alpha < 0, compared after mapping back
            new Case("saturating", "A/(D^alpha + B) + C", List.of("D"), List.of(log(200, 409600)),
                new double[] {20, 0.3, 10, 1.0}, Synthetic::saturatingWithPositiveExponent),
            new Case("exponential mixture", "c + k*exp(t1*x1 + t2*x2)", List.of("x1", "x2"),
                List.of(linear(0, 1), linear(0, 1)), new double[] {2.0, 0.5, 1.3, -0.7}),
            new Case("polynomial", "c0 + c1*x + c2*x^2 + c3*x^3", List.of("x"), List.of(linear(-2, 2)),
                new double[] {0.5, -1.25, 0.75, 0.125}),
            new Case("log-linear", "exp(a*log(N) + b)", List.of("N"), List.of(log(1e7, 1e10)),
                new double[] {-0.05, 1.5}));
    }

    static Stream<Arguments> casesWithProjection() {
        return cases().flatMap(c -> Stream.of(Arguments.of(c, true), Arguments.of(c, false)));
    }

    @ParameterizedTest(name = "{0}, projection {1}")
    @MethodSource("casesWithProjection")
    void recoversParametersFromNoiselessData(Case c, boolean projection) {
        Law law = c.law();
        assertEquals(c.truth().length, law.parameterCount(), "parameter count of " + c.formula());
        FitProblem problem = Synthetic.problem(law, Synthetic.columns(40, c.ranges(), 11), c.truth());
        FitOptions options = FitOptions.defaults().withStarts(8).withVariableProjection(projection);

        TargetFit fit = LawFitter.of(law, options).fit(problem, null);

        assertFalse(fit.isFailure(), fit::toString);
        double[] fitted = c.canonical().apply(fit.parameters());
        assertTrue(Synthetic.relativeError(fitted, c.truth(), 1e-3) < 1e-6,
            () -> "recovered " + Arrays.toString(fitted) + ", true " + Arrays.toString(c.truth()));
        // R² = 1 up to rounding and the optimizer's tolerances
        assertTrue(fit.mse() < 1e-14 * variance(problem),
            () -> "train MSE " + fit.mse() + ", target variance " + variance(problem));
    }

    static Stream<Arguments> sizesInsideExp() {
        // k is a size like N, far past an exponent's bounds (as a divisor, and as a numerator over N alone);
        // searched with A, it needs more than a handful of starts
        return Stream.of("E + A*exp(-N/k)", "E + A*exp(-k/N)").flatMap(formula ->
            Stream.of(true, false).map(projection -> Arguments.of(formula, projection)));
    }

    @ParameterizedTest(name = "{0}, projection {1}")
    @MethodSource("sizesInsideExp")
    void recoversASizeInsideExpFarPastAnExponentsBounds(String formula, boolean projection) {
        Law law = Law.parse(formula, List.of("N"));
        double[] truth = {2.0, 1.5, 5e8};
        FitProblem problem = Synthetic.problem(law, Synthetic.columns(40, List.of(log(1e7, 3e9)), 11), truth);

        TargetFit fit = LawFitter.of(law, FitOptions.defaults().withStarts(32).withVariableProjection(projection))
            .fit(problem, null);

        assertFalse(fit.isFailure(), fit::toString);
        assertTrue(Synthetic.relativeError(fit.parameters(), truth, 1e-3) < 1e-6,
            () -> "recovered " + Arrays.toString(fit.parameters()));
    }

    private static double variance(FitProblem problem) {
        return problem.targetStandardDeviation() * problem.targetStandardDeviation();
    }

    @Test
    void allLinearLawIsSolvedWithoutTheOptimizerFromOneStart() {
        Case polynomial = cases().filter(c -> c.name().equals("polynomial")).findFirst().orElseThrow();
        FitProblem problem = Synthetic.problem(polynomial.law(), Synthetic.columns(40, polynomial.ranges(), 11),
            polynomial.truth());

        TargetFit fit = LawFitter.of(polynomial.law(), FitOptions.defaults()).fit(problem, null);

        assertEquals(0, fit.iterations());
        assertEquals(1, fit.evaluations());
        assertEquals(1, fit.starts());
        assertEquals(1, fit.startsAtBest());
        assertFalse(fit.isSingleStartOptimum(), "one start that cannot disagree with another is not a warning");
        assertTrue(Synthetic.relativeError(fit.parameters(), polynomial.truth(), 1e-3) < 1e-12, fit::toString);
    }

    @Test
    void logLinearLawStartsAtItsLeastSquaresFitOnLogTargets() {
        // exp(g) with g linear in a, b, d: least squares on log(y) sets them exactly, so a single start that
        // would otherwise predict e^(N^0.5) is already at the optimum
        Law law = Law.parse("exp(a*log(N) + b*log(E)*log(N) + d)", List.of("N", "E"));
        double[] truth = {-0.07, 0.004, 2.1};
        FitProblem problem = Synthetic.problem(law,
            Synthetic.columns(60, List.of(Synthetic.Range.log(1e7, 1e9), Synthetic.Range.log(1, 512)), 5), truth);

        TargetFit fit = LawFitter.of(law, FitOptions.defaults().withStarts(1)).fit(problem, null);

        assertTrue(fit.iterations() <= 2, fit::toString);
        assertTrue(Synthetic.relativeError(fit.parameters(), truth, 1e-3) < 1e-9, fit::toString);
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {true, false})
    void collinearLinearParametersStillFit(boolean projection) {
        // A and B multiply the same basis function: only A + B is determined, and the pivoted QR must cope
        Law law = Law.parse("E + A*N^(-alpha) + B*N^(-alpha)", List.of("N"));
        double[][] columns = Synthetic.columns(30, List.of(log(1e6, 1e9)), 2);
        FitProblem problem = new FitProblem("g", "y", 30, columns,
            Synthetic.predict(Law.parse("E + A*N^(-alpha)", List.of("N")), columns, new double[] {1.7, 406.4, 0.34}));

        TargetFit fit = LawFitter.of(law, FitOptions.defaults().withStarts(8).withVariableProjection(projection))
            .fit(problem, null);

        assertFalse(fit.isFailure(), fit::toString);
        assertEquals(1.7, fit.parameter(0), 1e-6, fit::toString);
        assertEquals(406.4, fit.parameter(1) + fit.parameter(3), 1e-3, fit::toString);
        assertEquals(0.34, fit.parameter(2), 1e-7, fit::toString);
    }
}
