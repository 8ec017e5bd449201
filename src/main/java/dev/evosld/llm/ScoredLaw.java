package dev.evosld.llm;

import java.util.Objects;

/**
 * A law found so far and how well it extrapolated.
 *
 * @param law the formula in the law language
 * @param validationError its error on the held-out, larger-scale points (lower is better)
 */
public record ScoredLaw(String law, double validationError) {
    public ScoredLaw {
        Objects.requireNonNull(law, "law");
    }
}
