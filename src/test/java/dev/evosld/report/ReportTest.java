package dev.evosld.report;

import static dev.evosld.report.ReportRuns.assertEveryReferenceExists;
import static dev.evosld.report.ReportRuns.count;
import static dev.evosld.report.ReportRuns.data;
import static dev.evosld.report.ReportRuns.pageOfAFrontOfOneLaw;
import static dev.evosld.report.ReportRuns.run;
import static dev.evosld.report.ReportRuns.runWithATestRowAtZero;
import static dev.evosld.report.ReportRuns.writeFrontOfOneLaw;
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
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void showsTheLawMetricsAndParameters() throws Exception {
        RunDirectory run = run(dir, 2);
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
    void aGridValidatedAlongTwoAxesIsPlottedAgainstEach() throws Exception {
        RunDirectory run = run(dir, 2, new UserData.NoTest(List.of("N", "D")));
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
        RunDirectory run = run(dir, 2, new UserData.NoTest(null));
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

    @Test
    void aTestRowAtZeroOnTheScaleAxisIsDrawnOnALinearAxis() throws Exception {
        // train N spans 1e7 to 3e9, which alone would be drawn on a log axis, where a run at N = 0 has no place
        RunDirectory run = runWithATestRowAtZero(dir);
        TaskData data = data(run);
        String html = Files.readString(Report.write(run, data));
        assertTrue(html.contains("<img src=\"plots/scale-01.png\""), html);
        ScalePanels.Panel panel = ScalePanels.of(run.readLaw().parsedLaw(), run.readLaw().parameterSet("law.json"),
            data, 12, 6).getFirst();
        assertFalse(panel.logX(), "a log axis cannot show the test row at N = 0");
        assertArrayEquals(new double[] {0}, panel.test().x());
    }

    @Test
    void fivePanelsOfTwoToARowLeaveTheLastTheWholeRow() throws Exception {
        // five panels with a legend each were laid out two to a row in one grid, the fifth in half a row beside nothing
        RunDirectory run = run(dir, 5);
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
        RunDirectory run = run(dir, 1);
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
        RunDirectory run = run(dir, 2);
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
        RunDirectory run = run(dir, 1);
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
        // history.json's seconds end at the last generation; discover's search: line adds the choice and the refit
        assertTrue(html.contains("2 generations, 190 candidates fitted, 10 cache hits, 2.8 s to the last generation"
            + " (the choice and the refit on all of train came after)."), html);
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
        RunDirectory run = run(dir, 1);
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
    void aPrintedReportShowsEveryRowOfItsScrollBoxes() throws Exception {
        // printed, or saved as PDF, the Pareto front and the parameters came out as their scroll boxes show them on the
        // screen, 30em high and as wide as the page: domain_mixture's PDF held the first four groups of three of its five
        // targets and four of its seven parameters, and the front's laws down to the seventh of twelve, the rest cut off
        RunDirectory run = run(dir, 1);
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
        String html = pageOfAFrontOfOneLaw(dir);
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
    void onAPhoneEveryPlotIsShownAtNineTenthsOfTheSizeItWasDrawnForAtLeast() throws Exception {
        // in a window 400 pixels wide, 376 of them the page's, the Pareto front's and the history's plots, drawn 760 pixels
        // wide, and a single target's predictions or a panel alone, drawn 1176 wide, were shrunk to a half or a third:
        // their tick labels, drawn in 11 pixels, came out 5.4 and 3.5 pixels high, too small to read
        RunDirectory run = run(dir, 2);
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
        RunDirectory run = run(dir, 1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("<title>runs</title>") && html.contains("<h1>runs</h1>"), html);
        // and a name without underscores wraps where it must
        assertTrue(html.contains("h1 { margin: 2px 0 4px; font-size: 28px; overflow-wrap: anywhere; }"), html);
    }

    @Test
    void aRunOfAnOlderVersionShowsItsLawsWithMinusesAsTheyAreReportedNow() throws Exception {
        // versions before laws were reported with minuses wrote law.json and pareto.json in the search's form
        RunDirectory run = run(dir, 1);
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
        RunDirectory run = run(dir, 5);
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
        RunDirectory run = run(dir, 1);
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
        RunDirectory run = run(dir, 1);
        Files.writeString(run.paretoFile(), "{\"not\": \"a list\"}");
        EvosldException e = assertThrows(EvosldException.class, () -> Report.write(run, data(run)));
        assertEquals(run.paretoFile() + ":1:1: expected a list", e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void predictionsOfTheReportAreTheEnginesOwn() throws Exception {
        // the report plots Predictions as they are; a spot check that its scale curves agree with them
        RunDirectory run = run(dir, 1);
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

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
