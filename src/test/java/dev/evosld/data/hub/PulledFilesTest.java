package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PulledFilesTest {
    private static final String TRAIN = "group,n,loss\na,1,2.5\na,2,2.25\n";
    private static final String TEST = "group,n,loss\na,4,2.125\n";

    @TempDir
    Path task;

    private static String sha(String text) {
        return PulledFiles.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The folder as a pull of {@link #TRAIN} and {@link #TEST} leaves it. */
    private void pulled() throws IOException {
        Files.writeString(task.resolve("train.csv"), TRAIN);
        Files.writeString(task.resolve("test.csv"), TEST);
        writeManifest(Map.of("train", new Manifest.SplitState(2, sha(TRAIN)), "test",
            new Manifest.SplitState(1, sha(TEST))));
    }

    private void writeManifest(Map<String, Manifest.SplitState> splits) throws IOException {
        Files.write(task.resolve(Manifest.FILE_NAME),
            new Manifest("d/x", "c", List.of("group", "n", "loss"), splits).toJson());
    }

    @Test
    void sha256IsLowercaseHexOfTheStandardDigest() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", PulledFiles.sha256(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            PulledFiles.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void filesThatMatchTheirChecksumsAreUnchanged() throws IOException {
        pulled();

        assertEquals(List.of(), PulledFiles.changed(task));
    }

    @Test
    void aFolderWithoutAManifestHasNothingChangedWhateverItsFiles() throws IOException {
        Files.writeString(task.resolve("train.csv"), "anything");
        Files.writeString(task.resolve("test.csv"), "at all");

        assertEquals(List.of(), PulledFiles.changed(task));
        assertEquals(List.of(), PulledFiles.changed(task.resolve("absent")));
    }

    @Test
    void anInvisibleEditIsCaughtSinceTheChecksumCoversEveryByte() throws IOException {
        pulled();
        // line endings changed by an editor or a git checkout on Windows: same text, different file
        Files.writeString(task.resolve("train.csv"), TRAIN.replace("\n", "\r\n"));

        assertEquals(List.of(task.resolve("train.csv")), PulledFiles.changed(task));
    }

    @Test
    void aDroppedTrailingNewlineIsAChange() throws IOException {
        pulled();
        Files.writeString(task.resolve("test.csv"), TEST.stripTrailing());

        assertEquals(List.of(task.resolve("test.csv")), PulledFiles.changed(task));
    }

    @Test
    void bothEditedCsvsAreNamedInSplitNameOrder() throws IOException {
        pulled();
        Files.writeString(task.resolve("train.csv"), TRAIN + "a,3,2.0\n");
        Files.writeString(task.resolve("test.csv"), TEST.replace("2.125", "2.126"));

        assertEquals(List.of(task.resolve("test.csv"), task.resolve("train.csv")), PulledFiles.changed(task));
    }

    @Test
    void aCsvSwappedWithTheOtherSplitIsAChangeInBoth() throws IOException {
        pulled();
        Files.writeString(task.resolve("train.csv"), TEST);
        Files.writeString(task.resolve("test.csv"), TRAIN);

        assertEquals(List.of(task.resolve("test.csv"), task.resolve("train.csv")), PulledFiles.changed(task));
    }

    @Test
    void aMissingCsvIsLeftToTheReaderToReport() throws IOException {
        pulled();
        Files.delete(task.resolve("train.csv"));

        assertEquals(List.of(), PulledFiles.changed(task));
    }

    @Test
    void onlyTheSplitsTheManifestRecordsAreChecked() throws IOException {
        Files.writeString(task.resolve("train.csv"), TRAIN);
        Files.writeString(task.resolve("test.csv"), "edited, but never pulled");
        writeManifest(Map.of("train", new Manifest.SplitState(2, sha(TRAIN))));

        assertEquals(List.of(), PulledFiles.changed(task));
    }

    @Test
    void aDamagedOrIncompleteManifestReportsNothingRatherThanEveryFile() throws IOException {
        pulled();
        Files.writeString(task.resolve("train.csv"), "edited");

        Files.writeString(task.resolve(Manifest.FILE_NAME), "{\"dataset\": \"d/x\", \"config\":");
        assertEquals(List.of(), PulledFiles.changed(task));
        Files.writeString(task.resolve(Manifest.FILE_NAME),
            "{\"dataset\": \"d/x\", \"config\": \"c\", \"splits\": {\"train\": {\"num_rows_total\": 2}}}");
        assertEquals(List.of(), PulledFiles.changed(task));
    }

    @Test
    void aManifestHoldingJsonNullReportsNothingInsteadOfThrowing() throws IOException {
        // discover, fit and bench call changed() on every task before they run: a crash here stops them all
        pulled();
        Files.writeString(task.resolve(Manifest.FILE_NAME), "null\n");

        assertEquals(List.of(), PulledFiles.changed(task));
    }
}
