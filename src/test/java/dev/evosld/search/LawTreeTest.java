package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.evosld.law.Law;
import dev.evosld.law.RandomExprs;
import io.jenetics.ext.util.TreeNode;
import io.jenetics.prog.op.MathExpr;
import io.jenetics.prog.op.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LawTreeTest {
    private static final List<String> FEATURES = List.of("N", "D");

    @Test
    void convertsLawsAndValuesToJeneticsTreesAndBack() {
        qt().withFixedSeed(5L).withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Law law = Law.of(RandomExprs.any(seed, List.of("N", "D", "a", "b"), 6), FEATURES);
            LawTree tree = new LawTree(law, Map.of("a", 1.5));
            LawTree back = LawTree.fromTree(tree.toTree(FEATURES), FEATURES);
            assertEquals(law, back.law());
            assertEquals(law.parameters().contains("a") ? Map.of("a", 1.5) : Map.of(), back.values());
        });
    }

    @Test
    void jeneticsRewritingKeepsParametersAsParameters() {
        Law law = Law.parse("(a + 3)*N + a*N", FEATURES);
        TreeNode<Op<Double>> tree = new LawTree(law, Map.of("a", 2.0)).toTree(FEATURES);
        MathExpr.ARITHMETIC_REWRITER.rewrite(tree);
        Law rewritten = LawTree.fromTree(tree, FEATURES).law();
        assertEquals(List.of("a"), rewritten.parameters(), rewritten.toString());
    }

    @Test
    void freshParametersBecomeDistinctNames() {
        TreeNode<Op<Double>> tree = TreeNode.<Op<Double>>of(io.jenetics.prog.op.MathOp.ADD)
            .attach(TreeNode.of(ParameterOp.fresh(Double.NaN)))
            .attach(TreeNode.<Op<Double>>of(io.jenetics.prog.op.MathOp.MUL)
                .attach(TreeNode.of(ParameterOp.fresh(Double.NaN)))
                .attach(TreeNode.of(new ParameterOp("p1", 3.0))));
        Law law = LawTree.fromTree(tree, FEATURES).law();
        assertEquals(3, law.parameterCount(), law.toString());
        assertNotEquals(law.parameters().get(0), law.parameters().get(1));
    }
}
