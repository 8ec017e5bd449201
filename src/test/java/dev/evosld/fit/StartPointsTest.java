package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.evosld.data.TaskConfig.Bound;
import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartPointsTest {
    // one parameter of every role: E offset, A coefficient, alpha exponent, B shape
    private static final Law ALL_ROLES = Law.parse("E + A/(N^alpha + B)", List.of("N"));
    private static final double[] EXPONENT_GRID = {0.5, 0.1, 0.25, 1.0, -0.25, -0.5, 2.0};
    private static final FitProblem PROBLEM = Synthetic.problem(ALL_ROLES,
        Synthetic.columns(30, List.of(log(1e6, 1e9)), 4), new double[] {1.7, 400, 0.3, 2});

    private static ParameterSpace space(Map<String, Bound> bounds) {
        return new ParameterSpace(ALL_ROLES, FitOptions.defaults().withBounds(bounds));
    }

    private static List<double[]> generate(int count, long seed, double[] hint) {
        return StartPoints.generate(space(Map.of()), PROBLEM, count, seed, hint);
    }

    private static void assertSamePoints(List<double[]> want, List<double[]> got) {
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), 0.0, "point " + i);
        }
    }

    @Test
    void theSameSeedGivesTheSamePointsAndTheFirstOnesDoNotDependOnTheCount() {
        // LawFitterPropertyTest's "more starts never fit worse" rests on the second half of this
        qt().withFixedSeed(31L).withExamples(100)
            .forAll(integers().between(1, 40), integers().between(0, 40), longs().all(), integers().between(0, 2))
            .checkAssert((count, more, seed, hintKind) -> {
                double[] hint = switch (hintKind) {
                    case 0 -> null;
                    case 1 -> new double[] {2, 300, 0.4, 5};
                    default -> new double[] {Double.NaN, 300, Double.NaN, 5};
                };
                List<double[]> first = generate(count, seed, hint);
                List<double[]> again = generate(count, seed, hint);
                List<double[]> longer = generate(count + more, seed, hint);

                assertEquals(count, first.size());
                assertSamePoints(first, again);
                assertSamePoints(first, longer.subList(0, count));
            });
    }

    @Test
    void theSeedMovesTheQuasiRandomPointsButNotTheGuesses() {
        List<double[]> zero = generate(20, 0, null);
        List<double[]> one = generate(20, 1, null);

        assertSamePoints(zero.subList(0, EXPONENT_GRID.length), one.subList(0, EXPONENT_GRID.length));
        for (int i = EXPONENT_GRID.length; i < 20; i++) {
            assertFalse(Arrays.equals(zero.get(i), one.get(i)), "point " + i);
        }
    }

    @Test
    void everyPointIsInsideTheBoundsWhateverTheHint() {
        Map<String, Bound> bounds = Map.of("E", new Bound(2, 2.5), "A", new Bound(0, 50),
            "alpha", new Bound(0.2, 0.3), "B", new Bound(-1, Double.POSITIVE_INFINITY));
        ParameterSpace space = space(bounds);
        qt().withFixedSeed(32L).withExamples(50)
            .forAll(longs().all(), integers().between(0, 2))
            .checkAssert((seed, hintKind) -> {
                double[] hint = switch (hintKind) {
                    case 0 -> null;
                    case 1 -> new double[] {-7, 1e6, 4, -1e9};
                    default -> new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0};
                };
                for (double[] point : StartPoints.generate(space, PROBLEM, 200, seed, hint)) {
                    for (int k = 0; k < point.length; k++) {
                        assertTrue(point[k] >= space.lower[k] && point[k] <= space.upper[k],
                            () -> Arrays.toString(point) + " outside the box");
                    }
                }
            });
    }

    @Test
    void aHintComesFirstClampedWithItsUnknownValuesReplacedByTypicalOnes() {
        double offset = PROBLEM.minTarget() - 0.05 * (PROBLEM.maxTarget() - PROBLEM.minTarget());
        List<double[]> starts = StartPoints.generate(space(Map.of("A", new Bound(0, 100))), PROBLEM, 3, 0,
            new double[] {Double.NaN, 250, 12, Double.POSITIVE_INFINITY});

        // A clamped to 100, alpha to the exponent box; E and B unknown: typical offset, shape 1
        assertArrayEquals(new double[] {offset, 100, 10, 1}, starts.getFirst(), 1e-15);
        assertArrayEquals(new double[] {offset, 1, 0.5, 1}, starts.get(1), 1e-15, "then the guesses, as without hint");
    }

    @Test
    void aHintOfTheWrongLengthIsIgnored() {
        assertSamePoints(generate(10, 5, null), generate(10, 5, new double[] {1, 2, 3}));
    }

    @Test
    void oneStartWithAHintIsTheHintAlone() {
        List<double[]> starts = generate(1, 0, new double[] {2, 300, 0.4, 5});

        assertEquals(1, starts.size());
        assertArrayEquals(new double[] {2, 300, 0.4, 5}, starts.getFirst(), 0.0);
    }

    @Test
    void theGuessesTryEachGridExponentWithTypicalValuesForTheRest() {
        double offset = PROBLEM.minTarget() - 0.05 * (PROBLEM.maxTarget() - PROBLEM.minTarget());
        List<double[]> starts = generate(EXPONENT_GRID.length, 9, null);

        for (int i = 0; i < EXPONENT_GRID.length; i++) {
            assertArrayEquals(new double[] {offset, 1, EXPONENT_GRID[i], 1}, starts.get(i), 1e-15, "guess " + i);
        }
    }

    @Test
    void withoutExponentsThereIsOneGuessThenTheQuasiRandomPoints() {
        Law law = Law.parse("E + A/(N + B)", List.of("N"));
        ParameterSpace space = new ParameterSpace(law, FitOptions.defaults());
        FitProblem problem = Synthetic.problem(law, PROBLEM.columns(), new double[] {1, 2e6, 1e6});

        List<double[]> starts = StartPoints.generate(space, problem, 3, 0, null);

        double offset = problem.minTarget() - 0.05 * (problem.maxTarget() - problem.minTarget());
        assertArrayEquals(new double[] {offset, 1, 1}, starts.getFirst(), 1e-15);
        assertFalse(starts.get(1)[1] == 1 && starts.get(1)[2] == 1, "a second guess: " + Arrays.toString(starts.get(1)));
    }

    @Test
    void quasiRandomPointsCoverEachRolesRangeEvenly() {
        // Map each value back to the uniform u it was drawn from: a low-discrepancy sequence fills each eighth
        // of [0, 1) with 32 of 256 points give or take a few, where independent uniform draws (sd ≈ 5.3 per
        // bin) would stray further for some bin in most seeds.
        double decade = PROBLEM.largestScaleDecade();
        double min = PROBLEM.minTarget();
        double range = PROBLEM.maxTarget() - min + 1e-12;
        qt().withFixedSeed(33L).withExamples(20)
            .forAll(longs().all())
            .checkAssert(seed -> {
                List<double[]> halton = generate(EXPONENT_GRID.length + 256, seed, null)
                    .subList(EXPONENT_GRID.length, EXPONENT_GRID.length + 256);
                int[][] bins = new int[4][8];
                int[] negative = new int[4];
                for (double[] p : halton) {
                    double[] u = {
                        (p[0] - min) / (2 * range) + 0.75,
                        (Math.log10(Math.abs(p[1])) + 2) / 4,
                        (p[2] + 1.5) / 3,
                        (Math.log10(Math.abs(p[3])) + 2) / (decade + 2),
                    };
                    for (int k = 0; k < 4; k++) {
                        int bin = (int) Math.floor(u[k] * 8);
                        assertTrue(bin >= 0 && bin < 8 || u[k] == 1, () -> "parameter outside its role's range: "
                            + Arrays.toString(p));
                        bins[k][Math.min(bin, 7)]++;
                        if (p[k] < 0) {
                            negative[k]++;
                        }
                    }
                }
                for (int k = 0; k < 4; k++) {
                    for (int bin = 0; bin < 8; bin++) {
                        int inBin = bins[k][bin];
                        assertTrue(inBin >= 28 && inBin <= 36, "parameter " + k + ": " + Arrays.toString(bins[k]));
                    }
                }
                // about a fifth of the coefficients and shapes are negative, so that both signs get tried
                for (int k : new int[] {1, 3}) {
                    assertTrue(negative[k] >= 40 && negative[k] <= 62, "parameter " + k + ": " + negative[k] + " negative");
                }
            });
    }

    @Test
    void clampMovesEachValueIntoItsBoundsInPlace() {
        ParameterSpace space = space(Map.of("E", new Bound(0, 1), "B", new Bound(-2, 3)));
        double[] point = {-5, -1e300, 11, 2.5};

        assertSame(point, StartPoints.clamp(space, point));

        assertArrayEquals(new double[] {0, -1e300, 10, 2.5}, point, 0.0);
    }
}
