package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code evosld eval} on a user's CSV with no test split. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private CliRun eval(String... extra) throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path params = dir.resolve("params.json");
        // the values CliRun.userRuns was made with
        Files.writeString(params, """
            {"dense":           {"E": 1.7, "A": 400, "a": 0.3,  "B": 300, "b": 0.28},
             "moe, \\"sparse\\"": {"E": 2.1, "A": 250, "a": 0.27, "B": 500, "b": 0.31}}""");
        String[] base = {"eval", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
            "--law", "E + A / N^a + B / D^b", "--params", params.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    /** Scores {@code E + A/N} on three runs of one group with the given parameters file. */
    private CliRun evalSizes(Path params) throws java.io.IOException {
        Path csv = Files.writeString(dir.resolve("sizes.csv"), "N,loss\n1,3\n2,2.5\n4,2.25\n");
        return CliRun.of("eval", "--data", csv.toString(), "--features", "N", "--target", "loss", "--law", "E + A/N",
            "--params", params.toString());
    }

    @Test
    void withoutATestSplitTheTextHasNoTestScoreOrColumns() throws Exception {
        CliRun run = eval();
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("train R²: 1.000000", lines.get(2), run.out());
        assertEquals("test R²:  none (no test split: every row is train)", lines.get(3), run.out());
        assertEquals(String.format("%-40s %10s %12s", "group", "train rows", "train RMSE"), lines.get(4));
        assertTrue(lines.get(5).startsWith(String.format("%-40s %10s ", "dense", 18)), run.out());
        assertEquals(7, lines.size(), run.out());
    }

    @Test
    void manyGroupsPrintTheFirstTwentyErrorLinesAndPointToJsonForTheRest() throws Exception {
        StringBuilder csv = new StringBuilder("family,N,loss\n");
        StringBuilder params = new StringBuilder("{");
        for (int g = 0; g < 25; g++) {
            String group = String.format("g%02d", g);
            csv.append(group).append(",1,3\n").append(group).append(",2,2.5\n").append(group).append(",4,2.25\n");
            params.append(g == 0 ? "" : ", ").append('"').append(group).append("\": {\"E\": 2, \"A\": 1}");
        }
        Path data = Files.writeString(dir.resolve("many.csv"), csv);
        Path values = Files.writeString(dir.resolve("many.json"), params.append('}'));
        String[] args = {"eval", "--data", data.toString(), "--features", "N", "--target", "loss", "--group", "family",
            "--law", "E + A/N", "--params", values.toString()};
        CliRun text = CliRun.of(args);
        assertEquals(0, text.exit(), text.err());
        List<String> lines = text.out().lines().toList();
        assertEquals(4 + 1 + 20 + 1, lines.size(), text.out());
        assertTrue(lines.get(24).startsWith("g19 "), text.out());
        assertEquals("... and 5 more groups (--json prints all of them)", lines.get(25));

        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        CliRun json = CliRun.of(withJson);
        assertEquals(0, json.exit(), json.err());
        assertEquals(25, Json.mapper().readTree(json.out()).get("groups").size());
    }

    @Test
    void aParametersFileWithoutAGroupOfTheDataIsNamedInTheError() throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path params = dir.resolve("dense-only.json");
        Files.writeString(params, "{\"dense\": {\"E\": 1.7, \"A\": 400, \"a\": 0.3, \"B\": 300, \"b\": 0.28}}");
        CliRun run = CliRun.of("eval", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "E + A / N^a + B / D^b", "--params", params.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals(List.of("evosld: " + params + ": no parameters for group 'moe, \"sparse\"' of " + csv
            + " (it has: dense)"), run.allErrorLines());
    }

    @Test
    void aTargetOfOneValueInEveryTrainRunIsRefusedAsFitAndDiscoverRefuseIt() throws Exception {
        Path constant = dir.resolve("constant.csv");
        Files.writeString(constant, "N,loss\n1,3\n2,3\n4,3\n");
        Path params = Files.writeString(dir.resolve("constant.json"), "{\"all\": {\"E\": 3}}");
        for (List<String> extra : List.of(List.<String>of(), List.of("--json"))) {
            List<String> args = new java.util.ArrayList<>(List.of("eval", "--data", constant.toString(), "--features",
                "N", "--target", "loss", "--law", "E", "--params", params.toString()));
            args.addAll(extra);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, run.exit(), run.err());
            assertEquals(List.of("evosld: " + constant + ": target 'loss' is 3 in every train run, so there is nothing"
                + " for a law to explain (R² would be undefined)"), run.errorLines(), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void theTestLineAndJsonGiveHowFarTestWasMissedAsFitsDo() throws Exception {
        // E + A/N with E = 2, A = 1 predicts 2.125 and 2.0625 for runs of 2.1 and 2.05
        Path train = Files.writeString(dir.resolve("sizes.csv"), "N,loss\n1,3\n2,2.5\n4,2.25\n");
        Path test = Files.writeString(dir.resolve("next.csv"), "N,loss\n8,2.1\n16,2.05\n");
        Path params = Files.writeString(dir.resolve("sizes.json"), "{\"all\": {\"E\": 2, \"A\": 1}}");
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--data", train.toString(), "--test",
            test.toString(), "--features", "N", "--target", "loss", "--law", "E + A/N", "--params", params.toString()));
        double rmse = Math.sqrt((0.025 * 0.025 + 0.0125 * 0.0125) / 2);
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        assertEquals("test R²:  0.375000 (missed by " + Output.shortNumber(rmse) + ", root mean square)",
            text.out().lines().toList().get(3), text.out());
        args.add("--json");
        JsonNode document = Json.mapper().readTree(CliRun.of(args.toArray(String[]::new)).out());
        assertEquals(rmse, document.get("test_rmse").get("loss").doubleValue(), 1e-12, document.toString());
        JsonNode none = Json.mapper().readTree(eval("--json").out());
        assertTrue(none.get("test_rmse").isNull(), "no test split, no test misses: " + none);
    }

    @Test
    void aTestSplitWhoseTargetIsOneValueHasAnUndefinedTestR2NotAFailedOne() throws Exception {
        Path train = Files.writeString(dir.resolve("sizes.csv"), "N,loss\n1,3\n2,2.5\n4,2.25\n");
        Path test = Files.writeString(dir.resolve("next.csv"), "N,loss\n8,2\n16,2\n");
        Path params = Files.writeString(dir.resolve("sizes.json"), "{\"all\": {\"E\": 2, \"A\": 1}}");
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--data", train.toString(), "--test",
            test.toString(), "--features", "N", "--target", "loss", "--law", "E + A/N", "--params", params.toString()));
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        assertEquals("test R²:  undefined (target 'loss' is 2 in all 2 runs scored, and R² needs runs that differ)"
            + " (missed by 0.09882, root mean square)", text.out().lines().toList().get(3), text.out());
        args.add("--json");
        CliRun json = CliRun.of(args.toArray(String[]::new));
        JsonNode document = Json.mapper().readTree(json.out());
        assertTrue(document.get("test_r2").isNull(), json.out());
        assertFalse(document.has("test_r2_failure"), json.out());
        assertEquals("target 'loss' is 2 in all 2 runs scored, and R² needs runs that differ",
            document.get("test_r2_undefined").stringValue(), json.out());
    }

    @Test
    void aTestSplitWithOneTargetAtOneValueInEveryRunHasAnUndefinedTestR2NotAHugeNegativeOne() throws Exception {
        // acc is 0.7 in all six test runs, whose mean is 0.7000000000000001 in doubles
        Path train = Files.writeString(dir.resolve("two-targets.csv"), "N,loss,acc\n1,3,0.5\n2,2.5,0.6\n4,2.25,0.65\n");
        Path test = Files.writeString(dir.resolve("next-six.csv"), "N,loss,acc\n8,2.1,0.7\n16,2.05,0.7\n32,2.02,0.7\n"
            + "64,2.01,0.7\n128,2.005,0.7\n256,2.002,0.7\n");
        Path params = Files.writeString(dir.resolve("two-targets.json"),
            "{\"all\": {\"loss\": {\"E\": 2, \"A\": 1}, \"acc\": {\"E\": 0.7, \"A\": -0.2}}}");
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--data", train.toString(), "--test",
            test.toString(), "--features", "N", "--target", "loss,acc", "--law", "E + A/N", "--params", params.toString()));
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        assertEquals("test R²:  undefined (target 'acc' is 0.7 in all 6 runs scored, and R² needs runs that differ)"
            + " (missed loss by 0.01259, acc by 0.01178, root mean square)", text.out().lines().toList().get(3), text.out());
        args.add("--json");
        JsonNode document = Json.mapper().readTree(CliRun.of(args.toArray(String[]::new)).out());
        assertTrue(document.get("test_r2").isNull(), document.toString());
        assertEquals("target 'acc' is 0.7 in all 6 runs scored, and R² needs runs that differ",
            document.get("test_r2_undefined").stringValue(), document.toString());
    }

    @Test
    void aLawWithoutParametersIsScoredWithoutAParametersFile() throws Exception {
        Path csv = CliRun.userRuns(dir);
        List<String> args = List.of("eval", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--law", "1.7 + 400 / N^0.3 + 300 / D^0.28", "--json");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        // the generating law of the dense family, exact there but for the CSV's ten decimals
        JsonNode dense = Json.mapper().readTree(run.out()).get("groups").get(0);
        assertEquals("dense", dense.get("group").stringValue());
        assertEquals(0, dense.get("train_rmse").doubleValue(), 1e-10, run.out());
        // nor does an empty file, or one with an empty object per group, stand in the way
        for (String values : List.of("{}", "{\"dense\": {}, \"moe, \\\"sparse\\\"\": {}}")) {
            Path params = Files.writeString(dir.resolve("none.json"), values);
            List<String> given = new java.util.ArrayList<>(args);
            given.addAll(List.of("--params", params.toString()));
            CliRun withFile = CliRun.of(given.toArray(String[]::new));
            assertEquals(0, withFile.exit(), values + ": " + withFile.err());
            assertEquals(run.out(), withFile.out());
        }
    }

    @Test
    void aLawWithParametersAndNoParametersFileIsAUsageErrorNamingThem() throws Exception {
        Path csv = CliRun.userRuns(dir);
        CliRun run = CliRun.of("eval", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "E + A / N^a + 300 / D^0.28");
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("evosld: --params is needed: the law's parameters (E, A, a) take a value per group, given"
            + " as {group: {name: value}} in a JSON file or by a run's law.json (see: evosld eval --help)"),
            run.allErrorLines());
    }

    @Test
    void aParametersFileWithoutItsGroupsSaysHowTheFileIsLaidOut() throws Exception {
        Path flat = Files.writeString(dir.resolve("flat.json"), "{\"E\": 2, \"A\": 1}");
        CliRun run = evalSizes(flat);
        assertEquals(1, run.exit(), run.err());
        assertEquals(List.of("evosld: " + flat + ": 'E' is a parameter of the law, not a group: the file gives each"
            + " group its values, here {\"all\": {\"E\": ..., \"A\": ...}} (runs without --group form one group, 'all')"),
            run.allErrorLines());
    }

    @Test
    void aParametersFileWithAGroupTheDataLacksIsNotedAndTheRestScored() throws Exception {
        Path more = Files.writeString(dir.resolve("more.json"), "{\"all\": {\"E\": 2, \"A\": 1},"
            + " \"other\": {\"E\": 5, \"A\": 1}}");
        CliRun run = evalSizes(more);
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("evosld: note: " + more + " also has parameters for group 'other', which "
            + dir.resolve("sizes.csv") + " does not have; they are not used"), run.errorLines());
        assertEquals("train R²: 1.000000", run.out().lines().toList().get(2), run.out());
    }

    @Test
    void aGroupNamedLikeAParameterIsAGroupOfTheFileWhenItHoldsValues() throws Exception {
        // groups a, b and c of a run's law.json, whose law has a parameter a, scored on a CSV of groups b and c alone
        Path csv = Files.writeString(dir.resolve("bc.csv"), "family,N,loss\nb,1,3\nb,2,2.5\nb,4,2.25\n"
            + "c,1,4\nc,2,3\nc,4,2.5\n");
        Path params = Files.writeString(dir.resolve("abc.json"), "{\"a\": {\"E\": 1, \"a\": 1},"
            + " \"b\": {\"E\": 2, \"a\": 1}, \"c\": {\"E\": 2, \"a\": 2}}");
        String[] args = {"eval", "--data", csv.toString(), "--features", "N", "--target", "loss", "--group", "family",
            "--law", "E + a/N", "--params", params.toString()};
        CliRun subset = CliRun.of(args);
        assertEquals(0, subset.exit(), subset.err());
        assertEquals(List.of("evosld: note: " + params + " also has parameters for group 'a', which " + csv
            + " does not have; they are not used"), subset.errorLines());
        assertEquals("train R²: 1.000000", subset.out().lines().toList().get(2), subset.out());

        Files.writeString(csv, "family,N,loss\nx,1,3\nx,2,2.5\nx,4,2.25\n");
        CliRun other = CliRun.of(args);
        assertEquals(1, other.exit(), other.err());
        assertEquals(List.of("evosld: " + params + ": no parameters for group 'x' of " + csv + " (it has: a, b, c)"),
            other.allErrorLines());
    }

    @Test
    void aParametersFileSavedWithAByteOrderMarkAndWindowsLineEndsIsRead() throws Exception {
        // as Notepad saves UTF-8; the CSV reader takes such files too
        Path params = Files.writeString(dir.resolve("bom.json"), "\uFEFF{\"all\": {\"E\": 2,\r\n \"A\": 1}}\r\n");
        CliRun run = evalSizes(params);
        assertEquals(0, run.exit(), run.err());
        assertEquals("train R²: 1.000000", run.out().lines().toList().get(2), run.out());
    }

    @Test
    void aParametersFileThatIsNotUtf8SaysSo() throws Exception {
        // "café" in Latin-1, as an older editor may save it
        Path params = Files.write(dir.resolve("latin.json"), "{\"all\": {\"E\": 2, \"A\": 1}, \"caf\u00e9\": {}}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun run = evalSizes(params);
        assertEquals(1, run.exit(), run.err());
        assertEquals(List.of("evosld: " + params + ": not UTF-8 text (save it as UTF-8)"), run.allErrorLines());
    }

    @Test
    void groupsOfAParametersFileThatDoNotShowAsThemselvesAreSpelledOutInTheError() throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path params = dir.resolve("pasted.json");
        // a zero-width space pasted with the name: the group looks like the data's, and is not
        Files.writeString(params, """
            {"dense\\u200b":       {"E": 1.7, "A": 400, "a": 0.3,  "B": 300, "b": 0.28},
             "moe, \\"sparse\\"": {"E": 2.1, "A": 250, "a": 0.27, "B": 500, "b": 0.31}}""");
        CliRun run = CliRun.of("eval", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "E + A / N^a + B / D^b", "--params", params.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals(List.of("evosld: " + params + ": no parameters for group 'dense' of " + csv
            + " (it has: 'dense\\u200b', 'moe, \"sparse\"')"), run.allErrorLines());
    }

    @Test
    void optionsThatJudgeLawsAreRefusedSinceEvalDoesNotValidate() throws Exception {
        String[][] judging = {{"--holdout", "folds=5"}, {"--scale-axis", "D"}, {"--trend", "group_mean"},
            {"--falls-with", "N"}, {"--budget", "3"}};
        for (String[] option : judging) {
            CliRun run = eval(option);
            assertEquals(2, run.exit(), String.join(" ", option) + ": " + run.err());
            assertEquals(List.of("evosld: " + option[0] + " tells fit and discover how to judge a law; eval scores the"
                + " values given and judges nothing, so it takes no " + option[0] + " (see: evosld eval --help)"),
                run.allErrorLines());
        }
    }

    @Test
    void theJsonNamesEveryFactItSharesWithFitsAsFitDoesWithTheSameValues() throws Exception {
        Path run = dir.resolve("fitted");
        List<String> fitArgs = new java.util.ArrayList<>(List.of(CliRun.fitUserRuns(CliRun.userRuns(dir), run,
            "E + A / N^a + B / D^b")));
        fitArgs.add("--json");
        CliRun fit = CliRun.of(fitArgs.toArray(String[]::new));
        assertEquals(0, fit.exit(), fit.err());
        CliRun eval = CliRun.of("eval", "--data", dir.resolve("runs.csv").toString(), "--features", "N,D", "--target",
            "loss", "--group", "family", "--test-above", "N=1e9", "--law", "E + A / N^a + B / D^b", "--params",
            run.resolve("law.json").toString(), "--json");
        assertEquals(0, eval.exit(), eval.err());
        JsonNode fitted = Json.mapper().readTree(fit.out());
        JsonNode scored = Json.mapper().readTree(eval.out());
        // the law's size beside its values, as fit and discover give it
        assertEquals(5, scored.path("parameter_count").asInt(-1), eval.out());
        for (String key : scored.propertyNames()) {
            assertEquals(fitted.get(key), scored.get(key), key + ": fit " + fit.out() + "\neval " + eval.out());
        }
    }

    @Test
    void withoutATestSplitTheJsonHasANullTestR2() throws Exception {
        CliRun run = eval("--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertEquals(1.0, json.get("train_r2").doubleValue(), 1e-12);
        assertTrue(json.get("test_r2").isNull(), run.out());
        assertFalse(json.get("test_split").booleanValue(), run.out());
        assertFalse(json.has("test_r2_failure"), run.out());
        assertEquals(2, json.get("groups").size());
        assertFalse(json.get("groups").get(0).has("test_rows"), run.out());
    }

    @Test
    void withATestSplitTheTableHasItsTestColumns() throws Exception {
        CliRun run = eval("--test-above", "N=1e9");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(3).startsWith("test R²:  1.000000 (missed by "), run.out());
        assertEquals(String.format("%-40s %10s %12s %10s %12s", "group", "train rows", "train RMSE", "test rows", "test RMSE"),
            lines.get(4));
        assertTrue(lines.get(5).startsWith(String.format("%-40s %10s ", "dense", 15)), run.out());
    }

    @Test
    void aRunsLawJsonScoresItsOwnLawAndNoOther() throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path run = dir.resolve("fitted");
        String[] data = {"--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family"};
        CliRun fit = CliRun.of(concat(new String[] {"fit", "--law", "E + A / N^a + B / D^b", "--out", run.toString()},
            data));
        assertEquals(0, fit.exit(), fit.err());
        Path lawJson = run.resolve("law.json");

        CliRun same = CliRun.of(concat(new String[] {"eval", "--law", "E + A/N^a + B/D^b", "--params",
            lawJson.toString(), "--json"}, data));
        assertEquals(0, same.exit(), same.err());
        assertTrue(Json.mapper().readTree(same.out()).get("train_r2").doubleValue() > 0.999999, same.out());

        CliRun other = CliRun.of(concat(new String[] {"eval", "--law", "E + A/N^a + B*D^b", "--params",
            lawJson.toString()}, data));
        assertEquals(2, other.exit(), other.err());
        assertEquals(List.of("evosld: " + lawJson + " holds the parameters of E + A / N^a + B / D^b, not of the law"
            + " given (E + A / N^a + B * D^b); give that law as --law (see: evosld eval --help)"), other.allErrorLines());

        Path wider = dir.resolve("wider.csv");
        Files.writeString(wider, Files.readString(csv).replace("family,N,D,loss", "family,M,D,loss"));
        CliRun elsewhere = CliRun.of("eval", "--data", wider.toString(), "--features", "M,D", "--target", "loss",
            "--group", "family", "--law", "E + A/N^a + B/D^b", "--params", lawJson.toString());
        assertEquals(2, elsewhere.exit(), elsewhere.err());
        assertEquals(List.of("evosld: " + lawJson + " holds a law of runs over N, D, not all features of wider (M, D)"
            + " (see: evosld eval --help)"), elsewhere.allErrorLines());
    }

    @Test
    void aRunsFolderGivenForItsParametersIsPointedToTheLawFileInIt() throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path run = dir.resolve("fitted");
        String[] data = {"--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family"};
        assertEquals(0, CliRun.of(concat(new String[] {"fit", "--law", "E + A / N^a + B / D^b", "--starts", "4", "--out",
            run.toString()}, data)).exit());
        CliRun folder = CliRun.of(concat(new String[] {"eval", "--law", "E + A / N^a + B / D^b", "--params",
            run.toString()}, data));
        assertEquals(1, folder.exit(), folder.err());
        assertEquals(List.of("evosld: " + run + ": a folder, not a file; give the run's law file, "
            + run.resolve("law.json")), folder.allErrorLines());
    }

    @Test
    void aRunsLawJsonOfSeveralTargetsScoresAnyOfThemOnItsOwn() throws Exception {
        // a run fitted to a loss, an accuracy and a count; eval --target acc had read its law.json as one target's
        // values and said "g1: missing parameter 'E'", and --target loss,acc refused the count it did not ask for
        StringBuilder csv = new StringBuilder("family,N,loss,acc,count\n");
        for (String family : List.of("g1", "g2")) {
            double shift = family.equals("g1") ? 0 : 0.2;
            for (double n : new double[] {1e6, 4e6, 1.6e7, 6.4e7, 2.56e8}) {
                csv.append(String.format(java.util.Locale.ROOT, "%s,%s,%s,%s,%s%n", family, n,
                    1.8 + shift + 40 * Math.pow(n, -0.3), 0.7 - shift - 3 * Math.pow(n, -0.25), 10 * Math.pow(n, 0.5)));
            }
        }
        Path runs = Files.writeString(dir.resolve("three-targets.csv"), csv.toString());
        Path run = dir.resolve("three");
        CliRun fit = CliRun.of("fit", "--data", runs.toString(), "--features", "N", "--target", "loss,acc,count",
            "--group", "family", "--law", "E + A*N^-a", "--starts", "8", "--out", run.toString());
        assertEquals(0, fit.exit(), fit.err());
        Path lawJson = run.resolve("law.json");
        JsonNode fitted = Json.mapper().readTree(lawJson.toFile()).get("parameters").get("g2");

        CliRun acc = CliRun.of("eval", "--data", runs.toString(), "--features", "N", "--target", "acc", "--group",
            "family", "--law", "E + A*N^-a", "--params", lawJson.toString(), "--json");
        assertEquals(0, acc.exit(), acc.err());
        JsonNode accValues = Json.mapper().readTree(acc.out()).get("parameters").get("g2");
        assertEquals(fitted.get("acc").get("A").doubleValue(), accValues.get("A").doubleValue(), acc.out());
        assertTrue(Json.mapper().readTree(acc.out()).get("train_r2").doubleValue() > 0.999999, acc.out());

        CliRun two = CliRun.of("eval", "--data", runs.toString(), "--features", "N", "--target", "count,loss", "--group",
            "family", "--law", "E + A*N^-a", "--params", lawJson.toString(), "--json");
        assertEquals(0, two.exit(), two.err());
        JsonNode twoValues = Json.mapper().readTree(two.out()).get("parameters").get("g2");
        assertEquals(fitted.get("count").get("a").doubleValue(), twoValues.get("count").get("a").doubleValue(), two.out());
        assertEquals(fitted.get("loss").get("E").doubleValue(), twoValues.get("loss").get("E").doubleValue(), two.out());

        Path renamed = Files.writeString(dir.resolve("renamed.csv"), csv.toString().replace(",acc,", ",accuracy,"));
        CliRun other = CliRun.of("eval", "--data", renamed.toString(), "--features", "N", "--target", "accuracy",
            "--group", "family", "--law", "E + A*N^-a", "--params", lawJson.toString());
        assertEquals(1, other.exit(), other.err());
        assertEquals(List.of("evosld: " + lawJson + " holds the parameters of loss, acc, count, none of 'accuracy'"),
            other.allErrorLines());
    }

    @Test
    void aRunsLawJsonScoresItsLawWrittenWithAMinusOrWithANegativeFactor() throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path run = dir.resolve("minus");
        String[] data = {"--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family"};
        CliRun fit = CliRun.of(concat(new String[] {"fit", "--law", "E - A * N^(-a) + B / D^b", "--out",
            run.toString()}, data));
        assertEquals(0, fit.exit(), fit.err());

        // the law as an older run's law.json or a hand wrote it: the same law, whose values are the same numbers
        CliRun same = CliRun.of(concat(new String[] {"eval", "--law", "E + -1*A*N^(-a) + B/D^b", "--params",
            run.resolve("law.json").toString(), "--json"}, data));
        assertEquals(0, same.exit(), same.err());
        assertTrue(Json.mapper().readTree(same.out()).get("train_r2").doubleValue() > 0.999999, same.out());
        assertEquals("E - A * N^(-a) + B / D^b", Json.mapper().readTree(same.out()).get("law").stringValue());
    }

    @Test
    void aHandEditedLawJsonIsQuotedOnOneLine() throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path edited = dir.resolve("edited.json");
        String values = "{\"dense\": {\"E\": 1.7, \"A\": 400, \"a\": 0.3, \"B\": 300, \"b\": 0.28}}";
        String[] data = {"--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
            "--law", "E + A / N^a + B / D^b", "--params", edited.toString()};

        Files.writeString(edited, "{\"task\": \"runs\\nold\", \"law\": \"E\", \"variables\": [\"N\", \"D\\u200b\"],"
            + " \"parameters\": " + values + "}");
        CliRun variables = CliRun.of(concat(new String[] {"eval"}, data));
        assertEquals(2, variables.exit(), variables.err());
        assertEquals(List.of("evosld: " + edited + " holds a law of 'runs\\nold' over N, 'D\\u200b', not all features of"
            + " runs (N, D) (see: evosld eval --help)"), variables.allErrorLines());

        Files.writeString(edited, "{\"law\": \"E + A / N^a +\\n(B / D^b\", \"parameters\": " + values + "}");
        CliRun law = CliRun.of(concat(new String[] {"eval"}, data));
        assertEquals(2, law.exit(), law.err());
        assertEquals(List.of("evosld: " + edited + " holds the parameters of E + A / N^a +\\n(B / D^b, not of the law"
            + " given (E + A / N^a + B / D^b); give that law as --law (see: evosld eval --help)"), law.allErrorLines());
    }

    @Test
    void aTestFileThatRepeatsTrainRunsIsNoted() throws Exception {
        CliRun same = eval("--test", CliRun.userRuns(dir).toString());
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.errorLines().contains("evosld: note: 36 of the 36 test runs repeat a train run (the same group"
            + " and features), so the test R² is partly a score on runs the law was fitted to"), same.err());
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "family,N,D,loss\ndense,1e10,1e12,1.9\n");
        CliRun apart = eval("--test", other.toString());
        assertEquals(0, apart.exit(), apart.err());
        assertFalse(apart.err().contains("repeat a train run"), apart.err());
    }

    @Test
    void groupNamesLongerThanTheColumnWidenItSoTheFiguresStayInLine() throws Exception {
        // sft_scaling_law's names run to 46 characters; the table's column was 40 wide
        String longName = "('cerebras/Cerebras-GPT-1.3B', 'gigaword-summaries')";
        Path train = Files.writeString(dir.resolve("long.csv"), "family,N,loss\n"
            + "short,1,3\nshort,2,2.5\nshort,4,2.25\nshort,8,2.125\n"
            + "\"" + longName + "\",1,3\n\"" + longName + "\",2,2.5\n\"" + longName + "\",4,2.25\n"
            + "\"" + longName + "\",8,2.125\n");
        Path params = Files.writeString(dir.resolve("long.json"), "{\"short\": {\"E\": 2, \"A\": 1}, \""
            + longName + "\": {\"E\": 2, \"A\": 1}}");
        CliRun run = CliRun.of("eval", "--data", train.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--test-above", "N=4", "--law", "E + A/N", "--params", params.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> table = run.out().lines().skip(4).toList();
        assertEquals(3, table.size(), run.out());
        String header = String.format("%-" + longName.length() + "s %10s %12s %10s %12s", "group", "train rows",
            "train RMSE", "test rows", "test RMSE");
        assertEquals(header, table.get(0), run.out());
        assertEquals(String.format("%-" + longName.length() + "s %10s %12s %10s %12s", "short", 3, "0",
            1, "0"), table.get(1), run.out());
        assertEquals(String.format("%s %10s %12s %10s %12s", longName, 3, "0", 1, "0"), table.get(2),
            run.out());
    }

    @Test
    void groupNamesOfWideOrCombiningCharactersArePaddedToTheColumnsTheyTakeInATerminal() throws Exception {
        // a CJK character takes two columns, a combining accent none: padding by characters pushed figures out of line
        String wide = "模型甲";
        // x̂ has no character of its own, so it stays x and a combining circumflex in any Unicode form
        String accented = "x\u0302_run";
        String wider = "模型".repeat(11);
        StringBuilder csv = new StringBuilder("family,N,loss\n");
        StringBuilder params = new StringBuilder("{");
        for (String name : List.of(wide, accented, wider)) {
            csv.append(name).append(",1,3\n").append(name).append(",2,2.5\n").append(name).append(",4,2.25\n")
                .append(name).append(",8,2.125\n");
            params.append(params.length() > 1 ? ", " : "").append('"').append(name).append("\": {\"E\": 2, \"A\": 1}");
        }
        Path train = Files.writeString(dir.resolve("wide.csv"), csv);
        Path values = Files.writeString(dir.resolve("wide.json"), params.append('}'));
        CliRun run = CliRun.of("eval", "--data", train.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--test-above", "N=4", "--law", "E + A/N", "--params", values.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> table = run.out().lines().skip(4).toList();
        // the widest name takes 44 columns, so the group column is 44 wide
        String figures = String.format(" %10s %12s %10s %12s", 3, "0", 1, "0");
        assertEquals(List.of(
            "group" + " ".repeat(39) + String.format(" %10s %12s %10s %12s", "train rows", "train RMSE", "test rows",
                "test RMSE"),
            wide + " ".repeat(38) + figures,
            accented + " ".repeat(39) + figures,
            wider + figures), table, run.out());
    }

    @Test
    void anErrorInTheBillionsIsWrittenAsTheNotesWriteNumbers() throws Exception {
        // a count in the billions, missed by 2e9 in every run: the table wrote 2.00000e+09 where every note writes 2e9
        Path csv = Files.writeString(dir.resolve("billions.csv"), "family,N,tokens\n"
            + "g,1,5e9\ng,2,4e9\ng,4,3.5e9\n");
        Path params = Files.writeString(dir.resolve("billions.json"), "{\"g\": {\"E\": 1e9, \"A\": 2e9}}");
        CliRun run = CliRun.of("eval", "--data", csv.toString(), "--features", "N", "--target", "tokens", "--group",
            "family", "--law", "E + A/N", "--params", params.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(String.format("%-40s %10s %12s", "g", 3, "2e9"), run.out().lines().skip(5).findFirst().orElseThrow(),
            run.out());
    }

    @Test
    void withSeveralTargetsEachGroupsErrorIsGivenPerTargetInItsOwnUnits() throws Exception {
        // the law misses loss by 0.3 and acc by 0.01 in every run: one figure over both (0.212) is in neither's units
        Path csv = Files.writeString(dir.resolve("two-targets.csv"), "family,N,loss,acc\n"
            + "g,1,3.3,0.61\ng,2,2.8,0.56\ng,4,2.55,0.535\ng,8,2.425,0.5225\n");
        Path params = Files.writeString(dir.resolve("two-targets.json"),
            "{\"g\": {\"loss\": {\"E\": 2, \"A\": 1}, \"acc\": {\"E\": 0.5, \"A\": 0.1}}}");
        List<String> args = List.of("eval", "--data", csv.toString(), "--features", "N", "--target", "loss,acc",
            "--group", "family", "--law", "E + A/N", "--params", params.toString());
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        List<String> table = text.out().lines().skip(4).toList();
        assertEquals(List.of(
            String.format("%-40s %10s %15s %14s", "group", "train rows", "train RMSE loss", "train RMSE acc"),
            String.format("%-40s %10s %15s %14s", "g", 4, "0.3", "0.01")), table, text.out());

        List<String> withJson = new java.util.ArrayList<>(args);
        withJson.add("--json");
        CliRun json = CliRun.of(withJson.toArray(String[]::new));
        assertEquals(0, json.exit(), json.err());
        JsonNode rmse = Json.mapper().readTree(json.out()).get("groups").get(0).get("train_rmse");
        assertEquals(0.3, rmse.get("loss").doubleValue(), 1e-12, json.out());
        assertEquals(0.01, rmse.get("acc").doubleValue(), 1e-12, json.out());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
