package dev.evosld.llm;

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
 * @param scaleAxis the variable along which laws must extrapolate; one of {@code variables}
 */
public record TaskBrief(
    String name, String description, List<VariableBrief> variables, List<String> targets, int budget,
    String scaleAxis) {

    public TaskBrief {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        variables = List.copyOf(variables);
        targets = List.copyOf(targets);
        Objects.requireNonNull(scaleAxis, "scaleAxis");
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("task " + name + " has no variables");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("task " + name + " has no targets");
        }
        if (budget < 0) {
            throw new IllegalArgumentException("task " + name + ": negative parameter budget " + budget);
        }
        if (variables.stream().noneMatch(v -> v.name().equals(scaleAxis))) {
            throw new IllegalArgumentException("task " + name + ": scale axis " + scaleAxis + " is not a variable");
        }
    }
}
