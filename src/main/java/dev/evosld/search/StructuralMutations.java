package dev.evosld.search;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import dev.evosld.law.Sums;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The mutations that matter for scaling laws, on the law itself rather than on tree nodes: add or drop an
 * additive term, wrap a variable in {@code log} or a power, swap variables, turn a literal into a fitted
 * parameter and back (to a structural number: a small integer or half), share one exponent between two terms, and couple a term to another variable.
 */
final class StructuralMutations {
    private final List<String> features;

    StructuralMutations(List<String> features) {
        this.features = List.copyOf(features);
    }

    List<String> features() {
        return features;
    }

    /** One random mutation of the law; the law itself when the chosen mutation does not apply. */
    LawTree mutate(LawTree tree, RandomGenerator random) {
        Names names = new Names(tree.law());
        Map<String, Double> values = new HashMap<>(tree.values());
        Expr e = tree.law().expr();
        Expr mutated = switch (random.nextInt(8)) {
            case 0 -> addTerm(e, names, random);
            case 1 -> dropTerm(e, random);
            case 2 -> wrapVariable(e, names, random);
            case 3 -> swapVariable(e, random);
            case 4 -> literalToParameter(e, names, values, random);
            case 5 -> parameterToLiteral(e, values, random);
            case 6 -> shareExponent(e, random);
            default -> coupleTerm(e, names, random);
        };
        return new LawTree(Law.of(mutated, features), values);
    }

    private Expr addTerm(Expr e, Names names, RandomGenerator random) {
        Sym x = Expr.sym(features.get(random.nextInt(features.size())));
        Sym coefficient = Expr.sym(names.fresh());
        Expr term = switch (random.nextInt(4)) {
            case 0 -> Expr.mul(coefficient, Expr.pow(x, Expr.neg(Expr.sym(names.fresh()))));
            case 1 -> Expr.mul(coefficient, Expr.log(x));
            case 2 -> Expr.mul(coefficient, Expr.exp(Expr.mul(Expr.sym(names.fresh()), x)));
            default -> Expr.mul(coefficient, x);
        };
        return Expr.add(e, term);
    }

    private static Expr dropTerm(Expr e, RandomGenerator random) {
        Sums sum = Sums.of(e);
        if (sum.size() < 2) {
            return e;
        }
        List<Expr> terms = new ArrayList<>(sum.terms());
        List<Boolean> negated = new ArrayList<>(sum.negated());
        int drop = random.nextInt(terms.size());
        terms.remove(drop);
        negated.remove(drop);
        return Sums.build(terms, negated);
    }

    private Expr wrapVariable(Expr e, Names names, RandomGenerator random) {
        List<Expr> variables = nodes(e, n -> n instanceof Sym s && features.contains(s.name()));
        if (variables.isEmpty()) {
            return e;
        }
        Expr target = variables.get(random.nextInt(variables.size()));
        Expr wrapped = switch (random.nextInt(3)) {
            case 0 -> Expr.log(target);
            case 1 -> Expr.pow(target, Expr.sym(names.fresh()));
            default -> Expr.add(target, Expr.sym(names.fresh()));
        };
        return replaceNth(e, target, indexAmongEqual(e, target, variables, random), wrapped);
    }

    private Expr swapVariable(Expr e, RandomGenerator random) {
        List<Expr> variables = nodes(e, n -> n instanceof Sym s && features.contains(s.name()));
        if (variables.isEmpty() || features.size() < 2) {
            return e;
        }
        Expr target = variables.get(random.nextInt(variables.size()));
        String other;
        do {
            other = features.get(random.nextInt(features.size()));
        } while (other.equals(((Sym) target).name()));
        return replaceNth(e, target, indexAmongEqual(e, target, variables, random), Expr.sym(other));
    }

    private static Expr literalToParameter(Expr e, Names names, Map<String, Double> values, RandomGenerator random) {
        List<Expr> literals = nodes(e, n -> n instanceof Num);
        if (literals.isEmpty()) {
            return e;
        }
        Expr target = literals.get(random.nextInt(literals.size()));
        String name = names.fresh();
        values.put(name, ((Num) target).value());
        return replaceNth(e, target, 0, Expr.sym(name));
    }

