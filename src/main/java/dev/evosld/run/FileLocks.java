package dev.evosld.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Advisory locks that keep two evosld processes from writing into one folder at once. */
public final class FileLocks {
    private FileLocks() {
    }

    /**
     * An exclusive lock on {@code file} (created if missing), held until the returned channel is closed; empty if
     * another process, or this very JVM (as when a test holds it), holds it already.
     */
    public static Optional<FileChannel> tryExclusive(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        boolean locked;
        try {
            locked = channel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            locked = false;
        }
        if (!locked) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(channel);
    }
}
