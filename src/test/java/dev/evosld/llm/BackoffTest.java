package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Backoff STANDARD = Backoff.STANDARD;

    @Test
    void doublesFromOneSecondUpToTheCap() {
        long[] seconds = new long[9];
        for (int retry = 0; retry < seconds.length; retry++) {
            seconds[retry] = STANDARD.delay(retry, OptionalDouble.empty(), null).toSeconds();
        }
        assertEquals("[1, 2, 4, 8, 16, 32, 60, 60, 60]", java.util.Arrays.toString(seconds));
    }

    @Test
    void retryAfterReplacesTheBackoffAndIsCapped() {
        assertEquals(Duration.ofSeconds(3), STANDARD.delay(5, OptionalDouble.of(3), null));
        assertEquals(Duration.ofMillis(1500), STANDARD.delay(0, OptionalDouble.of(1.5), null));
        assertEquals(Duration.ofSeconds(60), STANDARD.delay(0, OptionalDouble.of(3600), null));
        assertEquals(Duration.ofSeconds(3), STANDARD.delay(0, OptionalDouble.of(3), new SplittableRandom(1)));
    }

    @Test
    void parsesDelaySecondsAndHttpDatesFromTheServersClock() {
        Instant serverNow = Instant.parse("2015-10-21T07:27:30Z");
        assertEquals(OptionalDouble.of(3), Backoff.parseRetryAfter(" 3 ", serverNow));
        assertEquals(OptionalDouble.empty(), Backoff.parseRetryAfter(null, serverNow));
        // observed: a rate limit that said when to come back as a date was retried after 1, 2 and 4 s, too soon each time
        assertEquals(OptionalDouble.of(30), Backoff.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", serverNow));
        assertEquals(OptionalDouble.of(0), Backoff.parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", serverNow));
        assertEquals(OptionalDouble.empty(), Backoff.parseRetryAfter("-1", serverNow));
        assertEquals(OptionalDouble.empty(), Backoff.parseRetryAfter("NaN", serverNow));
        assertEquals(OptionalDouble.empty(), Backoff.parseRetryAfter("soon", serverNow));
    }

    @Test
    void parsesRetryAfterInMillisecondsAsSeconds() {
        assertEquals(OptionalDouble.of(0.75), Backoff.parseRetryAfterMillis("750"));
        assertEquals(OptionalDouble.empty(), Backoff.parseRetryAfterMillis(null));
        assertEquals(OptionalDouble.empty(), Backoff.parseRetryAfterMillis("-1"));
        assertEquals(OptionalDouble.empty(), Backoff.parseRetryAfterMillis("soon"));
    }

    @Test
    void jitterStaysWithinHalfToFullDelayAndRepeatsWithTheSeed() {
        qt().withFixedSeed(42).forAll(integers().between(0, 12), longs().all()).check((retry, seed) -> {
            Duration plain = STANDARD.delay(retry, OptionalDouble.empty(), null);
            Duration jittered = STANDARD.delay(retry, OptionalDouble.empty(), new SplittableRandom(seed));
            Duration again = STANDARD.delay(retry, OptionalDouble.empty(), new SplittableRandom(seed));
            return jittered.equals(again)
                && jittered.compareTo(plain.dividedBy(2)) >= 0
                && jittered.compareTo(plain) <= 0;
        });
    }
}
