package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartChoiceTest {
    private final List<String> messages = new ArrayList<>();
    private final RestartChoice choice = new RestartChoice(SyntheticTask.config(), SyntheticTask.train(),
        SyntheticTask.settings(1), ExtrapolationProbe.of(SyntheticTask.config()),
        new SearchListener() {
            @Override
            public void onGeneration(int generation, int of, double best, double rate, double hits) {
            }

            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        });

    /** The synthetic task's true form, and one that validates as well but is simpler. */
    private static final String TRUTH = "E + A*N^-a + B*D^-b";

    @Test
    void aChoiceWhoseRefitOnAllOfTrainFailsIsPassedOverForTheNextOnTheFront() {
        // log(-N) is not finite on any row, so the refit on all of train fails however its search went; it trails
        // the truth by less than the noise of the difference, so it is the first choice
        double[] truth = {0.01, 0.01, 0.01, 0.01};
        double[] simpler = {0.013, 0.008, 0.012, 0.0074};
        Restart restart = new Restart(0, SyntheticTask.settings(1), null);
        put(restart, "E + A*log(-N)", simpler);
        put(restart, TRUTH, truth);
        RestartChoice.Pick pick = choice.best(List.of(restart));
        assertEquals("E + A * N^(-alpha) + B * D^(-beta)", pick.law().law().toString(), "under readable names");
        assertTrue(pick.fitted().failure().isEmpty(), "the next choice fits");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.getFirst().startsWith("restart 1 passed over E + A * log(-N) (fitted on all of train: "),
            messages.getFirst());
    }

    @Test
    void aLawPassedOverIsNamedWithItsMinusesAsTheReportedLawIs() {
        // the search writes a subtracted term as an added negative one; the note on stderr is read by people
        double[] truth = {0.01, 0.01, 0.01, 0.01};
        double[] simpler = {0.013, 0.008, 0.012, 0.0074};
        Restart restart = new Restart(0, SyntheticTask.settings(1), null);
        put(restart, "E + -2*A*log(-N)", simpler);
        put(restart, TRUTH, truth);
        choice.best(List.of(restart));
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.getFirst().startsWith("restart 1 passed over E - 2 * A * log(-N) (fitted on all of train: "),
            messages.getFirst());
    }

    @Test
    void theRestartWhosePickValidatesBestIsReportedAndTheOthersAreNamed() {
        Restart first = new Restart(0, SyntheticTask.settings(1), null);
        put(first, TRUTH, new double[] {0.02, 0.02});
        Restart second = new Restart(1, SyntheticTask.settings(1), null);
        put(second, TRUTH, new double[] {0.005, 0.005});
        Restart third = new Restart(2, SyntheticTask.settings(1), null);
        put(third, TRUTH, new double[] {0.005, 0.005});
        RestartChoice.Pick pick = choice.best(List.of(first, second, third));
        assertEquals(1, pick.restart().index, "the better of two equals is the first");
        assertEquals(List.of("restarts' laws validate 0.980000, 0.995000, 0.995000; restart 2's is reported"), messages);
    }

    @Test
    void ofRestartsWhosePicksValidateAlikeToTheFitterTolerancesDigitsTheSimplerIsReported() {
        Restart richer = new Restart(0, SyntheticTask.settings(1), null);
        put(richer, TRUTH, new double[] {0.005, 0.005});
        Restart simpler = new Restart(1, SyntheticTask.settings(1), null);
        // one shared exponent: worse by four parts in a million, which is no difference
        put(simpler, "E + A*N^-a + B*D^-a", new double[] {0.00500002, 0.00500002});
        RestartChoice.Pick pick = choice.best(List.of(richer, simpler));
        assertEquals(1, pick.restart().index);
        assertEquals(List.of("restarts' laws validate 0.995000, 0.995000; restart 2's is reported"), messages);

        // worse by a part in ten thousand, it is a difference
        Restart worse = new Restart(1, SyntheticTask.settings(1), null);
        put(worse, "E + A*N^-a + B*D^-a", new double[] {0.0050005, 0.0050005});
        assertEquals(0, choice.best(List.of(richer, worse)).restart().index);
    }

    @Test
    void aRestartWhoseWholeFrontFailsOnAllOfTrainIsNotReportedHoweverWellItValidated() {
        Restart broken = new Restart(0, SyntheticTask.settings(1), null);
        put(broken, "E + A*log(-N)", new double[] {0.001, 0.001});
        Restart sound = new Restart(1, SyntheticTask.settings(1), null);
        put(sound, TRUTH, new double[] {0.02, 0.02});
        RestartChoice.Pick pick = choice.best(List.of(broken, sound));
        assertEquals(1, pick.restart().index);
        assertTrue(pick.fitted().failure().isEmpty());

        EvosldException e = assertThrows(EvosldException.class, () -> choice.best(List.of(broken)));
        assertTrue(e.getMessage().startsWith("no law the search found could be fitted to all of synthetic's train runs:"
            + " group '"), e.getMessage());
    }

    @Test
    void aLawWhoseVariablesCancelIsAConstantAndIsNeverReported() {
        // at --budget 1 a user's run reported A * (N / N): the value of a constant, written as a law of N; here
        // it trails the truth by less than the noise of the difference and is simpler, so it was the choice,
        // and it dominates the law of N beneath it, which the front then left out
        Restart restart = new Restart(0, SyntheticTask.settings(1), null);
        put(restart, "A*(N/N)", new double[] {0.013, 0.008, 0.012, 0.0074});
        put(restart, "E + A*N^-a", new double[] {0.014, 0.009, 0.013, 0.0075});
        put(restart, "-(A/N*(-N)) + D/(D/B)", new double[] {0.0125, 0.008, 0.012, 0.0074});
        put(restart, TRUTH, new double[] {0.01, 0.01, 0.01, 0.01});
        RestartChoice.Pick pick = choice.best(List.of(restart));
        assertEquals(List.of("E + A * N^(-alpha)", "E + A * N^(-alpha) + B * D^(-beta)"),
            pick.front().stream().map(e -> e.law().toString()).toList());
        assertEquals("E + A * N^(-alpha)", pick.law().law().toString());
        assertEquals(List.of("a constant validated better than the reported law (R² 0.990025 against 0.989125): "
            + "-(A / N * (-N)) + D / (D / k), whose variables cancel, is no law of the features; the target may hardly"
            + " vary with them"), messages);
    }

    @Test
    void aRunWhoseLawsAreAllConstantsSaysSoAndReportsNone() {
        Restart restart = new Restart(0, SyntheticTask.settings(1), null);
        put(restart, "A*(N/N)", new double[] {0.013, 0.008});
        put(restart, "exp(a - N/N)", new double[] {0.013, 0.008});
        restart.cache.put(failed("E + log(-N)", "not finite"), null);
        EvosldException e = assertThrows(EvosldException.class, () -> choice.best(List.of(restart)));
        assertEquals("no candidate law that depends on a feature could be fitted to synthetic (the 2 fitted are"
            + " constants, such as A * (N / N)); the most common failure (1 of 3 laws tried): not finite", e.getMessage());
    }

    @Test
    void withNoLawFittedTheRunFailsWithTheMostCommonReason() {
        Restart restart = new Restart(0, SyntheticTask.settings(1), null);
        restart.cache.put(failed("E + log(-N)", "not finite"), null);
        restart.cache.put(failed("E + log(-D)", "not finite"), null);
        restart.cache.put(failed("E + N^-a", "turns around"), null);
        EvosldException e = assertThrows(EvosldException.class, () -> choice.best(List.of(restart)));
        assertEquals("no candidate law could be fitted to synthetic; the most common failure (2 of 3 laws tried): "
            + "not finite", e.getMessage());
    }

    /** Puts a law into a restart's cache with the given per-row validation errors, whose mean is its error. */
    private static void put(Restart restart, String formula, double[] rows) {
        Law law = Law.parse(formula, SyntheticTask.FEATURES);
        ValidationErrors errors = ValidationErrors.of(List.<double[]>of(rows));
        restart.cache.put(new CandidateCache.Entry(formula, law, new Evaluation(Arrays.stream(rows).average().orElseThrow(),
            errors.standardError(), law.parameterCount(), law.expr().size(), Map.of(), null)), errors);
    }

    private static CandidateCache.Entry failed(String formula, String failure) {
        Law law = Law.parse(formula, SyntheticTask.FEATURES);
        return new CandidateCache.Entry(formula, law,
            Evaluation.failed(failure, law.parameterCount(), law.expr().size()));
    }
}
