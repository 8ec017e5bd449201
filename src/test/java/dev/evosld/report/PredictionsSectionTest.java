package dev.evosld.report;

import static dev.evosld.report.ReportRuns.data;
import static dev.evosld.report.ReportRuns.run;
import static dev.evosld.report.ReportRuns.runWithATestRowAtZero;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsSectionTest {
    @TempDir
    Path dir;

    @Test
    void rowsWhosePredictionIsNotFiniteAreCountedBesideThePredictedAgainstActualPlot() throws Exception {
        RunDirectory run = runWithATestRowAtZero(dir);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("Target <code>loss</code>. Not drawn: 1 test row, where the law&#39;s prediction is"
            + " not finite."), html);
        run = run(dir, 1);
        html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("Target <code>loss</code>. <a href=\"plots/predicted-1.svg\">"), "every row drawn");
    }

    @Test
    void aLawOfTheSearchsFormIsDrawnAsWrittenWhereItsCancelledVariableIsZero() throws Exception {
        // an older discover run's law.json may hold the search's form, here E + A * (N / N)^alpha + B / D^beta; the page
        // showed it written without N but computed the form, 0 / 0 at the test row's N = 0, as predict and the
        // exports no longer do
        RunDirectory run = runWithATestRowAtZero(dir);
        LawDocument recorded = run.readLaw();
        new LawDocument(recorded.evosldVersion(), recorded.task(), "E + A * (N / N)^alpha + B / D^beta",
            recorded.variables(), recorded.parameterNames(), recorded.targets(), recorded.parameters(),
            recorded.trainRanges(), recorded.groupRanges(), recorded.targetRanges(), recorded.metrics(),
            recorded.provenance()).write(run.lawFile());
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("Target <code>loss</code>. <a href=\"plots/predicted-1.svg\">"), "every row drawn: "
            + html);
    }

    @Test
    void aSinglePredictedAgainstActualPlotTakesTheWholeRow() throws Exception {
        // one target's plot was drawn 440 pixels wide in a grid of two columns, the row's other half left empty
        RunDirectory run = run(dir, 2);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("; dashed: perfect prediction.</p>\n<div class=\"grid one\">\n"
            + "<figure><picture><source media=\"(max-width: 640px)\" srcset=\"plots/predicted-1-narrow.png 2x\""
            + " width=\"360\" height=\"360\"><img src=\"plots/predicted-1.png\" width=\"1176\""), html);
        BufferedImage png = ImageIO.read(run.plotsDirectory().resolve("predicted-1.png").toFile());
        assertEquals(2 * 1176, png.getWidth());
        assertEquals(2 * 460, png.getHeight(), "as tall as a scale panel alone");
    }

    @Test
    void thePredictedAgainstActualLegendHidesNoPoint() {
        // inside the bottom-right corner, the legend covered the test rows the law under-predicts, which land there
        double[][] train = {{1, 2, 3}, {1.1, 2, 2.9}};
        double[][] test = {{4, 5}, {3.5, 4.2}};
        for (var chart : List.of(PredictionsSection.predictedChart(Row.THIRD, null, "loss", train, Optional.of(test)),
            PredictionsSection.predictedChart(Row.WIDTH, "loss", "loss", train, Optional.empty()))) {
            assertTrue(chart.getStyler().isLegendVisible());
            assertTrue(chart.getStyler().getLegendPosition().name().startsWith("Outside"),
                "outside the plot: " + chart.getStyler().getLegendPosition());
        }
    }
}
