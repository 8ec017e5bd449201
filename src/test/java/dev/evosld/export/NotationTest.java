package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotationTest {
    private static final List<String> FEATURES = List.of("x", "y", "N", "lr", "bsz", "num_params", "parallel_size",
        "proportion_domain_1", "proportion_domain_2", "sft_data_size", "tokens", "unique_tokens", "log_flops");

    private static String latex(String formula) {
        // the law's own variables as the task's features: these cases are about layout, not about other features
        Law law = Law.parse(formula, FEATURES);
        return Notation.of(law, law.variables(), List.of("loss")).latex();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        // fractions, and signs pulled out of them
        "A / x => L = \\frac{A}{x}",
        "x / (-y) => L = -\\frac{x}{y}",
        "1 / (1 / x) => L = \\frac{1}{\\frac{1}{x}}",
        // powers: braces, negative exponents, parentheses only around compound bases
        "x^(-alpha) => L = x^{-\\alpha}",
        "A * N^(-0.5) => L = A N^{-0.5}",
        "(x + 1)^2 => L = \\left(x + 1\\right)^{2}",
        "(a / b)^c => L = \\left(\\frac{a}{b}\\right)^{c}",
        "(x^y)^z => L = \\left(x^{y}\\right)^{z}",
        "x^y^z => L = x^{y^{z}}",
        "(-2)^x => L = \\left(-2\\right)^{x}",
        "exp(x)^2 => L = \\left(\\exp x\\right)^{2}",
        // sums: a + (-b) reads a - b, and a - (b - c) needs no parentheses
        "a - (b - c) => L = a - b + c",
        "a + -b => L = a - b",
        "-x * y => L = -x y",
        // products: juxtaposition, a dot before a number, between numbers and between upright words
        "k * x * y => L = k x y",
        "x * 2 => L = x \\cdot 2",
        "2 * 3 * x => L = 2 \\cdot 3 x",
        "2 * (1 / x) => L = 2 \\cdot \\frac{1}{x}",
        "lr * bsz => L = \\mathrm{lr} \\cdot \\mathrm{bsz}",
        "c * (x + y) => L = c \\left(x + y\\right)",
        // functions, nested; a bare argument only for a single symbol
        "log(x) => L = \\log x",
        "log(x) * y => L = \\log\\left(x\\right) y",
        "exp(-x / 2) => L = \\exp\\left(-\\frac{x}{2}\\right)",
        "log(log(x + 1)) => L = \\log\\left(\\log\\left(x + 1\\right)\\right)",
        "sqrt(x + 1) / abs(y - 2) => L = \\frac{\\sqrt{x + 1}}{\\left|y - 2\\right|}",
        "min(x, 1.5e-5) * max(x, y) => L = \\min\\left(x, 1.5 \\times 10^{-5}\\right) \\max\\left(x, y\\right)",
        "1e-5 * x => L = 10^{-5} x",
        // parameter names: Greek, subscripts from underscores and trailing digits
        "alpha + beta1 + Gamma => L = \\alpha + \\beta_{1} + \\Gamma",
        "E_max + t1 * t_2 + L_inf => L = E_{\\mathrm{max}} + t_{1} t_{2} + L_{\\mathrm{inf}}",
        "R_N_k + Emax => L = R_{N,k} + \\mathrm{Emax}",
        // feature names: short ones kept, long ones get a symbol
        "(A / (num_params * (k * log(parallel_size) + 1)))^alpha + E"
            + " => L = \\left(\\frac{A}{N \\left(k \\log P + 1\\right)}\\right)^{\\alpha} + E",
        "A / (sft_data_size^alpha + B) + C => L = \\frac{A}{D^{\\alpha} + B} + C",
        "t1 * proportion_domain_1 + t2 * proportion_domain_2 => L = t_{1} P_{1} + t_{2} P_{2}",
    })
    void typesetsLikeAPaper(String formula, String expected) {
        assertEquals(expected, latex(formula.strip()));
    }

    @Test
    void neverGivesTwoNamesTheSameSymbol() {
        // x1 reads as x_1 like the parameter x_1, tokens and unique_tokens both want D, D is also a parameter;
        // the features keep theirs, since the parameters change from law to law
        Law law = Law.parse("x_1 * x1 + D * tokens + unique_tokens + C * log_flops", List.of("x1", "tokens",
            "unique_tokens", "log_flops"));
        Notation notation = Notation.of(law, law.variables(), List.of("loss"));
        Set<String> symbols = new HashSet<>();
        for (String name : List.of("x_1", "x1", "D", "tokens", "unique_tokens", "C", "log_flops")) {
            assertTrue(symbols.add(notation.latexSymbol(name)), name + " → " + notation.latexSymbol(name));
        }
        assertEquals("x_{1}", notation.latexSymbol("x1"));
        assertEquals("x'_{1}", notation.latexSymbol("x_1"));
        assertEquals("D", notation.latexSymbol("tokens"));
        assertEquals("D'", notation.latexSymbol("D"));
        assertEquals("<math><msup><mi>D</mi><mo>′</mo></msup></math>", notation.mathMlSymbol("D"));
        assertEquals("U", notation.latexSymbol("unique_tokens"));
    }

    @Test
    void aFeaturesSymbolDependsOnTheTasksFeaturesNotOnTheLaw() {
        List<String> features = List.of("unique_tokens", "params", "tokens");
        // tokens is D although this law leaves it out, so unique_tokens is U in every law of the task
        Notation unique = Notation.of(Law.parse("A / unique_tokens^alpha", features), features, List.of("loss"));
        assertEquals("U", unique.latexSymbol("unique_tokens"));
        Notation both = Notation.of(Law.parse("A / unique_tokens^alpha + B / tokens^beta", features),
            List.of("tokens", "unique_tokens", "params"), List.of("loss"));
        assertEquals("U", both.latexSymbol("unique_tokens"), "whatever order the task lists them in");
        assertEquals("D", both.latexSymbol("tokens"));
        assertThrows(IllegalArgumentException.class,
            () -> Notation.of(Law.parse("A / tokens", features), List.of("params"), List.of("loss")));
    }

    @Test
    void aColumnNamedLikeAGreekLetterKeepsItsNameSoItNeverReadsAsAParameter() {
        // alpha and the Greek letters are how a paper writes fitted parameters; a data column named lambda or mu
        // set as λ or μ would read as one, beside the parameter alpha that stays α
        List<String> features = List.of("lambda", "mu_2", "x_beta");
        Law law = Law.parse("A * lambda^(-alpha) + B * mu_2 + x_beta", features);
        Notation notation = Notation.of(law, features, List.of("eta"));
        assertEquals("\\mathrm{eta} = A \\cdot \\mathrm{lambda}^{-\\alpha} + B \\cdot \\mathrm{mu}_{2}"
            + " + x_{\\mathrm{beta}}",
            notation.latex());
        assertEquals("<math><mi>lambda</mi></math>", notation.mathMlSymbol("lambda"));
        assertEquals("<math><mi>α</mi></math>", notation.mathMlSymbol("alpha"));
        assertFalse(notation.mathMl().contains("λ") || notation.mathMl().contains("η"), notation.mathMl());
        // the names are spelt out as they are, so the legend need not explain them
        assertEquals(List.of(false, false, false, false),
            notation.legend().stream().map(Notation.LegendEntry::abbreviates).toList());
    }

    @Test
    void aColumnNamedENeverReadsAsEulersNumber() {
        // e was set as e, so B * e^beta read as B times Euler's number to the power beta, a constant
        Law law = Law.parse("F + A * log(alpha) + B * e^beta", List.of("alpha", "e"));
        Notation notation = Notation.of(law, List.of("alpha", "e"), List.of("loss"));
        assertEquals("L = F + A \\log \\mathrm{alpha} + B E^{\\beta}", notation.latex());
        assertEquals(List.of("\\mathrm{alpha}", "E", "L"),
            notation.legend().stream().map(Notation.LegendEntry::latex).toList());
        assertEquals(List.of(false, true, true), notation.legend().stream().map(Notation.LegendEntry::abbreviates).toList());
        // beside a column E each keeps a symbol of its own, and neither is e
        Law both = Law.parse("F + A * E^alpha + B * e^beta", List.of("E", "e"));
        Notation beside = Notation.of(both, List.of("E", "e"), List.of("loss"));
        assertEquals("L = F + A E^{\\alpha} + B E'^{\\beta}", beside.latex());
        assertEquals("<math><msup><mi>E</mi><mo>′</mo></msup></math>", beside.mathMlSymbol("e"));
    }

    @Test
    void aParameterNamedENeverReadsAsEulersNumber() {
        // fit --law 'A*N^e' was set L = A N^e, N to the power of Euler's number, with nothing to say otherwise
        Law law = Law.parse("A * N^e", List.of("N"));
        Notation notation = Notation.of(law, List.of("N"), List.of("loss"));
        assertEquals("L = A N^{E}", notation.latex());
        assertEquals("E", notation.latexSymbol("e"));
        assertEquals(List.of("N", "E", "L"), notation.legend().stream().map(Notation.LegendEntry::latex).toList());
        assertEquals(List.of("feature", "parameter", "target"),
            notation.legend().stream().map(Notation.LegendEntry::role).toList());
        assertEquals(List.of("e"), notation.legend().get(1).names());
        assertTrue(notation.legend().get(1).abbreviates());
        // beside a parameter E, wherever it stands, or a column E, E is theirs and e is E'
        assertEquals("L = A N^{E'} + E", Notation.of(Law.parse("A * N^e + E", List.of("N")), List.of("N"),
            List.of("loss")).latex());
        assertEquals("L = E + A N^{E'}", Notation.of(Law.parse("E + A * N^e", List.of("N")), List.of("N"),
            List.of("loss")).latex());
        assertEquals("L = A E^{E'}", Notation.of(Law.parse("A * E^e", List.of("E")), List.of("E"),
            List.of("loss")).latex());
        // no legend entry for a parameter that keeps its own name
        assertEquals(List.of("N", "L"), Notation.of(Law.parse("A * N^alpha", List.of("N")), List.of("N"),
            List.of("loss")).legend().stream().map(Notation.LegendEntry::latex).toList());
    }

    @Test
    void theEquationComesInPiecesEachWholeThatStartAtTheSignsOfSumsOutsideFractionsAndPowers() throws Exception {
        // domain_mixture's E + exp(...) of five powers: MathML does not wrap, so a phone needs pieces to wrap
        Law law = Law.parse("E - exp(alpha * x^beta + gamma * y^beta) * (A / (x + y) - B)", List.of("x", "y"));
        List<String> pieces = Notation.of(law, law.variables(), List.of("loss")).mathMlPieces();
        assertEquals(List.of("L=E", "&#x2212;exp&#x2061;(\u03b1&#x2062;x\u03b2", "+\u03b3&#x2062;y\u03b2)&#x2062;(Ax+y",
            "&#x2212;B)"),
            pieces.stream().map(piece -> piece.replaceAll("<[^>]+>", "")).toList());
        for (String piece : pieces) {
            assertTrue(piece.startsWith("<math>") && piece.endsWith("</math>"), piece);
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(piece.getBytes(StandardCharsets.UTF_8)));
        }
        assertTrue(pieces.get(2).startsWith("<math><mo form=\"infix\">+</mo>"), pieces.get(2));
        // a law without a sum is one piece, set as the equation on one line sets it
        Notation power = Notation.of(Law.parse("A * x^alpha", List.of("x")), List.of("x"), List.of("loss"));
        assertEquals(List.of("<math><mi>L</mi><mo>=</mo><mrow><mi>A</mi><mo>&#x2062;</mo><msup><mi>x</mi>"
            + "<mi>\u03b1</mi></msup></mrow></math>"), power.mathMlPieces());
    }

    @Test
    void legendNamesEveryFeatureAndTheTarget() {
        Law law = Law.parse("A / num_params^alpha + x", List.of("num_params", "x"));
        List<Notation.LegendEntry> legend = Notation.of(law, law.variables(), List.of("sft_loss")).legend();
        assertEquals(List.of("N", "x", "L"), legend.stream().map(Notation.LegendEntry::latex).toList());
        assertEquals(List.of(true, false, true), legend.stream().map(Notation.LegendEntry::abbreviates).toList());
        assertEquals(List.of("feature", "feature", "target"), legend.stream().map(Notation.LegendEntry::role).toList());
    }

    @Test
    void severalTargetsShareOneResponseSymbol() {
        Law law = Law.parse("c + k * exp(t1 * x)", List.of("x"));
        Notation notation = Notation.of(law, law.variables(), List.of("loss_1", "loss_2"));
        assertTrue(notation.latex().startsWith("y = c + k \\exp"), notation.latex());
        Notation.LegendEntry target = notation.legend().getLast();
        assertEquals(List.of("loss_1", "loss_2"), target.names());
    }

    @Test
    void breaksLongSumsBeforeASignAndKeepsShortOnesWhole() {
        Notation shortLaw = Notation.of(Law.parse("A / x^alpha + E", List.of("x")), List.of("x"), List.of("loss"));
        assertEquals(1, shortLaw.latexLines(40).size());
        Notation longLaw = Notation.of(Law.parse(
            "A * x^(-alpha) + B * y^(-beta) + C * x^gamma * y^delta + D * log(x) * log(y) + F * exp(-x / y) + G",
            List.of("x", "y")), List.of("x", "y"), List.of("loss"));
        List<String> lines = longLaw.latexLines(20);
        assertTrue(lines.size() > 1, lines.toString());
        assertTrue(lines.getFirst().startsWith("L = A x^{-\\alpha}"), lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("+") || line.startsWith("-"), line);
        }
    }

    @Test
    void mathMlIsWellFormedXml() throws Exception {
        Law law = Law.parse("(A / (num_params * (k * log(parallel_size) + 1)))^alpha + E_max - min(x, 1e-3)"
            + " * sqrt(abs(y)) / exp(-x)", FEATURES);
        String mathMl = Notation.of(law, law.variables(), List.of("loss")).mathMl();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(mathMl.getBytes(StandardCharsets.UTF_8)));
        assertEquals("math", document.getDocumentElement().getTagName());
        assertEquals("block", document.getDocumentElement().getAttribute("display"));
        for (String element : List.of("mfrac", "msup", "msub", "msqrt", "mo", "mi", "mn")) {
            assertTrue(document.getElementsByTagName(element).getLength() > 0, element);
        }
        assertTrue(mathMl.contains("<mi>α</mi>"), mathMl);
        assertTrue(mathMl.contains("<mi>log</mi>"), mathMl);
        assertFalse(mathMl.contains("\\"), "no LaTeX left in MathML: " + mathMl);
    }

    @Test
    void latexValuesHaveSixSignificantDigitsAndKeepTheirTrailingZeros() {
        assertEquals("1.51191 \\times 10^{8}", Notation.latexValue(1.51190747757047E8));
        assertEquals("-0.212520", Notation.latexValue(-0.21252013983784562));
        assertEquals("-1.56222 \\times 10^{-10}", Notation.latexValue(-1.5622176054020362e-10));
        assertEquals("1.00000 \\times 10^{-5}", Notation.latexValue(1e-5));
        assertEquals("0.000100000", Notation.latexValue(1e-4));
        assertEquals("2.00000", Notation.latexValue(2.0));
        // rounding up carries into the next power of ten
        assertEquals("1.00000 \\times 10^{6}", Notation.latexValue(999999.7));
        assertEquals("0", Notation.latexValue(0.0));
        assertEquals("-0", Notation.latexValue(-0.0));
    }
}
