package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Simplifies a law so that equivalent candidates look alike and no parameter is wasted:
 *
 * <ul>
 *   <li>literal-only subtrees are folded to a literal (when the result is finite);
 *   <li>identities go: {@code x+0, x*1, x/1, x^1, --x, x-0};
 *   <li>a subtree without variables that holds a parameter is a single constant, so it becomes one
 *       parameter ({@code exp(a)*x → a*x}, {@code a*b*x → a*x}, {@code x^(-alpha) → x^alpha});
 *   <li>in a sum, all variable-free terms merge into one; in a product, all variable-free factors; a
 *       parameter used nowhere else also absorbs constants whose parameters occur elsewhere
 *       ({@code a*b*N + b*D → p1*N + b*D});
 *   <li>like terms of a sum merge and a negative literal factor becomes a minus ({@code t + t → 2*t},
 *       {@code x - -1*t → x + t}); powers of one base in a product merge ({@code N^a*N^a → N^(2*a)},
 *       {@code N*N → N^2});
 *   <li>a literal factor goes where a parameter used nowhere else scales the product anyway
 *       ({@code p/N*2 → p/N}).
 * </ul>
 *
 * The result fits the data at least as well as the input (every input parameter vector has an equivalent),
 * usually with fewer parameters. New parameters take names from the supplier.
 */
public final class Simplifier {
    private final Set<String> variables;
    private final Supplier<String> freshNames;
    /** How often each name occurs in the law being simplified. */
    private final Map<String, Integer> occurrences;

    private Simplifier(Set<String> variables, Supplier<String> freshNames, Map<String, Integer> occurrences) {
        this.variables = variables;
        this.freshNames = freshNames;
        this.occurrences = occurrences;
    }

    /** Simplifies a law; merged parameters are named {@code p1, p2, ...} avoiding the law's own names. */
    public static Law simplify(Law law) {
        Set<String> used = new java.util.HashSet<>(law.parameters());
        used.addAll(law.variables());
        int[] counter = {0};
        Supplier<String> fresh = () -> {
            String name;
            do {
                name = "p" + (++counter[0]);
            } while (used.contains(name));
            used.add(name);
            return name;
        };
        Expr result = law.expr();
        for (int pass = 0; pass < 4; pass++) {
            Simplifier simplifier = new Simplifier(Set.copyOf(law.variables()), fresh, occurrences(result));
            Expr next = simplifier.simplify(result);
            if (next.equals(result)) {
                break;
            }
            result = next;
        }
        return Law.of(result, law.variables());
    }

