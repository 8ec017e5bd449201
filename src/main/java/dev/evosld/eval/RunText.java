package dev.evosld.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Names a run by its features in messages, since a row index means nothing to whoever wrote the CSV. */
public final class RunText {
    private RunText() {
    }

    /**
     * {@code the run at N = 1e7, D = 2.5e8}; {@code row R} (1-based) when there are no features to name it by.
     *
     * @param variables the features' names
     * @param columns per feature, its values
     * @param row the run's index in the columns
     */
    public static String at(List<String> variables, double[][] columns, int row) {
        if (variables.isEmpty()) {
            return "row " + (row + 1);
        }
        List<String> values = new ArrayList<>();
        for (int j = 0; j < variables.size(); j++) {
            values.add(variables.get(j) + " = " + number(columns[j][row]));
        }
        return "the run at " + String.join(", ", values);
    }

    /** Six significant digits at most, as a CSV would hold them: {@code 1e8}, {@code 3.5e7}, {@code 0.25}. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toString()
            .replace("E+", "e").replace("E", "e");
    }
}
