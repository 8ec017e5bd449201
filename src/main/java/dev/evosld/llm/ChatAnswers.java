package dev.evosld.llm;

import dev.evosld.json.Json;
import dev.evosld.llm.HttpChatClient.Attempt;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What an OpenAI-compatible endpoint's bodies say, for {@link HttpChatClient}: a chat completion (or the stream of its
 * chunks) read into the answer and its tokens, or why it is none (a web page, text, an answer of reasoning alone), and an
 * error's own words. The API key, should a server or proxy echo it, is blanked out of all of them.
 */
final class ChatAnswers {
    private static final ObjectReader READER =
        Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The shortest API key blanked out of answers; see {@link #redactedAnswer}. */
    private static final int SHORTEST_SECRET = 8;

    private final LlmSettings settings;

    ChatAnswers(LlmSettings settings) {
        this.settings = settings;
    }

    /** Extracts the assistant's message from a chat completion body, or says why it is not one. */
    Attempt parse(String body, String contentType) {
        String start = body.stripLeading();
        if (start.startsWith("<")) {
            // a web page's URL, or a sign-in portal in front of the API, answers 200 with HTML
            return new Attempt.Malformed("POST " + settings.chatCompletionsUrl() + " answered with a web page, not JSON (\""
                + Text.oneLine(redacted(body)) + "\"): is --llm-base-url that of an OpenAI-compatible API?");
        }
        if (contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream") || start.startsWith("data:")) {
            return stream(body);
        }
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JacksonException e) {
            if (!start.startsWith("{") && !start.startsWith("[")) {
                // a gateway's plain-text error ("upstream connect error ..."), answered with 200
                return new Attempt.Malformed("POST " + settings.chatCompletionsUrl() + " answered with text, not JSON (\""
                    + Text.oneLine(redacted(body)) + "\"): is --llm-base-url that of an OpenAI-compatible API?");
            }
            return new Attempt.Malformed("the endpoint returned malformed JSON: " + Text.jsonProblem(e));
        }
        return completion(root);
    }

