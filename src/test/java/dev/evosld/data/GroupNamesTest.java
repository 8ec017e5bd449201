package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GroupNamesTest {

    @Test
    void aLineFeedOrACarriageReturnBreaksTheLineAndNothingElseDoes() {
        assertTrue(GroupNames.breaksLine("a\nb"));
        assertTrue(GroupNames.breaksLine("a\rb"));
        assertFalse(GroupNames.breaksLine("a\u2028b"), "a line separator is hidden instead");
        assertFalse(GroupNames.breaksLine("('opt-350m', 'wiki')"));
    }

    @Test
    void theFirstHiddenCharacterIsFoundAndSpacesOfAnyWidthShow() {
        assertEquals(OptionalInt.of(0x200b), GroupNames.hiddenCharacter("g\u200b1\ufeff"));
        assertEquals(OptionalInt.of(0xdb40), GroupNames.hiddenCharacter("\udb40x"),
            "a lone surrogate");
        assertEquals(OptionalInt.of('\t'), GroupNames.hiddenCharacter("a\tb"));
        assertEquals(OptionalInt.empty(), GroupNames.hiddenCharacter("70\u202fM caf\u00e9\u00a0µ"));
    }

    @Test
    void namesThatReadAsOneNumberAreFoundTogetherInTheOrderGiven() {
        assertEquals(List.of(List.of("1", "01", "1.0"), List.of("2", "2e0")),
            GroupNames.sameNumbers(List.of("1", "2", "01", "a", "1.0", "3", "2e0", "1e0x")));
        assertEquals(List.of(List.of("0", "-0")), GroupNames.sameNumbers(List.of("0", "-0")), "0 and -0 are one run count");
        assertEquals(List.of(), GroupNames.sameNumbers(List.of("1", "2", "10", "NaN", "nan", "a", "A")),
            "names that are not decimals, or differ in case, are names of their own");
    }
}
