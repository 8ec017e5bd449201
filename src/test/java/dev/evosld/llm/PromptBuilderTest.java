package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.evosld.data.TaskConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {
    private static final TaskBrief TASK = new TaskBrief(
        "data_constrained",
        "Final validation loss of language models trained on repeated data.",
        List.of(
            new VariableBrief("N", "model parameters", 7.0e7, 1.2e10),
            new VariableBrief("D", "training tokens", 1e9, 4.5e11),
            new VariableBrief("U", "", 0.25, 100)),
        List.of("loss"),
        7,
        List.of("N"));
    private static final List<ScoredLaw> BEST =
        List.of(new ScoredLaw("E + A*N^-alpha + B*D^-beta", 0.012345678), new ScoredLaw("a*N^-b", 0.3));

    private static final Set<String> COMMON = Set.of("request", "task_name", "task_description", "variables",
        "targets", "extrapolation", "budget", "best_laws", "rejections", "count");

    @Test
    void templatesHaveExactlyTheDocumentedPlaceholders() {
        assertEquals(Set.of(), PromptTemplate.resource("system.txt").placeholders());
        assertEquals(COMMON, PromptTemplate.resource("seed.txt").placeholders());
        Set<String> rewrite = new java.util.HashSet<>(COMMON);
        rewrite.addAll(Set.of("law", "law_error", "residuals"));
        assertEquals(rewrite, PromptTemplate.resource("rewrite.txt").placeholders());
    }

    @Test
    void seedPromptCarriesTheTaskTheGrammarAndTheAnswerFormat() {
        List<ChatMessage> messages = PromptBuilder.standard().seed(
            TASK, BEST, List.of("a*ln(N) — law:3: unknown function 'ln'"), 5, "run seed 0, round 0, new laws");

        assertEquals(List.of("system", "user"), messages.stream().map(ChatMessage::role).toList());
        String system = messages.get(0).content();
        String user = messages.get(1).content();
        for (String text : List.of(system, user)) {
            assertFalse(text.contains("{{"), text);
            assertFalse(text.contains("}}"), text);
        }
        assertTrue(system.contains("right-associative"));
        assertTrue(system.contains("exp(x), log(x), sqrt(x), abs(x), pow(x, y), min(x, y), max(x, y)"));
        assertTrue(system.contains("natural logarithm"));
        assertTrue(system.contains(".5, 1e-3"));
        assertTrue(user.startsWith("Request id: run seed 0, round 0, new laws\n\nTask: data_constrained\nFinal validation loss"), user);
        assertTrue(user.contains("- N: model parameters; 7e7 to 1.2e10\n- D: training tokens; 1e9 to 4.5e11\n- U: 0.25 to 100"), user);
        assertTrue(user.contains("The law predicts: loss"));
        assertTrue(user.contains("Extrapolation axis: N. Laws are fitted on the smaller values of N and judged"));
        assertTrue(user.contains("at most 7 parameters"));
        assertTrue(user.contains("- E + A*N^-alpha + B*D^-beta   (validation error 0.01235)\n- a*N^-b   (validation error 0.3)"), user);
        assertTrue(user.contains("- a*ln(N) — law:3: unknown function 'ln'"));
        assertTrue(user.contains("Propose 5 new laws"));
        assertTrue(user.contains("{\"laws\": [{\"law\": \"<formula>\", \"rationale\": \"<one line>\"}]}"));
    }

    @Test
    void emptyHistoryIsSaidPlainly() {
        String user = PromptBuilder.standard().seed(TASK, List.of(), List.of(), 3, "r").get(1).content();
        assertTrue(user.contains("lower is better):\n(none yet)\n"), user);
        assertTrue(user.contains("previous answer:\n(none)\n"), user);
    }

    @Test
    void rewritePromptAddsTheLawAndItsResiduals() {
        String residuals = "N        mean residual\n1e8      +0.012\n1e9      -0.004\n1e10     -0.021\n";
        List<ChatMessage> messages = PromptBuilder.standard().rewrite(
            TASK, new ScoredLaw("a*N^-b + c", 0.0456), residuals, BEST, List.of(), 4, "r");
        String user = messages.get(1).content();

        assertFalse(user.contains("{{"), user);
        assertTrue(user.contains("Law to improve (validation error 0.0456):\na*N^-b + c\n"), user);
        assertTrue(user.contains("1e10     -0.021\n"), user);
        assertTrue(user.contains("Propose 4 rewrites"));
        assertEquals(messages.get(0), PromptBuilder.standard().seed(TASK, BEST, List.of(), 1, "other").get(0));
    }

    @Test
    void extrapolationSentenceFollowsTheScaleAxes() {
        TaskBrief two = new TaskBrief(TASK.name(), TASK.description(), TASK.variables(), TASK.targets(), 7, List.of("N", "D"));
        TaskBrief none = new TaskBrief(TASK.name(), TASK.description(), TASK.variables(), TASK.targets(), 7, List.of());
        assertTrue(PromptBuilder.standard().seed(two, BEST, List.of(), 1, "r").get(1).content()
            .contains("Extrapolation axes: N, D. Laws are fitted on the smaller values of these variables"));
        assertTrue(PromptBuilder.standard().seed(none, BEST, List.of(), 1, "r").get(1).content()
            .contains("There is no extrapolation axis"));
        assertThrows(IllegalArgumentException.class,
            () -> new TaskBrief("t", "", TASK.variables(), TASK.targets(), 7, List.of("X")));
    }

    @Test
    void theVariablesTheTargetsFallWithAreNamedAfterTheAxes() {
        TaskBrief falling = new TaskBrief(TASK.name(), TASK.description(), TASK.variables(), TASK.targets(), 7,
            List.of("N"), List.of("N", "D"), TaskConfig.Bound.UNBOUNDED);
        assertTrue(PromptBuilder.standard().seed(falling, BEST, List.of(), 1, "r").get(1).content()
            .contains("judged by their error on the largest ones. The targets never rise as N or D grows: a law whose"
                + " prediction rises when one of them grows beyond the data is rejected."));
        assertFalse(PromptBuilder.standard().seed(TASK, BEST, List.of(), 1, "r").get(1).content().contains("never rise"));
        assertThrows(IllegalArgumentException.class,
            () -> new TaskBrief("t", "", TASK.variables(), TASK.targets(), 7, List.of("N"), List.of("X"), TaskConfig.Bound.UNBOUNDED));
    }

    @Test
    void theTargetsPossibleValuesAreSaidWhenKnown() {
        String negated = prompt(new TaskConfig.Bound(Double.NEGATIVE_INFINITY, 0));
        assertTrue(negated.contains("largest ones. The targets are never above 0: a law whose prediction leaves that"
            + " range beyond the data is rejected."), negated);
        assertTrue(prompt(new TaskConfig.Bound(0, 1)).contains("The targets are always between 0 and 1:"));
        assertTrue(prompt(new TaskConfig.Bound(1.5, Double.POSITIVE_INFINITY)).contains("The targets are never below 1.5:"));
        assertFalse(prompt(TaskConfig.Bound.UNBOUNDED).contains("The targets are"));
    }

    private static String prompt(TaskConfig.Bound range) {
        TaskBrief task = new TaskBrief(TASK.name(), TASK.description(), TASK.variables(), TASK.targets(), 7,
            List.of("N"), List.of(), range);
        return PromptBuilder.standard().seed(task, BEST, List.of(), 1, "r").get(1).content();
    }

    @Test
    void countMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> PromptBuilder.standard().seed(TASK, BEST, List.of(), 0, "r"));
    }

    @Test
    void numbersAreShort() {
        assertEquals("0", PromptBuilder.number(0));
        assertEquals("0.25", PromptBuilder.number(0.25));
        assertEquals("1235", PromptBuilder.number(1234.5678));
        assertEquals("1e-4", PromptBuilder.number(1e-4));
        assertEquals("-3.142e-5", PromptBuilder.number(-3.14159e-5));
        assertEquals("1.2e10", PromptBuilder.number(1.2e10));
        assertEquals("1e6", PromptBuilder.number(999_999.9));
        assertEquals("Infinity", PromptBuilder.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void fillFailsOnAMissingOrUnusedValue() {
        PromptTemplate template = PromptTemplate.of("t", "Hello {{name}}, {{name}} has {{count}} laws.");
        assertEquals("Hello N, N has 3 laws.", template.fill(Map.of("name", "N", "count", "3")));
        IllegalArgumentException missing =
            assertThrows(IllegalArgumentException.class, () -> template.fill(Map.of("name", "N")));
        assertEquals("t: no value for {{count}}", missing.getMessage());
        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class,
            () -> template.fill(Map.of("name", "N", "count", "3", "extra", "x")));
        assertEquals("t: no slot for extra", unused.getMessage());
    }

    @Test
    void valuesAreInsertedVerbatim() {
        PromptTemplate template = PromptTemplate.of("t", "<{{a}}|{{b}}>");
        qt().withFixedSeed(7).forAll(strings().allPossible().ofLengthBetween(0, 12), strings().ascii().ofLengthBetween(0, 12))
            .check((a, b) -> template.fill(Map.of("a", a, "b", b)).equals("<" + a + "|" + b + ">"));
        assertEquals("<{{b}}|$1\\>", template.fill(Map.of("a", "{{b}}", "b", "$1\\")));
    }
}
