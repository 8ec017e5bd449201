package dev.evosld.cli;

import dev.evosld.data.NumberText;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskConfig.Holdout;
import dev.evosld.eval.R2;
import dev.evosld.fit.StartAgreement;
import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;
import dev.evosld.search.ValidationPlan;
import dev.evosld.search.ValidationRmse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writing results: one JSON document with {@code --json}, else readable text. */
final class Output {
    private Output() {
    }

    static void json(PrintWriter out, Object document) {
        out.println(Json.mapper().writeValueAsString(document));
        out.flush();
    }

    /**
     * Puts an R² into a JSON document: the number under {@code key}, or null and the reason under {@code key_failure},
     * or under {@code key_undefined} when the actual values do not vary, which is no failure of the law.
     */
    static void putR2(Map<String, Object> document, String key, R2 r2) {
        document.put(key, r2.isFailure() ? null : r2.value());
        if (r2.isFailure()) {
            document.put(key + (r2.undefined() ? "_undefined" : "_failure"), r2.failure());
        }
    }

    /**
     * Puts a test R² into a JSON document: {@code test_r2} as {@link #putR2} does, then {@code test_split},
     * which is false when the data has no test split. Then {@code test_r2} is null with no
     * {@code test_r2_failure}, so that "no test" and "failed on test" read differently.
     */
    static void putTestR2(Map<String, Object> document, Optional<R2> test) {
        test.ifPresentOrElse(r2 -> putR2(document, "test_r2", r2), () -> document.put("test_r2", null));
        document.put("test_split", test.isPresent());
    }

    /** A test R² as text, or {@code none} and why: {@code why} is what happened to the rows instead. */
    static String testR2(Optional<R2> test, String why) {
        return test.map(Output::r2).orElse("none (no test split: " + why + ")");
    }

    static String r2(R2 r2) {
        return r2.toString();
    }

    /**
     * A law's parameter count as {@code discover} and {@code fit} word it: {@code 3 per group}, and with several
     * targets, each fitted its own values, {@code 3 per group and target, 6 per group in all}, the count a task's
     * budget limits.
     */
    static String parameterCount(int perTarget, int targets) {
        return perTarget == 0 || targets == 1 ? perTarget + " per group"
            : perTarget + " per group and target, " + perTarget * targets + " per group in all";
    }

    /**
     * Says which fits only one start reached the best value of, and how to try more; empty when the starts
     * agreed everywhere.
     */
    static Optional<String> startAgreement(StartAgreement agreement, String remedy) {
        if (agreement.isComplete()) {
            return Optional.empty();
        }
        return Optional.of(agreement.singleStart() + " of " + agreement.fits() + " group fits reached their best"
            + " value from one start only; " + remedy + " may find better ones");
    }

    /**
     * How validation inside train held rows out, for the text beside a validation R², precise enough to check
     * by hand: a user's runs may be held out by value or by fraction, as {@code --holdout} or the runs chose, and
     * the validation rows counted under it come from every fold.
     *
     * @param folds the folds of the task's validation plan
     */
    static String validationScheme(TaskConfig config, ValidationPlan plan) {
        return validationScheme(config, plan.folds().size(), plan.crossValidated());
    }

    /**
     * The holdout validation used, in {@code --holdout}'s form, for the {@code holdout} of {@code --json}: the one
     * configured, or the cross-validation it fell back to when no holdout along the axis left enough runs to fit on and
     * held out runs R² can grade, by the folds it was made of as {@link #validationScheme} says: those graded may be
     * fewer, and a count of one is no value {@code --holdout} takes.
     */
    static String holdoutUsed(TaskConfig config, ValidationPlan plan) {
        return plan.crossValidated() && !(config.holdout() instanceof Holdout.Folds)
            ? "folds=" + ValidationPlan.FALLBACK_FOLDS
            : config.holdout().spec();
    }

