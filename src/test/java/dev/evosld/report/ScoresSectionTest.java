package dev.evosld.report;

import static dev.evosld.report.ReportRuns.data;
import static dev.evosld.report.ReportRuns.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresSectionTest {
    @TempDir
    Path dir;

    @Test
    void theScoresWriteHowFarPredictionsMissedAsTheRestOfThePageWritesNumbers() throws Exception {
        // a count in the billions missed by 2.000e+09 and a loss by 0.006960, where every other figure of the page, and
        // discover, write 2×10⁹ and 0.00696
        RunDirectory run = run(dir, 1);
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
        RunDirectory run = run(dir, 1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains(", test rows N&gt;1e9</td>"), html);
        // runs written before rules were recorded as written hold Java's form of the number
        Files.writeString(run.lawFile(), Files.readString(run.lawFile())
            .replaceAll("\"test_above\"\\s*:\\s*\"[^\"]*\"", "\"test_above\": \"N>1.0E9\""));
        assertTrue(Files.readString(run.lawFile()).contains("\"test_above\": \"N>1.0E9\""));
        assertTrue(Files.readString(Report.write(run, data(run))).contains(", test rows N&gt;1e9</td>"));
    }
}
