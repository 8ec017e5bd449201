package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadableSignsTest {
    private static final List<String> FEATURES = List.of("N", "D");
    private static final List<String> NAMES = List.of("N", "D", "a", "b", "c");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E + -2*A*N^a + A*D^b                  | E - 2 * A * N^a + A * D^b",
        "E + -1*A2*D^A1                        | E - A2 * D^A1",
        "E + A*-1*N                            | E - A * N",
        "E + N*(-1)                            | E - N",
        "E + (-3)                              | E - 3",
        "E + -N                                | E - N",
        "E + -(A*N)                            | E - A * N",
        "E - -2*N                              | E + 2 * N",
        "E - -N*-D                             | E - N * D",
        "E + -(-N)                             | E + N",
        "E + -2*N/D                            | E - 2 * N / D",
        "E + N/(-2)                            | E - N / 2",
        "E + N/(-1)                            | E - N",
        "E + -1/N                              | E - 1 / N",
        "E + A*(-N)^a                          | E + A * (-N)^a",
        "E + -0*N                              | E - 0 * N",
        "-2*N + E                              | -2 * N + E",
        "-N - E                                | -N - E",
        "exp(a*N + -1*b*D)                     | exp(a * N - b * D)",
        "(k + -2*N)^2 + -1*(c + -D)            | (k - 2 * N)^2 - (c - D)",
        "E + A*N^(-a)                          | E + A * N^(-a)",
        "E + min(-1*N, D)                      | E + min(-1 * N, D)",
    })
    void writesALaterTermsSignAsAMinus(String formula, String written) {
        assertEquals(written, ReadableSigns.of(Law.parse(formula, FEATURES)).toString());
    }

    @Test
    void keepsTheLawsNamesInTheirOrder() {
        Law law = Law.parse("E + -1*A*N^a + -2*B*D^a", FEATURES);
        Law written = ReadableSigns.of(law);
        assertEquals(List.of("N", "D"), written.variables());
        assertEquals(List.of("E", "A", "a", "B"), written.parameters());
        assertEquals(written, Law.parse(written.toString(), FEATURES), "the law a reader of law.json parses");
    }

    @Test
    void theWrittenLawComputesExactlyTheSameDoublesAndReadsBackToThem() {
        AtomicInteger rewritten = new AtomicInteger();
        qt().withFixedSeed(35L).withExamples(4000).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.any(seed, NAMES, 6);
            Expr written = ReadableSigns.of(expr);
            if (!written.equals(expr)) {
                rewritten.incrementAndGet();
            }
            String printed = LawPrinter.print(written);
            Expr reread = LawParser.parse(printed);
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 8; i++) {
                Map<String, Double> point = point(random);
                long expected = Double.doubleToLongBits(expr.evaluate(point::get));
                assertEquals(expected, Double.doubleToLongBits(written.evaluate(point::get)), expr + " -> " + printed);
                assertEquals(expected, Double.doubleToLongBits(reread.evaluate(point::get)), "reread " + printed);
            }
        });
        assertTrue(rewritten.get() > 250, "only " + rewritten.get() + " of the trees had a sign to move");
    }

    @Test
    void writingIsIdempotentAndLeavesNoSignedTermInASum() {
        qt().withFixedSeed(36L).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Expr written = ReadableSigns.of(RandomExprs.any(seed, NAMES, 6));
            assertEquals(written, ReadableSigns.of(written));
            String printed = LawPrinter.print(written);
            assertFalse(printed.contains(" + -") || printed.contains(" - -"), printed);
        });
    }

    /** Values of every name, of both signs and magnitudes from tiny to huge, zeros included. */
    private static Map<String, Double> point(SplittableRandom random) {
        Map<String, Double> point = new HashMap<>();
        for (String name : NAMES) {
            double value = switch (random.nextInt(6)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> random.nextDouble(-1e300, 1e300);
                case 3 -> random.nextDouble(-1e-300, 1e-300);
                default -> random.nextDouble(-10, 10);
            };
            point.put(name, value);
        }
        return point;
    }
}
