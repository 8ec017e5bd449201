package dev.evosld.report;

import static dev.evosld.report.ReportRuns.count;
import static dev.evosld.report.ReportRuns.data;
import static dev.evosld.report.ReportRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.UserData;
import dev.evosld.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersSectionTest {
    @TempDir
    Path dir;

    @Test
    void theParametersTableCountsEachGroupsRowsBesideItsError() throws Exception {
        // a user's two families of 33 and 4 runs: the table gave the small one's three parameters and an RMSE of 0.0013
        // beside the large one's 0.020, with nothing to say that it was fitted to 4 runs, a law of 3 parameters all but
        // passing through them, where discover had noted it on the console
        RunDirectory run = run(dir, 2);
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
        RunDirectory run = run(dir, 2, UserData.ScaleRule.parse("N=1e9"), List.of("loss", "error"));
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
}