    private static Map<String, Integer> occurrences(Expr e) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        e.forEachNode(node -> {
            if (node instanceof Sym s) {
                counts.merge(s.name(), 1, Integer::sum);
            }
        });
        return counts;
    }

    /** Whether every parameter of {@code e} occurs only inside {@code e}, so one parameter can replace it. */
    private boolean ownsItsParameters(Expr e) {
        Map<String, Integer> inside = occurrences(e);
        // a name missing from the counts was made fresh in this pass, so nothing outside uses it
        return inside.entrySet().stream().allMatch(entry -> !occurrences.containsKey(entry.getKey())
            || entry.getValue().equals(occurrences.get(entry.getKey())));
    }

    private boolean hasVariable(Expr e) {
        return switch (e) {
            case Num n -> false;
            case Sym s -> variables.contains(s.name());
            case Apply a -> a.args().stream().anyMatch(this::hasVariable);
        };
    }

    private static boolean hasParameterOrVariable(Expr e) {
        return !(e instanceof Num) && (e instanceof Sym || ((Apply) e).args().stream().anyMatch(Simplifier::hasParameterOrVariable));
    }

    private Expr simplify(Expr e) {
        if (!(e instanceof Apply a)) {
            return e;
        }
        List<Expr> args = a.args().stream().map(this::simplify).toList();
        Apply node = new Apply(a.op(), args);
        if (!hasParameterOrVariable(node)) {
            double value = node.evaluate(name -> {
                throw new IllegalStateException("not a literal: " + name);
            });
            return Double.isFinite(value) ? Expr.num(value) : node;
        }
        if (!hasVariable(node) && ownsItsParameters(node)) {
            // a constant made of parameters (and literals) used nowhere else: one parameter can take its value
            return Expr.sym(freshNames.get());
        }
        return switch (node.op()) {
            case ADD, SUB -> simplifySum(node);
            case MUL -> simplifyProduct(node);
            case DIV -> simplifyQuotient(node);
            case POW -> simplifyPower(node);
            case NEG -> node.arg(0) instanceof Apply inner && inner.op() == Operator.NEG ? inner.arg(0) : node;
            default -> node;
        };
    }

    /** Flattens the sum, drops zeros, and merges its variable-free terms into one parameter. */
    private Expr simplifySum(Apply node) {
        Sums sum = Sums.of(node).withLikeTermsMerged();
        List<Expr> terms = sum.terms();
        List<Boolean> negated = sum.negated();
        List<Expr> kept = new ArrayList<>();
        List<Boolean> keptNegated = new ArrayList<>();
        int constants = 0;
        boolean parameterConstant = false;
        for (int i = 0; i < terms.size(); i++) {
            Expr term = terms.get(i);
            if (term instanceof Num n && n.value() == 0) {
                continue;
            }
            if (!hasVariable(term) && ownsItsParameters(term)) {
                constants++;
                parameterConstant |= hasParameterOrVariable(term);
                if (constants == 1) {
                    kept.add(term);
                    keptNegated.add(negated.get(i));
                }
                continue;
            }
            kept.add(term);
            keptNegated.add(negated.get(i));
        }
        if (freeParameterAbsorbsConstants(kept)) {
            // a parameter used nowhere else absorbs the other constant terms, even those whose parameters
            // occur elsewhere too: a + b with b shared takes every value that a fresh parameter takes
            List<Expr> merged = new ArrayList<>();
            List<Boolean> mergedNegated = new ArrayList<>();
            boolean placed = false;
            for (int i = 0; i < kept.size(); i++) {
                if (hasVariable(kept.get(i))) {
                    merged.add(kept.get(i));
                    mergedNegated.add(keptNegated.get(i));
                } else if (!placed) {
                    merged.add(Expr.sym(freshNames.get()));
                    mergedNegated.add(false);
                    placed = true;
                }
            }
            return Sums.build(merged, mergedNegated);
        }
        if (constants > 1 && parameterConstant) {
            int index = indexOfConstant(kept);
            kept.set(index, Expr.sym(freshNames.get()));
            keptNegated.set(index, false);
        } else if (constants > 1) {
            return node; // literal-only terms that do not fold stay as written
        }
        return Sums.build(kept, keptNegated);
    }

    /**
     * Whether the operands of a sum or product hold a parameter standing alone and used nowhere else (it can
     * take any value) beside at least one other variable-free operand, which it can then absorb.
     */
    private boolean freeParameterAbsorbsConstants(List<Expr> operands) {
        boolean free = operands.stream().anyMatch(o -> o instanceof Sym s && !variables.contains(s.name()) && ownsItsParameters(o));
        return free && operands.stream().filter(o -> !hasVariable(o)).count() > 1;
    }

    private int indexOfConstant(List<Expr> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (!hasVariable(terms.get(i)) && ownsItsParameters(terms.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException();
    }


    /** Flattens the product, drops ones, and merges its variable-free factors into one parameter. */
    private Expr simplifyProduct(Apply node) {
        List<Expr> factors = new ArrayList<>();
        flattenProduct(node, factors);
        List<Expr> kept = new ArrayList<>();
        int constants = 0;
        boolean parameterConstant = false;
        for (Expr factor : factors) {
            if (factor instanceof Num n && n.value() == 1) {
                continue;
            }
            if (factor instanceof Num n && n.value() == 0) {
                return Expr.num(0);
            }
            if (!hasVariable(factor) && ownsItsParameters(factor)) {
                constants++;
                parameterConstant |= hasParameterOrVariable(factor);
            }
            kept.add(factor);
        }
        boolean absorbing = freeParameterAbsorbsConstants(kept);
        if (absorbing || (constants > 1 && parameterConstant)) {
            List<Expr> merged = new ArrayList<>();
            boolean placed = false;
            for (Expr factor : kept) {
                if (hasVariable(factor) || (!absorbing && !ownsItsParameters(factor))) {
                    merged.add(factor);
                } else if (!placed) {
                    merged.add(Expr.sym(freshNames.get()));
                    placed = true;
                }
            }
            kept = merged;
        }
        kept = dropScaleLiterals(mergePowers(kept));
        if (kept.isEmpty()) {
            return Expr.num(1);
        }
        Expr product = kept.getFirst();
        for (int i = 1; i < kept.size(); i++) {
            product = Expr.mul(product, kept.get(i));
        }
        return product;
    }

    /** Merges the factors of a product that are powers of one base with a variable: {@code N^a*N → N^(a + 1)}. */
    private List<Expr> mergePowers(List<Expr> factors) {
        List<Expr> bases = new ArrayList<>();
        List<List<Expr>> exponents = new ArrayList<>();
        List<Expr> originals = new ArrayList<>();
        for (Expr factor : factors) {
            boolean power = factor instanceof Apply a && a.op() == Operator.POW;
            Expr base = power ? ((Apply) factor).arg(0) : factor;
            int index = hasVariable(base) ? bases.indexOf(base) : -1;
            if (index >= 0) {
                exponents.get(index).add(power ? ((Apply) factor).arg(1) : Expr.num(1));
                continue;
            }
            bases.add(hasVariable(base) ? base : null);
            List<Expr> exponent = new ArrayList<>();
            exponent.add(power ? ((Apply) factor).arg(1) : Expr.num(1));
            exponents.add(exponent);
            originals.add(factor);
        }
        List<Expr> merged = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            List<Expr> exponent = exponents.get(i);
            if (exponent.size() == 1) {
                merged.add(originals.get(i));
            } else {
                Expr sum = simplify(Sums.build(exponent, exponent.stream().map(e -> false).toList()));
                merged.add(simplifyPower(new Apply(Operator.POW, List.of(bases.get(i), sum))));
            }
        }
        return merged;
    }

    /** Drops the literal factors of a product when one of its factors is scaled by a free parameter. */
    private List<Expr> dropScaleLiterals(List<Expr> factors) {
        if (factors.stream().noneMatch(this::absorbsScale) || factors.stream().noneMatch(Simplifier::isScale)) {
            return factors;
        }
        return factors.stream().filter(f -> !isScale(f)).toList();
    }

    /** A literal a parameter can absorb: finite and not zero. */
    private static boolean isScale(Expr e) {
        return e instanceof Num n && Double.isFinite(n.value()) && n.value() != 0;
    }

    /**
     * Whether a parameter used nowhere else scales {@code e}, so that any literal factor of {@code e} can be
     * folded into it: {@code p}, {@code p*x}, {@code x/p}, {@code p/x}, {@code -p*x}.
     */
    private boolean absorbsScale(Expr e) {
        return switch (e) {
            case Num n -> false;
            case Sym s -> !variables.contains(s.name()) && ownsItsParameters(s);
            case Apply a -> switch (a.op()) {
                case MUL, DIV -> absorbsScale(a.arg(0)) || absorbsScale(a.arg(1));
                case NEG -> absorbsScale(a.arg(0));
                default -> false;
            };
        };
    }

    private static void flattenProduct(Expr e, List<Expr> factors) {
        if (e instanceof Apply a && a.op() == Operator.MUL) {
            flattenProduct(a.arg(0), factors);
            flattenProduct(a.arg(1), factors);
        } else {
            factors.add(e);
        }
    }

    private Expr simplifyQuotient(Apply node) {
        if (node.arg(1) instanceof Num n && (n.value() == 1 || (isScale(n) && absorbsScale(node.arg(0))))) {
            return node.arg(0);
        }
        if (node.arg(0) instanceof Num n && n.value() != 1 && isScale(n) && absorbsScale(node.arg(1))) {
            return Expr.div(Expr.num(1), node.arg(1));
        }
        return node;
    }

    private Expr simplifyPower(Apply node) {
        if (node.arg(1) instanceof Num n && n.value() == 1) {
            return node.arg(0);
        }
        if (node.arg(1) instanceof Num n && n.value() == 0) {
            return Expr.num(1);
        }
        return node;
    }

    /**
     * Whether the law's value depends on none of its variables: it names none, or they cancel ({@code A * (N / N)},
     * {@code N / (N / k)}, {@code exp(a - N / N)}), so that it is a constant wherever it is defined. The simplifier
     * keeps such quotients, since writing them as 1 would change the canonical keys of laws that do depend on a
     * variable beside them ({@code A / (N / N) + D^b}) and with them the search's path; this tells the laws that
     * must not be reported as laws of their variables. Quotients and products cancel by their factors' powers and
     * signs, sums by their like terms; what cancels through a logarithm or an exponential ({@code log(N^2) - 2*log(N)},
     * {@code exp(log(N)) / N}) is seen by evaluating the law ({@link Constancy}). A law neither sees through counts as
     * depending on its variables. The minimum or maximum of two alike arguments is taken for that argument
     * ({@code max(N, N) / N}), and an absolute value for its argument without its sign ({@code abs(N) / abs(N)}), so
     * that a law piecewise in name only is seen through too; any other {@code min}, {@code max} or {@code abs} leaves
     * a law to the rules of products and sums.
     */
    public static boolean isConstant(Law law) {
        Set<String> variables = Set.copyOf(law.variables());
        Expr unrepeated = withoutRepeatedExtremes(law.expr(), variables);
        return !varies(unrepeated, variables)
            || Constancy.sampled(unrepeated.equals(law.expr()) ? law : Law.of(unrepeated, law.variables()));
    }

    /**
     * {@code e} with each {@code min(x, x)} and {@code max(x, x)} written as {@code x}, whose value it is exactly,
     * arguments alike but for the order of a sum's terms or a product's factors counting as one: only for the question
     * whether a law is constant, since the search's keys keep them.
     */
    private static Expr withoutRepeatedExtremes(Expr e, Set<String> variables) {
        if (!(e instanceof Apply a)) {
            return e;
        }
        List<Expr> args = a.args().stream().map(arg -> withoutRepeatedExtremes(arg, variables)).toList();
        if ((a.op() == Operator.MIN || a.op() == Operator.MAX) && alike(args.get(0), args.get(1), variables)) {
            return args.get(0);
        }
        return args.equals(a.args()) ? a : new Apply(a.op(), args);
    }

    /**
     * Whether two expressions are one but for the order of a sum's terms or a product's factors, which IEEE arithmetic
     * does not see, so that they compute the same doubles.
     */
    static boolean alike(Expr x, Expr y, Set<String> variables) {
        return LawPrinter.print(sortOperands(x, variables)).equals(LawPrinter.print(sortOperands(y, variables)));
    }

    private static boolean varies(Expr e, Set<String> variables) {
        return switch (e) {
            case Num n -> false;
            case Sym s -> variables.contains(s.name());
            case Apply a -> switch (a.op()) {
                case MUL, DIV, NEG, SQRT, ABS -> factorsVary(a, variables);
                case POW -> a.arg(1) instanceof Num ? factorsVary(a, variables)
                    : varies(a.arg(0), variables) || varies(a.arg(1), variables);
                case ADD, SUB -> Sums.of(a).withLikeTermsMerged().terms().stream().anyMatch(t -> varies(t, variables));
                default -> a.args().stream().anyMatch(arg -> varies(arg, variables));
            };
        };
    }

    /**
     * Whether a product's factors, taken with their powers and equal ones merged, leave a variable. Each factor is
     * counted as its base's magnitude to a power and its base's sign to a power whose parity alone counts: under a root
     * or another power that is not a whole number ({@code sqrt(N^2)}, {@code (N^2)^1.5}) the signs are gone, since such
     * a power is defined only where its argument is not negative, so that {@code sqrt(N^2) / N} is {@code |N| / N},
     * which varies with the sign of N (a logarithm's often below 0), while {@code N / (N / k)} and
     * {@code sqrt(N^4) / N^2} are constants.
     */
    private static boolean factorsVary(Expr product, Set<String> variables) {
        Map<String, Double> powers = new LinkedHashMap<>();
        Map<String, Boolean> oddSigns = new LinkedHashMap<>();
        Map<String, Expr> bases = new LinkedHashMap<>();
        collectFactors(product, 1, true, variables, powers, oddSigns, bases);
        // powers that cancel only up to rounding (0.1 + 0.2 - 0.3) leave a variable: such a law is not reported as
        // a constant by mistake, it is only reported as before
        return bases.entrySet().stream().anyMatch(b -> (powers.get(b.getKey()) != 0 || oddSigns.get(b.getKey()))
            && varies(b.getValue(), variables));
    }

    /**
     * Adds the factors of {@code e} taken to {@code power}: {@code signed} while every power above is a whole number
     * and no absolute value is taken, so that the factors' signs reach the product, and {@code oddSigns} then tells
     * whether a base's sign is taken an odd number of times.
     */
    private static void collectFactors(Expr e, double power, boolean signed, Set<String> variables,
                                       Map<String, Double> powers, Map<String, Boolean> oddSigns,
                                       Map<String, Expr> bases) {
        if (e instanceof Apply a) {
            switch (a.op()) {
                case MUL -> {
                    collectFactors(a.arg(0), power, signed, variables, powers, oddSigns, bases);
                    collectFactors(a.arg(1), power, signed, variables, powers, oddSigns, bases);
                    return;
                }
                case DIV -> {
                    collectFactors(a.arg(0), power, signed, variables, powers, oddSigns, bases);
                    collectFactors(a.arg(1), -power, signed, variables, powers, oddSigns, bases);
                    return;
                }
                case NEG -> {
                    collectFactors(a.arg(0), power, signed, variables, powers, oddSigns, bases);
                    return;
                }
                case SQRT -> {
                    collectFactors(a.arg(0), power / 2, false, variables, powers, oddSigns, bases);
                    return;
                }
                case ABS -> {
                    collectFactors(a.arg(0), power, false, variables, powers, oddSigns, bases);
                    return;
                }
                case POW -> {
                    if (a.arg(1) instanceof Num n) {
                        collectFactors(a.arg(0), power * n.value(), signed && isWhole(n.value()), variables, powers,
                            oddSigns, bases);
                        return;
                    }
                }
                default -> {
                }
            }
        }
        if (e instanceof Num) {
            return;
        }
        // factors alike but for the order of a sum's terms or a product's factors are one base
        String key = LawPrinter.print(sortOperands(e, variables));
        powers.merge(key, power, Double::sum);
        // a power too large to be odd is even, as a double that large is
        oddSigns.merge(key, signed && power % 2 != 0, Boolean::logicalXor);
        bases.putIfAbsent(key, e);
    }

    private static boolean isWhole(double value) {
        return Double.isFinite(value) && value == Math.rint(value);
    }

    /**
     * A key equal for laws that differ only in the names of their parameters or the order of the terms of
     * a sum or the factors of a product: the cache of fitted laws is keyed by it.
     */
    public static String canonicalKey(Law law) {
        Map<String, String> renaming = new LinkedHashMap<>();
        Expr sorted = sortOperands(law.expr(), Set.copyOf(law.variables()));
        String prefix = keyParameterPrefix(law.variables());
        sorted.forEachNode(node -> {
            if (node instanceof Sym s && !law.variables().contains(s.name())) {
                renaming.putIfAbsent(s.name(), prefix + renaming.size());
            }
        });
        return LawPrinter.print(sorted.rename(name -> renaming.getOrDefault(name, name)));
    }

    /** Whether {@code name} is a parameter's name in the {@link #canonicalKey} of a law using these variables. */
    public static boolean isKeyParameter(String name, Collection<String> variables) {
        return isNumbered(name, keyParameterPrefix(variables));
    }

    /**
     * {@code p}, the parameters of a key being {@code p0}, {@code p1}, ..., unless a variable of the law is named so:
     * a user's column {@code p0} would make {@code a*p0 + N} and {@code a*a + N} one key, and one law's fit would be
     * served for the other. Then {@code pp}, and so on.
     */
    private static String keyParameterPrefix(Collection<String> variables) {
        String prefix = "p";
        while (true) {
            String candidate = prefix;
            if (variables.stream().noneMatch(variable -> isNumbered(variable, candidate))) {
                return prefix;
            }
            prefix += "p";
        }
    }

    private static boolean isNumbered(String name, String prefix) {
        return name.length() > prefix.length() && name.startsWith(prefix)
            && name.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Expr sortOperands(Expr e, Set<String> variables) {
        if (!(e instanceof Apply a)) {
            return e;
        }
        List<Expr> args = a.args().stream().map(arg -> sortOperands(arg, variables)).toList();
        if (a.op().isCommutative() && args.size() == 2) {
            Comparator<Expr> order = Comparator.comparing(x -> shape(x, variables));
            if (order.compare(args.get(0), args.get(1)) > 0) {
                args = List.of(args.get(1), args.get(0));
            }
        }
        return new Apply(a.op(), args);
    }

    /** The expression with every parameter written as the same name, for ordering operands. */
    private static String shape(Expr e, Set<String> variables) {
        return LawPrinter.print(e.rename(name -> variables.contains(name) ? name : "_"));
    }
}
