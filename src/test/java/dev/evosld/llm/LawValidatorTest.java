package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.law.Law;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LawValidatorTest {
    private static final List<String> FEATURES = List.of("num_params", "parallel_size");
    private final LawValidator validator = new LawValidator(FEATURES, List.of("loss"), List.of(), 4,
        Set.of(LawValidator.key(Law.parse("E + A*num_params^(-a)", FEATURES))));

    private Optional<String> check(String formula) {
        return validator.check(formula);
    }

    @Test
    void acceptsWellFormedLawsWithShortParameterNames() {
        assertEquals(Optional.empty(), check("E + A*num_params^(-a)*parallel_size^(-b)"));
        assertEquals(Optional.empty(), check("L_inf + (A/(num_params*(k*log(parallel_size) + 1)))^alpha"));
        assertEquals(Optional.empty(), check("a0 + b_1*log(num_params)"));
    }

    @Test
    void parseErrorsKeepTheParsersMessage() {
        assertEquals(Optional.of("law:7: unknown function 'ln' (log is the natural logarithm)"), check("E + A*ln(num_params)"));
        assertEquals(Optional.of("law:1: empty law"), check(""));
    }

    @Test
    void misspeltVariablesAreNotTakenForParameters() {
        assertEquals(Optional.of("'num_param' is not a variable; did you mean num_params?"),
            check("E + A*num_param^(-a)"));
        assertEquals(Optional.of("'paralel_sise' is not a variable; did you mean parallel_size?"),
            check("E + A*num_params^(-a)*paralel_sise^(-b)"));
        assertEquals(Optional.of("'num_parmas' is not a variable; did you mean num_params?"),
            check("E + A*num_parmas^(-a)"));
        assertEquals(Optional.of("'Num_Params' is not a variable (names are case-sensitive); did you mean num_params?"),
            check("E + A*Num_Params^(-a)"));
        assertEquals(Optional.of("'model_size' looks like a variable but is none of num_params, parallel_size;"
            + " give parameters short names such as a, b, E, alpha"), check("E + A*model_size^(-a)"));
        assertEquals(Optional.of("'loss' is the target a law predicts; it cannot appear in the law"),
            check("loss + a*num_params"));
    }

    @Test
    void everyBadNameIsReportedAtOnce() {
        assertEquals(Optional.of("'num_param' is not a variable; did you mean num_params?; 'Parallel_size' is not a"
                + " variable (names are case-sensitive); did you mean parallel_size?"),
            check("a*num_param + Parallel_size"));
    }

    @Test
    void budgetVariablesAndNoveltyAreChecked() {
        assertEquals(Optional.of("has 5 parameters (E, A, a, B, b), more than the budget of 4"),
            check("E + A*num_params^(-a) + B*parallel_size^(-b)"));
        assertEquals(Optional.of("uses none of the variables num_params, parallel_size"), check("a + b"));
        assertEquals(Optional.of("is not a scaling-law form: a variable in an exponent"), check("A*num_params^parallel_size"));
        // equal to a law the model was shown, up to parameter names and the order of terms
        assertEquals(Optional.of("is already among the best laws"), check("B*num_params^(-c) + L"));
    }

    @Test
    void aLawWhoseVariablesCancelIsAConstantAndRefused() {
        // the search would score it and never report it: a constant written as a law of num_params
        assertEquals(Optional.of("is a constant: num_params cancels out"), check("A * (num_params / num_params) + E"));
        assertEquals(Optional.of("is a constant: num_params cancels out"),
            check("E - a*log(num_params^2) + 2*a*log(num_params)"));
        assertEquals(Optional.of("is a constant: num_params, parallel_size cancel out"),
            check("E + A*exp(log(num_params*parallel_size) - log(num_params) - log(parallel_size))"));
        // a cancelling part beside a real dependence is a law of that variable
        assertEquals(Optional.empty(), check("A / (num_params / num_params) + parallel_size^b"));
    }

    @Test
    void shortVariableNamesNeverClashWithParameters() {
        LawValidator shortNames = new LawValidator(List.of("N", "D", "lr"), List.of("loss"), List.of(), 6, Set.of());
        assertEquals(Optional.empty(), shortNames.check("E + A*N^-a + B*D^-b + M*lr"));
    }

    @Test
    void aColumnLeftOutOfTheVariablesIsNoParameter() {
        LawValidator withoutLr = new LawValidator(List.of("N", "D"), List.of("loss"), List.of("lr", "seed"), 6, Set.of());
        assertEquals(Optional.of("'lr' is a column of the data but not a feature, so the law would take it as a parameter,"
            + " one constant per group: rename the parameter; only the variables listed can vary"),
            withoutLr.check("E + A*N^-a + lr*D^-b"));
        assertEquals(Optional.empty(), withoutLr.check("E + A*N^-a + LR*D^-b"), "fit --law takes the column's name alone");
    }
}
