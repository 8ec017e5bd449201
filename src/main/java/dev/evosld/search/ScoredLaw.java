package dev.evosld.search;

import dev.evosld.law.Law;

/** A candidate law with its validation score. */
public record ScoredLaw(Law law, Evaluation evaluation) {
}
