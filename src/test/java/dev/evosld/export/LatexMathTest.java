package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.evosld.export.Symbol.Greek;
import dev.evosld.export.Symbol.Letter;
import dev.evosld.export.Symbol.Word;
import dev.evosld.law.Expr;
import dev.evosld.law.RandomExprs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatexMathTest {
    private static final Box X = new Ident(Symbol.of(new Letter('x')));
    private static final Box Y = new Ident(Symbol.of(new Letter('y')));
    private static final Box ALPHA = new Ident(Symbol.of(new Greek("alpha")));
    private static final Box PLUS = new Sign(Sign.Kind.PLUS);
    private static final Box MINUS = new Sign(Sign.Kind.MINUS);

    private static Row row(Box... items) {
        return new Row(List.of(items));
    }

    private static String latex(Box box) {
        return LatexMath.render(box);
    }

    @Test
    void signsBetweenItemsAreSpacedAndASignThatOpensARowIsNot() {
        assertEquals("x + y - x", latex(row(X, PLUS, Y, MINUS, X)));
        assertEquals("-x + y", latex(row(MINUS, X, PLUS, Y)));
        assertEquals("+x", latex(row(PLUS, X)));
        assertEquals("-", latex(MINUS));
        assertEquals("x \\cdot 2", latex(row(X, new Sign(Sign.Kind.CDOT), new Box.Number("2", null))));
        assertEquals("x y", latex(row(X, new Sign(Sign.Kind.JUXTAPOSE), Y)));
        assertEquals("x, y", latex(row(X, new Sign(Sign.Kind.COMMA), Y)));
        assertEquals("y = x", latex(row(Y, new Sign(Sign.Kind.EQUALS), X)));
        // each row opens afresh: a signed row inside a fraction or parentheses starts with a bare "-"
        assertEquals("\\frac{-x}{y}", latex(new Fraction(row(MINUS, X), Y)));
        assertEquals("\\left(-x\\right)", latex(new Fenced(row(MINUS, X))));
    }

    @Test
    void numbersWriteTheirPowerOfTenWithTimesAndBraces() {
        assertEquals("42", LatexMath.number(new Box.Number("42", null)));
        assertEquals("1.5 \\times 10^{-3}", LatexMath.number(new Box.Number("1.5", "-3")));
        assertEquals("10^{20}", LatexMath.number(new Box.Number(null, "20")));
        assertEquals("10^{20}", latex(new Box.Number(null, "20")));
    }

    @Test
    void fractionsPowersRootsAndBarsBraceTheirParts() {
        assertEquals("\\frac{x + y}{\\alpha}", latex(new Fraction(row(X, PLUS, Y), ALPHA)));
        // braces even around one character, so that a two-digit exponent stays whole
        assertEquals("x^{2}", latex(new Power(X, new Box.Number("2", null))));
        assertEquals("x^{12}", latex(new Power(X, new Box.Number("12", null))));
        assertEquals("x^{y^{2}}", latex(new Power(X, new Power(Y, new Box.Number("2", null)))));
        assertEquals("\\left(x + y\\right)^{-\\alpha}", latex(new Power(new Fenced(row(X, PLUS, Y)), row(MINUS, ALPHA))));
        assertEquals("\\sqrt{x + y}", latex(new Root(row(X, PLUS, Y))));
        assertEquals("\\left|x - y\\right|", latex(new Abs(row(X, MINUS, Y))));
    }

    @Test
    void aFunctionIsSpacedFromABareArgumentAndJoinedToAParenthesisedOne() {
        // "\logx" would be an undefined control sequence
        assertEquals("\\log x", latex(new Function("log", X)));
        assertEquals("\\exp 2", latex(new Function("exp", new Box.Number("2", null))));
        assertEquals("\\log\\left(x\\right)", latex(new Function("log", new Fenced(X))));
        assertEquals("\\min\\left(x, y\\right)",
            latex(new Function("min", new Fenced(row(X, new Sign(Sign.Kind.COMMA), Y)))));
    }

    @Test
    void namesAreWrittenByTheirSymbols() {
        assertEquals("\\alpha \\mathrm{lr}_{\\mathrm{max}}", latex(row(ALPHA, new Sign(Sign.Kind.JUXTAPOSE),
            new Ident(new Symbol(new Word("lr"), List.of(new Word("max")))))));
        assertEquals("\\mathrm{num\\_params}", latex(new Ident(Symbol.of(new Word("num_params")))));
    }

    @Test
    void randomLawsGiveBalancedBracesAndParentheses() {
        List<String> names = List.of("x", "alpha", "E_max", "num_params", "t1");
        Map<String, Symbol> symbols = new LinkedHashMap<>();
        names.forEach(name -> symbols.put(name, Notation.parameterSymbol(name)));
        for (int seed = 0; seed < 2000; seed++) {
            Expr expr = RandomExprs.any(seed, names, 6);
            String latex = latex(Layout.of(expr, symbols));
            int depth = 0;
            for (int i = 0; i < latex.length(); i++) {
                char c = latex.charAt(i);
                // an escaped brace would be a literal brace; none is expected here
                assertFalse(c == '\\' && i + 1 < latex.length() && "{}".indexOf(latex.charAt(i + 1)) >= 0, latex);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                assertTrue(depth >= 0, latex);
            }
            assertEquals(0, depth, latex);
            assertEquals(count(latex, "\\left("), count(latex, "\\right)"), latex);
            assertEquals(count(latex, "\\left|"), count(latex, "\\right|"), latex);
            assertFalse(latex.contains("\\left(\\right)"), latex);
            assertFalse(latex.contains("  "), "no doubled spaces: " + latex);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
