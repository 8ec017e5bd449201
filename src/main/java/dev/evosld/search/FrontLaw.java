package dev.evosld.search;

import dev.evosld.law.Law;

/**
 * A law of the Pareto front, with what the choice between front laws rests on.
 *
 * @param law the law
 * @param evaluation its validation score
 * @param differenceStandardError the standard error of the difference between its validation error and the
 *     front's best, from the two laws' errors row by row (0 for the best itself)
 */
public record FrontLaw(Law law, Evaluation evaluation, double differenceStandardError) {
}
