package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.jenetics.ext.util.Tree;
import io.jenetics.ext.util.TreeNode;
import io.jenetics.prog.op.Const;
import io.jenetics.prog.op.EphemeralConst;
import io.jenetics.prog.op.MathExpr;
import io.jenetics.prog.op.MathOp;
import io.jenetics.prog.op.Op;
import io.jenetics.prog.op.Var;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What {@link LawTest} leaves out: Var indices, tree shape, the operation mapping and the refusals. */
class LawTreesTest {
    private static final List<String> FEATURES = List.of("x", "y");

    @Test
    void everyOperationHasItsOwnJeneticsOperationAndMapsBack() {
        Set<MathOp> used = new HashSet<>();
        for (Operator op : Operator.values()) {
            MathOp mathOp = LawTrees.mathOp(op);
            assertEquals(op.arity(), mathOp.arity(), op.name());
            assertTrue(used.add(mathOp), "two operations map to " + mathOp);
            assertSame(op, LawTrees.operator(mathOp));
        }
    }

    @Test
    void jeneticsOperationsTheLanguageLacksAreRefusedByName() {
        Set<MathOp> mapped = new HashSet<>();
        for (Operator op : Operator.values()) {
            mapped.add(LawTrees.mathOp(op));
        }
        for (MathOp op : MathOp.values()) {
            if (!mapped.contains(op)) {
                assertEquals("the law language has no operation '" + op.name() + "'",
                    assertThrows(IllegalArgumentException.class, () -> LawTrees.operator(op)).getMessage());
            }
        }
        TreeNode<Op<Double>> sine = TreeNode.<Op<Double>>of(MathOp.SIN).attach(TreeNode.of(Var.of("x", 0)));
        assertEquals("the law language has no operation '" + MathOp.SIN.name() + "'",
            assertThrows(IllegalArgumentException.class, () -> LawTrees.fromTree(sine)).getMessage());
    }

    @Test
    void variablesComeFirstThenParametersEachIndexedByItsPosition() {
        Law law = Law.parse("b*y + a*x^c - b", FEATURES);
        List<String> order = new ArrayList<>(law.variables());
        order.addAll(law.parameters());
        assertEquals(List.of("y", "x", "b", "a", "c"), order);
        List<String> seen = new ArrayList<>();
        LawTrees.toTree(law).preorderStream().forEach(node -> {
            if (node.value() instanceof Var<Double> v) {
                assertEquals(order.indexOf(v.name()), v.index(), v.name());
                seen.add(v.name());
            }
        });
        assertEquals(List.of("b", "y", "a", "x", "c", "b"), seen, "pre-order, a name once per occurrence");
    }

    @Test
    void aNameOutsideTheGivenListIsRefused() {
        assertEquals("name 'z' is not among [x, a]", assertThrows(IllegalArgumentException.class,
            () -> LawTrees.toTree(LawParser.parse("a*x + z"), List.of("x", "a"))).getMessage());
    }

    @Test
    void theTreeHasOneNodePerExpressionNodeAndTheSameDepth() {
        qt().withFixedSeed(17L).withExamples(500)
            .forAll(longs().all())
            .checkAssert(seed -> {
                Expr expr = RandomExprs.any(seed, List.of("x", "y", "a", "b"), 7);
                TreeNode<Op<Double>> tree = LawTrees.toTree(Law.of(expr, FEATURES));
                assertEquals(expr.size(), tree.size(), expr.toString());
                assertEquals(expr.depth(), tree.depth() + 1, "Jenetics counts a leaf as depth 0");
                tree.forEach(node -> assertEquals(node.value().arity(), node.childCount(), node.value().name()));
            });
    }

    @Test
    void jeneticsEvaluatesEveryConvertedLawAsTheLawItself() {
        // the mapping's semantics, not only its names: arguments in the same order, the same functions
        SplittableRandom random = new SplittableRandom(19);
        qt().withFixedSeed(19L).withExamples(400)
            .forAll(longs().all())
            .checkAssert(seed -> {
                Law law = Law.of(RandomExprs.modest(seed, List.of("x", "y", "a", "b"), 6), FEATURES);
                List<String> order = new ArrayList<>(law.variables());
                order.addAll(law.parameters());
                double[] args = new double[order.size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = random.nextDouble(-3, 3);
                }
                double expected = law.expr().evaluate(name -> args[order.indexOf(name)]);
                double actual = new MathExpr(LawTrees.toTree(law)).eval(args);
                if (Double.isNaN(expected) || Double.isInfinite(expected)) {
                    assertEquals(expected, actual, law.toString());
                } else {
                    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), law.toString());
                }
            });
    }

    @Test
    void jeneticsShorthandsAndEphemeralConstantsReadAsTheLanguage() {
        TreeNode<Op<Double>> id = TreeNode.<Op<Double>>of(MathOp.ID).attach(TreeNode.of(Var.of("x", 0)));
        assertEquals(Expr.sym("x"), LawTrees.fromTree(id));
        TreeNode<Op<Double>> square = TreeNode.<Op<Double>>of(MathOp.SQR).attach(TreeNode.of(Const.of(1.5)));
        assertEquals(Expr.pow(Expr.num(1.5), Expr.num(2)), LawTrees.fromTree(square));
        // mutation may create ephemeral constants; they are literals like any other
        Tree<Op<Double>, ?> ephemeral = TreeNode.<Op<Double>>of(EphemeralConst.of(() -> 0.25));
        assertEquals(Expr.num(0.25), LawTrees.fromTree(ephemeral));
    }

    @Test
    void aNonFiniteJeneticsConstantIsNotALiteral() {
        assertThrows(IllegalArgumentException.class, () -> LawTrees.fromTree(TreeNode.<Op<Double>>of(Const.of(Double.NaN))));
    }

    @Test
    void anExpressionConvertsWithAnyListThatHoldsItsNames() {
        Expr expr = LawParser.parse("a*x^b + min(x, 0.5)");
        List<String> names = List.of("unused", "b", "x", "a");
        TreeNode<Op<Double>> tree = LawTrees.toTree(expr, names);
        assertEquals(expr, LawTrees.fromTree(tree));
        // indices follow the given list, so Jenetics reads the arguments in that order
        assertEquals(3.0 * Math.pow(2, 0.5) + 0.5, new MathExpr(tree).eval(99, 0.5, 2, 3), 1e-15);
        assertEquals(EnumSet.of(Operator.ADD, Operator.MUL, Operator.POW, Operator.MIN), operators(tree));
    }

    private static Set<Operator> operators(TreeNode<Op<Double>> tree) {
        Set<Operator> ops = EnumSet.noneOf(Operator.class);
        tree.forEach(node -> {
            if (node.value() instanceof MathOp m) {
                ops.add(LawTrees.operator(m));
            }
        });
        return ops;
    }
}
