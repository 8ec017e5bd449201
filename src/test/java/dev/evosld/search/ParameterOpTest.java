package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.jenetics.ext.util.TreeNode;
import io.jenetics.prog.op.Const;
import io.jenetics.prog.op.MathOp;
import io.jenetics.prog.op.Op;
import io.jenetics.prog.op.Program;
import io.jenetics.prog.op.Var;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterOpTest {

    @Test
    void twoOccurrencesOfAParameterAreEqualWhateverTheirValuesAndDistinctNamesAreNot() {
        qt().withFixedSeed(3L).withExamples(300)
            .forAll(integers().between(0, 3), integers().between(0, 3), doubles().any(), doubles().any())
            .checkAssert((i, j, x, y) -> {
                ParameterOp a = new ParameterOp("p" + i, x);
                ParameterOp b = new ParameterOp("p" + j, y);
                assertEquals(i.equals(j), a.equals(b));
                assertEquals(a.equals(b), b.equals(a));
                if (a.equals(b)) {
                    assertEquals(a.hashCode(), b.hashCode());
                }
            });
    }

    @Test
    void aSetOfOccurrencesHoldsOneSymbolPerName() {
        Set<Op<Double>> symbols = new HashSet<>(Set.of(new ParameterOp("a", 1.0)));
        symbols.add(new ParameterOp("a", 2.0));
        symbols.add(new ParameterOp("b", 1.0));
        assertEquals(2, symbols.size());
    }

    @Test
    void aParameterIsNeverEqualToAConstantOrVariableOfTheSameNameOrValue() {
        // were it equal to a Const, Jenetics' rewriter would fold it into a number
        ParameterOp a = new ParameterOp("a", 2.0);
        assertNotEquals(a, Const.of("a", 2.0));
        assertNotEquals(a, Var.<Double>of("a", 0));
        assertNotEquals(a, "a");
        assertNotEquals(a, null);
    }

    @Test
    void itIsATerminalThatEvaluatesToItsFittedValueAndPrintsAsItsName() {
        ParameterOp a = new ParameterOp("A", 2.5);
        assertEquals(0, a.arity());
        assertTrue(a.isTerminal());
        assertEquals(2.5, a.apply(new Double[0]));
        assertEquals("A", a.toString());
    }

    @Test
    void aProgramTreeEvaluatesWithTheParametersLastFittedValues() {
        // A*N^a at N = 4 with A = 3, a = 0.5
        TreeNode<Op<Double>> tree = TreeNode.<Op<Double>>of(MathOp.MUL)
            .attach(TreeNode.of(new ParameterOp("A", 3.0)))
            .attach(TreeNode.<Op<Double>>of(MathOp.POW)
                .attach(TreeNode.of(Var.of("N", 0)))
                .attach(TreeNode.of(new ParameterOp("a", 0.5))));
        assertEquals(6.0, Program.eval(tree, 4.0), 0.0);
    }

    @Test
    void aFreshParameterHasTheReservedNameAndEqualsEveryOtherFreshOne() {
        ParameterOp fresh = ParameterOp.fresh(Double.NaN);
        assertEquals("_new", fresh.name());
        assertEquals(ParameterOp.FRESH, fresh.name());
        assertTrue(Double.isNaN(fresh.apply(new Double[0])));
        assertEquals(fresh, ParameterOp.fresh(1.0));
    }

    @Test
    void aParameterMustHaveAName() {
        assertThrows(NullPointerException.class, () -> new ParameterOp(null, 1.0));
    }
}
