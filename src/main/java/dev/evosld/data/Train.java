package dev.evosld.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rows a law may be fitted and selected on. A distinct type from {@link Test}, so that code which fits
 * or selects cannot be handed test rows by mistake.
 */
public record Train(Table table) {
    public Train {
        Objects.requireNonNull(table, "table");
    }

    /**
     * These rows, refused when a target is one value in every run: any law with an offset fits it exactly and R²
     * divides by its spread of 0, so there is nothing to fit, choose or score, and a user most likely named the wrong
     * column. A target that is constant within one group only is fine, as R² pools the groups.
     *
     * @param source the file the rows were read from, for the message
     * @throws DataException naming the source and the target
     */
    Train requireVaryingTargets(String source) {
        for (int t = 0; t < table.targets().size(); t++) {
            int target = t;
            double first = table.groups().getFirst().target(t, 0);
            // == rather than distinct(), which tells 0.0 from -0.0 where the variance does not
            if (table.groups().stream().allMatch(g -> Arrays.stream(g.target(target)).allMatch(v -> v == first))) {
                throw new DataException(source + ": target " + MessageText.quote(table.targets().get(t)) + " is "
                    + NumberText.of(first) + (table.rows() == 1 ? " in the only train run" : " in every train run")
                    + ", so there is nothing for a law to explain (R² would be undefined)");
            }
        }
        return this;
    }
}
