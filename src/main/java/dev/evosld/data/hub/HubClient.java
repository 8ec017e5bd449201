package dev.evosld.data.hub;

import dev.evosld.EvosldException;
import dev.evosld.Shortened;
import dev.evosld.http.BoundedHandshakes;
import dev.evosld.http.EnvironmentProxies;
import dev.evosld.http.FailedExchange;
import dev.evosld.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A client of the Hugging Face dataset viewer API (the "datasets-server"): the list of a dataset's configs
 * and splits ({@code GET /splits}) and pages of rows ({@code GET /rows}).
 *
 * <p>A request that fails for a reason that may pass (a 5xx status, a 429, a read timeout, a dropped connection,
 * a cut or unparsable body) is retried as its {@link RetryPolicy} says, a 429's {@code Retry-After} seconds
 * honoured; when the attempts run out it fails with one line such as {@code hugging face: GET
 * /rows?dataset=…&offset=100&length=100 failed after 4 attempts: HTTP 503}. A 401, 403, 404 or other 4xx
 * fails at once, and so does a request that cannot reach the server at all (a refused connection, an unknown host,
 * a connect timeout, TLS to a plain-HTTP server) before the server has answered any request of its {@link HubSession},
 * in one line such as {@code hugging face: cannot reach https://…/: connection refused (is a server running there?)};
 * after an answer, such a fault is a server restarting mid-pull and is retried. Every failure is an
 * {@link EvosldException} whose message never holds the token. What a body holds, {@link ViewerBodies} reads.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HubClient {
    /** The public dataset viewer. */
    public static final HttpUrl DEFAULT_ENDPOINT = HttpUrl.get("https://datasets-server.huggingface.co");

    /** The most rows {@code /rows} gives in one page. */
    public static final int MAX_PAGE_LENGTH = 100;

    /** The environment variable holding a Hugging Face access token, as the Hugging Face tools name it. */
    public static final String TOKEN_VARIABLE = "HF_TOKEN";
    /** The shortest token blanked out of messages (see {@link #blank}). */
    static final int BLANKED_LENGTH = 8;

    // Long enough for the dataset viewer's error sentences, short enough to keep a message on one screen line.
    private static final int ERROR_TEXT_LIMIT = 240;
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    private static final long BODY_LIMIT = 16L * 1024 * 1024;

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final String token;
    private final RetryPolicy retry;
    private final Consumer<String> retrying;

    private HubClient(OkHttpClient http, HttpUrl endpoint, String token, RetryPolicy retry, Consumer<String> retrying) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.token = token;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.retrying = Objects.requireNonNull(retrying, "retrying");
    }

    /**
     * This client, telling {@code retrying} each time it waits to try a request again (what failed, and how long it
     * waits): a slow or failing server otherwise means minutes of silence.
     */
    public HubClient withRetryListener(Consumer<String> retrying) {
        return new HubClient(http, endpoint, token, retry, retrying);
    }

    /**
     * A client of the dataset viewer at {@code endpoint} with the default {@link RetryPolicy}.
     *
     * @param token an access token, sent as {@code Authorization: Bearer …}; empty for anonymous requests
     */
    public static HubClient of(OkHttpClient http, HttpUrl endpoint, Optional<String> token) {
        String bearer = token.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        if (bearer != null) {
            for (int i = 0; i < bearer.length(); i++) {
                char c = bearer.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    // the character itself is not shown: it is part of a secret
                    throw new EvosldException(TOKEN_VARIABLE + " holds a character an HTTP header cannot carry (at"
                        + " position " + (i + 1) + "); copy the token again");
                }
            }
        }
        return new HubClient(http, endpoint, bearer, RetryPolicy.defaults(), message -> { });
    }

    /** A client that takes its token from {@value #TOKEN_VARIABLE} in {@code environment}, if set and not blank. */
    public static HubClient fromEnvironment(OkHttpClient http, HttpUrl endpoint, Map<String, String> environment) {
        return of(http, endpoint, Optional.ofNullable(environment.get(TOKEN_VARIABLE)));
    }

    /**
     * An HTTP client with timeouts fit for the dataset viewer (its pages are small, but it can be slow), through the
     * proxy the environment names ({@link EnvironmentProxies}).
     *
     * @param environment the process environment, {@code System.getenv()} outside tests
     * @throws EvosldException when a proxy variable does not hold a proxy URL
     */
    public static OkHttpClient defaultHttpClient(Map<String, String> environment) {
        return httpClient(environment, Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    /** {@link #defaultHttpClient} with other timeouts, for tests that cannot wait out the real ones. */
    static OkHttpClient httpClient(Map<String, String> environment, Duration connectTimeout, Duration readTimeout) {
        return BoundedHandshakes.applyTo(EnvironmentProxies.from(environment).applyTo(new OkHttpClient.Builder()),
                connectTimeout)
            .readTimeout(readTimeout)
            .callTimeout(Duration.ofMinutes(2))
            .build();
    }

    /** This client with another retry policy. */
    public HubClient withRetryPolicy(RetryPolicy policy) {
        return new HubClient(http, endpoint, token, policy, retrying);
    }

    /** The dataset viewer's base URL. */
    public HttpUrl endpoint() {
        return endpoint;
    }

    /** Whether requests carry a token. */
    public boolean hasToken() {
        return token != null;
    }

    /**
     * A new session of requests through this client, which remembers whether the server has answered: a pull sends
     * all its requests through one, so that a moment's outage midway is retried rather than taken for a wrong address.
     */
    public HubSession session() {
        return new HubSession(this);
    }

    /** The configs and splits of {@code dataset}, in the server's order; one request of a session of its own. */
    public List<DatasetSplit> splits(String dataset) {
        return splits(dataset, session());
    }

    List<DatasetSplit> splits(String dataset, HubSession session) {
        try {
            return fetchSplits(dataset, session);
        } catch (EvosldException e) {
            throw blanked(e);
        }
    }

    private List<DatasetSplit> fetchSplits(String dataset, HubSession session) {
        HttpUrl url = endpoint.newBuilder()
            .addPathSegment("splits")
            .addQueryParameter("dataset", dataset)
            .build();
        String what = describe(url);
        JsonNode root = get(url, session, detail -> "hugging face has no dataset '" + dataset + "'"
            + (token == null ? " (or it is private or gated: set " + TOKEN_VARIABLE + ")" : "") + detail);
        return ViewerBodies.splits(root, what);
    }

    /**
     * Rows {@code offset} to {@code offset + length − 1} of a split, fewer at its end; one request of a session of its
     * own.
     *
     * @param length the page size, 1 to {@value #MAX_PAGE_LENGTH}
     */
    public RowsPage rows(String dataset, String config, String split, long offset, int length) {
        return rows(dataset, config, split, offset, length, session());
    }

    RowsPage rows(String dataset, String config, String split, long offset, int length, HubSession session) {
        try {
            return fetchRows(dataset, config, split, offset, length, session);
        } catch (EvosldException e) {
            throw blanked(e);
        }
    }

    private RowsPage fetchRows(
        String dataset, String config, String split, long offset, int length, HubSession session) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, not " + offset);
        }
        if (length < 1 || length > MAX_PAGE_LENGTH) {
            throw new IllegalArgumentException("length must be 1 to " + MAX_PAGE_LENGTH + ", not " + length);
        }
        HttpUrl url = endpoint.newBuilder()
            .addPathSegment("rows")
            .addQueryParameter("dataset", dataset)
            .addQueryParameter("config", config)
            .addQueryParameter("split", split)
            .addQueryParameter("offset", Long.toString(offset))
            .addQueryParameter("length", Integer.toString(length))
            .build();
        String what = describe(url);
        JsonNode root = get(url, session, detail -> "hugging face: " + what + " failed: HTTP 404" + detail + " (no such config, split"
            + " or rows in dataset '" + dataset + "')");
        return ViewerBodies.rows(root, what);
    }

    private JsonNode get(HttpUrl url, HubSession session, UnaryOperator<String> notFound) {
        String what = describe(url);
        Request request = request(url);
        for (int attempt = 1; ; attempt++) {
            switch (attempt(request, what, session, notFound)) {
                case Attempt.Done(JsonNode body) -> {
                    return body;
                }
                case Attempt.Retry(String reason, Duration retryAfter) -> {
                    if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
                        throw new EvosldException("hugging face: " + what + " failed: " + reason
                            + ", and the server asks to wait " + retryAfter.toSeconds() + " s; try again later");
                    }
                    if (attempt >= retry.maxAttempts()) {
                        throw new EvosldException("hugging face: " + what + " failed after " + attempt
                            + (attempt == 1 ? " attempt: " : " attempts: ") + reason);
                    }
                    Duration wait = retryAfter == null ? retry.backoff(attempt) : retryAfter;
                    retrying.accept(blank("hugging face: " + what + ": " + reason + "; trying again in "
                        + Math.max(1, Math.round(wait.toMillis() / 1000.0)) + " s (attempt " + (attempt + 1) + " of "
                        + retry.maxAttempts() + ")"));
                    sleep(wait, what);
                }
            }
        }
    }

    private void sleep(Duration wait, String what) {
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvosldException("hugging face: " + what + " was interrupted", e);
        }
    }

    /** The result of one attempt that did not fail for good: a parsed body, or a reason to try again. */
    private sealed interface Attempt {
        record Done(JsonNode body) implements Attempt {
        }

        /** @param retryAfter the server's {@code Retry-After}, or {@code null} when it named none */
        record Retry(String reason, Duration retryAfter) implements Attempt {
        }
    }

    private Attempt attempt(Request request, String what, HubSession session, UnaryOperator<String> notFound) {
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            return transportFailure(e, what, session);
        }
        // any status, even an error, shows the endpoint is right and a server there
        session.markAnswered();
        try (response) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                String body;
                try {
                    BufferedSource source = response.body().source();
                    // a page of rows is a few kilobytes: a body past the limit is no answer, and must not fill memory
                    if (response.body().contentLength() > BODY_LIMIT || source.request(BODY_LIMIT + 1)) {
                        throw new EvosldException("hugging face: " + what + " failed: the response is larger than "
                            + BODY_LIMIT / (1024 * 1024) + " MiB, which no page of rows is");
                    }
                    body = source.readUtf8();
                } catch (IOException e) {
                    return transportFailure(e, what, session);
                }
                if (isWebPage(body)) {
                    throw webPage(what, code, body);
                }
                return parse(body);
            }
            if (code == 404) {
                String body = peek(response);
                if (isWebPage(body)) {
                    throw webPage(what, code, body);
                }
            }
            String detail = errorText(response);
            return switch (code) {
                case 401 -> throw new EvosldException("hugging face: " + what + " failed: HTTP 401" + detail
                    + (token == null
                        ? "; set " + TOKEN_VARIABLE + " to a Hugging Face access token"
                        : "; the token in " + TOKEN_VARIABLE + " was refused"));
                case 403 -> throw new EvosldException("hugging face: " + what + " failed: HTTP 403" + detail
                    + (token == null
                        ? "; set " + TOKEN_VARIABLE + " to a Hugging Face access token"
                        : "; the account of the token in " + TOKEN_VARIABLE + " has no access"));
                case 404 -> throw new EvosldException(notFound.apply(detail));
                default -> {
                    if (code == 429 || code >= 500) {
                        yield new Attempt.Retry("HTTP " + code + detail, retryAfter(response));
                    }
                    throw new EvosldException("hugging face: " + what + " failed: HTTP " + code + detail);
                }
            };
        }
    }

    /**
     * Whether a body is HTML: the answer of a web site or a sign-in portal rather than of the dataset viewer, whose
     * answers and errors are JSON. Such a page will not turn into rows on a retry, and its 404 says nothing of the
     * dataset.
     */
    private static boolean isWebPage(String body) {
        return body.stripLeading().startsWith("<");
    }

    private EvosldException webPage(String what, int code, String body) {
        return new EvosldException("hugging face: " + what + " answered HTTP " + code + " with a web page, not JSON (\""
            + oneLine(blank(body)) + "\"): is " + endpoint + " the dataset viewer's API (--endpoint; by default "
            + DEFAULT_ENDPOINT + ")?");
    }

    /** The start of an error's body, or nothing when it cannot be read. */
    private static String peek(Response response) {
        try {
            return response.peekBody(ERROR_BODY_LIMIT).string();
        } catch (IOException e) {
            return "";
        }
    }

    private static Attempt parse(String body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return new Attempt.Retry("malformed JSON body (" + oneLine(e.getOriginalMessage()) + ")", null);
        }
        // A cut body can still parse (as nothing at all); only an object is a dataset viewer answer.
        if (root == null || !root.isObject()) {
            return new Attempt.Retry("malformed JSON body (not a JSON object)", null);
        }
        return new Attempt.Done(root);
    }

    /**
     * A retry for a fault below HTTP that may pass (a reset or cut connection, a read timeout), or the failure for one
     * of the address (a refused connection, an unknown host, a connect timeout, a failed TLS handshake) while the
     * server has never answered the session, which a pull could only wait out to fail the same way. Once it has
     * answered, the address is right, and such a fault is a restart or a blink of the network that may pass.
     */
    private Attempt.Retry transportFailure(IOException e, String what, HubSession session) {
        if (Thread.currentThread().isInterrupted()) {
            throw new EvosldException("hugging face: " + what + " was interrupted", e);
        }
        FailedExchange failed = FailedExchange.of(e, http, endpoint, "--endpoint");
        if (failed.fault().lasting() && !session.answered()) {
            throw new EvosldException("hugging face: " + failed.cannotReach(endpoint.toString()));
        }
        return new Attempt.Retry(failed.fault().reason(), null);
    }

    private Request request(HttpUrl url) {
        Request.Builder request = new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .header("User-Agent", "evosld");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** The {@code Retry-After} in seconds; the HTTP-date form is left to the usual backoff. */
    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }

    /**
     * {@code text} with the token blanked out: a server may echo a request's headers into anything it sends, and
     * messages quote what it sent (a malformed body, a cell that is not a number). A token shorter than
     * {@value #BLANKED_LENGTH} characters, which no Hugging Face token is, would match ordinary words of the message
     * and is left alone.
     */
    String blank(String text) {
        return token == null || token.length() < BLANKED_LENGTH || text == null ? text : text.replace(token, "[token]");
    }

    /** {@code e}, or the same failure with the token blanked out of its message. */
    EvosldException blanked(EvosldException e) {
        String message = e.getMessage();
        String blanked = blank(message);
        return blanked == null || blanked.equals(message) ? e : new EvosldException(blanked, e.getCause());
    }

    /**
     * The dataset viewer's {@code {"error": "…"}} text as {@code " (…)"}, or nothing; the token, should a server echo
     * it, is blanked out.
     */
    private String errorText(Response response) {
        try {
            JsonNode body = Json.mapper().readTree(response.peekBody(ERROR_BODY_LIMIT).string());
            JsonNode error = body == null ? null : body.get("error");
            if (error != null && error.isString() && !error.stringValue().isBlank()) {
                return " (" + oneLine(blank(error.stringValue())) + ")";
            }
        } catch (IOException | JacksonException e) {
            // an HTML error page from a proxy, or no body at all: the status says enough
        }
        return "";
    }

    /** {@code text} on one line, cut between code points: a cut inside a surrogate pair leaves half a character. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return Shortened.of(line, ERROR_TEXT_LIMIT);
    }

    private static String describe(HttpUrl url) {
        String query = url.query();
        return "GET " + url.encodedPath() + (query == null ? "" : "?" + query);
    }
}
