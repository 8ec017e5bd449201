package dev.evosld.llm;

import static dev.evosld.llm.HttpChatClientTest.completion;
import static dev.evosld.llm.HttpChatClientTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.hub.TestServers;
import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CachingChatClientTest {
    private static final ChatRequest REQUEST = new ChatRequest(
        "test-model", List.of(ChatMessage.system("sys"), ChatMessage.user("Propose 3 laws as JSON.")), 0.7, 512);

    @TempDir
    Path dir;

    @AutoClose
    private final MockWebServer server = TestServers.startedWithNagle();
    private final LlmUsage usage = new LlmUsage();
    private final List<String> warnings = new ArrayList<>();

    private LlmSettings settings(Optional<Path> cacheDir) {
        return new LlmSettings(server.url("/v1").toString(), Optional.of("sk-secret"), "test-model", 0.7, 512,
            Duration.ofSeconds(2), HttpChatClientTest.ANSWERING, 0, cacheDir);
    }

    @Test
    void anAnswerThatEchoesTheKeyIsCachedWithoutIt() throws Exception {
        // a proxy that wraps its refusal of the key in a chat completion, key and all
        server.enqueue(ok(completion("Incorrect API key provided: sk-secret. You can find your key at ...")));
        try (ChatClient client = ChatClient.create(settings(Optional.of(dir.resolve("cache"))), usage, Map.of(), warnings::add)) {
            client.complete(REQUEST);
        }
        String stored = Files.readString(dir.resolve("cache").resolve(ResponseCache.key(REQUEST) + ".json"));
        assertTrue(stored.contains("Incorrect API key provided: [key]"), stored);
        assertFalse(stored.contains("sk-secret"), stored);
    }

    @Test
    void aRunAndItsReplayReadTheSameAnswerWithoutTheKey() throws Exception {
        server.enqueue(ok(completion("Incorrect API key provided: sk-secret.")));
        ChatResponse asked;
        try (ChatClient client = ChatClient.create(settings(Optional.of(dir.resolve("cache"))), usage, Map.of(), warnings::add)) {
            asked = client.complete(REQUEST);
        }
        ChatResponse replayed;
        try (ChatClient client = ChatClient.create(settings(Optional.of(dir.resolve("cache"))), usage, Map.of(), warnings::add)) {
            replayed = client.complete(REQUEST);
        }
        assertEquals("Incorrect API key provided: [key].", asked.content());
        assertEquals(asked, replayed);
        assertEquals(1, server.getRequestCount());
        assertEquals(1, usage.snapshot().cacheHits());
    }

    @Test
    void secondIdenticalRequestSendsNoHttpRequest() throws Exception {
        server.enqueue(ok(completion("{\"laws\": [{\"law\": \"a*N^-b\"}]}")));
        try (ChatClient client = ChatClient.create(settings(Optional.of(dir.resolve("cache"))), usage, Map.of(), warnings::add)) {
            assertInstanceOf(CachingChatClient.class, client);
            ChatResponse first = client.complete(REQUEST);
            ChatResponse second = client.complete(REQUEST);

            assertEquals(first, second);
            assertEquals(new TokenUsage(120, 30, 150), second.usage());
        }
        assertEquals(1, server.getRequestCount());
        LlmUsage.Snapshot snapshot = usage.snapshot();
        assertEquals(1, snapshot.calls());
        assertEquals(1, snapshot.cacheHits());
        assertEquals(150, snapshot.totalTokens());

        Path entry = dir.resolve("cache").resolve(ResponseCache.key(REQUEST) + ".json");
        JsonNode stored = Json.mapper().readTree(Files.readString(entry));
        assertEquals("{\"laws\": [{\"law\": \"a*N^-b\"}]}", stored.path("content").stringValue());
        assertEquals(150, stored.path("usage").path("total_tokens").intValue());
        try (var files = Files.list(entry.getParent())) {
            // The temporary file was renamed, not left behind.
            assertEquals(List.of(entry.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(!Files.readString(entry).contains("sk-secret"));
    }

    @Test
    void withoutCacheDirEveryRequestGoesOut() {
        server.enqueue(ok(completion("{}")));
        server.enqueue(ok(completion("{}")));
        try (ChatClient client = ChatClient.create(settings(Optional.empty()), usage, Map.of(), warnings::add)) {
            assertInstanceOf(HttpChatClient.class, client);
            client.complete(REQUEST);
            client.complete(REQUEST);
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void failuresAreNotCached() {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(400).body("bad").build());
        server.enqueue(ok(completion("{}")));
        ResponseCache cache = ResponseCache.open(dir);
        HttpChatClient http = HttpChatClient.builder(settings(Optional.empty())).usage(usage).build();
        try (ChatClient client = new CachingChatClient(http, cache, usage, warnings::add)) {
            assertThrows(LlmException.class, () -> client.complete(REQUEST));
            assertEquals("{}", client.complete(REQUEST).content());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void keyIsHexSha256OfTheCanonicalRequest() {
        String key = ResponseCache.key(REQUEST);
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertEquals(key, ResponseCache.key(new ChatRequest(REQUEST.model(), REQUEST.messages(), 0.7, 512)));
        assertEquals(
            "{\"model\":\"test-model\",\"messages\":[{\"role\":\"system\",\"content\":\"sys\"},"
                + "{\"role\":\"user\",\"content\":\"Propose 3 laws as JSON.\"}],\"temperature\":0.7,\"max_tokens\":512}",
            REQUEST.canonicalJson());
    }

    @Test
    void everyRequestFieldChangesTheKey() {
        String key = ResponseCache.key(REQUEST);
        List<ChatRequest> variants = List.of(
            new ChatRequest("other-model", REQUEST.messages(), 0.7, 512),
            new ChatRequest("test-model", List.of(ChatMessage.user("Propose 3 laws as JSON.")), 0.7, 512),
            new ChatRequest("test-model", REQUEST.messages(), 0.8, 512),
            new ChatRequest("test-model", REQUEST.messages(), 0.7, 513));
        for (ChatRequest variant : variants) {
            assertNotEquals(key, ResponseCache.key(variant), variant.toString());
        }
    }

    @Test
    void damagedEntryIsAMissAndGetsReplaced() throws IOException {
        ResponseCache cache = ResponseCache.open(dir);
        Files.writeString(cache.entry(REQUEST), "{ not json");
        assertEquals(Optional.empty(), cache.find(REQUEST));

        AtomicInteger calls = new AtomicInteger();
        ChatClient fake = request -> {
            calls.incrementAndGet();
            return new ChatResponse("{\"laws\": []}", TokenUsage.NONE);
        };
        CachingChatClient client = new CachingChatClient(fake, cache, usage, warnings::add);
        client.complete(REQUEST);
        client.complete(REQUEST);
        assertEquals(1, calls.get());
        assertEquals(Optional.of(new ChatResponse("{\"laws\": []}", TokenUsage.NONE)), cache.find(REQUEST));
    }

    @Test
    void anAnswerThatCannotBeCachedIsStillGivenWithOneWarning() throws IOException {
        // observed: a cache folder removed or unwritable under a running search failed the whole run at its next answer,
        // an answer already paid for, with 'cannot write the LLM response cache entry (java.nio.file...Exception: ...)'
        Path folder = dir.resolve("cache");
        ResponseCache cache = ResponseCache.open(folder);
        Files.delete(folder);
        Files.writeString(folder, "a file where the cache folder was");
        ChatClient fake = request -> new ChatResponse("{\"laws\": []}", TokenUsage.NONE);
        try (ChatClient client = new CachingChatClient(fake, cache, usage, warnings::add)) {
            assertEquals("{\"laws\": []}", client.complete(REQUEST).content());
            assertEquals("{\"laws\": []}", client.complete(new ChatRequest("test-model", REQUEST.messages(), 0.2, 512))
                .content());
        }
        assertEquals(List.of("llm: " + cache.entry(REQUEST) + ": cannot write the LLM response cache entry (not a"
            + " directory); the run goes on, but its answers are not cached for a rerun to replay"), warnings);
    }

    @Test
    void anEntryThatCannotBeReadIsAskedForAgainWithOneWarning() throws IOException {
        ResponseCache cache = ResponseCache.open(dir);
        Files.createDirectories(cache.entry(REQUEST).resolve("stray"));
        AtomicInteger calls = new AtomicInteger();
        ChatClient fake = request -> {
            calls.incrementAndGet();
            return new ChatResponse("{\"laws\": []}", TokenUsage.NONE);
        };
        try (ChatClient client = new CachingChatClient(fake, cache, usage, warnings::add)) {
            assertEquals("{\"laws\": []}", client.complete(REQUEST).content());
            assertEquals("{\"laws\": []}", client.complete(REQUEST).content());
        }
        assertEquals(2, calls.get());
        Path entry = cache.entry(REQUEST);
        assertEquals(List.of("llm: " + entry + ": cannot read the LLM response cache entry (is a directory); the"
            + " request is sent to the endpoint instead", "llm: " + entry + ": cannot write the LLM response cache entry"
            + " (is a directory); the run goes on, but its answers are not cached for a rerun to replay"), warnings);
    }

    @Test
    void snapshotSerialisesWithSnakeCaseKeys() {
        usage.recordProposals(5, 3);
        JsonNode json = Json.mapper().valueToTree(usage.snapshot());
        assertEquals(
            List.of("calls", "cache_hits", "failures", "unusable_answers", "proposals", "accepted", "prompt_tokens",
                "completion_tokens", "total_tokens"),
            List.copyOf(json.propertyNames()));
        assertEquals(3, json.path("accepted").intValue());
        assertEquals("llm: 0 calls, 0 cache hits, 0 failures, 5 laws proposed, 3 accepted, 0 tokens (0 prompt, 0"
            + " completion)",
            usage.snapshot().summary());
    }
}
