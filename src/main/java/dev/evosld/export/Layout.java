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
import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import dev.evosld.law.LawPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out an expression the way a person writes it: division as a fraction, signs pulled out of
 * products and fractions and merged into the surrounding sum ({@code a + (-b)} reads {@code a - b}),
 * parentheses only where a sum is multiplied or raised to a power, and products written by
 * juxtaposition except where that would misread (a number after a factor, a word next to a word).
 *
 * <p>The layout is for reading, not for evaluation: it regroups sums and products freely, which changes
 * nothing mathematically.
 */
final class Layout {
    private final Map<String, Symbol> symbols;

    private Layout(Map<String, Symbol> symbols) {
        this.symbols = symbols;
    }

    /** Lays out an expression whose every name has a symbol. */
    static Box of(Expr expr, Map<String, Symbol> symbols) {
        return new Layout(symbols).sum(expr);
    }

    /** A box with the sign it carries in front, not yet placed. */
    private record Signed(boolean negative, Box box) {
        Signed flip() {
            return new Signed(!negative, box);
        }

        /** The box with its sign written in front; a sum in parentheses, or the sign would negate its first term. */
        Box written() {
            if (!negative) {
                return box;
            }
            Box negated = box instanceof Row row && row.isSum() ? new Fenced(box) : box;
            return new Row(List.of(new Sign(Sign.Kind.MINUS), negated));
        }
    }

