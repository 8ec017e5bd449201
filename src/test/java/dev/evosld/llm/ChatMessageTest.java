package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.json.Json;
import org.junit.jupiter.api.Test;

class ChatMessageTest {

    @Test
    void factoriesSetTheirRole() {
        assertEquals(new ChatMessage("system", "be brief"), ChatMessage.system("be brief"));
        assertEquals(new ChatMessage("user", "a law?"), ChatMessage.user("a law?"));
        assertEquals(new ChatMessage("assistant", "E + A/N"), ChatMessage.assistant("E + A/N"));
    }

    @Test
    void anEmptyContentIsAllowed() {
        assertEquals("", ChatMessage.user("").content());
    }

    @Test
    void anUnknownRoleIsRefusedNamingIt() {
        assertEquals("unknown chat role 'tool'",
            assertThrows(IllegalArgumentException.class, () -> new ChatMessage("tool", "x")).getMessage());
        // roles are the API's lower-case words, not case-insensitive
        assertEquals("unknown chat role 'User'",
            assertThrows(IllegalArgumentException.class, () -> new ChatMessage("User", "x")).getMessage());
    }

    @Test
    void nullRoleOrContentIsRefusedNamingTheComponent() {
        assertEquals("role", assertThrows(NullPointerException.class, () -> new ChatMessage(null, "x")).getMessage());
        assertEquals("content", assertThrows(NullPointerException.class, () -> ChatMessage.user(null)).getMessage());
    }

    @Test
    void serializesAsTheChatApisRoleAndContentObject() {
        assertEquals("{\"role\":\"user\",\"content\":\"hi\"}",
            Json.mapper().writeValueAsString(ChatMessage.user("hi")).replaceAll("\\s", ""));
    }
}
