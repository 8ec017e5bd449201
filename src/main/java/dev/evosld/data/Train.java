package dev.evosld.data;

import java.util.Objects;

/**
 * The rows a law may be fitted and selected on. A distinct type from {@link Test}, so that code which fits
 * or selects cannot be handed test rows by mistake.
 */
public record Train(Table table) {
    public Train {
        Objects.requireNonNull(table, "table");
    }
}
