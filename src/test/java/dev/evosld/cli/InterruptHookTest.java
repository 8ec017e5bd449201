package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.run.AtomicFiles;
import dev.evosld.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class InterruptHookTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void aRunStoppedBeforeItsFirstCheckpointLeavesNothingOfItsOwnFolder() throws Exception {
        RunDirectory run = RunDirectory.createUnder(dir, "own");
        Files.writeString(run.dataSourceFile(), "{}");
        interrupt(run, true);
        assertFalse(Files.exists(run.path()));
        assertEquals("evosld: interrupted before the first checkpoint; there is nothing to resume", err.toString().strip());
    }

    @Test
    void aFolderTheUserGaveIsKept() throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve("given"));
        Files.createDirectories(run.path());
        Files.writeString(run.dataSourceFile(), "{}");
        interrupt(run, false);
        assertTrue(Files.exists(run.dataSourceFile()));
    }

    @Test
    void aResumedRunStoppedBeforeItsSearchGoesOnSaysHowToResumeItAndKeepsItsCheckpoint() throws Exception {
        // Ctrl-C while --resume reads the data and the checkpoint back, before the search takes a checkpoint of its own
        RunDirectory run = resumedRun("resumed");
        interrupt(run, false);
        assertEquals("{\"version\": 3}", Files.readString(run.checkpointFile()));
        assertEquals("evosld: interrupted; continue the run with evosld discover --resume " + run.path(),
            err.toString().strip());
    }

    @Test
    void theResumeCommandOfAFolderWithASpaceCanBeCopiedAsItIs() throws Exception {
        RunDirectory run = resumedRun("my run");
        interrupt(run, false);
        assertEquals("evosld: interrupted; continue the run with evosld discover --resume '" + run.path() + "'",
            err.toString().strip());
    }

    @Test
    void aCheckpointThatCannotBeWrittenIsOneLineAndTheRunGoesOnFromTheOneBefore() throws Exception {
        // observed on a full disk: SIGTERM printed 'Exception in thread "evosld-checkpoint"
        // dev.evosld.run.WriteException: cannot write small/run/checkpoint.json: No space left on device' and its
        // stack trace, and not how to resume; the checkpoint before it stood whole
        RunDirectory run = resumedRun("full");
        Path inTheWay = Files.createDirectories(dir.resolve("in-the-way").resolve("x")).getParent();
        try (InterruptHook hook = InterruptHook.register(run, false, new PrintWriter(err, true), Optional.empty())) {
            hook.searching(() -> Optional.of(() -> AtomicFiles.write(inTheWay, "{}")));
            hook.interrupted();
        }
        assertEquals("{\"version\": 3}", Files.readString(run.checkpointFile()));
        assertEquals("evosld: interrupted, and its latest checkpoint could not be written (cannot write " + inTheWay
            + ": it is a folder; name a file); continue the run from the one before with evosld discover --resume "
            + run.path(), err.toString().strip());

        // the first checkpoint, unwritten: the run's own folder goes, as when it is stopped before it
        err.getBuffer().setLength(0);
        RunDirectory own = RunDirectory.createUnder(dir, "own-full");
        Files.writeString(own.dataSourceFile(), "{}");
        try (InterruptHook hook = InterruptHook.register(own, true, new PrintWriter(err, true), Optional.empty())) {
            hook.searching(() -> Optional.of(() -> AtomicFiles.write(inTheWay, "{}")));
            hook.interrupted();
        }
        assertFalse(Files.exists(own.path()));
        assertEquals("evosld: interrupted before the first checkpoint could be written (cannot write " + inTheWay
            + ": it is a folder; name a file); there is nothing to resume", err.toString().strip());
    }

    /** A folder the user gave --resume, holding a run's data and checkpoint. */
    private RunDirectory resumedRun(String name) throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve(name));
        Files.createDirectories(run.path());
        Files.writeString(run.dataSourceFile(), "{}");
        Files.writeString(run.checkpointFile(), "{\"version\": 3}");
        return run;
    }

    /** What Ctrl-C does to a run whose search had not begun. */
    private void interrupt(RunDirectory run, boolean ownFolder) {
        try (InterruptHook hook = InterruptHook.register(run, ownFolder, new PrintWriter(err, true), Optional.empty())) {
            hook.interrupted();
        }
    }

    /**
     * Ctrl-C on a terminal while a progress bar is drawn: progressbar asks a JLine terminal for its width, and JLine's
     * default hands SIGINT back to the operating system, which then killed the JVM outright, before any shutdown hook
     * could write the checkpoint or say how to resume.
     */
    @ParameterizedTest
    @ValueSource(strings = {"discover", "bench"})
    void ctrlCOnATerminalWhileABarIsDrawnStillRunsTheShutdownHooks(String bar) throws Exception {
        // a JVM started in the background of a shell without job control inherits SIGINT ignored, and then ends
        // normally after its wait, running its hooks all the same
        String none = onATerminal("none");
        assumeTrue(none.contains("shutdown hooks ran") && !none.contains("not interrupted"),
            "needs util-linux script, and SIGINT not ignored where the tests run");
        String output = onATerminal(bar);
        assertFalse(output.contains("not interrupted"), output);
        String said = bar.equals("discover") ? "evosld: interrupted; continue the run with evosld discover --resume " + dir
            : "evosld: interrupted; run the same bench again to continue it: the finished runs in " + dir + " are reused"
                + " and the one cut short resumes from its last checkpoint";
        assertTrue(output.contains(said), output);
        // on a line of its own, not at the end of the bar's
        assertTrue(Stream.of(output.split("\n")).map(line -> line.replace("\r", "")).anyMatch(said::equals), output);
    }

    /** What {@link TerminalInterrupt} prints, run on a pseudo-terminal (util-linux script), or "" without one. */
    private String onATerminal(String bar) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String command = String.join(" ", java.toString(), "--add-modules=jdk.incubator.vector",
            "-cp", System.getProperty("java.class.path"), TerminalInterrupt.class.getName(), bar, dir.toString());
        Process process;
        try {
            process = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        } catch (IOException e) {
            return "";
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return output;
    }

    @Test
    void aFinishedRunIsLeftAlone() throws Exception {
        RunDirectory run = RunDirectory.createUnder(dir, "done");
        Files.writeString(run.lawFile(), "{}");
        try (InterruptHook hook = InterruptHook.register(run, true, new PrintWriter(err, true), Optional.empty())) {
            hook.writing();
            hook.finished();
            hook.interrupted();
        }
        assertTrue(Files.exists(run.lawFile()));
        assertEquals("", err.toString());
    }
}
