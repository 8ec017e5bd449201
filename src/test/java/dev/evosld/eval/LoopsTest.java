package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoopsTest {
    private static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 17, 64, 101};
    private static final double SENTINEL = -12345.0;
    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, 1e-310, Double.MAX_VALUE, -1, 1, 2, 0.5};

    /** A loop over up to four columns a, b, c, d and a scalar s, writing {@code out}. */
    interface Loop {
        void run(double[] a, double[] b, double[] c, double[] d, double s, double[] out, int n);
    }

    /** What the loop computes on one row, written out naively. */
    interface Row {
        double at(double a, double b, double c, double d, double s);
    }

    record Case(String name, Loop loop, Row row) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("add columns", (a, b, c, d, s, o, n) -> Loops.add(a, b, o, n), (a, b, c, d, s) -> a + b));
        cases.add(new Case("add scalar", (a, b, c, d, s, o, n) -> Loops.add(a, s, o, n), (a, b, c, d, s) -> a + s));
        cases.add(new Case("sub columns", (a, b, c, d, s, o, n) -> Loops.sub(a, b, o, n), (a, b, c, d, s) -> a - b));
        cases.add(new Case("scalar minus column", (a, b, c, d, s, o, n) -> Loops.sub(s, b, o, n), (a, b, c, d, s) -> s - b));
        cases.add(new Case("mul columns", (a, b, c, d, s, o, n) -> Loops.mul(a, b, o, n), (a, b, c, d, s) -> a * b));
        cases.add(new Case("mul scalar", (a, b, c, d, s, o, n) -> Loops.mul(a, s, o, n), (a, b, c, d, s) -> a * s));
        cases.add(new Case("div columns", (a, b, c, d, s, o, n) -> Loops.div(a, b, o, n), (a, b, c, d, s) -> a / b));
        cases.add(new Case("column over scalar", (a, b, c, d, s, o, n) -> Loops.div(a, s, o, n), (a, b, c, d, s) -> a / s));
        cases.add(new Case("scalar over column", (a, b, c, d, s, o, n) -> Loops.div(s, b, o, n), (a, b, c, d, s) -> s / b));
        cases.add(new Case("scalar to a column power", (a, b, c, d, s, o, n) -> Loops.pow(s, b, o, n),
            (a, b, c, d, s) -> Math.pow(s, b)));
        cases.add(new Case("sqrt", (a, b, c, d, s, o, n) -> Loops.sqrt(a, o, n), (a, b, c, d, s) -> Math.sqrt(a)));
        cases.add(new Case("abs", (a, b, c, d, s, o, n) -> Loops.abs(a, o, n), (a, b, c, d, s) -> Math.abs(a)));
        cases.add(new Case("min columns", (a, b, c, d, s, o, n) -> Loops.min(a, b, o, n), (a, b, c, d, s) -> Math.min(a, b)));
        cases.add(new Case("min scalar", (a, b, c, d, s, o, n) -> Loops.min(a, s, o, n), (a, b, c, d, s) -> Math.min(a, s)));
        cases.add(new Case("max columns", (a, b, c, d, s, o, n) -> Loops.max(a, b, o, n), (a, b, c, d, s) -> Math.max(a, b)));
        cases.add(new Case("max scalar", (a, b, c, d, s, o, n) -> Loops.max(a, s, o, n), (a, b, c, d, s) -> Math.max(a, s)));
        cases.add(new Case("a * b * c", (a, b, c, d, s, o, n) -> Loops.mulMul(a, b, c, o, n), (a, b, c, d, s) -> a * b * c));
        cases.add(new Case("a * b * s", (a, b, c, d, s, o, n) -> Loops.mulMul(a, b, s, o, n), (a, b, c, d, s) -> a * b * s));
        cases.add(new Case("-a * q / d", (a, b, c, d, s, o, n) -> Loops.negProductQuotient(a, b, c, o, n),
            (a, b, c, d, s) -> -a * b / c));
        cases.add(new Case("a * 0.5 / r", (a, b, c, d, s, o, n) -> Loops.halfQuotient(a, b, o, n),
            (a, b, c, d, s) -> a * 0.5 / b));
        cases.add(new Case("a * signum(x)", (a, b, c, d, s, o, n) -> Loops.mulSign(a, b, o, n),
            (a, b, c, d, s) -> a * Math.signum(b)));
        // the derivative of the base of p = x^y, with a the adjoint, b = p, c = x, d = y
        cases.add(new Case("pow base derivative, columns", (a, b, c, d, s, o, n) -> Loops.powBaseDerivative(a, b, c, d, o, n),
            (a, b, c, d, s) -> powBaseDerivative(a, b, c, d)));
        cases.add(new Case("pow base derivative, scalar exponent", (a, b, c, d, s, o, n) -> Loops.powBaseDerivative(a, b, c, s, o, n),
            (a, b, c, d, s) -> powBaseDerivative(a, b, c, s)));
        cases.add(new Case("pow base derivative, scalar base", (a, b, c, d, s, o, n) -> Loops.powBaseDerivative(a, b, s, d, o, n),
            (a, b, c, d, s) -> powBaseDerivative(a, b, s, d)));
        cases.add(new Case("pow exponent derivative, column log", (a, b, c, d, s, o, n) -> Loops.powExponentDerivative(a, b, c, o, n),
            (a, b, c, d, s) -> b == 0 ? 0 : a * b * c));
        cases.add(new Case("pow exponent derivative, scalar log", (a, b, c, d, s, o, n) -> Loops.powExponentDerivative(a, b, s, o, n),
            (a, b, c, d, s) -> b == 0 ? 0 : a * b * s));
        for (boolean min : new boolean[] {true, false}) {
            for (boolean left : new boolean[] {true, false}) {
                String name = (min ? "min" : "max") + " adjoint of the " + (left ? "left" : "right") + " operand";
                // the adjoint goes to the operand min or max chose, to the left one on ties
                cases.add(new Case(name + ", column right", (a, b, c, d, s, o, n) -> Loops.select(a, b, c, 0, min, left, o, n),
                    (a, b, c, d, s) -> ((min ? b <= c : b >= c) == left) ? a : 0.0));
                cases.add(new Case(name + ", scalar right", (a, b, c, d, s, o, n) -> Loops.select(a, b, null, s, min, left, o, n),
                    (a, b, c, d, s) -> ((min ? b <= s : b >= s) == left) ? a : 0.0));
            }
        }
        return cases;
    }

    /** The adjoint {@code a} times d/dx of {@code p = x^y}; x^0 is constant, so 0 also at x = 0, not 0 * inf. */
    private static double powBaseDerivative(double a, double p, double x, double y) {
        return a * (x != 0 ? y * p / x : y == 0 ? 0 : y * Math.pow(x, y - 1));
    }

    @Test
    void everyLoopComputesItsRowFormulaBitForBitAndWritesNothingPastN() {
        SplittableRandom random = new SplittableRandom(31);
        int rows = 0;
        for (Case c : cases()) {
            for (int n : LENGTHS) {
                for (int trial = 0; trial < 40; trial++) {
                    int length = n + 3;
                    double[][] in = {column(random, length), column(random, length), column(random, length),
                        column(random, length)};
                    double[][] before = {in[0].clone(), in[1].clone(), in[2].clone(), in[3].clone()};
                    double s = value(random);
                    double[] out = new double[length];
                    Arrays.fill(out, SENTINEL);
                    c.loop().run(in[0], in[1], in[2], in[3], s, out, n);
                    for (int i = 0; i < n; i++) {
                        double expected = c.row().at(in[0][i], in[1][i], in[2][i], in[3][i], s);
                        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(out[i])) {
                            fail(c.name() + " at row " + i + " of " + n + " with a, b, c, d = " + in[0][i] + ", "
                                + in[1][i] + ", " + in[2][i] + ", " + in[3][i] + " and s = " + s + ": expected "
                                + expected + ", got " + out[i]);
                        }
                        rows++;
                    }
                    for (int i = n; i < length; i++) {
                        assertEquals(SENTINEL, out[i], c.name() + " wrote row " + i + " past n = " + n);
                    }
                    for (int k = 0; k < 4; k++) {
                        assertArrayEquals(before[k], in[k], c.name() + " changed input " + k);
                    }
                }
            }
        }
        assertTrue(rows > 100_000, rows + " rows");
    }

    @Test
    void loopsMayWriteIntoTheirFirstOperand() {
        // the evaluator sums a shared node's adjoints in place: add(sum, pending, sum)
        SplittableRandom random = new SplittableRandom(32);
        for (int n : LENGTHS) {
            double[] a = column(random, n);
            double[] b = column(random, n);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = a[i] + b[i];
            }
            Loops.add(a, b, a, n);
            assertArrayEquals(expected, a);
        }
    }

    @Test
    void sumAddsFourInterleavedPartialSumsInAFixedOrder() {
        SplittableRandom random = new SplittableRandom(33);
        for (int n : LENGTHS) {
            for (int trial = 0; trial < 50; trial++) {
                double[] a = random.doubles(n + 2, -1e3, 1e3).map(x -> x * Math.pow(10, random.nextInt(-8, 9))).toArray();
                double[] partial = new double[4];
                for (int i = 0; i < n - n % 4; i++) {
                    partial[i % 4] += a[i];
                }
                for (int i = n - n % 4; i < n; i++) {
                    partial[0] += a[i];
                }
                double expected = (partial[0] + partial[1]) + (partial[2] + partial[3]);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Loops.sum(a, n)),
                    "sum of the first " + n + " of " + Arrays.toString(a));
            }
        }
    }

    @Test
    void sumIsExactOnIntegersAndIgnoresRowsPastN() {
        SplittableRandom random = new SplittableRandom(34);
        for (int n : LENGTHS) {
            long[] integers = random.longs(n + 5, -1_000_000, 1_000_000).toArray();
            double[] a = Arrays.stream(integers).asDoubleStream().toArray();
            long exact = Arrays.stream(integers).limit(n).sum();
            assertEquals((double) exact, Loops.sum(a, n), "n = " + n);
        }
        assertEquals(0.0, Loops.sum(new double[0], 0));
    }

    @Test
    void sumIsNotTheLeftToRightSumWhenTheOrderMatters() {
        // left to right, each 1 rounds away into 1e16 (whose ulp is 2); the partial sums cancel the large terms first
        double[] a = {1e16, 1, 1, 1, -1e16, 1, 1, 1};
        assertEquals(6.0, Loops.sum(a, 8));
        double leftToRight = 0;
        for (double x : a) {
            leftToRight += x;
        }
        assertEquals(3.0, leftToRight);
    }

    @Test
    void sumPropagatesNaNAndInfinities() {
        assertTrue(Double.isNaN(Loops.sum(new double[] {1, Double.POSITIVE_INFINITY, 2, Double.NEGATIVE_INFINITY, 3}, 5)));
        assertEquals(Double.POSITIVE_INFINITY, Loops.sum(new double[] {1, 2, Double.POSITIVE_INFINITY, 4, 5}, 5));
        assertTrue(Double.isNaN(Loops.sum(new double[] {1, 2, 3, 4, Double.NaN}, 5)));
    }

    @Test
    void eachOperandOfMinAndMaxGetsTheAdjointOnExactlyTheRowsItWasChosen() {
        SplittableRandom random = new SplittableRandom(35);
        int n = 301;
        // adjoints that cannot be mistaken for the 0 an operand not chosen receives
        double[] a = random.doubles(n, 1, 2).toArray();
        double[] x = column(random, n);
        double[] y = column(random, n);
        // ties are the interesting rows
        for (int i = 0; i < n; i += 5) {
            y[i] = x[i];
        }
        for (boolean min : new boolean[] {true, false}) {
            double[] left = new double[n];
            double[] right = new double[n];
            Loops.select(a, x, y, 0, min, true, left, n);
            Loops.select(a, x, y, 0, min, false, right, n);
            for (int i = 0; i < n; i++) {
                String what = (min ? "min(" : "max(") + x[i] + ", " + y[i] + ") at row " + i;
                boolean leftGot = left[i] == a[i];
                assertTrue(leftGot ? right[i] == 0 : left[i] == 0 && right[i] == a[i], what + ": exactly one operand gets " + a[i]);
                if (x[i] == y[i]) {
                    assertTrue(leftGot, what + ": a tie goes to the left operand");
                }
                double chosen = min ? Math.min(x[i], y[i]) : Math.max(x[i], y[i]);
                if (!Double.isNaN(chosen) && !(x[i] == 0 && y[i] == 0)) {
                    assertEquals(leftGot ? x[i] : y[i], chosen, what + ": the adjoint went to the operand not chosen");
                }
            }
        }
    }

    @Test
    void powDerivativesAreExactWhereTheQuotientFormIsUndefined() {
        // d/dx x^y at x = 0: y * 0^(y-1), not y * p / x = 0/0
        double[] a = {1, 1, 1, 1, 2};
        double[] x = {0, 0, 0, 0, 0};
        double[] y = {1, 2, 3, 0.5, 1};
        double[] p = new double[5];
        for (int i = 0; i < 5; i++) {
            p[i] = Math.pow(x[i], y[i]);
        }
        double[] out = new double[5];
        Loops.powBaseDerivative(a, p, x, y, out, 5);
        assertArrayEquals(new double[] {1, 0, 0, Double.POSITIVE_INFINITY, 2}, out);
        Loops.powBaseDerivative(a, p, x, 2.0, out, 5);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, out);
        Loops.powBaseDerivative(a, p, 0.0, y, out, 5);
        assertArrayEquals(new double[] {1, 0, 0, Double.POSITIVE_INFINITY, 2}, out);
        // d/dy x^y where x^y underflowed to 0: its limit 0, not 0 * log(0) = NaN
        double[] logs = {Double.NEGATIVE_INFINITY, Math.log(1e-300), Double.NEGATIVE_INFINITY, -1, -1};
        double[] powers = {0, 0, 0.0, 1e-300, -0.0};
        Loops.powExponentDerivative(a, powers, logs, out, 5);
        assertArrayEquals(new double[] {0, 0, 0, -1e-300, 0}, out);
        Loops.powExponentDerivative(a, powers, Double.NEGATIVE_INFINITY, out, 5);
        assertArrayEquals(new double[] {0, 0, 0, Double.NEGATIVE_INFINITY, 0}, out);
    }

    @Test
    void theBaseDerivativeOfAZeroPowerIsZeroAlsoAtAZeroBase() {
        // x^0 = 1 whatever x is, so its derivative is 0, where y * x^(y-1) at x = 0 is 0 * inf
        double[] a = {1, 3, -2, 1};
        double[] x = {0.0, -0.0, 0.0, 2};
        double[] y = {0, 0, 0, 0};
        double[] p = {1, 1, 1, 1};
        double[] expected = {0, 0, -0.0, 0};
        double[] out = new double[4];
        Loops.powBaseDerivative(a, p, x, y, out, 4);
        assertArrayEquals(expected, out);
        Loops.powBaseDerivative(a, p, x, 0.0, out, 4);
        assertArrayEquals(expected, out);
        for (double base : new double[] {0.0, -0.0}) {
            Loops.powBaseDerivative(a, p, base, y, out, 4);
            assertArrayEquals(new double[] {0, 0, -0.0, 0}, out, "base " + base);
        }
        // near the zero power, the derivative at a zero base is still y * 0^(y-1)
        double[] nearZero = {Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300};
        Loops.powBaseDerivative(a, new double[4], new double[4], nearZero, out, 4);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY}, out);
    }

    @Test
    void zeroWhereZeroClearsExactlyTheRowsWhereTheMaskIsZero() {
        double[] mask = {0.0, -0.0, 1, Double.NaN, Double.MIN_VALUE, 0.0, 3};
        double[] out = {Double.NaN, Double.POSITIVE_INFINITY, 5, 6, 7, 8, 9};
        Loops.zeroWhereZero(mask, out, 6);
        assertArrayEquals(new double[] {0, 0, 5, 6, 7, 0, 9}, out);
    }

    @Test
    void theAdjointOfAbsAndSqrtFollowSignumAndTheHalfQuotient() {
        double[] a = {2, 2, 2, 2, 2};
        double[] x = {-3, 3, 0.0, -0.0, Double.NaN};
        double[] out = new double[5];
        Loops.mulSign(a, x, out, 5);
        assertArrayEquals(new double[] {-2, 2, 0.0, -0.0, Double.NaN}, out);
        double[] roots = {4, 0.5, 0.0, Double.POSITIVE_INFINITY, 1};
        Loops.halfQuotient(a, roots, out, 5);
        assertArrayEquals(new double[] {0.25, 2, Double.POSITIVE_INFINITY, 0, 1}, out);
    }

    private static double[] column(SplittableRandom random, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = value(random);
        }
        return c;
    }

    private static double value(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> SPECIALS[random.nextInt(SPECIALS.length)];
            case 1 -> Double.longBitsToDouble(random.nextLong());
            case 2 -> random.nextInt(-3, 4);
            default -> random.nextDouble(-10, 10);
        };
    }
}
