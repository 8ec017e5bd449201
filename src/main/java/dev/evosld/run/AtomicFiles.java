package dev.evosld.run;

import dev.evosld.EvosldException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader, a run killed mid-write or a machine that loses power sees the old content or the
 * new, never half.
 */
public final class AtomicFiles {
    /** The name {@link #write} gives its temporary file: {@code .NAME.PID-THREAD.part}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)-\\d+\\.part");

    private AtomicFiles() {
    }

    public static void write(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws WriteException saying in words why the file cannot be written */
    public static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            replace(file, content);
        } catch (IOException e) {
            throw new WriteException("cannot write " + file + ": " + reason(file, e));
        }
    }

    /**
     * Puts {@code content} in place of {@code file}, in a folder that exists, for a caller that says in its own words
     * what failed (the LLM's cache names its entry): whole, and on disk once this returns.
     */
    public static void replace(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        // not Files.createTempFile, which makes the file readable by its owner alone whatever the umask: a
        // report or an exported law is for colleagues and web servers too. Process and thread make the name
        // unique among live writers; a leftover of a killed one is overwritten.
        Path temporary = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
            + Thread.currentThread().threadId() + ".part");
        try {
            writeToDisk(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceFolder(parent);
    }

    /**
     * Writes {@code content} and waits until the disk holds it, size included: a file system may put the rename on
     * disk before the data it names, and after a power cut or a kernel crash the file would be empty or cut short.
     */
    private static void writeToDisk(Path temporary, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /**
     * Puts the rename itself on disk, so that a file written before a power cut is there after it, not its old
     * content. Linux opens a folder as a channel and syncs it; Windows, among others, refuses to open one.
     */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the new file's bytes are on disk already: a crash can at worst lose the rename, which leaves the old
            // file whole, never a part of the new one, so the write has not failed
        }
    }

    /**
     * Deletes the temporary files that writers killed mid-write left in a folder ({@code kill -9} while a checkpoint
     * was written leaves one the size of a checkpoint). A writer still alive keeps its own.
     */
    static void removeLeftovers(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.part")) {
            for (Path file : files) {
                Matcher name = TEMPORARY.matcher(file.getFileName().toString());
                if (name.matches() && !alive(name.group(1))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // a leftover kept is only space taken
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;   // not a number write gives: leave it
        }
    }

    /**
     * Creates {@code folder} and the folders above it that are missing.
     *
     * @param purpose what the folder is for, as the error names it ("the bench's results")
     * @throws EvosldException saying in words why it cannot be made
     */
    public static void createFolder(Path folder, String purpose) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EvosldException("cannot keep " + purpose + " in " + folder + ": " + folderReason(folder, e));
        }
    }

    /**
     * Why a write failed, in words: the exceptions' messages are often bare paths, and often the path of the
     * temporary file, which the user never named.
     */
    private static String reason(Path file, IOException e) {
        Path parent = file.toAbsolutePath().getParent();
        Optional<String> inTheWay = fileInTheWay(file, parent);
        if (inTheWay.isPresent()) {
            return inTheWay.get();
        }
        if (Files.isDirectory(file)) {
            return "it is a folder; name a file";
        }
        return switch (e) {
            case AccessDeniedException denied -> "permission denied" + where(file, parent, denied.getFile());
            case NoSuchFileException missing when Files.isDirectory(parent) ->
                "no file can be created in " + shown(file, parent);
            case FileSystemException other when other.getReason() != null -> other.getReason()
                + where(file, parent, other.getFile());
            default -> String.valueOf(e.getMessage());
        };
    }

    /**
     * Why a folder could not be made or used, in words, as {@link #write} says why a file could not be written:
     * the exceptions' messages name their class and a path, and the path is often a folder between the one asked
     * for and the file that stands in its way.
     */
    static String folderReason(Path folder, IOException e) {
        Path existing = existing(folder.toAbsolutePath());
        if (existing == null) {
            return reason(e);
        }
        if (!Files.isDirectory(existing)) {
            return shown(folder, existing) + " is a file, not a folder";
        }
        return switch (e) {
            case AccessDeniedException denied -> "permission denied in " + shown(folder, existing);
            case NoSuchFileException missing -> "no folder can be created in " + shown(folder, existing);
            default -> reason(e);
        };
    }

    /**
     * Refuses a file that cannot be written because a file stands where it or a folder above it should be, in the
     * words {@link #write} would fail with: before a command spends its time on what it could not write.
     *
     * @throws EvosldException if a file is in the way, or {@code file} is a folder
     */
    public static void requireWritable(Path file) {
        Optional<String> reason = fileInTheWay(file, file.toAbsolutePath().getParent())
            .or(() -> Files.isDirectory(file) ? Optional.of("it is a folder; name a file") : Optional.empty());
        if (reason.isPresent()) {
            throw new EvosldException("cannot write " + file + ": " + reason.get());
        }
    }

    /**
     * Why no folder can be made at {@code folder}, when a file stands where it or a folder above it should be, in the
     * words {@link #folderReason} gives once the attempt has failed; empty when no file is in the way.
     */
    static Optional<String> fileInTheWay(Path folder) {
        return fileInTheWay(folder, folder.toAbsolutePath());
    }

    /** The file among {@code from} and the folders above it that exist first, as the path {@code named} shows it. */
    private static Optional<String> fileInTheWay(Path named, Path from) {
        Path existing = existing(from);
        return existing != null && !Files.isDirectory(existing)
            ? Optional.of(shown(named, existing) + " is a file, not a folder") : Optional.empty();
    }

    /** {@code path} or the nearest folder above it that exists; null when none does. */
    private static Path existing(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /**
     * Why a file operation failed, in words, for a message that names the file already: the exceptions' own
     * messages are often the bare path ({@code AccessDeniedException: /x/plots/a.png}).
     */
    public static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or folder";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }

    /** The file an error names, unless it is the temporary one: then the folder it was written in. */
    private static String where(Path file, Path parent, String named) {
        if (named == null) {
            return "";
        }
        Path path = Path.of(named);
        return path.getFileName() != null && path.getFileName().toString().endsWith(".part")
            ? " in " + shown(file, parent) : " (" + named + ")";
    }

    /** A folder as the user would recognize it: absolute when they named the file absolutely. */
    private static Path shown(Path file, Path folder) {
        return file.isAbsolute() ? folder : Path.of("").toAbsolutePath().relativize(folder);
    }

    /** Whether two paths name one file, by whatever spelling or link; paths that cannot be compared differ. */
    public static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
