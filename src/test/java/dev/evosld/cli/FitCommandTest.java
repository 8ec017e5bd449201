package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code evosld fit} on a user's CSV with no test split. */
class FitCommandTest {
    private static final String LAW = "E + A / N^a + B / D^b";

    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void writeRuns() throws Exception {
        csv = CliRun.userRuns(dir);
    }

    private static CliRun fit(String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", csv.toString(), "--features", "N,D", "--target",
            "loss", "--group", "family", "--law", LAW, "--starts", "4"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void withoutATestSplitEveryRowIsFittedAndTheTestLineSaysNone() {
        Path out = dir.resolve("text");
        CliRun run = fit("--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("test R²:    none (no test split: every row was used to fit the law)"), run.out());
        assertTrue(lines.contains("train R²:   1.000000"), run.out());
        // printed like train R² (and like discover's), not to six significant digits
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("validation: R² 1.000000 (inside train")), run.out());
        LawDocument document = LawDocument.read(out.resolve("law.json"));
        // the generating law itself, on noise-free runs: its extrapolations inside train hardly miss
        double rmse = document.metrics().validationRmse().get("loss");
        assertTrue(rmse < 1e-4, "validation RMSE " + rmse);
        // two folds, each validated on both families' three runs at their top N
        assertTrue(lines.contains("            its predictions there missed by " + Output.shortNumber(rmse)
            + " (root mean square over 12 rows)"), run.out());
        assertNull(document.metrics().testR2());
        assertFalse(document.metrics().hasTestSplit());
        assertEquals(new LawDocument.Range(1e7, 3e9), document.trainRanges().get("N"), "the largest runs are train");
        assertEquals(1.7, ((Number) ((java.util.Map<?, ?>) document.parameters().get("dense")).get("E")).doubleValue(), 1e-6);
    }

