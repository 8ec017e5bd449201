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
