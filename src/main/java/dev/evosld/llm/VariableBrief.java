package dev.evosld.llm;

import java.util.Objects;

/**
 * An input variable as the model sees it.
 *
 * @param name the column name, which is also the identifier laws use
 * @param description what it measures, possibly empty
 * @param min the smallest observed value
 * @param max the largest observed value
 */
public record VariableBrief(String name, String description, double min, double max) {
    public VariableBrief {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a variable needs a name");
        }
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException("variable " + name + ": bad range [" + min + ", " + max + "]");
        }
    }
}
