package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code evosld discover} on a user's CSV with no test split: every row fits the law, and nothing is scored on test. */
class DiscoverCommandTest {
    private static final String NO_TEST_LINE = "test R²:       none (no test split: every row was used to fit the law)";

    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void writeRuns() throws Exception {
        csv = CliRun.userRuns(dir);
    }

    /** discover on {@link CliRun#userRuns} with no test split and tiny search settings. */
    private static CliRun discover(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("discover", "--data", csv.toString(), "--features", "N,D",
            "--target", "loss", "--group", "family", "--generations", "3", "--population", "8", "--islands", "1",
            "--threads", "2", "--no-llm", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--llm-temperature | 3 | llm: temperature must be within [0, 2], got 3.0",
        "--llm-timeout | 597h | llm: timeout must be at most a day, got 597 h",
        "--llm-base-url | notaurl | --llm-base-url 'notaurl' is not an http or https URL",
        "--llm-base-url | localhost:11434/v1 | --llm-base-url 'localhost:11434/v1' is not an http or https URL; write"
            + " http://localhost:11434/v1"})
    void aBadLlmOptionIsAUsageErrorAndLeavesNoFolder(String option, String value, String message) {
        // observed (helper a): beside --no-llm a bad value was taken without a word, to be met when --no-llm is dropped
        for (boolean offline : new boolean[] {false, true}) {
            Path folder = dir.resolve("llm" + option + offline);
            List<String> args = new java.util.ArrayList<>(List.of("discover", "--data", csv.toString(), "--features",
                "N,D", "--target", "loss", "--group", "family", "--out", folder.toString(), option, value));
            if (!option.equals("--llm-base-url")) {
                args.addAll(List.of("--llm-base-url", "http://127.0.0.1:9"));
            }
            if (offline) {
                args.add("--no-llm");
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exit(), "offline " + offline);
            assertEquals(List.of("evosld: " + message + " (see: evosld discover --help)"), run.allErrorLines());
            assertFalse(Files.exists(folder));
        }
    }

    @Test
    void aFolderHoldingOnlyALawIsNotOfferedForResuming() throws Exception {
        Path folder = dir.resolve("fitted");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("law.json"), "{}");
        CliRun run = CliRun.of("discover", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--no-llm", "--out", folder.toString());
        assertEquals(List.of("evosld: " + folder + " already holds a law (law.json); give another --out"),
            run.allErrorLines());
        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", folder.toString());
        assertEquals(List.of("evosld: " + folder + ": no checkpoint.json to resume from"), resumed.allErrorLines());
    }

