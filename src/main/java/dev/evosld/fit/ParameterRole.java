package dev.evosld.fit;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a parameter does in a law, which decides its default bounds and start values.
 *
 * <ul>
 *   <li>{@link #OFFSET}: added to the law, e.g. {@code E} in {@code E + A*N^-alpha};
 *   <li>{@link #COEFFICIENT}: scales a term, e.g. {@code A};
 *   <li>{@link #EXPONENT}: in an exponent or inside {@code exp}, e.g. {@code alpha}, but not as a divisor there;
 *   <li>{@link #SHAPE}: anything else, e.g. {@code B} in {@code A/(D^alpha + B)}, or {@code k} in {@code exp(-N/k)}
 *       and in {@code exp(-k/N)}.
 * </ul>
 */
public enum ParameterRole {
    OFFSET,
    COEFFICIENT,
    EXPONENT,
    SHAPE;

    /** The role of each parameter of the law, in the law's parameter order. */
    public static List<ParameterRole> of(Law law) {
        List<ParameterRole> roles = new ArrayList<>(law.parameterCount());
        LinearParameters linear = LinearParameters.of(law);
        for (String name : law.parameters()) {
            if (linear.isOffset(name)) {
                roles.add(OFFSET);
            } else if (linear.isIndividuallyLinear(name)) {
                roles.add(COEFFICIENT);
            } else if (inExponent(law.expr(), name, false, Set.copyOf(law.variables()))) {
                roles.add(EXPONENT);
            } else {
                roles.add(SHAPE);
            }
        }
        return List.copyOf(roles);
    }

    private static boolean inExponent(Expr expr, String name, boolean exponent, Set<String> variables) {
        if (!(expr instanceof Apply a)) {
            return exponent && expr.mentions(name);
        }
        return switch (a.op()) {
            case POW -> inExponent(a.arg(0), name, exponent, variables) || inExponent(a.arg(1), name, true, variables);
            case EXP -> inExponent(a.arg(0), name, true, variables);
            // a divisor is the scale of what it divides (k in exp(-N/k) is a size like N), however deep it sits;
            // so is a numerator over a column alone (k in exp(-k/N)), which makes the quotient a ratio of sizes
            case DIV -> inExponent(a.arg(0), name,
                    exponent && !(mentionsAny(a.arg(1), variables) && !mentionsAny(a.arg(0), variables)), variables)
                || inExponent(a.arg(1), name, false, variables);
            default -> a.args().stream().anyMatch(arg -> inExponent(arg, name, exponent, variables));
        };
    }

    private static boolean mentionsAny(Expr expr, Set<String> names) {
        return names.stream().anyMatch(expr::mentions);
    }
}
