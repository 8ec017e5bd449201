package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportFormatTest {

    @Test
    void eachFormatHasItsLabelAndConventionalExtension() {
        assertEquals(List.of("latex:tex", "java:java", "python:py", "json:json"),
            Arrays.stream(ExportFormat.values()).map(f -> f.label() + ":" + f.extension()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "latex     | LATEX",
        "LaTeX     | LATEX",
        "'  java ' | JAVA",
        "PYTHON    | PYTHON",
        "'json\t'  | JSON",
    })
    void parseIgnoresCaseAndSurroundingWhitespace(String name, ExportFormat expected) {
        assertEquals(expected, ExportFormat.parse(name));
    }

    @Test
    void everyLabelParsesBackToItsFormat() {
        for (ExportFormat format : ExportFormat.values()) {
            assertEquals(format, ExportFormat.parse(format.label()));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yaml   | unknown export format 'yaml' (formats: latex, java, python, json)",
        "tex    | unknown export format 'tex' (formats: latex, java, python, json)",
        "' py ' | unknown export format ' py ' (formats: latex, java, python, json)",
        "''     | unknown export format '' (formats: latex, java, python, json)",
    })
    void anUnknownNameOrAnExtensionIsRefusedNamingTheFormats(String name, String message) {
        assertEquals(message, assertThrows(EvosldException.class, () -> ExportFormat.parse(name)).getMessage());
    }
}
