package dev.evosld.run;

import dev.evosld.EvosldException;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a run's data came from, recorded so that exports and reports can load the same rows again.
 *
 * @param kind {@code sldbench} (a task of the data directory) or {@code csv} (the user's own file)
 * @param task the task name (for csv: the name derived from the file)
 * @param data the user's CSV, for {@code csv}: its absolute path (relative to the working directory in runs recorded
 *     before that)
 * @param test the user's test CSV, when the split was given as a second file, likewise
 * @param features the feature columns, for {@code csv}
 * @param targets the target columns, for {@code csv}
 * @param group the group column, or null
 * @param testAbove the split rule, e.g. {@code N=1e9}, or null
 * @param scaleAxis the scale axes with a test file or without a test split, comma-separated, or null (the first
 *     feature); for {@code csv}, neither {@code test} nor {@code testAbove} means every row was train
 * @param budget the parameter budget, for {@code csv}
 * @param trend the trend beyond the data ({@code per_run} or {@code group_mean}), for {@code csv}; null (runs
 *     recorded before it existed) means {@code per_run}
 * @param fallsWith the features the targets never rise with, for {@code csv}; null (runs recorded before it
 *     existed) means none
 * @param targetRange the targets' possible values as [lower, upper], a null end being unbounded (JSON has no
 *     infinity), for {@code csv}: {@code [null, null]} when the user gave {@code -inf,inf}; null when the user gave
 *     none (and in runs recorded before it existed, or before a range of any value was recorded as given), which
 *     the search takes for any value too, but where {@code predict} goes by the signs of train
 * @param holdout how validation held runs out, as {@link TaskConfig.Holdout#spec()} writes it, for {@code csv};
 *     null (runs recorded before it existed) means {@code top_values=1}, then the only one
 */
public record DataSource(String kind, String task, String data, String test, List<String> features,
                         List<String> targets, String group, String testAbove, String scaleAxis, Integer budget,
                         String trend, List<String> fallsWith, List<Double> targetRange, String holdout) {

    public static DataSource sldbench(String task) {
        return new DataSource("sldbench", task, null, null, null, null, null, null, null, null, null, null, null,
            null);
    }

    /**
     * A user's CSV, as read into {@code config}: the holdout recorded is the one validation used, whether the
     * user gave it or it was chosen from the runs, so the runs are judged alike when loaded again.
     */
    public static DataSource csv(UserData user, TaskConfig config) {
        String rule = null;
        String test = null;
        String axis = null;
        switch (user.split()) {
            case UserData.ScaleRule r -> rule = r.toString();
            case UserData.TestFile f -> {
                test = absolute(f.test());
                axis = axes(f.scaleAxes());
            }
            case UserData.NoTest none -> axis = axes(none.scaleAxes());
        }
        return new DataSource("csv", config.name(), absolute(user.data()), test, user.features(), user.targets(),
            user.groupColumn(), rule, axis, user.parameterBudget(), user.trend().configName(),
            user.fallsWith(), range(user.targetRange()), config.holdout().spec());
    }

    /** A file's absolute path, so that a run's data is found again from any working directory. */
    private static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String axes(List<String> axes) {
        return axes.isEmpty() ? null : String.join(",", axes);
    }

    private static List<String> axes(String axes) {
        return axes == null ? List.of() : List.of(axes.split(","));
    }

    /** The range as given, {@code -inf,inf} included, so that it is told from none. */
    private static List<Double> range(TaskConfig.Bound bound) {
        if (bound == null) {
            return null;
        }
        return Arrays.asList(Double.isInfinite(bound.lower()) ? null : bound.lower(),
            Double.isInfinite(bound.upper()) ? null : bound.upper());
    }

    /** The range given, or null when none was. */
    private static TaskConfig.Bound bound(List<Double> range) {
        if (range == null) {
            return null;
        }
        if (range.size() != 2) {
            throw new EvosldException("target_range must be a pair [lower, upper], not " + range);
        }
        return new TaskConfig.Bound(range.get(0) == null ? Double.NEGATIVE_INFINITY : range.get(0),
            range.get(1) == null ? Double.POSITIVE_INFINITY : range.get(1));
    }

    /** Loads the data again: SLDBench tasks from {@code directory}, user CSVs from their recorded paths. */
    public TaskData load(DataDirectory directory) {
        return switch (kind) {
            case "sldbench" -> TaskData.load(TaskConfig.load(task), directory);
            case "csv" -> userData().load();
            default -> throw new EvosldException("unknown data source kind '" + kind + "'");
        };
    }

    /**
     * Whether {@code file} is a user's CSV this source reads its rows from (the data or the test file), by whatever
     * spelling of its path or link: a file written there would replace the runs that {@code report} and {@code fit
     * --law-file} read again. A built-in task's files are the data directory's, which no command that writes one names.
     */
    public boolean reads(Path file) {
        return "csv".equals(kind) && Stream.of(data, test).filter(Objects::nonNull)
            .anyMatch(recorded -> AtomicFiles.sameFile(Path.of(recorded), file));
    }

    /** The columns of a user's CSV the run does not read ({@link UserData#otherColumns()}); none for a built-in task. */
    public List<String> otherColumns() {
        return "csv".equals(kind) ? userData().otherColumns() : List.of();
    }

    private UserData userData() {
        UserData.Split split = testAbove != null ? UserData.ScaleRule.parse(testAbove)
            : test != null ? new UserData.TestFile(Path.of(test), axes(scaleAxis))
            : new UserData.NoTest(axes(scaleAxis));
        return new UserData(Path.of(data), features, targets, group, budget, split, TaskConfig.Trend.parse(trend),
            fallsWith == null ? List.of() : fallsWith, bound(targetRange),
            TaskConfig.Holdout.parse(holdout == null ? "top_values=1" : holdout));
    }

    /**
     * The features the check beyond the data pushed past their largest values (to {@code 10×}): the scale axes and the
     * features the targets fall with, known without reading the data; empty when the source does not say (a
     * hand-written document). A user's runs without a named axis were checked along their first feature, unless they
     * were cross-validated, which needs no axis ({@link UserData#scaleAxes}).
     */
    public Optional<List<String>> checkedBeyondData() {
        return switch (kind) {
            case "sldbench" -> {
                if (!TaskConfig.builtinTasks().contains(task)) {
                    yield Optional.empty();
                }
                TaskConfig config = TaskConfig.load(task);
                yield Optional.of(union(config.scaleAxis(), config.fallsWith()));
            }
            case "csv" -> {
                if (features == null || features.isEmpty()) {
                    yield Optional.empty();
                }
                List<String> named = testAbove != null ? List.of(UserData.ScaleRule.parse(testAbove).column())
                    : axes(scaleAxis);
                List<String> axes = UserData.scaleAxes(named,
                    TaskConfig.Holdout.parse(holdout == null ? "top_values=1" : holdout), features);
                yield Optional.of(union(axes, fallsWith == null ? List.of() : fallsWith));
            }
            default -> Optional.empty();
        };
    }

    private static List<String> union(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    /**
     * The values the targets can take at all, known without reading the data: a built-in task's config's, a user's
     * {@code --target-range} ({@code -inf,inf} too: any value, said on purpose); empty when the source does not say.
     */
    public Optional<TaskConfig.Bound> possibleTargets() {
        return switch (kind) {
            // a config that states no range reads as any value, and none of the built-in ones states that
            case "sldbench" -> TaskConfig.builtinTasks().contains(task)
                ? Optional.of(TaskConfig.load(task).targetRange())
                    .filter(range -> !range.equals(TaskConfig.Bound.UNBOUNDED))
                : Optional.empty();
            case "csv" -> Optional.ofNullable(bound(targetRange));
            default -> Optional.empty();
        };
    }

    /**
     * Every feature column of the data, known without reading it: a built-in task's from its config, a user CSV's as
     * recorded; empty when the source names neither (a hand-written document).
     */
    public Optional<List<String>> featureNames() {
        return switch (kind) {
            case "sldbench" -> TaskConfig.builtinTasks().contains(task)
                ? Optional.of(TaskConfig.load(task).featureNames()) : Optional.empty();
            case "csv" -> Optional.ofNullable(features);
            default -> Optional.empty();
        };
    }

    /** SHA-256 (hex) over the train and test files (the one file without a test split), so a report can tell whether the data changed since the run. */
    public String checksum(DataDirectory directory) {
        List<Path> files = switch (kind) {
            case "sldbench" -> List.of(directory.trainFile(task), directory.testFile(task));
            default -> test == null ? List.of(Path.of(data)) : List.of(Path.of(data), Path.of(test));
        };
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new EvosldException("cannot read " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
