package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A law without the parts that change nothing, for the reader: {@code x*1}, {@code x/1}, {@code x^1}, {@code -(-x)},
 * {@code x - 0}, {@code min(x, x)}, {@code max(x, x)} and {@code abs(abs(x))} go, {@code -1*x} and {@code x/(-1)} are
 * {@code -x}, and a quotient of alike parts is 1 and a difference 0 ({@code A / (N / N) + D^b} is {@code A + D^b}).
 * Alike means equal but for the order of a sum's terms or a product's factors, which IEEE arithmetic does not see.
 *
 * <p>The simplifier keeps {@code N / N}, because writing it as 1 would change the canonical keys of the laws beside it
 * and so the search's path ({@link Simplifier#isConstant}); so this is for laws as reported, never for the search's
 * own. Every part but a quotient or difference of alike parts goes exactly: the written law computes the same doubles
 * everywhere. Those are 1 and 0 wherever their parts are finite (and not 0), that is wherever the law is defined; one
 * goes only where no parameter goes with it or moves from its first place, since fitted values are given in the order
 * of the law's parameters, and a variable is left: a law whose variables all cancel keeps them, as the search names
 * such constants by them.
 */
final class RedundantParts {
    private RedundantParts() {
    }

    /**
     * The law without its redundant parts; its parameters, and their order, are the law's own, and its variables
     * those left, in their order of first appearance.
     */
    static Law of(Law law) {
        Set<String> variables = Set.copyOf(law.variables());
        Expr exact = new Rules(variables, false).without(law.expr());
        if (law.variables().isEmpty() || Simplifier.isConstant(law)) {
            return new Law(exact, law.variables(), law.parameters());
        }
        List<String> parameters = Law.of(law.expr(), law.variables()).parameters();
        Expr written = exact;
        for (Optional<Expr> next = cancelledOnce(written, law, parameters); next.isPresent();
             next = cancelledOnce(written, law, parameters)) {
            written = next.get();
        }
        return written.equals(exact) ? new Law(exact, law.variables(), law.parameters())
            // a variable's first place may have gone with a cancelled part
            : new Law(written, Law.of(written, law.variables()).variables(), law.parameters());
    }

    /**
     * {@code e} with its first quotient or difference of alike parts that can go gone, and what that leaves
     * ({@code 1 * x}, {@code 0 + x}); empty when none can. One can go when no parameter goes with it or moves from its
     * first place, since fitted values are given in the order of the law's parameters.
     */
    private static Optional<Expr> cancelledOnce(Expr e, Law law, List<String> parameters) {
        Set<String> variables = Set.copyOf(law.variables());
        List<Apply> alike = new ArrayList<>();
        e.forEachNode(node -> {
            if (node instanceof Apply a && (a.op() == Operator.DIV || a.op() == Operator.SUB)
                    && Simplifier.alike(a.arg(0), a.arg(1), variables)) {
                alike.add(a);
            }
        });
        Rules rules = new Rules(variables, true);
        for (Apply part : alike) {
            Expr cancelled = rules.without(replaced(e, part, Expr.num(part.op() == Operator.DIV ? 1 : 0)));
            Law written = Law.of(cancelled, law.variables());
            if (written.parameters().equals(parameters) && !written.variables().isEmpty()) {
                return Optional.of(cancelled);
            }
        }
        return Optional.empty();
    }

    /** {@code e} with {@code part}, that very node, replaced by {@code by}. */
    private static Expr replaced(Expr e, Expr part, Expr by) {
        if (e == part) {
            return by;
        }
        return e instanceof Apply a ? new Apply(a.op(), a.args().stream().map(arg -> replaced(arg, part, by)).toList())
            : e;
    }

    /**
     * The rules that go exactly, applied innermost first.
     *
     * @param variables the law's variables, the other names being parameters
     * @param zeros whether {@code 0 + x} and {@code x + 0} go too, and {@code 0 - x} is {@code -x}: not so where x is
     *     0 of the other sign, so only where a cancelled part left the 0, and the law was exact only where defined
     */
    private record Rules(Set<String> variables, boolean zeros) {
        Expr without(Expr e) {
            if (!(e instanceof Apply a)) {
                return e;
            }
            List<Expr> args = a.args().stream().map(this::without).toList();
            Expr x = args.get(0);
            Expr y = args.size() > 1 ? args.get(1) : null;
            return switch (a.op()) {
                case MUL -> isNumber(x, 1) ? y : isNumber(y, 1) ? x
                    : isNumber(x, -1) ? negated(y) : isNumber(y, -1) ? negated(x) : new Apply(a.op(), args);
                case DIV -> isNumber(y, 1) ? x : isNumber(y, -1) ? negated(x) : new Apply(a.op(), args);
                case POW -> isNumber(y, 1) ? x : new Apply(a.op(), args);
                // x - (-0) is x + 0, which is not x where x is -0
                case SUB -> isPositiveZero(y) ? x : zeros && isPositiveZero(x) ? negated(y) : new Apply(a.op(), args);
                case ADD -> zeros && isPositiveZero(x) ? y : zeros && isPositiveZero(y) ? x : new Apply(a.op(), args);
                case NEG -> negated(x);
                // alike arguments are the same doubles
                case MIN, MAX -> Simplifier.alike(x, y, variables) ? x : new Apply(a.op(), args);
                case ABS -> x instanceof Apply inner && inner.op() == Operator.ABS ? x : new Apply(a.op(), args);
                default -> new Apply(a.op(), args);
            };
        }
    }

    /** {@code -e}, a minus before a minus going: IEEE negation is exact, so {@code -(-x)} is {@code x}. */
    private static Expr negated(Expr e) {
        return e instanceof Apply a && a.op() == Operator.NEG ? a.arg(0) : Expr.neg(e);
    }

    private static boolean isNumber(Expr e, double value) {
        return e instanceof Num n && n.value() == value;
    }

    private static boolean isPositiveZero(Expr e) {
        return e instanceof Num n && Double.doubleToRawLongBits(n.value()) == 0;
    }
}
