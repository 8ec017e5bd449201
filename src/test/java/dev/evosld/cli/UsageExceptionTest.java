package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import org.junit.jupiter.api.Test;

class UsageExceptionTest {

    @Test
    void atLeastReturnsAValueAtOrAboveTheLeast() {
        assertEquals(1, UsageException.atLeast("--generations", 1, 1));
        assertEquals(7, UsageException.atLeast("--generations", 7, 1));
        assertEquals(-3, UsageException.atLeast("--offset", -3, -3));
    }

    @Test
    void atLeastRefusesAValueBelowNamingTheOptionTheBoundAndTheValue() {
        UsageException e = assertThrows(UsageException.class, () -> UsageException.atLeast("--generations", 0, 1));
        assertEquals("--generations must be at least 1, got 0", e.getMessage());
        assertEquals("--seeds must be at least 1, got -2147483648",
            assertThrows(UsageException.class, () -> UsageException.atLeast("--seeds", Integer.MIN_VALUE, 1))
                .getMessage());
    }

    @Test
    void threadsAcceptsOneToTenTwentyFour() {
        assertEquals(1, UsageException.threads(1));
        assertEquals(1024, UsageException.threads(1024));
    }

    @Test
    void threadsRefusesZeroAndMoreThanTenTwentyFourWithTheirOwnMessages() {
        assertEquals("--threads must be at least 1, got 0",
            assertThrows(UsageException.class, () -> UsageException.threads(0)).getMessage());
        assertEquals("--threads must be at most 1024, got 1025",
            assertThrows(UsageException.class, () -> UsageException.threads(1025)).getMessage());
    }

    @Test
    void aUsageErrorIsAnEvosldException() {
        // Main reports every EvosldException as one line; usage errors ride on that with their own exit status
        assertInstanceOf(EvosldException.class, new UsageException("x"));
    }
}
