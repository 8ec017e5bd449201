package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    private static final String TRAIN_SHA = "a".repeat(64);
    private static final String TEST_SHA = "b".repeat(64);
    private static final List<String> COLUMNS = List.of("group", "n", "loss");

    @TempDir
    Path dir;

    private static Manifest manifest() {
        Map<String, Manifest.SplitState> splits = new LinkedHashMap<>();
        splits.put("train", new Manifest.SplitState(120, TRAIN_SHA));
        splits.put("test", new Manifest.SplitState(28, TEST_SHA));
        return new Manifest("pkuHaowei/sldbench", "moe_scaling_law", COLUMNS, splits);
    }

    private Optional<Manifest> readWritten(String json) throws IOException {
        Files.writeString(dir.resolve(".hub.json"), json);
        return Manifest.read(dir);
    }

    @Test
    void writesSnakeCaseJsonWithSplitsSortedByNameAndATrailingNewline() {
        String json = new String(manifest().toJson(), StandardCharsets.UTF_8);

        assertEquals("""
            {
              "dataset" : "pkuHaowei/sldbench",
              "config" : "moe_scaling_law",
              "columns" : [ "group", "n", "loss" ],
              "splits" : {
                "test" : {
                  "num_rows_total" : 28,
                  "sha256" : "%s"
                },
                "train" : {
                  "num_rows_total" : 120,
                  "sha256" : "%s"
                }
              }
            }
            """.formatted(TEST_SHA, TRAIN_SHA), json);
    }

    @Test
    void theBytesDependOnTheContentOnlyNotOnTheOrderSplitsWereAdded() {
        Map<String, Manifest.SplitState> reversed = new LinkedHashMap<>();
        reversed.put("test", new Manifest.SplitState(28, TEST_SHA));
        reversed.put("train", new Manifest.SplitState(120, TRAIN_SHA));

        assertEquals(new String(manifest().toJson(), StandardCharsets.UTF_8), new String(
            new Manifest("pkuHaowei/sldbench", "moe_scaling_law", COLUMNS, reversed).toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Files.write(dir.resolve(Manifest.FILE_NAME), manifest().toJson());

        assertEquals(Optional.of(manifest()), Manifest.read(dir));
    }

    @Test
    void readsAHandWrittenDocumentAndIgnoresKeysItDoesNotKnow() throws IOException {
        Optional<Manifest> read = readWritten("""
            {"dataset": "d/x", "config": "c", "columns": ["g", "y"], "pulled_at": "2026-01-01",
             "splits": {"train": {"num_rows_total": 3, "sha256": "%s", "etag": "w/1"}}}""".formatted(TRAIN_SHA));

        assertEquals(Optional.of(new Manifest("d/x", "c", List.of("g", "y"),
            Map.of("train", new Manifest.SplitState(3, TRAIN_SHA)))), read);
    }

    @Test
    void noManifestFileReadsAsNone() {
        assertEquals(Optional.empty(), Manifest.read(dir));
        assertEquals(Optional.empty(), Manifest.read(dir.resolve("no-such-task")));
    }

    @Test
    void aDamagedManifestReadsAsNoneInsteadOfFailing() throws IOException {
        for (String damaged : List.of("", "{", "[]", "\"text\"", "{\"dataset\": 3, \"config\": {}}",
            "{\"dataset\": \"d\", \"dataset\": \"e\", \"config\": \"c\", \"splits\": {}}",
            "{\"dataset\": \"d\", \"config\": \"c\", \"splits\": {\"train\": {\"num_rows_total\": \"many\"}}}")) {
            assertEquals(Optional.empty(), readWritten(damaged), damaged);
        }
    }

    @Test
    void aManifestLackingDatasetConfigOrAChecksumDescribesNoPull() throws IOException {
        assertEquals(Optional.empty(), readWritten("{\"config\": \"c\", \"splits\": {}}"));
        assertEquals(Optional.empty(), readWritten("{\"dataset\": \"d\", \"splits\": {}}"));
        assertEquals(Optional.empty(), readWritten(
            "{\"dataset\": \"d\", \"config\": \"c\", \"splits\": {\"train\": {\"num_rows_total\": 3}}}"));
        assertEquals(Optional.empty(), readWritten(
            "{\"dataset\": \"d\", \"config\": \"c\", \"splits\": {\"train\": null}}"));
    }

    @Test
    void missingColumnsAndSplitsReadAsEmptyRatherThanNull() throws IOException {
        Manifest read = readWritten("{\"dataset\": \"d\", \"config\": \"c\"}").orElseThrow();

        assertEquals(List.of(), read.columns());
        assertEquals(Map.of(), read.splits());
    }

    @Test
    void isImmutableSoThatAReadManifestCannotBeChangedBehindTheWriter() {
        Manifest manifest = manifest();

        assertThrows(UnsupportedOperationException.class, () -> manifest.columns().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> manifest.splits().remove("train"));
    }

    @Test
    void describesASpecOnlyWithTheSameDatasetConfigAndColumnsInOrder() {
        Manifest manifest = manifest();

        assertTrue(manifest.describes(new PullSpec("moe", "pkuHaowei/sldbench", "moe_scaling_law", COLUMNS, Map.of())));
        // the expected row counts are checked against the server, not the manifest
        assertTrue(manifest.describes(new PullSpec("moe", "pkuHaowei/sldbench", "moe_scaling_law", COLUMNS,
            Map.of("train", 7))));
        assertFalse(manifest.describes(new PullSpec("moe", "other/sldbench", "moe_scaling_law", COLUMNS, Map.of())));
        assertFalse(manifest.describes(new PullSpec("moe", "pkuHaowei/sldbench", "lr_bsz", COLUMNS, Map.of())));
        assertFalse(manifest.describes(new PullSpec("moe", "pkuHaowei/sldbench", "moe_scaling_law",
            List.of("group", "loss", "n"), Map.of())));
        assertFalse(manifest.describes(new PullSpec("moe", "pkuHaowei/sldbench", "moe_scaling_law",
            List.of("group", "n"), Map.of())));
    }

    @Test
    void aManifestHoldingJsonNullReadsAsNoneLikeAnyOtherDamage() throws IOException {
        // read() promises empty for a file it "cannot be read"; Jackson maps the literal null to a null record
        assertEquals(Optional.empty(), readWritten("null"));
    }
}
