package dev.evosld.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations like {@code 90s}, {@code 5m}, {@code 1h30m} or a number of seconds: hours, minutes and seconds each
 * at most once, in that order, so that a slip such as {@code 1m1m} or {@code 30m1h} is refused rather than added up.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])");
    private static final String UNITS = "hms";
    private static final String FORMS = "(try 90s, 5m, 1h30m or a number of seconds)";

    @Override
    public Duration convert(String value) {
        String text = value.trim();
        if (text.matches("\\d+(\\.\\d+)?")) {
            return positive(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000)), value);
        }
        if (text.matches("(\\d+(\\.\\d+)?[hHmMsS])+") && text.contains("M")) {
            // M is months as often as minutes (ISO 8601's P1M), and a run's time limit is never months
            throw new CommandLine.TypeConversionException("a duration of '" + value + "' has M, which could be months"
                + " or minutes; write m for minutes " + FORMS);
        }
        text = text.toLowerCase(Locale.ROOT);
        Matcher matcher = PART.matcher(text);
        double millis = 0;
        int end = 0;
        int lastUnit = -1;
        while (matcher.find() && matcher.start() == end) {
            double amount = Double.parseDouble(matcher.group(1));
            int unit = UNITS.indexOf(matcher.group(2));
            if (unit <= lastUnit) {
                throw new CommandLine.TypeConversionException("a duration of '" + value + "' gives "
                    + (unit == lastUnit ? matcher.group(2) + " twice" : matcher.group(2) + " after " + UNITS.charAt(lastUnit))
                    + "; write hours, minutes and seconds at most once each, in that order " + FORMS);
            }
            lastUnit = unit;
            millis += amount * switch (matcher.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                default -> 1_000;
            };
            end = matcher.end();
        }
        if (end != text.length() || end == 0) {
            throw new CommandLine.TypeConversionException("not a duration: '" + value + "' " + FORMS);
        }
        return positive(Duration.ofMillis(Math.round(millis)), value);
    }

    private static Duration positive(Duration duration, String value) {
        // Math.round stops at Long.MAX_VALUE, which Duration would only overflow later, when added to a clock
        if (duration.toMillis() >= Long.MAX_VALUE / 2) {
            throw new CommandLine.TypeConversionException("a duration of '" + value + "' is too long to count " + FORMS);
        }
        if (duration.isZero()) {
            throw new CommandLine.TypeConversionException("a duration of '" + value + "' leaves no time " + FORMS);
        }
        return duration;
    }
}
