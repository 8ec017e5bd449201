package dev.evosld.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations like {@code 90s}, {@code 5m}, {@code 1h30m} or a number of seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("\\d+(\\.\\d+)?")) {
            return positive(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000)), value);
        }
        Matcher matcher = PART.matcher(text);
        double millis = 0;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double amount = Double.parseDouble(matcher.group(1));
            millis += amount * switch (matcher.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                default -> 1_000;
            };
            end = matcher.end();
        }
        if (end != text.length() || end == 0) {
            throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (try 90s, 5m or 1h)");
        }
        return positive(Duration.ofMillis(Math.round(millis)), value);
    }

    private static Duration positive(Duration duration, String value) {
        // Math.round stops at Long.MAX_VALUE, which Duration would only overflow later, when added to a clock
        if (duration.toMillis() >= Long.MAX_VALUE / 2) {
            throw new CommandLine.TypeConversionException("a duration of '" + value + "' is too long to count (try 90s,"
                + " 5m or 1h)");
        }
        if (duration.isZero()) {
            throw new CommandLine.TypeConversionException("a duration of '" + value + "' leaves no time (try 90s, 5m or 1h)");
        }
        return duration;
    }
}
