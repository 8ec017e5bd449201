package dev.evosld.search;

import dev.evosld.fit.ParameterRole;
import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.Misspellings;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a person would give a discovered law's parameters, by what each does: {@code E} for the offset,
 * {@code A, B, C} for coefficients, {@code alpha, beta, gamma} for exponents, {@code k, m, s} for the rest,
 * in order of first appearance. The search names parameters by how they arose ({@code p7}, or a seed form's
 * {@code A0}); {@code p4 * D^p5 * (D^p2 + 1)^p1} reads better as {@code A * D^alpha * (D^beta + 1)^gamma}.
 */
final class ReadableNames {
    private static final List<String> OFFSETS = List.of("E", "F");
    // no D, N, P or V: scaling-law papers name data, model size, parallelism and vocabulary so
    private static final List<String> COEFFICIENTS = List.of("A", "B", "C", "G", "H", "K");
    // no lambda: Python exports could not use it
    private static final List<String> EXPONENTS = List.of("alpha", "beta", "gamma", "delta", "eta", "theta", "kappa",
        "mu", "nu", "rho", "sigma", "tau");
    private static final List<String> SHAPES = List.of("k", "m", "s", "t", "u", "v", "w");

    private ReadableNames() {
    }

    /**
     * The renaming for {@code law}.
     *
     * @param reserved names no parameter may take (every feature of the task, whether the law uses it or
     *     not, and names with configured bounds), nor be one slip from, as {@code fit --law} would take such a name
     *     for a misspelt feature; parameters with such a name keep it
     */
    static Map<String, String> of(Law law, Set<String> reserved) {
        Set<String> taken = new HashSet<>(reserved);
        List<ParameterRole> roles = ParameterRole.of(law);
        Map<ParameterRole, Integer> used = new java.util.EnumMap<>(ParameterRole.class);
        Map<String, String> names = new LinkedHashMap<>();
        for (int k = 0; k < law.parameterCount(); k++) {
            String name = law.parameters().get(k);
            if (reserved.contains(name)) {
                continue;
            }
            ParameterRole role = roles.get(k) == ParameterRole.SHAPE && onlyScales(law.expr(), name, false)
                ? ParameterRole.COEFFICIENT : roles.get(k);
            List<String> pool = switch (role) {
                case OFFSET -> OFFSETS;
                case COEFFICIENT -> COEFFICIENTS;
                case EXPONENT -> EXPONENTS;
                case SHAPE -> SHAPES;
            };
            String next;
            do {
                int index = used.merge(role, 1, Integer::sum) - 1;
                next = index < pool.size() ? pool.get(index) : pool.getFirst() + (index - pool.size() + 1);
            } while (taken.contains(next) || Misspellings.feature(next, List.copyOf(reserved)).isPresent());
            taken.add(next);
            names.put(name, next);
        }
        return names;
    }

    /**
     * Whether every occurrence of {@code name} multiplies something, outside any exponent or function: a
     * coefficient shared by two terms ({@code k*N^a + k*D^b}) is not individually linear, but reads as one.
     */
    private static boolean onlyScales(Expr e, String name, boolean scaling) {
        return switch (e) {
            case Expr.Num n -> true;
            case Expr.Sym s -> !s.name().equals(name) || scaling;
            case Expr.Apply a -> switch (a.op()) {
                case MUL -> onlyScales(a.arg(0), name, true) && onlyScales(a.arg(1), name, true);
                case DIV -> onlyScales(a.arg(0), name, true) && !a.arg(1).mentions(name);
                case ADD, SUB, NEG -> a.args().stream().allMatch(arg -> onlyScales(arg, name, false));
                default -> !a.mentions(name);
            };
        };
    }

    /** {@code law} under its readable names. */
    static Law rename(Law law, Set<String> reserved) {
        return law.withParametersRenamed(of(law, reserved));
    }
}
