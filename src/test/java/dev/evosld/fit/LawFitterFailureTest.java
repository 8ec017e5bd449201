package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig.Bound;
import dev.evosld.law.Law;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LawFitterFailureTest {
    // a < N on every row, so log(a - N) is NaN everywhere the bounds allow
    private static final Law LAW = Law.parse("c + log(a - N)", List.of("N"));
    private static final FitOptions OPTIONS = FitOptions.defaults().withStarts(8)
        .withBounds(Map.of("a", new Bound(Double.NEGATIVE_INFINITY, 10)));

    private static double[][] columns() {
        return Synthetic.columns(20, List.of(log(1e3, 1e4)), 1);
    }

    private static double[] target() {
        double[] y = new double[20];
        for (int r = 0; r < y.length; r++) {
            y[r] = 2 + 0.01 * r;
        }
        return y;
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {true, false})
    void predictionsNonFiniteEverywhereIsAFailureNotNumbers(boolean projection) {
        FitProblem problem = new FitProblem("g", "y", 20, columns(), target());

        TargetFit fit = LawFitter.of(LAW, OPTIONS.withVariableProjection(projection)).fit(problem, new double[] {1, 5});

        assertTrue(fit.isFailure(), fit::toString);
        assertEquals(0, fit.parameters().length);
        assertTrue(Double.isNaN(fit.mse()));
        assertTrue(fit.failure().contains("finite"), fit.failure());
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {true, false})
    void aFailureNamesTheRunWhereTheLawBreaksDown(boolean projection) {
        Law law = Law.parse("c + A / (N - 1e8)", List.of("N"));
        double[][] columns = {{1e7, 3e7, 1e8, 3.5e8, 1e9}};
        FitProblem problem = new FitProblem("g", "y", 5, columns, new double[] {3, 2.9, 2.8, 2.7, 2.6});

        TargetFit fit = LawFitter.of(law, FitOptions.defaults().withStarts(8).withVariableProjection(projection))
            .fit(problem, null);

        assertEquals("no start gave finite predictions on all 5 rows; the run at N = 1e8 gave a non-finite prediction"
            + " at every start", fit.failure());

        Law logarithm = Law.parse("c + A * log(N - 5e7)", List.of("N"));
        TargetFit both = LawFitter.of(logarithm, FitOptions.defaults().withStarts(8).withVariableProjection(projection))
            .fit(problem, null);
        assertEquals("no start gave finite predictions on all 5 rows; the run at N = 1e7 and 1 more run gave a"
            + " non-finite prediction at every start", both.failure());
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {true, false})
    void targetsWhoseSquaredErrorsOverflowAreNamedAsSuch(boolean projection) {
        Law law = Law.parse("c + A * N", List.of("N"));
        FitProblem problem = new FitProblem("g", "y", 3, new double[][] {{1, 2, 3}}, new double[] {1e160, -2e160, 3e160});

        TargetFit fit = LawFitter.of(law, FitOptions.defaults().withStarts(4).withVariableProjection(projection))
            .fit(problem, null);

        assertEquals("the squared errors overflow a double at every start, as the target reaches 3e160; rescale it (a"
            + " law fitted to target / 1e100, say)", fit.failure());
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 2})
    void fittedLawReportsTheFailedGroup(int threads) {
        double[][] columns = columns();
        Group group = Group.of("runs", columns, new double[][] {target()});
        Table table = new Table(List.of("N"), List.of("loss"), List.of(group));

        FittedLaw fitted = FittedLaw.fit(LAW, table, OPTIONS, threads, null);

        assertTrue(fitted.failure().isPresent());
        assertEquals("runs", fitted.failure().get().group());
        assertEquals("loss", fitted.failure().get().target());
        assertFalse(fitted.fits().stream().anyMatch(f -> !f.isFailure() && f.parameters().length > 0));
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 2})
    void aGroupWithFewerRunsThanParametersIsAFailureNotAGuess(int threads) {
        Law law = Law.parse("E + A*N^-a", List.of("N"));
        Group two = Group.of("two", new double[][] {{1e6, 1e7}}, new double[][] {{3.1, 2.6}});
        Group three = Group.of("three", new double[][] {{1e6, 1e7, 1e8}}, new double[][] {{3.1, 2.6, 2.3}});
        Table table = new Table(List.of("N"), List.of("loss"), List.of(three, two));

        FittedLaw fitted = FittedLaw.fit(law, table, FitOptions.defaults().withStarts(4), threads, null);

        assertFalse(fitted.fits().getFirst().isFailure(), "three runs determine three parameters");
        TargetFit failure = fitted.failure().orElseThrow();
        assertEquals("two", failure.group());
        assertEquals("2 runs to fit 3 parameters on (a law needs at least as many runs per group as parameters)",
            failure.failure());
        assertEquals(0, failure.evaluations(), "no start is run");
    }
}
