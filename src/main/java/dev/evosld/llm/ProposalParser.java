package dev.evosld.llm;

import dev.evosld.Shortened;
import dev.evosld.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the laws out of an assistant's answer, which must be the JSON object
 * {@code {"laws": [{"law": "<formula>", "rationale": "<one line>"}]}}, alone, inside a {@code ```json} (or bare
 * {@code ```}) fence with prose around it, or with prose around it and no fence; a reasoning model's thoughts before it
 * ({@code <think>…</think>}) are passed over.
 *
 * <p>Parsing is two-staged. {@link #parse} checks the structure only; a structural fault makes the whole
 * answer {@link Answer.Malformed}, since an answer that is half JSON cannot be trusted entry by entry.
 * {@link Answer#screen} then runs each formula through the caller's validator (the law parser with the
 * task's variables and parameter budget), keeping the rejection reasons so that the next prompt can
 * show the model what went wrong.
 */
public final class ProposalParser {
    private static final ObjectReader READER =
        Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Reads the first JSON value of a text and ignores what follows it, as prose after an object. */
    private static final ObjectReader LENIENT_READER =
        Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** How many braces of prose are tried as the start of the answer's object; bounds the work on a brace-ridden answer. */
    private static final int BRACES_TRIED = 16;

    /** Where a reasoning model's thoughts end, in the content of servers that leave them there. */
    static final String THOUGHTS_END = "</think>";

    /** An opening fence with an optional language tag, its body, and the closing fence. */
    private static final Pattern FENCE =
        Pattern.compile("```[ \\t]*([A-Za-z0-9_+-]*)\\s*(.*?)```", Pattern.DOTALL);

    private ProposalParser() {
    }

    /** One proposed law with the model's reason for it. */
    public record Proposal(String law, String rationale) {
        public Proposal {
            Objects.requireNonNull(law, "law");
            Objects.requireNonNull(rationale, "rationale");
        }
    }

    /** A proposed law that failed validation, with the validator's reason. */
    public record Rejection(String law, String reason) {
        /** The fewest characters of a long law the feedback quotes, enough for the model to tell which it was. */
        private static final int SHORTEST_QUOTE = 40;
        private static final String BECAUSE = " — ";

        public Rejection {
            Objects.requireNonNull(law, "law");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * The line fed back to the model in the next prompt, as short as other quoted text unless the reason alone is
         * longer: the reason is what the model must act on, so it is kept whole, and a long law is cut to fit instead
         * (the model knows its own law from its start). Invisible characters are spelled out, or the model could not see
         * what made an apparently good law fail.
         */
        public String feedback() {
            // escaped before measuring, so that the escapes count towards the length of the line
            String why = Text.visible(Text.collapsed(reason));
            int room = Math.max(SHORTEST_QUOTE, Text.MAX_DETAIL - BECAUSE.length() - why.length());
            return Shortened.of(Text.visible(Text.collapsed(law)), room) + BECAUSE + why;
        }
    }

    /** The structure of an answer: its proposals, or why it has none. */
    public sealed interface Answer {

        /**
         * A well-formed answer.
         *
         * @param proposals the entries with a string law
         * @param unreadable the entries without one, each quoted as JSON with the reason, so that the model hears of them
         */
        record Proposals(List<Proposal> proposals, List<Rejection> unreadable) implements Answer {
            public Proposals {
                proposals = List.copyOf(proposals);
                unreadable = List.copyOf(unreadable);
            }

            /** An answer whose every entry has a string law. */
            public Proposals(List<Proposal> proposals) {
                this(proposals, List.of());
            }
        }

        /** An answer that is not the expected JSON; {@code reason} is one line, fit for feedback. */
        record Malformed(String reason) implements Answer {
            public Malformed {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /**
         * Validates every proposal. Blank formulas and repeats within this answer are rejected before the
         * validator sees them.
         *
         * @param validator the rejection reason for a formula, empty when it is acceptable
         */
        default Screening screen(Function<String, Optional<String>> validator) {
            Objects.requireNonNull(validator, "validator");
            return switch (this) {
                case Malformed malformed -> new Screening(0, List.of(), List.of(), Optional.of(malformed.reason()));
                case Proposals(List<Proposal> proposals, List<Rejection> unreadable) -> {
                    List<Proposal> accepted = new ArrayList<>();
                    List<Rejection> rejected = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    for (Proposal proposal : proposals) {
                        String law = proposal.law().strip();
                        Optional<String> reason = law.isEmpty()
                            ? Optional.of("the formula is empty")
                            : !seen.add(law)
                                ? Optional.of("repeats an earlier law of the same answer")
                                : validator.apply(law);
                        if (reason.isPresent()) {
                            rejected.add(new Rejection(law, reason.get()));
                        } else {
                            accepted.add(new Proposal(law, proposal.rationale()));
                        }
                    }
                    rejected.addAll(unreadable);
                    yield new Screening(proposals.size() + unreadable.size(), accepted, rejected, Optional.empty());
                }
            };
        }
    }

    /**
     * The outcome of screening one answer.
     *
     * @param proposed how many laws the answer held
     * @param accepted the laws that passed, formulas stripped of surrounding blanks
     * @param rejected the laws that failed, with reasons
     * @param malformed why the whole answer was unusable, if it was
     */
    public record Screening(
        int proposed, List<Proposal> accepted, List<Rejection> rejected, Optional<String> malformed) {

        public Screening {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
            Objects.requireNonNull(malformed, "malformed");
        }

        /**
         * Why the answer gave the search nothing, in words for the user: its structural fault, no law in it, or every law
         * in it refused (the model hears each law's reason; the user, who would read them every round, does not). Empty
         * when a law of it was accepted.
         */
        public Optional<String> unusable() {
            if (malformed.isPresent()) {
                return malformed;
            }
            if (proposed == 0) {
                return Optional.of("the answer's \"laws\" array is empty");
            }
            return accepted.isEmpty() ? Optional.of("every law it proposed was refused") : Optional.empty();
        }

        /** The lines to show the model in the next prompt: the structural fault, or one line per rejection. */
        public List<String> feedback() {
            if (malformed.isPresent()) {
                return List.of("your previous answer was unusable: " + malformed.get());
            }
            return rejected.stream().map(Rejection::feedback).toList();
        }
    }

    /** Checks the structure of {@code content} and extracts its proposals. */
    public static Answer parse(String content) {
        Objects.requireNonNull(content, "content");
        content = afterThoughts(content);
        String json = fencedJson(content);
        if (json == null) {
            return objectInProse(content);
        }
        try {
            return answer(READER.readTree(json));
        } catch (JacksonException e) {
            return new Answer.Malformed("the answer is not valid JSON: " + Text.jsonProblem(e));
        }
    }

    /**
     * The answer after a reasoning model's thoughts, which a server without a reasoning parser leaves in the content
     * (Ollama before 0.9, llama.cpp with {@code --reasoning-format none}, vLLM without {@code --reasoning-parser}): they
     * hold drafts of the answer and braces of formulas, which would be read as the answer. DeepSeek-R1's chat template
     * opens {@code <think>} in the prompt, so the content may hold only its end.
     */
    private static String afterThoughts(String content) {
        int end = content.lastIndexOf(THOUGHTS_END);
        return end < 0 ? content : content.substring(end + THOUGHTS_END.length());
    }

    /** The proposals of an answer's JSON value, or why it has none. */
    private static Answer answer(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Answer.Malformed("the answer is not a JSON object");
        }
        JsonNode laws = root.path("laws");
        if (!laws.isArray()) {
            return new Answer.Malformed("the answer has no \"laws\" array");
        }
        List<Proposal> proposals = new ArrayList<>(laws.size());
        List<Rejection> unreadable = new ArrayList<>();
        for (JsonNode entry : laws) {
            JsonNode law = entry.path("law");
            // one bad entry does not spoil the good ones beside it, but the model is told of it like any rejected law
            if (!entry.isObject()) {
                unreadable.add(new Rejection(entry.toString(), "the entry is not an object with a 'law'"));
            } else if (law.isMissingNode()) {
                unreadable.add(new Rejection(entry.toString(), "the entry has no 'law'"));
            } else if (!law.isString()) {
                unreadable.add(new Rejection(law.toString(), "'law' is not a string"));
            } else {
                JsonNode rationale = entry.path("rationale");
                proposals.add(new Proposal(law.stringValue(), rationale.isString() ? Text.oneLine(rationale.stringValue()) : ""));
            }
        }
        return new Answer.Proposals(proposals, unreadable);
    }

    /**
     * The JSON text of a fence tagged {@code json} or untagged, the first such, unless the answer starts as an object;
     * {@code null} when there is none.
     */
    private static String fencedJson(String content) {
        if (content.strip().startsWith("{")) {
            return null;
        }
        Matcher fence = FENCE.matcher(content);
        while (fence.find()) {
            String tag = fence.group(1);
            if (tag.isEmpty() || tag.equalsIgnoreCase("json")) {
                return fence.group(2).strip();
            }
        }
        return null;
    }

    /**
     * The answer's object outside any fence: the answer itself when it starts as one, otherwise the first object with a
     * {@code "laws"} key that one of its first braces opens. Models that ignore the requested answer format write a
     * sentence before or after it, which must not cost the laws inside.
     */
    private static Answer objectInProse(String content) {
        String trimmed = content.strip();
        if (trimmed.isEmpty()) {
            return new Answer.Malformed("the answer is empty");
        }
        JacksonException first = null;
        int brace = trimmed.indexOf('{');
        for (int tried = 0; brace >= 0 && tried < BRACES_TRIED; tried++) {
            try {
                JsonNode node = LENIENT_READER.readTree(trimmed.substring(brace));
                // the answer's own object is what the answer holds, "laws" or not; in prose, other braces are prose
                if (brace == 0 || node != null && node.has("laws")) {
                    return answer(node);
                }
            } catch (JacksonException e) {
                if (first == null) {
                    first = e;
                }
                if (brace == 0) {
                    break;
                }
            }
            brace = trimmed.indexOf('{', brace + 1);
        }
        return first != null
            ? new Answer.Malformed("the answer is not valid JSON: " + Text.jsonProblem(first))
            : new Answer.Malformed("the answer is neither a JSON object nor contains one in a ``` fence");
    }
}
