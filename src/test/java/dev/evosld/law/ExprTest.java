package dev.evosld.law;

import static dev.evosld.law.Expr.add;
import static dev.evosld.law.Expr.apply;
import static dev.evosld.law.Expr.div;
import static dev.evosld.law.Expr.exp;
import static dev.evosld.law.Expr.log;
import static dev.evosld.law.Expr.mul;
import static dev.evosld.law.Expr.neg;
import static dev.evosld.law.Expr.num;
import static dev.evosld.law.Expr.pow;
import static dev.evosld.law.Expr.sub;
import static dev.evosld.law.Expr.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ExprTest {
    private static final List<String> NAMES = List.of("x", "y", "a", "b");

    /** E + A*N^(-alpha) + B*D^(-beta) */
    private static final Expr CHINCHILLA = add(add(sym("E"), mul(sym("A"), pow(sym("N"), neg(sym("alpha"))))),
        mul(sym("B"), pow(sym("D"), neg(sym("beta")))));

    @Test
    void literalsAreFiniteAndNamesAreIdentifiers() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals("a literal must be finite: " + bad, assertThrows(IllegalArgumentException.class, () -> num(bad)).getMessage());
        }
        for (String bad : List.of("", "2x", "a-b", "a b", "caf\u00e9", "x.y")) {
            assertEquals("not an identifier: '" + bad + "'", assertThrows(IllegalArgumentException.class, () -> sym(bad)).getMessage());
        }
        assertThrows(NullPointerException.class, () -> sym(null));
        assertEquals("_x9", sym("_x9").name());
    }

    @Test
    void anOperationTakesExactlyItsArityOfArguments() {
        assertEquals("ADD takes 2 arguments, got 1",
            assertThrows(IllegalArgumentException.class, () -> apply(Operator.ADD, sym("x"))).getMessage());
        assertEquals("LOG takes 1 arguments, got 2",
            assertThrows(IllegalArgumentException.class, () -> apply(Operator.LOG, sym("x"), sym("y"))).getMessage());
        assertThrows(NullPointerException.class, () -> new Expr.Apply(null, List.of(sym("x"))));
    }

    @Test
    void anOperationKeepsItsOwnCopyOfTheArguments() {
        List<Expr> args = new ArrayList<>(List.of(sym("x"), num(1)));
        Expr.Apply sum = new Expr.Apply(Operator.ADD, args);
        args.set(1, num(2));
        assertEquals(add(sym("x"), num(1)), sum);
        assertThrows(UnsupportedOperationException.class, () -> sum.args().set(0, sym("y")));
    }

    @Test
    void equalStructuresAreEqualKeysAndAnyDifferenceIsNot() {
        Map<Expr, String> cache = new HashMap<>();
        cache.put(LawParser.parse("E + A*N^(-alpha) + B*D^(-beta)"), "fitted");
        assertEquals("fitted", cache.get(CHINCHILLA));
        assertEquals(CHINCHILLA.hashCode(), LawParser.parse("E+A*N^-alpha+B*D^-beta").hashCode());
        // commuted, renamed, re-associated or a different literal: a different law for the cache
        assertNotEquals(add(sym("x"), sym("y")), add(sym("y"), sym("x")));
        assertNotEquals(sym("x"), sym("X"));
        assertNotEquals(add(add(sym("a"), sym("b")), sym("c")), add(sym("a"), add(sym("b"), sym("c"))));
        assertNotEquals(num(0.1 + 0.2), num(0.3));
        assertNotEquals(neg(sym("x")), sub(num(0), sym("x")));
        // 0 and -0 differ in 1/x, so folding one into the other would change a law
        assertNotEquals(num(0.0), num(-0.0));
        assertEquals(Double.NEGATIVE_INFINITY, div(num(1), num(-0.0)).evaluate(n -> 0));
    }

    @Test
    void sizeCountsNodesAndDepthCountsLevels() {
        assertEquals(1, num(3).size());
        assertEquals(1, sym("x").depth());
        assertEquals(15, CHINCHILLA.size());
        assertEquals(6, CHINCHILLA.depth(), "+ + * ^ - alpha");
        assertEquals(3, log(exp(sym("x"))).depth());
        assertEquals(5, pow(mul(sym("a"), sym("b")), num(2)).size());
    }

    @Test
    void nodesAreVisitedInPreOrderLeftToRight() {
        List<String> visited = new ArrayList<>();
        Expr expr = sub(mul(sym("a"), sym("b")), log(num(2)));
        expr.forEachNode(node -> visited.add(node instanceof Expr.Apply a ? a.op().name() : node.toString()));
        assertEquals(List.of("SUB", "MUL", "a", "b", "LOG", "2"), visited);
    }

    @Test
    void sizeDepthUsesAndMentionsAgreeWithTheNodesVisited() {
        qt().withFixedSeed(23L).withExamples(500)
            .forAll(longs().all())
            .checkAssert(seed -> {
                Expr expr = RandomExprs.any(seed, NAMES, 7);
                List<Expr> nodes = new ArrayList<>();
                expr.forEachNode(nodes::add);
                assertEquals(nodes.size(), expr.size());
                assertTrue(expr.depth() >= 1 && expr.depth() <= expr.size());
                assertSame(expr, nodes.getFirst());
                Set<Operator> applied = new HashSet<>();
                Set<String> named = new HashSet<>();
                for (Expr node : nodes) {
                    if (node instanceof Expr.Apply a) {
                        applied.add(a.op());
                    } else if (node instanceof Expr.Sym s) {
                        named.add(s.name());
                    }
                }
                for (Operator op : Operator.values()) {
                    assertEquals(applied.contains(op), expr.uses(op), op + " in " + expr);
                }
                for (String name : List.of("x", "y", "a", "b", "z")) {
                    assertEquals(named.contains(name), expr.mentions(name), name + " in " + expr);
                }
            });
    }

    @Test
    void usesLooksAtOperationsAndMentionsAtNamesOnly() {
        Expr expr = LawParser.parse("a*exp(-x) + min(y, 2)");
        assertTrue(expr.uses(Operator.EXP));
        assertTrue(expr.uses(Operator.NEG));
        assertTrue(expr.uses(Operator.MIN));
        assertFalse(expr.uses(Operator.SUB), "a prefix minus is NEG, not SUB");
        assertFalse(expr.uses(Operator.MAX));
        assertFalse(sym("log").uses(Operator.LOG));
        assertTrue(expr.mentions("y"));
        assertFalse(expr.mentions("exp"), "function names are not names");
        assertFalse(expr.mentions("2"));
        assertFalse(num(2).mentions("x"));
    }

    @Test
    void renamingReplacesEveryNameAndKeepsShapeAndValue() {
        Map<String, String> prime = Map.of("x", "x1", "y", "y1", "a", "a1", "b", "b1");
        qt().withFixedSeed(29L).withExamples(300)
            .forAll(longs().all())
            .checkAssert(seed -> {
                Expr expr = RandomExprs.modest(seed, NAMES, 6);
                Expr renamed = expr.rename(prime::get);
                assertEquals(expr.size(), renamed.size());
                assertEquals(expr.depth(), renamed.depth());
                for (String name : NAMES) {
                    assertFalse(renamed.mentions(name), name);
                }
                Map<String, Double> values = Map.of("x", 1.3, "y", 0.7, "a", -2.0, "b", 2.5);
                double before = expr.evaluate(values::get);
                double after = renamed.evaluate(name -> values.get(name.substring(0, 1)));
                assertEquals(Double.doubleToLongBits(before), Double.doubleToLongBits(after), expr.toString());
                assertEquals(expr, renamed.rename(name -> name.substring(0, 1)));
            });
        assertThrows(IllegalArgumentException.class, () -> sym("x").rename(name -> "1" + name));
    }

    /** A formula and the same formula written directly in Java. */
    private record Case(String formula, ToDoubleFunction<double[]> direct) {
    }

    @Test
    void evaluatesAsTheSameFormulaWrittenInJavaAtRandomPoints() {
        // x, y, a, b are p[0..3]
        List<Case> cases = List.of(
            new Case("a + b*x^(-y)", p -> p[2] + p[3] * Math.pow(p[0], -p[1])),
            new Case("a - b - x", p -> p[2] - p[3] - p[0]),
            new Case("a / b / x", p -> p[2] / p[3] / p[0]),
            new Case("x^y^a", p -> Math.pow(p[0], Math.pow(p[1], p[2]))),
            new Case("-x^2 + exp(-y)", p -> -Math.pow(p[0], 2) + Math.exp(-p[1])),
            new Case("log(abs(x)) * sqrt(abs(y))", p -> Math.log(Math.abs(p[0])) * Math.sqrt(Math.abs(p[1]))),
            new Case("min(x, y) - max(a, b)", p -> Math.min(p[0], p[1]) - Math.max(p[2], p[3])),
            new Case("exp(a*log(x) + b*log(y) + 1.5)", p -> Math.exp(p[2] * Math.log(p[0]) + p[3] * Math.log(p[1]) + 1.5)),
            new Case("pow(x, 0.5) / (1 + y^2)", p -> Math.pow(p[0], 0.5) / (1 + Math.pow(p[1], 2))));
        SplittableRandom random = new SplittableRandom(31);
        for (Case c : cases) {
            Expr expr = LawParser.parse(c.formula());
            for (int sample = 0; sample < 200; sample++) {
                double[] p = {random.nextDouble(0.01, 50), random.nextDouble(-3, 3), random.nextDouble(-5, 5),
                    random.nextDouble(-5, 5)};
                if (sample % 10 == 0) {
                    p[0] = -p[0];
                }
                Map<String, Double> values = Map.of("x", p[0], "y", p[1], "a", p[2], "b", p[3]);
                double expected = c.direct().applyAsDouble(p);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(expr.evaluate(values::get)),
                    () -> c.formula() + " at " + values);
            }
        }
    }

    @Test
    void evaluationAsksForEachNameItMeets() {
        List<String> asked = new ArrayList<>();
        double value = CHINCHILLA.evaluate(name -> {
            asked.add(name);
            return switch (name) {
                case "E" -> 1.69;
                case "A" -> 406.4;
                case "alpha" -> 0.34;
                case "B" -> 410.7;
                case "beta" -> 0.28;
                case "N" -> 1e9;
                default -> 2e10;
            };
        });
        assertEquals(List.of("E", "A", "N", "alpha", "B", "D", "beta"), asked);
        assertEquals(1.69 + 406.4 * Math.pow(1e9, -0.34) + 410.7 * Math.pow(2e10, -0.28), value, 1e-12);
    }
}
