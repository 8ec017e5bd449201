package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatRequestTest {
    private static final List<ChatMessage> MESSAGES =
        List.of(ChatMessage.system("sys"), ChatMessage.user("Fit \"N\"\nnow"));

    @Test
    void wireJsonIsTheCanonicalFieldsThenTheJsonAnswerMode() {
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hi")), 1.0, 64);
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":1.0,"
            + "\"max_tokens\":64,\"stream\":false,\"response_format\":{\"type\":\"json_object\"}}",
            request.wireJson(ChatRequest.Wire.STANDARD));
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":1.0,"
            + "\"max_tokens\":64,\"stream\":false}", request.wireJson(ChatRequest.Wire.STANDARD.withoutJsonMode()));
        // as OpenAI's reasoning models take it, the cache key unchanged
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"max_completion_tokens\":64,\"stream\":false,\"response_format\":{\"type\":\"json_object\"}}",
            request.wireJson(ChatRequest.Wire.STANDARD.withMaxCompletionTokens().withoutTemperature()));
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":1.0,"
            + "\"max_tokens\":64}", request.canonicalJson());
    }

    @Test
    void messageTextIsEscapedAsJsonOnOneLine() {
        ChatRequest request = new ChatRequest("m", MESSAGES, 0, 1);
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"sys\"},{\"role\":\"user\","
            + "\"content\":\"Fit \\\"N\\\"\\nnow\"}],\"temperature\":0.0,\"max_tokens\":1}", request.canonicalJson());
    }

    @Test
    void ofTakesModelTemperatureAndTokenLimitFromTheSettingsButNeverTheKeyOrUrl() {
        LlmSettings settings = new LlmSettings("https://llm.example/v1/", Optional.of("sk-very-secret"), "big-model",
            0.3, 900, Duration.ofSeconds(1), Duration.ofSeconds(2), 0, Optional.of(Path.of("cache")));
        ChatRequest request = ChatRequest.of(settings, MESSAGES);

        assertEquals(new ChatRequest("big-model", MESSAGES, 0.3, 900), request);
        // equal requests share a cache entry whatever the endpoint, and the key must not reach a log
        for (String text : List.of(request.toString(), request.wireJson(ChatRequest.Wire.STANDARD), request.canonicalJson())) {
            assertFalse(text.contains("sk-very-secret"), text);
            assertFalse(text.contains("llm.example"), text);
        }
        assertFalse(settings.toString().contains("sk-very-secret"), settings.toString());
    }

    @Test
    void theMessagesAreCopiedSoALaterChangeDoesNotAlterTheRequest() {
        List<ChatMessage> messages = new ArrayList<>(MESSAGES);
        ChatRequest request = new ChatRequest("m", messages, 0.7, 10);
        String before = request.canonicalJson();
        messages.add(ChatMessage.assistant("{}"));
        assertEquals(before, request.canonicalJson());
        assertThrows(UnsupportedOperationException.class, () -> request.messages().add(ChatMessage.user("x")));
    }

    @Test
    void temperatureBoundsAreInclusiveAndNaNIsRefused() {
        assertEquals(0.0, new ChatRequest("m", MESSAGES, 0, 1).temperature());
        assertEquals(2.0, new ChatRequest("m", MESSAGES, 2, 1).temperature());
        for (double bad : new double[] {-0.01, 2.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChatRequest("m", MESSAGES, bad, 1));
            assertEquals("temperature must be within [0, 2], got " + bad, e.getMessage());
        }
    }

    @Test
    void aRequestNeedsAMessageAndATokenAndAModel() {
        assertEquals("a chat request needs at least one message",
            assertThrows(IllegalArgumentException.class, () -> new ChatRequest("m", List.of(), 0.7, 1)).getMessage());
        assertEquals("maxTokens must be at least 1, got 0",
            assertThrows(IllegalArgumentException.class, () -> new ChatRequest("m", MESSAGES, 0.7, 0)).getMessage());
        assertEquals("model",
            assertThrows(NullPointerException.class, () -> new ChatRequest(null, MESSAGES, 0.7, 1)).getMessage());
    }

    @Test
    void messageOrderIsPartOfTheRequest() {
        ChatRequest forward = new ChatRequest("m", MESSAGES, 0.7, 10);
        ChatRequest reversed = new ChatRequest("m", List.of(MESSAGES.get(1), MESSAGES.get(0)), 0.7, 10);
        assertNotEquals(forward, reversed);
        assertNotEquals(forward.canonicalJson(), reversed.canonicalJson());
    }
}
