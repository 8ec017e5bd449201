package dev.evosld.run;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The folder a {@code discover} or {@code fit --out} run writes, by default {@code results/<task>/<run>/}:
 *
 * <ul>
 *   <li>{@code law.json}: the chosen law, fitted on all of train ({@link LawDocument});
 *   <li>{@code pareto.json}: the Pareto front of validation error against complexity (discover);
 *   <li>{@code history.json}: the best validation error per generation (discover);
 *   <li>{@code checkpoint.json}: the search state, for {@code --resume} (discover);
 *   <li>{@code data.json}: where the run's rows come from ({@link DataSource}), so that {@code --resume DIR} needs
 *       no data options (discover);
 *   <li>{@code report.html} and {@code plots/}: the report;
 *   <li>{@code llm/}: the LLM response cache;
 *   <li>{@code llm-usage.json}: what the LLM proposer cost and gave (discover).
 * </ul>
 */
public record RunDirectory(Path path) {
    private static final String LOCK_FILE = ".evosld.lock";


    public Path lawFile() {
        return path.resolve("law.json");
    }

    public Path paretoFile() {
        return path.resolve("pareto.json");
    }

    public Path historyFile() {
        return path.resolve("history.json");
    }

    public Path checkpointFile() {
        return path.resolve("checkpoint.json");
    }

    /** The command that continues this run from its checkpoint, its path one shell word to copy as it is. */
    public String resumeCommand() {
        return "evosld discover --resume " + ShellWords.quoted(path);
    }

    public Path dataSourceFile() {
        return path.resolve("data.json");
    }

    /** Records where the run's rows come from, before its search starts. */
    public void writeDataSource(DataSource source) {
        AtomicFiles.write(dataSourceFile(), Json.mapper().writeValueAsString(source) + "\n");
    }

    /**
     * Where the run's rows come from, as {@link #writeDataSource} recorded it.
     *
     * @throws EvosldException if the run has no record (it started before runs kept one) or it is damaged
     */
    public DataSource readDataSource() {
        Path file = dataSourceFile();
        requireFolder();
        if (!Files.isRegularFile(file)) {
            throw new EvosldException(path + ": the run does not record its data (it began before runs did); give"
                + " the data options it started with");
        }
        try {
            DataSource source = Json.mapper().readValue(Files.readString(file), DataSource.class);
            if (source == null || source.kind() == null) {
                throw new EvosldException(file + ": not a record of a run's data");
            }
            return source;
        } catch (IOException e) {
            throw new EvosldException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new EvosldException(file + Json.problem(e));
        }
    }

    public Path reportFile() {
        return path.resolve("report.html");
    }

    public Path plotsDirectory() {
        return path.resolve("plots");
    }

    public Path llmCacheDirectory() {
        return path.resolve("llm");
    }

    public Path llmUsageFile() {
        return path.resolve("llm-usage.json");
    }

    /**
     * Whether {@code file} is one of the records this folder's run keeps (its law, front, history, checkpoint, data
     * record, report, plots, LLM cache or usage), which a file written by hand must not replace.
     */
    public boolean isRecord(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        Path folder = path.toAbsolutePath().normalize();
        if (wanted.startsWith(folder.resolve("plots")) || wanted.startsWith(folder.resolve("llm"))) {
            return true;
        }
        return java.util.stream.Stream.of(lawFile(), paretoFile(), historyFile(), checkpointFile(), dataSourceFile(),
                reportFile(), llmUsageFile())
            .anyMatch(record -> record.toAbsolutePath().normalize().equals(wanted));
    }

    /**
     * Whether the folder holds a run already (its law or its checkpoint), which a new run writing there would
     * overwrite in part and leave mixed with its own files.
     */
    public boolean holdsRun() {
        return Files.exists(lawFile()) || Files.exists(checkpointFile());
    }

    /**
     * A new, empty run directory under {@code parent}, named {@code name} or, if that is taken, {@code name-2},
     * {@code name-3}, ...: created atomically, so two runs started at once never share one.
     *
     * @throws EvosldException if the directory cannot be created
     */
    public static RunDirectory createUnder(Path parent, String name) {
        try {
            Files.createDirectories(parent);
            for (int n = 1; ; n++) {
                Path path = parent.resolve(n == 1 ? name : name + "-" + n);
                try {
                    return new RunDirectory(Files.createDirectory(path));
                } catch (FileAlreadyExistsException e) {
                    // another run's; try the next name
                }
            }
        } catch (IOException e) {
            throw new EvosldException("cannot create a run directory in " + parent + ": "
                + AtomicFiles.folderReason(parent, e));
        }
    }

