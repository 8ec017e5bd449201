package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.evosld.EvosldException;
import dev.evosld.run.ForcedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
    private static final ChatRequest SEED = new ChatRequest(
        "test-model", List.of(ChatMessage.system("sys"), ChatMessage.user("Propose 3 laws as JSON.")), 0.7, 512);
    private static final ChatRequest REWRITE = new ChatRequest(
        "test-model", List.of(ChatMessage.system("sys"), ChatMessage.user("Rewrite a*N^-b.")), 0.7, 512);
    private static final ChatResponse ANSWER = new ChatResponse("{\"laws\": [{\"law\": \"a*N^-b\"}]}",
        new TokenUsage(120, 30, 150));

    @TempDir
    Path dir;

    @Test
    void eachRequestReplaysItsOwnAnswerAndAnEqualRequestFindsIt() {
        ResponseCache cache = ResponseCache.open(dir);
        ChatResponse other = new ChatResponse("{\"laws\": []}", TokenUsage.NONE);
        cache.store(SEED, ANSWER);
        cache.store(REWRITE, other);
        ChatRequest equal = new ChatRequest("test-model",
            List.of(ChatMessage.system("sys"), ChatMessage.user("Propose 3 laws as JSON.")), 0.7, 512);
        assertEquals(Optional.of(ANSWER), cache.find(equal));
        assertEquals(Optional.of(other), cache.find(REWRITE));
        assertEquals(Optional.empty(), cache.find(new ChatRequest("test-model", SEED.messages(), 0.7, 1024)));
    }

    @Test
    void theCacheHoldsThePromptBesideItsAnswer() throws Exception {
        // README: "the llm/ cache holds the prompts and answers"; an entry named by a hash alone does not say
        // what the model was asked
        ResponseCache cache = ResponseCache.open(dir);
        cache.store(SEED, ANSWER);
        String stored;
        try (Stream<Path> files = Files.walk(dir)) {
            stored = String.join("\n", files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        }
        assertTrue(stored.contains("Propose 3 laws as JSON."), stored);
    }

    @Test
    void aLaterStoreReplacesTheEarlierAnswer() {
        ResponseCache cache = ResponseCache.open(dir);
        cache.store(SEED, ANSWER);
        ChatResponse newer = new ChatResponse("{\"laws\": [{\"law\": \"E + a*N^-b\"}]}", new TokenUsage(1, 2, 3));
        cache.store(SEED, newer);
        assertEquals(Optional.of(newer), cache.find(SEED));
    }

    @Test
    void answersOutliveTheCacheObjectThatStoredThem() {
        Path nested = dir.resolve("runs").resolve("r1").resolve("llm-cache");
        ResponseCache.open(nested).store(SEED, ANSWER);
        assertEquals(Optional.of(ANSWER), ResponseCache.open(nested).find(SEED));
        assertEquals(nested.resolve(ResponseCache.key(SEED) + ".json"), ResponseCache.open(nested).entry(SEED));
    }

    @Test
    void anyTextAndTokenCountsAreReplayedExactly() {
        ResponseCache cache = ResponseCache.open(dir);
        // content goes through JSON escaping: quotes, backslashes, control characters and non-ASCII must survive
        qt().withFixedSeed(11).withExamples(60)
            .forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 40), longs().between(0, Long.MAX_VALUE))
            .check((generated, tokens) -> {
                // a lone surrogate half is not text UTF-8 can hold; an endpoint's JSON cannot carry one either
                String text = generated.replaceAll("\\p{Cs}", "?");
                ChatResponse response = new ChatResponse("\"\\\n\t\u0000" + text, new TokenUsage(tokens, tokens / 2, tokens));
                cache.store(SEED, response);
                return cache.find(SEED).equals(Optional.of(response));
            });
    }

    @Test
    void everyKindOfDamagedEntryIsAMissAndTheNextStoreReplacesIt() throws Exception {
        ResponseCache cache = ResponseCache.open(dir);
        List<String> damaged = List.of("", "null", "[]", "{}", "\"text\"", "{\"content\": \"x\"}",
            "{\"content\": \"x\", \"usage\": {\"prompt_tokens\": -1}}",
            "{\"content\": \"x\", \"usage\": {\"prompt_tokens\": \"many\"}}",
            "{\"content\": \"x\", \"usage\": {\"prompt_tokens\": 1, \"prompt_tokens\": 2}}",
            // what a writer killed half way would leave, were the writes not atomic
            "{\"content\": \"{\\\"laws\\\": [{\\\"law\\\"");
        for (String text : damaged) {
            Files.writeString(cache.entry(SEED), text);
            assertEquals(Optional.empty(), cache.find(SEED), text);
        }
        cache.store(SEED, ANSWER);
        assertEquals(Optional.of(ANSWER), cache.find(SEED));
    }

    @Test
    void anEntryThatIsNotUtf8IsAMissLikeAnyOtherDamagedEntry() throws Exception {
        // the class promises that an entry that cannot be parsed counts as a miss; bytes of another encoding
        // (a file edited in Latin-1, a disk error) cannot be parsed, yet they abort the run instead
        ResponseCache cache = ResponseCache.open(dir);
        Files.write(cache.entry(SEED), new byte[] {'{', '"', 'c', (byte) 0xE9, (byte) 0xFF, '"'});
        assertEquals(Optional.empty(), cache.find(SEED));
        cache.store(SEED, ANSWER);
        assertEquals(Optional.of(ANSWER), cache.find(SEED));
    }

    @Test
    void anEntryThatCannotBeReadIsAnErrorNamingTheEntry() throws Exception {
        ResponseCache cache = ResponseCache.open(dir);
        Path entry = cache.entry(SEED);
        Files.createDirectory(entry);
        EvosldException e = assertThrows(EvosldException.class, () -> cache.find(SEED));
        assertTrue(e.getMessage().startsWith(entry + ": cannot read the LLM response cache entry ("), e.getMessage());
    }

    @Test
    void aFailedStoreNamesTheEntryAndLeavesNoTemporaryFile() throws Exception {
        ResponseCache cache = ResponseCache.open(dir);
        Path entry = cache.entry(SEED);
        // a non-empty folder where the entry goes: the rename into place fails
        Files.createDirectories(entry.resolve("in-the-way"));
        EvosldException e = assertThrows(EvosldException.class, () -> cache.store(SEED, ANSWER));
        assertTrue(e.getMessage().startsWith(entry + ": cannot write the LLM response cache entry ("), e.getMessage());
        assertEquals(List.of(entry), files());
    }

    @Test
    void anEntryIsOnDiskBeforeItIsRenamedIntoPlace(@TempDir Path recordings) throws Exception {
        // an answer paid for and then lost to a power cut is asked again, and a resumed run replays another answer
        // than the one it was searching with; an entry renamed into place before its bytes reach the disk comes
        // back empty
        ResponseCache cache = ResponseCache.open(dir);
        Path entry = cache.entry(SEED);
        List<String> forced = ForcedFiles.paths(ForcedFiles.during(() -> cache.store(SEED, ANSWER), dir, recordings));
        assertEquals(2, forced.size(), forced.toString());
        assertEquals(entry.getParent(), Path.of(forced.getFirst()).getParent(), "the entry, before its rename");
        assertTrue(!Path.of(forced.getFirst()).equals(entry), forced.toString());
        assertEquals(entry.getParent().toString(), forced.get(1), "then the folder the rename changed");
        assertEquals(Optional.of(ANSWER), cache.find(SEED));
    }

    @Test
    void aCacheCannotBeOpenedWhereAFileIs() throws Exception {
        Path file = Files.writeString(dir.resolve("cache"), "not a folder");
        EvosldException e = assertThrows(EvosldException.class, () -> ResponseCache.open(file));
        // observed: '(java.nio.file.FileAlreadyExistsException: /…/cache)', Java's class and the path again
        assertEquals(file + ": cannot create the LLM response cache (a file of that name is in the way)", e.getMessage());
    }

    @Test
    void concurrentStoresAndReadsNeverSeeHalfAnEntry() throws Exception {
        ResponseCache cache = ResponseCache.open(dir);
        // long answers make a torn write likely to be seen, were the writes not atomic
        ChatResponse a = new ChatResponse("a".repeat(200_000), new TokenUsage(1, 1, 2));
        ChatResponse b = new ChatResponse("b".repeat(300_000), new TokenUsage(2, 2, 4));
        cache.store(SEED, a);
        int writers = 4;
        int rounds = 25;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                ChatResponse mine = w % 2 == 0 ? a : b;
                writing.add(executor.submit(() -> {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                        cache.store(SEED, mine);
                    }
                    return null;
                }));
            }
            Future<List<String>> reading = executor.submit(() -> {
                List<String> wrong = new ArrayList<>();
                go.await();
                for (int i = 0; i < 2 * rounds; i++) {
                    Optional<ChatResponse> found = cache.find(SEED);
                    if (!found.equals(Optional.of(a)) && !found.equals(Optional.of(b))) {
                        wrong.add(found.map(r -> r.content().length() + " characters").orElse("a miss"));
                    }
                }
                return wrong;
            });
            go.countDown();
            for (Future<?> w : writing) {
                w.get();
            }
            assertEquals(List.of(), reading.get());
        } finally {
            executor.shutdownNow();
        }
        assertEquals(List.of(cache.entry(SEED)), files(), "no temporary file is left behind");
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
