package dev.evosld.llm;

import dev.evosld.data.UserData;
import dev.evosld.law.Law;
import dev.evosld.law.LawSyntaxException;
import dev.evosld.law.Misspellings;
import dev.evosld.law.Simplifier;
import dev.evosld.search.FormRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Screens a proposed formula before the search spends a fit on it, and says why in words the model can act
 * on. The law language makes every name that is not a variable a parameter, so a misspelt variable
 * ({@code num_param}, {@code Num_Params}, {@code model_size}) would silently become a fitted constant; the
 * name checks here catch that:
 *
 * <ul>
 *   <li>a parameter named like a target, like a column of the data that is not a variable (as {@code fit --law}
 *       refuses it), or like a variable in another case, is refused;
 *   <li>a parameter within a small edit distance (1 for variable names of 4 to 7 characters, 2 from 8) of a
 *       variable name of at least 4 characters is refused, so short names such as {@code N} and {@code a}
 *       never clash;
 *   <li>a parameter that contains {@code _} and is longer than 6 characters is refused: parameters have
 *       short names ({@code L_inf}), variables long ones.
 * </ul>
 *
 * The budget (parameters per group and target), the use of at least one variable that does not cancel out
 * ({@link Simplifier#isConstant}), the search's rules of form ({@link FormRules}) and novelty with respect to the laws
 * the model was shown are checked too.
 */
final class LawValidator {
    private static final int LONG_NAME = 6;

    private final List<String> features;
    private final List<String> targets;
    private final List<String> otherColumns;
    private final int budget;
    private final Set<String> known;

    /**
     * @param features the task's variables
     * @param targets the task's targets
     * @param otherColumns the columns of the user's data that are neither variables nor targets nor the group
     * @param budget the most parameters a law may have
     * @param known {@link #key keys} of the laws the model was shown; proposing one again is refused
     */
    LawValidator(List<String> features, List<String> targets, List<String> otherColumns, int budget, Set<String> known) {
        this.features = List.copyOf(features);
        this.targets = List.copyOf(targets);
        this.otherColumns = List.copyOf(otherColumns);
        this.budget = budget;
        this.known = Set.copyOf(known);
    }

    /** The reason {@code formula} is refused, or empty when the search may take it. */
    Optional<String> check(String formula) {
        Objects.requireNonNull(formula, "formula");
        Law law;
        try {
            law = Law.parse(formula, features);
        } catch (LawSyntaxException e) {
            return Optional.of(e.getMessage());
        }
        List<String> names = new ArrayList<>();
        for (String parameter : law.parameters()) {
            nameProblem(parameter).ifPresent(names::add);
        }
        if (!names.isEmpty()) {
            return Optional.of(String.join("; ", names));
        }
        if (law.parameterCount() > budget) {
            return Optional.of("has " + law.parameterCount() + " parameters (" + String.join(", ", law.parameters())
                + "), more than the budget of " + budget);
        }
        if (law.variables().isEmpty()) {
            return Optional.of("uses none of the variables " + String.join(", ", features));
        }
        Law simplified = Simplifier.simplify(law);
        if (Simplifier.isConstant(simplified)) {
            // the search would score it and never report it (ParetoFront.reported): a request spent on a constant
            return Optional.of("is a constant: " + String.join(", ", law.variables())
                + (law.variables().size() == 1 ? " cancels out" : " cancel out"));
        }
        // the search would drop it unseen; saying why lets the model propose a form that can extrapolate
        Optional<String> form = FormRules.violation(simplified);
        if (form.isPresent()) {
            return Optional.of("is not a scaling-law form: " + form.get());
        }
        if (!known.isEmpty() && known.contains(key(law))) {
            return Optional.of("is already among the best laws");
        }
        return Optional.empty();
    }

    /** The key under which the search caches {@code law}: equal for laws that differ only in form. */
    static String key(Law law) {
        return Simplifier.canonicalKey(Simplifier.simplify(law));
    }

    /** Why the parameter name {@code name} looks like a mistake, if it does. */
    private Optional<String> nameProblem(String name) {
        if (targets.contains(name)) {
            return Optional.of("'" + name + "' is the target a law predicts; it cannot appear in the law");
        }
        if (otherColumns.contains(name)) {
            return Optional.of(UserData.columnTakenAsParameter(name) + ": rename the parameter; only the variables"
                + " listed can vary");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String feature : features) {
            if (feature.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of("'" + name + "' is not a variable (names are case-sensitive); did you mean "
                    + feature + "?");
            }
        }
        Optional<String> meant = Misspellings.feature(name, features);
        if (meant.isPresent()) {
            return Optional.of("'" + name + "' is not a variable; did you mean " + meant.get() + "?");
        }
        if (name.contains("_") && name.length() > LONG_NAME) {
            return Optional.of("'" + name + "' looks like a variable but is none of " + String.join(", ", features)
                + "; give parameters short names such as a, b, E, alpha");
        }
        return Optional.empty();
    }
}
