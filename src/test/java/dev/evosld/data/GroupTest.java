package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTest {

    @Test
    void copiesOnTheWayInAndOut() {
        double[] x = {1, 2, 3};
        double[] y = {4, 5, 6};
        Group group = Group.of("g", new double[][] {x}, new double[][] {y});
        x[0] = 99;
        group.feature(0)[1] = 99;
        group.target(0)[2] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, group.feature(0));
        assertArrayEquals(new double[] {4, 5, 6}, group.target(0));
        assertEquals(2.0, group.feature(0, 1));
        assertEquals(6.0, group.target(0, 2));
        assertEquals(3, group.rows());
        assertEquals(1, group.featureCount());
        assertEquals(1, group.targetCount());
    }

    @Test
    void equalityIsByNameAndBits() {
        Group a = Group.of("g", new double[][] {{0.0}}, new double[][] {{1}});
        assertEquals(a, Group.of("g", new double[][] {{0.0}}, new double[][] {{1}}));
        assertEquals(a.hashCode(), Group.of("g", new double[][] {{0.0}}, new double[][] {{1}}).hashCode());
        assertNotEquals(a, Group.of("g", new double[][] {{-0.0}}, new double[][] {{1}}));
        assertNotEquals(a, Group.of("h", new double[][] {{0.0}}, new double[][] {{1}}));
    }

    @Test
    void rejectsInvalidColumns() {
        assertThrows(IllegalArgumentException.class, () -> Group.of("", new double[][] {{1}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Group.of("g", new double[][] {{}}, new double[][] {{}}));
        assertThrows(IllegalArgumentException.class, () -> Group.of("g", new double[][] {{1, 2}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Group.of("g", new double[][] {}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Group.of("g", new double[][] {{Double.NaN}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class,
            () -> Group.of("g", new double[][] {{1}}, new double[][] {{Double.POSITIVE_INFINITY}}));
    }

    @Test
    void tableFindsGroupsAndChecksShapes() {
        Group a = Group.of("a", new double[][] {{1, 2}}, new double[][] {{3, 4}});
        Group b = Group.of("b", new double[][] {{5}}, new double[][] {{6}});
        Table table = new Table(List.of("x"), List.of("y"), List.of(a, b));
        assertEquals(b, table.group("b").orElseThrow());
        assertTrue(table.group("c").isEmpty());
        assertEquals(3, table.rows());
        assertThrows(IllegalArgumentException.class, () -> new Table(List.of("x"), List.of("y"), List.of(a, a)));
        assertThrows(IllegalArgumentException.class, () -> new Table(List.of("x", "z"), List.of("y"), List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> new Table(List.of("x"), List.of("y"), List.of()));
    }
}
