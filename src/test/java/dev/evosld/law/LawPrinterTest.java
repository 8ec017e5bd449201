package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LawPrinterTest {
    private static final List<String> NAMES = List.of("x", "y", "N", "alpha", "E_max");

    @Test
    void parsePrintRoundTripsRandomTrees() {
        qt().withFixedSeed(20261123L).withExamples(3000)
            .forAll(longs().all())
            .checkAssert(seed -> {
                Expr tree = RandomExprs.any(seed, NAMES, 7);
                String printed = LawPrinter.print(tree);
                assertEquals(tree, LawParser.parse(printed), printed);
            });
    }

    @Test
    void printParseRoundTripsFormattedText() {
        qt().withFixedSeed(7L).withExamples(1000)
            .forAll(longs().all())
            .checkAssert(seed -> {
                String printed = LawPrinter.print(RandomExprs.any(seed, NAMES, 6));
                assertEquals(printed, LawPrinter.print(LawParser.parse(printed)));
            });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E+A*params^(-alpha)+B*tokens^(-beta) | E + A * params^(-alpha) + B * tokens^(-beta)",
        "a-(b-c)                             | a - (b - c)",
        "(a-b)-c                             | a - b - c",
        "a+(b+c)                             | a + (b + c)",
        "(x^y)^z                             | (x^y)^z",
        "x^(y^z)                             | x^(y^z)",
        "-(2)                                | -(2)",
        "(-2)^x                              | (-2)^x",
        "-2^x                                | -2^x",
        "x*-2                                | x * (-2)",
        "a/(b*c)                             | a / (b * c)",
        "(a+b)*c                             | (a + b) * c",
        "--x                                 | -(-x)",
        "0.000015*x                          | 1.5e-5 * x",
        "1e20 + 2.5 + 3.0                    | 1e20 + 2.5 + 3",
    })
    void printsReadably(String text, String printed) {
        assertEquals(printed, LawPrinter.print(LawParser.parse(text)));
    }

    @Test
    void formatsNumbersExactlyAndShortly() {
        assertEquals("0.1", LawPrinter.formatNumber(0.1));
        assertEquals("-0", LawPrinter.formatNumber(-0.0));
        assertEquals("123456789", LawPrinter.formatNumber(123456789.0));
        assertEquals("4.9e-324", LawPrinter.formatNumber(Double.MIN_VALUE));
        assertEquals(1.0 / 3.0, Double.parseDouble(LawPrinter.formatNumber(1.0 / 3.0)));
    }
}
