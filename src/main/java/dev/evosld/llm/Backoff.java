package dev.evosld.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff: {@code base × factor^retry}, at most {@code cap}. A server's {@code Retry-After} (in seconds or
 * as a date) replaces the computed delay (still capped, so a hostile or confused server cannot stall a run).
 * Optional jitter draws the delay uniformly from [d/2, d]; it comes from a caller-supplied generator so a
 * seeded run waits the same way each time, and none is the default.
 */
record Backoff(Duration base, double factor, Duration cap) {
    static final Backoff STANDARD = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60));

    /**
     * The wait before retry number {@code retry} (0 for the first retry).
     *
     * @param retryAfterSeconds the server's {@code Retry-After}, if it sent one
     * @param jitter a generator for jitter, or {@code null} for none; the caller synchronises on it
     */
    Duration delay(int retry, OptionalDouble retryAfterSeconds, RandomGenerator jitter) {
        double capMillis = cap.toMillis();
        if (retryAfterSeconds.isPresent()) {
            return Duration.ofMillis(Math.round(Math.min(retryAfterSeconds.getAsDouble() * 1000, capMillis)));
        }
        double millis = Math.min(base.toMillis() * Math.pow(factor, retry), capMillis);
        if (jitter != null) {
            double u;
            synchronized (jitter) {
                u = jitter.nextDouble();
            }
            millis *= 0.5 + 0.5 * u;
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * Parses Azure OpenAI's {@code retry-after-ms}, which it sends beside a {@code Retry-After} of whole seconds, into
     * seconds; junk gives empty.
     */
    static OptionalDouble parseRetryAfterMillis(String header) {
        if (header == null) {
            return OptionalDouble.empty();
        }
        try {
            double millis = Double.parseDouble(header.strip());
            return Double.isFinite(millis) && millis >= 0 ? OptionalDouble.of(millis / 1000) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Parses a {@code Retry-After} header: delay-seconds, or an HTTP-date, as seconds after {@code serverNow} (the
     * answer's own {@code Date}, so that this machine's clock being off does not count); a date past gives 0, and junk
     * empty.
     */
    static OptionalDouble parseRetryAfter(String header, Instant serverNow) {
        if (header == null) {
            return OptionalDouble.empty();
        }
        try {
            double seconds = Double.parseDouble(header.strip());
            return Double.isFinite(seconds) && seconds >= 0 ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            // not a number: a date, as rate limiters that say when the window opens write it
        }
        try {
            Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return OptionalDouble.of(Math.max(0, Duration.between(serverNow, at).toMillis() / 1000.0));
        } catch (DateTimeParseException e) {
            return OptionalDouble.empty();
        }
    }
}
