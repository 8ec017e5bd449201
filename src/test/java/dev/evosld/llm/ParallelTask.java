package dev.evosld.llm;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.law.Law;
import dev.evosld.search.Evaluation;
import dev.evosld.search.ProposalContext;
import dev.evosld.search.ScoredLaw;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The parallel_scaling_law task with synthetic train rows in the shape of SLDBench's (two groups, six model
 * sizes, P = 1, 2, 4), generated from the human law, so that proposer tests need no data directory.
 */
final class ParallelTask {
    static final TaskConfig CONFIG = TaskConfig.load("parallel_scaling_law");
    static final List<String> FEATURES = CONFIG.featureNames();
    static final double[] SIZES = {5.36e8, 6.94e8, 1.09e9, 1.57e9, 2.8e9, 4.4e9};
    static final double[] STREAMS = {1, 2, 4};
    static final Train TRAIN = new Train(new Table(FEATURES, CONFIG.targets(), List.of(
        group("pile", 1.2e7, 0.35, 0.22, 1.45),
        group("stack", 4.0e6, 0.30, 0.25, 0.75))));

    private ParallelTask() {
    }

    /** Rows of {@code (A/(N*(k*log(P) + 1)))^alpha + E}. */
    private static Group group(String name, double a, double k, double alpha, double e) {
        int rows = SIZES.length * STREAMS.length;
        double[] n = new double[rows];
        double[] p = new double[rows];
        double[] loss = new double[rows];
        int row = 0;
        for (double streams : STREAMS) {
            for (double size : SIZES) {
                n[row] = size;
                p[row] = streams;
                loss[row] = Math.pow(a / (size * (k * Math.log(streams) + 1)), alpha) + e;
                row++;
            }
        }
        return Group.of(name, new double[][] {n, p}, new double[][] {loss});
    }

    static ProposalContext context(List<ScoredLaw> front, int round) {
        return new ProposalContext(CONFIG, TRAIN, CONFIG.parameterBudget() / CONFIG.targets().size(), front, round,
            Duration.ofMinutes(5));
    }

    static ScoredLaw scored(String formula, double validationError) {
        Law law = Law.parse(formula, FEATURES);
        return new ScoredLaw(law, new Evaluation(validationError, 0, law.parameterCount(), law.expr().size(), Map.of(), null));
    }
}
