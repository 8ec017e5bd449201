package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import dev.evosld.report.RunFiles.HistoryEntry;
import dev.evosld.report.RunFiles.ParetoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path dir;

    @Test
    void paretoFileAsTheSearchWritesItReadsBackEntryForEntry() throws IOException {
        // the writer is another record in another package: only the JSON keys tie the two together
        Path file = dir.resolve("pareto.json");
        Files.writeString(file, Json.mapper().writeValueAsString(List.of(
            new dev.evosld.search.ParetoEntry("a*N^-b", 2, 5, 0.5, 0.1, null, 0.25, false),
            new dev.evosld.search.ParetoEntry("E + a*N^-b", 3, 7, 0.01, 0.002, 0.004, 0.99, true))));

        assertEquals(Optional.of(List.of(
                new ParetoEntry("a*N^-b", 2, 5, 0.5, 0.25, null, false),
                new ParetoEntry("E + a*N^-b", 3, 7, 0.01, 0.99, 0.004, true))),
            RunFiles.pareto(file));
    }

    @Test
    void historyFileAsTheSearchWritesItReadsBackEntryForEntry() throws IOException {
        Path file = dir.resolve("history.json");
        Files.writeString(file, Json.mapper().writeValueAsString(List.of(
            new dev.evosld.search.HistoryEntry(1, 0.02, 0.8, 100, 0, 1.5),
            new dev.evosld.search.HistoryEntry(2, 0.0001, 0.999, 190, 10, 2.75))));

        assertEquals(Optional.of(List.of(new HistoryEntry(1, 0.02, 0.8, 100L, 0L, 1.5),
                new HistoryEntry(2, 0.0001, 0.999, 190L, 10L, 2.75))),
            RunFiles.history(file));
    }

    @Test
    void fieldsAnOlderRunDidNotRecordReadAsNull() throws IOException {
        Path history = dir.resolve("history.json");
        Files.writeString(history, "[{\"generation\": 3, \"best_validation_error\": 0.1}]");
        assertEquals(Optional.of(List.of(new HistoryEntry(3, 0.1, null, null, null, null))), RunFiles.history(history));

        Path pareto = dir.resolve("pareto.json");
        Files.writeString(pareto, "[{\"law\": \"E\", \"parameter_count\": 1, \"node_count\": 1}]");
        assertEquals(Optional.of(List.of(new ParetoEntry("E", 1, 1, null, null, null, false))), RunFiles.pareto(pareto));
    }

    @Test
    void complexityIsNodesPlusParameters() {
        assertEquals(12, new ParetoEntry("x", 5, 7, 0.0, 1.0, null, true).complexity());
    }

    @Test
    void anEmptyArrayIsAnEmptyFrontNotAMissingFile() throws IOException {
        Path file = dir.resolve("pareto.json");
        Files.writeString(file, "[]");
        assertEquals(Optional.of(List.of()), RunFiles.pareto(file));
    }

    @Test
    void aMissingFileOrADirectoryInItsPlaceIsNoFile() throws IOException {
        assertEquals(Optional.empty(), RunFiles.pareto(dir.resolve("pareto.json")));
        assertEquals(Optional.empty(), RunFiles.history(Files.createDirectory(dir.resolve("history.json"))));
    }

    @Test
    void aFileHoldingNullIsAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("history.json");
        Files.writeString(file, "null");
        EvosldException e = assertThrows(EvosldException.class, () -> RunFiles.history(file));
        assertEquals(file + ": expected a JSON array, got null", e.getMessage());
    }

    @Test
    void truncatedJsonIsAOneLineErrorWithTheFileAndPosition() throws IOException {
        Path file = dir.resolve("pareto.json");
        Files.writeString(file, "[{\"law\": \"E\", \"parameter_count\": 1,");
        EvosldException e = assertThrows(EvosldException.class, () -> RunFiles.pareto(file));
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), e.getMessage());
    }

    @Test
    void aWrongTypedFieldIsAnErrorNamingTheField() throws IOException {
        Path file = dir.resolve("history.json");
        Files.writeString(file, "[{\"generation\": \"first\"}]");
        EvosldException e = assertThrows(EvosldException.class, () -> RunFiles.history(file));
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
        assertTrue(e.getMessage().contains("generation"), e.getMessage());
    }

    @Test
    void unreadableBytesAreAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("pareto.json");
        Files.write(file, new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'});
        EvosldException e = assertThrows(EvosldException.class, () -> RunFiles.pareto(file));
        assertTrue(e.getMessage().startsWith("cannot read " + file + ": "), e.getMessage());
    }
}
