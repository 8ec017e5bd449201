package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FittedLawTest {
    private static final Law LAW = Law.parse("E + A*N^(-alpha)", List.of("N", "D"));
    private static final List<String> TARGETS = List.of("loss", "other_loss");

    /**
     * Two groups, two targets, and a feature D the law does not use placed before N: the columns must be
     * found by name, not position.
     */
    private static Table table() {
        double[][] truths = {{1.7, 400, 0.3}, {2.2, 90, 0.2}, {1.1, 3000, 0.45}, {0.6, 50, 0.1}};
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            double[][] n = Synthetic.columns(12, List.of(log(1e6, 1e9)), g);
            double[][] d = Synthetic.columns(12, List.of(log(1e3, 1e4)), 10 + g);
            double[][] targets = {
                Synthetic.predict(LAW, n, truths[2 * g]), Synthetic.predict(LAW, n, truths[2 * g + 1])};
            groups.add(Group.of("g" + g, new double[][] {d[0], n[0]}, targets));
        }
        return new Table(List.of("D", "N"), TARGETS, groups);
    }

    private static FitProblem problem(Table table, int group, int target) {
        Group g = table.groups().get(group);
        return new FitProblem(g.name(), TARGETS.get(target), g.rows(), new double[][] {g.feature(1)}, g.target(target));
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 2})
    void eachFitIsTheLawFitterFitOfItsGroupAndTargetWithItsOwnHint(int threads) {
        Table table = table();
        // a hint for g1 only, different per target: g0 must get none, g1 the one of each target
        // alphas off the default grid, whose starts the least-squares start would otherwise reproduce exactly
        double[][] g1Hints = {{1, 100, 0.3}, {0.5, 60, 0.15}};
        ParameterSet hints = ParameterSet.of(LAW.parameters(), TARGETS, Map.of("g1", g1Hints));
        FitOptions options = FitOptions.defaults().withStarts(3).withVariableProjection(false);
        LawFitter fitter = LawFitter.of(LAW, options);

        FittedLaw fitted = FittedLaw.fit(LAW, table, options, threads, hints);

        List<TargetFit> expected = List.of(
            fitter.fit(problem(table, 0, 0), null), fitter.fit(problem(table, 0, 1), null),
            fitter.fit(problem(table, 1, 0), g1Hints[0]), fitter.fit(problem(table, 1, 1), g1Hints[1]));
        assertEquals(expected, fitted.fits());
        // the hints make a difference, so the comparison above does check where they went
        assertNotEquals(fitter.fit(problem(table, 1, 0), null), expected.get(2));
        assertNotEquals(fitter.fit(problem(table, 1, 1), g1Hints[0]), expected.get(3));
        assertEquals(LAW, fitted.law());
        assertEquals(TARGETS, fitted.targets());
    }

    @Test
    void parametersAreTheFitsByGroupAndTargetInTableOrder() {
        Table table = table();
        FittedLaw fitted = FittedLaw.fit(LAW, table, FitOptions.defaults().withStarts(4), 1, null);

        ParameterSet parameters = fitted.parameters();

        assertEquals(LAW.parameters(), parameters.names());
        assertEquals(TARGETS, parameters.targets());
        assertEquals(List.of("g0", "g1"), parameters.groups());
        for (TargetFit fit : fitted.fits()) {
            assertArrayEquals(fit.parameters(), parameters.values(fit.group(), TARGETS.indexOf(fit.target())), 0.0);
        }
        // noiseless data: the fits recover the values the targets were made from
        assertEquals(0.45, parameters.values("g1", 0)[2], 1e-6);
        assertEquals(50, parameters.values("g1", 1)[1], 1e-4);
    }

    @Test
    void aFailedFitStillHasAFullSetOfParametersOfZeros() {
        // the set keeps its shape, so callers that check failure() first can still build and print it
        TargetFit ok = new TargetFit("a", "loss", new double[] {1, 2, 3}, 0.1, null, 5, 9, 2, 2);
        TargetFit failed = new TargetFit("b", "loss", new double[0], Double.NaN, "no start gave finite predictions",
            7, 11, 2, 0);
        FittedLaw fitted = new FittedLaw(LAW, List.of("loss"), List.of(ok, failed));

        assertEquals(failed, fitted.failure().orElseThrow());
        assertArrayEquals(new double[] {0, 0, 0}, fitted.parameters().values("b", 0), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, fitted.parameters().values("a", 0), 0.0);
    }

    @Test
    void theFirstFailureInFitOrderIsReported() {
        TargetFit ok = new TargetFit("a", "loss", new double[] {1, 2, 3}, 0.1, null, 5, 9, 2, 2);
        TargetFit first = new TargetFit("b", "loss", new double[0], Double.NaN, "first", 0, 0, 0, 0);
        TargetFit second = new TargetFit("c", "loss", new double[0], Double.NaN, "second", 0, 0, 0, 0);

        assertEquals("first", new FittedLaw(LAW, List.of("loss"), List.of(ok, first, second)).failure()
            .orElseThrow().failure());
        assertTrue(new FittedLaw(LAW, List.of("loss"), List.of(ok)).failure().isEmpty());
    }

    @Test
    void iterationsAndEvaluationsAreSummedOverEveryFitIncludingFailures() {
        TargetFit ok = new TargetFit("a", "loss", new double[] {1, 2, 3}, 0.1, null, 5, 9, 2, 2);
        TargetFit failed = new TargetFit("b", "loss", new double[0], Double.NaN, "why", 7, 11, 2, 0);
        // near Integer.MAX_VALUE each: the long totals must not wrap
        TargetFit big = new TargetFit("c", "loss", new double[] {1, 2, 3}, 0.1, null, Integer.MAX_VALUE,
            Integer.MAX_VALUE, 2, 2);

        FittedLaw fitted = new FittedLaw(LAW, List.of("loss"), List.of(ok, failed, big));

        assertEquals(12L + Integer.MAX_VALUE, fitted.iterations());
        assertEquals(20L + Integer.MAX_VALUE, fitted.evaluations());
    }

    @Test
    void theListsAreCopiedAndUnmodifiable() {
        List<String> targets = new ArrayList<>(List.of("loss"));
        List<TargetFit> fits = new ArrayList<>(List.of(new TargetFit("a", "loss", new double[] {1, 2, 3}, 0.1, null,
            5, 9, 2, 2)));
        FittedLaw fitted = new FittedLaw(LAW, targets, fits);

        targets.add("other");
        fits.clear();

        assertEquals(List.of("loss"), fitted.targets());
        assertEquals(1, fitted.fits().size());
        assertThrows(UnsupportedOperationException.class, () -> fitted.fits().clear());
    }
}
