package dev.evosld.data;

import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A task's config with its train rows and, usually, its test rows.
 *
 * <p>A user's runs may have no test split: every row is then train, so that the law is fitted on all of
 * them. The test is optional rather than an empty table so that no command can score a law on nothing and
 * report the result as a test score.
 *
 * @param config what the task is
 * @param train the rows laws are fitted and selected on
 * @param test the held-out rows, if the task has a test split; every test group also has train rows
 */
public record TaskData(TaskConfig config, Train train, Optional<Test> test) {

    /**
     * @throws IllegalArgumentException if a table's columns differ from the config's
     * @throws DataException if a test group has no train rows
     */
    public TaskData {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        requireColumns(config, train.table());
        test.ifPresent(t -> requireColumns(config, t.table()));
        for (Group group : test.map(t -> t.table().groups()).orElse(List.of())) {
            if (train.table().group(group.name()).isEmpty()) {
                throw new DataException("task '" + config.name() + "': test group " + MessageText.quote(group.name())
                    + " has no train rows");
            }
        }
    }

    /** A task with a test split. */
    public TaskData(TaskConfig config, Train train, Test test) {
        this(config, train, Optional.of(test));
    }

    private static void requireColumns(TaskConfig config, Table table) {
        if (!table.features().equals(config.featureNames()) || !table.targets().equals(config.targets())) {
            throw new IllegalArgumentException("table columns " + table.features() + " -> " + table.targets()
                + " differ from task '" + config.name() + "': " + config.featureNames() + " -> " + config.targets());
        }
    }

    /**
     * Reads a task's {@code train.csv} and {@code test.csv} from the data directory. Columns are found by
     * header name: {@code group}, the config's features and its targets; other columns are ignored.
     *
     * @throws DataException if the task's folder or a file is missing, a file is malformed, or a test group
     *     has no train rows
     */
    public static TaskData load(TaskConfig config, DataDirectory directory) {
        String task = config.name();
        if (!Files.isDirectory(directory.taskFolder(task))) {
            String remedy = config.hub() != null
                ? "run: evosld data pull --task " + task + " --data-dir " + directory.root()
                : "expected " + directory.trainFile(task) + " and " + directory.testFile(task);
            throw new DataException("no data for task '" + task + "' in " + directory + " (" + remedy + ")");
        }
        TableReader.Rows trainRows = TableReader.read(directory.trainFile(task), TableReader.GROUP_COLUMN,
            config.featureNames(), config.targets()).requireTargetsWithin(config.targetRange());
        TableReader.Rows testRows = TableReader.read(directory.testFile(task), TableReader.GROUP_COLUMN,
            config.featureNames(), config.targets()).requireTargetsWithin(config.targetRange());
        Train train = new Train(trainRows.table());
        requireTrainRows(testRows, train, "in " + trainRows.source());
        return new TaskData(config, train.requireVaryingTargets(trainRows.source()), new Test(testRows.table()));
    }

    /** Fails on the first test row whose group has no train rows, naming its line. */
    static void requireTrainRows(TableReader.Rows testRows, Train train, String where) {
        Set<String> trained = train.table().groups().stream().map(Group::name).collect(Collectors.toSet());
        for (int row = 0; row < testRows.size(); row++) {
            String group = testRows.group(row);
            if (!trained.contains(group)) {
                throw new DataException(testRows.source() + ":" + testRows.line(row) + ": group "
                    + MessageText.quote(group) + " has no rows " + where);
            }
        }
    }
}
