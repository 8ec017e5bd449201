package dev.evosld.law;

import static dev.evosld.law.Expr.add;
import static dev.evosld.law.Expr.div;
import static dev.evosld.law.Expr.mul;
import static dev.evosld.law.Expr.neg;
import static dev.evosld.law.Expr.num;
import static dev.evosld.law.Expr.pow;
import static dev.evosld.law.Expr.sub;
import static dev.evosld.law.Expr.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LawParserTest {

    @Test
    void parsesTheChinchillaLaw() {
        Expr expected = add(add(sym("E"), mul(sym("A"), pow(sym("params"), neg(sym("alpha"))))),
            mul(sym("B"), pow(sym("tokens"), neg(sym("beta")))));
        assertEquals(expected, LawParser.parse("E + A*params^(-alpha) + B*tokens^(-beta)"));
        assertEquals(expected, LawParser.parse("E+A*params^-alpha+B*tokens**-beta"));
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanMinus() {
        assertEquals(pow(sym("x"), pow(sym("y"), sym("z"))), LawParser.parse("x^y^z"));
        assertEquals(neg(pow(sym("x"), num(2))), LawParser.parse("-x^2"));
        assertEquals(neg(pow(num(2), sym("x"))), LawParser.parse("-2^x"));
        assertEquals(pow(sym("x"), num(-0.5)), LawParser.parse("x^-0.5"));
        assertEquals(pow(sym("x"), num(-0.5)), LawParser.parse("pow(x, -.5)"));
    }

    @Test
    void operatorsAreLeftAssociative() {
        assertEquals(sub(sub(sym("a"), sym("b")), sym("c")), LawParser.parse("a - b - c"));
        assertEquals(div(div(sym("a"), sym("b")), sym("c")), LawParser.parse("a / b / c"));
        assertEquals(mul(neg(sym("a")), sym("b")), LawParser.parse("-a*b"));
    }

    @Test
    void minusBeforeANumberIsPartOfTheLiteral() {
        assertEquals(num(-3), LawParser.parse("-3"));
        assertEquals(neg(num(3)), LawParser.parse("-(3)"));
        assertEquals(sub(sym("a"), num(-3)), LawParser.parse("a - -3"));
        assertEquals(sym("a"), LawParser.parse("+a"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ".5      | 0.5",
        "1e-3    | 0.001",
        "2.5E+2  | 250",
        "3.      | 3",
        "1e5     | 100000",
    })
    void readsNumbers(String text, double value) {
        assertEquals(num(value), LawParser.parse(text));
    }

    @Test
    void readsFunctions() {
        assertEquals("exp(log(x)) + sqrt(abs(y)) + min(x, y) * max(1, y)",
            LawParser.parse("exp(log(x)) + sqrt(abs(y)) + min(x,y)*max(1,y)").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a*log(x) + ln(x)       | law:12: unknown function 'ln' (log is the natural logarithm)",
        "2x                     | law:2: unexpected 'x' after a complete expression (multiplication needs a '*': write 2*x)",
        "x y                    | law:3: unexpected 'y' after a complete expression (multiplication needs a '*': write x*y)",
        "(x + 1                 | law:7: expected ')' to close the '(' at column 1 but found end of law",
        "x +                    | law:4: unexpected end of law",
        "\"   \"                  | law:4: empty law",
        "a $ b                  | law:3: unexpected character '$'",
        "min(x)                 | law:1: 'min' takes 2 arguments, got 1",
        "log(x, y)              | law:1: 'log' takes 1 argument, got 2",
        "log + x                | law:1: function 'log' needs arguments in parentheses",
        "x * )                  | law:5: expected a number, a name or '(' but found ')'",
        "1e999 * x              | law:1: number '1e999' is out of range",
        "1e-400 * x             | law:1: number '1e-400' is out of range",
        "foo(x, y) + 1          | law:1: unknown function 'foo' (the functions are exp, log, sqrt, abs, min, max, pow)",
        "a,b                    | law:2: unexpected ',' after a complete expression",
    })
    void reportsTheColumnOfEveryError(String text, String message) {
        LawSyntaxException e = assertThrows(LawSyntaxException.class, () -> LawParser.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void namesACharacterOutsideASCIIByItsCodePointAndName() {
        // pasted from a web page or a PDF, such a character looks like the one meant, or like nothing at all
        assertEquals("law:4: unexpected character U+00A0 NO-BREAK SPACE", syntaxError("E +\u00a0A*N"));
        assertEquals("law:6: unexpected character U+200B ZERO WIDTH SPACE", syntaxError("E + A\u200b*N"));
        assertEquals("law:6: unexpected character U+2212 MINUS SIGN (write - for minus)", syntaxError("E + A\u2212B*N"));
        assertEquals("law:4: unexpected character U+00D7 MULTIPLICATION SIGN (write * for multiplication)",
            syntaxError("A*N\u00d7B"));
        assertEquals("law:5: unexpected character U+1F600 GRINNING FACE", syntaxError("A * \ud83d\ude00"));
    }

    @Test
    void saysWhatToWriteForNotationFromPapersAndCalculators() {
        // a formula pasted from a paper or typed as on paper: one line that names the position and the fix
        assertEquals("law:6: unexpected character U+00D7 MULTIPLICATION SIGN (write * for multiplication)",
            syntaxError("E + A\u00d7N^a"));
        assertEquals("law:6: unexpected character U+00B7 MIDDLE DOT (write * for multiplication)",
            syntaxError("E + A\u00b7N^a"));
        assertEquals("law:3: unexpected character U+2212 MINUS SIGN (write - for minus)", syntaxError("E \u2212 A*N^a"));
        assertEquals("law:9: unexpected character U+2013 EN DASH (write - for minus)", syntaxError("E + A*N^\u2013a"));
        assertEquals("law:4: unexpected character U+00F7 DIVISION SIGN (write / for division)", syntaxError("A*N\u00f7D"));
        assertEquals("law:8: unexpected character U+00B2 SUPERSCRIPT TWO (write ^ for a power, as in N^2)",
            syntaxError("E + A*N\u00b2"));
        assertEquals("law:10: unexpected character U+03B1 GREEK SMALL LETTER ALPHA (write alpha: a name is ASCII"
            + " letters, digits and _)", syntaxError("E + A*N^-\u03b1"));
        assertEquals("law:6: unexpected character '=' (write the formula alone, without 'loss =')",
            syntaxError("loss = E + A*N^a"));
        assertEquals("law:9: unexpected character '{' (group with parentheses)", syntaxError("E + A*N^{-a}"));
        assertEquals("law:3: unexpected character U+221A SQUARE ROOT (write sqrt(x) for a square root)",
            syntaxError("A*\u221aN"));
        // a formula copied from code: the module prefix of a function the language has, a comment, a statement's end
        assertEquals("law:5: unexpected character '.' (write log(...), without 'np.')", syntaxError("A*np.log(N)"));
        assertEquals("law:11: unexpected character '.' (write exp(...), without 'math.')",
            syntaxError("E + A*math.exp(-N)"));
        assertEquals("law:4: unexpected character '.'", syntaxError("A*N.b"));
        assertEquals("law:8: unexpected character '#' (a law has no comments: write the formula alone)",
            syntaxError("A*N^a  # Kaplan"));
        assertEquals("law:6: unexpected character ';' (a law is one formula: write it without ';')",
            syntaxError("A*N^a;"));
        assertEquals("law:6: unexpected 'N' after a complete expression (multiplication needs a '*': write 2*N)",
            syntaxError("E + 2N^a"));
        assertEquals("law:7: unexpected 'N' after a complete expression (multiplication needs a '*': write A*N)",
            syntaxError("E + A N^a"));
        assertEquals("law:6: unexpected '(' after a complete expression (multiplication needs a '*')",
            syntaxError("A*(N)(D)"));
        assertEquals("law:7: unknown function 'ln' (log is the natural logarithm)", syntaxError("E + A*ln(N)"));
        assertEquals("law:7: unknown function 'log10' (write log(x) / log(10))", syntaxError("E + A*log10(N)"));
        assertEquals("law:7: unknown function 'Log' (write log: names are case-sensitive)", syntaxError("E + A*Log(N)"));
        assertEquals("law:7: unknown function 'power' (the functions are exp, log, sqrt, abs, min, max, pow)",
            syntaxError("E + A*power(N, a)"));
    }

    @Test
    void aNumbersExponentWithoutDigitsIsToldSoNotReadAsAProductWithAParameterE() {
        // "write 1*e" would have fitted a parameter e per group, where 1e0 or exp(1) was meant
        assertEquals("law:2: unexpected 'e' after a complete expression (a number's exponent needs digits after the e,"
            + " as in 1e3 or 1e-3; for Euler's number write exp(1))", syntaxError("1e*N"));
        assertEquals("law:12: unexpected 'E' after a complete expression (a number's exponent needs digits after the E,"
            + " as in 2.5E3 or 2.5E-3; for Euler's number write exp(1))", syntaxError("A*N^a + 2.5E-N"));
        assertEquals("law:10: unexpected 'e' after a complete expression (a number's exponent needs digits after the e,"
            + " as in 3e3 or 3e-3; for Euler's number write exp(1))", syntaxError("A*N^a + 3e"));
        // a space between, or a number that has its exponent, is a product written as on paper
        assertEquals("law:3: unexpected 'e' after a complete expression (multiplication needs a '*': write 2*e)",
            syntaxError("2 e*N"));
        assertEquals("law:4: unexpected 'e' after a complete expression (multiplication needs a '*': write 1e3*e)",
            syntaxError("1e3e*N"));
    }

    @Test
    void readsOnlyASCIIDigitsAsNumbers() {
        // Java counts these as digits, but no number of the law language is written with them
        assertEquals("law:5: unexpected character U+0663 ARABIC-INDIC DIGIT THREE", syntaxError("E + \u0663*N"));
        assertEquals("law:5: unexpected character U+FF11 FULLWIDTH DIGIT ONE", syntaxError("E + \uff11*N"));
        assertEquals("law:6: unexpected character U+0663 ARABIC-INDIC DIGIT THREE", syntaxError("E + 1\u0663*N"));
        assertEquals("law:5: unexpected character '.'", syntaxError("E + .\u0663*N"));
    }

    @Test
    void refusesLawsLongerOrDeeperThanAnyScalingLaw() {
        String sum = "-x" + " + x".repeat((LawParser.MAX_TOKENS - 2) / 2);
        LawParser.parse(sum);
        LawSyntaxException longer = assertThrows(LawSyntaxException.class, () -> LawParser.parse(sum + " + x"));
        assertEquals("law:" + (sum.length() + 2) + ": the law is longer than 1000 symbols, numbers and operators, more than"
            + " any scaling law needs", longer.getMessage());
        String nested = "(".repeat(LawParser.MAX_DEPTH) + "x" + ")".repeat(LawParser.MAX_DEPTH);
        LawParser.parse(nested);
        LawSyntaxException deeper = assertThrows(LawSyntaxException.class, () -> LawParser.parse("(" + nested + ")"));
        assertEquals("law:65: parentheses nest deeper than 64 levels", deeper.getMessage());
    }

    @Test
    void refusesALawWhosePrintedFormWouldBeLongerOrDeeperThanItReads() {
        // law.json holds a law as LawPrinter writes it, with the parentheses that x^y^z, --x and a - -1 imply
        String implied = " once written out with the parentheses its powers and minus signs imply, as law.json holds it";
        String tower = "x" + "^y".repeat(LawParser.MAX_DEPTH + 1);
        assertEquals(LawParser.parse(tower), LawParser.parse(LawParser.parse(tower).toString()));
        assertEquals("law:1: parentheses nest deeper than 64 levels" + implied, syntaxError(tower + "^y"));
        String minuses = "-".repeat(LawParser.MAX_DEPTH + 1) + "x";
        assertEquals(LawParser.parse(minuses), LawParser.parse(LawParser.parse(minuses).toString()));
        assertEquals("law:1: parentheses nest deeper than 64 levels" + implied, syntaxError("-" + minuses));
        String negatives = "x" + " - -1".repeat(300);
        assertEquals("law:1: the law is longer than 1000 symbols, numbers and operators" + implied,
            syntaxError(negatives));
    }

    @Test
    void namesTheSourceInErrors() {
        LawSyntaxException e = assertThrows(LawSyntaxException.class,
            () -> LawParser.parse("configs/moe.yaml human_law", "a +* b"));
        assertEquals("configs/moe.yaml human_law:4: expected a number, a name or '(' but found '*'", e.getMessage());
        assertEquals(4, e.column());
    }

    private static String syntaxError(String text) {
        return assertThrows(LawSyntaxException.class, () -> LawParser.parse(text)).getMessage();
    }
}
