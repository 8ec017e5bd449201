package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.LawParser;
import dev.evosld.law.Operator;
import dev.evosld.law.RandomExprs;
import dev.evosld.law.ReadableSigns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final List<String> VARIABLES = List.of("x", "y");
    private static final List<String> PARAMETERS = List.of("a", "b", "c");
    private static final List<String> NAMES = List.of("x", "y", "a", "b", "c");
    private static final int ROWS = 37;

    @Test
    void forwardAgreesWithTheReferenceInterpreter() {
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(1L).withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.modest(seed, NAMES, 6);
            Sample s = Sample.of(seed, 0.05, 20);
            for (Kernels kernels : List.of(Kernels.scalar(), Kernels.preferred())) {
                double[] out = new double[ROWS];
                Program.compile(expr, VARIABLES, PARAMETERS).bind(ROWS, s.columns, kernels).forward(s.theta, out);
                for (int r = 0; r < ROWS; r++) {
                    Map<String, Double> row = s.row(r, 1.0);
                    double expected = ReferenceInterpreter.eval(expr, row);
                    if (!wellConditioned(expr, s, r, expected)) {
                        continue;
                    }
                    compared.incrementAndGet();
                    assertClose(expected, out[r], 1e-9, expr + " row " + r + " with " + kernels.name());
                }
            }
        });
        assertTrue(compared.get() > 50_000, "compared " + compared.get() + " values");
    }

    @Test
    void aLawWrittenWithMinusesPredictsExactlyTheSameDoublesAsTheLawItWasWrittenFrom() {
        AtomicInteger rewritten = new AtomicInteger();
        qt().withFixedSeed(35L).withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.modest(seed, NAMES, 6);
            Expr written = ReadableSigns.of(expr);
            if (written.equals(expr)) {
                return;
            }
            rewritten.incrementAndGet();
            assertSameDoubles(expr, written, Sample.of(seed, -20, 20), true);
        });
        assertTrue(rewritten.get() > 100, "only " + rewritten.get() + " of the laws had a sign to move");
    }

    @Test
    void aLawAsReportedPredictsTheSameDoublesWhereverTheLawItWasWrittenFromIsDefined() {
        // besides its signs, the reported law leaves out parts that change nothing: x*1 and min(x, x) exactly, x/x
        // where x is finite and not 0, which is wherever the law is defined
        AtomicInteger rewritten = new AtomicInteger();
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(41L).withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            Law law = Law.of(RandomExprs.modest(seed, NAMES, 6), VARIABLES);
            Law written = ReadableSigns.of(law);
            if (written.expr().equals(ReadableSigns.of(law.expr()))) {
                return;
            }
            rewritten.incrementAndGet();
            compared.addAndGet(assertSameDoubles(law.expr(), written.expr(), Sample.of(seed, -20, 20), false));
        });
        assertTrue(rewritten.get() > 50, "only " + rewritten.get() + " of the laws had a part to leave out");
        assertTrue(compared.get() > 2000, "compared " + compared.get());
    }

    @Test
    void derivativesAgreeWithCentralFiniteDifferencesRowByRow() {
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        qt().withFixedSeed(2L).withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.modest(seed, NAMES, 5);
            Sample s = Sample.of(seed, 0.5, 5);
            Evaluator evaluator = Program.compile(expr, VARIABLES, PARAMETERS).bind(ROWS, s.columns);
            double[] value = new double[ROWS];
            evaluator.forward(s.theta, value);
            double[][] jacobian = new double[3][ROWS];
            evaluator.jacobian(jacobian);
            for (int k = 0; k < 3; k++) {
                double h = 1e-5 * Math.max(1, Math.abs(s.theta[k]));
                double[] coarse = centralDifferences(evaluator, s.theta, k, h);
                double[] fine = centralDifferences(evaluator, s.theta, k, h / 4);
                for (int r = 0; r < ROWS; r++) {
                    double roundOff = 1e-15 * Math.abs(value[r]) / h;
                    if (!allIntermediatesFinite(expr, s.row(r, 1.0))
                        || !Double.isFinite(coarse[r]) || !Double.isFinite(fine[r])
                        || Math.abs(coarse[r] - fine[r]) > 1e-6 * (1 + Math.abs(fine[r]))
                        || roundOff > 1e-8 * (1 + Math.abs(fine[r]))) {
                        skipped.incrementAndGet(); // not smooth, not finite, or not resolvable around theta
                        continue;
                    }
                    checked.incrementAndGet();
                    assertClose(fine[r], jacobian[k][r], 1e-5, expr + " d/d" + PARAMETERS.get(k) + " row " + r);
                }
            }
        });
        assertTrue(checked.get() > 3 * skipped.get(), checked + " checked, " + skipped + " skipped");
    }

    @Test
    void jacobianRowsWeightedSumToTheGradient() {
        qt().withFixedSeed(3L).withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.modest(seed, NAMES, 5);
            Sample s = Sample.of(seed, 0.5, 5);
            Evaluator evaluator = Program.compile(expr, VARIABLES, PARAMETERS).bind(ROWS, s.columns);
            double[] weights = new SplittableRandom(seed).doubles(ROWS, -1, 1).toArray();
            evaluator.forward(s.theta, new double[ROWS]);
            double[] gradient = new double[3];
            evaluator.gradient(weights, gradient);
            double[][] jacobian = new double[3][ROWS];
            evaluator.jacobian(jacobian);
            for (int k = 0; k < 3; k++) {
                double sum = 0;
                double scale = 0;
                for (int r = 0; r < ROWS; r++) {
                    sum += weights[r] * jacobian[k][r];
                    scale += Math.abs(weights[r] * jacobian[k][r]);
                }
                if (Double.isFinite(sum) && Double.isFinite(gradient[k])) {
                    assertEquals(sum, gradient[k], 1e-12 * (1 + scale), expr.toString());
                }
            }
        });
    }

    @Test
    void sharedSubexpressionsSumTheirParentsAdjoints() {
        // g*1 has g's value and derivatives exactly but is not the same expression, so a law with the copy
        // compiles g twice: the shared and the separate program must agree
        List<BinaryOperator<Expr>> templates = List.of(
            (g, h) -> Expr.add(Expr.mul(g, Expr.sym("c")), h),
            (g, h) -> Expr.mul(g, h),
            (g, h) -> Expr.add(Expr.add(g, Expr.sym("a")), h),
            (g, h) -> Expr.sub(Expr.exp(Expr.neg(g)), Expr.mul(Expr.add(g, h), g)),
            (g, h) -> Expr.div(Expr.add(Expr.mul(g, h), g), Expr.add(Expr.mul(h, h), Expr.num(2))));
        AtomicInteger shared = new AtomicInteger();
        qt().withFixedSeed(4L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Expr g = RandomExprs.modest(seed, NAMES, 3);
            Expr copy = Expr.mul(g, Expr.num(1));
            Sample s = Sample.of(seed, 0.5, 5);
            for (BinaryOperator<Expr> template : templates) {
                Expr once = template.apply(g, g);
                Expr twice = template.apply(g, copy);
                Program compiled = Program.compile(once, VARIABLES, PARAMETERS);
                if (compiled.size() < once.size()) {
                    shared.incrementAndGet();
                }
                double[][] expected = jacobian(Program.compile(twice, VARIABLES, PARAMETERS), s);
                double[][] actual = jacobian(compiled, s);
                for (int k = 0; k < PARAMETERS.size(); k++) {
                    for (int r = 0; r < ROWS; r++) {
                        if (Double.isFinite(expected[k][r])) {
                            assertClose(expected[k][r], actual[k][r], 1e-9, once + " d/d" + PARAMETERS.get(k) + " row " + r);
                        }
                    }
                }
            }
        });
        assertTrue(shared.get() > 1000, shared + " laws shared a subexpression");
    }

    @Test
    void repeatedSubexpressionsCompileOnceExceptBelowMinAndMax() {
        Expr moe = Law.parse("exp(a*log(N) + b*log(1/(1/(E - 1 + (1/(s - 1) - 1/m)^-1) + 1/m))"
            + " + c*log(N)*log(1/(1/(E - 1 + (1/(s - 1) - 1/m)^-1) + 1/m)) + d)", List.of("N", "E")).expr();
        // the expert term (24 nodes) and log(N) (2) are written twice, and 1/m (3) twice inside the expert term
        assertEquals(moe.size() - 24 - 2 - 3, Program.compile(moe, List.of("N", "E"),
            List.of("a", "b", "s", "m", "c", "d")).size());
        Expr masked = LawParser.parse("min(x*a, 1) + x*a");
        assertEquals(masked.size(), Program.compile(masked, VARIABLES, PARAMETERS).size());
    }

    private static double[][] jacobian(Program program, Sample s) {
        Evaluator evaluator = program.bind(ROWS, s.columns);
        evaluator.forward(s.theta, new double[ROWS]);
        double[][] jacobian = new double[PARAMETERS.size()][ROWS];
        evaluator.jacobian(jacobian);
        return jacobian;
    }

    @Test
    void gradientOfChinchillaTermMatchesItsClosedForm() {
        Law law = Law.parse("E + A*N^(-alpha)", List.of("N"));
        double[] n = {1e6, 3e7, 1e9, 2e10};
        double[] theta = {1.7, 400, 0.34};
        Evaluator evaluator = Program.compile(law).bind(4, new double[][] {n});
        double[] out = new double[4];
        evaluator.forward(theta, out);
        double[][] jacobian = new double[3][4];
        evaluator.jacobian(jacobian);
        for (int r = 0; r < 4; r++) {
            double power = Math.pow(n[r], -0.34);
            assertClose(1.7 + 400 * power, out[r], 1e-14, "value");
            assertEquals(1.0, jacobian[0][r]);
            assertClose(power, jacobian[1][r], 1e-14, "dA");
            assertClose(-400 * power * Math.log(n[r]), jacobian[2][r], 1e-14, "dalpha");
        }
    }

    @Test
    void aZeroPowerOfAZeroBaseHasAZeroDerivativeInItsBaseOnEveryPath() {
        // with a = b = 0: a column base under a scalar and a column exponent, a scalar base under a column
        // exponent, and a power of scalars alone; each base is 0 (or -0) and each exponent 0
        double[][] columns = {{0.0, -0.0, 2}, {1, -1, 0.5}};
        for (String law : List.of("(a*x)^b", "(a*x)^(b*y)", "a^(b*y)", "a^b + c*x")) {
            for (Kernels kernels : List.of(Kernels.scalar(), Kernels.preferred())) {
                Evaluator evaluator = Program.compile(LawParser.parse(law), VARIABLES, PARAMETERS).bind(3, columns, kernels);
                double[] value = new double[3];
                evaluator.forward(new double[] {0, 0, 1}, value);
                double[][] jacobian = new double[3][3];
                evaluator.jacobian(jacobian);
                for (int r = 0; r < 3; r++) {
                    String what = law + " with " + kernels.name() + " at row " + r;
                    assertEquals(law.startsWith("a^b") ? 1 + columns[0][r] : 1, value[r], what);
                    assertTrue(jacobian[0][r] == 0, what + ": d/da = " + jacobian[0][r]);
                }
            }
        }
    }

    @Test
    void domainErrorsGiveNonFiniteValuesNotExceptions() {
        Evaluator evaluator = Program.compile(Law.parse("log(a*x) + 1/(x - b) + sqrt(x - 2)", List.of("x")))
            .bind(3, new double[][] {{1, 2, 3}});
        double[] out = new double[3];
        evaluator.forward(new double[] {-1, 2}, out);
        assertTrue(Double.isNaN(out[0]) && Double.isNaN(out[1]) && Double.isNaN(out[2]));
        evaluator.forward(new double[] {1, 2}, out);
        assertTrue(Double.isNaN(out[0]), "sqrt(-1)");
        assertEquals(Double.POSITIVE_INFINITY, out[1], "1/0 + log 2 + sqrt 0");
        assertEquals(Math.log(3) + 1 + 1, out[2], 1e-15);
        double[] gradient = new double[2];
        evaluator.gradient(new double[] {1, 1, 1}, gradient);
        assertTrue(Double.isNaN(gradient[0]) || Double.isInfinite(gradient[1]));
    }

    @Test
    void handlesLawsWithoutVariablesOrWithoutParameters() {
        double[] out = new double[3];
        Evaluator constant = Program.compile(Law.parse("a^2 + b", List.of("x"))).bind(3, new double[0][]);
        constant.forward(new double[] {3, 1}, out);
        assertArrayEquals(new double[] {10, 10, 10}, out);
        double[] gradient = new double[2];
        constant.gradient(new double[] {1, 1, 1}, gradient);
        assertArrayEquals(new double[] {18, 3}, gradient);

        Evaluator fixed = Program.compile(Law.parse("2*log(x)", List.of("x"))).bind(3, new double[][] {{1, Math.E, 4}});
        fixed.forward(new double[0], out);
        assertArrayEquals(new double[] {0, 2, 2 * Math.log(4)}, out, 1e-15);
    }

    @Test
    void reEvaluatesWhenOnlyTheParametersChange() {
        Evaluator evaluator = Program.compile(LawParser.parse("a*log(x) + x^b"), List.of("x"), List.of("a", "b"))
            .bind(2, new double[][] {{2, 8}});
        double[] out = new double[2];
        evaluator.forward(new double[] {1, 1}, out);
        assertArrayEquals(new double[] {Math.log(2) + 2, Math.log(8) + 8}, out, 1e-14);
        evaluator.forward(new double[] {0, 2}, out);
        assertArrayEquals(new double[] {4, 64}, out, 1e-13);
    }

    @Test
    void aReusedEvaluatorGivesTheBitsOfAFreshOneWhenSomeParametersChange() {
        qt().withFixedSeed(4L).withExamples(800).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.modest(seed, NAMES, 6);
            Sample s = Sample.of(seed, 0.05, 20);
            Program program = Program.compile(expr, VARIABLES, PARAMETERS);
            Evaluator reused = program.bind(ROWS, s.columns);
            reused.forward(s.theta, new double[ROWS]);
            SplittableRandom random = new SplittableRandom(seed);
            double[] theta = s.theta.clone();
            for (int k = 0; k < theta.length; k++) {
                if (random.nextBoolean()) {
                    theta[k] = random.nextDouble(-1.5, 1.5);
                }
            }
            double[] expected = new double[ROWS];
            program.bind(ROWS, s.columns).forward(theta, expected);
            double[] actual = new double[ROWS];
            reused.forward(theta, actual);
            assertArrayEquals(expected, actual, 0.0, expr.toString());
        });
    }

    @Test
    void derivativesOfSomeParametersHaveTheBitsOfThoseOfAll() {
        qt().withFixedSeed(5L).withExamples(800).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.modest(seed, NAMES, 6);
            Sample s = Sample.of(seed, 0.05, 20);
            Evaluator evaluator = Program.compile(expr, VARIABLES, PARAMETERS).bind(ROWS, s.columns);
            evaluator.forward(s.theta, new double[ROWS]);
            double[] weights = new SplittableRandom(seed).doubles(ROWS, -1, 1).toArray();
            double[] allGradient = new double[3];
            evaluator.gradient(weights, allGradient);
            double[][] allJacobian = new double[3][ROWS];
            evaluator.jacobian(allJacobian);
            for (int[] some : List.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {0, 2}, new int[] {1, 2})) {
                double[] gradient = new double[3];
                evaluator.gradient(weights, gradient, some);
                double[][] jacobian = new double[3][ROWS];
                evaluator.jacobian(jacobian, some);
                for (int k : some) {
                    // every NaN as one: the sign of a NaN from sqrt(-1.69) differs between the interpreter and
                    // compiled code (1 CI run in many failed on it), and a NaN fails the fit either way
                    assertEquals(Double.doubleToLongBits(allGradient[k]), Double.doubleToLongBits(gradient[k]),
                        expr + " parameter " + k);
                    assertArrayEquals(allJacobian[k], jacobian[k], 0.0, expr + " parameter " + k);
                }
            }
        });
    }

    private static double[] centralDifferences(Evaluator evaluator, double[] theta, int k, double h) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[k] += h;
        minus[k] -= h;
        double[] up = new double[ROWS];
        double[] down = new double[ROWS];
        evaluator.forward(plus, up);
        evaluator.forward(minus, down);
        double[] result = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            result[r] = (up[r] - down[r]) / (2 * h);
        }
        return result;
    }

    /**
     * Exact derivatives are promised where no intermediate value overflows or leaves its domain; a power's
     * derivative in its exponent needs a positive base, a square root's a positive argument.
     */
    private static boolean allIntermediatesFinite(Expr expr, Map<String, Double> row) {
        if (!Double.isFinite(ReferenceInterpreter.eval(expr, row))) {
            return false;
        }
        if (expr instanceof Expr.Apply a && (a.op() == Operator.POW || a.op() == Operator.SQRT)
            && !(ReferenceInterpreter.eval(a.arg(0), row) > 0)) {
            return false;
        }
        return !(expr instanceof Expr.Apply a) || a.args().stream().allMatch(arg -> allIntermediatesFinite(arg, row));
    }

    /** Whether the reference value is stable under a relative perturbation of 1e-13 of every input. */
    private static boolean wellConditioned(Expr expr, Sample s, int r, double expected) {
        if (!Double.isFinite(expected)) {
            return false;
        }
        double perturbed = ReferenceInterpreter.eval(perturbLiterals(expr), s.row(r, 1 + 1e-13));
        return Math.abs(perturbed - expected) <= 1e-10 * Math.max(1, Math.abs(expected));
    }

    private static Expr perturbLiterals(Expr expr) {
        return switch (expr) {
            case Expr.Num n -> Expr.num(n.value() * (1 + 1e-13));
            case Expr.Sym s -> s;
            case Expr.Apply a -> new Expr.Apply(a.op(), a.args().stream().map(EvaluatorTest::perturbLiterals).toList());
        };
    }

    static void assertClose(double expected, double actual, double relative, String message) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), message + ": expected NaN, got " + actual);
            return;
        }
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), message);
    }

    /** Random positive data for x and y and parameters in [-1.5, 1.5]. */
    /**
     * Asserts that both expressions predict the very same doubles on the sample with either kernels: on every row, or,
     * unless {@code everywhere}, on the rows where {@code expected} is defined (not NaN).
     *
     * @return the rows compared over both kernels
     */
    private static int assertSameDoubles(Expr expected, Expr actual, Sample s, boolean everywhere) {
        int compared = 0;
        for (Kernels kernels : List.of(Kernels.scalar(), Kernels.preferred())) {
            double[] before = new double[ROWS];
            double[] after = new double[ROWS];
            Program.compile(expected, VARIABLES, PARAMETERS).bind(ROWS, s.columns, kernels).forward(s.theta, before);
            Program.compile(actual, VARIABLES, PARAMETERS).bind(ROWS, s.columns, kernels).forward(s.theta, after);
            for (int r = 0; r < ROWS; r++) {
                if (everywhere || !Double.isNaN(before[r])) {
                    compared++;
                    assertEquals(Double.doubleToLongBits(before[r]), Double.doubleToLongBits(after[r]),
                        expected + " -> " + actual + " row " + r + " with " + kernels.name());
                }
            }
        }
        return compared;
    }

    record Sample(double[][] columns, double[] theta) {
        static Sample of(long seed, double low, double high) {
            SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            double[][] columns = {random.doubles(ROWS, low, high).toArray(), random.doubles(ROWS, low, high).toArray()};
            return new Sample(columns, random.doubles(3, -1.5, 1.5).toArray());
        }

        Map<String, Double> row(int r, double factor) {
            Map<String, Double> row = new HashMap<>();
            row.put("x", columns[0][r] * factor);
            row.put("y", columns[1][r] * factor);
            for (int k = 0; k < 3; k++) {
                row.put(PARAMETERS.get(k), theta[k] * factor);
            }
            return row;
        }
    }
}
