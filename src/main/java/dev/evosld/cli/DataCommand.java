package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.Shortened;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.hub.HubClient;
import dev.evosld.data.hub.PullListener;
import dev.evosld.data.hub.PullOutcome;
import dev.evosld.data.hub.PullProgress;
import dev.evosld.data.hub.PullSpec;
import dev.evosld.data.hub.TaskPull;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.FileLocks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evosld data}: managing the SLDBench data directory. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Manages the SLDBench data directory.",
    subcommands = {DataCommand.Pull.class})
final class DataCommand implements Callable<Integer> {
    /** The column every SLDBench CSV starts with. */
    static final String GROUP_COLUMN = "group";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand (try: data pull --task TASK)");
    }

    /** {@code evosld data pull}: downloads tasks from the Hugging Face dataset viewer. */
    @Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Downloads SLDBench tasks from Hugging Face (pkuHaowei/sldbench) into the data directory; "
            + "a task already up to date is not downloaded again. Set HF_TOKEN for a private or gated copy.")
    static final class Pull implements Callable<Integer> {
        /** The data directory's lock file, hidden beside the task folders. */
        static final String LOCK_FILE = ".evosld-pull.lock";

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = {"-t", "--task"}, paramLabel = "TASK", description = "The task to pull, e.g. moe_scaling_law.")
            String task;

            @Option(names = "--all", description = "Pull all eight SLDBench tasks.")
            boolean all;
        }

        @Option(names = "--data-dir", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
            description = "Where SLDBench tasks live (default: $EVOSLD_DATA, else data/).")
        Path dataDir;

        @Option(names = "--endpoint", paramLabel = "URL", converter = UrlConverter.class,
            description = "The dataset viewer API (default: https://datasets-server.huggingface.co).")
        HttpUrl endpoint;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<TaskConfig> configs = new ArrayList<>();
            for (String task : which.all ? TaskConfig.builtinTasks() : List.of(which.task)) {
                if (!TaskConfig.builtinTasks().contains(task)) {
                    throw new UsageException("unknown task '" + shown(task) + "' (tasks: "
                        + String.join(", ", TaskConfig.builtinTasks()) + ")");
                }
                TaskConfig config = TaskConfig.load(task);
                if (config.hub() == null) {
                    throw new EvosldException("task '" + task + "' has no Hugging Face source to pull from");
                }
                configs.add(config);
            }
            DataDirectory directory = DataDirectory.resolve(dataDir, System.getenv());
            boolean made = !Files.exists(directory.root());
            requireWritable(directory.root());
            try {
                return pull(configs, directory);
            } finally {
                if (made) {
                    removeIfNothingPulled(directory.root());
                }
            }
        }

        private Integer pull(List<TaskConfig> configs, DataDirectory directory) throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            HubClient hub = HubClient.fromEnvironment(HubClient.defaultHttpClient(System.getenv()),
                endpoint != null ? endpoint : HubClient.DEFAULT_ENDPOINT, System.getenv())
                .withRetryListener(message -> {
                    err.println("evosld: " + message);
                    err.flush();
                });
            List<PullOutcome> outcomes = new ArrayList<>();
            try (FileChannel lock = exclusive(directory.root());
                 PullProgress bars = ProgressDisplay.bars() ? PullProgress.onStderr() : null) {
                // A log gets no line per split: a split fetched is not yet written, and a failure in the task's
                // next split writes nothing of it. The task's line below, once it is written, is the log's.
                PullListener progress = bars != null ? bars : PullListener.none();
                TaskPull pull = TaskPull.into(directory.root(), hub).withListener(progress);
                for (TaskConfig config : configs) {
                    PullOutcome outcome;
                    try {
                        outcome = pull.pull(spec(config));
                    } catch (EvosldException e) {
                        throw configs.size() == 1 ? e : new EvosldException(e.getMessage() + " (pulled: "
                            + names(configs.subList(0, outcomes.size())) + "; not pulled: "
                            + names(configs.subList(outcomes.size(), configs.size())) + ")", e);
                    }
                    outcomes.add(outcome);
                    // with --json, standard output holds the document at the end, so a task's line goes to the log
                    PrintWriter log = json ? err : out;
                    log.println((json ? "evosld: " : "") + line(outcome));
                    log.flush();
                }
            }
            if (json) {
                Output.json(out, document(directory, outcomes));
            } else if (outcomes.size() > 1) {
                // the root as --json's data_dir and the task lines show it: DataDirectory's text ends in a separator
                err.println("evosld: " + outcomes.size() + " tasks in " + directory.root());
                err.flush();
            }
            return 0;
        }

        private static String names(List<TaskConfig> configs) {
            return configs.isEmpty() ? "none" : String.join(", ", configs.stream().map(TaskConfig::name).toList());
        }

        /**
         * A lock on the data directory held until the channel is closed: two pulls into one directory would remove
         * each other's staging files.
         */
        private static FileChannel exclusive(Path root) throws IOException {
            return FileLocks.tryExclusive(root.resolve(LOCK_FILE)).orElseThrow(() ->
                new EvosldException(root + ": another data pull is writing into it; wait for it to finish"));
        }

        /**
         * Removes a data directory this pull made when it holds nothing but the pull's lock: a pull that got nothing
         * (an endpoint it cannot reach) leaves no trace. The lock is free by now; the next pull makes both again.
         */
        private static void removeIfNothingPulled(Path root) {
            try (var entries = Files.list(root)) {
                if (entries.allMatch(entry -> entry.getFileName().toString().equals(LOCK_FILE))) {
                    Files.deleteIfExists(root.resolve(LOCK_FILE));
                    Files.deleteIfExists(root);
                }
            } catch (IOException e) {
                // an empty folder left behind is no harm worth a second error
            }
        }

        /** Fails before anything is downloaded when the data directory cannot take the files. */
        private static void requireWritable(Path root) {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new EvosldException(root + ": a file, not a data directory (give another --data-dir)");
            }
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new EvosldException(root + ": cannot create the data directory (" + whyNotCreated(root, e) + ")");
            }
            if (!Files.isWritable(root)) {
                throw new EvosldException(root + ": the data directory is not writable (permission denied)");
            }
        }

        /** Why a directory could not be created, in words: a file on its path, else what the file system said. */
        private static String whyNotCreated(Path root, IOException e) {
            for (Path above = root.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
                if (Files.exists(above)) {
                    return Files.isDirectory(above) ? AtomicFiles.reason(e) : above + " is a file, not a folder";
                }
            }
            return AtomicFiles.reason(e);
        }

        /** A name as typed, kept to one short line. */
        private static String shown(String name) {
            String line = name.replaceAll("\\p{Cntrl}", "?");
            return Shortened.of(line, 60);
        }

        /** What to pull for a task: {@code group}, its features and targets in config order, the hub's row counts. */
        static PullSpec spec(TaskConfig config) {
            List<String> columns = new ArrayList<>();
            columns.add(GROUP_COLUMN);
            columns.addAll(config.featureNames());
            columns.addAll(config.targets());
            TaskConfig.HubSource hub = config.hub();
            return new PullSpec(config.name(), hub.dataset(), hub.config(), columns,
                Map.of("train", hub.trainRows(), "test", hub.testRows()));
        }

        private static String line(PullOutcome outcome) {
            return String.format(Locale.ROOT, "%s: %s (train %d rows, test %d rows) in %s", outcome.task(),
                status(outcome), outcome.rows().get("train"), outcome.rows().get("test"), outcome.directory());
        }

        private static String status(PullOutcome outcome) {
            return outcome.status().name().toLowerCase(Locale.ROOT);
        }

        private static Map<String, Object> document(DataDirectory directory, List<PullOutcome> outcomes) {
            List<Map<String, Object>> tasks = new ArrayList<>();
            for (PullOutcome outcome : outcomes) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("task", outcome.task());
                task.put("status", status(outcome));
                Map<String, Long> rows = new LinkedHashMap<>();
                for (String split : PullSpec.SPLITS) {
                    rows.put(split, outcome.rows().get(split));
                }
                task.put("rows", rows);
                task.put("directory", outcome.directory().toString());
                tasks.add(task);
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("data_dir", directory.root().toString());
            document.put("tasks", tasks);
            return document;
        }
    }

    /** Reads an http(s) URL. */
    static final class UrlConverter implements CommandLine.ITypeConverter<HttpUrl> {
        @Override
        public HttpUrl convert(String value) {
            HttpUrl url = HttpUrl.parse(value.strip());
            if (url == null) {
                throw new CommandLine.TypeConversionException("not an http(s) URL: '" + value + "'");
            }
            return url;
        }
    }
}
