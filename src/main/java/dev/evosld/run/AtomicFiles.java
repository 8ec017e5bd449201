package dev.evosld.run;

import dev.evosld.EvosldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader (or a run killed mid-write) sees the old content or the new, never half. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // not Files.createTempFile, which makes the file readable by its owner alone whatever the umask: a
            // report or an exported law is for colleagues and web servers too. Process and thread make the name
            // unique among live writers; a leftover of a killed one is overwritten.
            Path temporary = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId() + ".part");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new EvosldException("cannot write " + file + ": " + reason(file, e));
        }
    }

    /** Why a write failed, in words: the exceptions' messages are often bare paths. */
    private static String reason(Path file, IOException e) {
        Path existing = file.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return (file.isAbsolute() ? existing : Path.of("").toAbsolutePath().relativize(existing))
                + " is a file, not a folder";
        }
        return switch (e) {
            case AccessDeniedException denied -> "permission denied (" + denied.getFile() + ")";
            case FileSystemException other when other.getReason() != null -> other.getReason()
                + (other.getFile() != null ? " (" + other.getFile() + ")" : "");
            default -> String.valueOf(e.getMessage());
        };
    }
}
