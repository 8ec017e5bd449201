package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadableNamesTest {
    private static final List<String> FEATURES = List.of("N", "D");
    private static final Set<String> RESERVED = Set.of("N", "D", "E_max");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p4 * N^p5 * (N^p2 + 1)^p1                  | A * N^alpha * (N^beta + 1)^gamma",
        "p7 + A0 * N^a + A1 * D^a                   | E + A * N^alpha + B * D^alpha",
        "b + c*N + d*N^2 + e*log(N) + f*D^g         | E + A * N + B * N^2 + C * log(N) + G * D^alpha",
        "p1 / (log(N) + p2)^p3                      | A / (log(N) + k)^alpha",
        "E_max + p1 * N^p2                          | E_max + A * N^alpha",
        "alpha * N^A                                | A * N^alpha",
        "2 + p1 * (N / D)^p2 * N^p2 + p1 * D^p3     | 2 + A * (N / D)^alpha * N^alpha + A * D^beta",
        "p1 + p2 * N^p3 + p2 * D^p1                 | alpha + A * N^beta + A * D^alpha",
        "(2 + p1 * N^p2) * D^p3 + p1 * D            | (2 + A * N^alpha) * D^beta + A * D",
        "p1 / (N + p1)                              | k / (N + k)",
    })
    void namesParametersByWhatTheyDo(String formula, String readable) {
        Law law = Law.parse(formula, FEATURES);
        Law renamed = ReadableNames.rename(law, RESERVED);
        assertEquals(readable, renamed.toString());
        assertEquals(renamed, Law.parse(readable, FEATURES), "reads back with the same variables");
    }

    @org.junit.jupiter.api.Test
    void noParameterIsNamedOneSlipFromAFeature() {
        // fit --law and eval refuse a parameter one slip from a feature as a likely typo (Misspellings), so a run's
        // law with beta beside a feature beta2 could not be fitted or evaluated again from its own law.json
        Law law = Law.parse("p4 * N^p5 * (N^p2 + 1)^p1", List.of("N", "beta2"));
        assertEquals("A * N^alpha * (N^gamma + 1)^delta", ReadableNames.rename(law, Set.of("N", "beta2")).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p1 + p2*N^p3 + p4*D^p5 + p6*N*D + p7*log(N)*D^p8",
        "a*exp(-b*N) + c/(D + d)",
    })
    void keepsTheLawsValues(String formula) {
        Law law = Law.parse(formula, FEATURES);
        var names = ReadableNames.of(law, RESERVED);
        Law renamed = law.withParametersRenamed(names);
        assertEquals(law.parameterCount(), renamed.parameterCount());
        Random random = new Random(11);
        for (int i = 0; i < 10; i++) {
            var values = new java.util.HashMap<String, Double>();
            for (String name : law.parameters()) {
                values.put(name, 0.5 + random.nextDouble());
            }
            double n = 1 + 100 * random.nextDouble();
            double d = 1 + 100 * random.nextDouble();
            double original = law.expr().evaluate(name -> name.equals("N") ? n : name.equals("D") ? d : values.get(name));
            double readable = renamed.expr().evaluate(name -> name.equals("N") ? n : name.equals("D") ? d
                : values.get(law.parameters().get(renamed.parameters().indexOf(name))));
            assertEquals(original, readable, 0.0);
        }
        assertTrue(renamed.parameters().stream().noneMatch(RESERVED::contains));
    }
}
