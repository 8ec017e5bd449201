package dev.evosld.export;

import dev.evosld.data.NumberText;
import dev.evosld.eval.R2;
import dev.evosld.run.LawDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * The scores of an exported law in one line of plain ASCII, for a source file's header comment: whoever is
 * handed only the file should still see how well the law did and how far its predictions missed.
 */
final class ScoresLine {
    private ScoresLine() {
    }

    /** {@code Scores: validation R^2 0.821238 (RMSE 0.04856), test R^2 0.858637 (RMSE 0.02715).}, or empty. */
    static String of(LawDocument document) {
        LawDocument.Metrics metrics = document.metrics();
        if (metrics == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (metrics.trainR2() != null) {
            parts.add("train R^2 " + r2(metrics.trainR2()));
        }
        if (metrics.validationR2() != null) {
            parts.add("validation R^2 " + r2(metrics.validationR2()) + rmse(metrics.validationRmse()));
        } else if (metrics.validationFailure() != null) {
            parts.add("validation inside train failed: " + ascii(metrics.validationFailure()));
        }
        if (metrics.testR2() != null) {
            parts.add("test R^2 " + r2(metrics.testR2()) + rmse(metrics.testRmse()));
        } else if (testR2Undefined(metrics)) {
            parts.add("test R^2 undefined" + rmse(metrics.testRmse()));
        }
        return parts.isEmpty() ? "" : "Scores: " + String.join(", ", parts) + ".";
    }

    /**
     * Whether test was scored without an R²: its target was one value (a single next run, say), so R² is undefined
     * while the misses are measured; a prediction that is not finite leaves neither.
     */
    static boolean testR2Undefined(LawDocument.Metrics metrics) {
        return metrics.testR2() == null && metrics.testRmse() != null && !metrics.testRmse().isEmpty();
    }

    /**
     * A failure reason for a comment line: printable ASCII alone, since a line break would end the comment and a
     * backslash could begin a Java unicode escape; the multiplication sign of "2× the largest N" as x.
     */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c == '\u00D7' ? 'x'
            : c >= 0x20 && c < 0x7f && c != '\\' ? (char) c : '?'));
        return out.toString();
    }

    private static String rmse(Map<String, Double> byTarget) {
        return rmse(byTarget, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * How far predictions missed, to follow their R²: {@code  (RMSE 0.04856)} for one target, and for several each
     * target's named, {@code  (RMSE loss 0.004594, acc 0.01101)}, as targets may be in different units (a loss, an
     * accuracy, a count); each name as {@code name} and each number as {@code number} spells it (LaTeX's in text and
     * math); empty without them.
     */
    static String rmse(Map<String, Double> byTarget, UnaryOperator<String> number, UnaryOperator<String> name) {
        if (byTarget == null || byTarget.isEmpty()) {
            return "";
        }
        if (byTarget.size() == 1) {
            return " (RMSE " + number.apply(number(byTarget.values().iterator().next())) + ")";
        }
        StringJoiner each = new StringJoiner(", ", " (RMSE ", ")");
        byTarget.forEach((target, value) -> each.add(name.apply(target) + " " + number.apply(number(value))));
        return each.toString();
    }

    private static String r2(double value) {
        return R2.text(value);
    }

    /** Four significant digits, as discover and the report write how far predictions missed ({@code 0.01}, {@code 2e9}). */
    private static String number(double value) {
        return NumberText.rounded(value, 4);
    }
}
