package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PullSpecTest {
    private static final List<String> COLUMNS = List.of("group", "num_experts", "loss_validation");

    private static String refusal(String task, List<String> columns, Map<String, Integer> expected) {
        return assertThrows(IllegalArgumentException.class,
            () -> new PullSpec(task, "d/x", "c", columns, expected)).getMessage();
    }

    @Test
    void sldbenchPullsTheConfigNamedAfterTheTaskFromPkuHaoweiSldbench() {
        PullSpec spec = PullSpec.sldbench("moe_scaling_law", COLUMNS, Map.of("train", 165, "test", 28));

        assertEquals(new PullSpec("moe_scaling_law", "pkuHaowei/sldbench", "moe_scaling_law", COLUMNS,
            Map.of("train", 165, "test", 28)), spec);
        assertEquals("group", spec.groupColumn());
        assertEquals(Optional.of(165), spec.expectedRows("train"));
        assertEquals(Optional.of(28), spec.expectedRows("test"));
    }

    @Test
    void theSplitsArePulledTrainFirst() {
        assertEquals(List.of("train", "test"), PullSpec.SPLITS);
    }

    @Test
    void aSplitLeftOutOfTheExpectedRowsIsNotChecked() {
        PullSpec spec = PullSpec.sldbench("t", COLUMNS, Map.of("test", 0));

        assertEquals(Optional.empty(), spec.expectedRows("train"));
        assertEquals(Optional.of(0), spec.expectedRows("test"));
        assertEquals(Optional.empty(), spec.expectedRows("validation"));
    }

    @Test
    void copiesItsColumnsAndCountsSoThatTheCallerCannotChangeThemLater() {
        List<String> columns = new ArrayList<>(COLUMNS);
        Map<String, Integer> expected = new HashMap<>(Map.of("train", 3));
        PullSpec spec = PullSpec.sldbench("t", columns, expected);

        columns.set(0, "other");
        expected.put("train", 4);

        assertEquals(COLUMNS, spec.columns());
        assertEquals(Optional.of(3), spec.expectedRows("train"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"moe_scaling_law", "lr-bsz", "v1.2", "...", "A9"})
    void acceptsTaskNamesThatArePlainPathElements(String task) {
        assertEquals(task, new PullSpec(task, "d/x", "c", COLUMNS, Map.of()).task());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../etc", "a/b", "a\\b", "has space", "tâche", "C:"})
    void refusesTaskNamesThatAreNotOnePlainPathElementQuotingThem(String task) {
        assertEquals("a task name must be letters, digits, '_', '-' or '.', not '" + task + "'",
            refusal(task, COLUMNS, Map.of()));
    }

    @Test
    void refusesNoColumnsAndRepeatedColumnsNamingTheTask() {
        assertEquals("task 't' names no columns", refusal("t", List.of(), Map.of()));
        assertEquals("task 't' names a column twice: [g, n, g]", refusal("t", List.of("g", "n", "g"), Map.of()));
    }

    @Test
    void refusesExpectedRowsOfAnUnknownSplitOrANegativeCount() {
        assertEquals("task 't' expects rows of unknown split 'validation'",
            refusal("t", COLUMNS, Map.of("validation", 3)));
        assertEquals("task 't' expects -1 rows in 'train'", refusal("t", COLUMNS, Map.of("train", -1)));
    }

    @Test
    void refusesNullsNamingTheField() {
        assertEquals("task", assertThrows(NullPointerException.class,
            () -> new PullSpec(null, "d", "c", COLUMNS, Map.of())).getMessage());
        assertEquals("dataset", assertThrows(NullPointerException.class,
            () -> new PullSpec("t", null, "c", COLUMNS, Map.of())).getMessage());
        assertEquals("config", assertThrows(NullPointerException.class,
            () -> new PullSpec("t", "d", null, COLUMNS, Map.of())).getMessage());
    }
}
