package dev.evosld.data;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The folder holding task data: one sub-folder per task with {@code train.csv} and {@code test.csv}.
 *
 * @param root the folder, as given (relative paths stay relative, so messages show what the user typed)
 */
public record DataDirectory(Path root) {
    /** The environment variable naming the data directory when {@code --data-dir} is not given. */
    public static final String ENVIRONMENT_VARIABLE = "EVOSLD_DATA";
    /** The data directory when neither {@code --data-dir} nor the environment variable is given. */
    public static final Path DEFAULT = Path.of("data");

    public DataDirectory {
        Objects.requireNonNull(root, "root");
    }

    /**
     * Chooses the data directory: the {@code --data-dir} option, else {@code $EVOSLD_DATA} (when set and not
     * blank), else {@code data/} relative to the working directory.
     *
     * @param option the {@code --data-dir} option, or {@code null} when not given
     * @param environment the process environment, usually {@link System#getenv()}
     */
    public static DataDirectory resolve(Path option, Map<String, String> environment) {
        if (option != null) {
            return new DataDirectory(option);
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new DataDirectory(Path.of(variable));
        }
        return new DataDirectory(DEFAULT);
    }

    /** The folder of a task's files. */
    public Path taskFolder(String task) {
        return root.resolve(task);
    }

    /** The train split file of a task. */
    public Path trainFile(String task) {
        return taskFolder(task).resolve("train.csv");
    }

    /** The test split file of a task. */
    public Path testFile(String task) {
        return taskFolder(task).resolve("test.csv");
    }

    /** The root as shown in messages: with a trailing separator, so that it reads as a folder. */
    @Override
    public String toString() {
        String shown = root.toString().isEmpty() ? "." : root.toString();
        return shown.endsWith(File.separator) ? shown : shown + File.separator;
    }
}
