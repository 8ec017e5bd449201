package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import dev.evosld.run.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class TaskOptionsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void writeRuns() throws IOException {
        csv = UserCsv.write(dir);
    }

    /** The options alone, mixed into a command that does nothing, so that what they parse into can be inspected. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        TaskOptions task;

        @Override
        public void run() {
        }
    }

    private record Parsed(TaskOptions options, StringWriter err) {
    }

    private static Parsed parse(String... args) {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.parseArgs(args);
        return new Parsed(probe.task, err);
    }

    private static UserData userData(String... extra) {
        String[] args = new String[extra.length + 6];
        System.arraycopy(new String[] {"--data", csv.toString(), "--features", "N,D", "--target", "loss"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return parse(args).options().source.user.userData();
    }

    private static String usageError(String... extra) {
        return assertThrows(UsageException.class, () -> userData(extra)).getMessage();
    }

    @Test
    void everyUserDataOptionLandsInTheUserData() {
        UserData data = parse("--data", csv.toString(), "--features", " N , D", "--target", "loss", "--group", " family ",
            "--test-above", "N>=1e9", "--budget", "4", "--trend", "group_mean", "--falls-with", "D,N",
            "--target-range", "0,inf", "--holdout", "folds=3").options().source.user.userData();

        assertEquals(new UserData(csv, List.of("N", "D"), List.of("loss"), "family", 4,
            new UserData.ScaleRule("N", 1e9, true), TaskConfig.Trend.GROUP_MEAN, List.of("D", "N"),
            new TaskConfig.Bound(0, INF), new TaskConfig.Holdout.Folds(3, 0)), data);
    }

    @Test
    void omittedUserDataOptionsTakeTheDocumentedDefaults() {
        assertEquals(new UserData(csv, List.of("N", "D"), List.of("loss"), null, UserData.DEFAULT_PARAMETER_BUDGET,
            new UserData.NoTest(List.of()), TaskConfig.Trend.PER_RUN, List.of(), null, null),
            userData());
        assertEquals(6, UserData.DEFAULT_PARAMETER_BUDGET);
    }

    @Test
    void scaleAxesGoWithATestFileOrWithNoTestSplitInTheOrderGiven() {
        Path test = dir.resolve("test.csv");
        assertEquals(new UserData.TestFile(test, List.of("D", "N")),
            userData("--test", test.toString(), "--scale-axis", "D, N").split());
        assertEquals(new UserData.NoTest(List.of("D")), userData("--scale-axis", "D").split());
    }

    @Test
    void testAboveWithAnEqualsSignIsAStrictThreshold() {
        assertEquals(new UserData.ScaleRule("D", 1e10, false), userData("--test-above", "D=1e10").split());
    }

    @Test
    void severalTargetsAreSplitOnCommasAndHoldoutSpecsOfEveryFormParse() {
        assertEquals(List.of("loss", "acc"), parse("--data", csv.toString(), "--features", "N", "--target", "loss, acc")
            .options().source.user.userData().targets());
        assertEquals(new TaskConfig.Holdout.TopValues(2, 0), userData("--holdout", "top_values=2").holdout());
        assertEquals(new TaskConfig.Holdout.TopFraction(0.25, 0), userData("--holdout", " top_fraction = 0.25 ").holdout());
        assertEquals(TaskConfig.Trend.U_SHAPED, userData("--trend", "u_shaped").trend());
    }

    @Test
    void targetRangeReadsSignedInfinitiesInAnyCaseAndBlanksAroundNumbers() {
        // not given is no statement at all; -inf,inf says the target can take any value
        assertEquals(null, TaskOptions.range(null));
        assertEquals(TaskConfig.Bound.UNBOUNDED, TaskOptions.range("-inf,inf"));
        assertEquals(new TaskConfig.Bound(Double.NEGATIVE_INFINITY, 0), TaskOptions.range("-inf,0"));
        assertEquals(new TaskConfig.Bound(0.5, INF), TaskOptions.range(" 0.5 , +INF "));
        assertEquals(new TaskConfig.Bound(-1e3, 1), TaskOptions.range("-1e3,1"));
        // a range of one value is an interval, if a degenerate one
        assertEquals(new TaskConfig.Bound(2, 2), TaskOptions.range("2,2"));
    }

    @Test
    void targetRangeOfAnotherFormIsAOneLineUsageError() {
        assertEquals("--target-range takes LOW,HIGH, not '1,2,3'",
            assertThrows(UsageException.class, () -> TaskOptions.range("1,2,3")).getMessage());
        assertEquals("--target-range takes LOW,HIGH, not ''",
            assertThrows(UsageException.class, () -> TaskOptions.range("")).getMessage());
        assertEquals("--target-range takes LOW,HIGH (numbers, or -inf and inf), not ',1'",
            assertThrows(UsageException.class, () -> TaskOptions.range(",1")).getMessage());
        assertEquals("--target-range inf,inf: bound [Infinity, Infinity] is not an interval",
            assertThrows(UsageException.class, () -> TaskOptions.range("inf,inf")).getMessage());
        assertEquals("--target-range NaN,1: bound [NaN, 1.0] is not an interval",
            assertThrows(UsageException.class, () -> TaskOptions.range("NaN,1")).getMessage());
    }

    @Test
    void badUserDataValuesNameTheOptionAndTheValue() {
        assertEquals("--target takes column names separated by commas, not 'loss,,acc'",
            assertThrows(UsageException.class, () -> parse("--data", csv.toString(), "--features", "N", "--target",
                "loss,,acc").options().source.user.userData()).getMessage());
        assertEquals("--scale-axis takes column names separated by commas, not 'N, '", usageError("--scale-axis", "N, "));
        assertEquals("--falls-with 'loss' is not a feature (features: N, D)", usageError("--falls-with", "loss"));
        assertEquals("--test-above split rule 'N<1e9' is malformed: expected COLUMN=VALUE (test rows have COLUMN >"
            + " VALUE) or COLUMN>=VALUE", usageError("--test-above", "N<1e9"));
        assertEquals("--test-above split rule 'N=inf': 'inf' is not a finite number", usageError("--test-above", "N=inf"));
        assertEquals("--holdout: folds must be at least 2, not 1", usageError("--holdout", "folds=1"));
        assertEquals("--holdout: top_values must be at least 1, not 0", usageError("--holdout", "top_values=0"));
        assertEquals("--holdout takes top_values=N, top_fraction=F or folds=K, not 'top_values=two'",
            usageError("--holdout", "top_values=two"));
        assertEquals("--trend must be per_run, group_mean or u_shaped, not 'PER_RUN'", usageError("--trend", "PER_RUN"));
        assertEquals("--budget must be at least 1, got -3", usageError("--budget", "-3"));
        assertEquals("--features 'exp' is a function of the law language (exp, log, sqrt, abs, min, max, pow), so no law"
            + " could use it as a variable: rename the column",
            assertThrows(UsageException.class, () -> parse("--data", csv.toString(), "--features", "N,exp", "--target",
                "loss").options().source.user.userData()).getMessage());
    }

    @Test
    void aColumnNamedTwiceOrInTwoRolesIsAUsageErrorNamingTheOption() {
        assertEquals("--features 'N' is given twice", assertThrows(UsageException.class, () -> parse("--data",
            csv.toString(), "--features", "N, N", "--target", "loss").options().source.user.userData()).getMessage());
        assertEquals("--target 'loss' is given twice", usageError("--target", "acc,loss"));
        assertEquals("--target 'N' is also a feature (features: N, D)", usageError("--target", "N"));
        assertEquals("--scale-axis 'N' is given twice", usageError("--scale-axis", "N,D,N"));
        assertEquals("--falls-with 'D' is given twice", usageError("--falls-with", "D,D"));
        assertEquals("--group 'D' is also a feature (features: N, D); the group column names each run's group",
            usageError("--group", "D"));
        assertEquals("--group 'loss' is also a target; the group column names each run's group",
            usageError("--group", "loss"));
        assertEquals("--group takes a column name, not ' '", usageError("--group", " "));
    }

    @Test
    void testAboveConflictsAreCheckedBeforeTheColumnNames() {
        // both conflicts are about the options given, so they win over a bad name in the same command line
        assertEquals("--data takes at most one of --test-above COL=VALUE and --test CSV",
            usageError("--test-above", "M=1", "--test", csv.toString(), "--falls-with", "nope"));
        assertEquals("--test-above COL=VALUE extrapolates along COL; --scale-axis is for --test or no test split",
            usageError("--test-above", "N=1e9", "--scale-axis", "nope"));
    }

    @Test
    void anUnknownTaskExitsWithStatus2OnOneLine() {
        CliRun run = CliRun.of("fit", "--task", "no_such_task", "--law", "E");
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("evosld: unknown task 'no_such_task' (built-in tasks: "
            + String.join(", ", TaskConfig.builtinTasks()) + "); for your own runs use --data CSV (see: evosld fit --help)"),
            run.allErrorLines());
    }

    @Test
    void taskAndDataTogetherAreRefusedAsAUsageError() {
        CliRun run = CliRun.of("fit", "--task", "moe_scaling_law", "--data", csv.toString(), "--features", "N",
            "--target", "loss", "--law", "E");
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("evosld: --task and --data given together (give one of them) (see: evosld fit --help)"),
            run.allErrorLines());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void dataWithoutFeaturesIsAUsageErrorNamingTheMissingOption() {
        CliRun run = CliRun.of("fit", "--data", csv.toString(), "--target", "loss", "--law", "E");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--features=COL"), run.err());
    }

    @Test
    void whatTheCommandLineNamesIsReportedAsATaskOrAsTheCsvTyped() {
        assertFalse(parse().options().isGiven());

        TaskOptions task = parse("--task", "moe_scaling_law", "--data-dir", dir.toString()).options();
        assertTrue(task.isGiven());
        assertTrue(task.isBenchmarkTask());
        assertEquals(dir.resolve("moe_scaling_law").resolve("train.csv"), task.trainFile("moe_scaling_law"));
        assertEquals(List.of(), task.otherColumns());

        Path typed = Path.of("some", "relative.csv");
        TaskOptions user = parse("--data", typed.toString(), "--features", "N", "--target", "loss").options();
        assertFalse(user.isBenchmarkTask());
        assertEquals(typed, user.trainFile("ignored"));
    }

    @Test
    void otherColumnsAreThoseNeitherFeatureTargetNorGroup() {
        assertEquals(List.of("family", "D"),
            parse("--data", csv.toString(), "--features", "N", "--target", "loss").options().otherColumns());
        assertEquals(List.of("D"), parse("--data", csv.toString(), "--features", "N", "--target", "loss", "--group",
            "family").options().otherColumns());
    }

    @Test
    void aBenchmarkTaskRecordsItsNameAsTheDataSource() {
        TaskOptions task = parse("--task", "moe_scaling_law", "--data-dir", "/work/shared/sldbench").options();
        assertEquals(DataSource.sldbench("moe_scaling_law"), task.dataSource(null));
    }

    @Test
    void loadingATestFileThatRepeatsTrainRunsPrintsTheNoteOnTheCommandsErr() {
        Parsed parsed = parse("--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
            "--test", csv.toString());
        TaskData data = parsed.options().load();
        assertEquals(36, data.test().orElseThrow().table().rows());
        assertEquals("evosld: note: 36 of the 36 test runs repeat a train run (the same group and features), so the"
            + " test R² is partly a score on runs the law was fitted to", parsed.err().toString().strip());
    }

    @Test
    void onlyRunsOfTheSameGroupAndFeaturesCountAsRepeated() throws IOException {
        Path train = dir.resolve("apart-groups.csv");
        Files.writeString(train, "g,N,loss\na,1,3\na,2,2\na,3,1\nb,4,3\nb,5,2\nb,6,1\n");
        Path test = dir.resolve("overlap.csv");
        // the first repeats a train run of its group; the second has the features of a train run of the other
        // group; the third is new
        Files.writeString(test, "g,N,loss\na,1,9\na,4,9\nb,7,9\n");
        TaskData data = parse("--data", train.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--test", test.toString()).options().source.user.userData().load();
        assertEquals(Optional.of("evosld: note: 1 of the 3 test runs repeat a train run (the same group and features),"
            + " so the test R² is partly a score on runs the law was fitted to"), TaskOptions.repeatedRunsNote(data));
    }

    @Test
    void noTestSplitOrNoRepeatGivesNoRepeatedRunsNote() throws IOException {
        assertEquals(Optional.empty(), TaskOptions.repeatedRunsNote(userData("--group", "family").load()));
        Path test = dir.resolve("apart.csv");
        Files.writeString(test, "family,N,D,loss\nsmall-vocab,5e9,1e9,2\n");
        assertEquals(Optional.empty(),
            TaskOptions.repeatedRunsNote(userData("--group", "family", "--test", test.toString()).load()));
    }

    @Test
    void pulledDataNoteNamesBothChangedFilesInThePlural() throws IOException {
        Path root = dir.resolve("pulled");
        Path folder = Files.createDirectories(root.resolve("parallel_scaling_law"));
        for (String split : List.of("train", "test")) {
            Files.copy(Path.of("/work/shared/sldbench/parallel_scaling_law", split + ".csv"),
                folder.resolve(split + ".csv"));
        }
        String wrong = "0".repeat(64);
        Files.writeString(folder.resolve(".hub.json"), """
            {"dataset": "d", "config": "c", "columns": [],
             "splits": {"train": {"num_rows_total": 36, "sha256": "%s"}, "test": {"num_rows_total": 12, "sha256": "%s"}}}
            """.formatted(wrong, wrong));
        dev.evosld.data.DataDirectory directory = dev.evosld.data.DataDirectory.resolve(root, java.util.Map.of());

        assertEquals(Optional.of("evosld: note: " + folder.resolve("test.csv") + " and " + folder.resolve("train.csv")
            + " are not the files data pull wrote (edited since, or a pull was cut short); evosld data pull --task"
            + " parallel_scaling_law --data-dir " + directory.root() + " restores them"),
            TaskOptions.pulledDataNote("parallel_scaling_law", directory));
    }

    @Test
    void dataWithoutAManifestIsTheUsersOwnAndGetsNoPulledDataNote() {
        dev.evosld.data.DataDirectory directory =
            dev.evosld.data.DataDirectory.resolve(Path.of("/work/shared/sldbench"), java.util.Map.of());
        assertEquals(Optional.empty(), TaskOptions.pulledDataNote("parallel_scaling_law", directory));
    }

    @Test
    void severalTargetsOfAUsersRunsGetANoteThatTheyShareTheBudget() throws IOException {
        Path two = dir.resolve("two-targets.csv");
        Files.writeString(two, "N,a,b\n1,3,5\n2,2,4\n3,1,3\n4,0.5,2\n");
        Parsed shared = parse("--data", two.toString(), "--features", "N", "--target", "a,b");
        TaskData data = shared.options().source.user.userData().load();
        assertEquals(Optional.of("evosld: note: the budget of 6 parameters per group is shared by the 2 targets, 3 for"
            + " each target's law; --budget raises it"), shared.options().sharedBudgetNote(data));
        Parsed single = parse("--data", two.toString(), "--features", "N", "--target", "a");
        assertEquals(Optional.empty(), single.options().sharedBudgetNote(single.options().source.user.userData().load()));
    }

    @Test
    void aGroupColumnLeftUnreadGetsANoteNamingTheOption() throws IOException {
        Path runs = dir.resolve("grouped.csv");
        Files.writeString(runs, "group,N,loss\na,1,3\na,2,2\nb,1,4\nb,2,3\n");
        assertEquals(Optional.of("evosld: note: column 'group' is not read, so all runs form one group; --group group"
            + " fits each group's runs apart"),
            parse("--data", runs.toString(), "--features", "N", "--target", "loss").options().ungroupedNote());
        assertEquals(Optional.empty(),
            parse("--data", runs.toString(), "--features", "N", "--target", "loss", "--group", "group").options().ungroupedNote());
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, "family,N,loss\na,1,3\na,2,2\n");
        assertEquals(Optional.empty(),
            parse("--data", plain.toString(), "--features", "N", "--target", "loss").options().ungroupedNote());
    }

    @Test
    void smallGroupNoteNamesTheSmallGroupsAndCountsTheirRuns() throws IOException {
        Path small = dir.resolve("small.csv");
        Files.writeString(small, """
            g,N,loss
            a,1,3
            a,2,2
            a,3,1
            b,1,3
            b,2,2
            """);
        TaskData two = parse("--data", small.toString(), "--features", "N", "--target", "loss", "--group", "g")
            .options().source.user.userData().load();
        // a's 3 runs are below the budget of 6 too
        assertEquals(Optional.of("evosld: note: both groups (b, a) have 2 to 3 train runs, so no law with more than 2"
            + " parameters can be fitted to all of them, and the law reported is one small enough; more runs per group"
            + " would allow larger ones"), TaskOptions.smallGroupNote(two));
        TaskData tight = parse("--data", small.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--budget", "3").options().source.user.userData().load();
        assertEquals(Optional.of("evosld: note: group 'b' has 2 train runs, so no law with more parameters than that"
            + " can be fitted to it, and the law reported is one small enough; leave the group out for larger ones"),
            TaskOptions.smallGroupNote(tight));

        TaskData roomy = parse("--data", small.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--budget", "2").options().source.user.userData().load();
        assertEquals(Optional.empty(), TaskOptions.smallGroupNote(roomy));
    }

    @Test
    void groupsNamedByOneNumberWrittenInSeveralWaysAreNoted() throws IOException {
        // a spreadsheet that kept 01 as text, a float column that wrote 1.0: one family of runs, or three?
        StringBuilder csv = new StringBuilder("g,N,loss\n");
        for (String group : List.of("1", "01", "1.0", "2", "2.0", "3")) {
            csv.append(group).append(",1,3\n").append(group).append(",2,2\n");
        }
        assertEquals(Optional.of("evosld: note: groups '1', '01' and '1.0' name one number, and are fitted as 3 groups"
            + " apart; if they are one, write its name alike in every run (1 more number is written in several ways too)"),
            TaskOptions.sameNumberGroupsNote(grouped("numbers.csv", csv.toString(), "--group", "g")));
        assertEquals(Optional.empty(), TaskOptions.sameNumberGroupsNote(grouped("apart.csv",
            "g,N,loss\n1,1,3\n1,2,2\n10,1,3\n10,2,2\n", "--group", "g")));
    }

    private TaskData grouped(String name, String csv, String... more) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        List<String> args = new java.util.ArrayList<>(List.of("--data", file.toString(), "--features", "N", "--target",
            "loss"));
        args.addAll(List.of(more));
        return parse(args.toArray(String[]::new)).options().source.user.userData().load();
    }

    @Test
    void smallGroupNoteNamesEverySmallGroupNotOnlyTheFirst() throws IOException {
        // two groups of 3 runs each, as a user's first sweep of two model families may be
        TaskData both = grouped("both.csv", "g,N,loss\na,1,3\na,2,2\na,3,1\nb,1,3\nb,2,2\nb,3,1\n", "--group", "g");
        assertEquals(Optional.of("evosld: note: both groups (a, b) have 3 train runs each, so no law with more"
            + " parameters than that can be fitted to them, and the law reported is one small enough; more runs per group"
            + " would allow larger ones"), TaskOptions.smallGroupNote(both));

        // of several groups, those below the budget, the fewest runs first, and the tightest limit
        TaskData three = grouped("three.csv", "g,N,loss\na,1,3\na,2,2\na,3,1\nb,1,3\nb,2,2\n"
            + "c,1,5\nc,2,4\nc,3,3\nc,4,2\nc,5,1\nc,6,0\nc,7,0\n", "--group", "g");
        assertEquals(Optional.of("evosld: note: 2 of 3 groups (b, a) have 2 to 3 train runs, so no law with more than 2"
            + " parameters can be fitted to all of them, and the law reported is one small enough; leave those groups"
            + " out for larger ones"), TaskOptions.smallGroupNote(three));
    }

    @Test
    void smallGroupNoteCountsTheSmallGroupsOfMany() throws IOException {
        StringBuilder csv = new StringBuilder("g,N,loss\n");
        for (int group = 0; group < 40; group++) {
            int runs = group % 13 == 5 ? 3 : 8;
            for (int run = 1; run <= runs; run++) {
                csv.append("sweep").append(group).append(',').append(run).append(',').append(10 - run).append('\n');
            }
        }
        TaskData many = grouped("many.csv", csv.toString(), "--group", "g");
        assertEquals(Optional.of("evosld: note: 3 of 40 groups (sweep5, sweep18, sweep31) have 3 train runs each, so no"
            + " law with more parameters than that can be fitted to them, and the law reported is one small enough;"
            + " leave those groups out for larger ones"), TaskOptions.smallGroupNote(many));
    }

    @Test
    void smallGroupNoteOfTheOnlyGroupAsksForMoreRunsNotToLeaveItOut() throws IOException {
        TaskData one = grouped("one.csv", "N,loss\n1,3\n2,2\n3,1\n");
        assertEquals(Optional.of("evosld: note: group 'all' has 3 train runs, so no law with more parameters than that"
            + " can be fitted to it, and the law reported is one small enough; more runs would allow larger ones"),
            TaskOptions.smallGroupNote(one));
    }

    @Test
    void smallGroupNoteQuotesAGroupNameThatHoldsAComma() throws IOException {
        TaskData comma = grouped("comma.csv", "g,N,loss\n\"moe, sparse\",1,3\n\"moe, sparse\",2,2\ndense,1,3\ndense,2,2\n",
            "--group", "g");
        assertEquals(Optional.of("evosld: note: both groups ('moe, sparse', dense) have 2 train runs each, so no law with"
            + " more parameters than that can be fitted to them, and the law reported is one small enough; more runs per"
            + " group would allow larger ones"), TaskOptions.smallGroupNote(comma));
    }
}