    @Test
    void withManyGroupsTheTableShowsTheFirstTwentyAndSaysWhereEveryGroupIs() throws Exception {
        Path many = manyFamilies(dir.resolve("many.csv"), 23);
        String[] args = {"fit", "--data", many.toString(), "--features", "N", "--target", "loss", "--group", "family",
            "--law", "E + A / N^0.3", "--starts", "1"};
        CliRun printed = CliRun.of(args);
        assertEquals(0, printed.exit(), printed.err());
        List<String> lines = printed.out().lines().toList();
        List<String> groups = lines.stream().filter(l -> l.startsWith("  family-")).toList();
        assertEquals(20, groups.size(), printed.out());
        assertTrue(groups.getFirst().startsWith("  family-00: E="), printed.out());
        assertTrue(groups.getLast().startsWith("  family-19: E="), printed.out());
        int last = lines.indexOf(groups.getLast());
        assertEquals("  ... and 3 more groups (--out DIR writes all of them to DIR/law.json; --json prints them)",
            lines.get(last + 1));
        assertTrue(lines.get(last + 2).startsWith("train R²:"), printed.out());

        Path out = dir.resolve("many-run");
        CliRun written = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
            java.util.stream.Stream.of("--out", out.toString())).toArray(String[]::new));
        assertEquals(0, written.exit(), written.err());
        assertTrue(written.out().lines().toList().contains("  ... and 3 more groups (all of them in "
            + out.resolve("law.json") + ")"), written.out());
        assertEquals(23, LawDocument.read(out.resolve("law.json")).parameters().size());

        CliRun json = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
            java.util.stream.Stream.of("--json")).toArray(String[]::new));
        assertEquals(0, json.exit(), json.err());
        JsonNode parameters = Json.mapper().readTree(json.out()).get("parameters");
        assertEquals(23, parameters.size(), json.out());
        assertTrue(parameters.has("family-22"), json.out());
    }

    @Test
    void twentyGroupsAreAllPrintedWithoutASummaryLine() throws Exception {
        CliRun run = CliRun.of("fit", "--data", manyFamilies(dir.resolve("twenty.csv"), 20).toString(), "--features",
            "N", "--target", "loss", "--group", "family", "--law", "E + A / N^0.3", "--starts", "1");
        assertEquals(0, run.exit(), run.err());
        assertEquals(20, run.out().lines().filter(l -> l.startsWith("  family-")).count(), run.out());
        assertFalse(run.out().contains("more group"), run.out());
    }

    @Test
    void severalTargetsWordTheirParametersAndStartsAsDiscoverDoes() throws Exception {
        // observed: fit said "3 per target, 6 per group" where discover said "3 per group and target" of one count
        StringBuilder rows = new StringBuilder("family,N,loss,acc\n");
        for (String family : List.of("dense", "moe")) {
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
                double loss = 1.7 + 300 / Math.pow(n, 0.3);
                rows.append(family).append(',').append(n).append(',').append(loss).append(',').append(1 - loss / 4)
                    .append('\n');
            }
        }
        Path two = java.nio.file.Files.writeString(dir.resolve("two-targets.csv"), rows);
        CliRun run = CliRun.of("fit", "--data", two.toString(), "--features", "N", "--target", "loss,acc", "--group",
            "family", "--law", "E + A / N^a", "--starts", "2");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("parameters: 3 per group and target, 6 per group in all", lines.get(2));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fit:        2 starts per group and target, ")), run.out());
    }

    @Test
    void duplicateRunsThatHoldoutsCannotGradeAreGivenAsTheReasonForCrossValidation() throws Exception {
        // observed: every run given twice, the runs held out at the largest N were one value twice, which R² cannot
        // grade, and fit said it cross-validated "as no holdout along N left enough runs to fit on"
        StringBuilder rows = new StringBuilder("N,loss\n");
        for (double n : new double[] {1e6, 3e6, 1e7, 3e7, 1e8, 3e8, 1e9}) {
            String row = n + "," + (-3 + 50 / Math.pow(n, 0.25)) + "\n";
            rows.append(row).append(row);
        }
        Path twice = java.nio.file.Files.writeString(dir.resolve("twice.csv"), rows);
        CliRun run = CliRun.of("fit", "--data", twice.toString(), "--features", "N", "--target", "loss", "--law",
            "E + A * N^a", "--starts", "2");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(" (inside train, 5-fold cross-validation, as no holdout along N left enough runs to"
            + " fit on and held out runs whose targets differ, as discover judges laws)\n"),
            run.out());
    }

    @Test
    void aLawWithoutParametersListsNoGroups() throws Exception {
        CliRun run = CliRun.of("fit", "--data", manyFamilies(dir.resolve("fixed.csv"), 23).toString(), "--features",
            "N", "--target", "loss", "--group", "family", "--law", "1.5 + 300 / N^0.3");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("parameters: 0 per group", lines.get(2));
        assertTrue(lines.get(3).startsWith("train R²:"), run.out());
        assertTrue(lines.contains("fit:        none (the law has no parameters to fit; its constants are used as"
            + " written)"), run.out());
    }

    /** Runs of {@code loss = E + A / N^0.3} in {@code count} families, four model sizes each. */
    private static Path manyFamilies(Path file, int count) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("family,N,loss\n");
        for (int f = 0; f < count; f++) {
            for (double n : new double[] {1e7, 1e8, 1e9, 1e10}) {
                csv.append(String.format(java.util.Locale.ROOT, "family-%02d,%.0f,%.10f%n", f, n,
                    1.5 + 0.01 * f + 300 / Math.pow(n, 0.3)));
            }
        }
        java.nio.file.Files.writeString(file, csv);
        return file;
    }

    @Test
    void theHoldoutCanBeGivenIsPrintedAndIsRecordedForTheRunsToBeJudgedAlikeAgain() {
        CliRun chosen = fit();
        assertEquals(0, chosen.exit(), chosen.err());
        assertTrue(chosen.out().contains("(inside train, the runs at each group's largest N held out, and one level lower"
            + " in a second fold, as discover judges laws)"),
            chosen.out());
        Path out = dir.resolve("two");
        CliRun given = fit("--holdout", "top_values=2", "--out", out.toString());
        assertEquals(0, given.exit(), given.err());
        String line = "(inside train, the runs at each group's 2 largest N held out, as discover judges laws)";
        assertTrue(given.out().contains(line), given.out());
        LawDocument document = LawDocument.read(out.resolve("law.json"));
        assertEquals("top_values=2", document.provenance().data().holdout());
        CliRun again = CliRun.of("fit", "--law-file", out.resolve("law.json").toString(), "--starts", "4");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains(line), again.out());
        assertTrue(chosen.errorLines().contains("evosld: note: validation extrapolates along N, the first feature;"
            + " --scale-axis names the features your runs grow along (several, comma-separated, for a grid)"), chosen.err());
        CliRun grid = fit("--scale-axis", "N,D");
        assertEquals(0, grid.exit(), grid.err());
        assertFalse(grid.err().contains("the first feature"), "named: " + grid.err());
        assertTrue(grid.out().contains("(inside train, the runs at each group's largest N or D held out, as discover"),
            grid.out());
    }

    @Test
    void aLawThatFailsBeyondTheDataAlongAFeatureNoCheckPushedIsSaidAsDiscoverSaysIt() throws Exception {
        // validated along N alone; linear in D, the law falls without end beyond the largest D
        String linear = "E + A / N^a + B * D";
        Object unchecked = json(fitLaw(linear, "--json")).get("unchecked_beyond_data");
        assertEquals(Map.of("D", "implausible at 10× the largest D: -1.388 outside [-1.084, 9.740]"), unchecked);
        CliRun text = fitLaw(linear);
        assertTrue(text.out().contains("\nunchecked:  beyond the data in D, which validation never pushed, the law fails"
            + " the check of a scale axis (" + ((Map<?, ?>) unchecked).get("D") + "); if runs grow along D,"
            + " --scale-axis or --falls-with naming it has laws checked there\n"), text.out());
        // the data's own form holds beyond the data along D, and a checked D is left to the search's check
        assertEquals(Map.of(), json(fit("--json")).get("unchecked_beyond_data"));
        assertEquals(Map.of(), json(fitLaw(linear, "--falls-with", "D", "--json")).get("unchecked_beyond_data"));
    }

    private static CliRun fitLaw(String law, String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", csv.toString(), "--features", "N,D", "--target",
            "loss", "--group", "family", "--law", law, "--starts", "4"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Map<?, ?> json(CliRun run) throws Exception {
        assertEquals(0, run.exit(), run.err());
        return Json.mapper().readValue(run.out(), Map.class);
    }

    @Test
    void aFirstFeatureOfOneValueIsNotSaidToBeExtrapolatedAlong() throws Exception {
        // runs at one vocabulary size, its column first: the default axis that validation cannot grow along
        StringBuilder runs = new StringBuilder("vocab,N,D,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double d : new double[] {1e9, 1e10, 1e11}) {
                runs.append("32000,").append(n).append(',').append(d).append(',')
                    .append(1.7 + 400 / Math.pow(n, 0.3) + 300 / Math.pow(d, 0.28)).append('\n');
            }
        }
        Path fixed = dir.resolve("fixed-vocab.csv");
        java.nio.file.Files.writeString(fixed, runs);
        CliRun run = CliRun.of("fit", "--data", fixed.toString(), "--features", "vocab,N,D", "--target", "loss",
            "--law", LAW, "--starts", "4");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("(inside train, 5-fold cross-validation, as no holdout along vocab left enough runs"),
            run.out());
        assertEquals(List.of("evosld: note: vocab, the first feature, is 32000 in every train run, so validation cannot"
                + " extrapolate along it and cross-validates instead; --scale-axis names the features your runs grow"
                + " along (several, comma-separated, for a grid)"),
            run.errorLines().stream().filter(l -> l.contains("first feature")).toList());
    }

    @Test
    void aFeatureOfOneValueInEveryRunOrWithinEachGroupIsSaidToTellNothing() throws Exception {
        // D held at 5e9 in every run, V one value per family: neither can show how the loss depends on it
        StringBuilder runs = new StringBuilder("family,N,D,V,loss\n");
        for (String family : new String[] {"a", "b"}) {
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
                runs.append(family).append(',').append(n).append(",5e9,").append(family.equals("a") ? 32000 : 64000)
                    .append(',').append(1.7 + 400 / Math.pow(n, 0.3)).append('\n');
            }
        }
        Path fixed = dir.resolve("fixed-data.csv");
        java.nio.file.Files.writeString(fixed, runs);
        CliRun run = CliRun.of("fit", "--data", fixed.toString(), "--features", "N,D,V", "--target", "loss", "--group",
            "family", "--law", "E + A*N^alpha + B*D^beta", "--starts", "4");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(
                "evosld: note: 'D' is 5e9 in every train run, and each group's parameters are fitted apart, so the runs"
                    + " cannot show how the target depends on it; a law's terms in it are fitted to nothing (leave it out"
                    + " of --features unless it varies within a group)",
                "evosld: note: 'V' is one value within each group's train runs, and each group's parameters are fitted"
                    + " apart, so the runs cannot show how the target depends on it; a law's terms in it are fitted to"
                    + " nothing (leave it out of --features unless it varies within a group)"),
            run.errorLines().stream().filter(l -> l.contains("fitted apart")).toList());
        // features that vary within the groups get no such note
        CliRun varying = fit();
        assertEquals(0, varying.exit(), varying.err());
        assertEquals(List.of(), varying.errorLines().stream().filter(l -> l.contains("fitted apart")).toList());
    }

    @Test
    void aValidationThatFailsIsSaidWithoutParenthesesInParentheses() throws Exception {
        // 3 runs a group: the folds fit on 2 or fewer, too few for a law of 3 parameters, a reason with parentheses
        StringBuilder runs = new StringBuilder("family,N,loss\n");
        for (String family : new String[] {"a", "b"}) {
            for (double n : new double[] {1e7, 1e8, 1e9}) {
                runs.append(family).append(',').append(n).append(',').append(1.7 + 400 / Math.pow(n, 0.3))
                    .append('\n');
            }
        }
        Path few = dir.resolve("four-a-group.csv");
        java.nio.file.Files.writeString(few, runs);
        CliRun run = CliRun.of("fit", "--data", few.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--law", "E + A*N^alpha", "--starts", "4");
        assertEquals(0, run.exit(), run.err());
        String line = run.out().lines().filter(l -> l.startsWith("validation:")).findFirst().orElseThrow();
        assertTrue(line.startsWith("validation: fails: "), line);
        assertFalse(line.contains("))"), line);
    }

    @Test
    void withoutATestSplitTheJsonHasANullTestR2AndNoTestRows() throws Exception {
        CliRun run = fit("--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertTrue(json.get("test_r2").isNull(), run.out());
        assertFalse(json.get("test_split").booleanValue(), run.out());
        assertFalse(json.has("test_r2_failure"), run.out());
        assertEquals(1.0, json.get("train_r2").doubleValue(), 1e-9);
        // noiseless runs: every start that converges lands on the one exact fit, so none rests on one start
        assertEquals(json.get("groups").size(), json.get("fit").get("group_fits").intValue(), run.out());
        assertEquals(0, json.get("fit").get("single_start_optima").intValue(), run.out());
        for (JsonNode group : json.get("groups")) {
            assertEquals(18, group.get("train_rows").intValue(), run.out());
            assertFalse(group.has("test_rows"), run.out());
        }
    }

    @Test
    void theJsonsFitObjectKeepsItsKeysInOneOrderFromRunToRun() throws Exception {
        // a Map.of's order is drawn afresh at each start of the JVM, so the same fit printed its keys shuffled
        JsonNode fit = Json.mapper().readTree(fit("--json").out()).get("fit");
        assertEquals(List.of("starts", "seed", "loss", "iterations", "evaluations", "seconds", "group_fits",
            "single_start_optima"), List.copyOf(fit.propertyNames()));
    }

    @Test
    void withATestSplitTheJsonSaysThereIsOne() throws Exception {
        CliRun run = fit("--json", "--test-above", "N=1e9");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertTrue(json.get("test_r2").doubleValue() > 0.9999, run.out());
        assertTrue(json.get("test_split").booleanValue(), run.out());
        assertEquals(3, json.get("groups").get(0).get("test_rows").intValue(), run.out());
        assertEquals("top_values=1", json.get("holdout").stringValue(), run.out());
        JsonNode folds = Json.mapper().readTree(fit("--json", "--holdout", "folds=4").out());
        assertEquals("folds=4", folds.get("holdout").stringValue());
    }

    @Test
    void aTestSplitOfOneRunHasAnUndefinedTestR2NotAFailedOneAndKeepsItsMiss() throws Exception {
        // the next, larger run as the test: the law did not fail on it, R² cannot grade a single run
        Path train = dir.resolve("sizes.csv");
        java.nio.file.Files.writeString(train, "N,loss\n1,3.0\n2,2.5\n4,2.2\n8,2.1\n16,2.05\n32,2.02\n");
        Path next = dir.resolve("next.csv");
        java.nio.file.Files.writeString(next, "N,loss\n64,2.01\n");
        List<String> args = new ArrayList<>(List.of("fit", "--data", train.toString(), "--test", next.toString(),
            "--features", "N", "--target", "loss", "--law", "E + A*N^-a", "--starts", "4"));
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        String line = text.out().lines().filter(l -> l.startsWith("test R²:")).findFirst().orElseThrow();
        assertTrue(line.startsWith("test R²:    undefined (target 'loss' has a single run scored, and R² needs runs"
            + " that differ) (missed by "), text.out());
        args.add("--json");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertTrue(json.get("test_r2").isNull(), run.out());
        assertFalse(json.has("test_r2_failure"), "nothing failed: " + run.out());
        assertEquals("target 'loss' has a single run scored, and R² needs runs that differ",
            json.get("test_r2_undefined").stringValue(), run.out());
        assertTrue(json.get("test_rmse").get("loss").doubleValue() < 0.05, run.out());
    }

    @Test
    void theJsonHoldoutIsTheCrossValidationUsedWhenNoHoldoutAlongTheAxisLeftEnoughRuns() throws Exception {
        // train keeps N = 1e7 and 3e7 only: holding out the top leaves one size to fit on, so 5 folds are used
        List<String> args = List.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "E + B / D^b", "--starts", "4", "--test-above", "N>=1e8");
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("(inside train, 5-fold cross-validation, as no holdout along N left enough runs"
            + " to fit on and held out runs whose targets differ, as discover judges laws)"), text.out());
        List<String> json = new ArrayList<>(args);
        json.add("--json");
        CliRun run = CliRun.of(json.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertEquals("folds=5", Json.mapper().readTree(run.out()).get("holdout").stringValue(), run.out());
    }

    @Test
    void aCrossValidationOfWhichOnlySomeFoldsGradeIsRecordedAsTheFoldsItWasMadeOf() throws Exception {
        // two families of four sizes: no holdout along N leaves enough runs, and of the 5 folds one can be graded;
        // "folds=1", which --holdout refuses, named no validation a user could ask for
        Path runs = fourSizes();
        List<String> args = List.of("fit", "--data", runs.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--law", "E + A/N", "--starts", "4");
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("(inside train, 5-fold cross-validation, as no holdout along N left enough runs"
            + " to fit on and held out runs whose targets differ (1 of the 5 folds graded; the others held out no runs, or runs R² cannot grade), as discover"
            + " judges laws)"), text.out());
        List<String> json = new ArrayList<>(args);
        json.add("--json");
        CliRun run = CliRun.of(json.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertEquals("folds=5", Json.mapper().readTree(run.out()).get("holdout").stringValue(), run.out());
    }

    /** Two families of four sizes that scored alike: along N no holdout leaves enough runs, and one fold grades. */
    private Path fourSizes() throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("four-sizes.csv"), "family,N,loss\n"
            + "g,1,3.3\ng,2,2.8\ng,4,2.55\ng,8,2.425\nh,1,3.3\nh,2,2.8\nh,4,2.55\nh,8,2.425\n");
    }

    @Test
    void askedForFoldsOfWhichOnlySomeGradeAreToldAsTheFoldsAskedFor() throws Exception {
        // with --holdout folds=5 on four sizes a family, one fold can be graded: "1-fold cross-validation" named a
        // validation no one asked for and --holdout refuses
        Path runs = fourSizes();
        CliRun text = CliRun.of("fit", "--data", runs.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--law", "E + A/N", "--starts", "4", "--holdout", "folds=5");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("(inside train, 5-fold cross-validation (1 of the 5 folds graded; the others"
            + " held out no runs, or runs R² cannot grade), as discover judges laws)"), text.out());
    }

    @Test
    void aLawWhoseFoldFitsNeedTheFullFitsStartIsValidatedNotFailed() throws Exception {
        // loss = 2 + 1.5 exp(-N / 5e8) exactly: none of the six starts a search gives a new law finds a finite fit
        // of the folds (exp(N/k) overflows for every typical k), while the fit on all of train finds the law
        Path runs = dir.resolve("saturating.csv");
        StringBuilder csv = new StringBuilder("N,loss\n");
        for (double n : new double[] {1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10}) {
            csv.append(n).append(',').append(2 + 1.5 * Math.exp(-n / 5e8)).append('\n');
        }
        java.nio.file.Files.writeString(runs, csv);
        List<String> args = new ArrayList<>(List.of("fit", "--data", runs.toString(), "--features", "N", "--target",
            "loss", "--law", "E + A*exp(N/k)", "--starts", "32"));
        CliRun text = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.contains("train R²:   1.000000"), text.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("validation: R² 1.000000 (inside train")), text.out());
        // the quick verdict is not hidden: it is why discover may have scored the law otherwise
        assertTrue(lines.contains("            start-dependent: fitted from the search's 6 generic starts alone, the folds"
            + " fail it (no start gave finite predictions on all 8 rows; the run at N = 1e7 and 7 more runs gave a"
            + " non-finite prediction at every start)"), text.out());
        args.add("--json");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertEquals(1.0, json.get("validation_r2").doubleValue(), 1e-9, run.out());
        assertFalse(json.has("validation_failure"), run.out());
        assertTrue(json.get("validation_start_dependent").booleanValue(), run.out());
        assertTrue(json.get("search_validation_r2").isNull(), run.out());
        assertTrue(json.get("search_validation_failure").stringValue().startsWith("no start gave finite predictions"),
            run.out());
    }

    @Test
    void refittingALawFileStartsFromItsRecordedValuesSoItFitsAtLeastAsWell() throws Exception {
        // loss = 2 + 1.5 exp(-N / 5e8) exactly: of 32 starts one finds the law, of the first 8 none gives a finite fit
        Path runs = dir.resolve("recorded-saturating.csv");
        StringBuilder csv = new StringBuilder("N,loss\n");
        for (double n : new double[] {1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10}) {
            csv.append(n).append(',').append(2 + 1.5 * Math.exp(-n / 5e8)).append('\n');
        }
        java.nio.file.Files.writeString(runs, csv);
        Path recorded = dir.resolve("recorded-saturating");
        CliRun first = CliRun.of("fit", "--data", runs.toString(), "--features", "N", "--target", "loss", "--law",
            "E + A*exp(N/k)", "--starts", "32", "--out", recorded.toString());
        assertEquals(0, first.exit(), first.err());

        CliRun again = CliRun.of("fit", "--law-file", recorded.resolve("law.json").toString(), "--starts", "8", "--json");

        assertEquals(0, again.exit(), again.err());
        JsonNode json = Json.mapper().readTree(again.out());
        assertEquals(1.0, json.get("train_r2").doubleValue(), 1e-9, again.out());
        assertEquals(-5e8, json.get("parameters").get("all").get("k").doubleValue(), 1, again.out());
    }

    @Test
    void theScaleAxisIsRecordedWithoutATestSplit() {
        Path out = dir.resolve("axis");
        CliRun run = fit("--scale-axis", "D", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("D", LawDocument.read(out.resolve("law.json")).provenance().data().scaleAxis());
    }

    @Test
    void aLawFileAloneIsFittedToTheDataItsRunRecorded() throws Exception {
        Path recorded = dir.resolve("recorded");
        assertEquals(0, fit("--out", recorded.toString()).exit());
        CliRun again = CliRun.of("fit", "--law-file", recorded.resolve("law.json").toString(), "--starts", "4", "--json");
        assertEquals(0, again.exit(), again.err());
        JsonNode json = Json.mapper().readTree(again.out());
        assertEquals(1.0, json.get("train_r2").doubleValue(), 1e-9);
        assertEquals(1.7, json.get("parameters").get("dense").get("E").doubleValue(), 1e-6);
        assertEquals(2, json.get("groups").size(), "both of the recorded CSV's groups");
    }

    @Test
    void aRunsFolderGivenForItsLawFileIsPointedToTheLawFileInIt() throws Exception {
        Path recorded = dir.resolve("recorded-folder");
        assertEquals(0, fit("--out", recorded.toString()).exit());
        assertOneLineError(recorded + ": a folder, not a file; give the run's law file, " + recorded.resolve("law.json"),
            CliRun.of("fit", "--law-file", recorded.toString(), "--starts", "4"));
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("no-run"));
        assertOneLineError(empty + ": a folder, not a file", CliRun.of("fit", "--law-file", empty.toString()));
    }

    @Test
    void aLawWithATermAddedWithANegativeFactorIsReportedWithAMinus() throws Exception {
        Path out = dir.resolve("minus");
        CliRun run = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "E + -1*A*N^(-a) + B / D^b", "--starts", "4", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().toList().contains("law:        E - A * N^(-a) + B / D^b"), run.out());
        LawDocument document = LawDocument.read(out.resolve("law.json"));
        assertEquals("E - A * N^(-a) + B / D^b", document.law());
        // the same values as the law given: A is the negative of the runs' coefficient
        assertEquals(-400, ((Number) ((java.util.Map<?, ?>) document.parameters().get("dense")).get("A")).doubleValue(),
            1e-3);
    }

    @Test
    void withoutDataOrARecordingLawFileFitIsAUsageError() {
        CliRun run = CliRun.of("fit", "--law", LAW);
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("evosld: Missing required argument: --task=TASK, or --data=CSV with --features and"
            + " --target (or a --law-file whose run recorded its data) (see: evosld fit --help)"), run.allErrorLines());
        CliRun eval = CliRun.of("eval", "--law", LAW, "--params", csv.toString());
        assertEquals(2, eval.exit(), eval.err());
        assertTrue(eval.err().startsWith("evosld: Missing required argument: --task=TASK, or --data=CSV"), eval.err());
        CliRun typo = CliRun.of("fit", "--law", LAW, "--start", "4");
        assertEquals(2, typo.exit());
        assertEquals(List.of("evosld: unknown option --start; did you mean --starts? (see: evosld fit --help)"),
            typo.allErrorLines());
        CliRun twice = CliRun.of("fit", "--task", "moe_scaling_law", "--task", "sft_scaling_law", "--law", LAW);
        assertEquals(List.of("evosld: --task given twice (give it once) (see: evosld fit --help)"), twice.allErrorLines());
        CliRun laws = CliRun.of("fit", "--task", "moe_scaling_law", "--law", "E", "--law", "A");
        assertEquals(List.of("evosld: --law given twice (give it once) (see: evosld fit --help)"), laws.allErrorLines());
        CliRun both = CliRun.of("fit", "--task", "moe_scaling_law", "--data", csv.toString(), "--features", "N",
            "--target", "loss", "--law", LAW);
        assertEquals(List.of("evosld: --task and --data given together (give one of them) (see: evosld fit --help)"),
            both.allErrorLines());
        // without --features and --target, picocli asked for them, as though --data were meant
        for (String command : List.of("fit --law E", "eval --law E", "discover --no-llm")) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--task", "moe_scaling_law", "--data", csv.toString()));
            CliRun alone = CliRun.of(args.toArray(String[]::new));
            assertEquals(List.of("evosld: --task and --data given together (give one of them) (see: evosld "
                + args.getFirst() + " --help)"), alone.allErrorLines());
        }
        CliRun budget = CliRun.of("fit", "--task", "moe_scaling_law", "--budget", "5", "--law", LAW);
        assertEquals(List.of("evosld: an option of your own CSV (such as --budget, --trend or --holdout) goes with --data,"
            + " not --task, whose config sets it (see: evosld fit --help)"), budget.allErrorLines());
        CliRun instant = CliRun.of("discover", "--task", "moe_scaling_law", "--time-limit", "0s");
        assertEquals(List.of("evosld: Invalid value for option '--time-limit': a duration of '0s' leaves no time (try 90s,"
            + " 5m, 1h30m or a number of seconds) (see: evosld discover --help)"), instant.allErrorLines());
    }

    @Test
    void aLossOfAnyCaseIsTakenAndAnUnknownOneNamedAsTheHelpWritesThem() throws Exception {
        JsonNode huber = Json.mapper().readTree(fit("--loss", "HUBER", "--json").out());
        assertEquals("huber", huber.get("fit").get("loss").stringValue());
        assertOneLineError(2, "evosld: Invalid value for option '--loss': 'l1' is no loss this fit knows; give squared or"
            + " huber (see: evosld fit --help)", fit("--loss", "l1"));
    }

    @Test
    void moreStartsThanAFitCanCountAndHoldAreAUsageErrorNamingTheLimit() {
        // 2147483647 ran out of memory making the starts' points; the limit is the most whose evaluations an int counts
        for (String[] starts : new String[][] {{"2147483647", "at most 1000000"}, {"1000001", "at most 1000000"},
            {"0", "at least 1"}}) {
            assertOneLineError(2, "evosld: --starts must be " + starts[1] + ", got " + starts[0]
                + " (see: evosld fit --help)", CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target",
                "loss", "--group", "family", "--law", LAW, "--starts", starts[0]));
        }
    }

    @Test
    void fitsWhoseStartsDisagreeAreToldOfMoreStartsUpToTheMostAFitTakes() {
        assertEquals("--starts 2048", FitCommand.moreStarts(512));
        // four times either is more than a fit takes (and four times 600000000 overflowed to a negative number)
        assertEquals("--starts 1000000", FitCommand.moreStarts(300_000));
        assertEquals("--starts 1000000", FitCommand.moreStarts(600_000));
        assertEquals("another --seed", FitCommand.moreStarts(1_000_000));
    }

    @Test
    void theHumanLawWithYourOwnRunsIsSaidToBeAnSldbenchTasksNotTheFilesOwn() {
        // was "task 'runs' has no human law", a file taken for a task
        String expected = "evosld: --law human is the human-designed law of an SLDBench task, given with --task ("
            + String.join(", ", dev.evosld.data.TaskConfig.builtinTasks()) + "); for your own runs write the law as a"
            + " formula (see: evosld ";
        assertOneLineError(2, expected + "fit --help)", CliRun.of("fit", "--data", csv.toString(), "--features", "N,D",
            "--target", "loss", "--group", "family", "--law", "human"));
        assertOneLineError(2, expected + "eval --help)", CliRun.of("eval", "--data", csv.toString(), "--features", "N,D",
            "--target", "loss", "--group", "family", "--law", "human"));
    }

    @Test
    void aLawNamingAColumnOfTheTestFileAloneIsAnErrorRatherThanAConstantFitted() throws Exception {
        // train has no values of lr, so the law fitted a constant lr per group and scored test with it
        Path train = dir.resolve("train-without-lr.csv");
        java.nio.file.Files.writeString(train, "g,N,loss\na,1e6,3.1\na,1e7,2.6\na,1e8,2.3\na,1e9,2.1\n");
        Path test = dir.resolve("test-with-lr.csv");
        java.nio.file.Files.writeString(test, "g,N,lr,loss\na,1e10,0.01,2.0\n");
        for (String command : List.of("fit", "eval")) {
            List<String> args = new ArrayList<>(List.of(command, "--data", train.toString(), "--test", test.toString(),
                "--features", "N", "--target", "loss", "--group", "g", "--law", "E + A*N^-a*lr"));
            if (command.equals("eval")) {
                java.nio.file.Files.writeString(dir.resolve("lr.json"), "{\"a\": {\"E\": 2, \"A\": 1, \"a\": 0.1, \"lr\": 1}}");
                args.addAll(List.of("--params", dir.resolve("lr.json").toString()));
            }
            assertOneLineError("--law: 'lr' is a column of " + test + " alone, not of " + train + ", so the law would take"
                + " it as a parameter, one constant per group; a law can use only columns both files have, so rename the"
                + " parameter", CliRun.of(args.toArray(String[]::new)));
        }
    }

    @Test
    void badSplitsAreOneLineErrors() {
        assertOneLineError(2, "--data takes at most one of --test-above COL=VALUE and --test CSV",
            fit("--test-above", "N=1e9", "--test", csv.toString()));
        assertOneLineError(2, "--scale-axis 'M' is not a feature (features: N, D)", fit("--scale-axis", "M"));
    }

    @Test
    void aNameThatCannotBeMeantAsAParameterIsAnError() {
        List<String> onlyN = List.of("fit", "--data", csv.toString(), "--features", "N", "--target", "loss", "--group",
            "family");
        List<String> forgotten = new ArrayList<>(onlyN);
        forgotten.addAll(List.of("--law", LAW));
        assertOneLineError("--law: 'D' is a column of the data but not a feature, so the law would take it as a parameter,"
            + " one constant per group: add it to --features, or rename the parameter", CliRun.of(forgotten.toArray(String[]::new)));
        assertOneLineError("--law: 'n' would be a parameter, one constant per group; the feature is 'N' (names are case-sensitive)",
            CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
                "--law", "E + A / n^a + B / D^b"));
    }

    @Test
    void aLawWithoutAFeatureIsNotedAsOneValuePerGroup() {
        CliRun run = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", "A*foo^b", "--starts", "4");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.errorLines().contains("evosld: note: the law uses none of the features (N, D), so it predicts one"
            + " value per group; every name in it is a parameter"), run.err());
        assertFalse(fit().err().contains("none of the features"), "a law with features has no note");
    }

    @Test
    void aPowerOfAFeatureThatIsZeroOrBelowIsNoted() throws Exception {
        Path negative = dir.resolve("negative.csv");
        java.nio.file.Files.writeString(negative, "N,loss\n-1e6,3.5\n1e7,2.6\n1e8,2.3\n1e9,2.1\n1e10,2.0\n");
        CliRun run = CliRun.of("fit", "--data", negative.toString(), "--features", "N", "--target", "loss", "--law",
            "E + A*N^-a", "--starts", "4");
        assertTrue(run.errorLines().contains("evosld: note: N is below 0 in 1 train run (N = -1e6), where the"
            + " law's power or root of it is not a real number"), run.err());
        Path zero = dir.resolve("zero.csv");
        java.nio.file.Files.writeString(zero, "N,loss\n0,3.5\n1e7,2.6\n1e8,2.3\n1e9,2.1\n1e10,2.0\n");
        CliRun power = CliRun.of("fit", "--data", zero.toString(), "--features", "N", "--target", "loss", "--law",
            "E + A*N^a", "--starts", "4");
        assertFalse(power.err().contains("evosld: note: N"), "0^a is 0 for a > 0: " + power.err());
        CliRun logarithm = CliRun.of("fit", "--data", zero.toString(), "--features", "N", "--target", "loss", "--law",
            "E + A*log(N + 1) + B*log(N)", "--starts", "4");
        assertTrue(logarithm.errorLines().contains("evosld: note: N is 0 or below in 1 train run (N = 0), where the"
            + " law's logarithm of it is not a real number"), logarithm.err());
        CliRun log = CliRun.of("fit", "--data", negative.toString(), "--features", "N", "--target", "loss", "--law",
            "E + A*N^2", "--starts", "4");
        assertFalse(log.err().contains("0 or below"), "a whole power is defined: " + log.err());
    }

    @Test
    void aLawFileWhoseVariableTheDataLacksIsAnError() {
        Path out = dir.resolve("both");
        assertEquals(0, fit("--out", out.toString()).exit());
        CliRun run = CliRun.of("fit", "--data", csv.toString(), "--features", "N", "--target", "loss", "--group",
            "family", "--law-file", out.resolve("law.json").toString());
        assertOneLineError(out.resolve("law.json") + ": the law's variable 'D' is not a feature of runs (features: N)", run);
    }

    @Test
    void refittingALawFileSaysWhenItsDataHasChangedSince() throws Exception {
        Path own = dir.resolve("changing.csv");
        java.nio.file.Files.copy(csv, own);
        Path out = dir.resolve("changing");
        CliRun first = CliRun.of("fit", "--data", own.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--law", LAW, "--starts", "4", "--out", out.toString());
        assertEquals(0, first.exit(), first.err());
        String law = out.resolve("law.json").toString();
        CliRun same = CliRun.of("fit", "--law-file", law, "--starts", "4");
        assertEquals(List.of(), same.errorLines().stream().filter(l -> l.contains("differs")).toList());
        java.nio.file.Files.writeString(own, java.nio.file.Files.readString(own).replace("1e7", "1.1e7"));
        java.nio.file.Files.writeString(own, java.nio.file.Files.readString(own) + "dense,1e8,1e9,5.0\n");
        CliRun changed = CliRun.of("fit", "--law-file", law, "--starts", "4");
        assertEquals(0, changed.exit(), changed.err());
        String checksum = LawDocument.read(out.resolve("law.json")).provenance().dataChecksum();
        assertTrue(changed.errorLines().contains("evosld: note: the data differs from the run's (checksum "
            + checksum.substring(0, 12) + "…), so its rows are read as they are now"), changed.err());
    }

    @Test
    void outNamingAFileIsRefusedBeforeTheFitAsDiscoverRefusesIt() throws Exception {
        Path file = dir.resolve("not-a-folder");
        java.nio.file.Files.writeString(file, "mine");
        // a fit that would fail shows which comes first: with thousands of groups the fit takes minutes
        Path small = dir.resolve("failing.csv");
        java.nio.file.Files.writeString(small, "g,N,loss\na,1e6,3.1\na,1e7,2.6\na,1e8,2.3\nb,1e6,3.2\nb,1e7,2.7\n");
        CliRun run = CliRun.of("fit", "--data", small.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--law", "E + A*N^-a", "--out", file.toString());
        assertOneLineError(file + ": a file, not a folder; give a folder for the run", run);
        assertEquals("mine", java.nio.file.Files.readString(file));
    }

    @Test
    void outUnderAFileIsRefusedBeforeTheFitAsDiscoverRefusesIt() throws Exception {
        Path file = dir.resolve("a-file");
        java.nio.file.Files.writeString(file, "mine");
        // a fit that would fail shows which comes first: the folder was found unwritable once the fit had run
        Path small = dir.resolve("failing-under.csv");
        java.nio.file.Files.writeString(small, "g,N,loss\na,1e6,3.1\na,1e7,2.6\na,1e8,2.3\nb,1e6,3.2\nb,1e7,2.7\n");
        Path out = file.resolve("sub/run");
        CliRun run = CliRun.of("fit", "--data", small.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--law", "E + A*N^-a", "--out", out.toString());
        // discover's words for the same folder
        assertOneLineError("cannot use " + out + " as a run directory: " + file + " is a file, not a folder", run);
        assertEquals("mine", java.nio.file.Files.readString(file));
    }

    @Test
    void aGroupWithFewerRunsThanTheLawsParametersFailsTheFit() throws Exception {
        Path small = dir.resolve("small.csv");
        java.nio.file.Files.writeString(small, "g,N,loss\na,1e6,3.1\na,1e7,2.6\na,1e8,2.3\nb,1e6,3.2\nb,1e7,2.7\n");
        CliRun run = CliRun.of("fit", "--data", small.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--law", "E + A*N^-a");
        assertOneLineError("fit failed for group 'b', target 'loss': 2 runs to fit 3 parameters on (a law needs at least"
            + " as many runs per group as parameters)", run);
    }

    @Test
    void aGroupNameHoldingALineBreakIsRefusedInOneLineBeforeAMessageCouldBreakOnIt() throws Exception {
        // the group would fail the fit as above, and the message naming it would run over two lines
        Path broken = dir.resolve("broken.csv");
        java.nio.file.Files.writeString(broken, "g,N,loss\na,1e6,3.1\na,1e7,2.6\na,1e8,2.3\n\"b\nv2\",1e6,3.2\n"
            + "\"b\nv2\",1e7,2.7\n");
        CliRun run = CliRun.of("fit", "--data", broken.toString(), "--features", "N", "--target", "loss", "--group", "g",
            "--law", "E + A*N^-a");
        assertOneLineError(broken + ":5: column 'g': 'b\\nv2' holds a line break; a group name must fit on one line,"
            + " as the messages and tables that name it do, so join its lines", run);
    }

    @Test
    void aTargetOfOneValueInEveryTrainRunIsRefusedAsDiscoverRefusesIt() throws Exception {
        // a law can fit a constant exactly, but R² divides by its spread of 0: the user most likely named a wrong column
        Path constant = dir.resolve("constant.csv");
        java.nio.file.Files.writeString(constant, "g,N,loss\na,1,3\na,2,3\na,4,3\nb,1,3\nb,2,3\nb,4,3\n");
        Path out = dir.resolve("constant-run");
        for (String[] extra : new String[][] {{}, {"--json"}}) {
            List<String> args = new ArrayList<>(List.of("fit", "--data", constant.toString(), "--features", "N",
                "--target", "loss", "--group", "g", "--law", "E + A*N^-a", "--out", out.toString()));
            args.addAll(List.of(extra));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertOneLineError(constant + ": target 'loss' is 3 in every train run, so there is nothing for a law to"
                + " explain (R² would be undefined)", run);
            assertFalse(java.nio.file.Files.exists(out.resolve("law.json")), "no run to predict from");
        }
        assertOneLineError(out + ": no such run directory", CliRun.of("predict", "--run", out.toString(), "--at", "N=8"));
        // a test split leaves train constant: the same
        Path split = dir.resolve("constant-train.csv");
        java.nio.file.Files.writeString(split, "N,loss\n1,3\n2,3\n4,3\n8,2.5\n");
        assertOneLineError(split + ": target 'loss' is 3 in every train run, so there is nothing for a law to explain"
            + " (R² would be undefined)", CliRun.of("fit", "--data", split.toString(), "--features", "N", "--target",
            "loss", "--test-above", "N=4", "--law", "E"));
    }

    static void assertOneLineError(String expected, CliRun run) {
        assertOneLineError(1, expected, run);
    }

    static void assertOneLineError(int exit, String expected, CliRun run) {
        assertEquals(exit, run.exit(), run.err());
        assertEquals(1, run.allErrorLines().size(), run.err());
        assertTrue(run.allErrorLines().getFirst().startsWith("evosld: "), run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }
}
