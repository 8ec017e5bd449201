package dev.evosld.llm;

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
     */
    public List<ChatMessage> seed(TaskBrief task, List<ScoredLaw> best, List<String> rejections, int count) {
        return List.of(
            ChatMessage.system(system.fill(Map.of())),
            ChatMessage.user(seed.fill(common(task, best, rejections, count))));
    }

    /**
     * Asks for {@code count} rewrites of {@code law}.
     *
     * @param residuals a small text table, value of the scale axis to mean residual of {@code law}
     * @param best the best laws so far, best first; may be empty
     * @param rejections the feedback lines from the previous answer; may be empty
     */
    public List<ChatMessage> rewrite(
        TaskBrief task, ScoredLaw law, String residuals, List<ScoredLaw> best, List<String> rejections, int count) {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(residuals, "residuals");
        Map<String, String> values = new HashMap<>(common(task, best, rejections, count));
        values.put("law", law.law());
        values.put("law_error", number(law.validationError()));
        values.put("residuals", residuals.isBlank() ? "(not available)" : residuals.strip());
        return List.of(
            ChatMessage.system(system.fill(Map.of())),
            ChatMessage.user(rewrite.fill(values)));
    }

    private static Map<String, String> common(
        TaskBrief task, List<ScoredLaw> best, List<String> rejections, int count) {
        Objects.requireNonNull(task, "task");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        return Map.of(
            "task_name", task.name(),
            "task_description", task.description().isBlank() ? "(no description)" : task.description().strip(),
            "variables", task.variables().stream().map(PromptBuilder::variable).collect(Collectors.joining("\n")),
            "targets", String.join(", ", task.targets()),
            "scale_axis", task.scaleAxis(),
            "budget", Integer.toString(task.budget()),
            "best_laws", best.isEmpty()
                ? "(none yet)"
                : best.stream()
                    .map(l -> "- " + l.law() + "   (validation error " + number(l.validationError()) + ")")
                    .collect(Collectors.joining("\n")),
            "rejections", rejections.isEmpty()
                ? "(none)"
                : rejections.stream().map(r -> "- " + Text.oneLine(r)).collect(Collectors.joining("\n")),
            "count", Integer.toString(count));
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
