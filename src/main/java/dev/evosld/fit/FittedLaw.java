package dev.evosld.fit;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A law fitted to every group and target of a table.
 *
 * @param law the law
 * @param fits one per group and target, groups in table order, targets in table order within a group
 */
public record FittedLaw(Law law, List<String> targets, List<TargetFit> fits) {

    public FittedLaw {
        targets = List.copyOf(targets);
        fits = List.copyOf(fits);
    }

    /**
     * Fits the law to every group and target of the table, spreading the work over {@code threads}
     * threads; the result does not depend on the thread count.
     *
     * @param hints start values per group and target (from a parent law), or null
     */
    public static FittedLaw fit(Law law, Table table, FitOptions options, int threads, ParameterSet hints) {
        LawFitter fitter = LawFitter.of(law, options);
        List<FitProblem> problems = new ArrayList<>();
        List<double[]> starts = new ArrayList<>();
        for (Group group : table.groups()) {
            double[][] columns = Predictions.columns(law, table, group);
            for (int t = 0; t < table.targets().size(); t++) {
                problems.add(new FitProblem(group.name(), table.targets().get(t), group.rows(), columns, group.target(t)));
                starts.add(hints != null && hints.has(group.name()) ? hints.values(group.name(), t) : null);
            }
        }
        return new FittedLaw(law, table.targets(), fitter.fitAll(problems, starts, threads));
    }

    /** The first failure, if any group or target could not be fitted. */
    public Optional<TargetFit> failure() {
        return fits.stream().filter(TargetFit::isFailure).findFirst();
    }

    /** The fitted values; only meaningful without a {@link #failure()}. */
    public ParameterSet parameters() {
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (TargetFit fit : fits) {
            double[][] perTarget = values.computeIfAbsent(fit.group(), g -> new double[targets.size()][]);
            perTarget[targets.indexOf(fit.target())] = fit.isFailure()
                ? new double[law.parameterCount()] : fit.parameters();
        }
        return ParameterSet.of(law.parameters(), targets, values);
    }

    /** Total optimizer iterations over all groups, targets and starts. */
    public long iterations() {
        return fits.stream().mapToLong(TargetFit::iterations).sum();
    }

    /** How many of the fits (groups × targets) only one of several starts reached the best value of. */
    public StartAgreement startAgreement() {
        return new StartAgreement(fits.size(), (int) fits.stream().filter(TargetFit::isSingleStartOptimum).count());
    }

    /** Total objective evaluations over all groups, targets and starts. */
    public long evaluations() {
        return fits.stream().mapToLong(TargetFit::evaluations).sum();
    }
}
