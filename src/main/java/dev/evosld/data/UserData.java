package dev.evosld.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A task made from the user's own CSV of runs: {@code --data runs.csv --features N,D --target loss
 * [--group model_family] [--budget 6]}, split into train and test by a scale rule ({@code N=1e9}: rows with
 * N above 1e9 are test) or by a second file, or not split at all: then every row is train, for a user who
 * wants the law fitted on all their runs to predict the next, larger one.
 *
 * <p>The task is named after the file, has no human law, no references and no hub source. Its scale axis
 * is the split rule's column, or else the split's {@code scaleAxis} (default: the first feature);
 * validation holds out each group's largest value of it.
 *
 * @param data the CSV file (RFC 4180, with a header line)
 * @param features the feature columns; they become law variables, so they must be identifiers
 * @param targets the target columns, at least one
 * @param groupColumn the column naming each row's group, or {@code null} for a single group named
 *     {@code all}
 * @param parameterBudget the most fitted parameters a law may have per group, over all targets
 * @param split how rows are divided into train and test, if they are
 * @param trend what must keep its trend beyond the data (see {@link TaskConfig.Trend})
 * @param fallsWith the features the targets never rise with beyond the data (see {@link TaskConfig#fallsWith()})
 * @param targetRange the values the targets can take (see {@link TaskConfig#targetRange()})
 */
public record UserData(
    Path data, List<String> features, List<String> targets, String groupColumn, int parameterBudget, Split split,
    TaskConfig.Trend trend, List<String> fallsWith, TaskConfig.Bound targetRange) {

    /** The budget when the user gives none: the median of SLDBench's single-target tasks. */
    public static final int DEFAULT_PARAMETER_BUDGET = 6;

    private static final Pattern RULE = Pattern.compile("\\s*([^=<>\\s]+)\\s*(>=|>|=)\\s*(\\S+)\\s*");

    public UserData {
        Objects.requireNonNull(data, "data");
        features = List.copyOf(features);
        targets = List.copyOf(targets);
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(trend, "trend");
        fallsWith = List.copyOf(fallsWith);
        Objects.requireNonNull(targetRange, "targetRange");
        if (groupColumn != null && groupColumn.isBlank()) {
            throw new DataException("the group column name is empty");
        }
    }

    /**
     * A user's runs, each of which must keep its trend beyond the data, with no feature known to lower the targets
     * and no limit known to their values.
     */
    public UserData(Path data, List<String> features, List<String> targets, String groupColumn, int parameterBudget,
                    Split split) {
        this(data, features, targets, groupColumn, parameterBudget, split, TaskConfig.Trend.PER_RUN, List.of(),
            TaskConfig.Bound.UNBOUNDED);
    }

    /** How a user's rows are divided into train and test, if they are. */
    public sealed interface Split {
    }

    /**
     * Rows whose {@code column} is above {@code threshold} (or at it, when {@code inclusive}) are test rows,
     * the rest train rows: the test split extrapolates along that column.
     */
    public record ScaleRule(String column, double threshold, boolean inclusive) implements Split {
        public ScaleRule {
            Objects.requireNonNull(column, "column");
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold " + threshold);
            }
        }

        /**
         * Parses {@code N=1e9} or {@code N>1e9} (test rows have N &gt; 1e9) and {@code N>=1e9} (N ≥ 1e9).
         *
         * @throws DataException if the rule has another form or the value is not a finite number
         */
        public static ScaleRule parse(String rule) {
            Matcher m = RULE.matcher(rule);
            if (!m.matches()) {
                throw new DataException("split rule " + MessageText.quote(rule)
                    + " is malformed: expected COLUMN=VALUE (test rows have COLUMN > VALUE) or COLUMN>=VALUE");
            }
            String value = m.group(3);
            double threshold = TableReader.decimal(value);
            if (!Double.isFinite(threshold)) {
                throw new DataException("split rule " + MessageText.quote(rule) + ": "
                    + MessageText.quote(value) + " is not a finite number");
            }
            return new ScaleRule(m.group(1), threshold, m.group(2).equals(">="));
        }

        /** Whether a row with this value of {@link #column()} is a test row. */
        public boolean isTest(double value) {
            return inclusive ? value >= threshold : value > threshold;
        }

        /** The rule as {@code N>1.0E9} or {@code N>=1.0E9}. */
        @Override
        public String toString() {
            return column + (inclusive ? ">=" : ">") + threshold;
        }
    }

    /**
     * Test rows come from a second file with the same columns.
     *
     * @param scaleAxis the feature the test file extrapolates along, or {@code null} for the first feature
     */
    public record TestFile(Path test, String scaleAxis) implements Split {
        public TestFile {
            Objects.requireNonNull(test, "test");
        }
    }

    /**
     * No test split: every row is train, and no law is scored on held-out rows. Validation still holds out
     * the top of the scale axis inside train, as with a split.
     *
     * @param scaleAxis the feature laws are chosen to extrapolate along, or {@code null} for the first feature
     */
    public record NoTest(String scaleAxis) implements Split {
    }

    /**
     * The task's config: named after the file, scale axis from the split, top value held out for validation.
     *
     * @throws DataException if the columns are not usable (a feature that is not an identifier, a column
     *     listed twice, a split column that is not a feature, a budget below 1)
     */
    public TaskConfig config() {
        String source = data.toString();
        String axis = switch (split) {
            case ScaleRule rule -> rule.column();
            case TestFile file -> orFirstFeature(file.scaleAxis());
            case NoTest none -> orFirstFeature(none.scaleAxis());
        };
        if (axis != null && !features.contains(axis)) {
            String what = split instanceof ScaleRule rule ? "split rule " + rule : "scale axis";
            throw new DataException(what + ": " + MessageText.quote(axis) + " is not a feature (features: "
                + MessageText.names(features) + ")");
        }
        try {
            List<TaskConfig.Feature> described = features.stream()
                .map(f -> new TaskConfig.Feature(f, "column '" + f + "' of " + data.getFileName()))
                .toList();
            return new TaskConfig(taskName(), "The user's own runs, from " + data.getFileName() + ".", described,
                targets, parameterBudget, axis == null ? List.of() : List.of(axis),
                new TaskConfig.Holdout.TopValues(1, 0), trend, fallsWith, targetRange, null, Map.of(), null, null,
                null);
        } catch (DataException e) {
            throw new DataException(source + ": " + e.getMessage(), e);
        }
    }

    private String orFirstFeature(String axis) {
        return axis != null ? axis : features.isEmpty() ? null : features.getFirst();
    }

    /**
     * Reads the file(s) and splits the rows (with {@link NoTest}, all of them are train).
     *
     * @throws DataException if a file is missing or malformed, the split leaves train or test empty, or a
     *     group has test rows but no train rows
     */
    public TaskData load() {
        TaskConfig config = config();
        TableReader.Rows rows = TableReader.read(data, groupColumn, features, targets)
            .requireTargetsWithin(targetRange);
        return switch (split) {
            case ScaleRule rule -> splitByRule(config, rows, rule);
            case TestFile file -> {
                Train train = new Train(rows.table());
                TableReader.Rows testRows = TableReader.read(file.test(), groupColumn, features, targets)
                    .requireTargetsWithin(targetRange);
                TaskData.requireTrainRows(testRows, train, "in " + data);
                yield new TaskData(config, train, new Test(testRows.table()));
            }
            case NoTest none -> new TaskData(config, new Train(rows.table()), Optional.empty());
        };
    }

    private static TaskData splitByRule(TaskConfig config, TableReader.Rows rows, ScaleRule rule) {
        int axis = config.featureNames().indexOf(rule.column());
        IntPredicate isTest = row -> rule.isTest(rows.feature(axis, row));
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        int tests = 0;
        for (int row = 0; row < rows.size(); row++) {
            double value = rows.feature(axis, row);
            smallest = Math.min(smallest, value);
            largest = Math.max(largest, value);
            tests += isTest.test(row) ? 1 : 0;
        }
        if (tests == 0) {
            throw new DataException(rows.source() + ": split rule " + rule + " leaves no test rows (the largest "
                + rule.column() + " is " + largest + ")");
        }
        if (tests == rows.size()) {
            throw new DataException(rows.source() + ": split rule " + rule + " leaves no train rows (the smallest "
                + rule.column() + " is " + smallest + ")");
        }
        Train train = new Train(rows.table(isTest.negate()));
        Set<String> trained = train.table().groups().stream().map(Group::name).collect(Collectors.toSet());
        for (int row = 0; row < rows.size(); row++) {
            if (isTest.test(row) && !trained.contains(rows.group(row))) {
                throw new DataException(rows.source() + ":" + rows.line(row) + ": group " + MessageText.quote(rows.group(row))
                    + " has only test rows under split rule " + rule + ", so no law can be fitted to it");
            }
        }
        return new TaskData(config, train, new Test(rows.table(isTest)));
    }

    private String taskName() {
        String file = data.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9_.-]", "_").replace("..", "_");
        return !stem.isEmpty() && Character.isLetterOrDigit(stem.charAt(0)) && stem.charAt(0) < 128 ? stem : "user_" + stem;
    }
}
