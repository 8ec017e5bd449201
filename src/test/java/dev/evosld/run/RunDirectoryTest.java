package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void onlyAnEmptyFolderIsRemoved(@TempDir Path directory) throws Exception {
        RunDirectory empty = RunDirectory.createUnder(directory, "a");
        empty.removeIfEmpty();
        assertFalse(Files.exists(empty.path()));

        RunDirectory used = RunDirectory.createUnder(directory, "b");
        Files.writeString(used.dataSourceFile(), "{}");
        used.removeIfEmpty();
        assertTrue(Files.isRegularFile(used.dataSourceFile()));
    }
}