    static String validationScheme(TaskConfig config, int folds, boolean crossValidated) {
        String axes = String.join(" or ", config.scaleAxis());
        if (crossValidated && !(config.holdout() instanceof Holdout.Folds)) {
            int made = ValidationPlan.FALLBACK_FOLDS;
            // R² cannot grade held-out runs of one value, as duplicated runs at the top of the axis are
            return made + "-fold cross-validation, as no holdout along " + axes + " left enough runs to fit on and held"
                + " out runs whose targets differ"
                + (folds < made ? " (" + folds + " of the " + made + " folds graded; the others held out no runs, or runs"
                + " R² cannot grade)" : "");
        }
        String lower = folds > 1 ? ", and one level lower in a second fold" : "";
        return switch (config.holdout()) {
            case Holdout.Folds k when k.count() == folds -> k.count() + "-fold cross-validation";
            case Holdout.Folds k -> k.count() + "-fold cross-validation (" + folds + " of the " + k.count()
                + " folds graded; the others held out no runs, or runs R² cannot grade)";
            case Holdout.TopValues top when top.count() == 1 ->
                "the runs at each group's largest " + axes + " held out" + lower;
            case Holdout.TopValues top -> "the runs at each group's " + top.count() + " largest " + axes + " held out"
                + lower;
            case Holdout.TopFraction top -> "the top " + shortNumber(100 * top.fraction()) + "% of each group's runs"
                + " along " + axes + " held out" + lower;
        };
    }

    /**
     * Where a law fails beyond the data along a feature no check pushed ({@code search.UncheckedFeatures}), for the
     * {@code unchecked:} line of {@code discover} and {@code fit} on a user's runs. Whether the feature is a resource
     * runs grow along is the user's to say: a learning rate's optimum turns a law around there by nature.
     */
    static String unchecked(String feature, String why) {
        return "beyond the data in " + feature + ", which validation never pushed, the law fails the check of a scale"
            + " axis (" + why + "); if runs grow along " + feature + ", --scale-axis or --falls-with naming it has"
            + " laws checked there";
    }

    /**
     * How far a law's validation predictions missed, per target in its own units, for the line under a
     * validation R²: {@code its predictions there missed by 0.0503 (root mean square over 38 rows)}.
     *
     * <p>A validation R² below 0 reads as a failed law, yet it only says that the misses exceed how much the held-out
     * runs differ from one another, which can be very little (a few groups at one size, all near one loss). For one
     * target the line then gives that spread, the standard deviation R² measured the misses against: with one fold,
     * R² = 1 − MSE / variance exactly, so RMSE / √(1 − R²) gives it back, and over several folds it is their
     * effective spread.
     */
    static String validationMisses(ValidationRmse rmse, Double validationR2) {
        String misses = "its predictions there missed " + misses(rmse.byTarget(), false) + " (root mean square over "
            + rmse.rows() + (rmse.targets().size() > 1 ? " rows each)" : " rows)");
        if (rmse.targets().size() != 1 || validationR2 == null || !(validationR2 < 0)
            || Double.isInfinite(validationR2)) {
            return misses;
        }
        double spread = rmse.rootMeanSquaredErrors().getFirst() / Math.sqrt(1 - validationR2);
        return misses + ", more than those runs differ from one another (standard deviation about "
            + shortNumber(spread) + "), hence an R² below 0";
    }

    /**
     * How far the predictions of test missed, to follow a test R²: {@code  (missed by 0.02715, root mean
     * square)}; empty without them.
     */
    static String testMisses(Map<String, Double> testRmse) {
        if (testRmse == null || testRmse.isEmpty()) {
            return "";
        }
        return " (missed " + misses(testRmse, false) + ", root mean square)";
    }

    /**
     * Root mean squared errors as words: {@code by 0.04856}, the target named when there are several or when
     * {@code named} ({@code loss by 0.04856}), several joined by commas.
     */
    static String misses(Map<String, Double> byTarget, boolean named) {
        List<String> misses = new ArrayList<>();
        byTarget.forEach((target, rmse) -> misses.add((named || byTarget.size() > 1 ? target + " " : "") + "by "
            + shortNumber(rmse)));
        return String.join(", ", misses);
    }

    /** A published score as the config gives it: rounding 0.99997 to four places would print 1.0000. */
    static String published(double value) {
        return NumberText.of(value);
    }

    /**
     * A number to four significant digits, for notes, written as {@link NumberText} writes the values a user gives
     * ({@code 1e10}, {@code 27.16}, {@code 2.5e-5}): a computed figure beside a given one reads the same way.
     */
    static String shortNumber(double value) {
        return NumberText.rounded(value, 4);
    }

    /** The note that a run's recorded data has changed since the run, for a command that loads it again. */
    static String dataChangedNote(LawDocument document) {
        String checksum = document.provenance().dataChecksum();
        return "evosld: note: the data differs from the run's (checksum "
            + (checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum) + "), so its rows are read as they are now";
    }
}
