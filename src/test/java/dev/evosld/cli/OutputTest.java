package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputTest {

    @ParameterizedTest
    @CsvSource({
        "1e10,        1e+10",
        "3.68123904e8, 3.681e+08",
        "0.5,         0.5",
        "1,           1",
        "512,         512",
        "27.1643,     27.16",
        "-0.000123,   -0.000123",
        "1.5e-7,      1.5e-07",
    })
    void shortNumbersKeepFourDigitsAndDropTrailingZeros(double value, String text) {
        assertEquals(text, Output.shortNumber(value));
    }

    @ParameterizedTest
    @CsvSource({
        "0.99997,  0.99997",
        "0.9106,   0.9106",
        "-0.0757,  -0.0757",
        "-1.0,     -1",
        "0.9,      0.9",
    })
    void publishedScoresKeepTheirDigits(double value, String text) {
        assertEquals(text, Output.published(value));
    }
}
