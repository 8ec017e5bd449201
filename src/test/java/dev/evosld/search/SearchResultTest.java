package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.eval.ParameterSet;
import dev.evosld.fit.StartAgreement;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchResultTest {
    private static final Law LAW = Law.parse("E + A*N^a", SyntheticTask.FEATURES);
    private static final Evaluation EVALUATION = new Evaluation(0.02, 0.001, 3, 7, Map.of(), null);

    @Test
    void candidatesPerSecondDividesTheFittedCandidatesByTheSeconds() {
        assertEquals(200.0, result(300, 1.5, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()).candidatesPerSecond(), 0.0);
    }

    @Test
    void aRunThatTookNoMeasurableTimeReportsZeroCandidatesPerSecondNotInfinity() {
        assertEquals(0.0, result(300, 0, List.of(), List.of(), List.of()).candidatesPerSecond(), 0.0);
        assertEquals(0.0, result(0, 0, List.of(), List.of(), List.of()).candidatesPerSecond(), 0.0);
    }

    @Test
    void theFrontHistoryAndProposersAreImmutableCopiesOfTheListsGiven() {
        List<FrontLaw> front = new ArrayList<>(List.of(new FrontLaw(LAW, EVALUATION, 0)));
        List<HistoryEntry> history = new ArrayList<>(List.of(new HistoryEntry(1, 0.02, 0.98, 10, 2, 0.5)));
        List<String> proposers = new ArrayList<>(List.of("classic forms"));
        SearchResult result = result(10, 1, front, history, proposers);
        front.clear();
        history.clear();
        proposers.add("llm x");

        assertEquals(List.of(new FrontLaw(LAW, EVALUATION, 0)), result.front());
        assertEquals(List.of(new HistoryEntry(1, 0.02, 0.98, 10, 2, 0.5)), result.history());
        assertEquals(List.of("classic forms"), result.proposers());
        assertThrows(UnsupportedOperationException.class, () -> result.front().clear());
        assertThrows(UnsupportedOperationException.class, () -> result.history().clear());
        assertThrows(UnsupportedOperationException.class, () -> result.proposers().clear());
    }

    @Test
    void theStoppingReasonsAreTheWordsRecordedInLawJson() {
        // law.json and the CLI's summary carry these strings; changing them breaks documents already written
        assertEquals("generations", SearchResult.BY_GENERATIONS);
        assertEquals("time limit", SearchResult.BY_TIME_LIMIT);
    }

    static SearchResult result(long fitted, double seconds, List<FrontLaw> front, List<HistoryEntry> history,
                               List<String> proposers) {
        ParameterSet parameters = ParameterSet.of(LAW.parameters(), List.of("loss"),
            Map.of("a", new double[][] {{1.0, 2.0, -0.3}}));
        return new SearchResult(LAW, EVALUATION, parameters, 0.99, new StartAgreement(1, 0), front, history, 4,
            fitted, 5, seconds, SearchResult.BY_GENERATIONS, null, proposers, 1);
    }
}
