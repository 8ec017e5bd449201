package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.linear;
import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskConfig.Bound;
import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LawFitterBoundsTest {
    private static final Law POWER_LAW = Law.parse("E + A*N^(-alpha)", List.of("N"));
    private static final double[] POWER_TRUTH = {1.7, 406.4, 0.34};

    private static FitProblem powerProblem() {
        return Synthetic.problem(POWER_LAW, Synthetic.columns(40, List.of(log(1e6, 1e9)), 5), POWER_TRUTH);
    }

    private static void assertInside(TargetFit fit, Law law, Map<String, Bound> bounds) {
        assertFalse(fit.isFailure(), fit::toString);
        bounds.forEach((name, bound) -> {
            double value = fit.parameter(law.parameters().indexOf(name));
            assertTrue(value >= bound.lower() && value <= bound.upper(),
                () -> name + " = " + value + " outside [" + bound.lower() + ", " + bound.upper() + "]");
        });
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}], projection {4}")
    @CsvSource({
        "alpha, 0.05, 0.2, 0.2, true", "alpha, 0.05, 0.2, 0.2, false",
        "E, 2.0, 3.0, 2.0, true", "E, 2.0, 3.0, 2.0, false",
        "A, 0, 100, 100, false", "A, 500, Infinity, 500, false",
    })
    void parameterWhoseOptimumLiesOutsideEndsOnItsBound(String name, double lower, double upper, double expected,
                                                         boolean projection) {
        Map<String, Bound> bounds = Map.of(name, new Bound(lower, upper));
        FitOptions options = FitOptions.defaults().withStarts(8).withVariableProjection(projection).withBounds(bounds);

        TargetFit fit = LawFitter.of(POWER_LAW, options).fit(powerProblem(), null);

        assertInside(fit, POWER_LAW, bounds);
        assertEquals(expected, fit.parameter(POWER_LAW.parameters().indexOf(name)), 0.0, fit::toString);
    }

    @Test
    void boundedLinearParameterIsSearchedNotProjected() {
        Map<String, Bound> bounds = Map.of("A", new Bound(0, 100));
        LawFitter fitter = LawFitter.of(POWER_LAW, FitOptions.defaults().withBounds(bounds));
        assertEquals(List.of("E"), fitter.projectedParameters());
    }

    @Test
    void boundsHoldExactlyWhateverTheStartsMagnitude() {
        // the optimizer works on theta / scale with the scale taken from the start: with a scale of, say, 3.7,
        // 100 / 3.7 * 3.7 rounds past 100 (for about 7% of scales)
        Map<String, Bound> bounds = Map.of("A", new Bound(-100, 100), "E", new Bound(0.3, 1.1));
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 40; i++) {
            double hintA = random.nextDouble(1, 99);
            FitOptions options = FitOptions.defaults().withStarts(1).withBounds(bounds);
            TargetFit fit = LawFitter.of(POWER_LAW, options).fit(powerProblem(), new double[] {0.7, hintA, 0.3});
            assertInside(fit, POWER_LAW, bounds);
            assertEquals(100, fit.parameter(1), 0.0, () -> "hint A=" + hintA + ": " + fit);
            assertEquals(1.1, fit.parameter(0), 0.0, () -> "hint A=" + hintA + ": " + fit);
        }
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {true, false})
    void exponentsStayWithinTenByDefault(boolean projection) {
        Law law = Law.parse("c + k*exp(t*x)", List.of("x"));
        // the data want t = 15 (and k = 1e-3): the default exponent box stops t at 10
        FitProblem problem = Synthetic.problem(law, Synthetic.columns(30, List.of(linear(0, 1)), 3),
            new double[] {0.5, 1e-3, 15});
        FitOptions options = FitOptions.defaults().withStarts(8).withVariableProjection(projection);

        TargetFit fit = LawFitter.of(law, options).fit(problem, null);

        assertFalse(fit.isFailure(), fit::toString);
        assertEquals(10, fit.parameter(2), 0.0, fit::toString);
        assertEquals(List.of(ParameterRole.OFFSET, ParameterRole.COEFFICIENT, ParameterRole.EXPONENT),
            LawFitter.of(law, options).roles());
    }

    @Test
    void boundOverrideReplacesTheDefaultExponentBox() {
        Law law = Law.parse("c + k*exp(t*x)", List.of("x"));
        FitProblem problem = Synthetic.problem(law, Synthetic.columns(30, List.of(linear(0, 1)), 3),
            new double[] {0.5, 1e-3, 15});
        FitOptions options = FitOptions.defaults().withStarts(8).withBounds(Map.of("t", new Bound(-20, 20)));

        TargetFit fit = LawFitter.of(law, options).fit(problem, null);

        assertEquals(15, fit.parameter(2), 1e-6, fit::toString);
    }

    @Test
    void unboundedExponentsInTheSpaceAreTheDefaultBox() {
        ParameterSpace space = new ParameterSpace(Law.parse("E + A*N^(-alpha) + B*D^beta", List.of("N", "D")),
            FitOptions.defaults());
        assertEquals("[-Infinity, -Infinity, -10.0, -Infinity, -10.0]", Arrays.toString(space.lower));
        assertEquals("[Infinity, Infinity, 10.0, Infinity, 10.0]", Arrays.toString(space.upper));
    }
}
