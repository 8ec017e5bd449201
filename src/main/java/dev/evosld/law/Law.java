package dev.evosld.law;

import dev.evosld.law.Expr.Sym;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scaling law: an expression whose names are either variables (features of the task's data) or
 * parameters (everything else, fitted separately for every group and target).
 *
 * @param expr the formula
 * @param variables the feature names the formula uses, in order of first appearance
 * @param parameters the parameter names, in order of first appearance; their count is the law's size in
 *     the parameter budget (per target)
 */
public record Law(Expr expr, List<String> variables, List<String> parameters) {

    public Law {
        Objects.requireNonNull(expr);
        variables = List.copyOf(variables);
        parameters = List.copyOf(parameters);
    }

    /** Parses a formula and binds its names: those in {@code features} are variables, the rest parameters. */
    public static Law parse(String formula, Collection<String> features) {
        return of(LawParser.parse(formula), features);
    }

    /** Binds an expression's names: those in {@code features} are variables, the rest parameters. */
    public static Law of(Expr expr, Collection<String> features) {
        Set<String> featureSet = Set.copyOf(features);
        Set<String> variables = new LinkedHashSet<>();
        Set<String> parameters = new LinkedHashSet<>();
        expr.forEachNode(node -> {
            if (node instanceof Sym s) {
                (featureSet.contains(s.name()) ? variables : parameters).add(s.name());
            }
        });
        return new Law(expr, List.copyOf(variables), List.copyOf(parameters));
    }

    /** The number of parameters fitted per group and target. */
    public int parameterCount() {
        return parameters.size();
    }

    /**
     * This law with parameters renamed; a parameter missing from {@code names} keeps its name.
     *
     * @throws IllegalArgumentException if two parameters would share a name, or one would take a variable's
     */
    public Law withParametersRenamed(java.util.Map<String, String> names) {
        java.util.function.UnaryOperator<String> renaming = name -> parameters.contains(name) ? names.getOrDefault(name, name) : name;
        List<String> renamed = parameters.stream().map(renaming).toList();
        if (Set.copyOf(renamed).size() != renamed.size() || renamed.stream().anyMatch(variables::contains)) {
            throw new IllegalArgumentException("renaming " + names + " would merge names of " + this);
        }
        return new Law(expr.rename(renaming), variables, renamed);
    }

    /** The formula in the law language; {@link #parse} reads it back to an equal law. */
    @Override
    public String toString() {
        return LawPrinter.print(expr);
    }
}
