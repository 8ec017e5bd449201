package dev.evosld.export;

import java.util.List;
import java.util.Objects;

/**
 * A formula laid out for typesetting, independent of the output language: the decisions about fractions,
 * parentheses, signs and multiplication dots are made once ({@link Layout}) and rendered twice, as LaTeX
 * ({@link LatexMath}) and as MathML ({@link MathMl}).
 */
sealed interface Box {

    /** A variable or parameter. */
    record Ident(Symbol symbol) implements Box {
    }

    /**
     * A non-negative number as {@code mantissa × 10^exponent}.
     *
     * @param mantissa the digits, or null for a bare power of ten
     * @param exponent the decimal exponent, or null for a plain decimal
     */
    record Number(String mantissa, String exponent) implements Box {
        public Number {
            if (mantissa == null && exponent == null) {
                throw new IllegalArgumentException("a number needs a mantissa or an exponent");
            }
        }
    }

    /** An operator symbol between (or before) the items of a {@link Row}. */
    record Sign(Kind kind) implements Box {
        enum Kind { PLUS, MINUS, CDOT, JUXTAPOSE, COMMA, EQUALS }
    }

    /** Items side by side. */
    record Row(List<Box> items) implements Box {
        public Row {
            items = List.copyOf(items);
        }

        /** Whether a plus or minus sits at this row's top level, so that it needs parentheses as a factor. */
        boolean isSum() {
            return items.stream().anyMatch(b -> b instanceof Sign s
                && (s.kind() == Sign.Kind.PLUS || s.kind() == Sign.Kind.MINUS));
        }
    }

    record Fraction(Box numerator, Box denominator) implements Box {
    }

    record Power(Box base, Box exponent) implements Box {
    }

    /** Parentheses that grow with their content. */
    record Fenced(Box inner) implements Box {
    }

    /**
     * A named function: {@code log}, {@code exp}, {@code min}, {@code max}.
     *
     * @param argument the argument, a {@link Fenced} box or a single symbol or number
     */
    record Function(String name, Box argument) implements Box {
        public Function {
            Objects.requireNonNull(name);
        }

        boolean fenced() {
            return argument instanceof Fenced;
        }
    }

    record Root(Box radicand) implements Box {
    }

    record Abs(Box inner) implements Box {
    }

    /** A rough width in em, enough to decide where a long equation should break. */
    static double width(Box box) {
        return width(box, 0);
    }

    /** Fractions within fractions are set in a smaller style, about 0.7 of the size. */
    private static double width(Box box, int fractionDepth) {
        return switch (box) {
            case Ident i -> i.symbol().width();
            case Number n -> (n.mantissa() == null ? 0 : 0.5 * n.mantissa().length())
                + (n.exponent() == null ? 0 : (n.mantissa() == null ? 1 : 2.3) + 0.35 * n.exponent().length());
            case Sign s -> switch (s.kind()) {
                case PLUS, MINUS, EQUALS -> 1.2;
                case CDOT -> 0.7;
                case JUXTAPOSE -> 0.1;
                case COMMA -> 0.45;
            };
            case Row r -> r.items().stream().mapToDouble(b -> width(b, fractionDepth)).sum();
            case Fraction f -> (fractionDepth > 0 ? 0.7 : 1)
                * Math.max(width(f.numerator(), fractionDepth + 1), width(f.denominator(), fractionDepth + 1)) + 0.3;
            case Power p -> width(p.base(), fractionDepth) + 0.7 * width(p.exponent(), fractionDepth);
            case Fenced f -> width(f.inner(), fractionDepth) + 0.9;
            case Function f -> 0.5 * f.name().length() + 0.2 + width(f.argument(), fractionDepth);
            case Root r -> width(r.radicand(), fractionDepth) + 1;
            case Abs a -> width(a.inner(), fractionDepth) + 0.6;
        };
    }
}
