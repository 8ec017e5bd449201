package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.run.RunDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
        RunDirectory run = new RunDirectory(dir.resolve("resumed"));
        Files.createDirectories(run.path());
        Files.writeString(run.dataSourceFile(), "{}");
        Files.writeString(run.checkpointFile(), "{\"version\": 3}");
        interrupt(run, false);
        assertEquals("{\"version\": 3}", Files.readString(run.checkpointFile()));
        assertEquals("evosld: interrupted; continue the run with evosld discover --resume " + run.path(),
            err.toString().strip());
    }

    /** What Ctrl-C does to a run whose search had not begun. */
    private void interrupt(RunDirectory run, boolean ownFolder) {
        try (InterruptHook hook = InterruptHook.register(run, ownFolder, new PrintWriter(err, true), Optional.empty())) {
            hook.interrupted();
        }
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
