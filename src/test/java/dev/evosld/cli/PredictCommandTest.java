package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    static Path dir;
    private static Path run;

    @BeforeAll
    static void fit() throws Exception {
        Path csv = CliRun.userRuns(dir);
        run = dir.resolve("run");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(csv, run, "E + A / N^a + B / D^b"));
        assertEquals(0, fit.status(), fit.err());
    }

    /** What the fitted law of {@code run} gives for a group at (N, D), computed from law.json's values. */
    private static double expected(String group, double n, double d) {
        Map<String, Object> values = cast(LawDocument.read(run.resolve("law.json")).parameters().get(group));
        double e = number(values, "E");
        return e + number(values, "A") / Math.pow(n, number(values, "a")) + number(values, "B") / Math.pow(d, number(values, "b"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    private static double number(Map<String, Object> values, String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    @Test
    void predictsAFileOfRunsAsCsvInTheDataGroupColumn() throws Exception {
        Path plan = dir.resolve("plan.csv");
        Files.writeString(plan, "N,family,D,comment\n1e10,dense,1e12,next\n3e10,\"moe, \"\"sparse\"\"\",2e12,after\n");
        CliRun predict = CliRun.of("predict", "--run", run.toString(), "--runs", plan.toString());
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(3, lines.size(), predict.out());
        assertEquals("family,N,D,loss", lines.get(0));
        assertEquals("dense,1e10,1e12," + expected("dense", 1e10, 1e12), lines.get(1));
        assertEquals("\"moe, \"\"sparse\"\"\",3e10,2e12," + expected("moe, \"sparse\"", 3e10, 2e12), lines.get(2));
        // the law extrapolates the generating law (loss = 1.7 + 400/N^0.3 + 300/D^0.28 for dense)
        assertEquals(1.7 + 400 / Math.pow(1e10, 0.3) + 300 / Math.pow(1e12, 0.28), expected("dense", 1e10, 1e12), 1e-3);
    }

    @Test
    void aPredictionOutsideTheTargetsPossibleValuesIsNoted() throws Exception {
        // an accuracy rising by 0.15 a decade: the law fits it exactly and promises 1.2 three decades on
        Path fitted = fitted("accuracy", "N,acc\n1e7,0.3\n1e8,0.45\n1e9,0.6\n1e10,0.75\n", "A + B * log(N)",
            "--target-range", "0,1");
        CliRun inside = CliRun.of("predict", "--run", fitted.toString(), "--at", "N=1e11");
        assertFalse(inside.err().contains("possible values"), inside.err());
        CliRun beyond = CliRun.of("predict", "--run", fitted.toString(), "--at", "N=1e13");
        assertEquals(0, beyond.status(), beyond.err());
        assertTrue(beyond.err().lines().anyMatch(("evosld: note: run 'N=1e13': the predicted acc, 1.2, lies outside the"
            + " values it can take, [0, 1]: the law does not hold that far")::equals), beyond.err());
    }

    @Test
    void aPredictionItsTargetCannotTakeIsNamedInTheJsonToo() throws Exception {
        // --json is for programs, which never read stderr: a plan's 1.2 accuracy came back in the JSON like any other
        Path fitted = fitted("accuracy-plan", "N,acc\n1e7,0.3\n1e8,0.45\n1e9,0.6\n1e10,0.75\n", "A + B * log(N)",
            "--target-range", "0,1");
        Path plan = dir.resolve("plan.csv");
        Files.writeString(plan, "N\n1e11\n1e13\n");
        CliRun predict = CliRun.of("predict", "--run", fitted.toString(), "--runs", plan.toString(), "--json");
        assertEquals(0, predict.status(), predict.err());
        List<?> predictions = (List<?>) Json.mapper().readValue(predict.out(), Map.class).get("predictions");
        assertEquals(null, ((Map<?, ?>) predictions.get(0)).get("outside_possible_values"));
        assertEquals(List.of("the predicted acc, 1.2, lies outside the values it can take, [0, 1]"),
            ((Map<?, ?>) predictions.get(1)).get("outside_possible_values"));
    }

    @Test
    void aPredictionAtOrBelowZeroOfATargetPositiveThroughoutTrainIsNoted() throws Exception {
        // a loss falling by 0.5 a decade, with no range given: the law fits it exactly and promises -0.5 at 1e12
        Path fitted = fitted("falling", "N,loss\n1e7,2\n1e8,1.5\n1e9,1\n1e10,0.5\n", "A + B * log(N)");
        CliRun inside = CliRun.of("predict", "--run", fitted.toString(), "--at", "N=1e10");
        assertFalse(inside.err().contains("positive"), inside.err());
        CliRun beyond = CliRun.of("predict", "--run", fitted.toString(), "--at", "N=1e12");
        assertEquals(0, beyond.status(), beyond.err());
        assertTrue(beyond.err().lines().anyMatch(("evosld: note: run 'N=1e12': the predicted loss, -0.5, is below 0"
            + " while every train value of loss is positive: the law does not hold that far")::equals), beyond.err());
        assertEquals(Map.of("loss", new LawDocument.Range(0.5, 2)),
            LawDocument.read(fitted.resolve("law.json")).targetRanges());
    }

    @Test
    void aTargetOfBothSignsOrBelowZeroIsNotNotedForItsSign() throws Exception {
        Path mixed = fitted("mixed", "N,gain\n1e7,0.6\n1e8,0.2\n1e9,-0.2\n1e10,-0.6\n", "A + B * log(N)");
        CliRun mixedBeyond = CliRun.of("predict", "--run", mixed.toString(), "--at", "N=1e12");
        assertEquals(0, mixedBeyond.status(), mixedBeyond.err());
        assertTrue(mixedBeyond.out().contains(",-1.39"), mixedBeyond.out());
        assertFalse(mixedBeyond.err().contains("predicted gain"), mixedBeyond.err());
        // a negated Brier score, below 0 throughout, falling further
        Path negative = fitted("negative", "N,brier\n1e7,-0.1\n1e8,-0.2\n1e9,-0.3\n1e10,-0.4\n", "A + B * log(N)");
        CliRun negativeBeyond = CliRun.of("predict", "--run", negative.toString(), "--at", "N=1e12");
        assertEquals(0, negativeBeyond.status(), negativeBeyond.err());
        assertFalse(negativeBeyond.err().contains("predicted brier"), negativeBeyond.err());
    }

    @Test
    void aGivenTargetRangeWinsOverTheSignsOfTrain() throws Exception {
        // the user says the target can reach -1, though every train value is positive
        Path fitted = fitted("ranged", "N,margin\n1e7,2\n1e8,1.5\n1e9,1\n1e10,0.5\n", "A + B * log(N)",
            "--target-range", "-1,inf");
        CliRun within = CliRun.of("predict", "--run", fitted.toString(), "--at", "N=1e12");
        assertEquals(0, within.status(), within.err());
        assertFalse(within.err().contains("predicted margin"), within.err());
        CliRun outside = CliRun.of("predict", "--run", fitted.toString(), "--at", "N=1e14");
        assertEquals(List.of("evosld: note: run 'N=1e14': the predicted margin, -1.5, lies outside the values it can"
            + " take, [-1, inf]: the law does not hold that far"), outside.err().lines()
            .filter(line -> line.contains("predicted margin")).toList());
    }

    @Test
    void aTargetRangeOfAnyValueGivenOnPurposeWinsOverTheSignsOfTrainToo() throws Exception {
        // the user says the target can take any value, though every train value is positive: until now that was
        // recorded as no range at all, and predict guessed from train's signs that it could not fall below 0
        Path fitted = fitted("unbounded", "N,margin\n1e7,2\n1e8,1.5\n1e9,1\n1e10,0.5\n", "A + B * log(N)",
            "--target-range", "-inf,inf");
        CliRun beyond = CliRun.of("predict", "--run", fitted.toString(), "--at", "N=1e14", "--json");
        assertEquals(0, beyond.status(), beyond.err());
        assertFalse(beyond.err().contains("predicted margin"), beyond.err());
        Map<?, ?> only = (Map<?, ?>) ((List<?>) Json.mapper().readValue(beyond.out(), Map.class).get("predictions"))
            .getFirst();
        assertEquals(-1.5, (Double) only.get("margin"), 1e-9);
        assertFalse(only.containsKey("outside_possible_values"), only.toString());
        assertEquals(java.util.Arrays.asList(null, null),
            LawDocument.read(fitted.resolve("law.json")).provenance().data().targetRange());
    }

    @Test
    void predictsTargetRangeStatesTheValuesTheTargetCanTakeOverWhatTheRunSays() throws Exception {
        // a run fitted without a range: predict's own --target-range says what the target can take
        Path plain = fitted("plain", "N,loss\n1e7,2\n1e8,1.5\n1e9,1\n1e10,0.5\n", "A + B * log(N)");
        CliRun any = CliRun.of("predict", "--run", plain.toString(), "--at", "N=1e12", "--target-range", "-inf,inf");
        assertEquals(0, any.status(), any.err());
        assertFalse(any.err().contains("predicted loss"), any.err());
        CliRun unit = CliRun.of("predict", "--run", plain.toString(), "--at", "N=1e12", "--target-range", "0,1");
        assertEquals(List.of("evosld: note: run 'N=1e12': the predicted loss, -0.5, lies outside the values it can"
            + " take, [0, 1]: the law does not hold that far"), unit.err().lines()
            .filter(line -> line.contains("predicted loss")).toList());
        // a run fitted with a range: the option replaces it
        Path ranged = fitted("ranged-over", "N,margin\n1e7,2\n1e8,1.5\n1e9,1\n1e10,0.5\n", "A + B * log(N)",
            "--target-range", "-1,inf");
        CliRun wider = CliRun.of("predict", "--run", ranged.toString(), "--at", "N=1e14", "--target-range", "-2,inf");
        assertEquals(0, wider.status(), wider.err());
        assertFalse(wider.err().contains("predicted margin"), wider.err());
        assertUsageError("evosld: --target-range 1,0: bound [1.0, 0.0] is not an interval",
            "predict", "--run", plain.toString(), "--at", "N=1e12", "--target-range", "1,0");
    }

    @Test
    void aLogarithmBeyondTheDataIsMeasuredInStepsNotAsARatio() throws Exception {
        // log_flops, below 0 for the small models, grows by steps: "1.314× the largest" of a logarithm says nothing
        Path fitted = fitted("compute", "log_flops,score\n-1,-0.5\n0,-0.4\n1,-0.31\n2,-0.25\n", "A + B * log_flops");
        CliRun near = CliRun.of("predict", "--run", fitted.toString(), "--at", "log_flops=2.5");
        assertTrue(near.err().lines().anyMatch(("evosld: note: run 'log_flops=2.5': log_flops = 2.5 is 0.5 above the"
            + " largest in train (2)")::equals), near.err());
        CliRun far = CliRun.of("predict", "--run", fitted.toString(), "--at", "log_flops=5");
        assertTrue(far.err().lines().anyMatch(("evosld: note: run 'log_flops=5': log_flops = 5 is 3 above the largest"
            + " in train (2), beyond the step of 1 (10× on its log10 scale) to which the law was checked")::equals),
            far.err());
    }

    /** The run folder of {@code law} fitted to a CSV of one feature and one target, its header's two columns. */
    private Path fitted(String name, String csvText, String law, String... options) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, csvText);
        List<String> header = List.of(csvText.lines().findFirst().orElseThrow().split(","));
        Path fitted = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("fit", "--data", csv.toString(), "--features", header.get(0),
            "--target", header.get(1), "--law", law, "--out", fitted.toString()));
        args.addAll(List.of(options));
        CliRun fit = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, fit.status(), fit.err());
        return fitted;
    }

    @Test
    void predictsOneRunGivenOnTheCommandLine() throws Exception {
        CliRun predict = CliRun.of("predict", "--run", run.toString(), "--at", "D=1e12,N=1e10", "--group", "dense", "--json");
        assertEquals(0, predict.status(), predict.err());
        Map<?, ?> document = Json.mapper().readValue(predict.out(), Map.class);
        assertEquals("E + A / N^a + B / D^b", document.get("law"));
        Map<?, ?> only = (Map<?, ?>) ((List<?>) document.get("predictions")).getFirst();
        assertEquals("dense", only.get("family"));
        assertEquals(1e10, ((Number) only.get("N")).doubleValue());
        assertEquals(expected("dense", 1e10, 1e12), ((Number) only.get("loss")).doubleValue());
    }

    @Test
    void echoesTheGivenValuesAsAUserWritesThem() throws Exception {
        CliRun predict = CliRun.of("predict", "--run", run.toString(), "--at", "N=3.5e8,D=120", "--group", "dense");
        assertEquals(0, predict.status(), predict.err());
        assertEquals(List.of("family,N,D,loss", "dense,3.5e8,120," + expected("dense", 3.5e8, 120)),
            predict.out().lines().toList());
        assertEquals("evosld: note: run 'N=3.5e8,D=120': D = 120 is below the smallest in its group's train (1e9)",
            predict.errorLines().getFirst());
    }

    @Test
    void aLawWithoutParametersNeedsNoGroup() throws Exception {
        Path fixed = dir.resolve("fixed");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(CliRun.userRuns(dir), fixed, "1.7 + 400 / N^0.3"));
        assertEquals(0, fit.status(), fit.err());
        // every group predicts alike, so asking which group's parameters to use would be a question without a point
        CliRun predict = CliRun.of("predict", "--run", fixed.toString(), "--at", "N=1e10,D=1e12");
        assertEquals(0, predict.status(), predict.err());
        assertEquals(1.7 + 400 / Math.pow(1e10, 0.3), Double.parseDouble(predict.out().lines().toList().get(1).split(",")[2]));
        Path plan = dir.resolve("ungrouped.csv");
        Files.writeString(plan, "N\n1e10\n");
        CliRun file = CliRun.of("predict", "--run", fixed.toString(), "--runs", plan.toString());
        assertEquals(0, file.status(), file.err());
        assertEquals(1.7 + 400 / Math.pow(1e10, 0.3), Double.parseDouble(file.out().lines().toList().get(1).split(",")[2]));
    }

    @Test
    void aRunFittedAsOneGroupIgnoresAGroupColumnItDidNotRead() throws Exception {
        // the runs carry a 'group' column that fit was not told to read (no --group), so they form one group 'all'
        Path csv = dir.resolve("one-group.csv");
        Files.writeString(csv, "group,N,loss\nsweep-a,1e7,4.9\nsweep-a,1e8,3.3\nsweep-b,1e9,2.6\nsweep-b,1e10,2.2\n");
        Path single = dir.resolve("single");
        CliRun fit = CliRun.of("fit", "--data", csv.toString(), "--features", "N", "--target", "loss",
            "--law", "E + A * N^a", "--starts", "4", "--out", single.toString());
        assertEquals(0, fit.status(), fit.err());
        // the same file, as a user predicts the runs they made to set the law beside them
        CliRun predict = CliRun.of("predict", "--run", single.toString(), "--runs", csv.toString());
        assertEquals(0, predict.status(), predict.err());
        Map<String, Object> values = cast(LawDocument.read(single.resolve("law.json")).parameters().get("all"));
        double e = number(values, "E");
        double a = number(values, "A");
        double power = number(values, "a");
        assertEquals(List.of("group,N,loss", "all,1e7," + (e + a * Math.pow(1e7, power)),
                "all,1e8," + (e + a * Math.pow(1e8, power)), "all,1e9," + (e + a * Math.pow(1e9, power)),
                "all,1e10," + (e + a * Math.pow(1e10, power))),
            predict.out().lines().toList());
    }

    @Test
    void outNamingTheRunsFileIsRefusedBeforeThePredictionsReplaceIt() throws Exception {
        Path plan = dir.resolve("own.csv");
        String planned = "N,family,D,comment\n1e10,dense,1e12,next\n";
        Files.writeString(plan, planned);
        // the same file by another spelling of its path
        Path again = dir.resolve("predictions/../own.csv");
        Files.createDirectories(dir.resolve("predictions"));
        CliRun predict = CliRun.of("predict", "--run", run.toString(), "--runs", plan.toString(), "--out", again.toString());
        assertEquals(2, predict.status(), predict.err());
        assertEquals(List.of("evosld: --out " + again + ": that is the --runs file, which the predictions would"
            + " replace (its other columns lost); name another (see: evosld predict --help)"), predict.allErrorLines()
            .stream().filter(l -> !l.startsWith("WARNING")).toList());
        assertEquals(planned, Files.readString(plan), "the planned runs are as they were");
    }

    @Test
    void writesTheCsvToAFileWithOut() throws Exception {
        Path file = dir.resolve("predictions/next.csv");
        CliRun predict = CliRun.of("predict", "--run", run.toString(), "--at", "N=5e8,D=5e10", "--group", "dense",
            "--out", file.toString());
        assertEquals(0, predict.status(), predict.err());
        assertEquals("", predict.out());
        assertEquals(List.of("evosld: wrote " + file + " (1 run)"), predict.errorLines(), "inside train: no note");
        assertEquals("family,N,D,loss\ndense,5e8,5e10," + expected("dense", 5e8, 5e10) + "\n", Files.readString(file));
    }

    @Test
    void outThatCannotBeWrittenIsRefusedBeforeAnythingIsPredicted() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "mine");
        // beyond train, so that a prediction made first would say so before the refusal
        for (Path out : List.of(file.resolve("next.csv"), dir)) {
            CliRun predict = CliRun.of("predict", "--run", run.toString(), "--at", "N=2.5e10,D=5e10", "--group", "dense",
                "--out", out.toString());
            assertEquals(1, predict.status(), predict.err());
            assertEquals(List.of("evosld: cannot write " + out + ": " + (out.equals(dir) ? "it is a folder; name a file"
                : file + " is a file, not a folder")), predict.errorLines());
            assertEquals("", predict.out());
        }
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void onATerminalThePredictionsAreRoundedToSixDigitsAndAPipeOrFileGetsEveryDigit() {
        List<String> header = List.of("family", "N", "D", "loss");
        List<List<Object>> rows = List.of(List.of("dense", 1e10, 1.5e12, 2.345678901234568),
            List.of("moe, \"sparse\"", 3.14159e8, 120.0, 1234567.891), List.of("dense", 1e9, 1e9, -0.000123456789));
        // the runs' values as given, only the predicted loss rounded: a person reads it, and 17 digits bury the few
        // that the law's misses leave meaningful
        assertEquals("family,N,D,loss\ndense,1e10,1.5e12,2.34568\n\"moe, \"\"sparse\"\"\",314159000,120,1234570\n"
            + "dense,1e9,1e9,-0.000123457\n", PredictCommand.text(header, rows, 1, true));
        // `predict ... > next.csv` or `| python` reads what --out writes
        assertEquals("family,N,D,loss\ndense,1e10,1.5e12,2.345678901234568\n\"moe, \"\"sparse\"\"\",314159000,120,"
            + "1234567.891\ndense,1e9,1e9,-0.000123456789\n", PredictCommand.text(header, rows, 1, false));
    }

    @Test
    void onATerminalEveryTargetIsRoundedAndNoFeature() {
        List<String> header = List.of("group", "N", "loss", "acc");
        List<List<Object>> rows = List.of(List.of("g", 1.23456789e9, 2.00000049, 0.123456789));
        assertEquals("group,N,loss,acc\ng,1234567890,2,0.123457\n", PredictCommand.text(header, rows, 2, true));
    }

    @Test
    void measuresHowFarARunLiesAgainstItsOwnGroup() throws Exception {
        StringBuilder csv = new StringBuilder("family,N,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            csv.append("long,").append(n).append(',').append(1.8 + 300 * Math.pow(n, -0.3)).append('\n');
            if (n <= 1e8) {
                csv.append("short,").append(n).append(',').append(1.9 + 300 * Math.pow(n, -0.3)).append('\n');
            }
        }
        Path file = dir.resolve("uneven.csv");
        Files.writeString(file, csv);
        Path uneven = dir.resolve("uneven");
        CliRun fit = CliRun.of("fit", "--data", file.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--law", "E + A*N^-a", "--out", uneven.toString());
        assertEquals(0, fit.status(), fit.err());
        CliRun inside = CliRun.of("predict", "--run", uneven.toString(), "--at", "N=1e9", "--group", "long");
        assertEquals(List.of(), inside.errorLines(), "1e9 is the long group's largest N");
        CliRun beyond = CliRun.of("predict", "--run", uneven.toString(), "--at", "N=1e9", "--group", "short");
        assertEquals(0, beyond.status(), beyond.err());
        assertEquals("evosld: note: run 'N=1e9': N = 1e9 is 10× the largest in its group's train (1e8)",
            beyond.errorLines().getFirst());
    }

    @Test
    void aRunBeyondTheDataOfALawThatFailedValidationSaysSoWithWhy() throws Exception {
        Path failing = dir.resolve("failing");
        CliRun fit = CliRun.of("fit", "--data", UserCsv.write(dir).toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--test-above", "N=1e9", "--law", "c + b*N + a*N^2 + B*D^(-b2)", "--out",
            failing.toString());
        assertEquals(0, fit.status(), fit.err());
        Matcher why = java.util.regex.Pattern.compile("validation: fails: (implausible at 2× the largest N.*)\n")
            .matcher(fit.out());
        assertTrue(why.find(), fit.out());
        CliRun beyond = CliRun.of("predict", "--run", failing.toString(), "--at", "N=1e10,D=1e11", "--group",
            "small-vocab");
        assertEquals(0, beyond.status(), beyond.err());
        assertEquals(List.of("evosld: note: run 'N=1e10,D=1e11': N = 1e10 is 10× the largest in its group's train"
                + " (1e9)",
            "evosld: note: inside train, this law failed validation (" + why.group(1) + "); its predictions beyond the"
                + " data may be far off"), beyond.errorLines());
        CliRun inside = CliRun.of("predict", "--run", failing.toString(), "--at", "N=1e8,D=1e11", "--group",
            "small-vocab");
        assertEquals(List.of(), inside.errorLines(), "inside train: no note");
        CliRun json = CliRun.of("predict", "--run", failing.toString(), "--at", "N=1e8,D=1e11", "--group",
            "small-vocab", "--json");
        assertEquals(0, json.status(), json.err());
        Map<?, ?> document = Json.mapper().readValue(json.out(), Map.class);
        assertEquals(why.group(1), document.get("validation_failure"), json.out());
        assertEquals(null, document.get("validation_rmse"), "a failed validation has no misses");
        assertEquals(null, Json.mapper().readValue(CliRun.of("predict", "--run", run.toString(), "--at",
            "N=1e8,D=1e11", "--group", "dense", "--json").out(), Map.class).get("validation_failure"));
    }

    @Test
    void aFeatureOfTheDataThatTheLawDropsMayBeGivenAndIsIgnored() throws Exception {
        Path run = dir.resolve("n-only");
        CliRun fit = CliRun.of("fit", "--data", CliRun.userRuns(dir).toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--law", "E + A*N^-a", "--out", run.toString());
        assertEquals(0, fit.status(), fit.err());
        CliRun withD = CliRun.of("predict", "--run", run.toString(), "--at", "N=2e9,D=1e11", "--group", "dense");
        CliRun withoutD = CliRun.of("predict", "--run", run.toString(), "--at", "N=2e9", "--group", "dense");
        assertEquals(0, withD.status(), withD.err());
        assertEquals(withoutD.out(), withD.out());
        assertEquals("evosld: note: the law does not use D, so its value is ignored", withD.errorLines().getFirst());
        assertUsageError("evosld: run 'N=2e9,T=1': 'T' is not a feature the law uses (it uses: N)", "predict", "--run",
            run.toString(), "--at", "N=2e9,T=1", "--group", "dense");
    }

    @Test
    void saysHowFarARunLiesOutsideTheTrainRange() throws Exception {
        // train holds N from 1e7 to 1e9 (the runs above 1e9 are test) and D from 1e9 to 1e11
        Path plan = dir.resolve("far.csv");
        Files.writeString(plan, "family,N,D\ndense,5e8,5e10\ndense,2.5e10,5e10\ndense,1e6,2e12\n");
        CliRun predict = CliRun.of("predict", "--run", run.toString(), "--runs", plan.toString(), "--json");
        assertEquals(0, predict.status(), predict.err());
        double rmse = LawDocument.read(run.resolve("law.json")).metrics().validationRmse().get("loss");
        assertEquals(List.of(
            "evosld: note: " + plan + ":3: N = 2.5e10 is 25× the largest in its group's train (1e9), beyond the 10× to"
                + " which the law was checked",
            "evosld: note: " + plan + ":4: N = 1e6 is below the smallest in its group's train (1e7); D = 2e12 is 20× the"
                + " largest in its group's train (1e11), and the law was never checked beyond the data in D",
            "evosld: note: inside train, this law's predictions of held-out runs missed loss by " + Output.shortNumber(rmse)
                + " (root mean square, validation); expect misses of that size, larger the further a run lies beyond"
                + " the data"), predict.errorLines());
        assertEquals(Map.of("loss", rmse), Json.mapper().readValue(predict.out(), Map.class).get("validation_rmse"));
        List<?> predictions = (List<?>) Json.mapper().readValue(predict.out(), Map.class).get("predictions");
        assertEquals(null, ((Map<?, ?>) predictions.get(0)).get("beyond_train"));
        assertEquals(List.of("N = 2.5e10 is 25× the largest in its group's train (1e9), beyond the 10× to which the law"
                + " was checked"),
            ((Map<?, ?>) predictions.get(1)).get("beyond_train"));
        assertEquals(2, ((List<?>) ((Map<?, ?>) predictions.get(2)).get("beyond_train")).size());
    }

    @Test
    void saysWhereBeyondTheDataTheLawWasNeverChecked() {
        // fitted with --test-above N=1e9: its trend was checked at 2× and 10× the largest N in train, never along D
        CliRun within = CliRun.of("predict", "--run", run.toString(), "--at", "N=1e10,D=1e11", "--group", "dense");
        assertEquals("evosld: note: run 'N=1e10,D=1e11': N = 1e10 is 10× the largest in its group's train (1e9)",
            within.errorLines().getFirst());
        CliRun further = CliRun.of("predict", "--run", run.toString(), "--at", "N=2e10,D=2e11", "--group", "dense");
        assertEquals(0, further.status(), further.err());
        assertEquals("evosld: note: run 'N=2e10,D=2e11': N = 2e10 is 20× the largest in its group's train (1e9), beyond"
                + " the 10× to which the law was checked; D = 2e11 is 2× the largest in its group's train (1e11), and the"
                + " law was never checked beyond the data in D",
            further.errorLines().getFirst());
    }

    @Test
    void computedFiguresInTheNotesReadAsTheGivenValuesDo() throws Exception {
        // 3e13 is 30,000 times dense's largest train N (1e9): the ratio was written 3e+04, beside the 3e13 as given
        CliRun far = CliRun.of("predict", "--run", run.toString(), "--at", "N=3e13,D=1e11", "--group", "dense");
        assertEquals(0, far.status(), far.err());
        assertEquals("evosld: note: run 'N=3e13,D=1e11': N = 3e13 is 3e4× the largest in its group's train (1e9), beyond"
                + " the 10× to which the law was checked",
            far.errorLines().getFirst());
    }

    @Test
    void theTrainBoundANoteGivesLiesOnTheSideOfTheGivenValueItIsComparedWith() throws Exception {
        // to four digits 36815 is 36820, above the 36816 said to lie beyond it, and 12345 is 12340, below 12342
        Path file = Files.writeString(dir.resolve("bound.csv"),
            "N,loss\n12345,2.081\n20000,2.05\n30000,2.033\n36815,2.027\n");
        Path bound = dir.resolve("bound");
        CliRun fit = CliRun.of("fit", "--data", file.toString(), "--features", "N", "--target", "loss", "--law",
            "E + A/N", "--starts", "2", "--out", bound.toString());
        assertEquals(0, fit.status(), fit.err());
        CliRun above = CliRun.of("predict", "--run", bound.toString(), "--at", "N=36816");
        assertEquals(0, above.status(), above.err());
        assertEquals("evosld: note: run 'N=36816': N = 36816 is 1× the largest in train (36815)",
            above.errorLines().getFirst());
        CliRun below = CliRun.of("predict", "--run", bound.toString(), "--at", "N=12342");
        assertEquals("evosld: note: run 'N=12342': N = 12342 is below the smallest in train (12345)",
            below.errorLines().getFirst());
        CliRun far = CliRun.of("predict", "--run", bound.toString(), "--at", "N=1e6");
        assertEquals("evosld: note: run 'N=1e6': N = 1e6 is 27.16× the largest in train (36820), beyond the 10× to which"
                + " the law was checked",
            far.errorLines().getFirst(), "four digits where they keep the bound on its side");
    }

    @Test
    void aFeatureOfOneValueInTheGroupsTrainIsNotedAsNeverSeenToVary() throws Exception {
        // family 'tiny' was trained at one token count only, so its fitted dependence on D is a guess
        StringBuilder csv = new StringBuilder("family,N,D,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double d : new double[] {1e9, 1e10, 1e11}) {
                csv.append("grid,").append(n).append(',').append(d).append(',')
                    .append(1.7 + 400 / Math.pow(n, 0.3) + 300 / Math.pow(d, 0.28)).append('\n');
            }
            csv.append("tiny,").append(n).append(",1e10,").append(1.9 + 400 / Math.pow(n, 0.3) + 300 / Math.pow(1e10, 0.28))
                .append('\n');
        }
        Path data = dir.resolve("one-token-count.csv");
        Files.writeString(data, csv);
        Path fixedD = dir.resolve("fixed-d");
        CliRun fit = CliRun.of("fit", "--data", data.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "E + A / N^a + B / D^b", "--starts", "4", "--out", fixedD.toString());
        assertEquals(0, fit.status(), fit.err());
        CliRun other = CliRun.of("predict", "--run", fixedD.toString(), "--at", "N=1e8,D=1e11", "--group", "tiny");
        assertEquals(0, other.status(), other.err());
        assertEquals("evosld: note: run 'N=1e8,D=1e11': D = 1e11 differs from the only value in its group's train"
            + " (1e10), so the fit never saw D vary there and the law's dependence on it is a guess",
            other.errorLines().getFirst());
        CliRun same = CliRun.of("predict", "--run", fixedD.toString(), "--at", "N=1e8,D=1e10", "--group", "tiny");
        assertEquals(List.of(), same.errorLines(), "at its one value: no note");
    }

    @Test
    void badInputIsOneLineWithItsExitStatus() throws Exception {
        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "family,N,D\ndense,1e10,1e12\nsparse,1e10,1e12\n");
        Path negative = dir.resolve("negative.csv");
        Files.writeString(negative, "family,N,D\ndense,-1e10,1e12\n");
        String runDir = run.toString();
        assertUsageError("evosld: --group is needed: the law's parameters differ by group (it has: dense, 'moe, \"sparse\"')",
            "predict", "--run", runDir, "--at", "N=1e10,D=1e12");
        assertUsageError("evosld: --group 'sparse': the law has no parameters for it (it has: dense, 'moe, \"sparse\"')",
            "predict", "--run", runDir, "--at", "N=1e10,D=1e12", "--group", "sparse");
        assertUsageError("evosld: run 'N=1e10': no value for D", "predict", "--run", runDir, "--at", "N=1e10", "--group", "dense");
        assertFails("evosld: " + unknown + ":3: no parameters for group 'sparse' (the law has: dense, 'moe, \"sparse\"')",
            "predict", "--run", runDir, "--runs", unknown.toString());
        assertFails("evosld: " + negative + ":2: the law's prediction of 'loss' is not a finite number (NaN) for this run",
            "predict", "--run", runDir, "--runs", negative.toString());
        assertUsageError("evosld: --group goes with --at; a --runs file names each run's group in its 'family' column",
            "predict", "--run", runDir, "--runs", unknown.toString(), "--group", "dense");
        assertFails("evosld: " + dir.resolve("nowhere") + ": no such run directory",
            "predict", "--run", dir.resolve("nowhere").toString(), "--at", "N=1");
    }

    private static void assertFails(String message, String... args) {
        CliRun result = CliRun.of(args);
        assertEquals(1, result.status(), result.out());
        assertEquals(List.of(message), result.allErrorLines());
    }

    @Test
    void groupNamesOfAnOldRunThatWouldBreakTheLineAreSpelledOutAndTheRunStillPredicts() throws Exception {
        // a run written before group names were checked may name a group over two lines
        Path old = copyOfRun("old-run");
        Path law = old.resolve("law.json");
        Files.writeString(law, Files.readString(law).replaceAll("\"dense\"(?=\\s*:)", Matcher.quoteReplacement("\"den\\nse\"")));
        Path plan = dir.resolve("dense.csv");
        Files.writeString(plan, "family,N,D\ndense,1e10,1e12\n");
        String oldDir = old.toString();

        assertUsageError("evosld: --group is needed: the law's parameters differ by group (it has: 'den\\nse',"
            + " 'moe, \"sparse\"')", "predict", "--run", oldDir, "--at", "N=1e10,D=1e12");
        assertUsageError("evosld: --group 'dense': the law has no parameters for it (it has: 'den\\nse',"
            + " 'moe, \"sparse\"')", "predict", "--run", oldDir, "--at", "N=1e10,D=1e12", "--group", "dense");
        assertFails("evosld: " + plan + ":2: no parameters for group 'dense' (the law has: 'den\\nse', 'moe, \"sparse\"')",
            "predict", "--run", oldDir, "--runs", plan.toString());
        CliRun predict = CliRun.of("predict", "--run", oldDir, "--at", "N=1e10,D=1e12", "--group", "den\nse");
        assertEquals(0, predict.status(), predict.err());
        assertEquals(List.of("family,N,D,loss", "\"den", "se\",1e10,1e12," + expected("dense", 1e10, 1e12)),
            predict.out().lines().toList());
    }

    @Test
    void theLawOfARunRecordedInTheSearchsFormIsGivenWithMinuses() throws Exception {
        // law.json of a version before laws were reported with minuses held the search's own form
        Path old = copyOfRun("search-form-run");
        Path law = old.resolve("law.json");
        Files.writeString(law, Files.readString(law).replace("\"E + A / N^a + B / D^b\"", "\"E + -2 * A / N^a + B / D^b\""));
        assertEquals("E + -2 * A / N^a + B / D^b", LawDocument.read(law).law());
        CliRun predict = CliRun.of("predict", "--run", old.toString(), "--at", "N=1e10,D=1e12", "--group", "dense", "--json");
        assertEquals(0, predict.status(), predict.err());
        Map<?, ?> document = Json.mapper().readValue(predict.out(), Map.class);
        assertEquals("E - 2 * A / N^a + B / D^b", document.get("law"));
        Map<String, Object> values = cast(LawDocument.read(law).parameters().get("dense"));
        double loss = number(values, "E") - 2 * number(values, "A") / Math.pow(1e10, number(values, "a"))
            + number(values, "B") / Math.pow(1e12, number(values, "b"));
        Map<?, ?> only = (Map<?, ?>) ((List<?>) document.get("predictions")).getFirst();
        assertEquals(loss, ((Number) only.get("loss")).doubleValue(), 1e-12 * Math.abs(loss));
    }

    @Test
    void aGroupWrittenWithACombiningAccentPredictsWithTheParametersOfTheGroupItNames() throws Exception {
        // the runs typed é as one character; the plan, from another editor, as e and a combining accent
        Path csv = Files.writeString(dir.resolve("accents.csv"),
            "family,N,loss\ncaf\u00e9,1,3\ncaf\u00e9,2,2.5\ncaf\u00e9,4,2.25\ncaf\u00e9,8,2.125\n"
            + "cr\u00e8me,1,4\ncr\u00e8me,2,3\ncr\u00e8me,4,2.5\ncr\u00e8me,8,2.25\n");
        Path accents = dir.resolve("accents-run");
        CliRun fit = CliRun.of("fit", "--data", csv.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--law", "E + A / N", "--starts", "4", "--out", accents.toString());
        assertEquals(0, fit.status(), fit.err());
        Map<String, Object> values = cast(LawDocument.read(accents.resolve("law.json")).parameters().get("caf\u00e9"));
        String expected = String.valueOf(number(values, "E") + number(values, "A") / 16);

        Path plan = Files.writeString(dir.resolve("accents-plan.csv"), "family,N\ncafe\u0301,16\n");
        CliRun predict = CliRun.of("predict", "--run", accents.toString(), "--runs", plan.toString());
        assertEquals(0, predict.status(), predict.err());
        assertEquals(List.of("family,N,loss", "caf\u00e9,16," + expected), predict.out().lines().toList());

        CliRun at = CliRun.of("predict", "--run", accents.toString(), "--at", "N=16", "--group", "cafe\u0301");
        assertEquals(0, at.status(), at.err());
        assertEquals(List.of("family,N,loss", "caf\u00e9,16," + expected), at.out().lines().toList());
    }

    /** A copy of the fitted run's files in a directory of {@code name}, to be made into an older run's. */
    private static Path copyOfRun(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.list(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** A value an option cannot take: exit 2, one line ending with where to read more. */
    private static void assertUsageError(String message, String... args) {
        CliRun result = CliRun.of(args);
        assertEquals(2, result.status(), result.out());
        assertEquals(List.of(message + " (see: evosld predict --help)"), result.allErrorLines());
    }

    @Test
    void outNeverOverwritesOneOfTheRunsOwnRecords() throws Exception {
        // a run of its own, as this one damages what it is given
        Path own = dir.resolve("own-run");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(CliRun.userRuns(dir), own, "E + A / N^a + B / D^b"));
        assertEquals(0, fit.status(), fit.err());
        Path law = own.resolve("law.json");
        String before = Files.readString(law);
        CliRun predict = CliRun.of("predict", "--run", own.toString(), "--at", "N=5e8,D=5e10", "--group", "dense",
            "--out", law.toString());
        // as export refuses: "--out FILE: that file is one of the run's own records; name another"
        assertEquals(before, Files.readString(law), "predict --out replaced the run's law.json with its CSV");
        assertEquals(2, predict.status(), predict.err());
        assertEquals(1, predict.errorLines().size(), predict.err());
        assertEquals(0, CliRun.of("predict", "--run", own.toString(), "--at", "N=5e8,D=5e10", "--group", "dense").status(),
            "the run can still be read");
    }

    @Test
    void outNeverOverwritesTheCsvTheRunReadsItsRowsFrom() throws Exception {
        // a run of its own, as this one is given the very file to damage
        Path own = Files.createDirectories(dir.resolve("own-data"));
        Path data = CliRun.userRuns(own);
        Path ownRun = own.resolve("run");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(data, ownRun, "E + A / N^a + B / D^b"));
        assertEquals(0, fit.status(), fit.err());
        String rows = Files.readString(data);
        // a user's planned runs predicted "into runs.csv": the runs the law was fitted to, which report reads again
        CliRun predict = CliRun.of("predict", "--run", ownRun.toString(), "--at", "N=5e8,D=5e10", "--group", "dense",
            "--out", data.toString());
        assertEquals(2, predict.status(), predict.err());
        assertEquals(List.of("evosld: --out " + data + ": that is the run's data, which report and fit --law-file read"
            + " again; name another (see: evosld predict --help)"), predict.allErrorLines().stream()
            .filter(l -> !l.startsWith("WARNING")).toList());
        assertEquals(rows, Files.readString(data), "predict --out replaced the runs with one prediction");
    }

    @Test
    void runsComeFromAFileOrTheCommandLineNotBoth() {
        CliRun both = CliRun.of("predict", "--run", run.toString(), "--runs", "x.csv", "--at", "N=1");
        assertEquals(2, both.status());
        assertEquals(List.of("evosld: --runs and --at given together (give one of them) (see: evosld predict --help)"),
            both.allErrorLines());
        assertEquals(2, CliRun.of("predict", "--run", run.toString()).status());
    }
}
