package dev.evosld.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs to predict, read from a CSV: each run's group and the features a law needs, in file order. Other
 * columns (a target of runs already finished, notes) are ignored, so a file of finished runs reads too.
 *
 * @param source how messages name the file
 * @param features the feature columns read, in the order of each run's values
 * @param runs the runs in file order
 * @param ignored features of the data given for the runs that the law does not use, so their values were ignored
 */
public record PlannedRuns(String source, List<String> features, List<Run> runs, List<String> ignored) {

    /**
     * One run.
     *
     * @param line the physical line of the file it is on (1 is the header), or 0 for a run not read from a file
     * @param group its group
     * @param values its features, in the order of {@link PlannedRuns#features()}
     */
    public record Run(int line, String group, double[] values) {
        public Run {
            Objects.requireNonNull(group);
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    public PlannedRuns {
        features = List.copyOf(features);
        runs = List.copyOf(runs);
        ignored = List.copyOf(ignored);
    }

    public PlannedRuns(String source, List<String> features, List<Run> runs) {
        this(source, features, runs, List.of());
    }

    /** Where a run came from, for messages: {@code runs.csv:7}, or the run itself when not read from a file. */
    public String where(Run run) {
        return run.line() > 0 ? source + ":" + run.line() : source;
    }

    /**
     * Reads a file of runs.
     *
     * @param groupColumn the column naming each run's group, or null when the runs form one group (a column of
     *     that name in the file is then not read)
     * @param defaultGroup the group of every run when the file has no {@code groupColumn}; null if the
     *     column is required (runs must say which group's parameters predict them)
     * @throws DataException naming the file, line and column of anything unusable
     */
    public static PlannedRuns read(Path file, List<String> features, String groupColumn, String defaultGroup) {
        // read once: a pipe (predict --runs /dev/stdin) has no second reading of the rows after the header's
        String text = TableReader.text(file);
        boolean grouped = groupColumn != null && TableReader.header(text, file.toString()).contains(groupColumn);
        if (!grouped && defaultGroup == null) {
            throw new DataException(file + ":1: missing column " + MessageText.quote(groupColumn)
                + " (the law's parameters differ by group, so each run must name its group)");
        }
        TableReader.Rows rows = TableReader.read(text, file.toString(), grouped ? groupColumn : null, features,
            List.of());
        List<Run> runs = new ArrayList<>(rows.size());
        double[] values = new double[features.size()];
        for (int row = 0; row < rows.size(); row++) {
            for (int j = 0; j < values.length; j++) {
                values[j] = rows.feature(j, row);
            }
            runs.add(new Run(rows.line(row), grouped ? rows.group(row) : defaultGroup, values));
        }
        return new PlannedRuns(file.toString(), features, runs);
    }

    /**
     * One run given on the command line as {@code N=1e10,D=2e11}: a value for each feature, in any order.
     *
     * @param unused other features of the data, which the law does not use: a value for one is accepted and
     *     ignored, so that a run can be written down whatever law was found for it
     * @throws DataException naming the run and the assignment that is malformed, unknown, repeated, missing
     *     or not a finite number
     */
    public static PlannedRuns single(String assignments, List<String> features, List<String> unused, String group) {
        String run = "run " + MessageText.quote(assignments);
        Map<String, Double> given = new LinkedHashMap<>();
        for (String assignment : assignments.split(",", -1)) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new DataException(run + ": " + MessageText.quote(assignment)
                    + " is not COLUMN=VALUE (write e.g. " + String.join(",", features.stream().map(f -> f + "=1e9").toList()) + ")");
            }
            String name = assignment.substring(0, equals).strip();
            String value = assignment.substring(equals + 1).strip();
            if (!features.contains(name) && !unused.contains(name)) {
                throw new DataException(run + ": " + MessageText.quote(name) + " is not a feature the law uses (it uses: "
                    + MessageText.names(features) + ")");
            }
            double number = TableReader.decimal(value);
            if (!Double.isFinite(number)) {
                throw new DataException(run + ": " + name + ": " + MessageText.quote(value) + " is not a finite number");
            }
            if (given.put(name, number) != null) {
                throw new DataException(run + ": " + name + " is given twice");
            }
        }
        List<String> ignored = given.keySet().stream().filter(unused::contains).toList();
        given.keySet().removeAll(unused);
        List<String> missing = features.stream().filter(f -> !given.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new DataException(run + ": no value for " + MessageText.names(missing));
        }
        double[] values = features.stream().mapToDouble(given::get).toArray();
        return new PlannedRuns(run, features, List.of(new Run(0, group, values)), ignored);
    }
}
