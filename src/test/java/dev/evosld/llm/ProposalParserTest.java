package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.llm.ProposalParser.Answer;
import dev.evosld.llm.ProposalParser.Proposal;
import dev.evosld.llm.ProposalParser.Rejection;
import dev.evosld.llm.ProposalParser.Screening;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProposalParserTest {
    private static final String LAWS =
        "{\"laws\": [{\"law\": \"a*N^-b + c\", \"rationale\": \"power law\\nwith floor\"}, {\"law\": \"E + A/N^alpha\"}]}";
    private static final List<Proposal> EXPECTED =
        List.of(new Proposal("a*N^-b + c", "power law with floor"), new Proposal("E + A/N^alpha", ""));

    @ParameterizedTest
    @ValueSource(strings = {
        LAWS,
        "  \n" + LAWS + "\n",
        "```json\n" + LAWS + "\n```",
        "Sure! Here are two laws:\n\n```json\n" + LAWS + "\n```\n\nThe first one is classic.",
        "Here:\n```JSON\n" + LAWS + "\n```",
        "Here:\n```\n" + LAWS + "\n```\nDone.",
        "```json " + LAWS + "```",
        "Some python first:\n```python\nprint(1)\n```\nthen\n```json\n" + LAWS + "\n```"})
    void acceptsBareAndFencedJson(String content) {
        assertEquals(new Answer.Proposals(EXPECTED), ProposalParser.parse(content));
    }

    /** Models that ignore the JSON answer format write a sentence before or after the object, without a fence. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Here are two laws:\n" + LAWS,
        LAWS + "\n\nThe first one is classic.",
        "Sure! " + LAWS + " Hope this helps; the {floor} matters.",
        "A dict {'x': 1} and an object {\"x\": 1} first, then " + LAWS + " and more {"})
    void findsTheLawsObjectInProseWithoutAFence(String content) {
        assertEquals(new Answer.Proposals(EXPECTED), ProposalParser.parse(content));
    }

    /**
     * A reasoning model behind a server that leaves its thoughts in the content (Ollama before 0.9, llama.cpp with
     * --reasoning-format none, vLLM without a reasoning parser) writes them before its answer, drafts and braces and all;
     * DeepSeek-R1's chat template opens the block in the prompt, so that the content holds only its end.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "<think>\nA draft: {\"laws\": [{\"law\": \"a*N\"}]}, no, it needs a floor.\n</think>\n\n" + LAWS,
        "<think>\nA draft:\n```json\n{\"laws\": [{\"law\": \"a*N\"}]}\n```\nNo.\n</think>\n```json\n" + LAWS + "\n```",
        "Okay: the loss falls as N^{-a}, then {b} {c} {d} {e} {f} {g} {h} {i} {j} {k} {l} {m} {n} {o} {p} {q} {r}.\n</think>\n"
            + LAWS})
    void readsTheAnswerAfterTheModelsThoughts(String content) {
        assertEquals(new Answer.Proposals(EXPECTED), ProposalParser.parse(content));
    }

    @Test
    void reportsStructuralFaults() {
        assertEquals(new Answer.Malformed("the answer is empty"), ProposalParser.parse("  "));
        assertEquals(new Answer.Malformed("the answer is neither a JSON object nor contains one in a ``` fence"),
            ProposalParser.parse("I think a*N^-b + c is good."));
        assertEquals(new Answer.Malformed("the answer has no \"laws\" array"),
            ProposalParser.parse("{\"proposals\": []}"));
        assertEquals(new Answer.Malformed("the answer has no \"laws\" array"),
            ProposalParser.parse("{\"laws\": \"a*N\"}"));
        assertEquals(new Answer.Malformed("the answer is not a JSON object"),
            ProposalParser.parse("```json\n[1, 2]\n```"));
    }

    @Test
    void anEntryWithoutAStringLawIsRejectedWithItsReasonBesideTheGoodOnes() {
        Answer answer = ProposalParser.parse("{\"laws\": [{\"law\": \"a\"}, {\"law\": 42}, {\"law\": null},"
            + " {\"formula\": \"b\"}, 123]}");
        assertEquals(new Answer.Proposals(List.of(new Proposal("a", "")), List.of(
            new Rejection("42", "'law' is not a string"),
            new Rejection("null", "'law' is not a string"),
            new Rejection("{\"formula\":\"b\"}", "the entry has no 'law'"),
            new Rejection("123", "the entry is not an object with a 'law'"))), answer);

        Screening screening = answer.screen(law -> Optional.empty());
        assertEquals(5, screening.proposed());
        assertEquals(List.of(new Proposal("a", "")), screening.accepted());
        assertEquals(Optional.empty(), screening.malformed());
        assertEquals(List.of("42 — 'law' is not a string", "null — 'law' is not a string",
            "{\"formula\":\"b\"} — the entry has no 'law'", "123 — the entry is not an object with a 'law'"),
            screening.feedback());
    }

    @Test
    void anAnswerWhoseOnlyEntryHasNoStringLawIsFedBackLikeAnyRejection() {
        Screening screening = ProposalParser.parse("{\"laws\": [{\"law\": 3}]}").screen(law -> {
            throw new AssertionError("validator called");
        });
        assertEquals(new Screening(1, List.of(), List.of(new Rejection("3", "'law' is not a string")), Optional.empty()),
            screening);
        assertEquals(List.of("3 — 'law' is not a string"), screening.feedback());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"laws\": [{\"law\": \"a\"}",
        "{\"laws\": [] and some prose}",
        "Here is my answer: {\"laws\": [{\"law\": \"a\"}",
        "{laws: []}",
        "```json\n{\"laws\": [,]}\n```"})
    void invalidJsonIsMalformedWithAOneLineReason(String content) {
        Answer answer = ProposalParser.parse(content);
        Answer.Malformed malformed = assertInstanceOf(Answer.Malformed.class, answer);
        assertTrue(malformed.reason().startsWith("the answer is not valid JSON: "), malformed.reason());
        assertTrue(!malformed.reason().contains("\n"), malformed.reason());
    }

    @Test
    void screeningSplitsAcceptedFromRejected() {
        Answer answer = ProposalParser.parse("{\"laws\": ["
            + "{\"law\": \" a*ln(N) \", \"rationale\": \"log\"},"
            + "{\"law\": \"a*N^-b + c\", \"rationale\": \"power\"},"
            + "{\"law\": \"a*N^-b + c\", \"rationale\": \"again\"},"
            + "{\"law\": \"\", \"rationale\": \"nothing\"}]}");
        Screening screening = answer.screen(
            law -> law.contains("ln(") ? Optional.of("law:3: unknown function 'ln'") : Optional.empty());

        assertEquals(4, screening.proposed());
        assertEquals(List.of(new Proposal("a*N^-b + c", "power")), screening.accepted());
        assertEquals(List.of(
                new Rejection("a*ln(N)", "law:3: unknown function 'ln'"),
                new Rejection("a*N^-b + c", "repeats an earlier law of the same answer"),
                new Rejection("", "the formula is empty")),
            screening.rejected());
        assertEquals(Optional.empty(), screening.malformed());
        assertEquals("a*ln(N) — law:3: unknown function 'ln'", screening.feedback().getFirst());
    }

    @Test
    void invisibleCharactersOfARejectedLawAreQuotedVisiblyInTheFeedback() {
        Rejection rejection = new Rejection("a*N\u200b^-b + c\u202e\u0007", "law:4: unexpected character '\u200b'");
        assertEquals("a*N\\u200b^-b + c\\u202e\\u0007 — law:4: unexpected character '\\u200b'", rejection.feedback());
        assertEquals("a\\udb40\\udc01\\u00a0b — why", new Rejection("a\udb40\udc01\u00a0b", "why").feedback(),
            "a format character beyond the BMP (a language tag), and a space that is not one");
        assertEquals("a² + é — ok", new Rejection("a² + é", "ok").feedback(), "visible letters stay as they are");
    }

    @Test
    void screeningAMalformedAnswerNeverCallsTheValidator() {
        Screening screening = ProposalParser.parse("{\"laws\": 1}").screen(law -> {
            throw new AssertionError("validator called");
        });
        assertEquals(new Screening(0, List.of(), List.of(), Optional.of("the answer has no \"laws\" array")), screening);
        assertEquals(List.of("your previous answer was unusable: the answer has no \"laws\" array"), screening.feedback());
    }

    @Test
    void emptyLawListIsWellFormed() {
        Screening screening = ProposalParser.parse("{\"laws\": []}").screen(law -> Optional.empty());
        assertEquals(new Screening(0, List.of(), List.of(), Optional.empty()), screening);
    }
}
