package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.DataException;
import dev.evosld.data.Group;
import dev.evosld.data.GroupNames;
import dev.evosld.data.MessageText;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Table;
import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import dev.evosld.data.hub.PulledFiles;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import dev.evosld.run.DataSource;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which data a command works on: an SLDBench task from the data directory, or the user's own CSV of runs.
 */
final class TaskOptions {

    /** Optional to picocli so that {@code fit --law-file} can take the data a run recorded; see {@link #source()}. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--data-dir", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
        description = "Where SLDBench tasks live (default: $EVOSLD_DATA, else data/).")
    Path dataDir;

    static final class Source {
        @Option(names = {"-t", "--task"}, paramLabel = "TASK", description = "An SLDBench task, e.g. moe_scaling_law.")
        String task;

        @ArgGroup(exclusive = false)
        UserOptions user;
    }

    static final class UserOptions {
        @Option(names = "--data", converter = NonEmptyPathConverter.class, required = true, paramLabel = "CSV",
            description = "Your own CSV of runs.")
        Path data;

        @Option(names = "--features", required = true, split = ",", paramLabel = "COL",
            description = "Feature columns of --data, comma-separated.")
        List<String> features;

        @Option(names = "--target", required = true, split = ",", paramLabel = "COL",
            description = "Target column(s) of --data.")
        List<String> targets;

        @Option(names = "--group", paramLabel = "COL", description = "Group column (default: one group 'all').")
        String group;

        @Option(names = "--test-above", paramLabel = "COL=VALUE",
            description = "Optional: rows with COL above VALUE (COL>=VALUE: at least) are the test split, scored once"
                + " at the end. Without it or --test, every row is train: the law is fitted on all of them and has no test R².")
        String testAbove;

        @Option(names = "--test", converter = NonEmptyPathConverter.class, paramLabel = "CSV",
            description = "Optional, instead of --test-above: a second CSV holding the test rows.")
        Path test;

        @Option(names = "--scale-axis", split = ",", paramLabel = "COL",
            description = "The features validation extrapolates along, with --test or without a test split: the runs "
                + "at the top of any of them are held out, as a grid of sizes and token counts grows along both "
                + "(default: the first feature; with --test-above, its column).")
        List<String> scaleAxes = List.of();

        @Option(names = "--budget", paramLabel = "N", defaultValue = "" + UserData.DEFAULT_PARAMETER_BUDGET,
            description = "Most parameters per group a law may have, over all targets (default: ${DEFAULT-VALUE}).")
        int budget;

        @Option(names = "--trend", paramLabel = "per_run|group_mean|u_shaped", defaultValue = "per_run",
            description = "What must keep its trend beyond the largest scale: every run (default), only a "
                + "group's mean (when other features, such as a learning rate, have a best value that moves with scale), "
                + "or every run but a falling score may turn and rise (U-shaped scaling).")
        String trend;

        @Option(names = "--falls-with", split = ",", paramLabel = "COL",
            description = "Features the target never rises with beyond the data, such as tokens or parameters: "
                + "a law whose prediction rises there is rejected (default: none).")
        List<String> fallsWith = List.of();

        @Option(names = "--target-range", paramLabel = "LOW,HIGH",
            description = "The values the target can take at all, e.g. 0,1 for an accuracy, -inf,0 for a negated "
                + "error or -inf,inf for any; a law whose prediction leaves them beyond the data is rejected (default: "
                + "any value, and predict takes a target positive throughout train to stay so).")
        String targetRange;

        @Option(names = "--holdout", paramLabel = "top_values=N|top_fraction=F|folds=K",
            description = "Which runs validation holds out inside train: each group's N largest values of the scale "
                + "axis, its top fraction F of runs along it, or K-fold cross-validation (for runs without a scale, "
                + "such as data mixtures; the scale axis is then only the one named). Default: top_fraction="
                + UserData.SWEEP_FRACTION + " when the largest value is mostly a single run and groups hold "
                + UserData.SWEEP_GROUP_RUNS + " runs or more on average; folds=" + UserData.MIXTURE_FOLDS
                + " for the shares of a mixture without a named axis; else top_values=1.")
        String holdout;

        UserData userData() {
            if (testAbove != null && test != null) {
                throw new UsageException("--data takes at most one of --test-above COL=VALUE and --test CSV");
            }
            if (testAbove != null && !scaleAxes.isEmpty()) {
                throw new UsageException("--test-above COL=VALUE extrapolates along COL; --scale-axis is for --test or"
                    + " no test split");
            }
            List<String> featureNames = names("--features", features);
            for (String feature : featureNames) {
                if (Operator.ofFunctionName(feature).isPresent()) {
                    throw new UsageException("--features '" + feature + "' is a function of the law language ("
                        + Operator.functionNames() + "), so no law could use it as a variable: rename the column");
                }
            }
            List<String> targetNames = names("--target", targets);
            for (String target : targetNames) {
                if (featureNames.contains(target)) {
                    throw new UsageException("--target '" + target + "' is also a feature (features: "
                        + String.join(", ", featureNames) + ")");
                }
            }
            String groupName = groupColumn(featureNames, targetNames);
            List<String> axes = names("--scale-axis", scaleAxes);
            List<String> falling = names("--falls-with", fallsWith);
            requireFeatures("--scale-axis", axes, featureNames);
            requireFeatures("--falls-with", falling, featureNames);
            UsageException.atLeast("--budget", budget, 1);
            UserData.Split split = testAbove != null ? splitRule(testAbove, featureNames)
                : test != null ? new UserData.TestFile(test, axes)
                : new UserData.NoTest(axes);
            return new UserData(data, featureNames, targetNames, groupName, budget, split, trendOption(trend), falling,
                range(targetRange), holdout == null ? null : holdoutOption(holdout));
        }

        /** The group column, stripped, or null for one group; it names groups, so it cannot be a feature or target. */
        private String groupColumn(List<String> featureNames, List<String> targetNames) {
            if (group == null) {
                return null;
            }
            String name = group.strip();
            if (name.isEmpty()) {
                throw new UsageException("--group takes a column name, not '" + group + "'");
            }
            String role = featureNames.contains(name) ? "a feature (features: " + String.join(", ", featureNames) + ")"
                : targetNames.contains(name) ? "a target" : null;
            if (role != null) {
                throw new UsageException("--group '" + name + "' is also " + role
                    + "; the group column names each run's group");
            }
            return name;
        }
    }

    /**
     * Column names as given, stripped of the blanks around them ({@code --features "N, D"}); none may be empty or
     * given twice.
     */
    private static List<String> names(String option, List<String> given) {
        List<String> names = given.stream().map(String::strip).toList();
        if (names.contains("")) {
            throw new UsageException(option + " takes column names separated by commas, not '" + String.join(",", given)
                + "'");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new UsageException(option + " '" + name + "' is given twice");
            }
        }
        return names;
    }

    private static void requireFeatures(String option, List<String> names, List<String> features) {
        for (String name : names) {
            if (!features.contains(name)) {
                throw new UsageException(option + " '" + name + "' is not a feature (features: "
                    + String.join(", ", features) + ")");
            }
        }
    }

    private static UserData.ScaleRule splitRule(String text, List<String> features) {
        UserData.ScaleRule rule;
        try {
            rule = UserData.ScaleRule.parse(text);
        } catch (DataException e) {
            throw new UsageException("--test-above " + e.getMessage());
        }
        requireFeatures("--test-above", List.of(rule.column()), features);
        return rule;
    }

    private static TaskConfig.Trend trendOption(String text) {
        try {
            return TaskConfig.Trend.parse(text);
        } catch (DataException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    private static TaskConfig.Holdout holdoutOption(String text) {
        try {
            return TaskConfig.Holdout.parse(text);
        } catch (DataException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    /**
     * {@code LOW,HIGH}, each a number or {@code inf} with its sign; null when the option is not given, which the search
     * takes for any value too, but which is kept apart from {@code -inf,inf}, a statement that the target can take any.
     */
    static TaskConfig.Bound range(String text) {
        if (text == null) {
            return null;
        }
        String[] ends = text.split(",", -1);
        if (ends.length != 2) {
            throw new UsageException("--target-range takes LOW,HIGH, not '" + text + "'");
        }
        try {
            return new TaskConfig.Bound(end(ends[0], text), end(ends[1], text));
        } catch (DataException e) {
            throw new UsageException("--target-range " + text + ": " + e.getMessage());
        }
    }

    private static double end(String end, String text) {
        return switch (end.strip().toLowerCase(Locale.ROOT)) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(end.strip());
                } catch (NumberFormatException e) {
                    throw new UsageException("--target-range takes LOW,HIGH (numbers, or -inf and inf), not '"
                        + text + "'");
                }
            }
        };
    }

    /** Whether the command line names the data, as a task or a CSV. */
    boolean isGiven() {
        return source != null;
    }

    /** Whether the runs are a user's CSV read without --group, so that they form a single group. */
    boolean isUngrouped() {
        return !isBenchmarkTask() && source.user.group == null;
    }

    /** Whether a benchmark task (rather than user data) was chosen. */
    boolean isBenchmarkTask() {
        return source().task != null;
    }

    DataDirectory dataDirectory() {
        return DataDirectory.resolve(dataDir, System.getenv());
    }

    /** The train CSV as the command line names it, for messages: a path the user typed, not the one recorded. */
    Path trainFile(String taskName) {
        return isBenchmarkTask() ? dataDirectory().trainFile(taskName) : source.user.data;
    }

    /** Where the data came from, for a run directory's provenance; {@code data} is what {@link #load()} read. */
    DataSource dataSource(TaskData data) {
        return isBenchmarkTask()
            ? DataSource.sldbench(source.task)
            : DataSource.csv(source.user.userData(), data.config());
    }

    /** Loads the data; for a task whose CSVs are no longer the ones {@code data pull} wrote, says so on stderr. */
    TaskData load() {
        if (!isBenchmarkTask()) {
            TaskData data = source.user.userData().load();
            sameNumberGroupsNote(data).ifPresent(command.commandLine().getErr()::println);
            repeatedRunsNote(data).ifPresent(command.commandLine().getErr()::println);
            return data;
        }
        TaskData data = TaskData.load(config(source.task), dataDirectory());
        pulledDataNote(source.task, dataDirectory()).ifPresent(command.commandLine().getErr()::println);
        return data;
    }

    /**
     * A note when test runs repeat train runs (the same group and features): a --test file that overlaps the data, or
     * is the data, scores a law on runs it was fitted to, which says nothing of how it extrapolates.
     */
    static Optional<String> repeatedRunsNote(TaskData data) {
        if (data.test().isEmpty()) {
            return Optional.empty();
        }
        Table train = data.train().table();
        Table test = data.test().get().table();
        int repeated = 0;
        for (Group group : test.groups()) {
            Set<List<Double>> fitted = new HashSet<>();
            train.group(group.name()).ifPresent(g -> {
                for (int r = 0; r < g.rows(); r++) {
                    fitted.add(runOf(g, r));
                }
            });
            for (int r = 0; r < group.rows(); r++) {
                repeated += fitted.contains(runOf(group, r)) ? 1 : 0;
            }
        }
        if (repeated == 0) {
            return Optional.empty();
        }
        return Optional.of("evosld: note: " + repeated + " of the " + test.rows() + " test runs repeat a train run (the"
            + " same group and features), so the test R² is partly a score on runs the law was fitted to");
    }

    private static List<Double> runOf(Group group, int row) {
        return IntStream.range(0, group.featureCount()).mapToObj(j -> group.feature(j, row)).toList();
    }

    /**
     * A note when groups are named by one number written in several ways: they are fitted apart, as their names
     * differ, where the user may have meant one group.
     */
    static Optional<String> sameNumberGroupsNote(TaskData data) {
        List<List<String>> same = GroupNames.sameNumbers(
            data.train().table().groups().stream().map(Group::name).toList());
        if (same.isEmpty()) {
            return Optional.empty();
        }
        List<String> first = same.getFirst().stream().map(MessageText::quote).toList();
        String names = first.size() == 2 ? first.get(0) + " and " + first.get(1)
            : String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.getLast();
        int more = same.size() - 1;
        return Optional.of("evosld: note: groups " + names + " name one number, and are fitted as " + first.size()
            + " groups apart; if they are one, write its name alike in every run" + (more == 0 ? ""
            : " (" + more + " more number" + (more == 1 ? " is" : "s are") + " written in several ways too)"));
    }

    /** A note naming the task's CSVs that differ from the last pull's checksums (edited, or a pull cut short). */
    static Optional<String> pulledDataNote(String task, DataDirectory directory) {
        List<Path> changed = PulledFiles.changed(directory.taskFolder(task));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        String files = changed.stream().map(Path::toString).collect(Collectors.joining(" and "));
        return Optional.of("evosld: note: " + files + (changed.size() == 1 ? " is not the file" : " are not the files")
            + " data pull wrote (edited since, or a pull was cut short); evosld data pull --task " + task
            + " --data-dir " + directory.root() + " restores " + (changed.size() == 1 ? "it" : "them"));
    }

    /** A built-in task's config; a name that is none is a usage error, like any bad option value. */
    private static TaskConfig config(String task) {
        try {
            return TaskConfig.load(task);
        } catch (DataException e) {
            throw TaskConfig.builtinTasks().contains(task) ? e : new UsageException(e.getMessage());
        }
    }

    /**
     * The columns of the user's CSV that the command does not read (neither features nor targets nor the group), for
     * {@link LawSource} to tell a forgotten feature from a parameter; none for a task.
     */
    List<String> otherColumns() {
        if (isBenchmarkTask()) {
            return List.of();
        }
        return source.user.userData().otherColumns();
    }

    /**
     * Refuses a law with a parameter named as a column of the user's {@code --test} file that the data file lacks:
     * meant as that column, it would be fitted as one constant per group, train having no values of it, and test
     * scored with the constant.
     *
     * @param where how the law was given, for the message ({@code --law}, or its file)
     */
    void requireNoTestOnlyColumn(Law law, String where) {
        if (isBenchmarkTask()) {
            return;
        }
        UserData user = source.user.userData();
        List<String> testOnly = user.testOnlyColumns();
        law.parameters().stream().filter(testOnly::contains).findFirst().ifPresent(column -> {
            throw new EvosldException(where + ": " + MessageText.quote(column) + " is a column of " + source.user.test
                + " alone, not of " + source.user.data + ", so the law would take it as a parameter, one constant per group;"
                + " a law can use only columns both files have, so rename the parameter");
        });
    }

    /**
     * A note for a user's runs with several features and no scale axis named: validation then extrapolates along
     * the first feature alone, which a grid of model sizes and token counts, for one, does not want, or, when that
     * feature is one value within each group, cannot extrapolate at all and cross-validates.
     */
    Optional<String> firstFeatureNote(TaskData data) {
        if (isBenchmarkTask() || source.user.testAbove != null || !source.user.scaleAxes.isEmpty()) {
            return Optional.empty();
        }
        List<String> axes = data.config().scaleAxis();
        if (axes.size() != 1 || data.config().features().size() < 2) {
            return Optional.empty();
        }
        String axis = axes.getFirst();
        String said = data.train().heldFixed(axis)
            .map(fixed -> axis + ", the first feature, is " + fixed + ", so validation cannot extrapolate along it and"
                + " cross-validates instead;")
            .orElse("validation extrapolates along " + axis + ", the first feature;");
        return Optional.of("evosld: note: " + said
            + " --scale-axis names the features your runs grow along (several, comma-separated, for a grid)");
    }

    /**
     * Notes for a user's features that are one value within each group's train runs, other than the scale axis
     * {@link #firstFeatureNote} speaks of: each group's parameters are fitted apart, so the runs cannot show how a
     * target depends on such a feature, and a law's terms in it are fitted to nothing (a factor {@code B*D^beta} of
     * {@code D} held at 5e9 merely joins the constant). Most likely the column was listed by mistake, or is the
     * setting that tells the groups apart.
     */
    List<String> fixedFeatureNotes(TaskData data) {
        if (isBenchmarkTask()) {
            return List.of();
        }
        List<String> axes = data.config().scaleAxis();
        return data.config().featureNames().stream()
            .filter(feature -> !axes.contains(feature))
            .flatMap(feature -> data.train().heldFixed(feature).stream()
                .map(fixed -> "evosld: note: " + MessageText.quote(feature) + " is " + fixed + ", and each group's"
                    + " parameters are fitted apart, so the runs cannot show how the target depends on it; a law's terms"
                    + " in it are fitted to nothing (leave it out of --features unless it varies within a group)"))
            .toList();
    }

    /**
     * A note for a user's runs read as one group while the CSV has a column called {@code group}, as SLDBench's
     * files do: a user who forgot {@code --group} would otherwise get one law fitted to every family of runs at once.
     */
    Optional<String> ungroupedNote() {
        if (isBenchmarkTask() || source.user.group != null) {
            return Optional.empty();
        }
        return otherColumns().stream()
            .filter(column -> column.strip().equalsIgnoreCase("group"))
            .findFirst()
            .map(column -> "evosld: note: column '" + column + "' is not read, so all runs form one group;"
                + " --group " + column.strip() + " fits each group's runs apart");
    }

    /**
     * A note for a user's runs with several targets: the budget counts the parameters of all the targets' laws,
     * so each target's law gets a share, which a user who gave one budget for "the law" may not expect.
     */
    Optional<String> sharedBudgetNote(TaskData data) {
        int targets = data.config().targets().size();
        if (isBenchmarkTask() || targets < 2) {
            return Optional.empty();
        }
        return Optional.of("evosld: note: the budget of " + data.config().parameterBudget() + " parameters per group is"
            + " shared by the " + targets + " targets, " + data.config().parameterBudget() / targets + " for each"
            + " target's law; --budget raises it");
    }

    /**
     * A note when groups have fewer train runs than the budget allows parameters: no law with more parameters (per
     * target) than the smallest has runs is fitted, so that one group narrows the search for all. It names every such
     * group, the fewest runs first, counted among all when not all of them are small, and says how to allow larger
     * laws: leave those groups out, or, when every group is one, give more runs.
     */
    static Optional<String> smallGroupNote(TaskData data) {
        TaskConfig config = data.config();
        int allowed = config.parameterBudget() / config.targets().size();
        List<Group> groups = data.train().table().groups();
        List<Group> small = groups.stream().filter(group -> group.rows() < allowed)
            .sorted(Comparator.comparingInt(Group::rows)).toList();
        if (small.isEmpty()) {
            return Optional.empty();
        }
        int fewest = small.getFirst().rows();
        int most = small.getLast().rows();
        boolean every = small.size() == groups.size();
        String more = every ? "more runs" + (groups.size() == 1 ? "" : " per group") + " would allow larger ones"
            : "leave " + (small.size() == 1 ? "the group" : "those groups") + " out for larger ones";
        if (small.size() == 1) {
            return Optional.of("evosld: note: group " + MessageText.quote(small.getFirst().name()) + " has " + fewest
                + " train run" + (fewest == 1 ? "" : "s") + ", so no law with more parameters than that can be fitted to"
                + " it, and the law reported is one small enough; " + more);
        }
        String names = MessageText.names(small.stream().map(Group::name).toList());
        String which = every ? (groups.size() == 2 ? "both groups" : "all " + groups.size() + " groups")
            : small.size() + " of " + groups.size() + " groups";
        String limit = fewest == most
            ? fewest + " train run" + (fewest == 1 ? "" : "s") + " each, so no law with more parameters than that can be"
                + " fitted to them"
            : fewest + " to " + most + " train runs, so no law with more than " + fewest + " parameter"
                + (fewest == 1 ? "" : "s") + " can be fitted to all of them";
        return Optional.of("evosld: note: " + which + " (" + names + ") have " + limit + ", and the law reported is one"
            + " small enough; " + more);
    }

    /** The data the command line names; a usage error (exit 2) when it names none. */
    private Source source() {
        if (source == null) {
            throw new ParameterException(command.commandLine(),
                "Missing required argument: --task=TASK, or --data=CSV with --features and --target");
        }
        return source;
    }
}
