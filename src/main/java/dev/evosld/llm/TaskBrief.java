package dev.evosld.llm;

import dev.evosld.data.TaskConfig;
import java.util.List;
import java.util.Objects;

/**
 * What the model is told about a scaling-law task.
 *
 * @param name the task name
 * @param description what the data is, possibly empty
 * @param variables the input variables, at least one
 * @param targets the quantities a law predicts, at least one
 * @param budget the most parameters a law may have per group
 * @param scaleAxes the variables along which laws must extrapolate, each one of {@code variables}; empty
 *     for a task judged by cross-validation rather than extrapolation
 * @param fallsWith the variables the targets never rise with (a law that rises with one beyond the data is
 *     rejected), each one of {@code variables}; empty when none is known
 * @param targetRange the values the targets can take at all (a prediction outside them beyond the data is
 *     rejected); {@link TaskConfig.Bound#UNBOUNDED} when nothing is known
 */
public record TaskBrief(
    String name, String description, List<VariableBrief> variables, List<String> targets, int budget,
    List<String> scaleAxes, List<String> fallsWith, TaskConfig.Bound targetRange) {

    public TaskBrief {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        variables = List.copyOf(variables);
        targets = List.copyOf(targets);
        scaleAxes = List.copyOf(scaleAxes);
        fallsWith = List.copyOf(fallsWith);
        Objects.requireNonNull(targetRange, "targetRange");
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("task " + name + " has no variables");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("task " + name + " has no targets");
        }
        if (budget < 0) {
            throw new IllegalArgumentException("task " + name + ": negative parameter budget " + budget);
        }
        requireVariables(name, variables, scaleAxes, "scale axis");
        requireVariables(name, variables, fallsWith, "falls_with");
    }

    private static void requireVariables(String task, List<VariableBrief> variables, List<String> names, String what) {
        for (String name : names) {
            if (variables.stream().noneMatch(v -> v.name().equals(name))) {
                throw new IllegalArgumentException("task " + task + ": " + what + " " + name + " is not a variable");
            }
        }
    }

    /** A task with no variable known to lower the targets and no limit known to their values. */
    public TaskBrief(String name, String description, List<VariableBrief> variables, List<String> targets, int budget,
                     List<String> scaleAxes) {
        this(name, description, variables, targets, budget, scaleAxes, List.of(), TaskConfig.Bound.UNBOUNDED);
    }
}
