package dev.evosld.eval;

import dev.evosld.EvosldException;
import dev.evosld.data.MessageText;
import dev.evosld.data.PlannedRuns;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted law's predictions for runs that have not been made: each run predicted with its own group's
 * parameters. Unlike {@link Predictions} there is nothing to compare with, so a prediction that is not a
 * finite number is an error naming the run rather than a failed score.
 */
public final class RunPredictions {
    private RunPredictions() {
    }

    /**
     * The variables a law's formula mentions, in the law's order: the columns a file of runs must hold.
     * A law may be written over features it does not use.
     */
    public static List<String> variablesUsed(Law law) {
        return law.variables().stream().filter(law.expr()::mentions).toList();
    }

    /**
     * Predicts every run.
     *
     * @param runs the runs, with at least the {@linkplain #variablesUsed variables the law uses}
     * @return per run (in {@code runs} order), per target, the prediction
     * @throws EvosldException naming the file and line of a run whose group has no parameters or whose
     *     prediction is not finite
     */
    public static double[][] of(Law law, PlannedRuns runs, ParameterSet parameters) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < runs.runs().size(); i++) {
            PlannedRuns.Run run = runs.runs().get(i);
            if (!parameters.has(run.group())) {
                throw new EvosldException(runs.where(run) + ": no parameters for group "
                    + MessageText.quote(run.group()) + " (the law has: " + MessageText.names(parameters.groups()) + ")");
            }
            byGroup.computeIfAbsent(run.group(), g -> new ArrayList<>()).add(i);
        }
        Program program = Program.compile(law);
        int targets = parameters.targets().size();
        double[][] predicted = new double[runs.runs().size()][targets];
        byGroup.forEach((group, members) -> {
            Evaluator evaluator = program.bind(members.size(), columns(law, runs, members));
            double[] out = new double[members.size()];
            for (int t = 0; t < targets; t++) {
                evaluator.forward(parameters.values(group, t), out);
                for (int r = 0; r < members.size(); r++) {
                    int run = members.get(r);
                    if (!Double.isFinite(out[r])) {
                        throw new EvosldException(String.format(Locale.ROOT,
                            "%s: the law's prediction of '%s' is not a finite number (%s) for this run",
                            runs.where(runs.runs().get(run)), parameters.targets().get(t), out[r]));
                    }
                    predicted[run][t] = out[r];
                }
            }
        });
        return predicted;
    }

    /** The members' columns in the law's variable order; a variable the law does not use reads as zero. */
    private static double[][] columns(Law law, PlannedRuns runs, List<Integer> members) {
        int[] feature = law.variables().stream().mapToInt(runs.features()::indexOf).toArray();
        for (int j = 0; j < feature.length; j++) {
            if (feature[j] < 0 && law.expr().mentions(law.variables().get(j))) {
                throw new IllegalArgumentException("the runs lack '" + law.variables().get(j) + "', which the law uses");
            }
        }
        double[][] columns = new double[feature.length][members.size()];
        for (int r = 0; r < members.size(); r++) {
            double[] values = runs.runs().get(members.get(r)).values();
            for (int j = 0; j < feature.length; j++) {
                if (feature[j] >= 0) {
                    columns[j][r] = values[feature[j]];
                }
            }
        }
        return columns;
    }
}
