package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private static final String SPLITS = "GET /splits?dataset=pkuHaowei/sldbench";
    private static final String SPLITS_BODY = "{\"splits\": [], \"pending\": [], \"failed\": []}";

    private final List<Duration> sleeps = new ArrayList<>();
    @AutoClose
    private final MockWebServer server = TestServers.started(null);

    private static RetryPolicy policy(int attempts, long firstMillis, long maxMillis, long maxRetryAfterSeconds) {
        return new RetryPolicy(attempts, Duration.ofMillis(firstMillis), Duration.ofMillis(maxMillis),
            Duration.ofSeconds(maxRetryAfterSeconds), d -> {
            });
    }

    private static List<Long> backoffMillis(RetryPolicy policy, int failures) {
        return IntStream.rangeClosed(1, failures).mapToObj(k -> policy.backoff(k).toMillis()).toList();
    }

    private HubClient client(RetryPolicy policy) {
        return HubClient.of(new OkHttpClient(), server.url("/"), Optional.empty())
            .withRetryPolicy(policy.withSleeper(sleeps::add));
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    private static MockResponse status(int code, String retryAfter) {
        return new MockResponse.Builder().code(code).addHeader("Retry-After", retryAfter).build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(SPLITS_BODY)
            .build();
    }

    @Test
    void defaultsAreFourAttemptsWaitingOneTwoFourSecondsUpToSixteenAndRetryAfterUpToTwoMinutes() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertEquals(4, defaults.maxAttempts());
        assertEquals(Duration.ofSeconds(1), defaults.firstDelay());
        assertEquals(Duration.ofSeconds(16), defaults.maxDelay());
        assertEquals(Duration.ofMinutes(2), defaults.maxRetryAfter());
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 16000L), backoffMillis(defaults, 6));
    }

    @Test
    void backoffIsTheSameSequenceEveryTimeSinceItHasNoJitter() {
        RetryPolicy policy = policy(8, 300, 2000, 60);

        assertEquals(List.of(300L, 600L, 1200L, 2000L, 2000L, 2000L), backoffMillis(policy, 6));
        assertEquals(backoffMillis(policy, 6), backoffMillis(policy(8, 300, 2000, 60), 6));
    }

    @Test
    void aFirstDelayAboveTheCapIsCutToTheCapFromTheFirstWait() {
        assertEquals(List.of(500L, 500L, 500L), backoffMillis(policy(4, 2000, 500, 60), 3));
    }

    @Test
    void aZeroFirstDelayRetriesAtOnceEveryTime() {
        assertEquals(List.of(0L, 0L, 0L), backoffMillis(policy(4, 0, 1000, 60), 3));
    }

    @Test
    void aVeryLateFailureStillWaitsTheCapRatherThanOverflowing() {
        // the doubling stops at the cap, so a large failure count cannot overflow Duration
        assertEquals(Duration.ofHours(1), policy(10, 1, 3_600_000, 60).backoff(10_000));
    }

    @Test
    void withSleeperAndWithMaxAttemptsKeepTheOtherSettings() {
        RetryPolicy.Sleeper sleeper = sleeps::add;
        RetryPolicy base = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(7), Duration.ofSeconds(9), d -> {
        });

        RetryPolicy changed = base.withSleeper(sleeper).withMaxAttempts(6);

        assertEquals(new RetryPolicy(6, Duration.ofMillis(5), Duration.ofMillis(7), Duration.ofSeconds(9), sleeper),
            changed);
        assertEquals(3, base.maxAttempts(), "the policy is a value: withMaxAttempts gives a new one");
    }

    @Test
    void refusesFewerThanOneAttemptAndNegativeDelaysNamingTheField() {
        Duration second = Duration.ofSeconds(1);
        Duration negative = Duration.ofMillis(-1);
        RetryPolicy.Sleeper none = d -> {
        };

        assertEquals("maxAttempts must be at least 1, not 0", assertThrows(IllegalArgumentException.class,
            () -> new RetryPolicy(0, second, second, second, none)).getMessage());
        assertEquals("firstDelay must not be negative, not PT-0.001S", assertThrows(IllegalArgumentException.class,
            () -> new RetryPolicy(1, negative, second, second, none)).getMessage());
        assertEquals("maxDelay must not be negative, not PT-0.001S", assertThrows(IllegalArgumentException.class,
            () -> new RetryPolicy(1, second, negative, second, none)).getMessage());
        assertEquals("maxRetryAfter must not be negative, not PT-0.001S", assertThrows(IllegalArgumentException.class,
            () -> new RetryPolicy(1, second, second, negative, none)).getMessage());
        assertEquals("sleeper", assertThrows(NullPointerException.class,
            () -> new RetryPolicy(1, second, second, second, null)).getMessage());
        assertEquals("maxAttempts must be at least 1, not -3", assertThrows(IllegalArgumentException.class,
            () -> RetryPolicy.defaults().withMaxAttempts(-3)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void serverErrorsAndTooManyRequestsAreRetriedWithTheBackoff(int code) {
        server.enqueue(status(code));
        server.enqueue(status(code));
        server.enqueue(ok());

        client(policy(3, 10, 1000, 60)).splits(FakeHub.DATASET);

        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), sleeps);
        assertEquals(3, server.getRequestCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 405, 409, 410, 422})
    void otherClientErrorsAreNeverRetried(int code) {
        server.enqueue(status(code));

        EvosldException e = assertThrows(EvosldException.class,
            () -> client(policy(3, 10, 1000, 60)).splits(FakeHub.DATASET));

        assertEquals("hugging face: " + SPLITS + " failed: HTTP " + code, e.getMessage());
        assertEquals(List.of(), sleeps);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void retryAfterIsHonouredEvenBeyondTheBackoffCap() {
        // the cap bounds our own guesses; a server's explicit wait is obeyed up to maxRetryAfter instead
        server.enqueue(status(429, "30"));
        server.enqueue(ok());

        client(policy(3, 10, 1000, 60)).splits(FakeHub.DATASET);

        assertEquals(List.of(Duration.ofSeconds(30)), sleeps);
    }

    @Test
    void retryAfterExactlyAtTheLimitIsStillHonoured() {
        server.enqueue(status(503, "60"));
        server.enqueue(ok());

        client(policy(3, 10, 1000, 60)).splits(FakeHub.DATASET);

        assertEquals(List.of(Duration.ofSeconds(60)), sleeps);
    }

    @Test
    void retryAfterOneSecondPastTheLimitFailsAtOnceWithoutWaiting() {
        server.enqueue(status(503, "61"));

        EvosldException e = assertThrows(EvosldException.class,
            () -> client(policy(3, 10, 1000, 60)).splits(FakeHub.DATASET));

        assertEquals("hugging face: " + SPLITS + " failed: HTTP 503, and the server asks to wait 61 s; try again later",
            e.getMessage());
        assertEquals(List.of(), sleeps);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aZeroRetryAfterRetriesWithoutWaiting() {
        server.enqueue(status(429, "0"));
        server.enqueue(ok());

        client(policy(3, 10, 1000, 60)).splits(FakeHub.DATASET);

        assertEquals(List.of(Duration.ZERO), sleeps);
    }

    @Test
    void anHttpDateOrGarbledRetryAfterFallsBackToTheBackoff() {
        server.enqueue(status(429, "Wed, 21 Oct 2026 07:28:00 GMT"));
        server.enqueue(status(429, "-5"));
        server.enqueue(status(429, "1.5"));
        server.enqueue(ok());

        client(policy(4, 10, 1000, 60)).splits(FakeHub.DATASET);

        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)), sleeps);
    }

    @Test
    void aSingleAttemptPolicyNeverSleepsAndSaysAttemptInTheSingular() {
        server.enqueue(status(503));

        EvosldException e = assertThrows(EvosldException.class,
            () -> client(policy(1, 10, 1000, 60)).splits(FakeHub.DATASET));

        assertEquals("hugging face: " + SPLITS + " failed after 1 attempt: HTTP 503", e.getMessage());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void theRetryMessageRoundsSubSecondWaitsUpToOneSecond() {
        server.enqueue(status(502));
        server.enqueue(status(502));
        server.enqueue(ok());
        List<String> said = new ArrayList<>();

        client(policy(3, 10, 1000, 60)).withRetryListener(said::add).splits(FakeHub.DATASET);

        assertEquals(List.of(
            "hugging face: " + SPLITS + ": HTTP 502; trying again in 1 s (attempt 2 of 3)",
            "hugging face: " + SPLITS + ": HTTP 502; trying again in 1 s (attempt 3 of 3)"), said);
    }
}
