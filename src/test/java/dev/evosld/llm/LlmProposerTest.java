package dev.evosld.llm;

import static dev.evosld.llm.HttpChatClientTest.completion;
import static dev.evosld.llm.HttpChatClientTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.hub.TestServers;
import dev.evosld.http.FailingSockets;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.search.ClassicForms;
import dev.evosld.search.Discovery;
import dev.evosld.search.ProposerState;
import dev.evosld.search.SearchListener;
import dev.evosld.search.SearchResult;
import dev.evosld.search.SearchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class LlmProposerTest {
    private static final String GOOD = "E + A*num_params^(-a)*parallel_size^(-b)";
    private static final SearchSettings TINY = SearchSettings.defaults()
        .withGenerations(3).withPopulation(8).withRestarts(1).withThreads(2).withProposerEvery(1);

    @AutoClose
    private final MockWebServer server = TestServers.startedWithNagle();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final LlmUsage usage = new LlmUsage();

    /** An assistant answer proposing {@code laws}. */
    static String answer(String... laws) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode array = root.putArray("laws");
        for (String law : laws) {
            array.addObject().put("law", law).put("rationale", "because");
        }
        return root.toString();
    }

    private LlmProposer proposer(Duration readTimeout, int retries) {
        LlmSettings settings = HttpChatClientTest.settings(
            server.url("/v1").toString(), Optional.of("sk-test"), readTimeout, retries);
        HttpChatClient http = HttpChatClient.builder(settings).usage(usage).sleeper(slept::add).build();
        return LlmProposer.builder(settings).client(http).usage(usage).proposals(4).seed(7).messages(messages::add).build();
    }

    private LlmProposer proposer() {
        return proposer(HttpChatClientTest.ANSWERING, 2);
    }

    /** The user message of a recorded request. */
    private static String userMessage(RecordedRequest request) {
        JsonNode body = Json.mapper().readTree(request.getBody().utf8());
        return body.path("messages").path(1).path("content").stringValue();
    }

    @Test
    void seedsAreScreenedAndTheReasonsReachTheNextRequest() throws Exception {
        server.enqueue(ok(completion(answer(GOOD,
            "E + A*num_param^(-a)",
            "E + A*num_params^(-a) + B*parallel_size^(-b)",
            "E + A*ln(num_params)"))));
        server.enqueue(ok(completion(answer("E + A*num_params^(-a)*(1 + k*log(parallel_size))^(-1)"))));
        try (LlmProposer proposer = proposer()) {
            List<Law> seeds = proposer.seeds(ParallelTask.context(List.of(), 0));
            assertEquals(List.of(Law.parse(GOOD, ParallelTask.FEATURES)), seeds);
            assertEquals(4, usage.snapshot().proposals());
            assertEquals(1, usage.snapshot().accepted());

            List<Law> rewrites = proposer.rewrites(ParallelTask.context(List.of(), 1),
                List.of(ParallelTask.scored(GOOD, 0.0123), ParallelTask.scored("a + b*log(num_params)", 0.05)));
            assertEquals(1, rewrites.size());
        }
        String seed = userMessage(server.takeRequest());
        assertTrue(seed.startsWith("Request id: run seed 7, round 0, new laws\n"), seed);
        assertTrue(seed.contains("- num_params: number of non-embedding parameters"), seed);
        assertTrue(seed.contains("; 5.36e8 to 4.4e9\n- parallel_size: number of parallel streams P (a power of two); 1 to 4\n"), seed);
        assertTrue(seed.contains("Extrapolation axis: parallel_size."), seed);
        assertTrue(seed.contains("at most 4 parameters"), seed);
        assertTrue(seed.contains("lower is better):\n(none yet)\n"), seed);
        assertTrue(seed.contains("previous answer:\n(none)\n"), seed);
        assertTrue(seed.contains("Propose 4 new laws"), seed);

        String rewrite = userMessage(server.takeRequest());
        assertTrue(rewrite.startsWith("Request id: run seed 7, round 1, rewrite\n"), rewrite);
        assertTrue(rewrite.contains("Problems found in your previous answer:\n"
            + "- E + A*num_param^(-a) — 'num_param' is not a variable; did you mean num_params?\n"
            + "- E + A*num_params^(-a) + B*parallel_size^(-b) — has 5 parameters (E, A, a, B, b), more than the budget of 4\n"
            + "- E + A*ln(num_params) — law:7: unknown function 'ln' (log is the natural logarithm)\n"), rewrite);
        assertTrue(rewrite.contains("Law to improve (validation error 0.0123):\nE + A * num_params^(-a) * parallel_size^(-b)\n")
            || rewrite.contains("Law to improve (validation error 0.0123):\n" + Law.parse(GOOD, ParallelTask.FEATURES) + "\n"), rewrite);
        assertTrue(rewrite.contains("- parallel_size = 1 (12 rows): "), rewrite);
        assertTrue(rewrite.contains("- parallel_size = 4 (12 rows): "), rewrite);
        assertTrue(rewrite.contains("(loss ranges from "), rewrite);
        assertTrue(rewrite.contains("(validation error 0.0123)\n- a + b * log(num_params)   (validation error 0.05)"), rewrite);
        assertEquals(List.of(), messages);
    }

    @Test
    void aLawWhoseVariablesCancelIsRejectedAndTheModelIsToldWhy() throws Exception {
        server.enqueue(ok(completion(answer(GOOD, "A * (num_params / num_params) + E"))));
        server.enqueue(ok(completion(answer(GOOD))));
        try (LlmProposer proposer = proposer()) {
            assertEquals(List.of(Law.parse(GOOD, ParallelTask.FEATURES)), proposer.seeds(ParallelTask.context(List.of(), 0)));
            assertEquals(2, usage.snapshot().proposals());
            assertEquals(1, usage.snapshot().accepted());
            assertEquals(List.of("A * (num_params / num_params) + E — is a constant: num_params cancels out"),
                proposer.state().orElseThrow().feedback());
            proposer.rewrites(ParallelTask.context(List.of(), 1), List.of(ParallelTask.scored(GOOD, 0.0123)));
        }
        server.takeRequest();
        String rewrite = userMessage(server.takeRequest());
        assertTrue(rewrite.contains("Problems found in your previous answer:\n"
            + "- A * (num_params / num_params) + E — is a constant: num_params cancels out\n"), rewrite);
    }

    @Test
    void aResumedProposerCountsOnFromItsCheckpointsCounts() throws Exception {
        server.enqueue(ok(completion(answer(GOOD))));
        ProposerState saved;
        try (LlmProposer proposer = proposer()) {
            proposer.seeds(ParallelTask.context(List.of(), 0));
            saved = proposer.state().orElseThrow();
        }
        assertEquals(1L, saved.counts().get("calls"));
        assertEquals(1L, saved.counts().get("accepted"));

        server.enqueue(ok(completion(answer(GOOD))));
        LlmUsage resumed = new LlmUsage();
        LlmSettings settings = HttpChatClientTest.settings(
            server.url("/v1").toString(), Optional.of("sk-test"), HttpChatClientTest.ANSWERING, 2);
        try (LlmProposer proposer = LlmProposer.builder(settings).usage(resumed).seed(7).build()) {
            proposer.restore(saved);
            proposer.rewrites(ParallelTask.context(List.of(), 1), List.of(ParallelTask.scored(GOOD, 0.0123)));
            assertEquals(1, resumed.snapshot().calls());
            assertEquals(2, proposer.runUsage().calls());
            assertEquals(2L, proposer.state().orElseThrow().counts().get("calls"));
        }
    }

    @Test
    void aResumedProposerCountsOnTheUnusableAnswersByReason() throws Exception {
        server.enqueue(ok(completion("I cannot help with that.")));
        server.enqueue(ok(completion(answer("E + A*N^(-a)"))));
        ProposerState saved;
        try (LlmProposer proposer = proposer()) {
            proposer.seeds(ParallelTask.context(List.of(), 0));
            proposer.seeds(ParallelTask.context(List.of(), 1));
            saved = proposer.state().orElseThrow();
        }
        assertEquals(2L, saved.counts().get("unusable_answers"));
        String text = "the answer is neither a JSON object nor contains one in a ``` fence";
        assertEquals(List.of("llm: unusable answer: " + text, "llm: unusable answer: every law it proposed was refused"
            + " (the first: E + A*N^(-a) — uses none of the variables num_params, parallel_size)"), messages);

        server.enqueue(ok(completion("I cannot help with that either.")));
        LlmSettings settings = HttpChatClientTest.settings(
            server.url("/v1").toString(), Optional.of("sk-test"), HttpChatClientTest.ANSWERING, 2);
        try (LlmProposer proposer = LlmProposer.builder(settings).usage(new LlmUsage()).seed(7).build()) {
            proposer.restore(saved);
            proposer.rewrites(ParallelTask.context(List.of(), 2), List.of(ParallelTask.scored(GOOD, 0.0123)));
            assertEquals(3, proposer.runUsage().unusableAnswers());
            assertEquals(Map.of(text, 2L, "every law it proposed was refused", 1L), proposer.runUnusableReasons());
        }

        // a checkpoint written before unusable answers were counted resumes as a run that had none
        Map<String, Long> older = new HashMap<>(saved.counts());
        older.keySet().removeIf(name -> name.startsWith("unusable"));
        try (LlmProposer proposer = LlmProposer.builder(settings).seed(7).build()) {
            proposer.restore(new ProposerState(saved.feedback(), older, saved.request()));
            assertEquals(0, proposer.runUsage().unusableAnswers());
            assertEquals(2, proposer.runUsage().calls());
            assertEquals(Map.of(), proposer.runUnusableReasons());
        }
    }

    @Test
    void anAnswerWhoseEveryLawWasRefusedIsToldWithTheFirstLawsReason() {
        // 'every law it proposed was refused' alone left the user no way to tell a model that misspells a variable every
        // time from one that only repeats the laws it was shown
        server.enqueue(ok(completion(answer("E + A*N^(-a)", "E + A*num_params^(-a) + B*parallel_size^(-b)"))));
        server.enqueue(ok(completion(answer("E + A*M^(-a)"))));
        try (LlmProposer proposer = proposer()) {
            proposer.seeds(ParallelTask.context(List.of(), 0));
            proposer.seeds(ParallelTask.context(List.of(), 1));
            assertEquals(Map.of("every law it proposed was refused", 2L), proposer.runUnusableReasons());
        }
        assertEquals(List.of("llm: unusable answer: every law it proposed was refused (the first: E + A*N^(-a) — uses none"
            + " of the variables num_params, parallel_size)"), messages);
    }

    @Test
    void aLongRejectedLawKeepsItsReasonInTheNextRequest() throws Exception {
        // 224 characters, over the budget: the reason is what the model must read to correct it
        String longLaw = "E + A*num_params^(-alpha) + B*parallel_size^(-beta) + C*(num_params*parallel_size)^(-gamma)"
            + " + D*log(num_params)*log(parallel_size) + F*exp(-parallel_size/num_params) + G*sqrt(num_params)/parallel_size";
        server.enqueue(ok(completion(answer(longLaw))));
        server.enqueue(ok(completion(answer(GOOD))));
        try (LlmProposer proposer = proposer()) {
            assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), 0)));
            proposer.rewrites(ParallelTask.context(List.of(), 1), List.of(ParallelTask.scored(GOOD, 0.0123)));
        }
        server.takeRequest();
        String rewrite = userMessage(server.takeRequest());
        int problems = rewrite.indexOf("Problems found in your previous answer:\n");
        String line = rewrite.substring(problems).lines().skip(1).findFirst().orElseThrow();
        assertTrue(line.endsWith("more than the budget of 4"), line);
    }

    @Test
    void aRunResumedFromItsCheckpointAsksTheLlmWhatTheUninterruptedRunAsked(@TempDir Path directory) {
        // every answer holds a law the validator refuses, so every request after the first reports a problem
        List<ChatRequest> sent = new CopyOnWriteArrayList<>();
        ChatClient answering = request -> {
            sent.add(request);
            return new ChatResponse(answer(GOOD, "E + A*num_param^(-a)"), TokenUsage.NONE);
        };
        LlmSettings settings = HttpChatClientTest.settings("http://localhost:1/v1", Optional.empty(), Duration.ofSeconds(1), 0);
        SearchSettings nine = TINY.withGenerations(9);
        try (LlmProposer proposer = LlmProposer.builder(settings).client(answering).seed(7).build()) {
            Discovery.start(ParallelTask.CONFIG, ParallelTask.TRAIN, nine, List.of(new ClassicForms(), proposer),
                SearchListener.none(), null).run();
        }
        Set<String> uninterrupted = sent.stream().map(ResponseCache::key).collect(Collectors.toSet());

        sent.clear();
        Path checkpoint = directory.resolve("checkpoint.json");
        SearchListener killedAtFive = (generation, of, best, rate, hits) -> {
            if (generation == 5) {
                throw new IllegalStateException("killed");
            }
        };
        try (LlmProposer proposer = LlmProposer.builder(settings).client(answering).seed(7).build()) {
            Discovery killed = Discovery.start(ParallelTask.CONFIG, ParallelTask.TRAIN, nine,
                List.of(new ClassicForms(), proposer), killedAtFive, checkpoint);
            assertThrows(IllegalStateException.class, killed::run);
        }
        sent.clear();
        try (LlmProposer proposer = LlmProposer.builder(settings).client(answering).seed(7).build()) {
            Discovery.resume(ParallelTask.CONFIG, ParallelTask.TRAIN, checkpoint, Duration.ofMinutes(5), 2,
                List.of(new ClassicForms(), proposer), SearchListener.none()).run();
        }
        assertFalse(sent.isEmpty());
        // the run's cache replays only requests it has seen; a request the uninterrupted run never sent gets a
        // new answer, and the resumed run no longer ends as the uninterrupted one
        for (ChatRequest request : sent) {
            String content = request.messages().get(1).content();
            assertTrue(uninterrupted.contains(ResponseCache.key(request)), content.substring(content.indexOf("Problems")));
        }
    }

    @Test
    void theSameStateGivesTheSameRequestAndAnotherRoundAnother() {
        List<ChatRequest> sent = new ArrayList<>();
        ChatClient recording = request -> {
            sent.add(request);
            return new ChatResponse(answer(GOOD), TokenUsage.NONE);
        };
        LlmSettings settings = HttpChatClientTest.settings("http://localhost:1/v1", Optional.empty(), Duration.ofSeconds(1), 0);
        List<dev.evosld.search.ScoredLaw> best = List.of(ParallelTask.scored("E + A*num_params^(-a)", 0.004));
        for (int run = 0; run < 2; run++) {
            try (LlmProposer proposer = LlmProposer.builder(settings).client(recording).build()) {
                proposer.seeds(ParallelTask.context(List.of(), 0));
                proposer.rewrites(ParallelTask.context(best, 0), best);
                proposer.rewrites(ParallelTask.context(best, 1), best);
            }
        }
        assertEquals(6, sent.size());
        assertEquals(sent.subList(0, 3), sent.subList(3, 6));
        assertEquals(ResponseCache.key(sent.get(1)), ResponseCache.key(sent.get(4)));
        assertNotEquals(ResponseCache.key(sent.get(1)), ResponseCache.key(sent.get(2)));
    }

    @Test
    void residualsShowTheTrendALawMisses() {
        Law withoutStreams = Law.parse("E + A*num_params^(-a)", ParallelTask.FEATURES);
        String table = ResidualTable.of(withoutStreams, ParallelTask.TRAIN, List.of("parallel_size"));
        List<String> lines = table.lines().toList();
        assertEquals(4, lines.size(), table);
        assertTrue(lines.get(0).startsWith("- parallel_size = 1 (12 rows): +"), table);
        assertTrue(lines.get(1).startsWith("- parallel_size = 2 (12 rows): "), table);
        assertTrue(lines.get(2).startsWith("- parallel_size = 4 (12 rows): -"), table);
        assertTrue(lines.get(3).startsWith("(loss ranges from "), table);
    }

    @Test
    void aHangingEndpointCostsTheRunNoMoreThanItsTimeLimit() {
        // observed: --llm-timeout 3s --time-limit 5s against a server that never answered searched 34 s; the limit is
        // the search's to keep, far below --llm-timeout, and long enough that a loaded machine still asks the LLM in it
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return TestServers.neverAnswered();
            }
        });
        SearchResult result;
        try (LlmProposer proposer = proposer(HttpChatClientTest.ANSWERING, 4)) {
            result = Discovery.start(ParallelTask.CONFIG, ParallelTask.TRAIN, TINY.withTimeLimit(Duration.ofSeconds(1)),
                List.of(new ClassicForms(), proposer), listener(), null).run();
        }
        assertEquals(SearchResult.BY_TIME_LIMIT, result.stoppedBy());
        // counted as sent: the server may not have read the request that timed out when the client gives up
        assertEquals(1, usage.snapshot().calls(), "no retry of the seed request, no rewrite request");
        assertEquals(List.of(), slept);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.getFirst().contains("the run's time limit leaves no time to try again"), messages.getFirst());
    }

    @Test
    void malformedAnswersGiveNothingAndDiscoveryGoesOn() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return ok(completion("Here are some laws: E + A*N^-a"));
            }
        });
        SearchResult result;
        try (LlmProposer proposer = proposer()) {
            result = Discovery.start(ParallelTask.CONFIG, ParallelTask.TRAIN, TINY,
                List.of(new ClassicForms(), proposer), listener(), null).run();
        }
        assertTrue(result.evaluation().validationR2() > 0.9, result.toString());
        assertEquals(0, usage.snapshot().proposals());
        assertTrue(server.getRequestCount() >= 2);
        assertTrue(messages.stream().allMatch(m -> m.startsWith("llm: unusable answer: the answer is neither a JSON object")), messages.toString());
    }

    @Test
    void anAnswerUnusableTheSameWayEveryRoundIsReportedOnce() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return ok(completion("Here are some laws: E + A*N^-a"));
            }
        });
        try (LlmProposer proposer = proposer()) {
            for (int round = 0; round < 4; round++) {
                assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), round)));
            }
        }
        assertEquals(4, server.getRequestCount());
        assertEquals(List.of("llm: unusable answer: the answer is neither a JSON object nor contains one in a ``` fence"),
            messages);
    }

    @Test
    void theNextRequestSaysTheAnswerWasUnusable() throws Exception {
        server.enqueue(ok(completion("{\"laws\": [{\"law\": \"a\", }]}")));
        server.enqueue(ok(completion(answer(GOOD))));
        try (LlmProposer proposer = proposer()) {
            assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), 0)));
            assertEquals(1, proposer.seeds(ParallelTask.context(List.of(), 1)).size());
        }
        server.takeRequest();
        String second = userMessage(server.takeRequest());
        assertTrue(second.contains("previous answer:\n- your previous answer was unusable: the answer is not valid JSON"), second);
    }

    @Test
    void aServerErrorIsRetried() {
        server.enqueue(new MockResponse.Builder().code(500).body("{\"error\": {\"message\": \"boom\"}}").build());
        server.enqueue(ok(completion(answer(GOOD))));
        try (LlmProposer proposer = proposer()) {
            assertEquals(1, proposer.seeds(ParallelTask.context(List.of(), 0)).size());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
        assertEquals(2, usage.snapshot().calls());
        assertEquals(150, usage.snapshot().totalTokens());
        assertEquals(List.of(), messages);
    }

    @Test
    void aRateLimitWaitsAsTheServerAsks() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").body("{}").build());
        server.enqueue(ok(completion(answer(GOOD))));
        try (LlmProposer proposer = proposer()) {
            assertEquals(1, proposer.seeds(ParallelTask.context(List.of(), 0)).size());
        }
        assertEquals(List.of(Duration.ofSeconds(3)), slept);
    }

    @Test
    void aTimeoutCostsOneRoundOnly() {
        // the first round's read times out at once: a read timeout short enough to wait out here would also cut off, on a
        // loaded machine, the second round's answer
        server.enqueue(ok(completion(answer(GOOD))));
        server.enqueue(ok(completion(answer(GOOD))));
        LlmSettings settings = HttpChatClientTest.settings(
            server.url("/v1").toString(), Optional.of("sk-test"), HttpChatClientTest.ANSWERING, 0);
        HttpChatClient http = HttpChatClient.builder(settings).usage(usage).sleeper(slept::add)
            .socketFactory(FailingSockets.timingOutReads(1, 1)).build();
        try (LlmProposer proposer = LlmProposer.builder(settings).client(http).usage(usage).proposals(4).seed(7)
            .messages(messages::add).build()) {
            assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), 0)));
            assertEquals(1, messages.size());
            assertTrue(messages.getFirst().contains("timed out") && messages.getFirst().endsWith("(no LLM seeds this round)"),
                messages.getFirst());
            assertFalse(messages.getFirst().contains("\n"));
            assertEquals(1, proposer.rewrites(ParallelTask.context(List.of(), 0),
                List.of(ParallelTask.scored("E + A*num_params^(-a)", 0.01))).size());
            assertEquals(Optional.empty(), proposer.disabledBy());
        }
        assertEquals(1, usage.snapshot().failures());
    }

    /** Makes the server answer every request with {@code code} and an OpenAI-style error {@code message}. */
    private void answerEveryRequest(int code, String message) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(code).body("{\"error\": {\"message\": \"" + message + "\"}}")
                    .build();
            }
        });
    }

    @Test
    void anUnknownModelOrUrlStopsTheLlmAtOnce() {
        // a 404 does not heal within a run: asking twice more would only repeat the line
        answerEveryRequest(404, "The model `nope` does not exist");
        try (LlmProposer proposer = proposer()) {
            for (int round = 0; round < 5; round++) {
                assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), round)));
            }
            assertTrue(proposer.disabledBy().orElseThrow().contains("HTTP 404"), proposer.disabledBy().toString());
        }
        assertEquals(1, server.getRequestCount());
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.getFirst().endsWith("(HTTP 404): The model `nope` does not exist; no more LLM proposals in"
            + " this run; the search goes on offline"), messages.getFirst());
    }

    @Test
    void anEndpointRefusingConnectionsStopsTheLlmAfterItsFirstRound() throws Exception {
        // observed: a base URL with nothing listening cost three rounds of retry backoff, some 45 s of the run
        int port = HttpChatClientTest.closedPort();
        LlmSettings settings = HttpChatClientTest.settings(
            "http://127.0.0.1:" + port + "/v1", Optional.empty(), Duration.ofSeconds(5), 4);
        HttpChatClient http = HttpChatClient.builder(settings).usage(usage).sleeper(slept::add).build();
        try (LlmProposer proposer = LlmProposer.builder(settings).client(http).usage(usage).messages(messages::add)
            .build()) {
            for (int round = 0; round < 5; round++) {
                assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), round)));
            }
            assertTrue(proposer.disabledBy().isPresent());
        }
        assertEquals(1, usage.snapshot().calls());
        assertEquals(List.of(), slept);
        assertEquals(List.of("llm: cannot reach http://127.0.0.1:" + port + "/v1: connection refused (is a server running"
            + " there?); no more LLM proposals in this run; the search goes on offline"), messages);
    }

    @Test
    void anEndpointFailingThreeRoundsRunningIsAskedNoMore() {
        // a request the endpoint refuses as it stands (400) may be one prompt's fault, so each round tries again
        answerEveryRequest(400, "bad request");
        try (LlmProposer proposer = proposer()) {
            for (int round = 0; round < 5; round++) {
                assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), round)));
            }
            assertTrue(proposer.disabledBy().orElseThrow().contains("HTTP 400"), proposer.disabledBy().toString());
        }
        assertEquals(LlmProposer.FAILED_ROUNDS_TO_GIVE_UP, server.getRequestCount(), "400 is not retried within a round");
        String url = server.url("/v1/chat/completions").toString();
        assertEquals(List.of(
            "llm: POST " + url + " was rejected (HTTP 400): bad request (no LLM seeds this round)",
            GAVE_UP), messages);
    }

    /** The line the proposer gives up with after failing rounds whose reason it has already told. */
    private static final String GAVE_UP = "llm: the endpoint failed " + LlmProposer.FAILED_ROUNDS_TO_GIVE_UP
        + " rounds running, so no more LLM proposals in this run; the search goes on offline";

    @Test
    void aServerFailingTheSameWayEveryRoundIsReportedOnceAndGivingUpOnce() {
        // observed: an endpoint answering 500 printed the same llm: line at each of three rounds
        answerEveryRequest(500, "internal error");
        try (LlmProposer proposer = proposer(HttpChatClientTest.ANSWERING, 1)) {
            for (int round = 0; round < 5; round++) {
                assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), round)));
            }
            assertTrue(proposer.disabledBy().orElseThrow().contains("HTTP 500"), proposer.disabledBy().toString());
        }
        assertEquals(2 * LlmProposer.FAILED_ROUNDS_TO_GIVE_UP, server.getRequestCount(), "one retry per round");
        String url = server.url("/v1/chat/completions").toString();
        assertEquals(List.of(
            "llm: POST " + url + " failed after 2 attempts: HTTP 500: internal error (no LLM seeds this round)",
            GAVE_UP), messages);
    }

    @Test
    void anEndpointTimingOutEveryRoundIsReportedOnceAndGivingUpOnce() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return TestServers.neverAnswered();
            }
        });
        try (LlmProposer proposer = proposer(Duration.ofMillis(200), 0)) {
            assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), 0)));
            for (int round = 1; round < 4; round++) {
                assertEquals(List.of(), proposer.rewrites(ParallelTask.context(List.of(), round),
                    List.of(ParallelTask.scored("E + A*num_params^(-a)", 0.01))));
            }
        }
        // counted as sent: the server may not have read the request that timed out when the client gives up
        assertEquals(LlmProposer.FAILED_ROUNDS_TO_GIVE_UP, usage.snapshot().calls());
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.getFirst().contains("failed after 1 attempt: timed out")
            && messages.getFirst().endsWith("(no LLM seeds this round)"), messages.getFirst());
        assertEquals(GAVE_UP, messages.get(1));
    }

    @Test
    void aNewReasonInTheGivingUpRoundIsToldWithIt() {
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"bad request\"}}").build());
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"bad request\"}}").build());
        server.enqueue(new MockResponse.Builder().code(422).body("{\"error\": {\"message\": \"too long\"}}").build());
        try (LlmProposer proposer = proposer()) {
            for (int round = 0; round < 4; round++) {
                assertEquals(List.of(), proposer.seeds(ParallelTask.context(List.of(), round)));
            }
        }
        String url = server.url("/v1/chat/completions").toString();
        assertEquals(List.of(
            "llm: POST " + url + " was rejected (HTTP 400): bad request (no LLM seeds this round)",
            "llm: POST " + url + " was rejected (HTTP 422): too long; the endpoint failed 3 rounds running, so no more"
                + " LLM proposals in this run; the search goes on offline"), messages);
    }

    @Test
    void refusedCredentialsStopTheLlmButNotTheSearch() {
        answerEveryRequest(401, "bad key");
        SearchResult result;
        try (LlmProposer proposer = proposer()) {
            result = Discovery.start(ParallelTask.CONFIG, ParallelTask.TRAIN, TINY,
                List.of(new ClassicForms(), proposer), listener(), null).run();
            assertEquals(Optional.of("llm: the endpoint refused the API key (HTTP 401): bad key"), proposer.disabledBy());
        }
        assertEquals(3, result.generations());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of("llm: the endpoint refused the API key (HTTP 401): bad key; no more LLM proposals in this run; the"
            + " search goes on offline"), messages);
    }

    @Test
    void aServerReasonEndingInAFullStopIsNotFollowedByASemicolon() {
        // Azure's 401 ends "... for an active subscription and use a correct regional API endpoint for your resource."
        answerEveryRequest(401, "Access denied due to invalid subscription key.");
        try (LlmProposer proposer = proposer()) {
            Discovery.start(ParallelTask.CONFIG, ParallelTask.TRAIN, TINY,
                List.of(new ClassicForms(), proposer), listener(), null).run();
        }
        assertEquals(List.of("llm: the endpoint refused the API key (HTTP 401): Access denied due to invalid subscription"
            + " key; no more LLM proposals in this run; the search goes on offline"), messages);
    }

    @Test
    void anEndpointThatRefusesTheJsonAnswerModeIsAskedWithoutItForTheRestOfTheRun() {
        // as some vLLM, Ollama and llama.cpp versions and gateways answer: every round failed on the 400, and the LLM
        // was given up after three, though the model answers well when asked without it
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (Json.mapper().readTree(request.getBody().utf8()).has("response_format")) {
                    return new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"response_format is"
                        + " not supported\", \"type\": \"invalid_request_error\", \"param\": \"response_format\"}}")
                        .build();
                }
                return ok(completion("Here are my laws:\n```json\n" + answer(GOOD) + "\n```\nThey saturate."));
            }
        });
        LlmSettings settings = HttpChatClientTest.settings(
            server.url("/v1").toString(), Optional.of("sk-test"), HttpChatClientTest.ANSWERING, 2);
        try (LlmProposer proposer = LlmProposer.builder(settings).usage(usage).messages(messages::add).build()) {
            for (int round = 0; round < 4; round++) {
                assertEquals(List.of(Law.parse(GOOD, ParallelTask.FEATURES)),
                    proposer.seeds(ParallelTask.context(List.of(), round)));
            }
            assertEquals(Optional.empty(), proposer.disabledBy());
        }
        assertEquals(5, server.getRequestCount(), "one refused request, then one a round");
        assertEquals(new LlmUsage.Snapshot(5, 0, 0, 0, 4, 4, 480, 120, 600), usage.snapshot());
        assertEquals(List.of("llm: POST " + server.url("/v1/chat/completions") + " refused response_format (HTTP 400):"
            + " response_format is not supported; the requests go without it for the rest of the run, and the laws are"
            + " read from the answer's text"), messages);
    }

    private SearchListener listener() {
        return new SearchListener() {
            @Override
            public void onGeneration(int generation, int of, double best, double rate, double hits) {
            }

            @Override
            public void onMessage(String message) {
                // proposer faults are reported by the proposer itself; the search adds nothing
                messages.add("search: " + message);
            }
        };
    }
}