    @Test
    void aFolderOfARunStoppedBeforeItsFirstCheckpointSaysTheRunCanBeStartedAgain() throws Exception {
        // kill -9 before the first checkpoint leaves the folder with the run's data and no checkpoint
        Path folder = dir.resolve("early");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("data.json"), "{}");
        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", folder.toString());
        assertEquals(List.of("evosld: " + folder + ": no checkpoint.json to resume from: the run stopped before its"
            + " first checkpoint; start it again with evosld discover --out " + folder + " and its options"),
            resumed.allErrorLines());
        assertEquals(1, resumed.exit());
    }

    @Test
    void aTimeLimitWithAUnitTwiceOrACapitalMIsOneLineAndNoRun() {
        // 1m1m searched for 2 minutes and 5M for 5, where one is a slip and the other could be months
        for (String[] limit : new String[][] {{"1m1m", "gives m twice; write hours, minutes and seconds at most once"
            + " each, in that order"}, {"5M", "has M, which could be months or minutes; write m for minutes"}}) {
            CliRun run = CliRun.of("discover", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
                "--group", "family", "--no-llm", "--out", dir.resolve("limit").toString(), "--time-limit", limit[0]);
            assertEquals(2, run.exit(), run.err());
            assertEquals(List.of("evosld: Invalid value for option '--time-limit': a duration of '" + limit[0] + "' "
                + limit[1] + " (try 90s, 5m, 1h30m or a number of seconds) (see: evosld discover --help)"),
                run.allErrorLines());
            assertFalse(Files.exists(dir.resolve("limit")));
        }
    }

    @Test
    void anEmptyOutOrALawFileForItsFolderIsOneLineAndNoRun() throws Exception {
        // an empty --out was the current folder: exit 0, the run's files among the user's, "run directory " and nothing
        CliRun empty = CliRun.of("discover", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--no-llm", "--out", "");
        assertEquals(2, empty.exit());
        assertEquals(1, empty.errorLines().size(), empty.err());
        assertTrue(empty.errorLines().getFirst().contains("an empty path; name a folder or file"), empty.err());

        Path folder = dir.resolve("with-law");
        Files.createDirectories(folder);
        Path law = Files.writeString(folder.resolve("law.json"), "{}");
        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", law.toString());
        assertEquals(List.of("evosld: " + law + ": a file, not a run directory (its folder is " + folder + ")"),
            resumed.allErrorLines());
        CliRun onAFile = CliRun.of("discover", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--no-llm", "--out", law.toString());
        assertEquals(List.of("evosld: " + law + ": a file, not a folder; give a folder for the run"),
            onAFile.allErrorLines());
        assertEquals("{}", Files.readString(law));
    }

    @Test
    void anUnknownTaskIsAUsageError() {
        CliRun run = CliRun.of("discover", "--task", "nope", "--no-llm", "--out", dir.resolve("nope").toString());
        assertEquals(2, run.exit());
        assertEquals(List.of("evosld: unknown task 'nope' (built-in tasks: " + String.join(", ",
                dev.evosld.data.TaskConfig.builtinTasks()) + "); for your own runs use --data CSV (see: evosld discover --help)"),
            run.allErrorLines());
        assertFalse(Files.exists(dir.resolve("nope")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"--restarts, 0, 1", "--islands, 0, 1", "--generations, 0, 1",
        "--population, 3, 4", "--threads, 0, 1"})
    void aSearchSettingBelowItsLeastIsOneLineNamingTheOption(String option, String value, int least) {
        CliRun run = CliRun.of("discover", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--no-llm", "--out", dir.resolve("bad" + option).toString(), option, value);
        assertEquals(2, run.exit());
        assertEquals("evosld: " + option + " must be at least " + least + ", got " + value + " (see: evosld discover --help)",
            run.err().strip());
    }

    /**
     * Until session 41 --islands 2147483647 stopped with "internal error: IndexOutOfBoundsException", and
     * --restarts 2147483647 or --population 100000000 ran past any --time-limit until memory ran out: every
     * individual of a run is held in memory, and the first restart's are scored before the clock is read.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "--islands, 2147483647, '--restarts 3 × --islands 2147483647 × --population 96 = 618475290336'",
        "--restarts, 2147483647, '--restarts 2147483647 × --islands 2 × --population 96 = 412316860224'",
        "--population, 100000000, '--restarts 3 × --islands 2 × --population 100000000 = 600000000'"})
    void moreIndividualsThanARunCanHoldIsOneLineNamingTheOptions(String option, String value, String product) {
        Path out = dir.resolve("huge" + option);
        CliRun run = CliRun.of("discover", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--no-llm", "--out", out.toString(), option, value);
        assertEquals(2, run.exit());
        assertEquals("evosld: " + product + " individuals, more than the 1000000 a run can keep in memory and in its"
            + " checkpoints (see: evosld discover --help)", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunDirectoryIsNeverWrittenOverAndAResumedRunKeepsItsSettings() throws Exception {
        Path out = dir.resolve("once");
        assertEquals(0, discover(out, "--restarts", "1").exit());
        byte[] law = Files.readAllBytes(out.resolve("law.json"));

        CliRun again = discover(out, "--seed", "9");
        assertEquals(1, again.exit());
        assertEquals(List.of("evosld: " + out + " already holds a run; continue it with evosld discover --resume " + out
            + ", or give another --out"), again.allErrorLines());
        CliRun fit = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "E", "--out", out.toString());
        assertEquals(List.of("evosld: " + out + " already holds a run; give another --out"), fit.allErrorLines());
        assertArrayEquals(law, Files.readAllBytes(out.resolve("law.json")), "the first run's law is kept");

        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--generations", "3", "--seed",
            "4", "--restarts", "2");
        assertEquals(2, resumed.exit());
        assertEquals(List.of("evosld: a resumed run keeps the settings it started with, and these differ: --seed 4 (the"
            + " run's: 0), --restarts 2 (the run's: 1); leave them out, or start a new run (see: evosld discover --help)"),
            resumed.allErrorLines());
        // observed: exit 0 and the option ignored, where an unfinished run went on asking every 5 epochs as it began
        CliRun everyOther = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--llm-every", "2");
        assertEquals(2, everyOther.exit());
        assertEquals(List.of("evosld: a resumed run keeps the settings it started with, and these differ: --llm-every 2"
            + " (the run's: 5); leave them out, or start a new run (see: evosld discover --help)"),
            everyOther.allErrorLines());
        // observed: the same words for more generations, which left a user wondering whether a longer search could go
        // on from this one
        CliRun longer = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--generations", "9");
        assertEquals(2, longer.exit());
        assertEquals(List.of("evosld: a resumed run keeps the settings it started with, and these differ: --generations 9"
            + " (the run's: 3); leave them out, or start a new run: one with --generations 9 searches that long, where a"
            + " run goes on only as it began, to end with the law an uninterrupted run finds (see: evosld discover --help)"),
            longer.allErrorLines());
        assertArrayEquals(law, Files.readAllBytes(out.resolve("law.json")), "the run's law is kept");
    }

    @Test
    void aTargetRangeOfAnyValueSearchesAsNoneButIsRecordedAsSaid() throws Exception {
        Path none = dir.resolve("range-none");
        Path any = dir.resolve("range-any");
        CliRun plain = discover(none);
        assertEquals(0, plain.exit(), plain.err());
        CliRun stated = discover(any, "--target-range", "-inf,inf");
        assertEquals(0, stated.exit(), stated.err());
        // the search never tells them apart, so it finds the same front; predict does (its note on a target's sign)
        assertEquals(Files.readString(none.resolve("pareto.json")), Files.readString(any.resolve("pareto.json")));
        LawDocument noneLaw = LawDocument.read(none.resolve("law.json"));
        LawDocument anyLaw = LawDocument.read(any.resolve("law.json"));
        assertEquals(noneLaw.law(), anyLaw.law());
        assertEquals(noneLaw.parameters(), anyLaw.parameters());
        assertNull(noneLaw.provenance().data().targetRange());
        assertEquals(java.util.Arrays.asList(null, null), anyLaw.provenance().data().targetRange());
        assertEquals(java.util.Arrays.asList(null, null),
            new dev.evosld.run.RunDirectory(any).readDataSource().targetRange(), "data.json, which a resume reads");
    }

    @Test
    void aGroupOfOneRunIsRefusedBeforeTheSearch() throws Exception {
        Path lonely = dir.resolve("lonely.csv");
        Files.writeString(lonely, Files.readString(csv) + "solo,1e8,1e10,3.0\n");
        Path out = dir.resolve("lonely-run");
        // the file is named as it was typed, not by the absolute path the run records
        Path typed = Path.of("").toAbsolutePath().relativize(lonely);
        CliRun run = CliRun.of("discover", "--data", typed.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--generations", "3", "--population", "8", "--no-llm", "--out", out.toString());
        assertEquals(1, run.exit());
        assertEquals(List.of("evosld: " + typed + ": group 'solo' has 1 train run; a law that depends on the features"
            + " needs at least 2 runs in every group (leave the group out, or add runs to it)"), run.allErrorLines());
        assertFalse(Files.exists(out.resolve("law.json")));
    }

    @Test
    void aRunCutShortBeforeItsLastRestartsStartedRecordsIt() throws Exception {
        Path out = dir.resolve("cut");
        CliRun cut = discover(out, "--restarts", "2", "--time-limit", "0.001s");
        assertEquals(0, cut.exit(), cut.err());
        assertTrue(cut.err().contains("restart 2 did not start before the time limit"), cut.err());
        assertTrue(cut.out().lines().anyMatch(l -> l.startsWith("search:        0 generations (stopped by time limit),"
            + " 1 of 2 restarts, ")), cut.out());
        LawDocument.Search search = LawDocument.read(out.resolve("law.json")).provenance().search();
        assertEquals(1, search.restarts());
        assertEquals(2, search.plannedRestarts());
        assertTrue(Files.readString(out.resolve("report.html")).contains(", 1 of 2 restarts (the others did not start"
            + " before the time limit; resuming the run searches with them)"), "the report says so too");

        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--json");
        assertEquals(0, resumed.exit(), resumed.err());
        Map<?, ?> document = Json.mapper().readValue(resumed.out(), Map.class);
        assertEquals(2, document.get("restarts"));
        assertEquals(2, document.get("planned_restarts"));
        assertEquals(2, LawDocument.read(out.resolve("law.json")).provenance().search().restarts());
    }

    /** Every file under {@code folder} but its lock, with its bytes and modification time. */
    private static Map<Path, String> files(Path folder) throws Exception {
        Map<Path, String> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.endsWith(".evosld.lock")).toList()) {
                files.put(folder.relativize(file), Files.getLastModifiedTime(file) + " "
                    + java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    /** The lines of {@code out} that start with one of {@code starts}, in order. */
    private static List<String> linesStarting(String out, String... starts) {
        return out.lines().filter(line -> java.util.Arrays.stream(starts).anyMatch(line::startsWith)).toList();
    }

    @Test
    void resumingAFinishedRunShowsItsSavedResultAndWritesNothing() throws Exception {
        // observed: it refitted the law again and wrote every output anew, the same files with new times
        Path out = dir.resolve("finished");
        CliRun first = discover(out, "--restarts", "1");
        assertEquals(0, first.exit(), first.err());
        Map<Path, String> before = files(out);

        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString());

        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(List.of("evosld: " + out + " holds a finished run (3 of 3 generations); nothing is left to resume,"
            + " so here is its result as saved"), resumed.allErrorLines());
        String[] shown = {"task:", "law:", "parameters:", "  ", "train R²:", "validation R²:", "test R²:",
            "pareto front:", "run directory:"};
        assertEquals(linesStarting(first.out(), shown), linesStarting(resumed.out(), shown));
        assertTrue(resumed.out().lines().anyMatch(line -> line.startsWith("search:        3 generations (stopped by"
            + " generations)")), resumed.out());
        assertEquals(before, files(out), "no file is written again");

        CliRun json = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode document = Json.mapper().readTree(json.out());
        LawDocument law = LawDocument.read(out.resolve("law.json"));
        assertEquals(law.law(), document.path("law").stringValue());
        assertEquals(law.metrics().validationR2(), document.path("validation_r2").doubleValue());
        assertTrue(document.path("already_finished").booleanValue(), json.out());
        assertEquals(out.toString(), document.path("run_dir").stringValue());
        assertEquals(before, files(out), "no file is written again");
        // discover --json's keys but those of the search's pace, which the files do not keep
        CliRun live = discover(dir.resolve("finished-json"), "--restarts", "1", "--json");
        List<String> expected = new java.util.ArrayList<>(keys(Json.mapper().readTree(live.out())));
        expected.removeAll(List.of("candidates_fitted", "candidates_per_second", "cache_hits", "seconds"));
        expected.add("already_finished");
        assertEquals(expected, keys(document));
    }

    @Test
    void resumingAFinishedRunRepeatsItsNoteOnFitsThatOneStartAloneReached() throws Exception {
        // observed: a run that noted "… reached their best value from one start only …" said nothing of it resumed
        Path out = dir.resolve("finished-note");
        CliRun first = discover(out, "--restarts", "1");
        assertEquals(0, first.exit(), first.err());
        // the refit of this run's law agrees everywhere, as most do: say that one of its two fits did not
        Path lawFile = out.resolve("law.json");
        tools.jackson.databind.node.ObjectNode law = (tools.jackson.databind.node.ObjectNode) Json.mapper()
            .readTree(Files.readString(lawFile));
        tools.jackson.databind.node.ObjectNode search = (tools.jackson.databind.node.ObjectNode) law.path("provenance")
            .path("search");
        search.putObject("refit").put("starts", 512).put("group_fits", 2).put("single_start_optima", 1);
        Files.writeString(lawFile, Json.mapper().writeValueAsString(law));

        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString());

        assertEquals(0, resumed.exit(), resumed.err());
        List<String> lines = resumed.out().lines().toList();
        int train = lines.indexOf(linesStarting(resumed.out(), "train R²:").getFirst());
        assertEquals("               1 of 2 group fits reached their best value from one start only; evosld fit"
            + " --law-file " + lawFile + " --starts 2048 may find better ones", lines.get(train + 1));
        CliRun json = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--json");
        assertEquals(Map.of("starts", 512, "group_fits", 2, "single_start_optima", 1),
            Json.mapper().readValue(json.out(), Map.class).get("refit"));
    }

    @Test
    void aFinishedRunResumedPrintsWhatTheRunPrintedButItsPace() throws Exception {
        Path out = dir.resolve("finished-same");
        CliRun first = discover(out, "--restarts", "1");
        assertEquals(0, first.exit(), first.err());

        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString());

        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(first.out().replaceFirst("(\\nsearch: .*\\(stopped by generations\\)), .*", "$1"), resumed.out());
        LawDocument.Refit refit = LawDocument.read(out.resolve("law.json")).provenance().search().refit();
        assertEquals(dev.evosld.search.SearchSettings.FINAL_STARTS, refit.starts());
        assertEquals(2, refit.groupFits(), "two families, one target");
        assertEquals(List.of("starts", "group_fits", "single_start_optima"), keys(Json.mapper().readTree(
            Files.readString(out.resolve("law.json"))).path("provenance").path("search").path("refit")),
            "the keys of discover --json's refit, and no other");
    }

    @Test
    void resumingAFinishedRunOfAnOlderVersionShowsItsLawsWithMinuses() throws Exception {
        Path out = dir.resolve("finished-older");
        assertEquals(0, discover(out, "--restarts", "1").exit());
        // as a version before laws were reported with minuses would have written them: a term - 0 * N added
        LawDocument d = LawDocument.read(out.resolve("law.json"));
        String law = d.law();
        new LawDocument(d.evosldVersion(), d.task(), law + " + -0 * N", d.variables(), d.parameterNames(), d.targets(),
            d.parameters(), d.trainRanges(), d.groupRanges(), d.targetRanges(), d.metrics(), d.provenance()).write(out.resolve("law.json"));
        Path pareto = out.resolve("pareto.json");
        Files.writeString(pareto, Files.readString(pareto).replace("\"" + law + "\"", "\"" + law + " + -0 * N\""));

        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString());

        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().lines().anyMatch(line -> line.equals("law:           " + law + " - 0 * N")),
            resumed.out());
        assertTrue(resumed.out().lines().anyMatch(line -> line.startsWith("  *") && line.endsWith(law + " - 0 * N")),
            resumed.out());
        assertFalse(resumed.out().contains("+ -"), resumed.out());
    }

    private static List<String> keys(JsonNode document) {
        return document.properties().stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void resumingAFinishedRunWhoseTestRowsChangedSaysItsSavedTestR2IsOfTheOldRows() throws Exception {
        // observed: after test rows were corrected, --resume of the finished run showed the old test R² with no word
        Path edited = dir.resolve("test-edited.csv");
        Files.copy(csv, edited);
        Path out = dir.resolve("test-changed");
        CliRun first = CliRun.of("discover", "--data", edited.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--test-above", "N=1e9", "--generations", "3", "--population", "8", "--islands", "1",
            "--restarts", "1", "--threads", "2", "--no-llm", "--out", out.toString(), "--json");
        assertEquals(0, first.exit(), first.err());
        double saved = Json.mapper().readTree(first.out()).path("test_r2").doubleValue();
        String rows = Files.readString(edited);
        String changed = rows.replaceFirst("\n(\"dense\",3000000000,1000000000,)[0-9.]+", "\n$19.5");
        assertFalse(rows.equals(changed));
        Files.writeString(edited, changed);
        Map<Path, String> before = files(out);

        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--json");

        assertEquals(0, resumed.exit(), resumed.err());
        List<String> lines = resumed.allErrorLines();
        assertEquals(2, lines.size(), resumed.err());
        JsonNode document = Json.mapper().readTree(resumed.out());
        assertEquals(saved, document.path("test_r2").doubleValue(), "the saved result is shown as saved");
        double now = document.path("current_test_r2").doubleValue();
        assertTrue(now < saved - 0.01, resumed.out());
        assertEquals("evosld: note: the test rows have changed since the run: its saved test R² "
            + dev.evosld.eval.R2.text(saved) + " was scored on them as they were; as they are now, the law scores "
            + dev.evosld.eval.R2.text(now), lines.get(1));
        assertEquals(before, files(out), "no file is written again");
    }

    @Test
    void aRunThatCannotWriteAfterItsFirstCheckpointSaysItsSearchIsKeptAndHowToContinueIt() throws Exception {
        // observed on a full disk: 'cannot write …: No space left on device', exit 1, and not a word of the checkpoint
        // that kept every generation but the last few; a folder where history.json goes fails the same write
        Path out = dir.resolve("unwritable");
        Files.createDirectories(out.resolve("history.json").resolve("in-the-way"));
        CliRun failed = discover(out, "--restarts", "1");
        assertEquals(1, failed.exit(), failed.err());
        assertEquals("evosld: cannot write " + out.resolve("history.json") + ": it is a folder; name a file; the search"
            + " is kept up to its last checkpoint: continue the run with evosld discover --resume " + out
            + " once that file can be written", failed.errorLines().getLast());
        assertFalse(Files.exists(out.resolve("law.json")));

        Files.delete(out.resolve("history.json").resolve("in-the-way"));
        Files.delete(out.resolve("history.json"));
        CliRun resumed = CliRun.of("discover", "--no-llm", "--resume", out.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("; resumed after generation 3"), resumed.err());
        Path whole = dir.resolve("unwritable-uninterrupted");
        assertEquals(0, discover(whole, "--restarts", "1").exit());
        LawDocument uninterrupted = LawDocument.read(whole.resolve("law.json"));
        LawDocument continued = LawDocument.read(out.resolve("law.json"));
        assertEquals(uninterrupted.law(), continued.law());
        assertEquals(uninterrupted.parameters(), continued.parameters());
    }

    @Test
    void aRunResumesFromItsDirectoryAloneReadingTheDataItRecorded() throws Exception {
        Path out = dir.resolve("recorded");
        CliRun first = discover(out, "--restarts", "1", "--json");
        assertEquals(0, first.exit(), first.err());
        CliRun again = CliRun.of("discover", "--no-llm", "--resume", out.toString(), "--json");
        assertEquals(0, again.exit(), again.err());
        assertEquals(Json.mapper().readValue(first.out(), Map.class).get("law"),
            Json.mapper().readValue(again.out(), Map.class).get("law"));
        Files.delete(out.resolve("data.json"));
        CliRun old = CliRun.of("discover", "--no-llm", "--resume", out.toString());
        assertEquals(List.of("evosld: " + out + ": the run does not record its data (it began before runs did); give the"
            + " data options it started with"), old.allErrorLines());
        assertEquals(List.of("evosld: " + dir.resolve("nothing") + ": no such run directory"),
            CliRun.of("discover", "--no-llm", "--resume", dir.resolve("nothing").toString()).allErrorLines());
    }

    @Test
    void aResumeRefusedForItsDataIsTheOnlyLineEvenWithoutAnEndpoint() throws Exception {
        Path edited = dir.resolve("edited.csv");
        Files.copy(csv, edited);
        Path out = dir.resolve("data-changed");
        CliRun first = CliRun.of("discover", "--data", edited.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--generations", "3", "--population", "8", "--islands", "1", "--restarts", "1",
            "--threads", "2", "--no-llm", "--out", out.toString());
        assertEquals(0, first.exit(), first.err());
        Files.writeString(edited, Files.readString(edited).replaceFirst("\n(\"dense\",[^,]*,[^,]*,)[0-9]", "\n$19"));
        Files.delete(out.resolve("law.json"));   // as a run killed before it chose its law leaves its folder

        // no endpoint in the environment: the notice that the search proposes offline would come before the refusal
        CliRun changed = resumeWithoutEndpoint(out);
        assertEquals(1, changed.exit());
        assertEquals(List.of("evosld: " + out.resolve("checkpoint.json") + ": the checkpoint's run was judged on other"
            + " data or with other options (its train rows differ from this command's (the data changed since)); resume"
            + " with the data and options it started with, or start the run afresh with another --out, or delete "
            + out.toAbsolutePath() + " first"), changed.allErrorLines());

        CliRun otherCsv = resumeWithoutEndpoint(out, "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family");
        assertEquals(1, otherCsv.exit());
        assertEquals(List.of("evosld: " + out.resolve("checkpoint.json") + ": a checkpoint of task 'edited', not 'runs'"),
            otherCsv.allErrorLines());

        // its rows grouped otherwise would differ too, but the cause is the option, not the data
        CliRun ungrouped = resumeWithoutEndpoint(out, "--data", edited.toString(), "--features", "N,D", "--target",
            "loss");
        assertEquals(2, ungrouped.exit());
        assertEquals(List.of("evosld: the run read its runs with --group family, this command without --group; resume"
            + " without the data options (the run recorded them) or with the ones it started with"),
            ungrouped.allErrorLines());
    }

    /** {@code discover --resume out} in an environment without {@code OPENAI_*}, failing as Main reports it. */
    private static CliRun resumeWithoutEndpoint(Path out, String... extra) {
        java.io.StringWriter stdout = new java.io.StringWriter();
        java.io.StringWriter stderr = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new DiscoverCommand(Map.of()));
        cli.setOut(new java.io.PrintWriter(stdout, true));
        cli.setErr(new java.io.PrintWriter(stderr, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("evosld: " + e.getMessage());
            return e instanceof UsageException ? 2 : 1;
        });
        List<String> args = new ArrayList<>(List.of("--resume", out.toString()));
        args.addAll(List.of(extra));
        int exit = cli.execute(args.toArray(String[]::new));
        return new CliRun(exit, stdout.toString(), stderr.toString());
    }

    @Test
    void anOptionOfTheUsersCsvAloneBesideResumeSaysTheRunRecordsItRatherThanAskingForData() {
        CliRun run = CliRun.of("discover", "--no-llm", "--resume", dir.resolve("any").toString(), "--budget", "4");
        assertEquals(2, run.exit());
        assertEquals(List.of("evosld: an option of your own CSV (such as --budget, --trend or --holdout) goes with"
            + " --data, and a resumed run reads its data and those options from its run directory: leave it out (see:"
            + " evosld discover --help)"), run.allErrorLines());
    }

    @Test
    void withoutATestSplitTheLawIsFittedOnEveryRowAndPredicts() throws Exception {
        Path out = dir.resolve("text");
        CliRun run = discover(out);
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains(NO_TEST_LINE), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("validation R²: ")), run.out());
        assertTrue(lines.contains("pareto front:  validation R², parameters, standard errors behind the best, law"),
            run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" {2}[ *] [0-9.]+ +[0-9]+ +best  .+")), "the best law is marked: " + run.out());
        // the generating law's noise is small: a law that extrapolates inside train misses by little
        double rmse = LawDocument.read(out.resolve("law.json")).metrics().validationRmse().get("loss");
        assertTrue(rmse > 0 && rmse < 0.05, "validation RMSE " + rmse);
        String misses = "               its predictions there missed by " + Output.shortNumber(rmse)
            + " (root mean square over ";
        assertEquals(1, lines.stream().filter(l -> l.startsWith(misses) && l.endsWith(" rows)")).count(), run.out());
        String law = lines.stream().filter(l -> l.startsWith("law:")).findFirst().orElseThrow().substring(15);
        List<String> chosen = lines.stream().filter(l -> l.startsWith("  * ")).toList();
        assertEquals(1, chosen.size(), run.out());
        assertTrue(chosen.getFirst().endsWith("  " + law), chosen + " names the law " + law);
        assertEquals("run directory: " + out, lines.getLast());

        LawDocument document = LawDocument.read(out.resolve("law.json"));
        assertNull(document.metrics().testR2());
        assertFalse(document.metrics().hasTestSplit());
        assertFalse(document.metrics().testSplit());
        // fitted on every row: the train range reaches the largest runs, which --test-above N=1e9 would hold out
        assertEquals(new LawDocument.Range(1e7, 3e9), document.trainRanges().get("N"));
        assertNull(document.provenance().data().test());
        assertNull(document.provenance().data().testAbove());
        assertEquals(new LawDocument.Search(3, 3, "generations", List.of("classic forms"), 3, 3,
            document.provenance().search().refit()), document.provenance().search(),
            "a law whose search ran its course, which the seed reproduces");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<tr><th>test R²</th><td>none (no test split: every row was used to fit the law)</td></tr>"), html);
        assertTrue(html.contains("<tr><th>rows</th><td>36 train, no test split</td></tr>"), html);
        assertTrue(html.contains("<tr><th>search</th><td>3 of 3 generations, laws proposed by classic forms</td></tr>"), html);
        // in the digits discover printed (a power of ten as a superscript), the exact value in a tooltip
        assertTrue(html.contains("<tr><th>validation RMSE</th><td><span title=\"" + rmse + "\">"
            + Output.shortNumber(rmse).split("e")[0]), html);

        CliRun predict = CliRun.of("predict", "--run", out.toString(), "--at", "N=1e10,D=1e12", "--group", "dense");
        assertEquals(0, predict.exit(), predict.err());
        List<String> csvLines = predict.out().lines().toList();
        assertEquals("family,N,D,loss", csvLines.getFirst());
        String[] fields = csvLines.get(1).split(",");
        assertEquals("dense,1e10,1e12", String.join(",", List.of(fields).subList(0, 3)));
        // the generating law there: 1.7 + 400/1e10^0.3 + 300/1e12^0.28 = 2.2309...
        assertEquals(1.7 + 400 / Math.pow(1e10, 0.3) + 300 / Math.pow(1e12, 0.28), Double.parseDouble(fields[3]), 1e-3);
        assertEquals(List.of("evosld: note: run 'N=1e10,D=1e12': N = 1e10 is 3.333× the largest in its group's train (3e9);"
            + " D = 1e12 is 10× the largest in its group's train (1e11), and the law was never checked beyond the data in D",
            "evosld: note: inside train, this law's predictions of held-out runs missed loss by " + Output.shortNumber(rmse)
            + " (root mean square, validation); expect misses of that size, larger the further a run lies beyond the data"),
            predict.errorLines());
    }

    @Test
    void withoutATestSplitTheJsonSaysSoRatherThanThatTestFailed() throws Exception {
        Path out = dir.resolve("json");
        CliRun run = discover(out, "--json", "--scale-axis", "D");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertTrue(json.has("test_r2") && json.get("test_r2").isNull(), run.out());
        assertFalse(json.get("test_split").booleanValue(), run.out());
        assertFalse(json.has("test_r2_failure"), run.out());
        assertTrue(json.get("train_r2").doubleValue() > 0.99, run.out());
        assertTrue(json.get("validation_r2").isNumber(), run.out());
        assertTrue(json.get("validation_rmse").get("loss").doubleValue() > 0, run.out());
        assertEquals("top_values=1", json.get("holdout").stringValue(), run.out());
        JsonNode refit = json.get("refit");
        assertEquals(dev.evosld.search.SearchSettings.FINAL_STARTS, refit.get("starts").intValue(), run.out());
        assertEquals(2, refit.get("group_fits").intValue(), "one fit per group: dense and moe");
        int singleStart = refit.get("single_start_optima").intValue();
        assertTrue(singleStart >= 0 && singleStart <= 2, run.out());
        JsonNode law = Json.mapper().readTree(Files.readString(out.resolve("law.json")));
        assertTrue(law.get("metrics").get("test_r2").isNull());
        assertFalse(law.get("metrics").get("test_split").booleanValue());
        assertEquals("D", law.get("provenance").get("data").get("scale_axis").stringValue());
    }

    @Test
    void aTasksConfigSetsItsGenerationsUnlessTheCommandLineDoes() throws Exception {
        String data = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(data != null && !data.isBlank(), "EVOSLD_DATA is not set");
        for (String generations : List.of("", "2")) {
            List<String> args = new ArrayList<>(List.of("discover", "--task", "parallel_scaling_law", "--population", "8",
                "--islands", "1", "--restarts", "1", "--threads", "2", "--no-llm", "--json",
                "--out", dir.resolve("parallel" + generations).toString()));
            if (!generations.isEmpty()) {
                args.addAll(List.of("--generations", generations));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());
            // parallel's config asks for 180
            assertEquals(generations.isEmpty() ? 180 : 2, Json.mapper().readTree(run.out()).get("generations").intValue());
        }
    }

    @Test
    void theValidationRmseIsMeasuredWhereverTheValidationR2Is() throws Exception {
        String data = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(data != null && !data.isBlank(), "EVOSLD_DATA is not set");
        // this search's law validates at R² 0.93 on its folds, but fitted on them again from one start it lands
        // where it fails the check beyond the data: an RMSE measured by refitting was missing here
        Path out = dir.resolve("easy_question");
        CliRun run = CliRun.of("discover", "--task", "easy_question_scaling_law", "--generations", "4", "--population",
            "24", "--seed", "1", "--threads", "2", "--no-llm", "--json", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertTrue(json.get("validation_r2").doubleValue() > 0.9, run.out());
        assertTrue(json.get("validation_rmse").isObject(), run.out());
        double rmse = json.get("validation_rmse").get("brier_score").doubleValue();
        assertTrue(rmse > 0 && rmse < 0.1, run.out());
        assertEquals(Map.of("brier_score", rmse), LawDocument.read(out.resolve("law.json")).metrics().validationRmse());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<tr><th>validation RMSE</th><td><span title=\""
            + rmse + "\">" + Output.shortNumber(rmse).split("e")[0]));
    }

    @Test
    void aHandfulOfModelSizesInOneGroupIsValidatedOnItsTwoLargest() throws Exception {
        // six sizes, one run each: the largest alone is one run, which R² cannot grade
        StringBuilder csv = new StringBuilder("N,loss\n");
        for (int i = 0; i < 6; i++) {
            double n = 1e7 * Math.pow(3, i);
            csv.append(n).append(',').append(1.8 + 30 * Math.pow(n, -0.25)).append('\n');
        }
        Path runs = dir.resolve("sizes.csv");
        Files.writeString(runs, csv.toString());
        CliRun run = CliRun.of("discover", "--data", runs.toString(), "--features", "N", "--target", "loss",
            "--generations", "2", "--population", "8", "--restarts", "1", "--no-llm", "--json",
            "--out", dir.resolve("sizes").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertEquals("top_values=2", json.get("holdout").stringValue(), run.out());
        assertTrue(json.get("validation_r2").doubleValue() > 0.99, run.out());
    }

    @Test
    void runsThatCannotBeValidatedGiveOneLineSayingWhy() throws Exception {
        // group a has two runs at one N, and group b one run at each N: every fold would hold out a single run,
        // whose R² is undefined, or all of a group
        Path runs = dir.resolve("one-run.csv");
        Files.writeString(runs, "g,N,loss\na,1,3\na,1,3.1\nb,1,2\nb,2,1.5\nb,3,1.2\nb,4,1.1\n");
        CliRun run = CliRun.of("discover", "--data", runs.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--generations", "2", "--population", "8", "--restarts", "1", "--threads", "2", "--no-llm",
            "--out", dir.resolve("one-run").toString());
        assertEquals(1, run.exit(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("evosld: cannot validate inside train: no fold can hold out runs that R² can grade (two or more,"
            + " with different targets), that leave at least 2 runs to fit on and that lie inside their range of every"
            + " feature", run.errorLines().getLast(), run.err());
    }

    @Test
    void aTargetOfOneValueInEveryTrainRunIsRefusedLikeFitAndEvalRefuseIt() throws Exception {
        Path constant = dir.resolve("constant.csv");
        Files.writeString(constant, "g,N,loss\na,1,3\na,2,3\na,3,3\na,4,3\na,5,3\n");
        CliRun run = CliRun.of("discover", "--data", constant.toString(), "--features", "N", "--target", "loss",
            "--group", "g", "--generations", "2", "--population", "8", "--restarts", "1", "--no-llm", "--out",
            dir.resolve("constant").toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals("evosld: " + constant + ": target 'loss' is 3 in every train run, so there is nothing for a law"
            + " to explain (R² would be undefined)", run.errorLines().getLast(), run.err());
        assertFalse(Files.exists(dir.resolve("constant")), "no run directory is left behind");
    }

    @Test
    void plainCausesOfNoValidationAreNamed() throws Exception {
        Path single = dir.resolve("single.csv");
        Files.writeString(single, "g,N,loss\na,1,3\nb,2,2\nc,3,1.5\n");
        for (var file : java.util.Map.of(single, "no group has more than 1 run, and a law is fitted to each group's own"
            + " runs: judging it needs 2 to fit on and 2 to hold out").entrySet()) {
            CliRun run = CliRun.of("discover", "--data", file.getKey().toString(), "--features", "N", "--target",
                "loss", "--group", "g", "--generations", "2", "--population", "8", "--restarts", "1", "--no-llm",
                "--out", dir.resolve("plain-" + file.getKey().getFileName()).toString());
            assertEquals(1, run.exit(), run.err());
            assertEquals("evosld: cannot validate inside train: " + file.getValue(), run.errorLines().getLast());
            CliRun fit = CliRun.of("fit", "--data", file.getKey().toString(), "--features", "N", "--target", "loss",
                "--group", "g", "--law", "E");
            assertEquals(0, fit.exit(), "the law is still fitted: " + fit.err());
            assertTrue(fit.out().contains("validation: fails: cannot validate inside train: " + file.getValue() + "\n"),
                fit.out());
        }
    }

    @Test
    void aLawWhoseVariablesCancelIsNotReportedAsALawOfThem() throws Exception {
        // met at --budget 1 on runs whose loss hardly moves with N: discover reported -(A / N * (-N)), a constant
        // written as a law of N, with its R² of 0.967 beside it
        Path flat = dir.resolve("flat.csv");
        Files.writeString(flat, """
            group,N,loss
            a,1e6,3.048654
            a,2e6,3.385410
            a,4e6,3.415496
            a,8e6,3.415278
            a,1.6e7,3.214394
            b,1e6,4.871639
            b,2e6,4.984812
            b,4e6,4.691068
            b,8e6,4.710907
            b,1.6e7,4.695766
            """);
        Path out = dir.resolve("flat");
        CliRun run = CliRun.of("discover", "--data", flat.toString(), "--features", "N", "--target", "loss", "--group",
            "group", "--budget", "1", "--seed", "9", "--generations", "5", "--population", "32", "--islands", "1",
            "--restarts", "1", "--threads", "2", "--no-llm", "--out", out.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertEquals("log(N) / k", json.get("law").stringValue(), run.out());
        assertEquals(0.465902, json.get("validation_r2").doubleValue(), 1e-6);
        List<String> front = new ArrayList<>();
        json.get("pareto_front").forEach(law -> front.add(law.get("law").stringValue()));
        assertEquals(List.of("log(N) / k"), front);
        assertTrue(run.errorLines().contains("evosld: a constant validated better than the reported law (R² 0.967058"
            + " against 0.465902): -(A / N * (-N)), whose variables cancel, is no law of the features; the target may"
            + " hardly vary with them"), run.err());
        for (JsonNode entry : Json.mapper().readTree(Files.readString(out.resolve("history.json")))) {
            assertEquals(0.465902, entry.get("best_validation_r2").doubleValue(), 1e-6, "no constant's R² is the best");
        }
    }
}
