package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskConfig.Holdout;
import dev.evosld.eval.R2;
import dev.evosld.fit.StartAgreement;
import dev.evosld.search.ValidationRmse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputTest {

    @ParameterizedTest
    @CsvSource({
        "1e10,        1e10",
        "3.68123904e8, 3.681e8",
        "33333.3,     33330",
        "0.5,         0.5",
        "1,           1",
        "512,         512",
        "27.1643,     27.16",
        "-0.000123,   -0.000123",
        "1.5e-7,      1.5e-7",
        "2.50004e-5,  2.5e-5",
    })
    void shortNumbersKeepFourDigitsAndReadAsTheNumbersAUserGives(double value, String text) {
        assertEquals(text, Output.shortNumber(value));
    }

    @Test
    void aValidationR2BelowZeroIsExplainedByHowLittleTheHeldOutRunsDiffer() {
        // two groups of one law held out at one size: the misses are at the noise level, the runs' spread below it
        ValidationRmse rmse = new ValidationRmse(List.of("loss"), List.of(0.00917), 4);
        assertEquals("its predictions there missed by 0.00917 (root mean square over 4 rows), more than those runs"
            + " differ from one another (standard deviation about 0.0008352), hence an R² below 0",
            Output.validationMisses(rmse, -119.54));
        // one fold: R² = 1 - MSE / variance, so the spread is the held-out rows' own standard deviation
        double spread = 0.01;
        double miss = 0.03;
        assertEquals("its predictions there missed by 0.03 (root mean square over 4 rows), more than those runs"
            + " differ from one another (standard deviation about 0.01), hence an R² below 0",
            Output.validationMisses(new ValidationRmse(List.of("loss"), List.of(miss), 4),
                1 - miss * miss / (spread * spread)));
    }

    @Test
    void aValidationR2OfZeroOrMoreOrOfSeveralTargetsGetsNoSpread() {
        ValidationRmse one = new ValidationRmse(List.of("loss"), List.of(0.05034), 38);
        assertEquals("its predictions there missed by 0.05034 (root mean square over 38 rows)",
            Output.validationMisses(one, 0.82));
        assertEquals("its predictions there missed by 0.05034 (root mean square over 38 rows)",
            Output.validationMisses(one, null));
        // R² pools the targets' errors, so no one target's spread can be read back from it
        ValidationRmse two = new ValidationRmse(List.of("loss", "acc"), List.of(0.05, 0.2), 38);
        assertEquals("its predictions there missed loss by 0.05, acc by 0.2 (root mean square over 38 rows each)",
            Output.validationMisses(two, -3.0));
    }

    @Test
    void aParameterCountIsPerGroupAndWithSeveralTargetsAlsoPerGroupAndTarget() {
        assertEquals("3 per group", Output.parameterCount(3, 1));
        assertEquals("3 per group and target, 6 per group in all", Output.parameterCount(3, 2));
        assertEquals("1 per group and target, 3 per group in all", Output.parameterCount(1, 3));
        assertEquals("0 per group", Output.parameterCount(0, 2));
    }

    @Test
    void aValidationIsDescribedByHowItsConfigHoldsRowsOut() {
        assertEquals("5-fold cross-validation", Output.validationScheme(config(List.of(), new Holdout.Folds(5, 2)), 5, false));
        assertEquals("the runs at each group's largest N held out",
            Output.validationScheme(config(List.of("N"), new Holdout.TopValues(1, 2)), 1, false));
        assertEquals("the runs at each group's largest N held out, and one level lower in a second fold",
            Output.validationScheme(config(List.of("N"), new Holdout.TopValues(1, 2)), 2, false));
        assertEquals("the runs at each group's 2 largest N or D held out",
            Output.validationScheme(config(List.of("N", "D"), new Holdout.TopValues(2, 0)), 1, false));
        assertEquals("the top 20% of each group's runs along N held out, and one level lower in a second fold",
            Output.validationScheme(config(List.of("N"), new Holdout.TopFraction(0.2, 2)), 2, false));
        assertEquals("the top 12.5% of each group's runs along D held out",
            Output.validationScheme(config(List.of("D"), new Holdout.TopFraction(0.125, 0)), 1, false));
        assertEquals("5-fold cross-validation, as no holdout along N left enough runs to fit on and held out runs"
            + " whose targets differ",
            Output.validationScheme(config(List.of("N"), new Holdout.TopValues(9, 2)), 5, true));
        assertEquals("5-fold cross-validation, as no holdout along N left enough runs to fit on and held out runs"
            + " whose targets differ (2 of the 5 folds graded;"
            + " the others held out no runs, or runs R² cannot grade)",
            Output.validationScheme(config(List.of("N"), new Holdout.TopValues(9, 2)), 2, true));
        assertEquals("5-fold cross-validation", Output.validationScheme(config(List.of(), new Holdout.Folds(5, 2)), 5, true));
        assertEquals("200-fold cross-validation (35 of the 200 folds graded; the others held out no runs, or runs R²"
            + " cannot grade)", Output.validationScheme(config(List.of(), new Holdout.Folds(200, 2)), 35, true));
    }

    private static TaskConfig config(List<String> axes, Holdout holdout) {
        return new TaskConfig("t", "runs", List.of(new TaskConfig.Feature("N", "size"), new TaskConfig.Feature("D", "data")),
            List.of("loss"), 4, axes, holdout, null, Map.of(), null, null);
    }

    @ParameterizedTest
    @CsvSource({
        "0.99997,  0.99997",
        "0.9106,   0.9106",
        "-0.0757,  -0.0757",
        "-1.0,     -1",
        "0.9,      0.9",
    })
    void publishedScoresKeepTheirDigits(double value, String text) {
        assertEquals(text, Output.published(value));
    }

    @Test
    void aTestR2IsAValueAFailureOrNoneForNoTestSplit() {
        Map<String, Object> scored = new LinkedHashMap<>();
        Output.putTestR2(scored, Optional.of(R2.of(0.5)));
        assertEquals("{test_r2=0.5, test_split=true}", scored.toString());
        Map<String, Object> failed = new LinkedHashMap<>();
        Output.putTestR2(failed, Optional.of(R2.failed("prediction 3 of target 0 is NaN")));
        assertEquals("{test_r2=null, test_r2_failure=prediction 3 of target 0 is NaN, test_split=true}", failed.toString());
        Map<String, Object> none = new LinkedHashMap<>();
        Output.putTestR2(none, Optional.empty());
        assertEquals("{test_r2=null, test_split=false}", none.toString());

        assertEquals("0.500000", Output.testR2(Optional.of(R2.of(0.5)), "unused"));
        assertEquals("failed (overflow)", Output.testR2(Optional.of(R2.failed("overflow")), "unused"));
        assertEquals("none (no test split: every row is train)", Output.testR2(Optional.empty(), "every row is train"));
    }

    @Test
    void startAgreementIsSaidOnlyWhereAFitRestsOnOneStart() {
        assertEquals(Optional.empty(), Output.startAgreement(new StartAgreement(42, 0), "--starts 2048"));
        assertEquals(Optional.of("3 of 42 group fits reached their best value from one start only; --starts 2048"
            + " may find better ones"), Output.startAgreement(new StartAgreement(42, 3), "--starts 2048"));
    }
}
