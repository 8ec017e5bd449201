package dev.evosld.data;

import java.nio.file.Path;
import java.util.Arrays;
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
 * is the split rule's column, or else the split's {@code scaleAxes} (default: the first feature, except under
 * cross-validation, which needs none); validation holds out the top of them as {@code holdout} says, or as
 * {@link #chosenHoldout} chooses from the runs.
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
 * @param targetRange the values the targets can take (see {@link TaskConfig#targetRange()}), or {@code null} when the
 *     user did not say: the search takes that for any value, but {@code -inf,inf} given on purpose is a statement that
 *     a run records and {@code predict} heeds, where it would otherwise go by the signs of train
 * @param holdout how validation holds runs out inside train, or {@code null} to choose it from the runs when
 *     they are read
 */
public record UserData(
    Path data, List<String> features, List<String> targets, String groupColumn, int parameterBudget, Split split,
    TaskConfig.Trend trend, List<String> fallsWith, TaskConfig.Bound targetRange, TaskConfig.Holdout holdout) {

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
        if (groupColumn != null && groupColumn.isBlank()) {
            throw new DataException("the group column name is empty");
        }
    }

    /**
     * A user's runs, each of which must keep its trend beyond the data, with no feature known to lower the targets
     * and no limit known to their values, validated as {@link #chosenHoldout} chooses.
     */
    public UserData(Path data, List<String> features, List<String> targets, String groupColumn, int parameterBudget,
                    Split split) {
        this(data, features, targets, groupColumn, parameterBudget, split, TaskConfig.Trend.PER_RUN, List.of(), null,
            null);
    }

    /** The values the targets can take: those the user gave, or any value. */
    private TaskConfig.Bound possibleTargets() {
        return Objects.requireNonNullElse(targetRange, TaskConfig.Bound.UNBOUNDED);
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

        /** The rule as {@code N>1e9} or {@code N>=1e9}: its number as the user would write it. */
        @Override
        public String toString() {
            return column + (inclusive ? ">=" : ">") + NumberText.of(threshold);
        }
    }

    /**
     * Test rows come from a second file with the same columns.
     *
     * @param scaleAxes the features the test file extrapolates along (a grid of sizes and token counts grows
     *     along both), or empty (null) for the first feature
     */
    public record TestFile(Path test, List<String> scaleAxes) implements Split {
        public TestFile {
            Objects.requireNonNull(test, "test");
            scaleAxes = scaleAxes == null ? List.of() : List.copyOf(scaleAxes);
        }
    }

    /**
     * No test split: every row is train, and no law is scored on held-out rows. Validation still holds out
     * the top of the scale axes inside train, as with a split.
     *
     * @param scaleAxes the features laws are chosen to extrapolate along, or empty (null) for the first feature
     */
    public record NoTest(List<String> scaleAxes) implements Split {
        public NoTest {
            scaleAxes = scaleAxes == null ? List.of() : List.copyOf(scaleAxes);
        }
    }

    /** The fraction of each group's runs held out when its largest value of the scale axis is a single run. */
    public static final double SWEEP_FRACTION = 0.2;

    /** The fewest runs per group, on average, from which a fraction is held out rather than the largest value. */
    public static final int SWEEP_GROUP_RUNS = 20;

    /** The folds of cross-validation for the shares of a mixture, as domain_mixture's config has them. */
    public static final int MIXTURE_FOLDS = 5;

    private static final TaskConfig.Holdout LARGEST_VALUE = new TaskConfig.Holdout.TopValues(1, 0);

    /**
     * The holdout when the user gives none. When no scale axis is named and the features are the shares of a
     * mixture ({@link Table#featuresAreShares()}), there is no scale to extrapolate along and the runs are
     * cross-validated in {@link #MIXTURE_FOLDS} folds. Where the largest values of the scale axes hold fewer than
     * two runs per group on average (a compute sweep in which every model differs), holding them out would judge
     * each law by one run per group. When the groups are large (at least {@link #SWEEP_GROUP_RUNS} runs on
     * average) a fifth can be spared from fitting, so the top fifth of each group's runs along the axes is held
     * out. Otherwise the largest values are, as most SLDBench test splits were cut: small groups need their runs
     * to fit on. A single small group whose largest value is a single run holds out its two largest values, since
     * R² cannot grade one run.
     *
     * @param train the train rows
     * @param axes the scale axes named, or none (then the first feature, unless the features are shares)
     */
    static TaskConfig.Holdout chosenHoldout(Table train, List<String> axes) {
        if (axes.isEmpty() && train.featuresAreShares()) {
            return new TaskConfig.Holdout.Folds(MIXTURE_FOLDS, 0);
        }
        int[] indices = axes.isEmpty() ? new int[] {0} : axes.stream().mapToInt(train.features()::indexOf).toArray();
        long atLargest = 0;
        long rows = 0;
        for (Group group : train.groups()) {
            boolean[] top = new boolean[group.rows()];
            for (int axis : indices) {
                double[] values = group.feature(axis);
                double largest = Arrays.stream(values).max().orElseThrow();
                for (int r = 0; r < values.length; r++) {
                    top[r] |= values[r] == largest;
                }
            }
            for (boolean held : top) {
                atLargest += held ? 1 : 0;
            }
            rows += group.rows();
        }
        int groups = train.groups().size();
        boolean sweep = atLargest < 2L * groups && rows >= (long) SWEEP_GROUP_RUNS * groups;
        if (sweep) {
            return new TaskConfig.Holdout.TopFraction(SWEEP_FRACTION, 0);
        }
        // one group whose largest value is a single run, as in a handful of model sizes: R² cannot grade one run
        return atLargest < 2 ? new TaskConfig.Holdout.TopValues(2, 0) : LARGEST_VALUE;
    }

    /** The task's name: the file's name without its extension, made a valid task name. */
    public String taskName() {
        String file = data.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9_.-]", "_").replace("..", "_");
        return !stem.isEmpty() && Character.isLetterOrDigit(stem.charAt(0)) && stem.charAt(0) < 128 ? stem : "user_" + stem;
    }

    /**
     * Reads the file(s) and splits the rows (with {@link NoTest}, all of them are train). The task's config is
     * named after the file, with the scale axis from the split and the holdout given or chosen from the train
     * rows.
     *
     * @throws DataException if the columns are not usable (a feature that is not an identifier, a column
     *     listed twice, a split column that is not a feature, a budget below 1), a file is missing or
     *     malformed, the split leaves train or test empty, a group has test rows but no train rows, or a scale axis
     *     named is one value within each group, a target's squares are beyond doubles, or a target rises in every
     *     group with a feature named in {@code fallsWith}
     */
    public TaskData load() {
        List<String> axes = namedAxes();
        // the columns are checked before the file is read, whatever holdout the rows will choose
        config(axes.isEmpty() && !features.isEmpty() ? List.of(features.getFirst()) : axes,
            Objects.requireNonNullElse(holdout, LARGEST_VALUE));
        TableReader.Rows rows = TableReader.read(data, groupColumn, features, targets)
            .requireTargetsWithin(possibleTargets());
        return switch (split) {
            case ScaleRule rule -> splitByRule(rows, rule);
            case TestFile file -> {
                Train train = new Train(rows.table()).requireVaryingAxes(file.scaleAxes(), rows.source());
                TableReader.Rows testRows = TableReader.read(file.test(), groupColumn, features, targets)
                    .requireTargetsWithin(possibleTargets());
                TaskData.requireTrainRows(testRows, train, "in " + data);
                yield new TaskData(chosenConfig(axes, train), checked(train, rows),
                    new Test(testRows.table()));
            }
            case NoTest none -> {
                Train train = new Train(rows.table()).requireVaryingAxes(none.scaleAxes(), rows.source());
                yield new TaskData(chosenConfig(axes, train), checked(train, rows), Optional.empty());
            }
        };
    }

    /**
     * The train rows, refused when a target is one value, too large or too narrow for doubles to square, or rises with
     * a feature it is said to fall with.
     */
    private Train checked(Train train, TableReader.Rows rows) {
        return train.requireVaryingTargets(rows.source()).requireSquarableTargets(rows.source())
            .requireFallingTargets(fallsWith, rows.source());
    }

    /** The names in the data file's header line, in file order. */
    public List<String> columns() {
        return TableReader.header(data);
    }

    /**
     * The columns of the data file that are neither features nor targets nor the group, in file order: a law's name
     * that is one of them is a forgotten feature, not a parameter ({@link #columnTakenAsParameter}).
     */
    public List<String> otherColumns() {
        return columns().stream()
            .filter(c -> !features.contains(c) && !targets.contains(c) && !c.equals(groupColumn))
            .toList();
    }

    /**
     * The columns of the {@code --test} file that the data file lacks, in file order; none without one. A law cannot
     * use them, as train has no values of them, so a law's name that is one of them would be fitted as a constant.
     */
    public List<String> testOnlyColumns() {
        if (!(split instanceof TestFile file)) {
            return List.of();
        }
        List<String> train = columns();
        return TableReader.header(file.test()).stream().filter(column -> !train.contains(column)).toList();
    }

    /**
     * Why a law's parameter named {@code column}, one of the {@link #otherColumns}, is a mistake: the law language
     * makes it a fitted constant, where its author meant the column. Each user of a law adds the remedy it can offer.
     */
    public static String columnTakenAsParameter(String column) {
        return "'" + column + "' is a column of the data but not a feature, so the law would take it as a parameter,"
            + " one constant per group";
    }

    /** The scale axes the split names, or none. */
    private List<String> namedAxes() {
        List<String> named = switch (split) {
            case ScaleRule rule -> List.of(rule.column());
            case TestFile file -> file.scaleAxes();
            case NoTest none -> none.scaleAxes();
        };
        for (String axis : named) {
            if (!features.contains(axis)) {
                String what = split instanceof ScaleRule rule ? "split rule " + rule : "scale axis";
                throw new DataException(data + ": " + what + ": " + MessageText.quote(axis)
                    + " is not a feature (features: " + MessageText.names(features) + ")");
            }
        }
        return named;
    }

    /**
     * The config with the holdout given or chosen; without a named axis, the first feature is the axis unless
     * the runs are cross-validated.
     */
    private TaskConfig chosenConfig(List<String> named, Train train) {
        TaskConfig.Holdout chosen = holdout != null ? holdout : chosenHoldout(train.table(), named);
        return config(scaleAxes(named, chosen, features), chosen);
    }

    /**
     * The scale axes of a user's runs: those named, else the first feature unless the runs are cross-validated, which
     * needs no axis.
     */
    public static List<String> scaleAxes(List<String> named, TaskConfig.Holdout holdout, List<String> features) {
        return named.isEmpty() && !(holdout instanceof TaskConfig.Holdout.Folds) ? List.of(features.getFirst()) : named;
    }

    private TaskConfig config(List<String> axes, TaskConfig.Holdout chosen) {
        try {
            List<TaskConfig.Feature> described = features.stream()
                .map(f -> new TaskConfig.Feature(f, "column '" + f + "' of " + data.getFileName()))
                .toList();
            return new TaskConfig(taskName(), "The user's own runs, from " + data.getFileName() + ".", described,
                targets, parameterBudget, axes, chosen, trend, fallsWith, possibleTargets(), null, Map.of(), null, null,
                null);
        } catch (DataException e) {
            throw new DataException(data + ": " + e.getMessage(), e);
        }
    }

    private TaskData splitByRule(TableReader.Rows rows, ScaleRule rule) {
        int axis = features.indexOf(rule.column());
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
                + rule.column() + " is " + NumberText.of(largest) + ")");
        }
        if (tests == rows.size()) {
            throw new DataException(rows.source() + ": split rule " + rule + " leaves no train rows (the smallest "
                + rule.column() + " is " + NumberText.of(smallest) + ")");
        }
        Train train = new Train(rows.table(isTest.negate()));
        Set<String> trained = train.table().groups().stream().map(Group::name).collect(Collectors.toSet());
        for (int row = 0; row < rows.size(); row++) {
            if (isTest.test(row) && !trained.contains(rows.group(row))) {
                throw new DataException(rows.source() + ":" + rows.line(row) + ": group " + MessageText.quote(rows.group(row))
                    + " has only test rows under split rule " + rule + ", so no law can be fitted to it");
            }
        }
        return new TaskData(chosenConfig(List.of(rule.column()), train), checked(train, rows),
            new Test(rows.table(isTest)));
    }
}
