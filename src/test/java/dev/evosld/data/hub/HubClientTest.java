package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.http.FailingSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HubClientTest {
    private static final String DATASET = "pkuHaowei/sldbench";
    private static final String ROWS_0 = "GET /rows?dataset=pkuHaowei/sldbench&config=moe_scaling_law&split=test"
        + "&offset=0&length=100";

    // every answer here comes at once, or never; a short read timeout would cut off the ones that come slowly when the
    // machine is loaded
    private final OkHttpClient http = new OkHttpClient.Builder()
        .readTimeout(Duration.ofSeconds(60))
        .build();
    private final List<Duration> sleeps = new ArrayList<>();
    @AutoClose
    private final MockWebServer server = TestServers.started(null);

    private HubClient client(Optional<String> token) {
        return HubClient.of(http, server.url("/"), token)
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));
    }

    private HubClient client() {
        return client(Optional.empty());
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int code, String message) {
        return new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body("{\"error\": \"" + message + "\"}")
            .build();
    }

    private RowsPage firstPage() {
        return client().rows(DATASET, "moe_scaling_law", "test", 0, 100);
    }

    @Test
    void parsesTheRecordedSplitsAnswer() throws Exception {
        server.enqueue(ok(FakeHub.resource("splits-sldbench.json")));

        List<DatasetSplit> splits = client().splits(DATASET);

        assertEquals(16, splits.size());
        assertEquals(new DatasetSplit(DATASET, "data_constrained_scaling_law", "train"), splits.getFirst());
        assertTrue(splits.contains(new DatasetSplit(DATASET, "moe_scaling_law", "test")));
        RecordedRequest request = server.takeRequest();
        assertEquals("/splits", request.getUrl().encodedPath());
        assertEquals(DATASET, request.getUrl().queryParameter("dataset"));
    }

    @Test
    void parsesTheRecordedRowsAnswer() throws Exception {
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));

        RowsPage page = client().rows(DATASET, "moe_scaling_law", "test", 0, 3);

        assertEquals(List.of("group", "num_experts", "dense_parameter_count", "loss_validation"), page.columnNames());
        assertEquals(new RowsPage.Feature(1, "num_experts", "float64"), page.features().get(1));
        assertEquals(28, page.numRowsTotal());
        assertEquals(100, page.numRowsPerPage());
        assertFalse(page.partial());
        assertEquals(3, page.rows().size());
        RowsPage.Row row = page.rows().get(2);
        assertEquals(2, row.rowIdx());
        assertEquals(new Cell.Text("all_data"), row.cells().get("group"));
        assertEquals(new Cell.Real(64.0), row.cells().get("num_experts"));
        assertEquals(new Cell.Real(2.0134565830230713), row.cells().get("loss_validation"));
        assertEquals(List.of(), row.truncatedCells());
        HttpUrl url = server.takeRequest().getUrl();
        assertEquals("/rows", url.encodedPath());
        assertEquals("moe_scaling_law", url.queryParameter("config"));
        assertEquals("test", url.queryParameter("split"));
        assertEquals("0", url.queryParameter("offset"));
        assertEquals("3", url.queryParameter("length"));
    }

    @Test
    void keepsJsonIntegersApartFromFloatsAndStrings() {
        server.enqueue(ok("""
            {"features": [], "rows": [{"row_idx": 0, "row": {"a": 64, "b": 64.0, "c": "64", "d": null,
             "e": [1], "f": 123456789012345678901234567890}, "truncated_cells": ["c"]}],
             "num_rows_total": 1, "num_rows_per_page": 100, "partial": false}"""));

        RowsPage.Row row = firstPage().rows().getFirst();

        assertEquals(new Cell.Whole(64), row.cells().get("a"));
        assertEquals(new Cell.Real(64.0), row.cells().get("b"));
        assertEquals(new Cell.Text("64"), row.cells().get("c"));
        assertEquals(new Cell.Empty(), row.cells().get("d"));
        assertEquals(new Cell.Other("a JSON array"), row.cells().get("e"));
        assertEquals(new Cell.Real(1.2345678901234568E29), row.cells().get("f"));
        assertEquals(List.of("c"), row.truncatedCells());
    }

    @Test
    void sendsTheTokenFromTheEnvironmentAsABearerHeader() throws Exception {
        server.enqueue(ok(FakeHub.resource("splits-sldbench.json")));
        HubClient.fromEnvironment(http, server.url("/"), Map.of("HF_TOKEN", "hf_secret123")).splits(DATASET);

        assertEquals("Bearer hf_secret123", server.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() throws Exception {
        server.enqueue(ok(FakeHub.resource("splits-sldbench.json")));
        server.enqueue(ok(FakeHub.resource("splits-sldbench.json")));
        HubClient anonymous = HubClient.fromEnvironment(http, server.url("/"), Map.of());
        HubClient blank = HubClient.fromEnvironment(http, server.url("/"), Map.of("HF_TOKEN", "  "));
        anonymous.splits(DATASET);
        blank.splits(DATASET);

        assertFalse(anonymous.hasToken());
        assertFalse(blank.hasToken());
        assertNull(server.takeRequest().getHeaders().get("Authorization"));
        assertNull(server.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void retriesA503WithExponentialBackoff() {
        server.enqueue(error(503, "The server is busy."));
        server.enqueue(error(503, "The server is busy."));
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));

        assertEquals(28, firstPage().numRowsTotal());

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void saysEachTimeItWaitsToTryAgain() {
        server.enqueue(error(503, "The server is busy."));
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));
        List<String> said = new ArrayList<>();

        client().withRetryListener(said::add).rows(DATASET, "moe_scaling_law", "test", 0, 100);

        assertEquals(List.of("hugging face: " + ROWS_0 + ": HTTP 503 (The server is busy.); trying again in 1 s (attempt"
            + " 2 of 4)"), said);
    }

    @Test
    void givesUpAfterTheLastAttemptWithOneLine() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("<html>busy</html>").build());
        }

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed after 4 attempts: HTTP 503", e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void quotesTheServersErrorTextOnOneLine() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(500, "Unexpected error.\\nPlease retry."));
        }

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed after 4 attempts: HTTP 500 (Unexpected error. Please retry.)",
            e.getMessage());
    }

    @Test
    void cutsALongErrorTextBetweenCharactersNotInsideOne() {
        // observed: the cut fell between the two halves of an emoji, leaving half of it, which shows as '?'
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(500, "\uD83D\uDE00".repeat(300)));
        }

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed after 4 attempts: HTTP 500 (" + "\uD83D\uDE00".repeat(239)
            + "…)", e.getMessage());
    }

    @Test
    void honoursRetryAfterOnA429() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));

        assertEquals(3, firstPage().rows().size());

        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void backsOffOnA429WithoutRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));

        firstPage();

        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void refusesToWaitLongerThanTheLimit() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed: HTTP 429, and the server asks to wait 3600 s;"
            + " try again later", e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void failsAtOnceOn401AndAsksForAToken() {
        server.enqueue(error(401, FakeHub.NOT_FOUND));

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed: HTTP 401 (" + FakeHub.NOT_FOUND + "); set HF_TOKEN to a"
            + " Hugging Face access token", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void failsAtOnceOn401WithARefusedTokenAndNeverShowsIt() {
        server.enqueue(error(401, "Invalid credentials in Authorization header"));

        EvosldException e = assertThrows(EvosldException.class,
            () -> client(Optional.of("hf_secret123")).splits(DATASET));

        assertEquals("hugging face: GET /splits?dataset=pkuHaowei/sldbench failed: HTTP 401 (Invalid credentials in"
            + " Authorization header); the token in HF_TOKEN was refused", e.getMessage());
        assertFalse(e.getMessage().contains("hf_secret123"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void failsAtOnceOn403() {
        server.enqueue(error(403, "Forbidden"));

        EvosldException e = assertThrows(EvosldException.class, () -> client(Optional.of("t")).splits(DATASET));

        assertEquals("hugging face: GET /splits?dataset=pkuHaowei/sldbench failed: HTTP 403 (Forbidden); the account"
            + " of the token in HF_TOKEN has no access", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void namesTheRequestAndTheServersWordsOn404() {
        server.enqueue(error(404, FakeHub.NOT_FOUND));

        EvosldException e = assertThrows(EvosldException.class,
            () -> client().rows(DATASET, "x", "train", 1000, 100));

        assertEquals("hugging face: GET /rows?dataset=pkuHaowei/sldbench&config=x&split=train&offset=1000&length=100"
            + " failed: HTTP 404 (" + FakeHub.NOT_FOUND + ") (no such config, split or rows in dataset"
            + " 'pkuHaowei/sldbench')", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void namesTheMissingDatasetOn404() {
        server.enqueue(error(404, FakeHub.NOT_FOUND));

        EvosldException e = assertThrows(EvosldException.class, () -> client().splits("someone/nothing"));

        assertEquals("hugging face has no dataset 'someone/nothing' (or it is private or gated: set HF_TOKEN) ("
            + FakeHub.NOT_FOUND + ")", e.getMessage());
    }

    private static MockResponse webPage(int code) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html")
            .body("<!doctype html>\n<html><head><title>Hugging Face</title></head><body>Not here</body></html>").build();
    }

    @Test
    void aWebPageAnswering404IsNotTakenForAMissingDataset() {
        // observed: --endpoint https://huggingface.co (the site, not the dataset viewer) said that hugging face has no
        // dataset 'pkuHaowei/sldbench' and to set HF_TOKEN
        server.enqueue(webPage(404));

        EvosldException e = assertThrows(EvosldException.class, () -> client().splits(DATASET));

        assertEquals("hugging face: GET /splits?dataset=pkuHaowei/sldbench answered HTTP 404 with a web page, not JSON"
            + " (\"<!doctype html> <html><head><title>Hugging Face</title></head><body>Not here</body></html>\"): is "
            + server.url("/") + " the dataset viewer's API (--endpoint; by default " + HubClient.DEFAULT_ENDPOINT
            + ")?", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aWebPageAnswering200IsNotRetried() {
        // observed: a sign-in portal's page was asked for four times, each retry saying Jackson's "Unexpected character"
        for (int i = 0; i < 4; i++) {
            server.enqueue(webPage(200));
        }
        List<String> retries = new ArrayList<>();

        EvosldException e = assertThrows(EvosldException.class,
            () -> client().withRetryListener(retries::add).splits(DATASET));

        assertEquals("hugging face: GET /splits?dataset=pkuHaowei/sldbench answered HTTP 200 with a web page, not JSON"
            + " (\"<!doctype html> <html><head><title>Hugging Face</title></head><body>Not here</body></html>\"): is "
            + server.url("/") + " the dataset viewer's API (--endpoint; by default " + HubClient.DEFAULT_ENDPOINT
            + ")?", e.getMessage());
        assertEquals(List.of(), retries);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void blanksOutTheTokenWhereTheServerEchoesIt() {
        server.enqueue(error(400, "bad credentials: Bearer hf_secret123"));

        EvosldException e = assertThrows(EvosldException.class,
            () -> client(Optional.of("hf_secret123")).splits(DATASET));

        assertEquals("hugging face: GET /splits?dataset=pkuHaowei/sldbench failed: HTTP 400 (bad credentials: Bearer"
            + " [token])", e.getMessage());
    }

    @Test
    void blanksOutTheTokenFromAMalformedBodyThatEchoesItInRetriesAndTheFailure() {
        List<String> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok("{\"x\": hf_secret123}"));
        }
        HubClient client = client(Optional.of("hf_secret123")).withRetryListener(retries::add);

        EvosldException e = assertThrows(EvosldException.class, () -> client.splits(DATASET));

        assertEquals(3, retries.size(), retries.toString());
        assertTrue(retries.stream().allMatch(r -> r.contains("[token]") && !r.contains("hf_secret123")), retries.toString());
        assertTrue(e.getMessage().contains("[token]") && !e.getMessage().contains("hf_secret123"), e.getMessage());
    }

    @Test
    void refusesATokenAHeaderCannotCarryWithoutShowingIt() {
        EvosldException e = assertThrows(EvosldException.class, () -> client(Optional.of("hf_secret\u00e9x")));
        assertEquals("HF_TOKEN holds a character an HTTP header cannot carry (at position 10); copy the token again",
            e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void refusesABodyLargerThanAnyPageWithoutReadingItAll() {
        server.enqueue(ok(" ".repeat(17 * 1024 * 1024) + "{}"));

        EvosldException e = assertThrows(EvosldException.class, () -> client().splits(DATASET));

        assertEquals("hugging face: GET /splits?dataset=pkuHaowei/sldbench failed: the response is larger than 16 MiB,"
            + " which no page of rows is", e.getMessage());
        assertEquals(1, server.getRequestCount(), "not retried");
    }

    @Test
    void failsAtOnceOnOtherClientErrors() {
        server.enqueue(error(422, "Parameter 'length' must not be greater than 100"));

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed: HTTP 422 (Parameter 'length' must not be greater than"
            + " 100)", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void retriesABodyShorterThanItsContentLength() {
        String body = FakeHub.resource("rows-moe_scaling_law-test.json");
        server.enqueue(new MockResponse.Builder()
            .code(200)
            .body(body)
            .setHeader("Content-Length", body.length() + 1000)
            .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
        server.enqueue(ok(body));

        assertEquals(3, firstPage().rows().size());

        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void reportsABodyThatStaysTruncated() {
        String body = FakeHub.resource("rows-moe_scaling_law-test.json");
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(body)
                .setHeader("Content-Length", body.length() + 1000)
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        }

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed after 4 attempts: the server closed the connection before the"
            + " answer was complete", e.getMessage());
    }

    @Test
    void retriesACutJsonBodyAndThenReportsIt() {
        String cut = FakeHub.resource("rows-moe_scaling_law-test.json").substring(0, 300);
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok(cut));
        }
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));
        assertEquals(3, firstPage().rows().size());

        for (int i = 0; i < 4; i++) {
            server.enqueue(ok(cut));
        }
        EvosldException e = assertThrows(EvosldException.class, this::firstPage);
        assertTrue(e.getMessage().startsWith("hugging face: " + ROWS_0 + " failed after 4 attempts: malformed JSON"
            + " body ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void failsAtOnceOnAWellFormedBodyOfTheWrongShape() {
        server.enqueue(ok("{\"rows\": [], \"num_rows_total\": 0}"));

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " returned an unexpected body: no 'features' array", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void retriesATimeout() {
        // the first connection's read times out at once, so that no read timeout short enough to wait out here cuts off
        // the answer to the retry
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));
        OkHttpClient timingOut = http.newBuilder().socketFactory(FailingSockets.timingOutReads(1, 1)).build();
        HubClient hub = HubClient.of(timingOut, server.url("/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        assertEquals(3, hub.rows(DATASET, "moe_scaling_law", "test", 0, 100).rows().size());

        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void aRefusedConnectionFailsAtOnceInWords() {
        // observed: three waits of backoff, then "connection failed (Failed to connect to /127.0.0.1:…)"
        HttpUrl closed = server.url("/");
        server.close();
        HubClient hub = HubClient.of(http, closed, Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

        assertEquals("hugging face: cannot reach " + closed + ": connection refused (is a server running there?)",
            e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void anUnknownHostFailsAtOnceInWords() {
        OkHttpClient noDns = http.newBuilder().dns(host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        }).build();
        HubClient hub = HubClient.of(noDns, HttpUrl.get("https://datasets.internal.example/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

        assertEquals("hugging face: cannot reach https://datasets.internal.example/: unknown host"
            + " 'datasets.internal.example' (is the host name right?)", e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aConnectTimeoutFailsAtOnceInWords() {
        OkHttpClient dropping = http.newBuilder().socketFactory(FailingSockets.droppingAll()).build();
        HubClient hub = HubClient.of(dropping, server.url("/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

        assertEquals("hugging face: cannot reach " + server.url("/") + ": timed out connecting (does a firewall drop the"
            + " packets, or is the address wrong?)", e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void anHttpsEndpointOfAPlainHttpServerFailsAtOnceInWords() throws Exception {
        // a plain server answers the TLS hello with a plain-text 400 (MockWebServer itself may instead wait for the end
        // of a request line that the hello's random bytes may never hold, which the client sees as a read timeout)
        try (ServerSocket plain = TestServers.plainAnswering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            HttpUrl https = HttpUrl.get("https://127.0.0.1:" + plain.getLocalPort() + "/");
            HubClient hub = HubClient.of(http, https, Optional.empty())
                .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

            EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

            assertEquals("hugging face: cannot reach " + https + ": the server does not speak TLS (is --endpoint"
                + " http:// rather than https://?)", e.getMessage());
        }
        assertEquals(List.of(), sleeps);
    }

    @Test
    void anHttpsEndpointOfASilentServerFailsAtOnceInWords() throws Exception {
        // observed: a plain server that waits for a request line never answers the TLS hello, and the pull waited out
        // four read timeouts and three backoffs, then said "failed after 4 attempts: timed out waiting for the answer"
        try (ServerSocket silent = TestServers.silent()) {
            HttpUrl https = HttpUrl.get("https://127.0.0.1:" + silent.getLocalPort() + "/");
            OkHttpClient waiting = http.newBuilder().readTimeout(Duration.ofMillis(300)).build();
            HubClient hub = HubClient.of(waiting, https, Optional.empty())
                .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

            EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

            assertEquals("hugging face: cannot reach " + https + ": the server did not answer the TLS handshake (is"
                + " --endpoint http:// rather than https://?)", e.getMessage());
        }
        assertEquals(List.of(), sleeps);
    }

    @Test
    void anHttpsEndpointOfASilentServerIsGivenUpAfterTheConnectTimeoutNotTheReadTimeout() throws Exception {
        // observed: data pull's own client said so only after its 60 s read timeout, meant for a slow page
        OkHttpClient pulling = HubClient.httpClient(Map.of(), Duration.ofMillis(300), Duration.ofSeconds(60));
        try (ServerSocket silent = TestServers.silent()) {
            HttpUrl https = HttpUrl.get("https://127.0.0.1:" + silent.getLocalPort() + "/");
            HubClient hub = HubClient.of(pulling, https, Optional.empty())
                .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

            EvosldException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(EvosldException.class, () -> hub.splits(DATASET)));

            assertEquals("hugging face: cannot reach " + https + ": the server did not answer the TLS handshake (is"
                + " --endpoint http:// rather than https://?)", e.getMessage());
        }
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aRefusedConnectionAfterTheServerAnsweredIsRetried() {
        // a 503 says a server is there and restarting: the refusal that follows is part of the restart
        server.enqueue(error(503, "restarting"));
        server.enqueue(ok(FakeHub.resource("rows-moe_scaling_law-test.json")));
        OkHttpClient blinking = http.newBuilder()
            .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
            .socketFactory(FailingSockets.refusing(2, 2))
            .build();
        HubClient hub = HubClient.of(blinking, server.url("/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        assertEquals(3, hub.rows(DATASET, "moe_scaling_law", "test", 0, 100).rows().size());

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsRetriedAndReportedInWords() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            }
        });

        EvosldException e = assertThrows(EvosldException.class, this::firstPage);

        assertEquals("hugging face: " + ROWS_0 + " failed after 4 attempts: the server closed the connection before"
            + " answering", e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    }

    @Test
    void goesThroughTheProxyTheEnvironmentNames() throws Exception {
        // observed: behind a proxy, where only the proxy resolves outside names, "cannot reach …: unknown host"
        server.enqueue(ok(FakeHub.resource("splits-sldbench.json")));
        OkHttpClient proxied = HubClient.defaultHttpClient(Map.of("HTTP_PROXY", "http://localhost:" + server.getPort()))
            .newBuilder()
            .dns(host -> {
                if (host.equals("localhost")) {
                    return List.of(InetAddress.getLoopbackAddress());
                }
                throw new UnknownHostException(host + ": Name or service not known");
            })
            .build();
        HubClient hub = HubClient.of(proxied, HttpUrl.get("http://datasets.internal.example/"), Optional.empty());

        assertEquals(16, hub.splits(DATASET).size());

        assertEquals("GET http://datasets.internal.example/splits?dataset=pkuHaowei%2Fsldbench HTTP/1.1",
            server.takeRequest().getRequestLine());
    }

    @Test
    void sendsTheProxysCredentialsWhenItAsksForThem() throws Exception {
        server.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
            .build());
        server.enqueue(ok(FakeHub.resource("splits-sldbench.json")));
        OkHttpClient proxied = HubClient.defaultHttpClient(Map.of("http_proxy",
                "http://alice:s3cret@localhost:" + server.getPort()))
            .newBuilder()
            .dns(host -> List.of(InetAddress.getLoopbackAddress()))
            .build();
        HubClient hub = HubClient.of(proxied, HttpUrl.get("http://datasets.internal.example/"), Optional.empty());

        assertEquals(16, hub.splits(DATASET).size());

        assertNull(server.takeRequest().getHeaders().get("Proxy-Authorization"));
        assertEquals(Credentials.basic("alice", "s3cret"), server.takeRequest().getHeaders().get("Proxy-Authorization"));
    }

    @Test
    void aProxyThatCannotBeFoundIsNamedAsTheHostNotFound() {
        OkHttpClient proxied = HubClient.defaultHttpClient(Map.of("HTTPS_PROXY", "http://proxy.corp.example:3128"))
            .newBuilder()
            .dns(host -> {
                throw new UnknownHostException(host + ": Name or service not known");
            })
            .build();
        HubClient hub = HubClient.of(proxied, HubClient.DEFAULT_ENDPOINT, Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

        assertEquals("hugging face: cannot reach https://datasets-server.huggingface.co/ through the proxy"
            + " proxy.corp.example:3128 (HTTPS_PROXY): unknown host 'proxy.corp.example' (is the host name right?)",
            e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aSocksProxyThatRefusesIsNamed() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        HubClient hub = HubClient.of(HubClient.defaultHttpClient(Map.of("all_proxy", "socks5h://127.0.0.1:" + closed)),
            HubClient.DEFAULT_ENDPOINT, Optional.empty()).withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

        assertEquals("hugging face: cannot reach https://datasets-server.huggingface.co/ through the proxy 127.0.0.1:"
            + closed + " (all_proxy): connection refused (is a server running there?)", e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void reportsAnInterruptedWait() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        HubClient hub = HubClient.of(http, server.url("/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(d -> {
                throw new InterruptedException();
            }));

        EvosldException e = assertThrows(EvosldException.class, () -> hub.splits(DATASET));

        assertEquals("hugging face: GET /splits?dataset=pkuHaowei/sldbench was interrupted", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ZERO, d -> {
        });

        assertEquals(List.of(1L, 2L, 4L, 5L, 5L),
            List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4), policy.backoff(40))
                .stream().map(Duration::toSeconds).toList());
    }
}
