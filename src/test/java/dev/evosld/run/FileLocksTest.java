package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocksTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingLockFileIsCreatedAndLocked() throws IOException {
        Path file = tmp.resolve(".lock");
        Optional<FileChannel> lock = FileLocks.tryExclusive(file);
        try {
            assertTrue(lock.isPresent());
            assertTrue(lock.get().isOpen());
            assertTrue(Files.isRegularFile(file));
        } finally {
            lock.get().close();
        }
    }

    @Test
    void aSecondAttemptWhileTheFirstIsHeldIsEmptyAndSucceedsOnceItIsClosed() throws IOException {
        Path file = tmp.resolve(".lock");
        FileChannel first = FileLocks.tryExclusive(file).orElseThrow();
        try {
            assertTrue(FileLocks.tryExclusive(file).isEmpty());
        } finally {
            first.close();
        }
        FileChannel again = FileLocks.tryExclusive(file).orElseThrow();
        again.close();
    }

    @Test
    void locksOnDifferentFilesAreIndependent() throws IOException {
        try (FileChannel a = FileLocks.tryExclusive(tmp.resolve("a.lock")).orElseThrow();
             FileChannel b = FileLocks.tryExclusive(tmp.resolve("b.lock")).orElseThrow()) {
            assertTrue(a.isOpen() && b.isOpen());
        }
    }

    @Test
    void anExistingFilesContentIsLeftAlone() throws IOException {
        Path file = tmp.resolve(".lock");
        Files.writeString(file, "pid 42\n");
        FileLocks.tryExclusive(file).orElseThrow().close();
        assertTrue(Files.readString(file).equals("pid 42\n"));
    }

    @Test
    void aLockFileInAMissingFolderIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> FileLocks.tryExclusive(tmp.resolve("missing/.lock")));
        assertFalse(Files.exists(tmp.resolve("missing")));
    }
}