    /** The answer a chat completion's JSON holds, or why it holds none. */
    private Attempt completion(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Attempt.Malformed("the endpoint's answer is not a JSON object");
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            String error = root.path("error").path("message").asString("");
            // a proxy may refuse the key with 200 and an OpenAI-style error object, key and all
            return new Attempt.Malformed("the endpoint's answer has no choices"
                + (error.isBlank() ? "" : ": " + Text.oneLine(redacted(error))));
        }
        JsonNode choice = choices.path(0);
        JsonNode message = choice.path("message");
        JsonNode content = textOf(message.path("content"));
        JsonNode called = calledWith(message);
        if (!hasText(content) && hasText(called)) {
            // a model that calls a function, though none was offered, puts the JSON it was asked for in the call
            content = called;
        }
        String finish = choice.path("finish_reason").asString("");
        String finished = finish.isBlank() ? "" : " (finish_reason: " + Text.oneLine(finish) + ")";
        if (!hasText(content) && (hasText(message.path("reasoning_content")) || hasText(message.path("reasoning"))
                || count(root.path("usage").path("completion_tokens_details").path("reasoning_tokens")) > 0
                || finish.equals("length"))
            || thoughtsWithoutEnd(content)) {
            // a reasoning model (vLLM's and Ollama's names for its thoughts, or its <think> block in the content of a
            // server that parses none; OpenAI's keeps them to itself, and counts their tokens, and a limit reached
            // with no word written went on them) that thought past max_tokens has no answer left to give
            return new Attempt.Malformed("the endpoint's answer has no message content, only the model's reasoning"
                + finished + (finish.equals("length") ? ": the model spent --llm-max-tokens (" + settings.maxTokens()
                + ") on thinking; raise it" : ""));
        }
        if (!content.isString()) {
            return new Attempt.Malformed("the endpoint's answer has no message content" + finished);
        }
        JsonNode tokens = root.path("usage");
        long prompt = count(tokens.path("prompt_tokens"));
        long completion = count(tokens.path("completion_tokens"));
        JsonNode total = tokens.path("total_tokens");
        // Some servers report the parts only; their sum is the total by definition.
        TokenUsage usage = new TokenUsage(prompt, completion, total.isNumber() ? count(total) : prompt + completion);
        // blanked here rather than where the cache stores it, so that a run and its replay read the same answer
        return new Attempt.Answered(new ChatResponse(redactedAnswer(content.stringValue()), usage));
    }

    /**
     * The chat completion a stream of server-sent events spells out piece by piece, read as one: some gateways and
     * wrappers of chat services stream whatever they are asked, {@code "stream": false} or not. Each event's
     * {@code data:} is a chunk whose first choice's {@code delta} holds the next piece of the content (or of the
     * reasoning); the finish reason and the usage come in the last chunks, and an error object, sent in place of a
     * chunk, is the answer's fault. Comments ({@code : keep-alive}) and other fields are skipped.
     */
    private Attempt stream(String body) {
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        boolean anyContent = false;
        boolean anyChoice = false;
        String finish = "";
        JsonNode usage = MissingNode.getInstance();
        JsonNode error = MissingNode.getInstance();
        for (String line : body.split("\\r\\n|\\r|\\n")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring("data:".length()).strip();
            if (data.equals("[DONE]")) {
                break;
            }
            JsonNode event;
            try {
                event = data.isEmpty() ? null : READER.readTree(data);
            } catch (JacksonException e) {
                event = null;
            }
            if (event == null || !event.isObject()) {
                return new Attempt.Malformed("POST " + settings.chatCompletionsUrl() + " answered with a stream of"
                    + " server-sent events whose data is not JSON (\"" + Text.oneLine(redacted(data)) + "\")");
            }
            if (event.has("error")) {
                error = event.path("error");
            }
            if (event.path("usage").isObject()) {
                usage = event.path("usage");
            }
            JsonNode choice = event.path("choices").path(0);
            if (choice.isObject()) {
                anyChoice = true;
                JsonNode delta = choice.path("delta");
                JsonNode piece = textOf(delta.path("content"));
                if (piece.isString()) {
                    anyContent = true;
                    content.append(piece.stringValue());
                }
                for (String field : new String[] {"reasoning_content", "reasoning"}) {
                    if (delta.path(field).isString()) {
                        reasoning.append(delta.path(field).stringValue());
                    }
                }
                if (hasText(choice.path("finish_reason"))) {
                    finish = choice.path("finish_reason").stringValue();
                }
            }
        }
        ObjectNode root = Json.mapper().createObjectNode();
        if (!error.isMissingNode()) {
            // what came before the error is the start of an answer at most
            root.set("error", error);
        } else if (anyChoice) {
            ObjectNode choice = root.putArray("choices").addObject();
            ObjectNode message = choice.putObject("message");
            if (anyContent) {
                message.put("content", content.toString());
            }
            if (!reasoning.isEmpty()) {
                message.put("reasoning", reasoning.toString());
            }
            if (!finish.isEmpty()) {
                choice.put("finish_reason", finish);
            }
        }
        if (usage.isObject()) {
            root.set("usage", usage);
        }
        return completion(root);
    }

    /**
     * The arguments of the message's first function call ({@code tool_calls}, or the older {@code function_call}) as
     * text: a string as it is, an object (Ollama's form) as its JSON; missing when there is none.
     */
    private static JsonNode calledWith(JsonNode message) {
        JsonNode arguments = message.path("tool_calls").path(0).path("function").path("arguments");
        if (arguments.isMissingNode()) {
            arguments = message.path("function_call").path("arguments");
        }
        return arguments.isObject() ? StringNode.valueOf(arguments.toString()) : arguments;
    }

    /** Whether {@code content} is a {@code <think>} block without its end, the thoughts of a model cut off. */
    private static boolean thoughtsWithoutEnd(JsonNode content) {
        return content.isString() && content.stringValue().stripLeading().startsWith("<think>")
            && !content.stringValue().contains(ProposalParser.THOUGHTS_END);
    }

    /**
     * {@code content} as one string node when it is a list of parts (Mistral's reasoning models put their thinking in a
     * part of its own before the answer): the text of its text parts, joined; anything else as it is.
     */
    private static JsonNode textOf(JsonNode content) {
        if (!content.isArray()) {
            return content;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asString("text").equals("text") && part.path("text").isString()) {
                text.append(part.path("text").stringValue());
            }
        }
        return text.isEmpty() ? MissingNode.getInstance() : StringNode.valueOf(text.toString());
    }

    private static boolean hasText(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank();
    }

    private static long count(JsonNode node) {
        return node.isIntegralNumber() && node.asLong() > 0 ? node.asLong() : 0;
    }

    /**
     * The server's own error message, as {@code ": message"}, or nothing; the API key, should a server or proxy
     * echo it, is blanked out.
     */
    String errorDetail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String message = "";
        try {
            JsonNode root = READER.readTree(body);
            JsonNode error = root.path("error");
            message = error.isString() ? error.stringValue() : error.path("message").asString("");
            if (message.isBlank() && root.path("object").asString("").equals("error")) {
                // vLLM's own error object, its message at the top
                message = root.path("message").asString("");
            }
        } catch (JacksonException e) {
            // Not JSON: an HTML error page or plain text; show its start.
        }
        return ": " + Text.oneLine(redacted(message.isBlank() ? body : message));
    }

    /** {@code text} with the API key blanked out; before any cut, which could leave part of the key. */
    private String redacted(String text) {
        return settings.apiKey().map(key -> text.replace(key, "[key]")).orElse(text);
    }

    /**
     * An answer with the API key blanked out, as a proxy that wraps its refusal of the key in a chat completion
     * echoes it. A key shorter than {@value #SHORTEST_SECRET} characters is a placeholder for a server that checks
     * none ({@code EMPTY}, {@code x}), no secret, and blanking it would cut the laws apart (the x of exp).
     */
    private String redactedAnswer(String content) {
        return settings.apiKey().filter(key -> key.length() >= SHORTEST_SECRET).isPresent() ? redacted(content) : content;
    }
}
