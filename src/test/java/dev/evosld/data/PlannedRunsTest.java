package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannedRunsTest {
    private static final List<String> FEATURES = List.of("N", "D");

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("plan.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsFeaturesByNameWithEachRunsGroupAndLine() throws IOException {
        Path plan = file("note,D,family,N,loss\nbig,2e11,gpt,1e10,2.1\n\"two\nlines\",4e11,llama,3e10,1.9\n");
        PlannedRuns runs = PlannedRuns.read(plan, FEATURES, "family", null);
        assertEquals(FEATURES, runs.features());
        assertEquals(2, runs.runs().size());
        PlannedRuns.Run first = runs.runs().get(0);
        assertEquals(2, first.line());
        assertEquals("gpt", first.group());
        assertArrayEquals(new double[] {1e10, 2e11}, first.values());
        PlannedRuns.Run second = runs.runs().get(1);
        assertEquals(3, second.line());
        assertEquals("llama", second.group());
        assertArrayEquals(new double[] {3e10, 4e11}, second.values());
        assertEquals(plan + ":3", runs.where(second));
    }

    @Test
    void aPipeIsReadOnce() throws Exception {
        // predict --runs /dev/stdin, fed by another program: the header was read, and then the pipe again, now empty
        Path fifo = dir.resolve("plan.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                Files.writeString(fifo, "family,N,D\ngpt,1e10,2e11\n");
            } catch (IOException e) {
                // the reader gave up: the test says so
            }
        });
        PlannedRuns runs = assertTimeoutPreemptively(Duration.ofSeconds(20),
            () -> PlannedRuns.read(fifo, FEATURES, "family", null));
        assertEquals(1, runs.runs().size());
        assertEquals("gpt", runs.runs().getFirst().group());
        assertArrayEquals(new double[] {1e10, 2e11}, runs.runs().getFirst().values());
        writer.join();
    }

    @Test
    void aFileWithoutTheGroupColumnBelongsToTheDefaultGroup() throws IOException {
        PlannedRuns runs = PlannedRuns.read(file("N,D\n1e10,2e11\n"), FEATURES, "group", "all_data");
        assertEquals("all_data", runs.runs().getFirst().group());
    }

    @Test
    void theGroupColumnIsRequiredWithoutADefaultGroup() throws IOException {
        Path plan = file("N,D\n1e10,2e11\n");
        DataException e = assertThrows(DataException.class, () -> PlannedRuns.read(plan, FEATURES, "family", null));
        assertEquals(plan + ":1: missing column 'family' (the law's parameters differ by group, so each run must name its group)",
            e.getMessage());
    }

    @Test
    void aFileOfOneColumnEndsInBlankLinesAsAWiderFileDoes() throws IOException {
        // observed: predict --runs of N alone, ending in a blank line, failed with "plan.csv:3: column 'N': empty cell"
        // where a file of two columns ending so was read
        PlannedRuns runs = PlannedRuns.read(file("N\n1e10\n3e10\n\n \n"), List.of("N"), "group", "all");
        assertEquals(2, runs.runs().size());
        assertArrayEquals(new double[] {3e10}, runs.runs().get(1).values());
        Path between = file("N\n1e10\n\n3e10\n");
        assertEquals(between + ":3: blank line", assertThrows(DataException.class,
            () -> PlannedRuns.read(between, List.of("N"), "group", "all")).getMessage());
    }

    @Test
    void badCellsNameTheLineAndColumn() throws IOException {
        Path plan = file("family,N,D\ngpt,1e10,2e11\ngpt,1e10,lots\n");
        DataException e = assertThrows(DataException.class, () -> PlannedRuns.read(plan, FEATURES, "family", null));
        assertEquals(plan + ":3: column 'D': not a number: 'lots'", e.getMessage());
        Path missing = file("family,N\ngpt,1e10\n");
        e = assertThrows(DataException.class, () -> PlannedRuns.read(missing, FEATURES, "family", null));
        assertEquals(missing + ":1: missing column 'D' (header has: family, N)", e.getMessage());
        Path absent = dir.resolve("absent.csv");
        e = assertThrows(DataException.class, () -> PlannedRuns.read(absent, FEATURES, "family", null));
        assertEquals(absent + ": no such file", e.getMessage());
    }

    @Test
    void oneRunFromAssignmentsInAnyOrder() {
        PlannedRuns runs = PlannedRuns.single("D=2e11, N = 1e10", FEATURES, List.of(), "gpt");
        assertEquals(1, runs.runs().size());
        assertEquals("gpt", runs.runs().getFirst().group());
        assertArrayEquals(new double[] {1e10, 2e11}, runs.runs().getFirst().values());
        assertEquals("run 'D=2e11, N = 1e10'", runs.where(runs.runs().getFirst()));
    }

    @Test
    void badAssignmentsAreOneLineErrors() {
        assertEquals("run 'N=1e10,D': 'D' is not COLUMN=VALUE (write e.g. N=1e9,D=1e9)", singleError("N=1e10,D"));
        assertEquals("run 'N=1e10,V=3': 'V' is not a feature the law uses (it uses: N, D)", singleError("N=1e10,V=3"));
        assertEquals("run 'N=1e10,D=1,T=x': T: 'x' is not a finite number", singleError("N=1e10,D=1,T=x"),
            "a feature the law does not use is still checked");
        assertEquals("run 'N=1e10,D=inf': D: 'inf' is not a finite number", singleError("N=1e10,D=inf"));
        assertEquals("run 'N=1e10,D=1,N=2': N is given twice", singleError("N=1e10,D=1,N=2"));
        assertEquals("run 'N=1e10': no value for D", singleError("N=1e10"));
    }

    @Test
    void aFeatureTheLawDoesNotUseIsIgnored() {
        PlannedRuns runs = PlannedRuns.single("N=1e10,T=5,D=2e11", FEATURES, List.of("T"), "gpt");
        assertEquals(FEATURES, runs.features());
        assertArrayEquals(new double[] {1e10, 2e11}, runs.runs().getFirst().values());
        assertEquals(List.of("T"), runs.ignored(), "named, so that the user can be told");
        assertEquals(List.of(), PlannedRuns.single("N=1e10,D=2e11", FEATURES, List.of("T"), "gpt").ignored());
    }

    private static String singleError(String assignments) {
        return assertThrows(DataException.class, () -> PlannedRuns.single(assignments, FEATURES, List.of("T"), "all")).getMessage();
    }

    @Test
    void runsAreImmutable() {
        double[] values = {1, 2};
        PlannedRuns.Run run = new PlannedRuns.Run(2, "g", values);
        values[0] = 99;
        run.values()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, run.values());
    }
}
