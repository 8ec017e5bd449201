package dev.evosld.data.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Tells whether a task's CSVs are still the ones {@code data pull} wrote, from the checksums of its manifest.
 *
 * <p>A CSV edited by hand, or a pull killed between renaming train.csv and test.csv (which leaves one new file
 * beside one old one), would otherwise give laws and scores for data nobody pulled, with nothing to say so.
 */
public final class PulledFiles {
    private PulledFiles() {
    }

    /**
     * The task's CSVs that differ from the pull its manifest records, by split name; none when the folder holds
     * no manifest (data that did not come from {@code data pull}, whose files are the user's own).
     */
    public static List<Path> changed(Path taskFolder) {
        return Manifest.read(taskFolder)
            .map(manifest -> manifest.splits().entrySet().stream()
                .filter(split -> !matches(taskFolder.resolve(split.getKey() + ".csv"), split.getValue()))
                .map(split -> taskFolder.resolve(split.getKey() + ".csv"))
                .toList())
            .orElse(List.of());
    }

    private static boolean matches(Path csv, Manifest.SplitState state) {
        try {
            return sha256(Files.readAllBytes(csv)).equals(state.sha256());
        } catch (IOException e) {
            // a missing or unreadable CSV is reported by the reader, with its own message
            return true;
        }
    }

    /** The lowercase hex SHA-256 of {@code bytes}, as the manifest records it. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
