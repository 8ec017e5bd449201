package dev.evosld.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskConfig.Bound;
import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterSpaceTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    // one parameter of every role: E offset, A coefficient, alpha exponent, B shape
    private static final Law ALL_ROLES = Law.parse("E + A/(N^alpha + B)", List.of("N"));

    private static ParameterSpace space(String formula, FitOptions options) {
        return new ParameterSpace(Law.parse(formula, List.of("N", "D", "x")), options);
    }

    private static int[] indices(Law law, String... names) {
        return Arrays.stream(names).mapToInt(name -> law.parameters().indexOf(name)).toArray();
    }

    @Test
    void defaultBoundsFollowTheRoles() {
        ParameterSpace space = new ParameterSpace(ALL_ROLES, FitOptions.defaults());

        assertEquals(List.of("E", "A", "alpha", "B"), ALL_ROLES.parameters());
        assertEquals(List.of(ParameterRole.OFFSET, ParameterRole.COEFFICIENT, ParameterRole.EXPONENT,
            ParameterRole.SHAPE), space.roles);
        assertArrayEquals(new double[] {-INF, -INF, -ParameterSpace.EXPONENT_LIMIT, -INF}, space.lower);
        assertArrayEquals(new double[] {INF, INF, ParameterSpace.EXPONENT_LIMIT, INF}, space.upper);
        assertEquals(4, space.size());
    }

    @Test
    void aParameterInsideExpIsAnExponentAndGetsTheExponentBox() {
        ParameterSpace space = space("c + k*exp(t*x)", FitOptions.defaults());

        assertEquals(ParameterRole.EXPONENT, space.roles.get(2));
        assertEquals(-10, space.lower[2], 0.0);
        assertEquals(10, space.upper[2], 0.0);
    }

    @Test
    void anOverrideReplacesTheRoleBoundOfAnyRoleEvenToUnbounded() {
        FitOptions options = FitOptions.defaults().withBounds(Map.of(
            "E", new Bound(0, 5), "alpha", new Bound(-INF, INF), "B", new Bound(1e-3, INF)));
        ParameterSpace space = new ParameterSpace(ALL_ROLES, options);

        assertArrayEquals(new double[] {0, -INF, -INF, 1e-3}, space.lower);
        assertArrayEquals(new double[] {5, INF, INF, INF}, space.upper);
    }

    @Test
    void variableProjectionSolvesTheUnboundedJointlyLinearParametersAndSearchesTheRest() {
        ParameterSpace space = new ParameterSpace(ALL_ROLES, FitOptions.defaults());

        assertArrayEquals(indices(ALL_ROLES, "E", "A"), space.leastSquares);
        assertArrayEquals(indices(ALL_ROLES, "E", "A"), space.linear);
        assertArrayEquals(indices(ALL_ROLES, "alpha", "B"), space.nonlinear);
    }

    @Test
    void aBoundedLinearParameterIsNeitherLeastSquaresNorProjected() {
        // an unconstrained least-squares solve could put it outside its box
        FitOptions options = FitOptions.defaults().withBounds(Map.of("A", new Bound(0, 100)));
        ParameterSpace space = new ParameterSpace(ALL_ROLES, options);

        assertArrayEquals(indices(ALL_ROLES, "E"), space.leastSquares);
        assertArrayEquals(indices(ALL_ROLES, "E"), space.linear);
        assertArrayEquals(indices(ALL_ROLES, "A", "alpha", "B"), space.nonlinear);
    }

    @Test
    void withoutProjectionOrWithHuberEveryParameterIsSearchedButLeastSquaresStillKnowsTheLinearOnes() {
        // the linear parameters then get least-squares start values once per start: LawFitter relies on
        // leastSquares being filled whatever the loss
        for (FitOptions options : List.of(FitOptions.defaults().withVariableProjection(false),
            FitOptions.defaults().withLoss(Loss.HUBER))) {
            ParameterSpace space = new ParameterSpace(ALL_ROLES, options);

            assertArrayEquals(new int[0], space.linear, options.toString());
            assertArrayEquals(new int[] {0, 1, 2, 3}, space.nonlinear, options.toString());
            assertArrayEquals(indices(ALL_ROLES, "E", "A"), space.leastSquares, options.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "E + A/(N^alpha + B)", "A*N^(-alpha) + E + B*D^(-beta)", "c0 + c1*x + c2*x^2", "exp(a + b*log(N))",
        "A*B*N^(-alpha)", "k*exp(t*x) + c", "(A + N)^p"})
    void linearAndSearchedPartitionTheParametersInOrder(String formula) {
        Law law = Law.parse(formula, List.of("N", "D", "x"));
        Map<String, Bound> someBound = Map.of(law.parameters().getFirst(), new Bound(-1, 1));
        for (FitOptions options : List.of(FitOptions.defaults(), FitOptions.defaults().withBounds(someBound),
            FitOptions.defaults().withLoss(Loss.HUBER), FitOptions.defaults().withVariableProjection(false))) {
            ParameterSpace space = new ParameterSpace(law, options);
            String where = formula + " " + options;

            int[] together = IntStream.concat(Arrays.stream(space.linear), Arrays.stream(space.nonlinear))
                .sorted().toArray();
            assertArrayEquals(IntStream.range(0, law.parameterCount()).toArray(), together, where);
            assertTrue(isIncreasing(space.linear) && isIncreasing(space.nonlinear) && isIncreasing(space.leastSquares),
                where);
            for (int k : space.leastSquares) {
                assertEquals(-INF, space.lower[k], 0.0, where);
                assertEquals(INF, space.upper[k], 0.0, where);
            }
            for (int k = 0; k < law.parameterCount(); k++) {
                assertTrue(space.lower[k] <= space.upper[k], where);
            }
        }
    }

    private static boolean isIncreasing(int[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] <= values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anExpLawHasItsArgumentForLogLinearStarts() {
        Law law = Law.parse("exp(a + b*log(N))", List.of("N"));
        ParameterSpace space = new ParameterSpace(law, FitOptions.defaults());

        assertNotNull(space.logInner);
        assertEquals(Law.parse("a + b*log(N)", List.of("N")).expr(), space.logInner.expr());
        assertEquals(law.variables(), space.logInner.variables());
        assertEquals(law.parameters(), space.logInner.parameters());
        assertArrayEquals(indices(law, "a", "b"), space.logLinear);
        // exp hides a and b from the law's own linear least squares
        assertArrayEquals(new int[0], space.leastSquares);
    }

    @Test
    void anOverriddenBoundTakesAParameterOutOfTheLogLinearStart() {
        Law law = Law.parse("exp(a + b*log(N))", List.of("N"));
        ParameterSpace space = new ParameterSpace(law,
            FitOptions.defaults().withBounds(Map.of("b", new Bound(-1, 0))));

        assertArrayEquals(indices(law, "a"), space.logLinear);
        assertNotNull(space.logInner);

        ParameterSpace neither = new ParameterSpace(law,
            FitOptions.defaults().withBounds(Map.of("a", new Bound(0, 1), "b", new Bound(-1, 0))));
        assertArrayEquals(new int[0], neither.logLinear);
        assertNull(neither.logInner, "nothing left for least squares to set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E + A*N^(-alpha)", "exp(N^a)", "2*exp(a*N)", "exp(a) + N"})
    void onlyALawThatIsExpOfSomethingLinearHasALogInner(String formula) {
        ParameterSpace space = space(formula, FitOptions.defaults());

        assertNull(space.logInner, formula);
        assertArrayEquals(new int[0], space.logLinear, formula);
    }
}
