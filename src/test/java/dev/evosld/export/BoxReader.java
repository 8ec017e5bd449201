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
import java.util.Map;

/**
 * Reads a laid-out formula back to a number the way a person reads the typeset page: rows are invisible,
 * so only fractions, exponents, parentheses, roots and bars group; juxtaposition binds tighter than a sign;
 * an operator name without parentheses takes the whole product after it ({@code \log N x} is
 * {@code log(N x)}); digits juxtaposed with digits read as one number and a number before a fraction as a
 * mixed number, which a correct layout never leaves to the reader, so they fail the reading.
 */
final class BoxReader {
    private final Map<Symbol, Double> values;
    private List<Box> tokens;
    private int at;

    private BoxReader(Map<Symbol, Double> values) {
        this.values = values;
    }

    /** The box's value, with each symbol's value from the map. */
    static double read(Box box, Map<Symbol, Double> values) {
        return new BoxReader(values).sum(box);
    }

    /** Thrown where a reader could not tell what the formula means. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private double sum(Box box) {
        List<Box> saved = tokens;
        int savedAt = at;
        tokens = new ArrayList<>();
        flatten(box, tokens);
        at = 0;
        double value = sumOfTokens();
        if (at != tokens.size()) {
            throw new Unreadable("unexpected " + tokens.get(at) + " in " + box);
        }
        tokens = saved;
        at = savedAt;
        return value;
    }

    private static void flatten(Box box, List<Box> out) {
        if (box instanceof Row row) {
            row.items().forEach(item -> flatten(item, out));
        } else {
            out.add(box);
        }
    }

    private double sumOfTokens() {
        double total = 0;
        boolean first = true;
        while (at < tokens.size()) {
            double sign = 1;
            if (isSign(Sign.Kind.PLUS) || isSign(Sign.Kind.MINUS)) {
                sign = isSign(Sign.Kind.MINUS) ? -1 : 1;
                at++;
            } else if (!first) {
                return total;
            }
            double term = sign * product();
            total = first ? term : total + term;
            first = false;
        }
        return total;
    }

    private double product() {
        double value = factor();
        while (isSign(Sign.Kind.CDOT) || isSign(Sign.Kind.JUXTAPOSE)) {
            checkJuxtaposition();
            at++;
            value *= factor();
        }
        return value;
    }

    /** A juxtaposition that would read as something else than a product. */
    private void checkJuxtaposition() {
        if (!isSign(Sign.Kind.JUXTAPOSE)) {
            return;
        }
        Box left = tokens.get(at - 1);
        Box right = at + 1 < tokens.size() ? tokens.get(at + 1) : null;
        if (right == null) {
            throw new Unreadable("juxtaposition with nothing after it");
        }
        if (startsWithDigit(right)) {
            throw new Unreadable("digits after " + left + " run together: " + right);
        }
        if (left instanceof Box.Number && right instanceof Fraction) {
            throw new Unreadable("a mixed number: " + left + " " + right);
        }
        if (isWord(left) && isWord(right)) {
            throw new Unreadable("two words run together: " + left + " " + right);
        }
    }

    private static boolean startsWithDigit(Box box) {
        return box instanceof Box.Number || box instanceof Power p && startsWithDigit(p.base());
    }

    private static boolean isWord(Box box) {
        return box instanceof Ident i && i.symbol().base() instanceof Symbol.Word;
    }

    private double factor() {
        if (at >= tokens.size()) {
            throw new Unreadable("a product ends in an operator");
        }
        Box box = tokens.get(at++);
        if (box instanceof Function f && !f.fenced()) {
            double argument = atom(f.argument());
            while (isSign(Sign.Kind.CDOT) || isSign(Sign.Kind.JUXTAPOSE)) {
                at++;
                argument *= factor();
            }
            return apply(f.name(), argument);
        }
        return atom(box);
    }

    private double atom(Box box) {
        return switch (box) {
            case Ident i -> {
                Double value = values.get(i.symbol());
                if (value == null) {
                    throw new Unreadable("unknown symbol " + i.symbol().latex());
                }
                yield value;
            }
            case Box.Number n -> Double.parseDouble((n.mantissa() == null ? "1" : n.mantissa()) + "e"
                + (n.exponent() == null ? "0" : n.exponent()));
            case Fraction f -> sum(f.numerator()) / sum(f.denominator());
            case Power p -> {
                boolean unit = p.base() instanceof Ident || p.base() instanceof Fenced || p.base() instanceof Abs
                    || p.base() instanceof Box.Number n && n.exponent() == null;
                if (!unit) {
                    throw new Unreadable("the exponent would attach to the end of its base: " + p);
                }
                yield Math.pow(atom(p.base()), sum(p.exponent()));
            }
            case Fenced f -> sum(f.inner());
            case Root r -> Math.sqrt(sum(r.radicand()));
            case Abs a -> Math.abs(sum(a.inner()));
            case Function f when f.name().equals("min") || f.name().equals("max") -> {
                if (!(f.argument() instanceof Fenced fenced && fenced.inner() instanceof Row row)) {
                    throw new Unreadable(f.name() + " without its two arguments in parentheses");
                }
                int comma = row.items().indexOf(new Sign(Sign.Kind.COMMA));
                if (comma < 0 || row.items().lastIndexOf(new Sign(Sign.Kind.COMMA)) != comma) {
                    throw new Unreadable(f.name() + " needs exactly one comma: " + row);
                }
                double first = sum(new Row(row.items().subList(0, comma)));
                double second = sum(new Row(row.items().subList(comma + 1, row.items().size())));
                yield f.name().equals("min") ? Math.min(first, second) : Math.max(first, second);
            }
            case Function f -> apply(f.name(), atom(f.argument()));
            case Row r -> sum(r);
            case Sign s -> throw new Unreadable("a sign where a factor belongs: " + s);
        };
    }

    private static double apply(String function, double argument) {
        return switch (function) {
            case "exp" -> Math.exp(argument);
            case "log" -> Math.log(argument);
            default -> throw new Unreadable("unknown function " + function);
        };
    }

    private boolean isSign(Sign.Kind kind) {
        return at < tokens.size() && tokens.get(at) instanceof Sign s && s.kind() == kind;
    }
}
