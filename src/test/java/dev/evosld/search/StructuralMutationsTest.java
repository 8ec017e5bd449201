package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StructuralMutationsTest {
    private static final List<String> FEATURES = List.of("N", "D");
    private final StructuralMutations mutations = new StructuralMutations(FEATURES);

    @Test
    void producesValidLawsOverTheTaskVariablesAndIsSeeded() {
        LawTree start = new LawTree(Law.parse("E + A*N^(-a) + B*D^(-b)", FEATURES), Map.of("a", 0.3, "E", 1.7));
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            LawTree mutated = mutations.mutate(start, new SplittableRandom(seed));
            assertTrue(FEATURES.containsAll(mutated.law().variables()), mutated.law().toString());
            assertEquals(mutated.law(), Law.parse(mutated.law().toString(), FEATURES));
            assertEquals(mutated, mutations.mutate(start, new SplittableRandom(seed)), "same seed, same mutation");
            seen.add(mutated.law().toString());
        }
        assertTrue(seen.size() > 20, "mutations vary: " + seen.size());
        assertTrue(seen.stream().anyMatch(law -> law.split("\\+").length == 4), "adds a term");
        assertTrue(seen.stream().anyMatch(law -> !law.contains("B")), "drops a term");
        assertTrue(seen.stream().anyMatch(law -> law.contains("log(")), "wraps a variable in log");
        assertTrue(seen.stream().anyMatch(law -> law.contains("^(-b)") && !law.contains("^(-a)")), "shares an exponent");
    }

    @Test
    void turnsAParameterNearAStructuralNumberIntoThatLiteral() {
        LawTree start = new LawTree(Law.parse("A*N^a", FEATURES), Map.of("a", 0.49, "A", 123.4));
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            seen.add(mutations.mutate(start, new SplittableRandom(seed)).law().toString());
        }
        assertTrue(seen.contains("A * N^0.5"), seen.toString());
        assertTrue(seen.stream().noneMatch(law -> law.contains("123")), "a fitted coefficient never becomes a literal");
    }
}
