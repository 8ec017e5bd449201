package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.fit.StartAgreement;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {
    private static final List<String> FEATURES = SyntheticTask.FEATURES;
    private static final Law CHOSEN = Law.parse("E + A*N^a", FEATURES);
    private static final Law SIMPLER = Law.parse("A*N^a", FEATURES);
    private static final Evaluation CHOSEN_SCORE = new Evaluation(0.01, 0.001, 3, 7, Map.of(), null);
    private static final Evaluation SIMPLER_SCORE = new Evaluation(0.3, 0.02, 2, 5, Map.of(), null);
    private static final List<HistoryEntry> HISTORY = List.of(new HistoryEntry(1, 0.3, 0.7, 20, 0, 0.25),
        new HistoryEntry(2, 0.01, 0.99, 31, 9, 0.5));
    private static final SearchSettings SETTINGS = SearchSettings.defaults().withSeed(17).withGenerations(8)
        .withRestarts(2);
    private static final DataSource SOURCE = DataSource.sldbench("synthetic");

    @TempDir
    Path directory;

    /** Predictions of 1, 2, 4 for 1, 2, 3: squared error 1/3 against a variance of 2/3, so R² = 0.5. */
    private static Predictions test(double lastPrediction) {
        return new Predictions(List.of("loss"), List.of(new double[] {1, 2, 3}),
            List.of(new double[] {1, 2, lastPrediction}), List.of());
    }

    private static SearchResult result(double trainR2, ValidationRmse rmse) {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("a", new double[][] {{1.7, 400, -0.34}});
        values.put("b", new double[][] {{2.1, 410, -0.33}});
        return new SearchResult(CHOSEN, CHOSEN_SCORE, ParameterSet.of(CHOSEN.parameters(), List.of("loss"), values),
            trainR2, new StartAgreement(2, 1),
            List.of(new FrontLaw(SIMPLER, SIMPLER_SCORE, Double.NaN), new FrontLaw(CHOSEN, CHOSEN_SCORE, 0.0)),
            HISTORY, 2, 31, 9, 0.5, SearchResult.BY_TIME_LIMIT, rmse, List.of("classic forms"), 1);
    }

    private LawDocument write(SearchResult result, Optional<Predictions> test) {
        return RunRecorder.write(new RunDirectory(directory), SyntheticTask.config(), SyntheticTask.train(), SOURCE,
            "sha", SETTINGS, result, test);
    }

    @Test
    void lawJsonRecordsTheChosenLawItsScoresAndHowTheSearchEnded() {
        LawDocument written = write(result(0.995, new ValidationRmse(List.of("loss"), List.of(0.04), 10)),
            Optional.of(test(4)));

        LawDocument read = LawDocument.read(directory.resolve("law.json"));
        assertEquals(written, read, "the document returned is the one on disk");
        assertEquals("synthetic", read.task());
        assertEquals(CHOSEN, read.parsedLaw());
        assertEquals(List.of("loss"), read.targets());
        assertArrayEquals(new double[] {2.1, 410, -0.33}, read.parameterSet("law.json").values("b", 0));
        assertEquals(new LawDocument.Metrics(0.995, 0.99, Map.of("loss", 0.04), 0.5, Map.of("loss", Math.sqrt(1.0 / 3)),
            true, 3, 7), read.metrics());
        assertEquals(Map.of("N", new LawDocument.Range(1e7, 1e9)), read.trainRanges(), "only the law's variables");

        LawDocument.Provenance provenance = read.provenance();
        assertEquals("discover", provenance.command());
        assertEquals(SOURCE, provenance.data());
        assertEquals("sha", provenance.dataChecksum());
        assertEquals(17, provenance.seed());
        assertEquals(new LawDocument.Search(2, 8, "time limit", List.of("classic forms"), 1, 2,
            new LawDocument.Refit(SETTINGS.finalStarts(), 2, 1)), provenance.search());
        assertTrue(provenance.search().restartsCutShort());
        // throws unless it is an ISO-8601 instant
        Instant.parse(provenance.created());
    }

    @Test
    void aFailedTrainFitOrTestScoreIsRecordedAsMissingNotAsANumber() {
        write(result(Double.NaN, null), Optional.of(test(Double.NaN)));

        LawDocument.Metrics metrics = LawDocument.read(directory.resolve("law.json")).metrics();
        assertNull(metrics.trainR2());
        assertNull(metrics.validationRmse());
        assertNull(metrics.testR2());
        assertNull(metrics.testRmse(), "no test RMSE beside a failed test R²");
        assertTrue(metrics.testSplit(), "a failed test score is not a missing test split");
        assertEquals(0.99, metrics.validationR2(), 0.0);
    }

    @Test
    void dataWithoutATestSplitSaysSoRatherThanLookingLikeAFailedTest() {
        write(result(0.995, null), Optional.empty());

        LawDocument.Metrics metrics = LawDocument.read(directory.resolve("law.json")).metrics();
        assertFalse(metrics.testSplit());
        assertFalse(metrics.hasTestSplit());
        assertNull(metrics.testR2());
        assertNull(metrics.testRmse());
    }

    @Test
    void paretoJsonListsTheFrontSimplestFirstAndMarksTheChosenLaw() throws Exception {
        write(result(0.995, null), Optional.empty());

        ParetoEntry[] front = Json.mapper().readValue(Files.readString(directory.resolve("pareto.json")),
            ParetoEntry[].class);
        assertEquals(List.of(
            new ParetoEntry(SIMPLER.toString(), 2, 5, 0.3, 0.02, null, 0.7, false),
            new ParetoEntry(CHOSEN.toString(), 3, 7, 0.01, 0.001, 0.0, 0.99, true)), List.of(front));
    }

    @Test
    void aLaterTermWhoseSignSitsOnALiteralFactorReadsWithAMinusInLawJsonAndParetoJson() throws Exception {
        // the simplifier leaves these: -2 multiplies a parameter that the next term uses too, so it cannot absorb it
        Law chosen = Law.parse("E + -2*A*N^a + A*D^b", FEATURES);
        Law simpler = Law.parse("E + -1*A*N^a + A", FEATURES);
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("a", new double[][] {{1.7, -200, -0.34, -0.28}});
        SearchResult result = new SearchResult(chosen, CHOSEN_SCORE,
            ParameterSet.of(chosen.parameters(), List.of("loss"), values), 0.995, new StartAgreement(1, 0),
            List.of(new FrontLaw(simpler, SIMPLER_SCORE, Double.NaN), new FrontLaw(chosen, CHOSEN_SCORE, 0.0)),
            HISTORY, 2, 31, 9, 0.5, SearchResult.BY_GENERATIONS, null, List.of("classic forms"), 1);

        write(result, Optional.empty());

        LawDocument read = LawDocument.read(directory.resolve("law.json"));
        assertEquals("E - 2 * A * N^a + A * D^b", read.law());
        assertEquals(List.of("E", "A", "a", "b"), read.parameterNames());
        ParetoEntry[] front = Json.mapper().readValue(Files.readString(directory.resolve("pareto.json")),
            ParetoEntry[].class);
        assertEquals(List.of("E - A * N^a + A", "E - 2 * A * N^a + A * D^b"),
            java.util.Arrays.stream(front).map(ParetoEntry::law).toList());
        assertEquals(List.of(false, true), java.util.Arrays.stream(front).map(ParetoEntry::chosen).toList());
        // one law, one size: the search's count in both files, whatever the written form drops
        assertEquals(front[1].nodeCount(), read.metrics().nodeCount());
    }

    @Test
    void historyJsonHoldsEveryGenerationsEntryExactly() throws Exception {
        write(result(0.995, null), Optional.empty());

        HistoryEntry[] history = Json.mapper().readValue(Files.readString(directory.resolve("history.json")),
            HistoryEntry[].class);
        assertEquals(HISTORY, List.of(history));
    }

    @Test
    void aRunWhoseFrontCannotBeWrittenLeavesNoLawJsonSoItDoesNotPassAsFinished() throws Exception {
        Files.createDirectories(directory.resolve("pareto.json").resolve("blocker"));

        EvosldException e = assertThrows(EvosldException.class, () -> write(result(0.995, null), Optional.empty()));
        assertTrue(e.getMessage().startsWith("cannot write " + directory.resolve("pareto.json")), e.getMessage());
        assertFalse(Files.exists(directory.resolve("law.json")));
    }
}
