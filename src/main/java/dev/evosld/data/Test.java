package dev.evosld.data;

import java.util.Objects;

/**
 * The held-out rows a finished law is scored on, and nothing else. A distinct type from {@link Train}, so
 * that test rows cannot reach fitting or selection by mistake.
 */
public record Test(Table table) {
    public Test {
        Objects.requireNonNull(table, "table");
    }
}
