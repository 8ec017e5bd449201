package dev.evosld.fit;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Sym;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a law is jointly linear in: {@code f = f0 + sum_k c_k * f_k}, where no {@code f0} or
 * {@code f_k} depends on any {@code c}. For those, the best values given the others are a linear
 * least-squares solution, which the fitter computes exactly inside every objective evaluation
 * (variable projection) instead of searching for them.
 *
 * <p>A parameter is linear on its own when it occurs once and the path from the root to it passes only
 * through {@code + - neg}, either side of {@code *}, and the numerator of {@code /}. A set is jointly
 * linear when no member sits in a factor (the other side of a {@code *}, or a denominator) of another's
 * path; members are admitted greedily in order of appearance.
 */
public final class LinearParameters {
    private final Set<String> individually;
    private final Set<String> jointly;
    private final Set<String> offsets;

    private LinearParameters(Set<String> individually, Set<String> jointly, Set<String> offsets) {
        this.individually = individually;
        this.jointly = jointly;
        this.offsets = offsets;
    }

    public static LinearParameters of(Law law) {
        Map<String, Integer> occurrences = new HashMap<>();
        law.expr().forEachNode(node -> {
            if (node instanceof Sym s) {
                occurrences.merge(s.name(), 1, Integer::sum);
            }
        });
        Map<String, List<Expr>> factors = new HashMap<>();
        Set<String> offsets = new LinkedHashSet<>();
        collect(law.expr(), new ArrayList<>(), true, law, occurrences, factors, offsets);

        Set<String> individually = new LinkedHashSet<>();
        for (String name : law.parameters()) {
            if (factors.containsKey(name)) {
                individually.add(name);
            }
        }
        offsets.retainAll(individually);
        Set<String> jointly = new LinkedHashSet<>();
        for (String candidate : individually) {
            boolean compatible = true;
            for (String member : jointly) {
                if (mentionsIn(factors.get(candidate), member) || mentionsIn(factors.get(member), candidate)) {
                    compatible = false;
                    break;
                }
            }
            if (compatible) {
                jointly.add(candidate);
            }
        }
        return new LinearParameters(Set.copyOf(individually), jointly, Set.copyOf(offsets));
    }

    /**
     * Walks the linear part of the tree. {@code path} holds the factors met on the way down; {@code additive}
     * is whether only {@code + - neg} were met.
     */
    private static void collect(Expr expr, List<Expr> path, boolean additive, Law law,
                                Map<String, Integer> occurrences, Map<String, List<Expr>> factors,
                                Set<String> offsets) {
        switch (expr) {
            case Sym s -> {
                if (law.parameters().contains(s.name()) && occurrences.get(s.name()) == 1) {
                    factors.put(s.name(), List.copyOf(path));
                    if (additive) {
                        offsets.add(s.name());
                    }
                }
            }
            case Apply a -> {
                switch (a.op()) {
                    case ADD, SUB -> {
                        collect(a.arg(0), path, additive, law, occurrences, factors, offsets);
                        collect(a.arg(1), path, additive, law, occurrences, factors, offsets);
                    }
                    case NEG -> collect(a.arg(0), path, additive, law, occurrences, factors, offsets);
                    case MUL -> {
                        collect(a.arg(0), with(path, a.arg(1)), false, law, occurrences, factors, offsets);
                        collect(a.arg(1), with(path, a.arg(0)), false, law, occurrences, factors, offsets);
                    }
                    case DIV -> collect(a.arg(0), with(path, a.arg(1)), false, law, occurrences, factors, offsets);
                    default -> {
                        // the rest of this subtree enters the law non-linearly
                    }
                }
            }
            case Expr.Num n -> {
                // literals are not parameters
            }
        }
    }

    private static List<Expr> with(List<Expr> path, Expr factor) {
        List<Expr> extended = new ArrayList<>(path);
        extended.add(factor);
        return extended;
    }

    private static boolean mentionsIn(List<Expr> factors, String name) {
        return factors.stream().anyMatch(f -> f.mentions(name));
    }

    /** Whether the law is linear in this parameter when all others are held fixed. */
    public boolean isIndividuallyLinear(String parameter) {
        return individually.contains(parameter);
    }

    /** Whether the parameter is simply added to (or subtracted from) the law. */
    public boolean isOffset(String parameter) {
        return offsets.contains(parameter);
    }

    /** The jointly linear parameters, in order of appearance. */
    public List<String> jointlyLinear() {
        return List.copyOf(jointly);
    }
}
