package dev.evosld.report;

import static dev.evosld.report.ReportRuns.data;
import static dev.evosld.report.ReportRuns.pageOfAFrontOfOneLaw;
import static dev.evosld.report.ReportRuns.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParetoSectionTest {
    @TempDir
    Path dir;

    @Test
    void theParetoTableSaysWhatItsColumnBehindTheBestMeasuresOnThePageNotInATooltip() throws Exception {
        // 'behind the best' and its '14.1 SE' were explained in the heading's tooltip alone, which a phone, a tablet and a
        // printed page never show
        String html = pageOfAFrontOfOneLaw(dir);
        assertTrue(html.contains("<h2>Pareto front</h2>\n<p class=\"note\">Validation error is 1 − validation R²: lower is"
            + " better. Behind the best: how far a law's validation error trails the best law's, in standard errors (SE)"
            + " of the difference taken row by row; the run chooses the simplest law at most 1 SE behind, unless a later"
            + " check passes it over.</p>"), html);
        assertTrue(html.contains("<th class=\"num\">behind the best</th>"), html);
    }

    @Test
    void aLongLawOfTheParetoFrontWrapsRatherThanPushingItsScoresOutOfView() throws Exception {
        // domain_mixture's laws of five proportions, each kept on one line, made the table several screens wide: a
        // reader saw the laws and had to scroll sideways to each one's validation error
        RunDirectory run = run(dir, 1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains("td.law { min-width: 20em; }\ntd.law code { white-space: normal; }"), html);
        assertFalse(html.contains("white-space: nowrap"), "no law kept on one line");
    }

    @Test
    void theChosenLawOfALongParetoFrontIsInViewWithoutScrollingTheTable() throws Exception {
        // domain_mixture's front lists its laws from the simplest, each of five proportions two or three lines long, and
        // its chosen law, among the last, lay below the table's 30em scroll box: a reader opening the report saw the
        // simple laws that fit badly and had to scroll inside the table to find the one the run chose
        RunDirectory run = run(dir, 1);
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
}
