package dev.evosld.search;

import java.util.List;

/**
 * One law of the Pareto front as {@code pareto.json} lists it.
 *
 * @param law the law
 * @param parameterCount its parameters per group and target
 * @param nodeCount its nodes
 * @param validationError 1 − R² on the validation rows
 * @param standardError the standard error of the validation error
 * @param differenceStandardError the standard error of the difference between its validation error and the
 *     front's best (paired, row by row; 0 for the best), null when the validation rows are too few to say
 * @param validationR2 R² on the validation rows
 * @param chosen whether this is the reported law
 */
public record ParetoEntry(String law, int parameterCount, int nodeCount, double validationError, double standardError,
                          Double differenceStandardError, double validationR2, boolean chosen) {

    public static List<ParetoEntry> of(SearchResult result) {
        return result.front().stream().map(s -> new ParetoEntry(s.law().toString(), s.evaluation().parameterCount(),
            s.evaluation().nodeCount(), s.evaluation().validationError(), s.evaluation().standardError(),
            Double.isFinite(s.differenceStandardError()) ? s.differenceStandardError() : null,
            s.evaluation().validationR2(), s.law().equals(result.law()))).toList();
    }
}
