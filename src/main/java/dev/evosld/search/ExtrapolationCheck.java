package dev.evosld.search;

import dev.evosld.EvosldException;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.fit.FitOptions;
import dev.evosld.law.Law;
import java.util.Map;

/**
 * Judges one law the way discovery judges every candidate: fitted below the top of the scale axis inside
 * train, scored on the rows above, and probed beyond the data. A user's own law and a discovered one are
 * then compared by the same yardstick, and without the test split.
 */
public final class ExtrapolationCheck {
    private ExtrapolationCheck() {
    }

    /**
     * @param seed the seed of the fit starts and of cross-validation folds, as {@code discover --seed}
     */
    public static Evaluation of(TaskConfig config, Train train, Law law, long seed) {
        return CandidateScorer.of(config, train, SearchSettings.defaults().withSeed(seed)).score(law, Map.of()).evaluation();
    }

    /**
     * {@link #of} with the law's validation misses in the targets' units, from the same fits. Rows that cannot be
     * validated at all (too few per group, a constant target) fail the judgement, saying why: the law can still be
     * fitted to them.
     */
    public static Judgement judge(TaskConfig config, Train train, Law law, long seed) {
        CandidateScorer scorer;
        try {
            scorer = CandidateScorer.of(config, train, SearchSettings.defaults().withSeed(seed));
        } catch (EvosldException e) {
            return new Judgement(Evaluation.failed(e.getMessage(), law.parameterCount(), law.expr().size()), null);
        }
        return scorer.judge(law, Map.of());
    }

    /**
     * {@link #judge} as thoroughly as {@code fit} fits a law: each fold is fitted with the fit's own options (its
     * starts, seed, loss, iterations) and also from the law's values fitted on all of train, on {@code threads}
     * threads. The search's fold fits are quick (a few starts and the values its parent law had learnt); fitted
     * from generic starts alone, the folds of a law the search validated can miss its basin and fail it.
     *
     * @param fitted the law's values fitted on all of train, per group and target
     */
    public static Judgement judgeFitted(TaskConfig config, Train train, Law law, FitOptions options,
                                        ParameterSet fitted, int threads) {
        CandidateScorer scorer;
        try {
            scorer = new CandidateScorer(ValidationPlan.of(config, train, options.seed()), options, config.targets(),
                ExtrapolationProbe.of(config));
        } catch (EvosldException e) {
            return new Judgement(Evaluation.failed(e.getMessage(), law.parameterCount(), law.expr().size()), null);
        }
        return scorer.judge(law, fitted, threads);
    }

    /**
     * A law judged as discovery judges it.
     *
     * @param rmse how far its validation predictions missed; null when the law fails validation
     */
    public record Judgement(Evaluation evaluation, ValidationRmse rmse) {

        /**
         * Whether {@code other}, the same law judged from other fit starts, reaches another verdict: one fails
         * where the other does not, or their validation errors differ by more than this one's standard error
         * (the noise below which the search's choice treats two laws alike).
         */
        public boolean differsFrom(Judgement other) {
            Evaluation mine = evaluation;
            Evaluation theirs = other.evaluation;
            if (mine.isFailure() || theirs.isFailure()) {
                return mine.isFailure() != theirs.isFailure();
            }
            return Math.abs(mine.validationError() - theirs.validationError()) > mine.standardError();
        }
    }
}