    /**
     * Removes a run's folder that never reached its first checkpoint (a run that failed or was stopped before it
     * began searching), with the few files such a run writes: there is nothing in it to resume or read.
     */
    public void removeUnstarted() {
        if (Files.exists(checkpointFile()) || Files.exists(lawFile())) {
            return;
        }
        try {
            Files.deleteIfExists(dataSourceFile());
            Files.deleteIfExists(path.resolve(LOCK_FILE));
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a folder left behind (with other files in it) is harmless
        }
    }

    /**
     * Holds the folder for this process until closed, so that two runs given the same folder at once do not write
     * into it together; the lock file stays behind, harmless. Taking it clears what writers killed mid-write left.
     *
     * @throws EvosldException if another process holds it, or the folder cannot be created
     */
    public Lock lock() {
        requireNotAFile();
        try {
            Files.createDirectories(path);
            Lock lock = new Lock(FileLocks.tryExclusive(path.resolve(LOCK_FILE)).orElseThrow(this::inUseError));
            AtomicFiles.removeLeftovers(path);
            return lock;
        } catch (IOException e) {
            throw new EvosldException("cannot use " + path + " as a run directory: " + AtomicFiles.folderReason(path, e));
        }
    }

    /** Whether another process holds the folder ({@link #lock}) now, as a run writing into it does. */
    public boolean inUse() {
        if (!Files.isRegularFile(path.resolve(LOCK_FILE))) {
            return false;
        }
        try {
            Optional<FileChannel> free = FileLocks.tryExclusive(path.resolve(LOCK_FILE));
            if (free.isPresent()) {
                free.get().close();
            }
            return free.isEmpty();
        } catch (IOException e) {
            return false;   // lock() says what is wrong with the folder
        }
    }

    /**
     * Refuses a folder another process holds, before anything else is said about it.
     *
     * @throws EvosldException if another process holds it
     */
    public void requireNotInUse() {
        if (inUse()) {
            throw inUseError();
        }
    }

    private EvosldException inUseError() {
        return new EvosldException(path + ": another evosld run is writing into it; wait for it, or give another --out");
    }

    /** A run directory held by this process ({@link #lock}). */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    /**
     * Refuses a path that is a file, where a run's folder (existing or still to be made) should be, or one under a
     * file, where no folder can be made: before a command spends its time on work it could not write. Nothing is
     * made, so a command that fails afterwards leaves no empty folder behind.
     *
     * @throws EvosldException if the path, or the nearest folder above it that exists, is a file
     */
    public void requireNotAFile() {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new EvosldException(path + ": a file, not a folder; give a folder for the run");
        }
        AtomicFiles.fileInTheWay(path).ifPresent(reason -> {
            // lock()'s words, where making the folder fails
            throw new EvosldException("cannot use " + path + " as a run directory: " + reason);
        });
    }

    /**
     * Refuses a path that is no folder, saying whether it is a file (a run's {@code law.json} given for its folder,
     * say) or nothing at all.
     *
     * @throws EvosldException if the folder does not exist
     */
    public void requireFolder() {
        if (Files.isDirectory(path)) {
            return;
        }
        if (!Files.exists(path)) {
            throw new EvosldException(path + ": no such run directory");
        }
        Path folder = path.getParent();
        throw new EvosldException(path + ": a file, not a run directory"
            + (folder != null ? " (its folder is " + folder + ")" : ""));
    }

    /**
     * An existing run directory, checked to hold a {@code law.json}; a discovery's folder without one is named a
     * search still running or one to resume.
     */
    public static RunDirectory existing(Path path) {
        RunDirectory run = new RunDirectory(path);
        run.requireFolder();
        if (!Files.isRegularFile(run.lawFile())) {
            if (Files.isRegularFile(run.checkpointFile())) {
                // a discovery writes its law last: a checkpoint alone is a search still running or one stopped early
                throw new EvosldException(run.inUse()
                    ? path + ": its discovery is still searching (no law.json yet); wait for it to finish"
                    : path + ": the discovery was interrupted before it chose a law (no law.json yet); continue it"
                        + " with " + run.resumeCommand());
            }
            throw new EvosldException(path + ": not a run directory (no law.json)");
        }
        return run;
    }

    public LawDocument readLaw() {
        return LawDocument.read(lawFile());
    }
}
