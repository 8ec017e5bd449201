package dev.evosld.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.LawParser;
import dev.evosld.law.Operator;
import dev.evosld.law.RandomExprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class ProgramTest {
    private static final List<String> VARIABLES = List.of("x", "y");
    private static final List<String> PARAMETERS = List.of("a", "b", "c");
    private static final List<String> NAMES = List.of("x", "y", "a", "b", "c");
    private static final int L = DoubleVector.SPECIES_PREFERRED.length();
    /** Around multiples of the vector length, so that every kernel's tail runs too. */
    private static final int[] ROWS = {0, 1, L - 1, L, L + 1, 3 * L + 5};
    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, -1, 1, 2, 0.5, 1e300, -1e-300};

    // ---- the compiled structure

    @Test
    void theInstructionsReadBackAsTheExpressionInPostOrder() {
        qt().withFixedSeed(41L).withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.any(seed, NAMES, 7);
            Program p = Program.compile(expr, VARIABLES, PARAMETERS);
            assertEquals(p.size - 1, p.root);
            for (int i = 0; i < p.size; i++) {
                assertTrue(p.left[i] < i && p.right[i] < i, expr + ": instruction " + i + " reads a later one");
            }
            assertEquals(expr, readBack(p, p.root), "read back");
        });
    }

    @Test
    void eachInstructionIsFlaggedByWhatItsSubtreeDependsOn() {
        qt().withFixedSeed(42L).withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.any(seed, NAMES, 7);
            Program p = Program.compile(expr, VARIABLES, PARAMETERS);
            for (int i = 0; i < p.size; i++) {
                Expr sub = readBack(p, i);
                String what = expr + ", instruction " + i + " = " + sub;
                assertEquals(VARIABLES.stream().anyMatch(sub::mentions), p.column[i], what + ": column");
                assertEquals(PARAMETERS.stream().anyMatch(sub::mentions), p.varying[i], what + ": varying");
                if (sub instanceof Expr.Apply a && a.args().size() == 2) {
                    boolean scalarThenColumn = !p.column[instructionOf(p, i, 0)] && p.column[instructionOf(p, i, 1)];
                    // only commutative operations may be stored column first
                    assertEquals(scalarThenColumn && a.op().isCommutative(), p.swapped[i], what + ": swapped");
                    if (p.swapped[i]) {
                        assertTrue(p.column[p.left[i]] && !p.column[p.right[i]], what + ": swapped column not left");
                    }
                } else {
                    assertFalse(p.swapped[i], what + ": swapped");
                }
            }
        });
    }

    @Test
    void repeatedSubexpressionsAreOneInstructionExceptBelowMinAndMax() {
        AtomicInteger shared = new AtomicInteger();
        qt().withFixedSeed(43L).withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            // a few names and shallow operands make repeats common
            Expr g = RandomExprs.modest(seed, List.of("x", "a"), 3);
            Expr h = RandomExprs.modest(seed + 1, List.of("x", "a"), 3);
            Expr expr = Expr.add(Expr.mul(g, h), Expr.sub(Expr.exp(g), Expr.mul(h, Expr.add(g, h))));
            Expr withMin = Expr.add(expr, Expr.apply(Operator.MIN, g, Expr.add(g, h)));
            for (Expr e : List.of(expr, withMin)) {
                Program p = Program.compile(e, VARIABLES, PARAMETERS);
                assertEquals(e, readBack(p, p.root));
                int[] parents = new int[p.size];
                boolean[] belowMinMax = new boolean[p.size];
                for (int i = p.size - 1; i >= 0; i--) {
                    for (int child : new int[] {p.left[i], p.right[i]}) {
                        if (child >= 0) {
                            parents[child]++;
                            belowMinMax[child] |= p.op[i] == Operator.MIN || p.op[i] == Operator.MAX || p.selectable[i];
                        }
                    }
                }
                Map<Expr, Integer> outside = new HashMap<>();
                for (int i = 0; i < p.size; i++) {
                    String what = e + ", instruction " + i + " = " + readBack(p, i);
                    assertEquals(parents[i], p.uses[i], what + ": uses");
                    assertEquals(belowMinMax[i], p.selectable[i], what + ": selectable");
                    if (p.uses[i] > 1) {
                        assertTrue(p.leaf[i] == Program.NOT_LEAF && !p.selectable[i], what + " is shared");
                        shared.incrementAndGet();
                    }
                    if (p.leaf[i] == Program.NOT_LEAF && !p.selectable[i]) {
                        Integer first = outside.put(readBack(p, i), i);
                        assertEquals(null, first, what + " repeats instruction " + first);
                    }
                }
            }
        });
        assertTrue(shared.get() > 1000, shared + " shared instructions");
    }

    @Test
    void aLawCompilesWithItsOwnVariableAndParameterOrder() {
        Law law = Law.parse("A*N^(-alpha) + B*D^(-beta) + E", List.of("D", "N"));
        Program p = Program.compile(law);
        assertEquals(List.of("N", "D"), law.variables());
        assertEquals(5, p.parameterCount());
        assertEquals(2, p.variableCount());
        double[] out = new double[2];
        p.bind(2, new double[][] {{1e6, 1e9}, {1e8, 1e10}}, Kernels.scalar()).forward(new double[] {400, 0.3, 900, 0.4, 1.7}, out);
        for (int r = 0; r < 2; r++) {
            double n = r == 0 ? 1e6 : 1e9;
            double d = r == 0 ? 1e8 : 1e10;
            assertEquals(400 * Math.pow(n, -0.3) + 900 * Math.pow(d, -0.4) + 1.7, out[r], "row " + r);
        }
    }

    @Test
    void aNameInBothListsIsAVariableAndUnusedNamesStillCount() {
        Program p = Program.compile(LawParser.parse("a*x"), List.of("x", "a", "unused"), List.of("a", "b"));
        assertEquals(3, p.variableCount());
        assertEquals(2, p.parameterCount());
        assertFalse(p.varying[p.root], "a is a variable, so nothing depends on a parameter");
        double[] out = new double[2];
        p.bind(2, new double[][] {{2, 3}, {5, 7}, {0, 0}}).forward(new double[] {100, 100}, out);
        assertEquals(10.0, out[0]);
        assertEquals(21.0, out[1]);
    }

    @Test
    void aNameInNeitherListIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Program.compile(LawParser.parse("a*x + zeta"), VARIABLES, PARAMETERS));
        assertTrue(e.getMessage().contains("zeta"), e.getMessage());
    }

    @Test
    void bindingRejectsTheWrongNumberOfColumnsAndColumnsShorterThanTheRows() {
        Program p = Program.compile(LawParser.parse("a*x + y"), VARIABLES, PARAMETERS);
        assertThrows(IllegalArgumentException.class, () -> p.bind(3, new double[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> p.bind(3, new double[][] {{1, 2, 3}, {1, 2}}));
        assertEquals(2, p.bind(2, new double[][] {{1, 2, 3}, {1, 2}}).rows(), "longer columns are fine");
    }

    // ---- values and derivatives

    /**
     * On the scalar kernels every loop is the interpreter's java.lang.Math operation on the same operands
     * (a swapped commutative pair, x + (-s) for x - s and x * -1 for -x are exact rewrites), so a compiled law
     * must give the tree's value to the bit, NaN, infinities and signed zeros included; a second parameter
     * vector on the same binding checks that only the parameter-dependent instructions were recomputed.
     */
    @Test
    void onTheScalarKernelsEveryRowIsTheTreesValueBitForBit() {
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(44L).withExamples(600).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.any(seed, NAMES, 6);
            SplittableRandom random = new SplittableRandom(seed);
            Program program = Program.compile(expr, VARIABLES, PARAMETERS);
            for (int rows : ROWS) {
                double[][] columns = {values(random, rows), values(random, rows)};
                Evaluator evaluator = program.bind(rows, columns, Kernels.scalar());
                for (int round = 0; round < 2; round++) {
                    double[] theta = values(random, 3);
                    double[] out = new double[rows];
                    evaluator.forward(theta, out);
                    for (int r = 0; r < rows; r++) {
                        double expected = ReferenceInterpreter.eval(expr, row(columns, theta, r));
                        if (!sameBits(expected, out[r])) {
                            fail(expr + " at row " + r + " of " + rows + ", round " + round + ": tree " + expected
                                + ", program " + out[r]);
                        }
                        compared.incrementAndGet();
                    }
                }
            }
        });
        assertTrue(compared.get() > 30_000, compared + " values compared");
    }

    /**
     * The Jacobian of the reverse sweep against forward-mode derivatives of the tree (dual numbers), an exact
     * oracle where finite differences are not: each dual also carries the sum of the magnitudes of its terms,
     * which bounds the rounding either side may make.
     */
    @Test
    void theJacobianIsTheTreesForwardModeDerivativeOnEveryRow() {
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        qt().withFixedSeed(45L).withExamples(800).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.modest(seed, NAMES, 6);
            SplittableRandom random = new SplittableRandom(seed);
            Program program = Program.compile(expr, VARIABLES, PARAMETERS);
            for (int rows : ROWS) {
                double[][] columns = {random.doubles(rows, 0.5, 5).toArray(), random.doubles(rows, 0.5, 5).toArray()};
                double[] theta = random.doubles(3, -1.5, 1.5).toArray();
                Evaluator evaluator = program.bind(rows, columns, Kernels.scalar());
                evaluator.forward(theta, new double[rows]);
                double[][] jacobian = new double[3][rows];
                evaluator.jacobian(jacobian);
                for (int r = 0; r < rows; r++) {
                    Map<String, Double> row = row(columns, theta, r);
                    if (!smooth(expr, row)) {
                        skipped.incrementAndGet();
                        continue;
                    }
                    for (int k = 0; k < 3; k++) {
                        Dual d = derivative(expr, row, PARAMETERS.get(k));
                        double error = Math.abs(jacobian[k][r] - d.d);
                        if (!(error <= 1e-12 * d.m)) {
                            fail(expr + " d/d" + PARAMETERS.get(k) + " at row " + r + " of " + rows + ": dual " + d.d
                                + " (terms up to " + d.m + "), reverse sweep " + jacobian[k][r]);
                        }
                        checked.incrementAndGet();
                    }
                }
            }
        });
        assertTrue(checked.get() > 2 * skipped.get() && checked.get() > 20_000, checked + " checked, " + skipped + " skipped");
    }

    // ---- helpers

    /** The expression instruction i computes, its operands unswapped. */
    private static Expr readBack(Program p, int i) {
        return switch (p.leaf[i]) {
            case Program.LEAF_CONST -> Expr.num(p.literal[i]);
            case Program.LEAF_PARAM -> Expr.sym(PARAMETERS.get(p.slot[i]));
            case Program.LEAF_VAR -> Expr.sym(VARIABLES.get(p.slot[i]));
            default -> p.right[i] < 0
                ? Expr.apply(p.op[i], readBack(p, p.left[i]))
                : Expr.apply(p.op[i], readBack(p, instructionOf(p, i, 0)), readBack(p, instructionOf(p, i, 1)));
        };
    }

    /** The instruction of operand k of binary instruction i, in the expression's order. */
    private static int instructionOf(Program p, int i, int k) {
        return (k == 0) != p.swapped[i] ? p.left[i] : p.right[i];
    }

    private static Map<String, Double> row(double[][] columns, double[] theta, int r) {
        Map<String, Double> row = new HashMap<>();
        row.put("x", columns[0][r]);
        row.put("y", columns[1][r]);
        for (int k = 0; k < 3; k++) {
            row.put(PARAMETERS.get(k), theta[k]);
        }
        return row;
    }

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (random.nextInt(5)) {
                case 0 -> SPECIALS[random.nextInt(SPECIALS.length)];
                case 1 -> random.nextDouble(-1e3, 1e3);
                default -> random.nextDouble(0.1, 5);
            };
        }
        return v;
    }

    private static boolean sameBits(double expected, double actual) {
        return Double.isNaN(expected) ? Double.isNaN(actual)
            : Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual);
    }

    /** Every intermediate finite and every log, sqrt and power base positive: where derivatives are exact. */
    private static boolean smooth(Expr expr, Map<String, Double> row) {
        if (!Double.isFinite(ReferenceInterpreter.eval(expr, row))) {
            return false;
        }
        if (expr instanceof Expr.Apply a) {
            if ((a.op() == Operator.POW || a.op() == Operator.SQRT || a.op() == Operator.LOG)
                && !(ReferenceInterpreter.eval(a.arg(0), row) > 0)) {
                return false;
            }
            return a.args().stream().allMatch(arg -> smooth(arg, row));
        }
        return true;
    }

    /** A value, its derivative, and the sum of the magnitudes of the derivative's terms. */
    record Dual(double v, double d, double m) {
        /** {@code partial * this}, adding nothing where this has no derivative (an infinite partial included). */
        Dual chain(double value, double partial) {
            return d == 0 && m == 0 ? new Dual(value, 0, 0) : new Dual(value, partial * d, Math.abs(partial) * m);
        }

        Dual plus(Dual other, double value) {
            return new Dual(value, d + other.d, m + other.m);
        }
    }

    private static Dual derivative(Expr expr, Map<String, Double> row, String parameter) {
        return switch (expr) {
            case Expr.Num n -> new Dual(n.value(), 0, 0);
            case Expr.Sym s -> s.name().equals(parameter) ? new Dual(row.get(s.name()), 1, 1) : new Dual(row.get(s.name()), 0, 0);
            case Expr.Apply a -> {
                Dual x = derivative(a.arg(0), row, parameter);
                Dual y = a.args().size() > 1 ? derivative(a.arg(1), row, parameter) : null;
                double v = ReferenceInterpreter.eval(expr, row);
                yield switch (a.op()) {
                    case ADD -> x.plus(y, v);
                    case SUB -> x.plus(y.chain(-y.v, -1), v);
                    case MUL -> x.chain(v, y.v).plus(y.chain(v, x.v), v);
                    case DIV -> x.chain(v, 1 / y.v).plus(y.chain(v, -v / y.v), v);
                    case POW -> x.chain(v, y.v * Math.pow(x.v, y.v - 1)).plus(y.chain(v, v * Math.log(x.v)), v);
                    case NEG -> x.chain(v, -1);
                    case EXP -> x.chain(v, v);
                    case LOG -> x.chain(v, 1 / x.v);
                    case SQRT -> x.chain(v, 0.5 / v);
                    case ABS -> x.chain(v, Math.signum(x.v));
                    // the left operand on ties, as the evaluator does
                    case MIN -> x.v <= y.v ? x.chain(v, 1) : y.chain(v, 1);
                    case MAX -> x.v >= y.v ? x.chain(v, 1) : y.chain(v, 1);
                };
            }
        };
    }
}
