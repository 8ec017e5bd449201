package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.data.hub.TestServers;
import dev.evosld.http.FailingSockets;
import dev.evosld.http.SocksRelay;
import dev.evosld.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class HttpChatClientTest {
    private static final List<ChatMessage> MESSAGES =
        List.of(ChatMessage.system("You propose laws."), ChatMessage.user("Propose 2 laws as JSON."));

    /**
     * The read timeout of a test whose server answers: far beyond any answer here, however loaded the machine, so that
     * only the tests of timeouts wait one out, against a server that never answers.
     */
    static final Duration ANSWERING = Duration.ofSeconds(60);

    @AutoClose
    private final MockWebServer server = TestServers.startedWithNagle();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final LlmUsage usage = new LlmUsage();

    /** A chat completion body whose first choice says {@code content}. */
    static String completion(String content) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
        return root.toString();
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"error\": {\"message\": \"busy\"}}").build();
    }

    static LlmSettings settings(String baseUrl, Optional<String> key, Duration readTimeout, int maxRetries) {
        return new LlmSettings(
            baseUrl, key, "test-model", 0.2, 256, Duration.ofSeconds(2), readTimeout, maxRetries, Optional.empty());
    }

    private HttpChatClient client(Optional<String> key, Duration readTimeout, int maxRetries) {
        return HttpChatClient.builder(settings(server.url("/v1/").toString(), key, readTimeout, maxRetries))
            .usage(usage)
            .sleeper(slept::add)
            .build();
    }

    private HttpChatClient client() {
        return client(Optional.of("sk-test"), ANSWERING, 3);
    }

    private static ChatRequest request() {
        return new ChatRequest("test-model", MESSAGES, 0.2, 256);
    }

    @Test
    void wellFormedAnswerIsParsedAndTheRequestIsOpenAiShaped() throws Exception {
        server.enqueue(ok(completion(
            "{\"laws\": [{\"law\": \"a*N^-alpha + E\", \"rationale\": \"Chinchilla-like\"},"
                + " {\"law\": \"a*log(N) + b\", \"rationale\": \"log scale\"}]}")));
        try (HttpChatClient client = client()) {
            ChatResponse response = client.complete(request());

            assertEquals(new TokenUsage(120, 30, 150), response.usage());
            ProposalParser.Answer answer = ProposalParser.parse(response.content());
            assertEquals(
                new ProposalParser.Answer.Proposals(List.of(
                    new ProposalParser.Proposal("a*N^-alpha + E", "Chinchilla-like"),
                    new ProposalParser.Proposal("a*log(N) + b", "log scale"))),
                answer);
        }

        RecordedRequest recorded = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("POST", recorded.getMethod());
        assertEquals("/v1/chat/completions", recorded.getUrl().encodedPath());
        assertEquals("Bearer sk-test", recorded.getHeaders().get("Authorization"));
        assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode body = Json.mapper().readTree(recorded.getBody().utf8());
        assertEquals("test-model", body.path("model").stringValue());
        assertEquals(0.2, body.path("temperature").doubleValue());
        assertEquals(256, body.path("max_tokens").intValue());
        assertEquals("json_object", body.path("response_format").path("type").stringValue());
        assertEquals(2, body.path("messages").size());
        assertEquals("system", body.path("messages").path(0).path("role").stringValue());
        assertEquals("You propose laws.", body.path("messages").path(0).path("content").stringValue());
        assertEquals("user", body.path("messages").path(1).path("role").stringValue());
        assertEquals(new LlmUsage.Snapshot(1, 0, 0, 0, 0, 0, 120, 30, 150), usage.snapshot());
    }

    @Test
    void noAuthorizationHeaderWithoutKey() throws Exception {
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client(Optional.empty(), ANSWERING, 0)) {
            client.complete(request());
        }
        assertEquals(null, server.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void fencedAnswerWithProseIsParsed() {
        String content = "Here are my proposals.\n```json\n{\"laws\": [{\"law\": \"a*D^-b + c\", \"rationale\": \"data\"}]}\n```\nGood luck!";
        server.enqueue(ok(completion(content)));
        try (HttpChatClient client = client()) {
            ProposalParser.Answer answer = ProposalParser.parse(client.complete(request()).content());
            assertEquals(
                new ProposalParser.Answer.Proposals(List.of(new ProposalParser.Proposal("a*D^-b + c", "data"))), answer);
        }
    }

    @Test
    void malformedContentBecomesAReasonNotACrash() {
        server.enqueue(ok(completion("{\"laws\": [{\"law\": \"a*N^-b\", ")));
        try (HttpChatClient client = client()) {
            ProposalParser.Screening screening =
                ProposalParser.parse(client.complete(request()).content()).screen(law -> Optional.empty());
            assertTrue(screening.accepted().isEmpty());
            assertTrue(screening.malformed().orElseThrow().startsWith("the answer is not valid JSON"),
                screening.malformed().get());
            assertEquals(1, screening.feedback().size());
        }
    }

    @Test
    void validatorRejectionsAreCarried() {
        server.enqueue(ok(completion(
            "{\"laws\": [{\"law\": \"a*ln(N)\", \"rationale\": \"log\"}, {\"law\": \"a*N^-b + c\", \"rationale\": \"power\"}]}")));
        try (HttpChatClient client = client()) {
            ProposalParser.Screening screening = ProposalParser.parse(client.complete(request()).content())
                .screen(law -> law.contains("ln(") ? Optional.of("law:3: unknown function 'ln'") : Optional.empty());

            assertEquals(List.of(new ProposalParser.Proposal("a*N^-b + c", "power")), screening.accepted());
            assertEquals(
                List.of(new ProposalParser.Rejection("a*ln(N)", "law:3: unknown function 'ln'")), screening.rejected());
            assertEquals(List.of("a*ln(N) — law:3: unknown function 'ln'"), screening.feedback());
            usage.recordProposals(screening);
            assertEquals(2, usage.snapshot().proposals());
            assertEquals(1, usage.snapshot().accepted());
        }
    }

    @Test
    void aRefusedJsonAnswerModeIsAskedWithoutAtOnceAndNeverAgain() throws Exception {
        // a validator's refusal of a field it does not know, as a server built on FastAPI words it
        server.enqueue(new MockResponse.Builder().code(422).body("{\"detail\": [{\"type\": \"extra_forbidden\","
            + " \"loc\": [\"body\", \"response_format\"], \"msg\": \"Extra inputs are not permitted\"}]}").build());
        server.enqueue(ok(completion("{\"laws\": []}")));
        server.enqueue(ok(completion("{\"laws\": []}")));
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (HttpChatClient client = HttpChatClient.builder(settings(server.url("/v1/").toString(), Optional.empty(),
            ANSWERING, 0)).usage(usage).sleeper(slept::add).warnings(warnings::add).build()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
        List<Boolean> asked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            asked.add(Json.mapper().readTree(server.takeRequest().getBody().utf8()).has("response_format"));
        }
        assertEquals(List.of(true, false, false), asked);
        assertEquals(List.of(), slept);
        assertEquals(new LlmUsage.Snapshot(3, 0, 0, 0, 0, 0, 240, 60, 300), usage.snapshot());
        assertEquals(List.of("llm: POST " + server.url("/v1/chat/completions") + " refused response_format (HTTP 422):"
            + " {\"detail\": [{\"type\": \"extra_forbidden\", \"loc\": [\"body\", \"response_format\"], \"msg\":"
            + " \"Extra inputs are not permitted\"}]}; the requests go without it for the rest of the run, and the laws"
            + " are read from the answer's text"), warnings);
    }

    @Test
    void openAisReasoningModelsAreAskedWithMaxCompletionTokensAndTheirOwnTemperature() throws Exception {
        // OpenAI's o-series and gpt-5 models refuse max_tokens and any temperature but their own, each with a 400: every
        // round failed on them, and the LLM was given up after three
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"Unsupported parameter:"
            + " 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\", \"type\":"
            + " \"invalid_request_error\", \"param\": \"max_tokens\", \"code\": \"unsupported_parameter\"}}").build());
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"Unsupported value:"
            + " 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.\", \"type\":"
            + " \"invalid_request_error\", \"param\": \"temperature\", \"code\": \"unsupported_value\"}}").build());
        server.enqueue(ok(completion("{\"laws\": []}")));
        server.enqueue(ok(completion("{\"laws\": []}")));
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (HttpChatClient client = HttpChatClient.builder(settings(server.url("/v1/").toString(), Optional.of("sk-test"),
            ANSWERING, 0)).usage(usage).sleeper(slept::add).warnings(warnings::add).build()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode body = Json.mapper().readTree(server.takeRequest().getBody().utf8());
            asked.add(body.path("max_tokens").asString("-") + " " + body.path("max_completion_tokens").asString("-") + " "
                + body.path("temperature").asString("-") + " " + body.has("response_format"));
        }
        assertEquals(List.of("256 - 0.2 true", "- 256 0.2 true", "- 256 - true", "- 256 - true"), asked);
        assertEquals(List.of(), slept);
        assertEquals(List.of("llm: POST " + server.url("/v1/chat/completions") + " refused max_tokens (HTTP 400):"
                + " Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens'"
                + " instead; the requests give --llm-max-tokens as max_completion_tokens for the rest of the run",
            "llm: POST " + server.url("/v1/chat/completions") + " refused the temperature (HTTP 400): Unsupported value:"
                + " 'temperature' does not support 0.2 with this model. Only the default (1) value is supported; the"
                + " requests go without --llm-temperature for the rest of the run, at the model's own"), warnings);
    }

    @Test
    void aVllmErrorIsToldByItsMessage() {
        // vLLM's errors carry their message at the top, not under "error": the line quoted the whole JSON
        server.enqueue(new MockResponse.Builder().code(400).body("{\"object\": \"error\", \"message\": \"This model's"
            + " maximum context length is 4096 tokens\", \"type\": \"BadRequestError\", \"param\": null, \"code\": 400}")
            .build());
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " was rejected (HTTP 400): This model's"
                + " maximum context length is 4096 tokens", e.getMessage());
        }
    }

    @Test
    void aBadRequestThatDoesNotNameTheJsonAnswerModeIsARejection() {
        server.enqueue(new MockResponse.Builder().code(400)
            .body("{\"error\": {\"message\": \"max_tokens is too large\"}}").build());
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (HttpChatClient client = HttpChatClient.builder(settings(server.url("/v1/").toString(), Optional.empty(),
            ANSWERING, 3)).usage(usage).sleeper(slept::add).warnings(warnings::add).build()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " was rejected (HTTP 400): max_tokens is"
                + " too large", e.getMessage());
        }
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), warnings);
    }

    @Test
    void serverErrorIsRetried() {
        server.enqueue(status(500));
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
        assertEquals(2, usage.snapshot().calls());
    }

    /** A body of {@code start} padded with spaces past the 4 MiB the client reads of an answer. */
    private static String over4MiB(String start) {
        return start + " ".repeat(4 * 1024 * 1024);
    }

    @Test
    void aServerErrorWithAHugeBodyIsToldByItsStatusAndRetried() {
        // a proxy's error page padded out, or a server dumping its state: it was told as an answer larger than 4 MiB
        server.enqueue(new MockResponse.Builder().code(502).body(over4MiB("Bad Gateway: upstream went away")).build());
        server.enqueue(new MockResponse.Builder().code(503).body(over4MiB("{\"error\": \"overloaded\"")).build());
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofSeconds(5), 1)) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 2 attempts: HTTP 503:"
                + " {\"error\": \"overloaded\"", e.getMessage());
        }
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anAnswerLargerThan4MiBIsNoChatCompletion() {
        server.enqueue(ok(over4MiB(completion("{\"laws\": []}"))));
        server.enqueue(ok(over4MiB(completion("{\"laws\": []}"))));
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: the endpoint's answer is larger than 4 MiB", e.getMessage());
        }
        assertEquals(2, server.getRequestCount(), "retried once, as any answer that is no chat completion");
    }

    @Test
    void backoffDoublesBetweenRetries() {
        server.enqueue(status(502));
        server.enqueue(status(503));
        server.enqueue(status(504));
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client()) {
            client.complete(request());
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
    }

    @Test
    void rateLimitHonoursRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").body("slow down").build());
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofSeconds(5), 3)) {
            client.complete(request());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(3)), slept);
    }

    @Test
    void rateLimitHonoursARetryAfterDateByTheServersClock() {
        // a date is measured from the answer's own Date, so that a clock of this machine that is off does not count
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Date", "Mon, 07 Dec 2026 13:00:00 GMT")
            .addHeader("Retry-After", "Mon, 07 Dec 2026 13:00:20 GMT").body("slow down").build());
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofSeconds(30), 3)) {
            client.complete(request());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(20)), slept);
    }

    @Test
    void rateLimitHonoursRetryAfterInMilliseconds() {
        // Azure OpenAI says how long to wait in retry-after-ms, finer than its Retry-After's whole seconds
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "2500")
            .addHeader("Retry-After", "3").body("slow down").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "750").body("slow down").build());
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofSeconds(5), 3)) {
            client.complete(request());
        }
        assertEquals(List.of(Duration.ofMillis(2500), Duration.ofMillis(750)), slept);
    }

    @Test
    void aRetryAfterLongerThanTheTimeoutGivesUpAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600")
            .body("{\"error\": {\"message\": \"rate limited\"}}").build());
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + ": HTTP 429: rate limited, and the endpoint"
                + " asks to wait 3600 s, longer than --llm-timeout", e.getMessage());
        }
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), slept);
    }

    @Test
    void anAnswerTrickledSlowerThanTheTimeoutIsCutOff() {
        // 16 bytes every 0.1 s, each within the read timeout, of an answer that would take minutes, against a whole call
        // of 0.5 s; every attempt times out, so that no answer must come within 0.5 s on a loaded machine
        answerEveryRequest(new MockResponse.Builder().code(200).body(completion("{\"laws\": []}" + " ".repeat(20_000)))
            .throttleBody(16, 100, TimeUnit.MILLISECONDS).build());
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofMillis(500), 1)) {
            LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(LlmException.class, () -> client.complete(request())));
            // a slow local model's user must learn which option gives it longer
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 2 attempts: timed out"
                + " waiting for the answer for all of --llm-timeout (500 ms), twice running; a slow model needs a longer"
                + " --llm-timeout", e.getMessage());
        }
        // counted as sent: the server may not have read the request that timed out when the client gives up
        assertEquals(2, usage.snapshot().calls(), "the trickled answer timed out as a whole and was retried");
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
    }

    @Test
    void aModelSlowerThanTheTimeoutTwiceRunningIsNotAskedAThirdTime() {
        // observed (helper d): a model that always outlasted --llm-timeout cost five attempts of two minutes a round,
        // about half an hour of a search before the LLM was given up; a second whole timeout says the model is slower
        // than the option allows, which the third, fourth and fifth attempts would only say again
        answerEveryRequest(TestServers.neverAnswered());
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofMillis(300), 4)) {
            LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(LlmException.class, () -> client.complete(request())));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 2 attempts: timed out"
                + " waiting for the answer for all of --llm-timeout (300 ms), twice running; a slow model needs a longer"
                + " --llm-timeout", e.getMessage());
        }
        assertEquals(2, usage.snapshot().calls());
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
    }

    @Test
    void theKeyIsBlankedOutWhereTheServerEchoesIt() {
        server.enqueue(new MockResponse.Builder().code(400)
            .body("{\"error\": {\"message\": \"bad request with key Bearer sk-test\"}}").build());
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions")
                + " was rejected (HTTP 400): bad request with key Bearer [key]", e.getMessage());
        }
    }

    @Test
    void theKeyIsBlankedOutWhereAnAnswerWithoutChoicesEchoesIt() {
        // some proxies answer a refused key with 200 and an OpenAI-style error object instead of 401
        String body = "{\"error\": {\"message\": \"Incorrect API key provided: sk-test\"}}";
        server.enqueue(ok(body));
        server.enqueue(ok(body));
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: the endpoint's answer has no choices: Incorrect API key provided: [key]", e.getMessage());
        }
    }

    @Test
    void anAnswerKeepsAPlaceholderKeyThatIsNoSecret() {
        // local servers take any key; blanking a placeholder such as x would turn exp into e[key]p
        server.enqueue(ok(completion("{\"laws\": [{\"law\": \"E + A*exp(-x*N)\"}]}")));
        try (HttpChatClient client = client(Optional.of("x"), ANSWERING, 0)) {
            assertEquals("{\"laws\": [{\"law\": \"E + A*exp(-x*N)\"}]}", client.complete(request()).content());
        }
    }

    @Test
    void noAttemptRunsAndNoRetryWaitsPastTheTimeTheRunHasLeft() {
        server.enqueue(TestServers.neverAnswered());
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofSeconds(5), 4)) {
            // five attempts of 5 s and the waits between them, against the 0.3 s the run has left
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request(), Duration.ofMillis(300)));
            assertTrue(e.getMessage().startsWith("llm: POST " + server.url("/v1/chat/completions") + " failed after 1"
                + " attempt: timed out"), e.getMessage());
            assertTrue(e.getMessage().endsWith("; the run's time limit leaves no time to try again"), e.getMessage());
        }
        assertEquals(1, usage.snapshot().calls());
        assertEquals(List.of(), slept);
        assertEquals(1, usage.snapshot().failures());
    }

    @Test
    void noRequestIsSentOnceTheRunsTimeIsUp() {
        try (HttpChatClient client = client()) {
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + ": the run's time limit leaves no time for"
                + " a request", assertThrows(LlmException.class, () -> client.complete(request(), Duration.ZERO))
                .getMessage());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void readTimeoutIsRetried() {
        // the first connection's read times out at once: a read timeout short enough to wait out here would also cut off,
        // on a loaded machine, the answer that the retry is to get
        answerEveryRequest(ok(completion("{\"laws\": [{\"law\": \"a\"}]}")));
        try (HttpChatClient client = HttpChatClient.builder(settings(server.url("/v1/").toString(), Optional.of("sk-test"),
            ANSWERING, 3)).usage(usage).sleeper(slept::add).socketFactory(FailingSockets.timingOutReads(1, 1))
            .build()) {
            assertEquals("{\"laws\": [{\"law\": \"a\"}]}", client.complete(request()).content());
        }
        assertEquals(2, usage.snapshot().calls());
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
    }

    @Test
    void aTimeoutIsWordedTheSameWhicheverTimerEndsIt() {
        // observed: one endpoint timing out every round gave "timed out (timeout)", then "timed out (Read timed out)",
        // as the call's timer or the socket's fired first, two lines for one fault
        answerEveryRequest(TestServers.neverAnswered());
        try (HttpChatClient client = client(Optional.of("sk-test"), Duration.ofMillis(200), 0)) {
            for (int round = 0; round < 3; round++) {
                LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
                assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 1 attempt: timed out"
                    + " waiting for the answer for all of --llm-timeout (200 ms)", e.getMessage());
            }
        }
    }

    /** A local port nothing listens on: connections to it are refused at once. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionBeforeTheEndpointEverAnsweredStopsAtOnce() throws IOException {
        // observed: --llm-base-url http://127.0.0.1:9 with nothing listening waited out 15 s of backoff a round, for
        // three rounds; a refused first connection says at once that no server is there, and waiting will not start one
        int port = closedPort();
        LlmSettings closed = settings("http://127.0.0.1:" + port + "/v1", Optional.empty(), ANSWERING, 4);
        try (HttpChatClient client = HttpChatClient.builder(closed).usage(usage).sleeper(slept::add).build()) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: cannot reach http://127.0.0.1:" + port + "/v1: connection refused (is a server running"
                + " there?)", e.getMessage());
        }
        assertEquals(List.of(), slept);
        assertEquals(1, usage.snapshot().calls());
        assertEquals(1, usage.snapshot().failures());
    }

    @Test
    void anUnknownHostStopsAtOnce() {
        LlmSettings misspelt = settings("http://llm.internal.example/v1", Optional.empty(), ANSWERING, 4);
        try (HttpChatClient client = HttpChatClient.builder(misspelt).usage(usage).sleeper(slept::add)
            .dns(host -> {
                throw new UnknownHostException(host + ": Name or service not known");
            }).build()) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: cannot reach http://llm.internal.example/v1: unknown host 'llm.internal.example' (is the"
                + " host name right?)", e.getMessage());
        }
        assertEquals(List.of(), slept);
        assertEquals(1, usage.snapshot().calls());
    }

    @Test
    void aConnectTimeoutBeforeTheEndpointEverAnsweredStopsAtOnce() {
        // observed: a base URL whose address drops packets cost 5 attempts x the 10 s connect timeout and 15 s of waits,
        // for three rounds, about 3 minutes of the run; an address that never answered will not answer after a backoff
        String url = server.url("/v1").toString();
        try (HttpChatClient client = HttpChatClient.builder(settings(url, Optional.empty(), ANSWERING, 4))
            .usage(usage).sleeper(slept::add).socketFactory(FailingSockets.droppingAll()).build()) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: cannot reach " + url + ": timed out connecting (does a firewall drop the packets, or is"
                + " the address wrong?)", e.getMessage());
        }
        assertEquals(List.of(), slept);
        assertEquals(1, usage.snapshot().calls());
        assertEquals(1, usage.snapshot().failures());
    }

    @Test
    void aConnectTimeoutAfterTheEndpointAnsweredIsRetried() {
        // a new connection is needed for each request: the server closes the one it answered on
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Connection", "close")
            .body(completion("{\"laws\": []}")).build());
        String url = server.url("/v1").toString();
        try (HttpChatClient client = HttpChatClient.builder(settings(url, Optional.empty(), ANSWERING, 2))
            .usage(usage).sleeper(slept::add).socketFactory(FailingSockets.droppingAfter(1)).build()) {
            client.complete(request());
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertFalse(e instanceof LlmStopException);
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 3 attempts: timed out"
                + " connecting", e.getMessage());
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), slept);
        assertEquals(4, usage.snapshot().calls());
    }

    @Test
    void goesThroughTheProxyTheEnvironmentNames() throws Exception {
        // observed: behind a proxy, where only the proxy resolves outside names, "cannot reach …: unknown host"
        server.enqueue(ok(completion("{\"laws\": []}")));
        LlmSettings outside = settings("http://llm.internal.example/v1", Optional.empty(), ANSWERING, 0);
        try (HttpChatClient client = HttpChatClient.builder(outside).usage(usage).sleeper(slept::add)
            .environment(Map.of("HTTP_PROXY", "http://localhost:" + server.getPort()))
            .dns(host -> {
                if (host.equals("localhost")) {
                    return List.of(InetAddress.getLoopbackAddress());
                }
                throw new UnknownHostException(host + ": Name or service not known");
            }).build()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
        assertEquals("POST http://llm.internal.example/v1/chat/completions HTTP/1.1",
            server.takeRequest().getRequestLine());
    }

    @Test
    void goesThroughTheSocksProxyAllProxyNames() throws Exception {
        // ALL_PROXY=socks5h://… is how an ssh tunnel (ssh -D) is commonly handed to curl
        server.enqueue(ok(completion("{\"laws\": []}")));
        LlmSettings outside = settings("http://llm.internal.example/v1", Optional.empty(), ANSWERING, 0);
        try (SocksRelay relay = SocksRelay.to(server.getPort());
            HttpChatClient client = HttpChatClient.builder(outside).usage(usage).sleeper(slept::add)
                .environment(Map.of("ALL_PROXY", "socks5h://localhost:" + relay.port()))
                .dns(host -> {
                    throw new UnknownHostException(host + ": Name or service not known");
                }).build()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
            assertEquals(List.of("llm.internal.example:80"), relay.requested());
        }
        assertEquals("POST /v1/chat/completions HTTP/1.1", server.takeRequest().getRequestLine());
    }

    @Test
    void aRefusedConnectionAfterTheEndpointAnsweredIsRetried() throws IOException {
        // a server that answered and then refuses is restarting: that may pass
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client(Optional.empty(), ANSWERING, 2)) {
            client.complete(request());
            server.close();
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertFalse(e instanceof LlmStopException);
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 3 attempts: connection"
                + " refused", e.getMessage());
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), slept);
        assertEquals(4, usage.snapshot().calls());
    }

    @Test
    void persistentServerErrorFailsWithOneLine() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503));
        }
        try (HttpChatClient client = client(Optional.of("sk-test"), ANSWERING, 2)) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 3 attempts: HTTP 503: busy",
                e.getMessage());
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void unauthorizedFailsAtOnce() {
        server.enqueue(status(401));
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client()) {
            LlmAuthException e = assertThrows(LlmAuthException.class, () -> client.complete(request()));
            assertEquals("llm: the endpoint refused the API key (HTTP 401): busy", e.getMessage());
            assertEquals(401, e.status());
            assertInstanceOf(EvosldException.class, e);
        }
        assertEquals(1, server.getRequestCount());
        assertTrue(slept.isEmpty());
    }

    @Test
    void aRefusalSaysWhatTheServerGaveAsItsReason() {
        // observed: OpenAI answers 403 for a model the key's project may not use, and the line blamed the key alone
        server.enqueue(new MockResponse.Builder().code(403)
            .body("{\"error\": {\"message\": \"Project `proj_1` does not have access to model `test-model`\"}}").build());
        try (HttpChatClient client = client()) {
            LlmAuthException e = assertThrows(LlmAuthException.class, () -> client.complete(request()));
            assertEquals("llm: the endpoint refused the API key (HTTP 403): Project `proj_1` does not have access to"
                + " model `test-model`", e.getMessage());
        }
        assertEquals(List.of(), slept);
    }

    @Test
    void forbiddenWithoutKeySaysToSetOne() {
        server.enqueue(status(403));
        try (HttpChatClient client = client(Optional.empty(), ANSWERING, 3)) {
            LlmAuthException e = assertThrows(LlmAuthException.class, () -> client.complete(request()));
            assertEquals("llm: the endpoint requires an API key (HTTP 403): busy; set OPENAI_API_KEY", e.getMessage());
        }
    }

    @Test
    void clientErrorIsNotRetried() {
        server.enqueue(new MockResponse.Builder()
            .code(404).body("{\"error\": {\"message\": \"The model `nope` does not exist\"}}").build());
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions")
                + " was rejected (HTTP 404): The model `nope` does not exist", e.getMessage());
        }
        assertEquals(1, server.getRequestCount());
    }

    /** A client of the mock server under {@code path}, where the user's base URL points. */
    private HttpChatClient clientAt(String path) {
        return HttpChatClient.builder(settings(server.url(path).toString(), Optional.empty(), ANSWERING, 3))
            .usage(usage).sleeper(slept::add).build();
    }

    @Test
    void aBaseUrlWithAQueryIsAskedAtItsPathWithTheQueryKept() throws Exception {
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = clientAt("/openai/deployments/d?api-version=2024-06-01")) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
        RecordedRequest recorded = server.takeRequest();
        assertEquals("/openai/deployments/d/chat/completions", recorded.getUrl().encodedPath());
        assertEquals("api-version=2024-06-01", recorded.getUrl().encodedQuery());
    }

    @Test
    void anAzureDeploymentUrlGetsTheKeyInAnApiKeyHeader() throws Exception {
        // observed: Azure OpenAI's classic deployment URLs answered 401 to a key sent as a bearer token, which they do
        // not read; their own clients send it as api-key, and so must we, alone
        server.enqueue(ok(completion("{\"laws\": []}")));
        server.enqueue(ok(completion("{\"laws\": []}")));
        String key = "0123456789abcdef0123456789abcdef";
        LlmSettings azure = settings(server.url("/openai/deployments/gpt-4o?api-version=2024-10-21").toString(),
            Optional.of(key), ANSWERING, 0);
        try (HttpChatClient client = HttpChatClient.builder(azure).usage(usage).sleeper(slept::add).build()) {
            client.complete(request());
        }
        RecordedRequest recorded = server.takeRequest();
        assertEquals(key, recorded.getHeaders().get("api-key"));
        assertEquals(null, recorded.getHeaders().get("Authorization"));
        // Azure's v1 endpoint takes the key as OpenAI's does
        LlmSettings v1 = settings(server.url("/openai/v1").toString(), Optional.of(key), ANSWERING, 0);
        try (HttpChatClient client = HttpChatClient.builder(v1).usage(usage).sleeper(slept::add).build()) {
            client.complete(request());
        }
        recorded = server.takeRequest();
        assertEquals("Bearer " + key, recorded.getHeaders().get("Authorization"));
        assertEquals(null, recorded.getHeaders().get("api-key"));
    }

    @Test
    void aNotFoundAtABaseUrlWithoutAVersionSaysWhereServersUsuallyServe() {
        // observed: http://localhost:8000 for a vLLM server, which serves under /v1, got a bare 404 and no hint
        server.enqueue(new MockResponse.Builder().code(404).body("{\"detail\":\"Not Found\"}").build());
        String base = server.url("/").toString().replaceAll("/$", "");
        try (HttpChatClient client = clientAt("/")) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + base + "/chat/completions was rejected (HTTP 404): {\"detail\":\"Not Found\"};"
                + " OpenAI-compatible servers usually serve it under " + base + "/v1/chat/completions: is /v1 missing"
                + " from the base URL?", e.getMessage());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aNotFoundAtAnAzureDeploymentUrlSaysWhatAzureWants() {
        // Azure answers a deployment URL without ?api-version= with a bare 404, which was told to add /v1, a path Azure
        // does not serve deployments under
        server.enqueue(new MockResponse.Builder().code(404)
            .body("{\"error\":{\"code\":\"404\",\"message\": \"Resource not found\"}}").build());
        String base = server.url("/openai/deployments/gpt-4o").toString();
        try (HttpChatClient client = clientAt("/openai/deployments/gpt-4o")) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + base + "/chat/completions was rejected (HTTP 404): Resource not found; Azure's"
                + " deployment URLs need the API version in their query: add ?api-version=2024-10-21 to the base URL",
                e.getMessage());
        }
        // with the version, a 404 is of the deployment's name, which Azure's own words say
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":{\"code\":\"DeploymentNotFound\","
            + " \"message\":\"The API deployment for this resource does not exist.\"}}").build());
        try (HttpChatClient client = clientAt("/openai/deployments/gpt4?api-version=2024-10-21")) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/openai/deployments/gpt4/chat/completions?api-version=2024-10-21")
                + " was rejected (HTTP 404): The API deployment for this resource does not exist.", e.getMessage());
        }
    }

    @Test
    void aNotFoundAtABaseUrlEndingInTheEndpointSaysToLeaveItOut() {
        // a URL copied whole from a server's documentation already names the endpoint the client adds
        server.enqueue(new MockResponse.Builder().code(404).body("{\"detail\":\"Not Found\"}").build());
        String base = server.url("/v1/chat/completions").toString();
        try (HttpChatClient client = clientAt("/v1/chat/completions")) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + base + "/chat/completions was rejected (HTTP 404): {\"detail\":\"Not Found\"};"
                + " the base URL ends in /chat/completions, which is added to it: leave that out", e.getMessage());
        }
    }

    @Test
    void aServerThatDoesNotTakePostsThereIsNotRetried() {
        // observed: a base URL of a plain web server (python -m http.server) answered 501 Unsupported method, which was
        // retried with backoff as if overloaded, 15 s a round
        for (int code : new int[] {501, 405}) {
            answerEveryRequest(new MockResponse.Builder().code(code).body("<html><title>Error response</title></html>")
                .build());
            slept.clear();
            String base = server.url("/").toString().replaceAll("/$", "");
            try (HttpChatClient client = clientAt("/")) {
                LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
                assertEquals("llm: POST " + base + "/chat/completions was rejected (HTTP " + code + "): <html><title>Error"
                    + " response</title></html>; OpenAI-compatible servers usually serve it under " + base
                    + "/v1/chat/completions: is /v1 missing from the base URL?", e.getMessage());
            }
            assertEquals(List.of(), slept, "HTTP " + code);
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aRedirectThatTurnsThePostIntoAGetSaysWhereTheEndpointMoved() {
        // observed: an http:// base URL of a server that moves it to https:// with a 301, which clients follow as a GET
        // without the body; the line said 'POST .../v1/chat/completions was rejected (HTTP 405): Method Not Allowed'
        // about a request that had gone elsewhere
        for (int code : new int[] {301, 302, 303}) {
            server.enqueue(new MockResponse.Builder().code(code).addHeader("Location", "/v2/chat/completions").build());
            server.enqueue(new MockResponse.Builder().code(405).body("Method Not Allowed").build());
            try (HttpChatClient client = client()) {
                LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
                assertEquals("llm: POST " + server.url("/v1/chat/completions") + " was redirected (HTTP " + code + ") to "
                    + server.url("/v2/chat/completions") + ", which a client follows without the request, as a GET: is"
                    + " the base URL " + server.url("/v2") + "?", e.getMessage());
            }
        }
        assertEquals(List.of(), slept);
    }

    @Test
    void aRedirectOfABaseUrlWithAQuerySaysTheBaseUrlWithItsQuery() {
        server.enqueue(new MockResponse.Builder().code(301)
            .addHeader("Location", "/v2/chat/completions?api-version=1").build());
        server.enqueue(new MockResponse.Builder().code(405).body("Method Not Allowed").build());
        try (HttpChatClient client = clientAt("/v1?api-version=1")) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions?api-version=1") + " was redirected (HTTP 301)"
                + " to " + server.url("/v2/chat/completions?api-version=1") + ", which a client follows without the"
                + " request, as a GET: is the base URL " + server.url("/v2?api-version=1") + "?", e.getMessage());
        }
    }

    @Test
    void aRedirectThatKeepsThePostIsFollowed() {
        server.enqueue(new MockResponse.Builder().code(308).addHeader("Location", "/v2/chat/completions").build());
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
    }

    @Test
    void aModelTheServerLacksThatIsEvosldsDefaultSaysToNameTheServersOwn() {
        // an Ollama user who gave no --llm-model was told 'model "gpt-4o-mini" not found, try pulling it first', Ollama's
        // advice, though no such model can be pulled; OpenRouter answers 400 for a model it does not know
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\": {\"message\": \"model \\\"gpt-4o-mini\\\" not"
            + " found, try pulling it first\", \"type\": \"api_error\", \"param\": null, \"code\": null}}").build());
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"gpt-4o-mini is not a valid"
            + " model ID\", \"code\": 400}}").build());
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\": {\"message\": \"model \\\"qwen3\\\" not"
            + " found, try pulling it first\"}}").build());
        String hint = "; gpt-4o-mini is EvoSLD's default model: name one the server has with --llm-model (or OPENAI_MODEL)";
        LlmSettings defaulted = new LlmSettings(server.url("/v1").toString(), Optional.empty(), LlmSettings.DEFAULT_MODEL,
            0.2, 256, Duration.ofSeconds(2), ANSWERING, 3, Optional.empty());
        try (HttpChatClient client = HttpChatClient.builder(defaulted).usage(usage).sleeper(slept::add).build()) {
            ChatRequest request = ChatRequest.of(defaulted, MESSAGES);
            LlmStopException notFound = assertThrows(LlmStopException.class, () -> client.complete(request));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " was rejected (HTTP 404): model"
                + " \"gpt-4o-mini\" not found, try pulling it first" + hint, notFound.getMessage());
            LlmException invalid = assertThrows(LlmException.class, () -> client.complete(request));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " was rejected (HTTP 400): gpt-4o-mini is"
                + " not a valid model ID" + hint, invalid.getMessage());
        }
        LlmSettings named = new LlmSettings(server.url("/v1").toString(), Optional.empty(), "qwen3", 0.2, 256,
            Duration.ofSeconds(2), ANSWERING, 3, Optional.empty());
        try (HttpChatClient client = HttpChatClient.builder(named).usage(usage).build()) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(ChatRequest.of(named, MESSAGES)));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " was rejected (HTTP 404): model \"qwen3\" not"
                + " found, try pulling it first", e.getMessage(), "a model the user named is theirs to fix");
        }
    }

    @Test
    void aNotFoundAtAVersionedBaseUrlHasNoHint() {
        // Gemini's OpenAI-compatible API lives under /v1beta/openai
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\": {\"message\": \"no such model\"}}").build());
        try (HttpChatClient client = clientAt("/v1beta/openai")) {
            LlmStopException e = assertThrows(LlmStopException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1beta/openai/chat/completions") + " was rejected (HTTP 404): no such"
                + " model", e.getMessage());
        }
    }

    /** Makes the server answer every request with {@code response}. */
    private void answerEveryRequest(MockResponse response) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsWordedForAUser() {
        // observed: "java.io.IOException: unexpected end of stream on http://..."
        answerEveryRequest(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (HttpChatClient client = client(Optional.empty(), ANSWERING, 1)) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 2 attempts: the server closed"
                + " the connection before answering", e.getMessage());
        }
        assertEquals(List.of(Duration.ofSeconds(1)), slept);
    }

    @Test
    void anAnswerCutShortIsWordedForAUser() {
        answerEveryRequest(new MockResponse.Builder().code(200).body(completion("{\"laws\": []}"))
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (HttpChatClient client = client(Optional.empty(), ANSWERING, 1)) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " failed after 2 attempts: the server closed"
                + " the connection before the answer was complete", e.getMessage());
        }
    }

    @Test
    void anHttpsUrlOfAPlainHttpServerIsWordedForAUser() throws Exception {
        // a server that hangs up on the TLS hello; MockWebServer itself may instead wait for the end of a request line
        // that the hello's random bytes may never hold, which the client sees as a read timeout, and retries
        try (ServerSocket plain = TestServers.plainAnswering("")) {
            String url = "https://127.0.0.1:" + plain.getLocalPort() + "/v1";
            try (HttpChatClient client = HttpChatClient.builder(settings(url, Optional.empty(), ANSWERING,
                3)).usage(usage).sleeper(slept::add).build()) {
                LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
                assertEquals("llm: cannot reach " + url + ": the server broke off the TLS handshake (is the base URL"
                    + " http:// rather than https://?)", e.getMessage());
            }
        }
        assertEquals(List.of(), slept);
    }

    @Test
    void anHttpsUrlOfASilentServerIsWordedForAUserWithoutRetries() throws Exception {
        // a plain server that waits for the end of a request line never answers the TLS hello: every retry would wait
        // out the same timeout. The call's timeout must end the handshake, not the JVM's first setting up of TLS before
        // it, which took more than 0.3 s on a loaded machine (a timeout then, and a retry): 1.5 s, within the 2 s one
        try (ServerSocket silent = TestServers.silent()) {
            String url = "https://127.0.0.1:" + silent.getLocalPort() + "/v1";
            try (HttpChatClient client = HttpChatClient.builder(settings(url, Optional.empty(), Duration.ofMillis(1500),
                3)).usage(usage).sleeper(slept::add).build()) {
                LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
                assertEquals("llm: cannot reach " + url + ": the server did not answer the TLS handshake (is the base"
                    + " URL http:// rather than https://?)", e.getMessage());
            }
        }
        assertEquals(List.of(), slept);
    }

    @Test
    void anHttpsUrlOfASilentServerStopsAfterTheConnectTimeoutNotTheReadTimeout() throws Exception {
        // observed: the line above came only after a whole --llm-timeout (two minutes by default), which is meant for a
        // slow model's answer, not for a handshake that a plain server will never answer
        try (ServerSocket silent = TestServers.silent()) {
            String url = "https://127.0.0.1:" + silent.getLocalPort() + "/v1";
            LlmSettings settings = new LlmSettings(url, Optional.empty(), "test-model", 0.2, 256, Duration.ofMillis(300),
                Duration.ofSeconds(60), 3, Optional.empty());
            try (HttpChatClient client = HttpChatClient.builder(settings).usage(usage).sleeper(slept::add).build()) {
                LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(LlmException.class, () -> client.complete(request())));
                assertEquals("llm: cannot reach " + url + ": the server did not answer the TLS handshake (is the base"
                    + " URL http:// rather than https://?)", e.getMessage());
            }
        }
        assertEquals(List.of(), slept);
    }

    @Test
    void anHttpsUrlOfAServerAnsweringInPlainTextIsWordedForAUser() throws Exception {
        // a local server (vLLM, Ollama) answers a TLS hello with a plain-text 400, which Java calls an unrecognized
        // SSL message
        try (ServerSocket plain = TestServers.plainAnswering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            String url = "https://127.0.0.1:" + plain.getLocalPort() + "/v1";
            try (HttpChatClient client = HttpChatClient.builder(settings(url, Optional.empty(), ANSWERING,
                3)).usage(usage).sleeper(slept::add).build()) {
                LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
                assertEquals("llm: cannot reach " + url + ": the server does not speak TLS (is the base URL http://"
                    + " rather than https://?)", e.getMessage());
            }
        }
        assertEquals(List.of(), slept);
    }

    @Test
    void emptyChoicesFailAfterOneRetry() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok("{\"id\": \"x\", \"choices\": []}"));
        }
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: the endpoint's answer has no choices", e.getMessage());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void missingContentFailsWithFinishReason() {
        String body = "{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": null},"
            + " \"finish_reason\": \"content_filter\"}]}";
        server.enqueue(ok(body));
        server.enqueue(ok(body));
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: the endpoint's answer has no message content (finish_reason: content_filter)",
                e.getMessage());
        }
    }

    @Test
    void anAnswerOfReasoningAloneSaysTheTokenLimitWentOnIt() {
        // observed: a reasoning model behind vLLM or Ollama that thinks past max_tokens answers content null and its
        // thoughts in reasoning_content (or reasoning); the line said only 'has no message content (finish_reason:
        // length)'
        for (String field : new String[] {"reasoning_content", "reasoning"}) {
            String body = "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": null, \"" + field
                + "\": \"Let me think about scaling...\"}, \"finish_reason\": \"length\"}]}";
            server.enqueue(ok(body));
            server.enqueue(ok(body.replace("\"content\": null, ", "\"content\": \"\", ")));
            try (HttpChatClient client = client()) {
                LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
                assertEquals("llm: the endpoint's answer has no message content, only the model's reasoning"
                    + " (finish_reason: length): the model spent --llm-max-tokens (256) on thinking; raise it",
                    e.getMessage());
            }
        }
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void anAnswerInPartsIsTheTextOfItsTextParts() {
        // observed: Mistral's reasoning models answer content as a list of parts, thinking first, which read as 'the
        // endpoint's answer has no message content' and lost every answer
        String parts = "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": [{\"type\":"
            + " \"thinking\", \"thinking\": [{\"type\": \"text\", \"text\": \"N matters most\"}]}, {\"type\": \"text\","
            + " \"text\": \"{\\\"laws\\\": \"}, {\"type\": \"text\", \"text\": \"[]}\"}]}, \"finish_reason\": \"stop\"}]}";
        server.enqueue(ok(parts));
        server.enqueue(ok(parts));
        try (HttpChatClient client = client()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aServerThatStreamsWhateverItIsAskedIsReadAsOneAnswer() {
        // a gateway or wrapper that streams though the request said "stream": false answers server-sent events, whose
        // pieces spell the answer; until it was read, such an endpoint gave no law in a whole run
        String events = "data: {\"choices\": [{\"index\": 0, \"delta\": {\"role\": \"assistant\"}}]}\n\n"
            + "data: {\"choices\": [{\"index\": 0, \"delta\": {\"content\": \"{\\\"laws\\\": [{\\\"law\\\": \"}}]}\n\n"
            + "data: {\"choices\": [{\"index\": 0, \"delta\": {\"content\": \"\\\"a\\\"}]}\"}, \"finish_reason\": \"stop\"}],"
            + " \"usage\": {\"prompt_tokens\": 9, \"completion_tokens\": 4, \"total_tokens\": 13}}\n\ndata: [DONE]\n\n";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
            .body(events).build());
        try (HttpChatClient client = client()) {
            assertEquals(new ChatResponse("{\"laws\": [{\"law\": \"a\"}]}", new TokenUsage(9, 4, 13)),
                client.complete(request()));
        }
        assertEquals(1, usage.snapshot().calls());
        assertEquals(13, usage.snapshot().totalTokens());
    }

    @Test
    void theRequestAsksForOneAnswerNotAStream() throws Exception {
        server.enqueue(ok(completion("{}")));
        try (HttpChatClient client = client()) {
            client.complete(request());
        }
        JsonNode body = Json.mapper().readTree(server.takeRequest().getBody().utf8());
        assertFalse(body.path("stream").asBoolean(true));
    }

    @Test
    void plainTextInsteadOfJsonIsQuoted() {
        // a gateway's plain-text error page, answered with 200
        for (int i = 0; i < 2; i++) {
            server.enqueue(ok("upstream connect error or disconnect/reset before headers"));
        }
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " answered with text, not JSON (\"upstream"
                + " connect error or disconnect/reset before headers\"): is --llm-base-url that of an OpenAI-compatible"
                + " API?", e.getMessage());
        }
    }

    @Test
    void malformedBodyIsRetriedOnceThenSucceeds() {
        server.enqueue(ok("<html>gateway hiccup</html>"));
        server.enqueue(ok(completion("{\"laws\": []}")));
        try (HttpChatClient client = client()) {
            assertEquals("{\"laws\": []}", client.complete(request()).content());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anHtmlPageInsteadOfJsonIsNamedAsSuch() {
        // a base URL of a web page, or a login portal between the user and the API, answers 200 with HTML
        server.enqueue(ok("<!DOCTYPE html>\n<html><body>Sign in</body></html>"));
        server.enqueue(ok("<!DOCTYPE html>\n<html><body>Sign in</body></html>"));
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertEquals("llm: POST " + server.url("/v1/chat/completions") + " answered with a web page, not JSON"
                + " (\"<!DOCTYPE html> <html><body>Sign in</body></html>\"): is --llm-base-url that of an"
                + " OpenAI-compatible API?", e.getMessage());
        }
    }

    @Test
    void malformedBodyFailsWithAClearMessage() {
        server.enqueue(ok("{\"choices\": [ oops"));
        server.enqueue(ok("{\"choices\": [ oops"));
        try (HttpChatClient client = client()) {
            LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
            assertTrue(e.getMessage().startsWith("llm: the endpoint returned malformed JSON: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void absentUsageCountsAsZero() {
        server.enqueue(ok("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"{}\"}}]}"));
        server.enqueue(ok("{\"choices\": [{\"message\": {\"content\": \"{}\"}}],"
            + " \"usage\": {\"prompt_tokens\": 7, \"completion_tokens\": 5}}"));
        try (HttpChatClient client = client()) {
            assertEquals(TokenUsage.NONE, client.complete(request()).usage());
            assertEquals(new TokenUsage(7, 5, 12), client.complete(request()).usage());
        }
    }
}
