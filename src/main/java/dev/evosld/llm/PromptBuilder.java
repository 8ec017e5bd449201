package dev.evosld.llm;

import dev.evosld.data.TaskConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns a task and the search's state into chat messages, from the templates in
 * {@code src/main/resources/llm/}: {@code system.txt} (the role, the law language and what makes a good
 * law; the same for every request, so providers can cache it), and {@code seed.txt} or
 * {@code rewrite.txt} as the user message.
 */
public final class PromptBuilder {
    private static final MathContext DIGITS = new MathContext(4);

    private final PromptTemplate system;
    private final PromptTemplate seed;
    private final PromptTemplate rewrite;

    private PromptBuilder(PromptTemplate system, PromptTemplate seed, PromptTemplate rewrite) {
        this.system = system;
        this.seed = seed;
        this.rewrite = rewrite;
    }

    /** The builder for the prompts shipped in the jar. */
    public static PromptBuilder standard() {
        return new PromptBuilder(
            PromptTemplate.resource("system.txt"),
            PromptTemplate.resource("seed.txt"),
            PromptTemplate.resource("rewrite.txt"));
    }

    /**
     * Asks for {@code count} new laws.
     *
     * @param best the best laws so far, best first; may be empty
     * @param rejections the feedback lines from the previous answer ({@link ProposalParser.Screening#feedback()}); may be empty
     * @param request names this request within the run (run seed, round), so that two requests that
     *     would otherwise be identical get their own answers and cache entries
     */
    public List<ChatMessage> seed(
        TaskBrief task, List<ScoredLaw> best, List<String> rejections, int count, String request) {
        return List.of(
            ChatMessage.system(system.fill(Map.of())),
            ChatMessage.user(seed.fill(common(task, best, rejections, count, request))));
    }

    /**
     * Asks for {@code count} rewrites of {@code law}.
     *
     * @param residuals a small text table of {@code law}'s mean residuals along the scale axes
     * @param best the best laws so far, best first; may be empty
     * @param rejections the feedback lines from the previous answer; may be empty
     * @param request names this request within the run, as for {@link #seed}
     */
    public List<ChatMessage> rewrite(
        TaskBrief task, ScoredLaw law, String residuals, List<ScoredLaw> best, List<String> rejections, int count,
        String request) {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(residuals, "residuals");
        Map<String, String> values = new HashMap<>(common(task, best, rejections, count, request));
        values.put("law", law.law());
        values.put("law_error", number(law.validationError()));
        values.put("residuals", residuals.isBlank() ? "(not available)" : residuals.strip());
        return List.of(
            ChatMessage.system(system.fill(Map.of())),
            ChatMessage.user(rewrite.fill(values)));
    }

    private static Map<String, String> common(
        TaskBrief task, List<ScoredLaw> best, List<String> rejections, int count, String request) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(request, "request");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        return Map.of(
            "request", Text.oneLine(request),
            "task_name", task.name(),
            "task_description", task.description().isBlank() ? "(no description)" : task.description().strip(),
            "variables", task.variables().stream().map(PromptBuilder::variable).collect(Collectors.joining("\n")),
            "targets", String.join(", ", task.targets()),
            "extrapolation", extrapolation(task.scaleAxes()) + falling(task.fallsWith()) + range(task.targetRange()),
            "budget", Integer.toString(task.budget()),
            "best_laws", best.isEmpty()
                ? "(none yet)"
                : best.stream()
                    .map(l -> "- " + l.law() + "   (validation error " + number(l.validationError()) + ")")
                    .collect(Collectors.joining("\n")),
            "rejections", rejections.isEmpty()
                ? "(none)"
                // cut already where they are made, law before reason: a cut here would drop the reason
                : rejections.stream().map(r -> "- " + Text.collapsed(r)).collect(Collectors.joining("\n")),
            "count", Integer.toString(count));
    }

    /** How laws are judged: along one axis, several, or (without an axis) by cross-validation. */
    private static String extrapolation(List<String> axes) {
        return switch (axes.size()) {
            case 0 -> "There is no extrapolation axis: laws are fitted on part of each group's rows and judged by"
                + " their error on the rest.";
            case 1 -> "Extrapolation axis: " + axes.getFirst() + ". Laws are fitted on the smaller values of "
                + axes.getFirst() + " and judged by their error on the largest ones.";
            default -> "Extrapolation axes: " + String.join(", ", axes) + ". Laws are fitted on the smaller values"
                + " of these variables and judged by their error on the largest ones.";
        };
    }

    /** The variables the targets never rise with, as a sentence after the extrapolation one; empty for none. */
    private static String falling(List<String> fallsWith) {
        return fallsWith.isEmpty() ? "" : " The targets never rise as " + String.join(" or ", fallsWith)
            + " grows: a law whose prediction rises when one of them grows beyond the data is rejected.";
    }

    /** The values the targets can take, as a sentence after the others; empty when nothing is known. */
    private static String range(TaskConfig.Bound range) {
        boolean below = Double.isFinite(range.lower());
        boolean above = Double.isFinite(range.upper());
        if (!below && !above) {
            return "";
        }
        String limit = below && above ? "always between " + number(range.lower()) + " and " + number(range.upper())
            : below ? "never below " + number(range.lower()) : "never above " + number(range.upper());
        return " The targets are " + limit + ": a law whose prediction leaves that range beyond the data is rejected.";
    }

    private static String variable(VariableBrief v) {
        String meaning = v.description().isBlank() ? "" : Text.oneLine(v.description()) + "; ";
        return "- " + v.name() + ": " + meaning + number(v.min()) + " to " + number(v.max());
    }

    /**
     * Four significant digits, plain between 0.001 and 10^6 and in e-notation elsewhere: enough to show
     * the scale of a value, short enough not to waste the model's attention.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(DIGITS);
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        String[] parts = String.format(Locale.ROOT, "%.3e", value).split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }
}
