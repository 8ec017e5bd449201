package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellTest {

    @Test
    void anIntegerAndTheSameFloatAreDifferentCells() {
        // the pull writes 3 and 3.0 differently, so the two kinds must not compare equal
        assertNotEquals(new Cell.Whole(3), new Cell.Real(3.0));
        assertNotEquals(new Cell.Real(3.0), new Cell.Text("3.0"));
        assertEquals(new Cell.Whole(3), new Cell.Whole(3));
        assertEquals(new Cell.Empty(), new Cell.Empty());
    }

    @Test
    void aRealKeepsNegativeZeroApartFromZeroAndEqualsItselfWhenNaN() {
        // record equality on doubles compares bits, as Double.equals does
        assertNotEquals(new Cell.Real(0.0), new Cell.Real(-0.0));
        assertEquals(new Cell.Real(Double.NaN), new Cell.Real(Double.NaN));
    }

    @Test
    void nullTextOrOtherIsRefusedNamingTheComponent() {
        assertEquals("value", assertThrows(NullPointerException.class, () -> new Cell.Text(null)).getMessage());
        assertEquals("kind", assertThrows(NullPointerException.class, () -> new Cell.Other(null)).getMessage());
    }

    @Test
    void everyKindIsHandledByAnExhaustiveSwitch() {
        List<Cell> cells = List.of(new Cell.Whole(-7), new Cell.Real(2.5), new Cell.Text(""), new Cell.Empty(),
            new Cell.Other("a JSON array"));
        List<String> described = cells.stream().map(cell -> switch (cell) {
            case Cell.Whole w -> "whole " + w.value();
            case Cell.Real r -> "real " + r.value();
            case Cell.Text t -> "text '" + t.value() + "'";
            case Cell.Empty e -> "empty";
            case Cell.Other o -> "other " + o.kind();
        }).toList();
        assertEquals(List.of("whole -7", "real 2.5", "text ''", "empty", "other a JSON array"), described);
    }
}
