package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    private String refusal(String value) {
        return assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert(value)).getMessage();
    }

    @ParameterizedTest(name = "''{0}'' is {1} ms")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        90       | 90000
        1.5      | 1500
        0.001    | 1
        90s      | 90000
        0.25s    | 250
        5m       | 300000
        1h       | 3600000
        1.5h     | 5400000
        1h30m    | 5400000
        1h30m15s | 5415000
        1h15s    | 3615000
        1.5h30m  | 7200000
        2m30s    | 150000
        90S      | 90000
        1H30S    | 3630000
        " 5m "   | 300000
        007s     | 7000
        """)
    void readsSecondsAndHourMinuteSecondParts(String value, long millis) {
        assertEquals(Duration.ofMillis(millis), converter.convert(value));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
        1m1m     | m twice
        5m5m     | m twice
        90s30s   | s twice
        1h30m1h  | h after m
        30m1h    | h after m
        1s1m     | m after s
        1h1s1m   | m after s
        1H1h     | h twice
        """)
    void refusesAUnitGivenTwiceOrOutOfOrderRatherThanAddingThemUp(String value, String fault) {
        // 1m1m was read as 2 minutes and 30m1h as 90: a slip of the keys, which no one means as a sum
        assertEquals("a duration of '" + value + "' gives " + fault + "; write hours, minutes and seconds at most once"
            + " each, in that order (try 90s, 5m, 1h30m or a number of seconds)", refusal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5M", "1H30M", "1M30S", "2m30M"})
    void refusesACapitalMWhichCouldBeMonths(String value) {
        assertEquals("a duration of '" + value + "' has M, which could be months or minutes; write m for minutes (try"
            + " 90s, 5m, 1h30m or a number of seconds)", refusal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "5x", "5 m", "1h 30m", "1h30", "m5", "-5s", "-5", "+5s", ".5h", "1.h",
        "1e3", "PT5M", "PT1H30M", "5min", "1d", "5ms", "1,5h", "s"})
    void refusesAnythingElseSuggestingTheForms(String value) {
        assertEquals("not a duration: '" + value + "' (try 90s, 5m, 1h30m or a number of seconds)", refusal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "0.0", "0h0m0s", "0.0004", "0.0004s", "00m"})
    void refusesADurationThatRoundsToNoTimeQuotingItAsTyped(String value) {
        assertEquals("a duration of '" + value + "' leaves no time (try 90s, 5m, 1h30m or a number of seconds)", refusal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", " Soon "})
    void quotesTheValueAsTypedNotAsNormalised(String value) {
        assertEquals("not a duration: '" + value + "' (try 90s, 5m, 1h30m or a number of seconds)", refusal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2500000000000h9000000000000000s", "99999999999999999999h1s"})
    void aDurationTooLongToCountIsNeverReturnedNegative(String value) {
        // each part fits a long of milliseconds, their sum does not; a negative limit is an already-expired one
        CommandLine.TypeConversionException refused =
            assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert(value));
        assertEquals("a duration of '" + value + "' is too long to count (try 90s, 5m, 1h30m or a number of seconds)", refused.getMessage());
    }
}
