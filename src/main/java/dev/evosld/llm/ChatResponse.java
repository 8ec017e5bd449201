package dev.evosld.llm;

import java.util.Objects;

/**
 * The assistant's answer to a {@link ChatRequest}.
 *
 * @param content the text of the first choice's message
 * @param usage the tokens the endpoint reported
 */
public record ChatResponse(String content, TokenUsage usage) {
    public ChatResponse {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(usage, "usage");
    }
}
