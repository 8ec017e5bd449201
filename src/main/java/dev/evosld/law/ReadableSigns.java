package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import java.util.List;
import java.util.Optional;

/**
 * A law with the signs of its sums written as people write them: a later term whose sign sits on a negative
 * literal factor or a unary minus is subtracted instead ({@code E + -2*A*N^a → E - 2*A*N^a},
 * {@code E + -1*A*x → E - A*x}, {@code E + (-3) → E - 3}, {@code x - -y → x + y}). A leading term keeps its
 * sign ({@code -x + y} reads well).
 *
 * <p>The written law computes exactly the same doubles as the law it was written from: IEEE rounding is
 * symmetric in sign, so moving a minus out of a product or quotient is exact, and {@code x + (-t)} is {@code x - t}
 * by definition. Only the text changes, and the text of the laws the search compares is their cache key
 * ({@link Simplifier#canonicalKey}) and what checkpoints rebuild populations from; so this is for laws as reported,
 * never for the search's own.
 */
public final class ReadableSigns {
    private ReadableSigns() {
    }

    /**
     * The law written with minuses, and without the parts that change nothing ({@link RedundantParts}: {@code x*1},
     * {@code N / N}); its parameters, and their order, are the law's own, and so are its variables but those that
     * cancel ({@code A / (N / N) + D^b} is a law of D).
     */
    public static Law of(Law law) {
        // each may leave the other work: N + (-1)*M is N + -M, and x - c/(-c)*y is x + c/c*y; both only shorten
        Law written = law;
        for (Law before = null; !written.equals(before); ) {
            before = written;
            Law plain = RedundantParts.of(written);
            // only literals and unary minuses go, so every name keeps its place of first appearance
            written = new Law(of(plain.expr()), plain.variables(), plain.parameters());
        }
        return written;
    }

    /**
     * A formula written with minuses, such as one a file of an older version recorded in the search's form; a formula
     * that does not parse is left as it is, to be shown as found.
     *
     * @param features the names that are variables of the formula, the others being parameters
     */
    public static String of(String formula, List<String> features) {
        try {
            return of(Law.parse(formula, features)).toString();
        } catch (RuntimeException e) {
            return formula;
        }
    }

    /** The expression written with minuses. */
    public static Expr of(Expr e) {
        if (!(e instanceof Apply a)) {
            return e;
        }
        List<Expr> args = a.args().stream().map(ReadableSigns::of).toList();
        if (a.op() != Operator.ADD && a.op() != Operator.SUB) {
            return new Apply(a.op(), args);
        }
        Operator op = a.op();
        Expr term = args.get(1);
        // again while one is left: x + -(-y) is x - (-y), then x + y
        for (Optional<Expr> flipped = negated(term); flipped.isPresent(); flipped = negated(term)) {
            op = op == Operator.ADD ? Operator.SUB : Operator.ADD;
            term = flipped.get();
        }
        return Expr.apply(op, args.get(0), term);
    }

    /**
     * {@code -t}, when the sign of the term {@code t} sits on a negative literal or a unary minus that can be taken
     * out of it exactly: {@code t} itself, or a factor, dividend or divisor of it.
     */
    private static Optional<Expr> negated(Expr t) {
        return switch (t) {
            // -0 too: x + -0*y reads no better than x + -2*y
            case Num n when Math.copySign(1.0, n.value()) < 0 -> Optional.of(Expr.num(-n.value()));
            case Apply a when a.op() == Operator.NEG -> Optional.of(a.arg(0));
            case Apply a when a.op() == Operator.MUL || a.op() == Operator.DIV -> {
                Optional<Expr> left = negated(a.arg(0));
                if (left.isPresent()) {
                    // 1*x is x, but 1/x is not
                    yield Optional.of(a.op() == Operator.MUL && isOne(left.get())
                        ? a.arg(1) : Expr.apply(a.op(), left.get(), a.arg(1)));
                }
                yield negated(a.arg(1)).map(right -> isOne(right) ? a.arg(0) : Expr.apply(a.op(), a.arg(0), right));
            }
            default -> Optional.empty();
        };
    }

    private static boolean isOne(Expr e) {
        return e instanceof Num n && n.value() == 1;
    }
}
