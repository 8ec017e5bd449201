package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @Test
    void aNewRunNeverSharesAFolderWithAnother(@TempDir Path directory) throws Exception {
        Path parent = directory.resolve("results/task");
        List<Callable<Path>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(() -> RunDirectory.createUnder(parent, "20261206-161201-seed0").path());
        }
        Set<String> names = new TreeSet<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (Future<Path> claim : executor.invokeAll(claims)) {
                Path path = claim.get();
                assertTrue(Files.isDirectory(path), path.toString());
                names.add(path.getFileName().toString());
            }
        }
        assertEquals(8, names.size(), "eight runs, eight folders: " + names);
        assertTrue(names.contains("20261206-161201-seed0"), names.toString());
        assertTrue(names.contains("20261206-161201-seed0-8"), names.toString());
    }

    @Test
    void aFolderHeldByOneRunIsRefusedToAnother(@TempDir Path directory) {
        RunDirectory run = new RunDirectory(directory.resolve("run"));
        assertFalse(run.inUse(), "no folder yet");
        try (RunDirectory.Lock held = run.lock()) {
            assertTrue(run.inUse());
            dev.evosld.EvosldException e = assertThrows(dev.evosld.EvosldException.class, run::lock);
            assertEquals(run.path() + ": another evosld run is writing into it; wait for it, or give another --out",
                e.getMessage());
        }
        assertFalse(run.inUse());
        try (RunDirectory.Lock again = run.lock()) {
            assertTrue(Files.isDirectory(run.path()), "free again once the first run is done");
        }
    }

    @Test
    void aDiscoveryWithACheckpointButNoLawIsNamedRunningOrInterrupted(@TempDir Path directory) throws Exception {
        RunDirectory run = new RunDirectory(directory.resolve("run"));
        try (RunDirectory.Lock held = run.lock()) {
            Files.writeString(run.checkpointFile(), "{}");
            dev.evosld.EvosldException e = assertThrows(dev.evosld.EvosldException.class,
                () -> RunDirectory.existing(run.path()));
            assertEquals(run.path() + ": its discovery is still searching (no law.json yet); wait for it to finish",
                e.getMessage());
        }
        dev.evosld.EvosldException e = assertThrows(dev.evosld.EvosldException.class,
            () -> RunDirectory.existing(run.path()));
        assertEquals(run.path() + ": the discovery was interrupted before it chose a law (no law.json yet); continue it"
            + " with evosld discover --resume " + run.path(), e.getMessage());
    }

    @Test
    void takingTheFolderRemovesWhatAKilledWriterLeftHalfWritten(@TempDir Path directory) throws Exception {
        // kill -9 while a checkpoint is written leaves its temporary file, the size of a checkpoint, for good
        RunDirectory run = new RunDirectory(directory.resolve("run"));
        Files.createDirectories(run.path());
        long gone = Long.MAX_VALUE;   // no process has it
        long live = ProcessHandle.current().pid();   // a writer still at work, as report --run is beside a run
        Path leftover = run.path().resolve(".checkpoint.json." + gone + "-31.part");
        Path inProgress = run.path().resolve(".report.html." + live + "-7.part");
        Path users = run.path().resolve(".notes.part");
        for (Path file : List.of(leftover, inProgress, users, run.checkpointFile())) {
            Files.writeString(file, "{}");
        }
        try (RunDirectory.Lock lock = run.lock()) {
            assertFalse(Files.exists(leftover));
            assertTrue(Files.exists(inProgress));
            assertTrue(Files.exists(users), "not a name AtomicFiles gives");
            assertTrue(Files.exists(run.checkpointFile()));
        }
    }

    @Test
    void aFileIsNamedAsAFileNotAsAMissingFolder(@TempDir Path directory) throws Exception {
        Path law = Files.writeString(directory.resolve("law.json"), "{}");
        dev.evosld.EvosldException existing = assertThrows(dev.evosld.EvosldException.class,
            () -> RunDirectory.existing(law));
        assertEquals(law + ": a file, not a run directory (its folder is " + directory + ")", existing.getMessage());
        dev.evosld.EvosldException locked = assertThrows(dev.evosld.EvosldException.class,
            () -> new RunDirectory(law).lock());
        assertEquals(law + ": a file, not a folder; give a folder for the run", locked.getMessage());
        dev.evosld.EvosldException missing = assertThrows(dev.evosld.EvosldException.class,
            () -> new RunDirectory(directory.resolve("none")).requireFolder());
        assertEquals(directory.resolve("none") + ": no such run directory", missing.getMessage());
    }

    @Test
    void aFolderThatCannotBeMadeIsSaidInWordsNotByTheExceptionsClassName(@TempDir Path directory) throws Exception {
        // bench --out on a file: each task's run folder lies below it; was 'FileSystemException <file>/task: Not a directory'
        Path file = Files.writeString(directory.resolve("bench-results"), "");
        for (Path run : List.of(file.resolve("sft_scaling_law/seed-0"), file.resolve("seed-0"))) {
            dev.evosld.EvosldException e = assertThrows(dev.evosld.EvosldException.class,
                () -> new RunDirectory(run).lock());
            assertEquals("cannot use " + run + " as a run directory: " + file + " is a file, not a folder", e.getMessage());
        }
        // discover without --out claims results/<task>/<time>: was 'FileSystemException results/task: Not a directory'
        dev.evosld.EvosldException claimed = assertThrows(dev.evosld.EvosldException.class,
            () -> RunDirectory.createUnder(file.resolve("sft_scaling_law"), "20261207-140000-seed0"));
        assertEquals("cannot create a run directory in " + file.resolve("sft_scaling_law") + ": " + file
            + " is a file, not a folder", claimed.getMessage());
        // was 'NoSuchFileException /proc/evosld-run'
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "a /proc file system");
        Path proc = Path.of("/proc/evosld-run/seed-0");
        dev.evosld.EvosldException e = assertThrows(dev.evosld.EvosldException.class, () -> new RunDirectory(proc).lock());
        assertEquals("cannot use /proc/evosld-run/seed-0 as a run directory: no folder can be created in /proc",
            e.getMessage());
    }

    @Test
    void onlyARunThatNeverReachedACheckpointIsRemoved(@TempDir Path directory) throws Exception {
        RunDirectory failed = RunDirectory.createUnder(directory, "failed");
        try (RunDirectory.Lock held = failed.lock()) {
            Files.writeString(failed.dataSourceFile(), "{}");
            failed.removeUnstarted();
        }
        assertTrue(Files.notExists(failed.path()));

        RunDirectory started = RunDirectory.createUnder(directory, "started");
        Files.writeString(started.dataSourceFile(), "{}");
        Files.writeString(started.checkpointFile(), "{}");
        started.removeUnstarted();
        assertTrue(Files.isRegularFile(started.checkpointFile()), "a checkpoint is kept for --resume");
    }
}
