package dev.evosld.search;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import java.util.Optional;
import java.util.Set;

/**
 * What a scaling law may look like, so that the search spends its time on forms that can extrapolate
 * rather than on trees that happen to fit a few validation rows:
 *
 * <ul>
 *   <li>a variable may not sit in an exponent ({@code N^(D^a)}); exponential forms are written {@code exp(a*x)};
 *   <li>no {@code exp} inside {@code exp} and no {@code log} inside {@code log};
 *   <li>no power of a power ({@code (x^a)^b} is {@code x^(a b)});
 *   <li>no fitted power of a bare logarithm ({@code log(N)^p}); a fixed one such as {@code log(N)^2} is fine.
 * </ul>
 */
public final class FormRules {
    private FormRules() {
    }

    /** Why the law is not an acceptable form, if it is not; the search judges laws simplified. */
    public static Optional<String> violation(Law law) {
        return violation(law.expr(), Set.copyOf(law.variables()), false, false);
    }

    private static Optional<String> violation(Expr e, Set<String> variables, boolean insideExp, boolean insideLog) {
        if (!(e instanceof Apply a)) {
            return Optional.empty();
        }
        switch (a.op()) {
            case POW -> {
                if (mentionsVariable(a.arg(1), variables)) {
                    return Optional.of("a variable in an exponent");
                }
                if (a.arg(0) instanceof Apply base && base.op() == Operator.POW) {
                    return Optional.of("a power of a power");
                }
                if (a.arg(0) instanceof Apply base && base.op() == Operator.LOG && !(a.arg(1) instanceof Num)) {
                    return Optional.of("a fitted power of a logarithm");
                }
            }
            case EXP -> {
                if (insideExp) {
                    return Optional.of("exp inside exp");
                }
            }
            case LOG -> {
                if (insideLog) {
                    return Optional.of("log inside log");
                }
            }
            default -> {
            }
        }
        boolean exp = insideExp || a.op() == Operator.EXP;
        boolean log = insideLog || a.op() == Operator.LOG;
        for (Expr arg : a.args()) {
            Optional<String> violation = violation(arg, variables, exp, log);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private static boolean mentionsVariable(Expr e, Set<String> variables) {
        return switch (e) {
            case Num n -> false;
            case Sym s -> variables.contains(s.name());
            case Apply a -> a.args().stream().anyMatch(arg -> mentionsVariable(arg, variables));
        };
    }
}