    private Expr parameterToLiteral(Expr e, Map<String, Double> values, RandomGenerator random) {
        List<String> known = new ArrayList<>();
        e.forEachNode(n -> {
            if (n instanceof Sym s && !features.contains(s.name()) && values.containsKey(s.name()) && !known.contains(s.name())) {
                known.add(s.name());
            }
        });
        if (known.isEmpty()) {
            return e;
        }
        String name = known.get(random.nextInt(known.size()));
        // only a structural number: exponents like 0.5 or 1 are often the true form, while a fitted
        // value frozen into a literal would be tuned to the rows it was fitted on
        double value = values.get(name);
        double literal = Math.round(value * 2) / 2.0;
        if (Math.abs(literal) > 3 || Math.abs(value - literal) > 0.1 * Math.max(0.5, Math.abs(literal))) {
            return e;
        }
        values.remove(name);
        return substitute(e, name, Expr.num(literal));
    }

    private Expr shareExponent(Expr e, RandomGenerator random) {
        List<String> exponents = new ArrayList<>();
        collectExponentParameters(e, false, exponents);
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(exponents));
        if (distinct.size() < 2) {
            return e;
        }
        String keep = distinct.get(random.nextInt(distinct.size()));
        String replace;
        do {
            replace = distinct.get(random.nextInt(distinct.size()));
        } while (replace.equals(keep));
        return substitute(e, replace, Expr.sym(keep));
    }

    private void collectExponentParameters(Expr e, boolean inExponent, List<String> out) {
        switch (e) {
            case Sym s when inExponent && !features.contains(s.name()) -> out.add(s.name());
            case Apply a when a.op() == Operator.POW -> {
                collectExponentParameters(a.arg(0), inExponent, out);
                collectExponentParameters(a.arg(1), true, out);
            }
            case Apply a -> a.args().forEach(arg -> collectExponentParameters(arg, inExponent, out));
            default -> {
            }
        }
    }

    private Expr coupleTerm(Expr e, Names names, RandomGenerator random) {
        Sums sum = Sums.of(e);
        List<Expr> terms = new ArrayList<>(sum.terms());
        int index = random.nextInt(terms.size());
        Sym y = Expr.sym(features.get(random.nextInt(features.size())));
        terms.set(index, Expr.mul(terms.get(index), Expr.pow(y, Expr.sym(names.fresh()))));
        return Sums.build(terms, sum.negated());
    }


    private static List<Expr> nodes(Expr e, java.util.function.Predicate<Expr> filter) {
        List<Expr> found = new ArrayList<>();
        e.forEachNode(n -> {
            if (filter.test(n)) {
                found.add(n);
            }
        });
        return found;
    }

    /** Which of the occurrences equal to {@code target} to replace, chosen uniformly. */
    private static int indexAmongEqual(Expr e, Expr target, List<Expr> candidates, RandomGenerator random) {
        long equal = candidates.stream().filter(target::equals).count();
        return random.nextInt((int) equal);
    }

    /** Replaces the n-th (pre-order) occurrence of {@code target}. */
    private static Expr replaceNth(Expr e, Expr target, int n, Expr replacement) {
        int[] seen = {0};
        return replace(e, target, n, replacement, seen);
    }

    private static Expr replace(Expr e, Expr target, int n, Expr replacement, int[] seen) {
        if (e.equals(target)) {
            if (seen[0]++ == n) {
                return replacement;
            }
            return e;
        }
        if (e instanceof Apply a) {
            List<Expr> args = new ArrayList<>();
            for (Expr arg : a.args()) {
                args.add(replace(arg, target, n, replacement, seen));
            }
            return new Apply(a.op(), args);
        }
        return e;
    }

    private static Expr substitute(Expr e, String name, Expr replacement) {
        return switch (e) {
            case Sym s when s.name().equals(name) -> replacement;
            case Apply a -> new Apply(a.op(), a.args().stream().map(arg -> substitute(arg, name, replacement)).toList());
            default -> e;
        };
    }

    /** Fresh parameter names that the law does not use yet. */
    private static final class Names {
        private final Set<String> used = new HashSet<>();
        private int next;

        Names(Law law) {
            used.addAll(law.parameters());
            used.addAll(law.variables());
        }

        String fresh() {
            String name;
            do {
                name = "p" + (++next);
            } while (used.contains(name));
            used.add(name);
            return name;
        }
    }
}
