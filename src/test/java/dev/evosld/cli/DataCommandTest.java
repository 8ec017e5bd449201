package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DataCommandTest {
    @TempDir
    Path tmp;

    private final FakeSldbench hub = new FakeSldbench();
    @AutoClose
    private final MockWebServer server = hub.start();

    private String endpoint() {
        return server.url("/").toString();
    }

    /** Every built-in task with as many made-up rows as its config expects, columns in the config's order. */
    private void putAllTasks() {
        for (String task : TaskConfig.builtinTasks()) {
            TaskConfig config = TaskConfig.load(task);
            List<FakeSldbench.Column> columns = new ArrayList<>();
            columns.add(new FakeSldbench.Column("group", "string"));
            config.featureNames().forEach(f -> columns.add(new FakeSldbench.Column(f, "float64")));
            config.targets().forEach(t -> columns.add(new FakeSldbench.Column(t, "float64")));
            for (String split : List.of("train", "test")) {
                int count = split.equals("train") ? config.hub().trainRows() : config.hub().testRows();
                List<ObjectNode> rows = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    ObjectNode row = Json.mapper().createObjectNode().put("group", "g" + (i % 2));
                    for (int c = 1; c < columns.size(); c++) {
                        double value = 1.0 + i + 0.25 * c;
                        // a made-up score the task deems possible: a negated Brier score is never above 0
                        boolean target = c > config.featureNames().size();
                        double upper = config.targetRange().upper();
                        row.put(columns.get(c).name(), target && value > upper ? upper - value : value);
                    }
                    rows.add(row);
                }
                hub.put(task, split, columns, rows);
            }
        }
    }

    @Test
    void pullsATaskThatFitThenReads() throws IOException {
        hub.putParallelScalingLaw();
        CliRun pull = CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", tmp.toString(),
            "--endpoint", endpoint());
        assertEquals(0, pull.exit(), pull.err());
        assertEquals("parallel_scaling_law: downloaded (train 36 rows, test 12 rows) in "
            + tmp.resolve("parallel_scaling_law"), pull.out().strip());
        List<String> train = Files.readAllLines(tmp.resolve("parallel_scaling_law/train.csv"));
        assertEquals("group,num_params,parallel_size,loss", train.getFirst());
        assertEquals(37, train.size());
        assertTrue(train.get(1).startsWith("stack,500000000,1,"), train.get(1));
        assertEquals(13, Files.readAllLines(tmp.resolve("parallel_scaling_law/test.csv")).size());

        CliRun fit = CliRun.of("fit", "--task", "parallel_scaling_law", "--data-dir", tmp.toString(), "--law", "human",
            "--json");
        assertEquals(0, fit.exit(), fit.err());
        JsonNode document = Json.mapper().readTree(fit.out());
        assertEquals("parallel_scaling_law", document.get("task").stringValue());
        // the rows came from the human law itself, so it fits them all but exactly
        assertTrue(document.get("test_r2").doubleValue() > 0.999, fit.out());
    }

    @Test
    void aPulledFileEditedSinceIsNotedUntilAPullRestoresIt() throws IOException {
        hub.putParallelScalingLaw();
        String[] pull = {"data", "pull", "--task", "parallel_scaling_law", "--data-dir", tmp.toString(), "--endpoint",
            endpoint()};
        String[] fit = {"fit", "--task", "parallel_scaling_law", "--data-dir", tmp.toString(), "--law", "human"};
        assertEquals(0, CliRun.of(pull).exit());
        CliRun untouched = CliRun.of(fit);
        assertEquals(0, untouched.exit(), untouched.err());
        assertFalse(untouched.err().contains("data pull wrote"), untouched.err());

        Path train = tmp.resolve("parallel_scaling_law/train.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(train));
        lines.remove(lines.size() - 1);
        Files.write(train, lines);
        CliRun edited = CliRun.of(fit);
        assertEquals(0, edited.exit(), edited.err());
        assertTrue(edited.err().contains("evosld: note: " + train + " is not the file data pull wrote (edited since,"
            + " or a pull was cut short); evosld data pull --task parallel_scaling_law --data-dir " + tmp
            + " restores it"), edited.err());

        assertEquals(0, CliRun.of(pull).exit());
        assertEquals(37, Files.readAllLines(train).size());
        CliRun restored = CliRun.of(fit);
        assertFalse(restored.err().contains("data pull wrote"), restored.err());
    }

    @Test
    void pullsAllTasksThenFindsThemUpToDate() throws IOException {
        putAllTasks();
        CliRun first = CliRun.of("data", "pull", "--all", "--data-dir", tmp.toString(), "--endpoint", endpoint(), "--json");
        assertEquals(0, first.exit(), first.err());
        JsonNode document = Json.mapper().readTree(first.out());
        assertEquals(tmp.toString(), document.get("data_dir").stringValue());
        assertEquals(TaskConfig.builtinTasks().size(), document.get("tasks").size());
        for (int i = 0; i < TaskConfig.builtinTasks().size(); i++) {
            String task = TaskConfig.builtinTasks().get(i);
            TaskConfig config = TaskConfig.load(task);
            JsonNode entry = document.get("tasks").get(i);
            assertEquals(task, entry.get("task").stringValue());
            assertEquals("downloaded", entry.get("status").stringValue());
            assertEquals(config.hub().trainRows(), entry.get("rows").get("train").intValue(), task);
            assertEquals(config.hub().testRows(), entry.get("rows").get("test").intValue(), task);
            TaskData data = TaskData.load(config, new DataDirectory(tmp));
            assertEquals(config.hub().trainRows(), data.train().table().rows(), task);
        }
        assertEquals(2702, document.get("tasks").get(TaskConfig.builtinTasks().indexOf("lr_bsz_scaling_law"))
            .get("rows").get("train").intValue());
        // standard output is the document's, so the log hears of each task once it is written
        assertEquals("evosld: sft_scaling_law: downloaded (train 504 rows, test 42 rows) in "
            + tmp.resolve("sft_scaling_law"), first.errorLines().get(TaskConfig.builtinTasks().indexOf("sft_scaling_law")));
        assertEquals(TaskConfig.builtinTasks().size(), first.errorLines().size(), first.err());

        int before = hub.requests.get();
        CliRun second = CliRun.of("data", "pull", "--all", "--data-dir", tmp.toString(), "--endpoint", endpoint(), "--json");
        assertEquals(0, second.exit(), second.err());
        for (JsonNode entry : Json.mapper().readTree(second.out()).get("tasks")) {
            assertEquals("up_to_date", entry.get("status").stringValue());
        }
        // per task: the list of splits and a one-row probe of each split, nothing downloaded
        assertEquals(TaskConfig.builtinTasks().size() * 3, hub.requests.get() - before);

        CliRun text = CliRun.of("data", "pull", "--all", "--data-dir", tmp.toString(), "--endpoint", endpoint());
        assertEquals(0, text.exit(), text.err());
        assertEquals("sft_scaling_law: up_to_date (train 504 rows, test 42 rows) in " + tmp.resolve("sft_scaling_law"),
            text.out().lines().toList().get(TaskConfig.builtinTasks().indexOf("sft_scaling_law")));
        // the folder as --json's data_dir gives it and the lines above name the tasks' folders: no trailing slash
        assertEquals(List.of("evosld: 8 tasks in " + document.get("data_dir").stringValue()), text.errorLines());
    }

    @Test
    void aTaskWhoseTestSplitFailsIsNotReportedAsPulledInPart() {
        hub.putParallelScalingLaw();
        hub.put("parallel_scaling_law", "test", List.of(new FakeSldbench.Column("group", "string")), List.of());
        CliRun run = CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", tmp.toString(),
            "--endpoint", endpoint());
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        // the train split was fetched, but nothing of the task was written: no line may say "train: 36 rows"
        assertEquals(List.of("evosld: hugging face: config 'parallel_scaling_law' split 'test' lacks column"
            + " 'num_params' (has: group)"), run.allErrorLines());
        assertFalse(Files.exists(tmp.resolve("parallel_scaling_law/train.csv")));
    }

    @Test
    void anUnknownTaskIsOneLineAndNoRequest() {
        CliRun run = CliRun.of("data", "pull", "--task", "nope_scaling_law", "--data-dir", tmp.toString(),
            "--endpoint", endpoint());
        assertEquals(2, run.exit(), "a value --task cannot take");
        assertEquals(List.of("evosld: unknown task 'nope_scaling_law' (tasks: " + String.join(", ", TaskConfig.builtinTasks())
                + ") (see: evosld data pull --help)"),
            run.err().lines().toList());
        assertEquals(0, hub.requests.get());
        assertFalse(Files.exists(tmp.resolve("nope_scaling_law")));
    }

    @Test
    void aLongUnknownTaskIsCutBetweenItsCharacters() {
        // 58 emoji: a cut after 57 UTF-16 units would leave half of the 29th
        String task = "😀".repeat(58);
        CliRun run = CliRun.of("data", "pull", "--task", task, "--data-dir", tmp.toString(), "--endpoint", endpoint());
        assertEquals(2, run.exit());
        assertEquals(List.of("evosld: unknown task '" + task + "' (tasks: " + String.join(", ", TaskConfig.builtinTasks())
                + ") (see: evosld data pull --help)"), run.err().lines().toList());
        String longer = "😀".repeat(61);
        CliRun cut = CliRun.of("data", "pull", "--task", longer, "--data-dir", tmp.toString(), "--endpoint", endpoint());
        assertTrue(cut.err().startsWith("evosld: unknown task '" + "😀".repeat(59) + "…' (tasks: "), cut.err());
        assertEquals(0, hub.requests.get());
    }

    @Test
    void aTaskMissingOnTheHubIsOneLine() {
        hub.putParallelScalingLaw();
        CliRun run = CliRun.of("data", "pull", "--task", "sft_scaling_law", "--data-dir", tmp.toString(),
            "--endpoint", endpoint());
        assertEquals(1, run.exit());
        assertEquals(1, run.errorLines().size(), run.err());
        assertTrue(run.errorLines().getFirst().startsWith("evosld: hugging face has no config 'sft_scaling_law'"), run.err());
    }

    @Test
    void aDataDirectoryThatCannotTakeTheFilesFailsBeforeAnyRequest() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        CliRun run = CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", file.toString(),
            "--endpoint", endpoint());
        assertEquals(List.of("evosld: " + file + ": a file, not a data directory (give another --data-dir)"),
            run.allErrorLines());
        assertEquals(0, hub.requests.get());
    }

    @Test
    void aPullNamingNoTaskSaysSoWithoutPicocliPrefix() {
        // observed: "evosld: Error: Missing required argument ...", the only refusal with a second prefix
        CliRun run = CliRun.of("data", "pull", "--data-dir", tmp.toString(), "--endpoint", endpoint());
        assertEquals(2, run.exit());
        assertEquals(List.of("evosld: Missing required argument (specify one of these): (-t=TASK | --all)"
            + " (see: evosld data pull --help)"), run.allErrorLines());
    }

    @Test
    void aPullThatGetsNothingLeavesNoDataDirectoryItMade() throws IOException {
        // observed: an endpoint that cannot be reached left a new, empty data directory holding only the pull's lock
        Path fresh = tmp.resolve("fresh");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun run = CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", fresh.toString(),
            "--endpoint", "http://127.0.0.1:" + closed + "/");
        assertEquals(1, run.exit());
        assertTrue(run.errorLines().getFirst().contains("cannot reach"), run.err());
        assertFalse(Files.exists(fresh), "no directory is left behind");

        // one that was there before stays, lock and all
        Files.createDirectories(fresh);
        assertEquals(1, CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", fresh.toString(),
            "--endpoint", "http://127.0.0.1:" + closed + "/").exit());
        assertTrue(Files.isDirectory(fresh));
    }

    @Test
    void aDataDirectoryBelowAFileNamesTheFileInWords() throws IOException {
        // observed: "cannot create the data directory (FileSystemException)", a Java class name
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Path below = file.resolve("data");
        CliRun run = CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", below.toString(),
            "--endpoint", endpoint());
        assertEquals(List.of("evosld: " + below + ": cannot create the data directory (" + file
            + " is a file, not a folder)"), run.allErrorLines());
        assertEquals(0, hub.requests.get());
    }

    @Test
    void aSecondPullIntoTheSameDirectoryIsRefused() throws IOException {
        hub.putParallelScalingLaw();
        try (var channel = java.nio.channels.FileChannel.open(tmp.resolve(DataCommand.Pull.LOCK_FILE),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            CliRun run = CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", tmp.toString(),
                "--endpoint", endpoint());
            assertEquals(List.of("evosld: " + tmp + ": another data pull is writing into it; wait for it to finish"),
                run.allErrorLines());
            assertEquals(0, hub.requests.get());
        }
        assertEquals(0, CliRun.of("data", "pull", "--task", "parallel_scaling_law", "--data-dir", tmp.toString(),
            "--endpoint", endpoint()).exit(), "the lock is the holder's alone");
    }

    @Test
    void pullingAllTasksNamesThoseItPulledAndThoseNotWhenOneFails() {
        hub.putParallelScalingLaw();
        CliRun run = CliRun.of("data", "pull", "--all", "--data-dir", tmp.toString(), "--endpoint", endpoint());
        assertEquals(1, run.exit());
        String last = run.errorLines().getLast();
        List<String> tasks = TaskConfig.builtinTasks();
        assertTrue(last.startsWith("evosld: hugging face has no config '" + tasks.getFirst() + "'"), last);
        assertTrue(last.endsWith(" (pulled: none; not pulled: " + String.join(", ", tasks) + ")"), last);
        CliRun twice = CliRun.of("data", "pull", "--task", "a", "--task", "b", "--data-dir", tmp.toString());
        assertEquals(List.of("evosld: --task given twice (give it once) (see: evosld data pull --help)"),
            twice.allErrorLines());
        CliRun beside = CliRun.of("data", "pull", "--task", "a", "--all", "--data-dir", tmp.toString());
        assertEquals(List.of("evosld: --task and --all given together (give one of them) (see: evosld data pull --help)"),
            beside.allErrorLines());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.of("data", "pull", "--data-dir", tmp.toString()).exit());
        assertEquals(2, CliRun.of("data", "pull", "--all", "--task", "sft_scaling_law", "--data-dir", tmp.toString()).exit());
        assertEquals(2, CliRun.of("data", "pull", "--all", "--endpoint", "not a url", "--data-dir", tmp.toString()).exit());
        assertEquals(2, CliRun.of("data").exit());
        assertEquals(0, hub.requests.get());
    }
}
