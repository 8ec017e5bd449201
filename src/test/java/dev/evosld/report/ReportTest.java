package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.law.Law;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ReportTest {
    private static final String LAW = "E + A / N^alpha + B / D^beta";
    private static final Pattern REFERENCE = Pattern.compile("(?:src|srcset|href)=\"([^\"#: ]+)[\" ]");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    /** A run of the law on made-up runs of {@code groups} model families, with the values they were made with. */
    private RunDirectory run(int groups) throws Exception {
        return run(groups, UserData.ScaleRule.parse("N=1e9"));
    }

    /** {@link #run(int)} with the rows split by {@code split}; without a test split, no test R² is recorded. */
    private RunDirectory run(int groups, UserData.Split split) throws Exception {
        return run(groups, split, List.of("loss"));
    }

    /** {@link #run(int, UserData.Split)} of the law fitted to each of {@code targets}, made with other values each. */
    private RunDirectory run(int groups, UserData.Split split, List<String> targets) throws Exception {
        StringBuilder csv = new StringBuilder("family,N,D," + String.join(",", targets) + "\n");
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (int g = 0; g < groups; g++) {
            String family = g == 0 ? "<b>\"quoted\" & co</b>" : "family " + g;
            double[][] p = new double[targets.size()][];
            for (int t = 0; t < targets.size(); t++) {
                p[t] = new double[] {1.5 + 0.1 * g + t, 300 + 10 * g, 0.3, 500, 0.28 + 0.01 * t};
            }
            values.put(family, p);
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
                for (double d : new double[] {1e9, 1e11}) {
                    csv.append('"').append(family.replace("\"", "\"\"")).append('"')
                        .append(String.format(Locale.ROOT, ",%.0f,%.0f", n, d));
                    for (double[] q : p) {
                        double loss = q[0] + q[1] / Math.pow(n, q[2]) + q[3] / Math.pow(d, q[4]) + 1e-3 * Math.sin(n + d);
                        csv.append(String.format(Locale.ROOT, ",%.10f", loss));
                    }
                    csv.append('\n');
                }
            }
        }
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, csv);
        UserData user = new UserData(file, List.of("N", "D"), targets, "family", 6, split);
        boolean testSplit = !(split instanceof UserData.NoTest);
        Law law = Law.parse(LAW, user.features());
        ParameterSet parameters = ParameterSet.of(law.parameters(), targets, values);
        LawDocument document = LawDocument.of("test", user.taskName(), law, parameters, user.load().train().table(),
            new LawDocument.Metrics(0.987654321, 0.97, null, testSplit ? 0.95 : null, null, testSplit, law.parameterCount(),
                law.expr().size()),
            new LawDocument.Provenance("fit", DataSource.csv(user, user.load().config()), "c0ffee", 42,
                "2026-03-04T05:06:07Z"));
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        document.write(run.lawFile());
        return run;
    }

    private TaskData data(RunDirectory run) {
        return run.readLaw().provenance().data().load(null);
    }

    @Test
    void showsTheLawMetricsAndParameters() throws Exception {
        RunDirectory run = run(2);
        Path report = Report.write(run, data(run));
        assertEquals(run.reportFile(), report);
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<math display=\"block\">"), "the law as MathML");
        assertTrue(html.contains("<code>E + A / N^alpha + B / D^beta</code>"), "the law in the law language");
        assertTrue(html.contains("<mi>α</mi>") && html.contains("<mi>β</mi>"), "Greek parameters");
        for (String metric : List.of("<tr><th>train R²</th><td>0.987654</td></tr>",
            "<tr><th>validation R²</th><td>0.970000</td></tr>", "<tr><th>test R²</th><td>0.950000</td></tr>",
            "<tr><th>parameters</th><td>5 per group</td></tr>", "<tr><th>nodes</th><td>13</td></tr>",
            "<tr><th>task</th><td>runs</td></tr>", "<tr><th>seed</th><td>42</td></tr>",
            "<tr><th>data checksum</th><td><code>c0ffee</code></td></tr>")) {
            assertTrue(html.contains(metric), metric);
        }
        assertTrue(html.contains("&lt;b&gt;&quot;quoted&quot; &amp; co&lt;/b&gt;"), "group names escaped");
        assertFalse(html.contains("<b>\"quoted\""), "no raw group name");
        assertFalse(html.contains("&amp;quot;") || html.contains("&amp;lt;"), "escaped once, in the alternative text too");
        assertTrue(html.contains(" alt=\"Group &lt;b&gt;&quot;quoted&quot; &amp; co&lt;/b&gt;"), "the plot's alternative text");
        assertTrue(html.contains("<span title=\"300.0\">300</span>"), "parameter values, exact in the tooltip");
        assertFalse(html.contains("{{"), "every placeholder filled");
        assertFalse(html.contains("id=\"pareto\""), "no Pareto section without pareto.json");
        assertFalse(html.contains("id=\"history\""), "no history section without history.json");
        assertEveryReferenceExists(run, html);
    }

    @Test
    void theParametersTableCountsEachGroupsRowsBesideItsError() throws Exception {
        // a user's two families of 33 and 4 runs: the table gave the small one's three parameters and an RMSE of 0.0013
        // beside the large one's 0.020, with nothing to say that it was fitted to 4 runs, a law of 3 parameters all but
        // passing through them, where discover had noted it on the console
        RunDirectory run = run(2);
        Path csv = dir.resolve("runs.csv");
        List<String> lines = Files.readAllLines(csv);
        // family 1 keeps its runs at N = 1e7 and 3e9 alone: 2 train rows and 2 test rows, where the other has 10 and 2
        Files.write(csv, lines.stream().filter(l -> !l.startsWith("\"family 1\"") || l.contains(",10000000,")
            || l.contains(",3000000000,")).toList());
        String html = Files.readString(Report.write(run, data(run)));
        // beside the group's name, in view however wide a table of many parameters is
        assertTrue(html.contains("<thead><tr><th>group</th><th class=\"num\">train rows</th>"
            + "<th class=\"num\">test rows</th><th class=\"num\">"), html);
        assertTrue(html.contains("<tr><td class=\"group\">family 1</td><td class=\"num\">2</td><td class=\"num\">2</td>"),
            html);
        assertTrue(html.contains("<tr><td class=\"group\">&lt;b&gt;&quot;quoted&quot; &amp; co&lt;/b&gt;</td>"
            + "<td class=\"num\">10</td><td class=\"num\">2</td>"), html);
    }

    @Test
    void severalTargetsGetABlockOfRowsEachUnderItsNameRatherThanAColumn() throws Exception {
        // domain_mixture's table gave each group a row per target, the target's name in a column of its own beside seven
        // parameters, two counts of rows and two RMSEs: 1430 pixels wide in a box of 1161 in a laptop's window of 1366, a
        // reader scrolled sideways to each row's error
        RunDirectory run = run(2, UserData.ScaleRule.parse("N=1e9"), List.of("loss", "error"));
        String html = Files.readString(Report.write(run, data(run)));
        String section = html.substring(html.indexOf("<section id=\"parameters\">"),
            html.indexOf("</section>", html.indexOf("<section id=\"parameters\">")));
        assertFalse(section.contains("<th>target</th>"), section);
        // one table, so that the columns of one target's rows line up with the next's
        assertTrue(section.contains("<div class=\"scroll\"><table class=\"parameters\">\n<thead><tr><th>group</th>"
            + "<th class=\"num\">train rows</th><th class=\"num\">test rows</th><th class=\"num\"><math><mi>E</mi>"), section);
        assertEquals(1, count(section, "<table"), section);
        // a heading across the whole table (group, two counts, five parameters and two errors) before each target's rows
        int loss = section.indexOf("<tbody>\n<tr class=\"target\"><th colspan=\"10\">Target <code>loss</code></th></tr>\n");
        int error = section.indexOf("<tbody>\n<tr class=\"target\"><th colspan=\"10\">Target <code>error</code></th></tr>\n");
        assertTrue(loss >= 0 && error > loss, section);
        // a row per group in each block, its parameters for that target: E is 1.6 for family 1's loss, 2.6 for its error
        String family1 = "<tr><td class=\"group\">family 1</td><td class=\"num\">10</td><td class=\"num\">2</td>";
        assertTrue(section.indexOf(family1 + "<td class=\"num\"><span title=\"1.6\">1.6</span></td>", loss) < error, section);
        assertTrue(section.indexOf(family1 + "<td class=\"num\"><span title=\"2.6\">2.6</span></td>", error) > error,
            section);
        assertEquals(2 * 2, count(section, "<tr><td class=\"group\">"), section);
        assertTrue(section.contains("RMSE over the group's rows, in the target's units."), section);
        // narrower numbers' columns, so that domain_mixture's fits the window (1159 pixels of 1161, measured in Chromium)
        assertTrue(html.contains("table.parameters { font-size: 14px; }\n"
            + "table.parameters td.num, table.parameters th.num { padding-right: 0; }\n"), html);
    }

    @Test
    void theScoresWriteHowFarPredictionsMissedAsTheRestOfThePageWritesNumbers() throws Exception {
        // a count in the billions missed by 2.000e+09 and a loss by 0.006960, where every other figure of the page, and
        // discover, write 2×10⁹ and 0.00696
        RunDirectory run = run(1);
        Files.writeString(run.lawFile(), Files.readString(run.lawFile())
            .replaceAll("\"validation_rmse\"\\s*:\\s*null", "\"validation_rmse\": {\"loss\": 2.0E9}")
            .replaceAll("\"test_rmse\"\\s*:\\s*null", "\"test_rmse\": {\"loss\": 0.0069601}"));
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("<tr><th>validation RMSE</th><td><span title=\"2.0E9\">2&#x00D7;10<sup>9</sup></span>"
            + "</td></tr>"), html);
        assertTrue(html.contains("<tr><th>test RMSE</th><td><span title=\"0.0069601\">0.00696</span></td></tr>"), html);
    }

    @Test
    void theSplitRuleIsShownAsTheUserWritesNumbersEvenAsAnOlderRunRecordedIt() throws Exception {
        RunDirectory run = run(1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains(", test rows N&gt;1e9</td>"), html);
        // runs written before rules were recorded as written hold Java's form of the number
        Files.writeString(run.lawFile(), Files.readString(run.lawFile())
            .replaceAll("\"test_above\"\\s*:\\s*\"[^\"]*\"", "\"test_above\": \"N>1.0E9\""));
        assertTrue(Files.readString(run.lawFile()).contains("\"test_above\": \"N>1.0E9\""));
        assertTrue(Files.readString(Report.write(run, data(run))).contains(", test rows N&gt;1e9</td>"));
    }

    @Test
    void aGridValidatedAlongTwoAxesIsPlottedAgainstEach() throws Exception {
        RunDirectory run = run(2, new UserData.NoTest(List.of("N", "D")));
        TaskData data = data(run);
        assertEquals(List.of("N", "D"), data.config().scaleAxis());
        String html = Files.readString(Report.write(run, data));
        assertTrue(html.contains("<section id=\"scale\">\n<h2>loss against <code>N</code></h2>"), html);
        assertTrue(html.contains("<section id=\"scale-D\">\n<h2>loss against <code>D</code></h2>"), html);
        assertEquals(2, count(html, "<img src=\"plots/scale-0"), "one panel per group against N");
        assertEquals(2, count(html, "<img src=\"plots/scale-D-0"), "and one against D");
        assertTrue(Files.exists(run.plotsDirectory().resolve("scale-D-02.png")));
        assertEveryReferenceExists(run, html);
        // a report written again for one axis leaves no stale panels of the other
        UserData along = new UserData(dir.resolve("runs.csv"), List.of("N", "D"), List.of("loss"), "family", 6,
            new UserData.NoTest(null));
        Report.write(run, along.load());
        assertFalse(Files.exists(run.plotsDirectory().resolve("scale-D-02.png")));
    }

    @Test
    void withoutATestSplitTheReportSaysSoAndPlotsTrainOnly() throws Exception {
        RunDirectory run = run(2, new UserData.NoTest(null));
        TaskData data = data(run);
        assertTrue(data.test().isEmpty());
        String html = Files.readString(Report.write(run, data));
        for (String expected : List.of(
            "<tr><th>test R²</th><td>none (no test split: every row was used to fit the law)</td></tr>",
            "<tr><th>train R²</th><td>0.987654</td></tr>", "<tr><th>rows</th><td>24 train, no test split</td></tr>",
            "Blue circles: train rows; there is no test split; dashed: perfect prediction.",
            "circles are train rows (there is no test split); lines are the fitted law from the smallest train value to"
                + " 10× the largest")) {
            assertTrue(html.contains(expected), expected);
        }
        assertFalse(html.contains("test RMSE"), "no test column in the parameters table");
        assertFalse(html.contains("diamonds test rows"), "no test points described");
        assertEquals(3, count(html, "<img src=\"plots/"), "predicted against actual and one scale panel per group");
        assertEveryReferenceExists(run, html);

        List<ScalePanels.Panel> panels = ScalePanels.of(run.readLaw().parsedLaw(),
            run.readLaw().parameterSet("law.json"), data, 12, 6);
        assertEquals(2, panels.size());
        for (ScalePanels.Panel panel : panels) {
            assertEquals(0, panel.test().size());
            assertEquals(12, panel.train().size());
            ScalePanels.Curve curve = panel.curves().getFirst();
            // from the smallest train N (1e7) to 10× the largest (3e9): what the law promises beyond the data
            assertEquals(1e7, curve.x()[0]);
            assertEquals(3e10, curve.x()[curve.x().length - 1], 1e-6 * 3e10);
        }
    }

    /** {@link #run(int)} of one group whose one test row lies at N = 0, where the law predicts infinity. */
    private RunDirectory runWithATestRowAtZero() throws Exception {
        Path test = dir.resolve("test.csv");
        Files.writeString(test, "family,N,D,loss\n\"<b>\"\"quoted\"\" & co</b>\",0,1e9,9.5\n");
        return run(1, new UserData.TestFile(test, null));
    }

    @Test
    void aTestRowAtZeroOnTheScaleAxisIsDrawnOnALinearAxis() throws Exception {
        // train N spans 1e7 to 3e9, which alone would be drawn on a log axis, where a run at N = 0 has no place
        RunDirectory run = runWithATestRowAtZero();
        TaskData data = data(run);
        String html = Files.readString(Report.write(run, data));
        assertTrue(html.contains("<img src=\"plots/scale-01.png\""), html);
        ScalePanels.Panel panel = ScalePanels.of(run.readLaw().parsedLaw(), run.readLaw().parameterSet("law.json"),
            data, 12, 6).getFirst();
        assertFalse(panel.logX(), "a log axis cannot show the test row at N = 0");
        assertArrayEquals(new double[] {0}, panel.test().x());
    }

    @Test
    void rowsWhosePredictionIsNotFiniteAreCountedBesideThePredictedAgainstActualPlot() throws Exception {
        RunDirectory run = runWithATestRowAtZero();
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("Target <code>loss</code>. Not drawn: 1 test row, where the law&#39;s prediction is"
            + " not finite."), html);
        run = run(1);
        html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("Target <code>loss</code>. <a href=\"plots/predicted-1.svg\">"), "every row drawn");
    }

    @Test
    void aSinglePredictedAgainstActualPlotTakesTheWholeRow() throws Exception {
        // one target's plot was drawn 440 pixels wide in a grid of two columns, the row's other half left empty
        RunDirectory run = run(2);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("; dashed: perfect prediction.</p>\n<div class=\"grid one\">\n"
            + "<figure><picture><source media=\"(max-width: 640px)\" srcset=\"plots/predicted-1-narrow.png 2x\""
            + " width=\"360\" height=\"360\"><img src=\"plots/predicted-1.png\" width=\"1176\""), html);
        BufferedImage png = ImageIO.read(run.plotsDirectory().resolve("predicted-1.png").toFile());
        assertEquals(2 * 1176, png.getWidth());
        assertEquals(2 * 460, png.getHeight(), "as tall as a scale panel alone");
    }

    @Test
    void fivePanelsOfTwoToARowLeaveTheLastTheWholeRow() throws Exception {
        // five panels with a legend each were laid out two to a row in one grid, the fifth in half a row beside nothing
        RunDirectory run = run(5);
        String html = Files.readString(Report.write(run, data(run)));
        assertEquals(2, count(html, "<div class=\"grid two\">\n<figure><picture><source media=\"(max-width: 640px)\""
            + " srcset=\"plots/scale-"), html);
        assertTrue(html.contains("</div>\n<div class=\"grid one\">\n<figure><picture><source media=\"(max-width: 640px)\""
            + " srcset=\"plots/scale-05-narrow.png 2x\" width=\"360\" height=\"336\"><img src=\"plots/scale-05.png\""
            + " width=\"1176\""), html);
        assertEquals(2 * 1176, ImageIO.read(run.plotsDirectory().resolve("scale-05.png").toFile()).getWidth());
        assertEquals(2 * 600, ImageIO.read(run.plotsDirectory().resolve("scale-04.png").toFile()).getWidth());
    }

    @Test
    void aNarrowWindowGetsFewerColumnsOfPlotsAndWrapsWhatIsTooLongForIt() throws Exception {
        // in a window 420 pixels wide sft's twelve panels stayed three to a row, 95 pixels each, their captions' group
        // names ran into the next column's, and the provenance table's checksum and search ran off the page
        RunDirectory run = run(1);
        String html = Files.readString(Report.write(run, data(run)));
        for (String rule : List.of(
            "@media (max-width: 900px) {\n  .grid.three { grid-template-columns: repeat(2, minmax(0, 1fr)); }\n}",
            "@media (max-width: 640px) {\n  .grid.two, .grid.three { grid-template-columns: minmax(0, 1fr); }\n",
            "figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; overflow-wrap: anywhere; }",
            "table.keyvalue td { overflow-wrap: anywhere; }",
            "td.group { min-width: 10em; max-width: 28em; word-break: break-word; }")) {
            assertTrue(html.contains(rule), rule);
        }
    }

    @Test
    void plotsAreNonEmptyPngsAtTwiceTheirSizeWithSvgs() throws Exception {
        RunDirectory run = run(2);
        String html = Files.readString(Report.write(run, data(run)));
        List<Path> pngs = new ArrayList<>();
        Matcher m = Pattern.compile("<img src=\"(plots/[^\"]+\\.png)\" width=\"(\\d+)\"").matcher(html);
        while (m.find()) {
            Path png = run.path().resolve(m.group(1));
            pngs.add(png);
            byte[] bytes = Files.readAllBytes(png);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), png.toString());
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png.toString());
            assertEquals(2 * Integer.parseInt(m.group(2)), image.getWidth(), png.toString());
            assertTrue(distinctColours(image) > 8, png + " has something drawn on it");
            String svg = Files.readString(Path.of(png.toString().replace(".png", ".svg")));
            assertTrue(svg.contains("<svg"), png + "'s SVG");
        }
        // predicted against actual, and one scale-axis panel per group
        assertEquals(3, pngs.size(), pngs.toString());
    }

    @Test
    void paretoAndHistorySectionsAppearOnlyWithTheirFiles() throws Exception {
        RunDirectory run = run(1);
        TaskData data = data(run);
        Files.writeString(run.paretoFile(), """
            [{"law": "A / N^alpha", "parameter_count": 2, "node_count": 5, "validation_error": 0.5,
              "validation_r2": 0.5, "chosen": false},
             {"law": "E + A / N^alpha", "parameter_count": 3, "node_count": 7, "validation_error": 0.01,
              "validation_r2": 0.99, "difference_standard_error": 0.004, "chosen": false},
             {"law": "E + A / N^alpha + B / D^beta", "parameter_count": 5, "node_count": 11,
              "validation_error": 0.0001, "validation_r2": 0.9999, "difference_standard_error": 0.0, "chosen": true}]
            """);
        Files.writeString(run.historyFile(), """
            [{"generation": 1, "best_validation_error": 0.02, "best_validation_r2": 0.8, "candidates_fitted": 100,
              "cache_hits": 0, "seconds": 1.5},
             {"generation": 2, "best_validation_error": 0.0001, "best_validation_r2": 0.999, "candidates_fitted": 190,
              "cache_hits": 10, "seconds": 2.8}]
            """);
        String html = Files.readString(Report.write(run, data));
        assertTrue(html.contains("id=\"pareto\"") && html.contains("src=\"plots/pareto.png\""), "Pareto section");
        assertTrue(html.contains("complexity (nodes + parameters"), "plotted on the front's own size measure");
        assertTrue(html.contains("<tr class=\"chosen\"><td class=\"law\"><code>E + A / N^alpha + B / D^beta</code>"
            + " (chosen)"), "the chosen law marked");
        assertTrue(html.contains("<td class=\"num\">0.990000</td><td class=\"num\">2.5 SE</td></tr>"),
            "(0.01 - 0.0001) / 0.004 standard errors behind the best: " + html);
        assertTrue(html.contains("<td class=\"num\">best</td></tr>"), "the best law marked");
        assertTrue(html.contains("<td class=\"num\">0.500000</td><td class=\"num\">&#x2014;</td></tr>"),
            "a pareto.json without the standard error (an older run's) shows a dash");
        assertTrue(html.contains("id=\"history\"") && html.contains("src=\"plots/history.png\""), "history section");
        assertTrue(html.contains("2 generations, 190 candidates fitted, 10 cache hits, 2.8 s."), html);
        assertEveryReferenceExists(run, html);

        Files.delete(run.paretoFile());
        Files.delete(run.historyFile());
        html = Files.readString(Report.write(run, data));
        assertFalse(html.contains("id=\"pareto\""));
        assertFalse(html.contains("id=\"history\""));
        assertFalse(Files.exists(run.plotsDirectory().resolve("pareto.png")), "no stale plot left behind");
        assertFalse(Files.exists(run.plotsDirectory().resolve("history.svg")), "no stale plot left behind");
    }

    @Test
    void theValidationNumbersAreExplainedWhereTheyAreFirstShown() throws Exception {
        // the page gave a validation R², a validation RMSE per target and, further down, a validation error beside each
        // law of the front without a word of what any was: a reader could take the error for the RMSE, in the target's
        // units, where it is 1 − validation R², the measure the search ranks laws by
        RunDirectory run = run(1);
        writeFrontOfOneLaw(run);
        Files.writeString(run.historyFile(), """
            [{"generation": 1, "best_validation_error": 0.01, "best_validation_r2": 0.99, "candidates_fitted": 100,
              "cache_hits": 0, "seconds": 1.5}]
            """);
        String html = Files.readString(Report.write(run, data(run)));
        String page = html.substring(html.indexOf("<main>"));
        String scores = "<h2>Scores</h2>\n<p class=\"note\">Validation scores the law on runs of train held out from"
            + " its fit, as the search scored every law (the test split stays unseen). R² is SLDBench's: 1 − the mean"
            + " squared error over the variance of the actual values, averaged over targets; RMSE, the root mean squared"
            + " error, is in the target's units.</p>\n<div class=\"columns\">\n<table class=\"keyvalue\" id=\"metrics\">";
        assertTrue(page.contains(scores), page);
        assertTrue(page.indexOf("validation R²") > page.indexOf(scores), "explained before it is first shown");
        assertTrue(page.indexOf("RMSE") > page.indexOf("<h2>Scores</h2>\n<p class=\"note\">Validation"));
        int error = page.toLowerCase(Locale.ROOT).indexOf("validation error");
        assertTrue(page.startsWith("Validation error is 1 − validation R²: lower is better.", error), page);
        assertTrue(page.contains("The best validation error (1 − validation R²) found by each generation."), page);
    }

    @Test
    void theParetoTableSaysWhatItsColumnBehindTheBestMeasuresOnThePageNotInATooltip() throws Exception {
        // 'behind the best' and its '14.1 SE' were explained in the heading's tooltip alone, which a phone, a tablet and a
        // printed page never show
        String html = pageOfAFrontOfOneLaw();
        assertTrue(html.contains("<h2>Pareto front</h2>\n<p class=\"note\">Validation error is 1 − validation R²: lower is"
            + " better. Behind the best: how far a law's validation error trails the best law's, in standard errors (SE)"
            + " of the difference taken row by row; the run chooses the simplest law at most 1 SE behind, unless a later"
            + " check passes it over.</p>"), html);
        assertTrue(html.contains("<th class=\"num\">behind the best</th>"), html);
    }

    /** A search's history of best validation errors, one generation each. */
    private static List<RunFiles.HistoryEntry> history(double... errors) {
        List<RunFiles.HistoryEntry> entries = new ArrayList<>();
        for (int g = 0; g < errors.length; g++) {
            entries.add(new RunFiles.HistoryEntry(g + 1, errors[g], 1 - errors[g], 100L * (g + 1), 0L, g + 1.0));
        }
        return entries;
    }

    /** The page of a run whose Pareto front is one law, the chosen one. */
    private String pageOfAFrontOfOneLaw() throws Exception {
        RunDirectory run = run(1);
        writeFrontOfOneLaw(run);
        return Files.readString(Report.write(run, data(run)));
    }

    /** A Pareto front of one law, the chosen one. */
    private static void writeFrontOfOneLaw(RunDirectory run) throws Exception {
        Files.writeString(run.paretoFile(), """
            [{"law": "E + A / N^alpha", "parameter_count": 3, "node_count": 7, "validation_error": 0.01,
              "validation_r2": 0.99, "difference_standard_error": 0.004, "chosen": true}]
            """);
    }

    @Test
    void theSearchHistoryIsDrawnToScaleOnALogAxisWhateverItsErrorsSize() throws Exception {
        // a user's runs made up without noise: the best validation error fell from 5.131497e-10 to 5.131155e-10, in its
        // fifth digit, and the plot drew it as a fall from the top of the plot to the bottom, along an axis labelled once,
        // 5.1313439101×10⁻¹⁰ (XChart labels no step below 10⁻¹⁰ of a linear axis)
        XYChart exact = Report.historyChart(history(5.131497449184508e-10, 5.131154945381411e-10,
            5.131154945381411e-10, 5.131154945381411e-10));
        ChartFiles.save(exact, dir, "history");
        List<String> labels = ChartsTest.tickLabels(exact, 'y');
        assertTrue(exact.getStyler().isYAxisLogarithmic(), labels.toString());
        assertTrue(labels.size() >= 3 && labels.contains("5×10⁻¹⁰"), labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.length() <= 7), "labels of a few digits: " + labels);
        assertEquals("best validation error (log scale)", exact.getYAxisTitle());
        assertEquals(List.of("1", "2", "3", "4"), ChartsTest.tickLabels(exact, 'x'), "generations, not 1.5 or 2.5");

        // domain_mixture's search of 60 generations bettered its first law by 1.7%, drawn as a fall of the whole plot
        double[] errors = new double[60];
        for (int g = 0; g < errors.length; g++) {
            errors[g] = 0.0025629025851145125 + 0.0000453721869903669 / (g + 1);
        }
        XYChart small = Report.historyChart(history(errors));
        ChartFiles.save(small, dir, "history");
        assertTrue(small.getStyler().isYAxisLogarithmic());
        // a decade at least, so that a fall of 1.7% takes less than a hundredth of the plot's height
        assertTrue(small.getStyler().getYAxisMax() / small.getStyler().getYAxisMin() >= 10,
            small.getStyler().getYAxisMin() + " to " + small.getStyler().getYAxisMax());
    }

    @Test
    void aLongLawOfTheParetoFrontWrapsRatherThanPushingItsScoresOutOfView() throws Exception {
        // domain_mixture's laws of five proportions, each kept on one line, made the table several screens wide: a
        // reader saw the laws and had to scroll sideways to each one's validation error
        RunDirectory run = run(1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("td.law { min-width: 20em; }\ntd.law code { white-space: normal; }"), html);
        assertFalse(html.contains("white-space: nowrap"), "no law kept on one line");
    }

    @Test
    void theChosenLawOfALongParetoFrontIsInViewWithoutScrollingTheTable() throws Exception {
        // domain_mixture's front lists its laws from the simplest, each of five proportions two or three lines long, and
        // its chosen law, among the last, lay below the table's 30em scroll box: a reader opening the report saw the
        // simple laws that fit badly and had to scroll inside the table to find the one the run chose
        RunDirectory run = run(1);
        StringBuilder front = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            front.append(i == 0 ? "" : ",\n").append(String.format(Locale.ROOT, "{\"law\": \"E + A / N^alpha + %d * B\","
                + " \"parameter_count\": 4, \"node_count\": %d, \"validation_error\": %s, \"validation_r2\": 0.9,"
                + " \"difference_standard_error\": 0.001, \"chosen\": %b}", i, 7 + i, 1.0 / (i + 1), i == 36));
        }
        Files.writeString(run.paretoFile(), front.append("]").toString());
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("<div class=\"scroll\"><table>\n<thead><tr><th>law</th>"), "the front in a scroll box");
        assertTrue(html.contains("<tr class=\"chosen\"><td class=\"law\"><code>E + A / N^alpha + 36 * B</code> (chosen)"),
            html);
        // held at the foot of the box while it lies below, in place once scrolled to; opaque, over the rows it covers
        assertTrue(html.contains(".scroll table { border-collapse: separate; border-spacing: 0; }\n"
            + ".scroll tr.chosen td { position: sticky; bottom: 0; z-index: 1;"), html);
        assertTrue(html.contains("tr.chosen td { background: #fff4e5; font-weight: 600; }"), html);
        assertTrue(html.contains(".scroll table th { position: sticky; top: 0; z-index: 2; background: #fff; }"), html);
    }

    @Test
    void aPrintedReportShowsEveryRowOfItsScrollBoxes() throws Exception {
        // printed, or saved as PDF, the Pareto front and the parameters came out as their scroll boxes show them on the
        // screen, 30em high and as wide as the page: domain_mixture's PDF held the first four groups of three of its five
        // targets and four of its seven parameters, and the front's laws down to the seventh of twelve, the rest cut off
        RunDirectory run = run(1);
        String html = Files.readString(Report.write(run, data(run)));
        int start = html.indexOf("@media print {\n");
        assertTrue(start >= 0, html);
        String print = html.substring(start, html.indexOf("\n}\n", start));
        // every row and column, the headings and the chosen law in their places, not stuck over the rows
        assertTrue(print.contains("  .scroll { max-height: none; overflow: visible; }\n"), print);
        assertTrue(print.contains("  .scroll table th, .scroll tr.chosen td { position: static; }\n"), print);
        assertTrue(print.contains("  .formula, pre { overflow: visible; }\n"), print);
        // a plot or a row of a table is not split between two pages
        assertTrue(print.contains("  figure, tr { break-inside: avoid; }\n"), print);
    }

    @Test
    void onAPhoneATablesRowStacksItsNumbersUnderTheirColumnsNamesRatherThanScrollingSideways() throws Exception {
        // in a window 400 pixels wide (Chromium) the Pareto front's laws, 20em at least, and their five numbers, and
        // domain_mixture's seven parameters, two counts of rows and two RMSEs scrolled sideways inside their boxes, each
        // number a swipe away from its law or group and from its column's heading
        String html = pageOfAFrontOfOneLaw();
        int start = html.indexOf("@media screen and (max-width: 640px) {\n");
        assertTrue(start >= 0, html);
        String phone = html.substring(start, html.indexOf("\n}\n", start));
        // no headings' row, each row a grid: the law or the group across it, the numbers in as many columns as fit
        for (String rule : List.of("  .scroll thead { display: none; }\n",
            "  .scroll tr { display: grid; grid-template-columns: repeat(auto-fill, minmax(7em, 1fr));",
            "  .scroll td.law, .scroll td.group, .scroll tr.target th { grid-column: 1 / -1;",
            "  .scroll tr.chosen { position: sticky; bottom: 0;")) {
            assertTrue(phone.contains(rule), rule + " in " + phone);
        }
        // each number under the name of its column
        List<String> pareto = List.of("parameters", "nodes", "validation error", "validation R²", "behind the best");
        for (int c = 0; c < pareto.size(); c++) {
            String label = "  #pareto td:nth-child(" + (c + 2) + ")::before { content: \"" + pareto.get(c) + "\"; }\n";
            assertTrue(phone.contains(label), label + " in " + phone);
        }
        List<String> parameters = List.of("train rows", "test rows", "E", "A", "α", "B", "β", "train RMSE", "test RMSE");
        for (int c = 0; c < parameters.size(); c++) {
            String label = "  #parameters td:nth-child(" + (c + 2) + ")::before { content: \"" + parameters.get(c)
                + "\"; }\n";
            assertTrue(html.contains(label), label + " in " + phone);
        }
        // printed, the tables keep their columns
        String print = html.substring(html.indexOf("@media print {\n"));
        assertFalse(print.substring(0, print.indexOf("\n}\n")).contains("display: grid"), print);
    }

    @Test
    void onAPhoneTheEquationWrapsBeforeItsPlusesAndMinusesRatherThanScrollingSideways() throws Exception {
        // MathML does not wrap: in a window 400 pixels wide domain_mixture's equation, E + exp(...) of five powers,
        // ran on past its box, which scrolled sideways; a phone now shows it in pieces that wrap like words
        String html = pageOfAFrontOfOneLaw();
        Matcher narrow = Pattern.compile("<div class=\"formula-narrow\">(.*?)</div>\n").matcher(html);
        assertTrue(narrow.find(), html);
        List<String> pieces = List.of(narrow.group(1).split("<wbr>"));
        assertEquals(3, pieces.size(), narrow.group(1));
        assertEquals(List.of("L=E", "+AN\u03b1", "+BD\u03b2"), pieces.stream()
            .map(piece -> piece.replaceAll("<[^>]+>", "")).toList());
        for (String piece : pieces) {
            assertTrue(piece.startsWith("<math>") && piece.endsWith("</math>"), piece);
        }
        assertTrue(pieces.get(1).startsWith("<math><mo form=\"infix\">+</mo>"), pieces.get(1));
        // the wide one as before, each shown in its own window
        assertTrue(html.contains("<div class=\"formula\"><math display=\"block\">"), html);
        String css = html.substring(0, html.indexOf("@media screen and (max-width: 640px) {\n"));
        assertTrue(css.contains(".formula-narrow { display: none; "), css);
        int start = html.indexOf("@media screen and (max-width: 640px) {\n");
        String phone = html.substring(start, html.indexOf("\n}\n", start));
        assertTrue(phone.contains("  .formula { display: none; }\n  .formula-narrow { display: block; }\n"), phone);
    }

    @Test
    void onAPhoneEveryPlotIsShownAtNineTenthsOfTheSizeItWasDrawnForAtLeast() throws Exception {
        // in a window 400 pixels wide, 376 of them the page's, the Pareto front's and the history's plots, drawn 760 pixels
        // wide, and a single target's predictions or a panel alone, drawn 1176 wide, were shrunk to a half or a third:
        // their tick labels, drawn in 11 pixels, came out 5.4 and 3.5 pixels high, too small to read
        RunDirectory run = run(2);
        writeFrontOfOneLaw(run);
        Files.writeString(run.historyFile(), """
            [{"generation": 1, "best_validation_error": 0.02, "best_validation_r2": 0.98},
             {"generation": 2, "best_validation_error": 0.01, "best_validation_r2": 0.99}]
            """);
        String html = Files.readString(Report.write(run, data(run)));
        Matcher figures = Pattern.compile("<figure>(.*?)</figure>", Pattern.DOTALL).matcher(html);
        Pattern narrow = Pattern.compile("<source media=\"\\(max-width: 640px\\)\" srcset=\"(plots/[^\"]+\\.png) 2x\""
            + " width=\"(\\d+)\" height=\"(\\d+)\">");
        Pattern wide = Pattern.compile("<img src=\"(plots/[^\"]+\\.png)\" width=\"(\\d+)\"");
        List<String> shown = new ArrayList<>();
        while (figures.find()) {
            Matcher source = narrow.matcher(figures.group(1));
            Matcher img = wide.matcher(figures.group(1));
            assertTrue(img.find(), figures.group(1));
            Matcher phone = source.find() ? source : img;
            BufferedImage png = ImageIO.read(run.path().resolve(phone.group(1)).toFile());
            int drawnFor = Integer.parseInt(phone.group(2));
            assertEquals(2 * drawnFor, png.getWidth(), phone.group(1) + " at twice the width it is drawn for");
            if (phone == source) {
                assertEquals(2 * Integer.parseInt(source.group(3)), png.getHeight(), source.group(1));
            }
            assertTrue(376.0 / drawnFor >= 0.9, phone.group(1) + " drawn " + drawnFor + " pixels wide for 376");
            shown.add(phone.group(1));
        }
        assertEquals(List.of("plots/pareto-narrow.png", "plots/history-narrow.png", "plots/predicted-1-narrow.png",
            "plots/scale-01-narrow.png", "plots/scale-02-narrow.png"), shown);
        assertEveryReferenceExists(run, html);
    }

    @Test
    void aLongTaskNameBreaksAtItsUnderscoresRatherThanWideningThePage() throws Exception {
        // on a phone, 400 pixels wide, the heading domain_mixture_scaling_law, one word to the browser, ran 75 pixels past
        // the window and the whole page scrolled sideways
        assertEquals("domain_<wbr>mixture_<wbr>scaling_<wbr>law", Report.heading("domain_mixture_scaling_law"));
        assertEquals("&lt;b&gt;_<wbr>&amp;", Report.heading("<b>_&"));
        assertEquals("runs", Report.heading("runs"));
        RunDirectory run = run(1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("<title>runs</title>") && html.contains("<h1>runs</h1>"), html);
        // and a name without underscores wraps where it must
        assertTrue(html.contains("h1 { margin: 2px 0 4px; font-size: 28px; overflow-wrap: anywhere; }"), html);
    }

    @Test
    void theLawsBoxLeavesRoomBelowForTheInkOfItsExponents() throws Exception {
        // the box around the law scrolls sideways for a long law, and so up and down too: a law with an exponent, E + A *
        // N^alpha, drew its glyphs 2 to 3 pixels below the box's padding of 4, and the browser gave the box a vertical
        // scroll bar beside the formula (Chromium measured 42 pixels of content in 40, 43 in 41 on domain_mixture's)
        RunDirectory run = run(1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains(".formula { overflow-x: auto; padding: 12px 0 8px; font-size: 22px; }"), html);
    }

    @Test
    void aRunOfAnOlderVersionShowsItsLawsWithMinusesAsTheyAreReportedNow() throws Exception {
        // versions before laws were reported with minuses wrote law.json and pareto.json in the search's form
        RunDirectory run = run(1);
        TaskData data = data(run);
        LawDocument document = run.readLaw();
        new LawDocument(document.evosldVersion(), document.task(), "E + A / N^alpha + -1 * B / D^beta",
            document.variables(), document.parameterNames(), document.targets(), document.parameters(),
            document.trainRanges(), document.groupRanges(), document.targetRanges(), document.metrics(), document.provenance())
            .write(run.lawFile());
        Files.writeString(run.paretoFile(), """
            [{"law": "E + -2 * A / N^alpha", "parameter_count": 3, "node_count": 9, "validation_error": 0.01,
              "validation_r2": 0.99, "difference_standard_error": 0.004, "chosen": false},
             {"law": "E + A / N^alpha + -1 * B / D^beta", "parameter_count": 5, "node_count": 13,
              "validation_error": 0.0001, "validation_r2": 0.9999, "difference_standard_error": 0.0, "chosen": true}]
            """);
        String html = Files.readString(Report.write(run, data));
        assertTrue(html.contains("In EvoSLD's law language: <code>E + A / N^alpha - B / D^beta</code>"), html);
        assertTrue(html.contains("<td class=\"law\"><code>E - 2 * A / N^alpha</code>"), html);
        assertTrue(html.contains("<tr class=\"chosen\"><td class=\"law\"><code>E + A / N^alpha - B / D^beta</code>"), html);
        assertFalse(html.contains("+ -"), "no law in the search's form");
    }

    @Test
    void manyGroupsShowABoundedGridAndSaySo() throws Exception {
        // the same as 12 of sft's 42 groups, in fewer plots to keep the test quick: sft's are 14 models fine-tuned on each
        // of three datasets in turn, and its first 12 panels were all of the first dataset, so that a reader never saw
        // the law against the others' rows; the panels are now spread from the first group to the last
        RunDirectory run = run(5);
        String html = Files.readString(Report.write(run, data(run), 3));
        assertTrue(html.contains("Showing 3 of 5 groups, spread evenly from the first to the last.</p>"), html);
        assertEquals(3, count(html, "src=\"plots/scale-"));
        List<String> captions = new ArrayList<>();
        Matcher m = Pattern.compile("<figcaption>Group <code>([^<]+)</code>").matcher(html);
        while (m.find()) {
            captions.add(m.group(1));
        }
        assertEquals(List.of("&lt;b&gt;&quot;quoted&quot; &amp; co&lt;/b&gt;", "family 2", "family 4"), captions);
        assertFalse(Files.exists(run.plotsDirectory().resolve("scale-04.png")));
        assertEquals(12, Report.MAX_PANELS);
    }

    @Test
    void refusesDataOfAnotherTask() throws Exception {
        RunDirectory run = run(1);
        TaskData data = data(run);
        LawDocument document = run.readLaw();
        new LawDocument(document.evosldVersion(), "other_task", document.law(), document.variables(),
            document.parameterNames(), document.targets(), document.parameters(), document.trainRanges(), document.groupRanges(), document.targetRanges(), document.metrics(),
            document.provenance()).write(run.lawFile());
        EvosldException e = assertThrows(EvosldException.class, () -> Report.write(run, data));
        assertTrue(e.getMessage().contains("the law is for task 'other_task', but the data is task 'runs'"), e.getMessage());
    }

    @Test
    void malformedParetoFileIsAOneLineError() throws Exception {
        RunDirectory run = run(1);
        Files.writeString(run.paretoFile(), "{\"not\": \"a list\"}");
        EvosldException e = assertThrows(EvosldException.class, () -> Report.write(run, data(run)));
        assertEquals(run.paretoFile() + ":1:1: expected a list", e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void predictionsOfTheReportAreTheEnginesOwn() throws Exception {
        // the report plots Predictions as they are; a spot check that its scale curves agree with them
        RunDirectory run = run(1);
        TaskData data = data(run);
        LawDocument document = run.readLaw();
        Law law = document.parsedLaw();
        ParameterSet parameters = document.parameterSet("law.json");
        ScalePanels.Panel panel = ScalePanels.of(law, parameters, data, 12, 6).getFirst();
        Predictions test = Predictions.of(law, data.test().orElseThrow().table(), parameters);
        ScalePanels.Curve curve = panel.curves().getFirst();
        // the curve's last point is the largest test N at the first test row's D: the first test prediction
        assertEquals(test.predicted().getFirst()[panel.test().size() - 2], curve.y()[curve.y().length - 1], 1e-12);
    }

    private static void assertEveryReferenceExists(RunDirectory run, String html) {
        Matcher m = REFERENCE.matcher(html);
        int references = 0;
        while (m.find()) {
            references++;
            assertTrue(Files.isRegularFile(run.path().resolve(m.group(1))), "referenced file " + m.group(1));
        }
        assertTrue(references > 0);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    @Test
    void thePredictedAgainstActualLegendHidesNoPoint() {
        // inside the bottom-right corner, the legend covered the test rows the law under-predicts, which land there
        double[][] train = {{1, 2, 3}, {1.1, 2, 2.9}};
        double[][] test = {{4, 5}, {3.5, 4.2}};
        for (var chart : List.of(Report.predictedChart(Row.THIRD, null, "loss", train, Optional.of(test)),
            Report.predictedChart(Row.WIDTH, "loss", "loss", train, Optional.empty()))) {
            assertTrue(chart.getStyler().isLegendVisible());
            assertTrue(chart.getStyler().getLegendPosition().name().startsWith("Outside"),
                "outside the plot: " + chart.getStyler().getLegendPosition());
        }
    }
}
