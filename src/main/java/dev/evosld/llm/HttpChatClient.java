package dev.evosld.llm;

import dev.evosld.http.BoundedHandshakes;
import dev.evosld.http.EnvironmentProxies;
import dev.evosld.http.FailedExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A {@link ChatClient} for an OpenAI-compatible {@code POST /chat/completions} endpoint, asking for a
 * JSON object answer ({@code response_format: {"type": "json_object"}}). An endpoint that refuses that (a 400 or 422
 * naming {@code response_format}, as some vLLM, Ollama and llama.cpp versions and gateways answer) is asked again at
 * once without it, and so for the rest of the client's life, which is a run's; the warnings are told so in one line. So
 * is one that refuses {@code max_tokens} for {@code max_completion_tokens}, or the temperature, as OpenAI's reasoning
 * models do ({@link ChatRequest.Wire}).
 * The API key goes as a bearer token, or in an {@code api-key} header to Azure's deployment URLs, which read no other.
 *
 * <p>Faults that may pass (timeouts, reset connections, HTTP 429 and 5xx; refused connections once the endpoint has
 * answered) are retried up to {@link LlmSettings#maxRetries()} times with exponential backoff from 1 s, doubling,
 * capped at 60 s; a {@code Retry-After} header, in seconds or as a date (or Azure's {@code retry-after-ms}), replaces
 * the computed wait. A body that is not a chat completion is retried once at most: a proxy may have cut it, but a
 * server that always answers that way will not change its mind. HTTP 401 and 403 throw {@link LlmAuthException}, and 404, 405 and 501 (no such URL, or none that
 * takes a POST) a {@link LlmStopException}, at once, as does a redirect that turns the POST into a GET; so do a refused
 * connection, an unknown host, a connect timeout and a failed TLS handshake before the endpoint has ever answered (a
 * read timeout, a slow model, is retried). Other HTTP errors throw {@link LlmException} at once. Given the time a run
 * has left ({@link #complete(ChatRequest, Duration)}), no attempt runs and no retry waits past it. What a body says,
 * an answer or an error, {@link ChatAnswers} reads.
 */
public final class HttpChatClient implements ChatClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final LlmSettings settings;
    private final ChatAnswers answers;
    private final OkHttpClient http;
    /** The largest response body read; a chat answer of a few thousand tokens is a few kilobytes. */
    private static final long BODY_LIMIT = 4L * 1024 * 1024;
    /** How much of an error's body past {@link #BODY_LIMIT} is read, for the start of its words. */
    private static final long ERROR_BODY_READ = 64 * 1024;

    private final LlmUsage usage;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final RandomGenerator jitter;
    /**
     * Whether the endpoint has answered at all, with any HTTP status: until it has, a refused connection, an unknown host,
     * a connect timeout or a failed TLS handshake means a wrong URL or no server, which no retry mends; after, a server restarting.
     */
    private volatile boolean reached;
    /** How requests are worded: the standard form until the endpoint refuses a part of it, for the rest of the run. */
    private final AtomicReference<ChatRequest.Wire> wire = new AtomicReference<>(ChatRequest.Wire.STANDARD);
    private final Consumer<String> warnings;

    private HttpChatClient(Builder builder) {
        this.settings = builder.settings;
        this.answers = new ChatAnswers(settings);
        this.usage = builder.usage;
        this.sleeper = builder.sleeper;
        this.backoff = builder.backoff;
        this.jitter = builder.jitter;
        this.warnings = builder.warnings;
        this.http = BoundedHandshakes.applyTo(EnvironmentProxies.from(builder.environment)
                .applyTo(new OkHttpClient.Builder()), settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            // a server that trickles its answer resets the read timeout with every byte: bound the whole call too
            .callTimeout(settings.readTimeout())
            .dns(builder.dns)
            .socketFactory(builder.sockets)
            .build();
    }

    /** A builder for a client of the endpoint in {@code settings}. */
    public static Builder builder(LlmSettings settings) {
        return new Builder(settings);
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return complete(request, ChronoUnit.FOREVER.getDuration());
    }

    /**
     * {@inheritDoc} An attempt is cut short, and a retry not waited for, where it would end past {@code timeLeft}: a
     * run's time limit bounds its LLM rounds too.
     */
    @Override
    public ChatResponse complete(ChatRequest request, Duration timeLeft) {
        long started = System.nanoTime();
        boolean retriedMalformed = false;
        boolean waitedOutBefore = false;
        int retry = 0;
        while (true) {
            Duration left = timeLeft.minusNanos(System.nanoTime() - started);
            if (!left.isPositive()) {
                usage.recordFailure();
                throw new LlmException("llm: POST " + settings.chatCompletionsUrl()
                    + ": the run's time limit leaves no time for a request");
            }
            ChatRequest.Wire asked = wire.get();
            Attempt attempt;
            try {
                attempt = send(httpRequest(request, asked), asked, left);
            } catch (LlmException e) {
                usage.recordFailure();
                throw e;
            }
            switch (attempt) {
                case Attempt.Answered answered -> {
                    usage.recordTokens(answered.response().usage());
                    return answered.response();
                }
                case Attempt.Malformed malformed -> {
                    if (retriedMalformed || retry >= settings.maxRetries()) {
                        usage.recordFailure();
                        throw new LlmException("llm: " + malformed.reason());
                    }
                    retriedMalformed = true;
                    pause(retry, OptionalDouble.empty(), timeLeft.minusNanos(System.nanoTime() - started),
                        malformed.reason());
                    retry++;
                }
                case Attempt.Reworded reworded -> {
                    // asked again at once, and not as a retry: the server said what it will take, and no wait changes it
                    if (wire.compareAndSet(asked, reworded.wire())) {
                        warnings.accept(reworded.notice());
                    }
                }
                case Attempt.Transient fault -> {
                    // a model that outlasts the timeout twice running is slower than the option allows: the next
                    // attempts would each wait as long again, for the same answer
                    boolean slow = fault.waitedItOut() && waitedOutBefore;
                    if (retry >= settings.maxRetries() || slow) {
                        usage.recordFailure();
                        throw new LlmException("llm: POST %s failed after %d attempt%s: %s%s".formatted(
                            settings.chatCompletionsUrl(), retry + 1, retry == 0 ? "" : "s", fault.reason(),
                            slow ? ", twice running; a slow model needs a longer --llm-timeout" : ""));
                    }
                    waitedOutBefore = fault.waitedItOut();
                    pause(retry, fault.retryAfterSeconds(), timeLeft.minusNanos(System.nanoTime() - started),
                        fault.reason());
                    retry++;
                }
            }
        }
    }

    /** Shuts down OkHttp's idle connections and threads. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Request httpRequest(ChatRequest request, ChatRequest.Wire asked) {
        Request.Builder http = new Request.Builder()
            .url(settings.chatCompletionsUrl())
            .header("Accept", "application/json")
            .post(RequestBody.create(request.wireJson(asked), JSON));
        settings.apiKey().ifPresent(key -> {
            if (settings.takesKeyAsApiKeyHeader()) {
                http.header("api-key", key);
            } else {
                http.header("Authorization", "Bearer " + key);
            }
        });
        return http.build();
    }

    /**
     * One exchange, cut short at {@code left} when that comes before the client's own timeout.
     *
     * @param asked how {@code request} is worded
     */
    private Attempt send(Request request, ChatRequest.Wire asked, Duration left) {
        usage.recordCall();
        long sent = System.nanoTime();
        Call call = http.newCall(request);
        if (left.compareTo(settings.readTimeout()) < 0) {
            call.timeout().timeout(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
        }
        try (Response response = call.execute()) {
            reached = true;
            droppedPost(response).ifPresent(redirect -> {
                throw new LlmStopException(redirect);
            });
            int status = response.code();
            BufferedSource source = response.body().source();
            // an answer of a few thousand tokens is kilobytes: anything past the limit is no answer
            boolean oversized = source.request(BODY_LIMIT + 1);
            if (oversized && response.isSuccessful()) {
                return new Attempt.Malformed("the endpoint's answer is larger than " + BODY_LIMIT / (1024 * 1024)
                    + " MiB");
            }
            // an error is told by its status, whatever its size; of its words only the start is ever shown
            String body = oversized ? source.readUtf8(ERROR_BODY_READ) : source.readUtf8();
            if (response.isSuccessful()) {
                return answers.parse(body, Objects.requireNonNullElse(response.header("Content-Type"), ""));
            }
            if (status == 401 || status == 403) {
                throw new LlmAuthException(status, settings.apiKey().isPresent(), answers.errorDetail(body));
            }
            if (status == 400 || status == 422) {
                Optional<Attempt> reworded = reworded(asked, status, body);
                if (reworded.isPresent()) {
                    return reworded.get();
                }
            }
            if (status == 404 || status == 405 || status == 501) {
                // an unknown model, a wrong URL, or a server that takes no POST there (a web server's 405 or 501, which
                // no wait turns into an API): no later round will find it
                throw new LlmStopException("llm: POST %s was rejected (HTTP %d)%s%s".formatted(
                    settings.chatCompletionsUrl(), status, answers.errorDetail(body),
                    settings.urlHint().or(() -> defaultModelHint(body)).map(h -> "; " + h).orElse("")));
            }
            if (status == 429 || status >= 500) {
                Date serverNow = response.headers().getDate("Date");
                OptionalDouble retryAfter = Backoff.parseRetryAfterMillis(response.header("retry-after-ms"));
                if (retryAfter.isEmpty()) {
                    retryAfter = Backoff.parseRetryAfter(response.header("Retry-After"),
                        serverNow == null ? Instant.now() : serverNow.toInstant());
                }
                // waiting longer than an answer may take would spend the search's time on nothing
                if (retryAfter.isPresent() && retryAfter.getAsDouble() > settings.readTimeout().toSeconds()) {
                    throw new LlmException("llm: POST %s: HTTP %d%s, and the endpoint asks to wait %.0f s, longer than"
                        .formatted(settings.chatCompletionsUrl(), status, answers.errorDetail(body),
                            retryAfter.getAsDouble())
                        + " --llm-timeout");
                }
                return new Attempt.Transient("HTTP " + status + answers.errorDetail(body), retryAfter, false);
            }
            throw new LlmException("llm: POST %s was rejected (HTTP %d)%s%s".formatted(
                settings.chatCompletionsUrl(), status, answers.errorDetail(body),
                defaultModelHint(body).map(h -> "; " + h).orElse("")));
        } catch (IOException e) {
            FailedExchange failed = FailedExchange.of(e, http, HttpUrl.get(settings.baseUrl()), "the base URL");
            if (failed.fault().lasting() && !reached) {
                // a misspelt host, no server, an address that drops packets, the wrong scheme: none heals with time,
                // and a server still loading would take longer than any backoff we could wait
                throw new LlmStopException("llm: " + failed.cannotReach(settings.baseUrl()));
            }
            // an endpoint that has answered and now refuses or times out is restarting or busy: that may pass. One that
            // took all of --llm-timeout may be a slow model (a local one on a CPU), whose user must learn the option
            boolean waitedItOut = System.nanoTime() - sent >= settings.readTimeout().toNanos();
            return new Attempt.Transient(failed.fault().reason() + (waitedItOut ? " for all of --llm-timeout ("
                + duration(settings.readTimeout()) + ")" : ""), OptionalDouble.empty(), waitedItOut);
        }
    }

    /**
     * The request's wording without the part the endpoint refused, with the line that says so, when the refusal names a
     * part some endpoints refuse (the message, an OpenAI-style {@code param} or a validator's field path names it);
     * empty for another refusal.
     */
    private Optional<Attempt> reworded(ChatRequest.Wire asked, int status, String body) {
        String named = body.toLowerCase(Locale.ROOT);
        // a server's reason often ends in a full stop ("Use 'max_completion_tokens' instead."), before a semicolon here
        String detail = answers.errorDetail(body).replaceFirst("(?<!\\.)\\.$", "");
        String refused = "llm: POST " + settings.chatCompletionsUrl() + " refused %s (HTTP " + status + ")" + detail
            + "; the requests ";
        if (asked.jsonMode() && named.contains("response_format")) {
            return Optional.of(new Attempt.Reworded(asked.withoutJsonMode(), refused.formatted("response_format")
                + "go without it for the rest of the run, and the laws are read from the answer's text"));
        }
        if (!asked.maxCompletionTokens() && named.contains("max_tokens") && named.contains("max_completion_tokens")) {
            return Optional.of(new Attempt.Reworded(asked.withMaxCompletionTokens(), refused.formatted("max_tokens")
                + "give --llm-max-tokens as max_completion_tokens for the rest of the run"));
        }
        if (asked.temperature() && named.contains("temperature")) {
            return Optional.of(new Attempt.Reworded(asked.withoutTemperature(), refused.formatted("the temperature")
                + "go without --llm-temperature for the rest of the run, at the model's own"));
        }
        return Optional.empty();
    }

    /**
     * What to do when the server refuses the model and the model is {@link LlmSettings#DEFAULT_MODEL}, which a user
     * of a local server (Ollama: 'model "gpt-4o-mini" not found, try pulling it first') or of a router naming models by
     * their maker (OpenRouter answers 400) may not know was sent: the server's words name the model, not the option.
     */
    private Optional<String> defaultModelHint(String body) {
        return settings.model().equals(LlmSettings.DEFAULT_MODEL) && body.contains(LlmSettings.DEFAULT_MODEL)
            ? Optional.of(LlmSettings.DEFAULT_MODEL + " is EvoSLD's default model: name one the server has with"
                + " --llm-model (or OPENAI_MODEL)")
            : Optional.empty();
    }

    /** {@code duration} in whole seconds, or in milliseconds where it has a fraction of a second. */
    private static String duration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /**
     * Why {@code response} answers no POST of ours, when a redirect on the way (a 301, 302 or 303, as an http:// URL
     * moved to https:// gets) made the client ask again with a GET and no body: whatever that GET got, a 405 or a web
     * page, says nothing of the endpoint. A 307 or 308 keeps the POST, and is followed.
     */
    private Optional<String> droppedPost(Response response) {
        if (response.request().method().equals("POST")) {
            return Optional.empty();
        }
        for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
            if (prior.request().method().equals("POST")) {
                HttpUrl moved = prior.request().url().resolve(Objects.requireNonNullElse(prior.header("Location"), ""));
                String target = moved == null ? "elsewhere" : "to " + moved;
                Optional<HttpUrl> base = moved == null ? Optional.empty() : baseOf(moved);
                return Optional.of("llm: POST %s was redirected (HTTP %d) %s, which a client follows without the request,"
                    .formatted(prior.request().url(), prior.code(), target) + " as a GET"
                    + base.map(url -> ": is the base URL " + url + "?").orElse(""));
            }
        }
        return Optional.empty();
    }

    /** The base URL whose chat completions endpoint {@code endpoint} is, query and all; empty for another URL. */
    private static Optional<HttpUrl> baseOf(HttpUrl endpoint) {
        String path = endpoint.encodedPath().replaceFirst("/chat/completions/?$", "");
        if (path.equals(endpoint.encodedPath())) {
            return Optional.empty();
        }
        return Optional.of(endpoint.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build());
    }

    /**
     * Waits before retry number {@code retry} (0 for the first), or gives up when the wait would use up {@code left}.
     *
     * @param fault what went wrong with the attempt before
     */
    private void pause(int retry, OptionalDouble retryAfterSeconds, Duration left, String fault) {
        Duration delay = backoff.delay(retry, retryAfterSeconds, jitter);
        if (delay.compareTo(left) >= 0) {
            usage.recordFailure();
            throw new LlmException("llm: POST %s failed after %d attempt%s: %s; the run's time limit leaves no time to"
                .formatted(settings.chatCompletionsUrl(), retry + 1, retry == 0 ? "" : "s", fault) + " try again");
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            usage.recordFailure();
            throw new LlmException("llm: interrupted while waiting to retry", e);
        }
    }

    /** What one HTTP exchange produced. */
    sealed interface Attempt {
        record Answered(ChatResponse response) implements Attempt {
        }

        record Malformed(String reason) implements Attempt {
        }

        /** A fault that may pass; {@code waitedItOut} when the attempt took all of {@code --llm-timeout}. */
        record Transient(String reason, OptionalDouble retryAfterSeconds, boolean waitedItOut) implements Attempt {
        }

        /**
         * The endpoint refused a part of the request that it may go without.
         *
         * @param wire the wording without it
         * @param notice the line that tells the user so
         */
        record Reworded(ChatRequest.Wire wire, String notice) implements Attempt {
        }
    }

    /** Waits between retries; tests substitute one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        /** Sleeps the calling thread. */
        static Sleeper system() {
            return duration -> Thread.sleep(duration);
        }
    }

    /** Configures an {@link HttpChatClient}. */
    public static final class Builder {
        private final LlmSettings settings;
        private LlmUsage usage = new LlmUsage();
        private Sleeper sleeper = Sleeper.system();
        private Backoff backoff = Backoff.STANDARD;
        private RandomGenerator jitter;
        private Dns dns = Dns.SYSTEM;
        private SocketFactory sockets = SocketFactory.getDefault();
        private Map<String, String> environment = Map.of();
        private Consumer<String> warnings = line -> {
        };

        private Builder(LlmSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Where calls, failures and tokens are counted; a private counter by default. */
        public Builder usage(LlmUsage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
            return this;
        }

        /** How to wait between retries; {@link Sleeper#system()} by default. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Spreads retry waits uniformly over [d/2, d] with draws from {@code random}, so that clients
         * that failed together do not retry together. No jitter by default; pass a seeded generator to
         * keep runs repeatable.
         */
        public Builder jitter(RandomGenerator random) {
            this.jitter = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The process environment, whose {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} choose a proxy;
         * none by default.
         *
         * @throws dev.evosld.EvosldException at {@link #build()}, when a proxy variable does not hold a proxy URL
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Where the one-line notice goes that the endpoint refused {@code response_format}; dropped by default. */
        public Builder warnings(Consumer<String> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /** How sockets are made; tests substitute one whose connects time out at once. */
        Builder socketFactory(SocketFactory sockets) {
            this.sockets = Objects.requireNonNull(sockets, "sockets");
            return this;
        }

        /** How host names are looked up; tests substitute one that never asks the network. */
        Builder dns(Dns dns) {
            this.dns = Objects.requireNonNull(dns, "dns");
            return this;
        }

        Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        public HttpChatClient build() {
            return new HttpChatClient(this);
        }
    }
}
