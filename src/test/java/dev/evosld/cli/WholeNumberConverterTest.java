package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class WholeNumberConverterTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        4           | 4
        +4          | 4
        -3          | -3
        007         | 7
        " 12 "      | 12
        2147483647  | 2147483647
        -2147483648 | -2147483648
        """)
    void readsAWholeNumberAsTyped(String value, int expected) {
        assertEquals(expected, WholeNumberConverter.ints().convert(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1e3", "0x10", "NaN", "1.5", "4.0", "1,000", "four", "--4", "٤"})
    void refusesAnythingButDigitsSayingSo(String value) {
        assertEquals("'" + value + "' is not a whole number", assertThrows(CommandLine.TypeConversionException.class,
            () -> WholeNumberConverter.ints().convert(value)).getMessage());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
        2147483648           | 'is more than 2147483647'
        99999999999          | 'is more than 2147483647'
        -2147483649          | 'is less than -2147483648'
        """)
    void refusesAWholeNumberTooLargeToHoldNamingTheMost(String value, String refusal) {
        assertEquals("'" + value + "' " + refusal, assertThrows(CommandLine.TypeConversionException.class,
            () -> WholeNumberConverter.ints().convert(value)).getMessage());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
        9223372036854775807  | ''
        9223372036854775808  | 'is more than 9223372036854775807'
        -9223372036854775809 | 'is less than -9223372036854775808'
        99999999999999999999 | 'is more than 9223372036854775807'
        """)
    void readsLongsToTheirLimits(String value, String refusal) {
        if (refusal.isEmpty()) {
            assertEquals(Long.MAX_VALUE, WholeNumberConverter.longs().convert(value));
        } else {
            assertEquals("'" + value + "' " + refusal, assertThrows(CommandLine.TypeConversionException.class,
                () -> WholeNumberConverter.longs().convert(value)).getMessage());
        }
    }
}
