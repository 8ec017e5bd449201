package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.EvosldException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aReasonIsWordsNotTheBarePathTheExceptionCarries() {
        assertEquals("permission denied", AtomicFiles.reason(new java.nio.file.AccessDeniedException("/x/plots/a.png")));
        assertEquals("no such file or folder", AtomicFiles.reason(new java.nio.file.NoSuchFileException("/x/a")));
        assertEquals("Read-only file system",
            AtomicFiles.reason(new java.nio.file.FileSystemException("/x/a", null, "Read-only file system")));
        assertEquals("disk full", AtomicFiles.reason(new java.io.IOException("disk full")));
    }

    @Test
    void replacesTheContentAndLeavesNoPartFileBehind() throws Exception {
        Path file = dir.resolve("sub/law.json");
        AtomicFiles.write(file, "old");
        AtomicFiles.write(file, "new");
        assertEquals("new", Files.readString(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void theContentIsForcedToDiskBeforeTheRenameAndTheFolderAfterIt(@TempDir Path recordings) throws Exception {
        // a power cut can put a rename on disk before the data it names: checkpoint.json came back empty or partial.
        // JFR records each FileChannel.force with its path; what the disk then does is beyond any test.
        Path file = dir.resolve("checkpoint.json");
        AtomicFiles.write(file, "old");
        List<RecordedEvent> forced = ForcedFiles.during(() -> AtomicFiles.write(file, "new"), dir, recordings);
        String temporary = dir.resolve(".checkpoint.json." + ProcessHandle.current().pid() + "-"
            + Thread.currentThread().threadId() + ".part").toString();
        boolean foldersOpen = folderOpensAsAChannel();
        assertEquals(foldersOpen ? List.of(temporary, dir.toString()) : List.of(temporary),
            ForcedFiles.paths(forced),
            "the temporary file, with its metadata, and then the folder that the rename changed");
        assertTrue(forced.getFirst().getBoolean("metaData"), "the file's size is forced with its bytes");
        if (foldersOpen) {
            assertTrue(!forced.get(1).getStartTime().isBefore(forced.getFirst().getEndTime()), "the folder after the file");
        }
        assertEquals("new", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    private boolean folderOpensAsAChannel() {
        try (FileChannel folder = FileChannel.open(dir)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aFileIsReadableByOthersAsTheFilesystemDefaultWouldHaveIt() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        Path written = dir.resolve("report.html");
        AtomicFiles.write(written, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(written)));
        assertTrue(expected.contains(PosixFilePermission.OWNER_READ));
    }

    @Test
    void aFolderInThePathThatIsAFileIsNamedAsSuch() throws Exception {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "N,loss\n");
        for (Path target : List.of(csv.resolve("law.py"), csv.resolve("deeper/law.py"))) {
            EvosldException e = assertThrows(EvosldException.class, () -> AtomicFiles.write(target, "x"));
            assertEquals("cannot write " + target + ": " + csv + " is a file, not a folder", e.getMessage());
        }
    }

    @Test
    void aFolderInPlaceOfTheFileIsNamedAsSuchAndTheTemporaryFileIsNot() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("law.py"));
        EvosldException e = assertThrows(EvosldException.class, () -> AtomicFiles.write(folder, "x"));
        assertEquals("cannot write " + folder + ": it is a folder; name a file", e.getMessage());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(folder), listing.toList(), "no .part file is left behind");
        }
    }

    @Test
    void aFolderNoFileCanBeCreatedInIsNamedRatherThanTheTemporaryFile() {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "a /proc file system");
        Path target = Path.of("/proc/law.py");
        EvosldException e = assertThrows(EvosldException.class, () -> AtomicFiles.write(target, "x"));
        assertEquals("cannot write /proc/law.py: no file can be created in /proc", e.getMessage());
    }
}
