package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreekLettersTest {
    private static final List<String> LOWER = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
        "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
        "psi", "omega");

    @Test
    void everyLowerCaseLetterMapsToItsUnicodeCharacterInAlphabetOrder() {
        // omicron has no LaTeX command: the code points run α..ω with ο (U+03BF) and final ς (U+03C2) skipped
        StringBuilder letters = new StringBuilder();
        for (String name : LOWER) {
            assertTrue(GreekLetters.isGreek(name), name);
            letters.append(GreekLetters.unicode(name));
        }
        assertEquals("αβγδεζηθικλμνξπρστυφχψω", letters.toString());
    }

    @Test
    void capitalsHaveTheirOwnCharacters() {
        assertEquals("Γ", GreekLetters.unicode("Gamma"));
        assertEquals("Δ", GreekLetters.unicode("Delta"));
        assertEquals("Σ", GreekLetters.unicode("Sigma"));
        assertEquals("Ω", GreekLetters.unicode("Omega"));
    }

    @Test
    void capitalsThatLookLatinAndOmicronAreNotGreekLetters() {
        for (String name : List.of("Alpha", "Beta", "Epsilon", "Zeta", "Eta", "Iota", "Kappa", "Mu", "Nu", "Rho",
            "Tau", "Chi", "omicron")) {
            assertFalse(GreekLetters.isGreek(name), name);
        }
    }

    @Test
    void namesAreCaseSensitiveAndWhole() {
        assertFalse(GreekLetters.isGreek("ALPHA"));
        assertFalse(GreekLetters.isGreek("alpha1"));
        assertFalse(GreekLetters.isGreek("alph"));
        assertFalse(GreekLetters.isGreek(""));
    }

    @Test
    void unicodeOfANonGreekNameIsRefusedNamingIt() {
        assertEquals("not a Greek letter: Alpha",
            assertThrows(IllegalArgumentException.class, () -> GreekLetters.unicode("Alpha")).getMessage());
    }
}
