package dev.evosld.export;

import dev.evosld.export.Box.Abs;
import dev.evosld.export.Box.Fenced;
import dev.evosld.export.Box.Fraction;
import dev.evosld.export.Box.Function;
import dev.evosld.export.Box.Ident;
import dev.evosld.export.Box.Power;
import dev.evosld.export.Box.Root;
import dev.evosld.export.Box.Row;
import dev.evosld.export.Box.Sign;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Box} as MathML Core, which browsers (including headless Chromium) typeset natively, so
 * a report shows the law as mathematics without a script from the network.
 */
final class MathMl {
    private MathMl() {
    }

    /** The box as MathML content, without the enclosing {@code <math>} element. */
    static String render(Box box) {
        StringBuilder out = new StringBuilder();
        render(box, out);
        return out.toString();
    }

    private static void render(Box box, StringBuilder out) {
        switch (box) {
            case Ident i -> out.append(i.symbol().mathMl());
            case Box.Number n -> number(n, out);
            case Sign s -> out.append(sign(s.kind()));
            case Row r -> {
                out.append("<mrow>");
                for (Box item : r.items()) {
                    render(item, out);
                }
                out.append("</mrow>");
            }
            case Fraction f -> {
                out.append("<mfrac>");
                grouped(f.numerator(), out);
                grouped(f.denominator(), out);
                out.append("</mfrac>");
            }
            case Power p -> {
                out.append("<msup>");
                grouped(p.base(), out);
                grouped(p.exponent(), out);
                out.append("</msup>");
            }
            case Fenced f -> {
                // around one symbol, parentheses stretched symmetrically about the math axis come out too
                // big and look spaced off ("log ( N )"); only taller content needs them to grow
                String attributes = f.inner() instanceof Ident || f.inner() instanceof Box.Number
                    ? " stretchy=\"false\"" : "";
                out.append("<mrow><mo").append(attributes).append(">(</mo>");
                render(f.inner(), out);
                out.append("<mo").append(attributes).append(">)</mo></mrow>");
            }
            case Function f -> {
                // browsers give the function-application operator no space, where TeX puts a thin space
                // around an operator name; without them "k log P" runs together as "klogP"
                out.append("<mrow><mspace width=\"0.1667em\"/><mi>").append(f.name()).append("</mi><mo>&#x2061;</mo>");
                if (!f.fenced()) {
                    out.append("<mspace width=\"0.1667em\"/>");
                }
                render(f.argument(), out);
                out.append("</mrow>");
            }
            case Root r -> {
                out.append("<msqrt>");
                render(r.radicand(), out);
                out.append("</msqrt>");
            }
            case Abs a -> {
                out.append("<mrow><mo>|</mo>");
                render(a.inner(), out);
                out.append("<mo>|</mo></mrow>");
            }
        }
    }

    /**
     * The box as MathML content in pieces, each whole elements, that may stand in {@code <math>} elements of their own
     * side by side: a new piece starts at each plus or minus of a sum, the sums inside parentheses and a function's
     * argument too, so that a browser can wrap a long equation there, which it never does inside one {@code <math>}.
     * Parentheses so broken cannot stretch and are set at the text's size; all else is as {@link #render} sets it.
     */
    static List<String> pieces(Box box) {
        List<StringBuilder> pieces = new ArrayList<>(List.of(new StringBuilder()));
        pieces(box, pieces);
        return pieces.stream().map(StringBuilder::toString).toList();
    }

    private static void pieces(Box box, List<StringBuilder> pieces) {
        if (!breakable(box)) {
            render(box, pieces.getLast());
            return;
        }
        switch (box) {
            case Row r -> {
                for (int i = 0; i < r.items().size(); i++) {
                    Box item = r.items().get(i);
                    if (item instanceof Sign s && (s.kind() == Sign.Kind.PLUS || s.kind() == Sign.Kind.MINUS)) {
                        // an operator's form follows its place in its row, which a piece no longer shows
                        if (i > 0) {
                            pieces.add(new StringBuilder());
                        }
                        pieces.getLast().append(sign(s.kind()).replace("<mo>", i > 0 ? "<mo form=\"infix\">"
                            : "<mo form=\"prefix\">"));
                    } else {
                        pieces(item, pieces);
                    }
                }
            }
            case Fenced f -> {
                pieces.getLast().append("<mo stretchy=\"false\">(</mo>");
                pieces(f.inner(), pieces);
                pieces.getLast().append("<mo stretchy=\"false\">)</mo>");
            }
            case Function f -> {
                pieces.getLast().append("<mspace width=\"0.1667em\"/><mi>").append(f.name())
                    .append("</mi><mo>&#x2061;</mo>");
                pieces(f.argument(), pieces);
            }
            default -> throw new IllegalStateException("not breakable: " + box);
        }
    }

    /** Whether a box holds a sum outside any fraction, power, root or absolute value, where a piece may end. */
    private static boolean breakable(Box box) {
        return switch (box) {
            case Row r -> r.isSum() || r.items().stream().anyMatch(MathMl::breakable);
            case Fenced f -> breakable(f.inner());
            case Function f -> f.fenced() && breakable(f.argument());
            default -> false;
        };
    }

    /** A box as one element: the children of {@code mfrac} and {@code msup} are counted, not concatenated. */
    private static void grouped(Box box, StringBuilder out) {
        if (box instanceof Box.Number n && n.exponent() != null) {
            out.append("<mrow>");
            number(n, out);
            out.append("</mrow>");
        } else {
            render(box, out);
        }
    }

    private static void number(Box.Number n, StringBuilder out) {
        if (n.mantissa() != null) {
            out.append("<mn>").append(n.mantissa()).append("</mn>");
        }
        if (n.exponent() != null) {
            if (n.mantissa() != null) {
                out.append("<mo>&#x00D7;</mo>");
            }
            String exponent = n.exponent();
            out.append("<msup><mn>10</mn>");
            if (exponent.startsWith("-")) {
                out.append("<mrow><mo>&#x2212;</mo><mn>").append(exponent.substring(1)).append("</mn></mrow>");
            } else {
                out.append("<mn>").append(exponent).append("</mn>");
            }
            out.append("</msup>");
        }
    }

    private static String sign(Sign.Kind kind) {
        return switch (kind) {
            case PLUS -> "<mo>+</mo>";
            case MINUS -> "<mo>&#x2212;</mo>";
            case CDOT -> "<mo>&#x22C5;</mo>";
            case JUXTAPOSE -> "<mo>&#x2062;</mo>";
            case COMMA -> "<mo separator=\"true\">,</mo>";
            case EQUALS -> "<mo>=</mo>";
        };
    }
}
