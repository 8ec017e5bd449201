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

/** Renders a {@link Box} as LaTeX math-mode text (amsmath's {@code \log}, {@code \exp}, {@code \min}, ...). */
final class LatexMath {
    private LatexMath() {
    }

    static String render(Box box) {
        StringBuilder out = new StringBuilder();
        render(box, out);
        return out.toString();
    }

    private static void render(Box box, StringBuilder out) {
        switch (box) {
            case Ident i -> out.append(i.symbol().latex());
            case Box.Number n -> number(n, out);
            case Sign s -> out.append(sign(s.kind(), out.isEmpty()));
            case Row r -> {
                for (int k = 0; k < r.items().size(); k++) {
                    Box item = r.items().get(k);
                    if (k == 0 && item instanceof Sign s) {
                        out.append(sign(s.kind(), true));
                    } else {
                        render(item, out);
                    }
                }
            }
            case Fraction f -> {
                out.append("\\frac{");
                render(f.numerator(), out);
                out.append("}{");
                render(f.denominator(), out);
                out.append('}');
            }
            case Power p -> {
                render(p.base(), out);
                out.append("^{");
                render(p.exponent(), out);
                out.append('}');
            }
            case Fenced f -> {
                out.append("\\left(");
                render(f.inner(), out);
                out.append("\\right)");
            }
            case Function f -> {
                out.append('\\').append(f.name());
                if (!f.fenced()) {
                    out.append(' ');
                }
                render(f.argument(), out);
            }
            case Root r -> {
                out.append("\\sqrt{");
                render(r.radicand(), out);
                out.append('}');
            }
            case Abs a -> {
                out.append("\\left|");
                render(a.inner(), out);
                out.append("\\right|");
            }
        }
    }

    /** A number in LaTeX: {@code 1.5 \times 10^{-3}}. */
    static String number(Box.Number n) {
        StringBuilder out = new StringBuilder();
        number(n, out);
        return out.toString();
    }

    private static void number(Box.Number n, StringBuilder out) {
        if (n.mantissa() != null) {
            out.append(n.mantissa());
        }
        if (n.exponent() != null) {
            if (n.mantissa() != null) {
                out.append(" \\times ");
            }
            out.append("10^{").append(n.exponent()).append('}');
        }
    }

    /** An operator; a sign that opens an expression is written without spaces, as in {@code -x}. */
    private static String sign(Sign.Kind kind, boolean leading) {
        return switch (kind) {
            case PLUS -> leading ? "+" : " + ";
            case MINUS -> leading ? "-" : " - ";
            case CDOT -> " \\cdot ";
            case JUXTAPOSE -> " ";
            case COMMA -> ", ";
            case EQUALS -> " = ";
        };
    }
}