    private Box sum(Expr expr) {
        List<Signed> terms = new ArrayList<>();
        collectTerms(expr, false, terms);
        if (terms.size() == 1) {
            return terms.getFirst().written();
        }
        List<Box> items = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Signed term = terms.get(i);
            if (i > 0 || term.negative()) {
                items.add(new Sign(term.negative() ? Sign.Kind.MINUS : Sign.Kind.PLUS));
            }
            items.add(term.box());
        }
        return new Row(items);
    }

    private void collectTerms(Expr expr, boolean negated, List<Signed> out) {
        if (expr instanceof Apply a) {
            switch (a.op()) {
                case ADD -> {
                    collectTerms(a.arg(0), negated, out);
                    collectTerms(a.arg(1), negated, out);
                    return;
                }
                case SUB -> {
                    collectTerms(a.arg(0), negated, out);
                    collectTerms(a.arg(1), !negated, out);
                    return;
                }
                case NEG -> {
                    collectTerms(a.arg(0), !negated, out);
                    return;
                }
                default -> {
                }
            }
        }
        Signed term = signed(expr);
        out.add(negated ? term.flip() : term);
    }

    /** Any expression, with the sign of a negation, a negative number, a product or a fraction pulled out. */
    private Signed signed(Expr expr) {
        return switch (expr) {
            case Num n -> isNegative(n.value())
                ? new Signed(true, number(-n.value()))
                : new Signed(false, number(n.value()));
            case Sym s -> new Signed(false, new Ident(symbol(s.name())));
            case Apply a -> switch (a.op()) {
                case NEG -> signed(a.arg(0)).flip();
                case ADD, SUB -> new Signed(false, sum(a));
                case MUL -> product(a);
                case DIV -> {
                    Signed numerator = signed(a.arg(0));
                    Signed denominator = signed(a.arg(1));
                    yield new Signed(numerator.negative() != denominator.negative(),
                        new Fraction(numerator.box(), denominator.box()));
                }
                case POW -> new Signed(false, power(a));
                case EXP -> new Signed(false, function("exp", a.arg(0)));
                case LOG -> new Signed(false, function("log", a.arg(0)));
                case SQRT -> new Signed(false, new Root(sum(a.arg(0))));
                case ABS -> new Signed(false, new Abs(sum(a.arg(0))));
                case MIN, MAX -> new Signed(false, new Function(a.op().symbol(), new Fenced(new Row(List.of(
                    sum(a.arg(0)), new Sign(Sign.Kind.COMMA), sum(a.arg(1)))))));
            };
        };
    }

    private Signed product(Apply mul) {
        List<Expr> factors = new ArrayList<>();
        boolean negative = collectFactors(mul, factors);
        List<Box> boxes = new ArrayList<>();
        for (Expr factor : factors) {
            Signed s = signed(factor);
            negative ^= s.negative();
            Box box = s.box();
            boxes.add(box instanceof Row row && row.isSum() ? new Fenced(box) : box);
        }
        List<Box> items = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            if (i > 0) {
                Box left = items.getLast();
                if (left instanceof Function f && !f.fenced()) {
                    // "log N x" would read as log(N x)
                    items.set(items.size() - 1, new Function(f.name(), new Fenced(f.argument())));
                    left = items.getLast();
                }
                items.add(new Sign(needsDot(left, box) ? Sign.Kind.CDOT : Sign.Kind.JUXTAPOSE));
            }
            items.add(box);
        }
        return new Signed(negative, new Row(items));
    }

    /**
     * The factors of a product, negations passed through, so that {@code -(y log x) k} is one product of three
     * factors and the function in it gets its parentheses like any other; true if an odd number of negations was.
     */
    private static boolean collectFactors(Expr expr, List<Expr> out) {
        if (expr instanceof Apply a && a.op() == dev.evosld.law.Operator.MUL) {
            return collectFactors(a.arg(0), out) ^ collectFactors(a.arg(1), out);
        }
        if (expr instanceof Apply a && a.op() == dev.evosld.law.Operator.NEG) {
            return !collectFactors(a.arg(0), out);
        }
        out.add(expr);
        return false;
    }

    /** Whether two factors need a dot between them to read as a product. */
    private static boolean needsDot(Box left, Box right) {
        return startsWithDigit(right)
            || left instanceof Box.Number && right instanceof Fraction // 2 ½ would read as a mixed number
            || isWord(last(left)) || isWord(first(right));
    }

    private static boolean startsWithDigit(Box box) {
        return switch (box) {
            case Box.Number n -> true;
            case Power p -> startsWithDigit(p.base());
            case Row r -> !r.items().isEmpty() && startsWithDigit(r.items().getFirst());
            default -> false;
        };
    }

    private static Box first(Box box) {
        return box instanceof Row r && !r.items().isEmpty() ? first(r.items().getFirst())
            : box instanceof Power p ? first(p.base()) : box;
    }

    private static Box last(Box box) {
        return box instanceof Row r && !r.items().isEmpty() ? last(r.items().getLast()) : box;
    }

    private static boolean isWord(Box box) {
        return box instanceof Ident i && i.symbol().base() instanceof Symbol.Word;
    }

    private Box power(Apply pow) {
        Signed base = signed(pow.arg(0));
        Box written = base.written();
        Box fencedBase = base.negative() || !isAtomic(written) ? new Fenced(written) : written;
        return new Power(fencedBase, sum(pow.arg(1)));
    }

    /** Whether a box can carry an exponent without parentheses. */
    private static boolean isAtomic(Box box) {
        return switch (box) {
            case Ident i -> true;
            case Box.Number n -> n.exponent() == null;
            case Fenced f -> true;
            case Abs a -> true;
            default -> false;
        };
    }

    private Box function(String name, Expr argument) {
        Box written = signed(argument).written();
        boolean bare = written instanceof Ident || written instanceof Box.Number n && n.exponent() == null;
        return new Function(name, bare ? written : new Fenced(written));
    }

    private Symbol symbol(String name) {
        Symbol symbol = symbols.get(name);
        if (symbol == null) {
            throw new IllegalArgumentException("no symbol for '" + name + "'");
        }
        return symbol;
    }

    private static boolean isNegative(double value) {
        return value < 0 || value == 0 && Double.doubleToRawLongBits(value) != 0;
    }

    /** A number in its shortest exact decimal form, with {@code e} notation as a power of ten. */
    static Box.Number number(double value) {
        String text = LawPrinter.formatNumber(value);
        int e = text.indexOf('e');
        if (e < 0) {
            return new Box.Number(text, null);
        }
        String mantissa = text.substring(0, e);
        return new Box.Number(mantissa.equals("1") ? null : mantissa, text.substring(e + 1));
    }
}
