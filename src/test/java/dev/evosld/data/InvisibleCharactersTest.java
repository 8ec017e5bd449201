package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvisibleCharactersTest {

    @Test
    void charactersThatLookLikeOthersOrLikeNothingAreInvisible() {
        for (int c : new int[] {0x00a0, 0x200b, 0xfeff, 0x2028, '\t', 0x0007, 0xe000, 0x0378, 0xd800}) {
            assertTrue(InvisibleCharacters.is(c), Integer.toHexString(c));
        }
    }

    @Test
    void printableCharactersAndThePlainSpaceShowAsThemselves() {
        for (int c : new int[] {' ', 'N', '_', 'é', 'µ', 0x2212, 0x65e5, 0x1f600}) {
            assertFalse(InvisibleCharacters.is(c), Integer.toHexString(c));
        }
    }

    @Test
    void spelledOneEscapePerUtf16Unit() {
        assertEquals("\\u200b", InvisibleCharacters.spelled(0x200b));
        assertEquals("\\udb40\\udc01", InvisibleCharacters.spelled(0xe0001));
    }
}
