package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.evosld.export.Symbol.Letter;
import dev.evosld.law.Expr;
import dev.evosld.law.RandomExprs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class MathMlTest {
    private static final Box X = new Ident(Symbol.of(new Letter('x')));
    private static final Box Y = new Ident(Symbol.of(new Letter('y')));
    private static final String MI_X = "<mi>x</mi>";
    private static final String MI_Y = "<mi>y</mi>";
    /** The elements whose children are counted, with how many they take. */
    private static final Map<String, Integer> ARITY = Map.of("mfrac", 2, "msup", 2, "msub", 2);
    private static final Set<String> TOKENS = Set.of("mi", "mn", "mo");
    private static final Set<String> LAYOUT = Set.of("math", "mrow", "mfrac", "msup", "msub", "msqrt", "mspace");

    private static Row row(Box... items) {
        return new Row(List.of(items));
    }

    private static String mathMl(Box box) {
        return MathMl.render(box);
    }

    @Test
    void signsAreOperatorsWithTheirUnicodeCharacters() {
        assertEquals("<mrow>" + MI_X + "<mo>+</mo>" + MI_Y + "<mo>&#x2212;</mo>" + MI_X + "</mrow>",
            mathMl(row(X, new Sign(Sign.Kind.PLUS), Y, new Sign(Sign.Kind.MINUS), X)));
        assertEquals("<mo>&#x22C5;</mo>", mathMl(new Sign(Sign.Kind.CDOT)));
        // invisible times, so that a screen reader says "x times y"
        assertEquals("<mo>&#x2062;</mo>", mathMl(new Sign(Sign.Kind.JUXTAPOSE)));
        assertEquals("<mo separator=\"true\">,</mo>", mathMl(new Sign(Sign.Kind.COMMA)));
        assertEquals("<mo>=</mo>", mathMl(new Sign(Sign.Kind.EQUALS)));
    }

    @Test
    void numbersWriteTheirPowerOfTenAsASuperscriptWithATrueMinus() {
        assertEquals("<mn>42</mn>", mathMl(new Box.Number("42", null)));
        assertEquals("<mn>1.5</mn><mo>&#x00D7;</mo><msup><mn>10</mn><mrow><mo>&#x2212;</mo><mn>3</mn></mrow></msup>",
            mathMl(new Box.Number("1.5", "-3")));
        assertEquals("<msup><mn>10</mn><mn>20</mn></msup>", mathMl(new Box.Number(null, "20")));
    }

    @Test
    void aNumberWithAPowerOfTenIsOneChildOfAFractionOrPower() {
        // mfrac and msup take exactly two children; "1.5 × 10^-3" is three elements until grouped
        assertEquals("<mfrac><mrow><mn>1.5</mn><mo>&#x00D7;</mo><msup><mn>10</mn><mrow><mo>&#x2212;</mo><mn>3</mn>"
            + "</mrow></msup></mrow>" + MI_X + "</mfrac>", mathMl(new Fraction(new Box.Number("1.5", "-3"), X)));
        assertEquals("<msup>" + MI_X + "<mrow><msup><mn>10</mn><mn>2</mn></msup></mrow></msup>",
            mathMl(new Power(X, new Box.Number(null, "2"))));
        assertEquals("<msup><mn>2</mn>" + MI_X + "</msup>", mathMl(new Power(new Box.Number("2", null), X)));
    }

    @Test
    void parenthesesStretchOnlyAroundMoreThanOneSymbol() {
        assertEquals("<mrow><mo stretchy=\"false\">(</mo>" + MI_X + "<mo stretchy=\"false\">)</mo></mrow>",
            mathMl(new Fenced(X)));
        assertEquals("<mrow><mo>(</mo><mfrac>" + MI_X + MI_Y + "</mfrac><mo>)</mo></mrow>",
            mathMl(new Fenced(new Fraction(X, Y))));
    }

    @Test
    void aFunctionIsAppliedWithThinSpacesAroundItsName() {
        assertEquals("<mrow><mspace width=\"0.1667em\"/><mi>log</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/>"
            + MI_X + "</mrow>", mathMl(new Function("log", X)));
        assertEquals("<mrow><mspace width=\"0.1667em\"/><mi>exp</mi><mo>&#x2061;</mo><mrow><mo stretchy=\"false\">(</mo>"
            + MI_X + "<mo stretchy=\"false\">)</mo></mrow></mrow>", mathMl(new Function("exp", new Fenced(X))));
    }

    @Test
    void rootsAndBars() {
        assertEquals("<msqrt>" + MI_X + "</msqrt>", mathMl(new Root(X)));
        assertEquals("<mrow><mo>|</mo>" + MI_X + "<mo>|</mo></mrow>", mathMl(new Abs(X)));
    }

    @Test
    void randomLawsGiveWellFormedMathMlWithTheRightNumberOfChildren() throws Exception {
        List<String> names = List.of("x", "alpha", "Gamma", "E_max", "R_N_k", "num_params", "t1");
        Map<String, Symbol> symbols = new LinkedHashMap<>();
        names.forEach(name -> symbols.put(name, Notation.parameterSymbol(name)));
        DocumentBuilder parser = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        for (int seed = 0; seed < 1500; seed++) {
            Expr expr = RandomExprs.any(seed, names, 6);
            Box box = Layout.of(expr, symbols);
            String mathMl = "<math>" + mathMl(box) + "</math>";
            Element math = parser.parse(new ByteArrayInputStream(mathMl.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
            check(math, mathMl);
            // both renderers draw the same boxes: as many fractions and roots in each
            String latex = LatexMath.render(box);
            assertEquals(count(latex, "\\frac{"), math.getElementsByTagName("mfrac").getLength(), latex);
            assertEquals(count(latex, "\\sqrt{"), math.getElementsByTagName("msqrt").getLength(), latex);
            assertEquals(count(latex, "^{"), math.getElementsByTagName("msup").getLength(), latex);
        }
    }

    /** MathML Core structure: known elements, text only in tokens, fixed arity, function applications after a function name. */
    private static void check(Element element, String mathMl) {
        String name = element.getTagName();
        assertTrue(TOKENS.contains(name) || LAYOUT.contains(name), name + " in " + mathMl);
        List<Element> children = children(element);
        if (TOKENS.contains(name)) {
            assertTrue(children.isEmpty() && !element.getTextContent().isEmpty(), name + " in " + mathMl);
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            assertTrue(child.getNodeType() == Node.ELEMENT_NODE, "text outside a token in " + mathMl);
        }
        if (ARITY.containsKey(name)) {
            assertEquals(ARITY.get(name), children.size(), name + " in " + mathMl);
        }
        if (name.equals("msqrt")) {
            // msqrt reads its children as one row, however many
            assertTrue(!children.isEmpty(), mathMl);
        }
        for (int i = 0; i < children.size(); i++) {
            Element child = children.get(i);
            if (child.getTagName().equals("mo") && child.getTextContent().equals("\u2061")) {
                assertTrue(i > 0 && children.get(i - 1).getTagName().equals("mi")
                    && Set.of("log", "exp", "min", "max").contains(children.get(i - 1).getTextContent()),
                    "function application without a function name before it in " + mathMl);
            }
            check(child, mathMl);
        }
    }

    private static List<Element> children(Element element) {
        NodeList nodes = element.getChildNodes();
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(nodes::item)
            .filter(node -> node instanceof Element).map(node -> (Element) node).toList();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
