package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.export.Box.Abs;
import dev.evosld.export.Box.Fenced;
import dev.evosld.export.Box.Fraction;
import dev.evosld.export.Box.Function;
import dev.evosld.export.Box.Ident;
import dev.evosld.export.Box.Power;
import dev.evosld.export.Box.Root;
import dev.evosld.export.Box.Row;
import dev.evosld.export.Box.Sign;
import dev.evosld.export.Symbol.Letter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxTest {
    private static final Box X = new Ident(Symbol.of(new Letter('x')));
    private static final double LETTER = 0.65;

    private static Sign sign(Sign.Kind kind) {
        return new Sign(kind);
    }

    @Test
    void aNumberNeedsAMantissaOrAnExponent() {
        assertThrows(IllegalArgumentException.class, () -> new Box.Number(null, null));
        assertEquals("5", new Box.Number("5", null).mantissa());
        assertEquals("-3", new Box.Number(null, "-3").exponent());
    }

    @Test
    void aRowIsASumOnlyWithAPlusOrMinusAtItsTopLevel() {
        assertTrue(new Row(List.of(X, sign(Sign.Kind.PLUS), X)).isSum());
        assertTrue(new Row(List.of(sign(Sign.Kind.MINUS), X)).isSum(), "a leading minus counts");
        assertFalse(new Row(List.of(X, sign(Sign.Kind.CDOT), X, sign(Sign.Kind.JUXTAPOSE), X)).isSum());
        assertFalse(new Row(List.of(X, sign(Sign.Kind.COMMA), X, sign(Sign.Kind.EQUALS), X)).isSum());
        Row nested = new Row(List.of(X, sign(Sign.Kind.PLUS), X));
        assertFalse(new Row(List.of(X, sign(Sign.Kind.JUXTAPOSE), nested)).isSum(), "a sum inside is not at the top");
        assertFalse(new Row(List.of(new Fenced(nested))).isSum());
    }

    @Test
    void aRowOwnsItsItems() {
        List<Box> items = new ArrayList<>(List.of(X));
        Row row = new Row(items);
        items.add(sign(Sign.Kind.PLUS));
        assertEquals(List.of(X), row.items());
        assertThrows(UnsupportedOperationException.class, () -> row.items().add(X));
    }

    @Test
    void aFunctionIsFencedExactlyWhenItsArgumentIsParenthesised() {
        assertTrue(new Function("log", new Fenced(X)).fenced());
        assertFalse(new Function("log", X).fenced());
        assertFalse(new Function("log", new Abs(X)).fenced(), "bars are not the function's parentheses");
        assertThrows(NullPointerException.class, () -> new Function(null, X));
    }

    @Test
    void widthsOfLeavesAndSigns() {
        assertEquals(LETTER, Box.width(X), 1e-12);
        assertEquals(1.5, Box.width(new Box.Number("1.5", null)), 1e-12);
        // 1.5 × 10^-3: mantissa, "× 10", and a small exponent
        assertEquals(1.5 + 2.3 + 0.7, Box.width(new Box.Number("1.5", "-3")), 1e-12);
        assertEquals(1 + 0.7, Box.width(new Box.Number(null, "20")), 1e-12);
        assertEquals(1.2, Box.width(sign(Sign.Kind.MINUS)), 1e-12);
        assertEquals(0.7, Box.width(sign(Sign.Kind.CDOT)), 1e-12);
        assertEquals(0.1, Box.width(sign(Sign.Kind.JUXTAPOSE)), 1e-12);
        assertEquals(0.45, Box.width(sign(Sign.Kind.COMMA)), 1e-12);
    }

    @Test
    void widthsOfCompoundsAddUpFromTheirParts() {
        Row sum = new Row(List.of(X, sign(Sign.Kind.PLUS), X));
        double sumWidth = 2 * LETTER + 1.2;
        assertEquals(sumWidth, Box.width(sum), 1e-12);
        assertEquals(sumWidth + 0.9, Box.width(new Fenced(sum)), 1e-12);
        assertEquals(LETTER + 0.7 * sumWidth, Box.width(new Power(X, sum)), 1e-12);
        assertEquals(1.5 + 0.2 + LETTER, Box.width(new Function("log", X)), 1e-12);
        assertEquals(sumWidth + 1, Box.width(new Root(sum)), 1e-12);
        assertEquals(sumWidth + 0.6, Box.width(new Abs(sum)), 1e-12);
    }

    @Test
    void aFractionIsAsWideAsItsWiderPartAndSmallerInsideAnotherFraction() {
        Row sum = new Row(List.of(X, sign(Sign.Kind.PLUS), X));
        double sumWidth = 2 * LETTER + 1.2;
        assertEquals(sumWidth + 0.3, Box.width(new Fraction(X, sum)), 1e-12);
        assertEquals(sumWidth + 0.3, Box.width(new Fraction(sum, X)), 1e-12);
        Fraction inner = new Fraction(sum, X);
        // the inner fraction is set at 0.7 of its size: it becomes the outer one's wider part only scaled
        assertEquals(0.7 * sumWidth + 0.3 + 0.3, Box.width(new Fraction(inner, X)), 1e-12);
        assertTrue(Box.width(new Fraction(inner, X)) < Box.width(inner) + 0.3);
    }
}
