package dev.evosld.llm;

import dev.evosld.json.Json;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What determines an answer: the model, the conversation and the sampling settings. Two equal requests
 * share one cache entry, so the API key and the endpoint's URL are deliberately not part of it.
 *
 * @param model the model name
 * @param messages the conversation, at least one message
 * @param temperature sampling temperature in [0, 2]
 * @param maxTokens the completion token limit, at least 1
 */
public record ChatRequest(String model, List<ChatMessage> messages, double temperature, int maxTokens) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be within [0, 2], got " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
    }

    /** A request for {@code messages} with the model and sampling settings of {@code settings}. */
    public static ChatRequest of(LlmSettings settings, List<ChatMessage> messages) {
        return new ChatRequest(settings.model(), messages, settings.temperature(), settings.maxTokens());
    }

    /**
     * The request as compact JSON with a fixed key order (model, messages, temperature, max_tokens),
     * independent of any mapper configuration, so that its hash is a stable cache key.
     */
    String canonicalJson() {
        return compact(canonicalNode());
    }

    /**
     * How a request goes on the wire where endpoints differ in what they take: {@link #STANDARD} until the endpoint
     * refuses a part of it, and then without that part for the rest of the run. The answer's cache key does not change
     * with it ({@link #canonicalJson}).
     *
     * @param jsonMode whether to ask for a JSON object answer ({@code response_format}), which some vLLM, Ollama and
     *     llama.cpp versions, LM Studio and gateways refuse
     * @param maxCompletionTokens whether the token limit goes as {@code max_completion_tokens}, as OpenAI's reasoning
     *     models (the o-series, gpt-5) take it, refusing {@code max_tokens}
     * @param temperature whether to send the temperature, which those models refuse unless it is their own
     */
    record Wire(boolean jsonMode, boolean maxCompletionTokens, boolean temperature) {
        static final Wire STANDARD = new Wire(true, false, true);

        Wire withoutJsonMode() {
            return new Wire(false, maxCompletionTokens, temperature);
        }

        Wire withMaxCompletionTokens() {
            return new Wire(jsonMode, true, temperature);
        }

        Wire withoutTemperature() {
            return new Wire(jsonMode, maxCompletionTokens, false);
        }
    }

    /**
     * The body POSTed to {@code /chat/completions}: the canonical fields as {@code wire} words them, one answer rather
     * than a stream (said, since a server may stream by default), and the JSON answer mode when {@code wire} asks for it.
     */
    String wireJson(Wire wire) {
        ObjectNode body = canonicalNode();
        if (!wire.temperature()) {
            body.remove("temperature");
        }
        if (wire.maxCompletionTokens()) {
            body.set("max_completion_tokens", body.remove("max_tokens"));
        }
        body.put("stream", false);
        if (wire.jsonMode()) {
            body.putObject("response_format").put("type", "json_object");
        }
        return compact(body);
    }

    private ObjectNode canonicalNode() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("model", model);
        ArrayNode array = node.putArray("messages");
        for (ChatMessage message : messages) {
            array.addObject().put("role", message.role()).put("content", message.content());
        }
        node.put("temperature", temperature);
        node.put("max_tokens", maxTokens);
        return node;
    }

    private static String compact(ObjectNode node) {
        return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    }
}
