package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.jenetics.prog.op.MathExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

class LawTest {

    @Test
    void bindsFeaturesAsVariablesAndTheRestAsParametersInOrderOfAppearance() {
        Law law = Law.parse("E + A*params^(-alpha) + B*tokens^(-beta) + A", List.of("tokens", "params", "unique"));
        assertEquals(List.of("params", "tokens"), law.variables());
        assertEquals(List.of("E", "A", "alpha", "B", "beta"), law.parameters());
        assertEquals(5, law.parameterCount());
        assertEquals(law, Law.parse(law.toString(), List.of("tokens", "params", "unique")));
    }

    @Test
    void aLawWithOnlyLiteralsHasNoParameters() {
        Law law = Law.parse("1.87 + 521/params^0.353", List.of("params"));
        assertEquals(0, law.parameterCount());
    }

    @Test
    void convertsToJeneticsTreesAndBack() {
        qt().withFixedSeed(11L).withExamples(1000)
            .forAll(longs().all())
            .checkAssert(seed -> {
                Expr expr = RandomExprs.any(seed, List.of("x", "y", "a", "b"), 6);
                Law law = Law.of(expr, List.of("x", "y"));
                assertEquals(expr, LawTrees.fromTree(LawTrees.toTree(law)));
            });
    }

    @Test
    void jeneticsEvaluatesTheConvertedTreeAsTheSameFormula() {
        Law law = Law.parse("a*x^b + log(x)/c - exp(-x)", List.of("x"));
        MathExpr jenetics = new MathExpr(LawTrees.toTree(law));
        // Var indices: variables first, then parameters in order of appearance (a, b, c)
        double x = 2.5, a = 1.5, b = 0.7, c = 3.0;
        double expected = a * Math.pow(x, b) + Math.log(x) / c - Math.exp(-x);
        assertEquals(expected, jenetics.eval(x, a, b, c), 1e-12);
    }

    @Test
    void readsJeneticsShorthands() {
        assertEquals(LawParser.parse("x^2"), LawTrees.fromTree(MathExpr.parse("sqr(x)").tree()));
    }
}
