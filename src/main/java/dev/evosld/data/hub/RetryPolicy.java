package dev.evosld.data.hub;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HubClient} retries a request that failed for a reason that may pass: a 5xx status, a 429, a
 * read timeout, a dropped connection or a cut body (a server that cannot be reached at all gets no retry).
 *
 * <p>The wait before attempt {@code k + 1} is {@code firstDelay · 2^(k−1)}, capped at {@code maxDelay},
 * unless the server named its own wait in {@code Retry-After}; a server that asks for more than
 * {@code maxRetryAfter} gets no retry, since blocking the command line that long helps nobody. The waits
 * have no jitter: a single user's pull is not a thundering herd, and fixed waits keep tests exact.
 *
 * @param maxAttempts   the attempts a request gets in all, at least 1
 * @param firstDelay    the wait after the first failure
 * @param maxDelay      the longest wait between attempts
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param sleeper       waits; tests pass one that records instead of sleeping
 */
public record RetryPolicy(
    int maxAttempts, Duration firstDelay, Duration maxDelay, Duration maxRetryAfter, Sleeper sleeper) {

    /** Waits for a duration; {@link Thread#sleep(Duration)} outside tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        requireNonNegative(firstDelay, "firstDelay");
        requireNonNegative(maxDelay, "maxDelay");
        requireNonNegative(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Four attempts, waits of 1, 2 and 4 s, at most 16 s, and {@code Retry-After} honoured up to 2 min. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(16), Duration.ofMinutes(2), Thread::sleep);
    }

    /** This policy with another sleeper. */
    public RetryPolicy withSleeper(Sleeper sleeper) {
        return new RetryPolicy(maxAttempts, firstDelay, maxDelay, maxRetryAfter, sleeper);
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, firstDelay, maxDelay, maxRetryAfter, sleeper);
    }

    /** The wait after the {@code failures}-th failed attempt (1-based) when the server named none. */
    Duration backoff(int failures) {
        Duration wait = firstDelay;
        for (int i = 1; i < failures && wait.compareTo(maxDelay) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    private static void requireNonNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + duration);
        }
    }
}
