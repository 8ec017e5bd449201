package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.fit.FitOptions;
import dev.evosld.search.SearchSettings;
import java.io.Serial;

/**
 * An option value the command cannot take ({@code --generations 0}, {@code --holdout folds=1}): one line on
 * stderr and exit status 2, the status of picocli's own usage errors, without the usage text, which says nothing
 * about the value.
 */
final class UsageException extends EvosldException {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final int MOST_THREADS = 1024;

    UsageException(String message) {
        super(message);
    }

    /** {@code value}, or a usage error naming {@code option} when it is below {@code least}. */
    static int atLeast(String option, int value, int least) {
        if (value < least) {
            throw new UsageException(option + " must be at least " + least + ", got " + value);
        }
        return value;
    }

    /**
     * {@code settings}, or a usage error when its restarts, islands and population make more individuals than
     * {@link SearchSettings#MOST_INDIVIDUALS}: a run holds every one in memory and in each checkpoint, and scores the
     * first restart's before it first reads the clock, so far more ran past any time limit until memory ran out.
     */
    static SearchSettings individuals(SearchSettings settings) {
        if (settings.individuals() > SearchSettings.MOST_INDIVIDUALS) {
            throw new UsageException("--restarts " + settings.restarts() + " × --islands " + settings.islands()
                + " × --population " + settings.population() + " = " + settings.individuals() + " individuals, more"
                + " than the " + SearchSettings.MOST_INDIVIDUALS + " a run can keep in memory and in its checkpoints");
        }
        return settings;
    }

    /**
     * A number of fit starts per group and target between 1 and {@link FitOptions#MOST_STARTS}, which a fit can count
     * and hold: far more ran out of memory before any fit began.
     */
    static int starts(int value) {
        if (value > FitOptions.MOST_STARTS) {
            throw new UsageException("--starts must be at most " + FitOptions.MOST_STARTS + ", got " + value);
        }
        return atLeast("--starts", value, 1);
    }

    /**
     * A thread count between 1 and {@value #MOST_THREADS}: more threads than that only cost memory, and a fork-join
     * pool cannot have them at all.
     */
    static int threads(int value) {
        if (value > MOST_THREADS) {
            throw new UsageException("--threads must be at most " + MOST_THREADS + ", got " + value);
        }
        return atLeast("--threads", value, 1);
    }
}
