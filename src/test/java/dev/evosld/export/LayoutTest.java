package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.export.Box.Abs;
import dev.evosld.export.Box.Fenced;
import dev.evosld.export.Box.Fraction;
import dev.evosld.export.Box.Function;
import dev.evosld.export.Box.Ident;
import dev.evosld.export.Box.Power;
import dev.evosld.export.Box.Root;
import dev.evosld.export.Box.Row;
import dev.evosld.export.Box.Sign;
import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.RandomExprs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayoutTest {
    /** Letters, a Greek letter, an upright word and subscripted names, each with a distinct symbol. */
    private static final List<String> NAMES = List.of("x", "y", "k", "alpha", "lr", "E_max", "t1");
    private static final Map<String, Symbol> SYMBOLS = symbols(NAMES);
    private static final Box MINUS = new Sign(Sign.Kind.MINUS);
    private static final Box PLUS = new Sign(Sign.Kind.PLUS);
    private static final Box JUXTAPOSE = new Sign(Sign.Kind.JUXTAPOSE);
    private static final Box CDOT = new Sign(Sign.Kind.CDOT);

    private static Map<String, Symbol> symbols(List<String> names) {
        Map<String, Symbol> symbols = new LinkedHashMap<>();
        names.forEach(name -> symbols.put(name, Notation.parameterSymbol(name)));
        return symbols;
    }

    private static Box layout(String formula) {
        return Layout.of(Law.parse(formula, List.of()).expr(), SYMBOLS);
    }

    private static Box id(String name) {
        return new Ident(SYMBOLS.get(name));
    }

    private static Box num(String digits) {
        return new Box.Number(digits, null);
    }

    private static Row row(Box... items) {
        return new Row(List.of(items));
    }

    @Test
    void signsOfNegationsProductsAndFractionsMergeIntoTheSurroundingSum() {
        assertEquals(row(id("x"), MINUS, row(id("y"), JUXTAPOSE, id("k"))), layout("x + (-y) * k"));
        assertEquals(row(id("x"), PLUS, new Fraction(id("y"), id("k"))), layout("x - y / (-k)"));
        assertEquals(row(id("x"), MINUS, id("y"), PLUS, id("k")), layout("x - (y - k)"));
        assertEquals(row(MINUS, id("x"), MINUS, id("y")), layout("-(x + y)"));
    }

    @Test
    void signsCancelInPairsWithinProductsAndFractions() {
        assertEquals(row(id("x"), JUXTAPOSE, id("y")), layout("(-x) * (-y)"));
        assertEquals(new Fraction(id("x"), id("y")), layout("(-x) / (-y)"));
        assertEquals(row(MINUS, row(id("x"), JUXTAPOSE, id("y"), JUXTAPOSE, id("k"))), layout("(-x) * (-y) * (-k)"));
        assertEquals(id("x"), layout("-(-x)"));
        assertEquals(num("2"), layout("-(-2)"));
    }

    @Test
    void negativeZeroKeepsItsMinusSign() {
        assertEquals(row(MINUS, num("0")), Layout.of(Expr.num(-0.0), SYMBOLS));
        assertEquals(num("0"), Layout.of(Expr.num(0.0), SYMBOLS));
    }

    @Test
    void numbersSplitAPowerOfTenFromTheirMantissaAndDropAMantissaOfOne() {
        assertEquals(new Box.Number("1.5", "-5"), Layout.number(1.5e-5));
        assertEquals(new Box.Number(null, "-5"), Layout.number(1e-5));
        assertEquals(new Box.Number(null, "20"), Layout.number(1e20));
        assertEquals(new Box.Number("2", "15"), Layout.number(2e15));
        assertEquals(num("123456"), Layout.number(123456));
        assertEquals(num("0.1"), Layout.number(0.1));
        assertEquals(num("0.3333333333333333"), Layout.number(1.0 / 3));
    }

    @Test
    void aPowerFencesItsBaseUnlessItIsOneSymbolOrAPlainNumber() {
        assertEquals(new Power(id("x"), id("y")), layout("x^y"));
        assertEquals(new Power(num("2"), id("y")), layout("2^y"));
        assertEquals(new Power(new Fenced(row(MINUS, id("x"))), num("2")), layout("(-x)^2"));
        assertEquals(new Power(new Fenced(row(MINUS, num("2"))), id("x")), layout("(-2)^x"));
        assertEquals(new Power(new Fenced(new Box.Number(null, "-5")), id("x")), layout("1e-5^x"));
        assertEquals(new Power(new Fenced(row(id("x"), JUXTAPOSE, id("y"))), num("2")), layout("(x * y)^2"));
        assertEquals(new Power(new Fenced(new Root(id("x"))), num("2")), layout("sqrt(x)^2"));
        assertEquals(new Power(new Abs(id("x")), num("2")), layout("abs(x)^2"));
        // -x^2 is -(x^2) by the usual convention, so a negated power needs no parentheses
        assertEquals(row(MINUS, new Power(id("x"), num("2"))), layout("-(x^2)"));
        // the exponent is a sum of its own: its sign is written inside it
        assertEquals(new Power(id("x"), row(MINUS, id("alpha"))), layout("x^(-alpha)"));
    }

    @Test
    void aFunctionTakesABareArgumentOnlyWhenItIsOneSymbolOrAPlainNumber() {
        assertEquals(new Function("log", id("x")), layout("log(x)"));
        assertEquals(new Function("exp", num("2")), layout("exp(2)"));
        assertEquals(new Function("exp", new Fenced(row(MINUS, id("x")))), layout("exp(-x)"));
        assertEquals(new Function("log", new Fenced(new Box.Number(null, "-5"))), layout("log(1e-5)"));
        assertEquals(new Function("log", new Fenced(new Fraction(id("x"), id("y")))), layout("log(x / y)"));
        assertEquals(new Function("max", new Fenced(row(id("x"), new Sign(Sign.Kind.COMMA), row(MINUS, id("y"))))),
            layout("max(x, -y)"));
    }

    @Test
    void productsUseADotOnlyWhereJuxtapositionWouldMisread() {
        assertEquals(row(num("2"), JUXTAPOSE, id("x")), layout("2 * x"));
        assertEquals(row(id("x"), CDOT, num("2")), layout("x * 2"));
        assertEquals(row(id("x"), CDOT, new Power(num("2"), id("y"))), layout("x * 2^y"));
        assertEquals(row(num("2"), CDOT, new Fraction(num("1"), id("x"))), layout("2 * (1 / x)"));
        assertEquals(row(new Fraction(num("1"), id("x")), JUXTAPOSE, id("y")), layout("(1 / x) * y"));
        assertEquals(row(id("lr"), CDOT, id("x")), layout("lr * x"));
        assertEquals(row(id("x"), CDOT, new Power(id("lr"), num("2"))), layout("x * lr^2"));
        // a subscripted letter is not a word, and a Greek letter is a command: juxtaposition is safe
        assertEquals(row(id("E_max"), JUXTAPOSE, id("alpha"), JUXTAPOSE, id("t1")), layout("E_max * alpha * t1"));
    }

    @Test
    void aFunctionFollowedByAnotherFactorGetsParenthesesSoItDoesNotSwallowIt() {
        assertEquals(row(new Function("log", new Fenced(id("x"))), JUXTAPOSE, id("y")), layout("log(x) * y"));
        assertEquals(row(id("y"), JUXTAPOSE, new Function("log", id("x"))), layout("y * log(x)"));
    }

    @Test
    void aNameWithoutASymbolIsAnIllegalArgument() {
        var thrown = assertThrows(IllegalArgumentException.class, () -> layout("x + zeta"));
        assertEquals("no symbol for 'zeta'", thrown.getMessage());
    }

    @Test
    void everyConstructReadsBackToTheLawsValue() {
        // a reading of the typeset formula, not of the boxes: this fails on a sign or a grouping a person
        // would get wrong even where each box looks right on its own
        List<String> formulas = List.of(
            "x - (y - k) - -(alpha - lr)", "x / (y * k) - (-x) / y", "(x + y)^(k - alpha) * 2 * lr",
            "(-x)^3 + -(x^y) + (x^y)^k + x^y^k", "2^x * 1.5e-5 * x * 3 * (1 / y)", "(1 / x) * (y / k) * 2",
            "log(x) * exp(y) * k + exp(-x / y) * log(x * y)", "lr * E_max * t1 * alpha",
            "min(x, -y) * max(x - y, lr) / abs(k - 2)", "sqrt(x + y) * sqrt(y) - abs(-x)",
            "-(x * y) * -k * (-(2 * lr))", "exp(2) * log(1e-5 + x) * exp(1e-5)", "(2 * x)^(-0.5) - 1e20 * x^2");
        Map<Symbol, Double> bySymbol = new HashMap<>();
        Map<String, Double> values = new HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (String name : NAMES) {
            double value = random.nextDouble(1.1, 3);
            values.put(name, value);
            bySymbol.put(SYMBOLS.get(name), value);
        }
        for (String formula : formulas) {
            Expr expr = Law.parse(formula, List.of()).expr();
            double expected = expr.evaluate(values::get);
            assertTrue(Double.isFinite(expected), formula);
            assertEquals(expected, BoxReader.read(Layout.of(expr, SYMBOLS), bySymbol), 1e-12 * Math.abs(expected),
                () -> formula + " laid out as " + LatexMath.render(Layout.of(expr, SYMBOLS)));
        }
    }

    @Test
    void randomLawsReadBackToTheirOwnValue() {
        // seeds 0..2999 include exp(-(lr - alpha)) and (-(-1.26 - k))^2.37, both misread today (see below)
        SplittableRandom random = new SplittableRandom(5);
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            Expr expr = RandomExprs.modest(i, NAMES, 5);
            Box box = Layout.of(expr, SYMBOLS);
            Map<String, Double> values = new HashMap<>();
            Map<Symbol, Double> bySymbol = new HashMap<>();
            for (String name : NAMES) {
                double value = random.nextDouble(0.5, 2);
                values.put(name, value);
                bySymbol.put(SYMBOLS.get(name), value);
            }
            double expected = expr.evaluate(values::get);
            double read;
            try {
                read = BoxReader.read(box, bySymbol);
            } catch (BoxReader.Unreadable e) {
                throw new AssertionError(expr + " laid out as " + LatexMath.render(box) + ": " + e.getMessage(), e);
            }
            // the layout regroups sums and products, which moves overflows and cancellations around
            if (Double.isFinite(expected) && Math.abs(expected) < 1e6) {
                assertEquals(expected, read, 1e-9 * Math.max(1, Math.abs(expected)),
                    () -> expr + " laid out as " + LatexMath.render(box));
                compared++;
            }
        }
        assertTrue(compared > 1500, "compared only " + compared);
    }

    @Test
    void aNegatedSumKeepsItsParenthesesAsAFunctionArgumentOrPowerBase() {
        // exp(-(x - y)) came out as \exp\left(-x - y\right): the minus pulled out of the sum is written in
        // front of it without parentheses, so it negates only its first term
        assertReadsBack("exp(-(x - y))");
        assertReadsBack("(-(x - y))^3");
        assertReadsBack("log(-(x - 2 * y))");
        assertFalse(LatexMath.render(layout("(-(-2 - k))^2")).contains("--"),
            LatexMath.render(layout("(-(-2 - k))^2")));
    }

    @Test
    void aFunctionEndingANegatedProductDoesNotSwallowTheFactorAfterIt() {
        // -(y log x) k came out as -y \log x k, which reads log(x k): only a function that is itself a
        // factor gets its parentheses, not one at the end of a product nested by the negation
        assertReadsBack("-(y * log(x)) * k");
    }

    private static void assertReadsBack(String formula) {
        Expr expr = Law.parse(formula, List.of()).expr();
        Map<String, Double> values = Map.of("x", 1.5, "y", 2.5, "k", 1.25);
        Map<Symbol, Double> bySymbol = new HashMap<>();
        values.forEach((name, value) -> bySymbol.put(SYMBOLS.get(name), value));
        double expected = expr.evaluate(values::get);
        assertTrue(Double.isFinite(expected), formula);
        Box box = Layout.of(expr, SYMBOLS);
        assertEquals(expected, BoxReader.read(box, bySymbol), 1e-12 * Math.abs(expected),
            () -> formula + " laid out as " + LatexMath.render(box));
    }
}
