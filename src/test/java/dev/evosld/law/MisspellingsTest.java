package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MisspellingsTest {
    @Test
    void distanceCountsSwapsOnce() {
        assertEquals(0, Misspellings.distance("abc", "abc", 2));
        assertEquals(1, Misspellings.distance("abdc", "abcd", 2));
        assertEquals(1, Misspellings.distance("abc", "abcd", 2));
        assertEquals(3, Misspellings.distance("abc", "xyzabc", 2));
    }

    @ParameterizedTest(name = "{0} is {1} edits from {2}")
    @CsvSource(delimiter = '|', textBlock = """
        task    | 0 | task
        tsk     | 1 | task
        tsak    | 1 | task
        tasks   | 1 | task
        tusk    | 1 | task
        out     | 4 | seed
        ''      | 4 | seed
        """)
    void countsInsertionsDeletionsSubstitutionsAndSwaps(String a, int edits, String b) {
        assertEquals(edits, Misspellings.distance(a, b));
        assertEquals(edits, Misspellings.distance(b, a));
    }

    @Test
    void aNameOneSlipFromALongFeatureOrTwoFromOneOfEightLettersIsThatFeature() {
        List<String> features = List.of("N", "tokens", "num_params");
        assertEquals(Optional.of("tokens"), Misspellings.feature("tokns", features));
        assertEquals(Optional.of("tokens"), Misspellings.feature("Tokesn", features));
        assertEquals(Optional.of("num_params"), Misspellings.feature("numparam", features));
        assertEquals(Optional.empty(), Misspellings.feature("tkns", features), "two slips from a name of six letters");
        // a short parameter is one letter from a short feature by chance: a beside N
        assertEquals(Optional.empty(), Misspellings.feature("a", features));
        assertEquals(Optional.empty(), Misspellings.feature("Nn", features));
    }
}
