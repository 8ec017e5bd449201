package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBriefTest {
    private static final List<VariableBrief> VARIABLES =
        List.of(new VariableBrief("N", "model parameters", 1e7, 3e9), new VariableBrief("D", "", 1e9, 1e11));

    private static TaskBrief brief(int budget) {
        return new TaskBrief("toy", "Loss of toy models.", VARIABLES, List.of("loss"), budget, List.of("N"));
    }

    @Test
    void theShortConstructorKnowsNoFallingVariableAndNoTargetRange() {
        assertEquals(new TaskBrief("toy", "Loss of toy models.", VARIABLES, List.of("loss"), 4, List.of("N"), List.of(),
            TaskConfig.Bound.UNBOUNDED), brief(4));
    }

    @Test
    void listsAreCopiedSoTheBriefCannotChangeAfterwards() {
        List<VariableBrief> variables = new ArrayList<>(VARIABLES);
        List<String> axes = new ArrayList<>(List.of("N"));
        TaskBrief task = new TaskBrief("toy", "", variables, List.of("loss"), 3, axes);
        variables.clear();
        axes.add("D");
        assertEquals(VARIABLES, task.variables());
        assertEquals(List.of("N"), task.scaleAxes());
        assertThrows(UnsupportedOperationException.class, () -> task.targets().add("acc"));
    }

    @Test
    void aBudgetOfZeroIsAllowedButANegativeOneIsNot() {
        assertEquals(0, brief(0).budget());
        assertEquals("task toy: negative parameter budget -1",
            assertThrows(IllegalArgumentException.class, () -> brief(-1)).getMessage());
    }

    @Test
    void aTaskWithoutVariablesOrTargetsIsRefusedByName() {
        assertEquals("task toy has no variables", assertThrows(IllegalArgumentException.class,
            () -> new TaskBrief("toy", "", List.of(), List.of("loss"), 3, List.of())).getMessage());
        assertEquals("task toy has no targets", assertThrows(IllegalArgumentException.class,
            () -> new TaskBrief("toy", "", VARIABLES, List.of(), 3, List.of())).getMessage());
    }

    @Test
    void scaleAxesAndFallingVariablesMustBeVariablesByExactName() {
        assertEquals("task toy: scale axis n is not a variable", assertThrows(IllegalArgumentException.class,
            () -> new TaskBrief("toy", "", VARIABLES, List.of("loss"), 3, List.of("n"))).getMessage());
        assertEquals("task toy: falls_with loss is not a variable", assertThrows(IllegalArgumentException.class,
            () -> new TaskBrief("toy", "", VARIABLES, List.of("loss"), 3, List.of(), List.of("loss"),
                TaskConfig.Bound.UNBOUNDED)).getMessage());
    }

    @Test
    void nullNameDescriptionOrRangeIsRefusedNamingTheField() {
        assertEquals("description", assertThrows(NullPointerException.class,
            () -> new TaskBrief("toy", null, VARIABLES, List.of("loss"), 3, List.of())).getMessage());
        assertEquals("targetRange", assertThrows(NullPointerException.class,
            () -> new TaskBrief("toy", "", VARIABLES, List.of("loss"), 3, List.of(), List.of(), null)).getMessage());
    }

    @Test
    void theSeedPromptForASmallTaskStatesItsVariablesAxisFallingVariablesRangeAndBudget() {
        TaskBrief task = new TaskBrief("toy", "Loss of toy models.", VARIABLES, List.of("loss"), 4, List.of("N"),
            List.of("N", "D"), new TaskConfig.Bound(0, Double.POSITIVE_INFINITY));
        String user = PromptBuilder.standard().seed(task, List.of(), List.of(), 3, "r").get(1).content();
        assertTrue(user.contains("Task: toy\nLoss of toy models."), user);
        assertTrue(user.contains("- N: model parameters; 1e7 to 3e9\n- D: 1e9 to 1e11"), user);
        assertTrue(user.contains("The law predicts: loss"), user);
        assertTrue(user.contains("Extrapolation axis: N. Laws are fitted on the smaller values of N and judged by their"
            + " error on the largest ones. The targets never rise as N or D grows: a law whose prediction rises when one"
            + " of them grows beyond the data is rejected. The targets are never below 0: a law whose prediction leaves"
            + " that range beyond the data is rejected."), user);
        assertTrue(user.contains("Parameter budget: at most 4 parameters per law, each fitted per group."), user);
    }
}
