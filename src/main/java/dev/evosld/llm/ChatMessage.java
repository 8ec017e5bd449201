package dev.evosld.llm;

import java.util.Objects;
import java.util.Set;

/**
 * One message of a chat conversation.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the message text
 */
public record ChatMessage(String role, String content) {
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown chat role '" + role + "'");
        }
    }

    /** A system message: instructions that hold for the whole conversation. */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /** An earlier answer of the model, when a conversation is replayed. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
