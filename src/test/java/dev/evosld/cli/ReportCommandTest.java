package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.run.LawDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsAFitOfTheUsersOwnCsv() throws Exception {
        Path csv = CliRun.userRuns(dir);
        Path run = dir.resolve("run");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(csv, run, "E + A / N^a + B / D^b"));
        assertEquals(0, fit.status(), fit.err());

        CliRun report = CliRun.of("report", "--run", run.toString());
        assertEquals(0, report.status(), report.err());
        Path html = run.resolve("report.html");
        assertEquals(html + "\n", report.out());
        assertTrue(report.err().contains("wrote " + html), report.err());
        String page = Files.readString(html);
        LawDocument document = LawDocument.read(run.resolve("law.json"));
        assertTrue(page.contains("<code>" + document.law() + "</code>"), "the law");
        assertTrue(page.contains(String.format(java.util.Locale.ROOT, "<tr><th>test R²</th><td>%.6f</td></tr>",
            document.metrics().testR2())), "the test R²");
        assertTrue(page.contains("<code>" + csv + "</code>, test rows N&gt;1e9"), "where the data came from");
        // N is the scale axis (the split rule's column); D varies within a family: one curve per D
        assertTrue(page.contains("loss against <code>N</code>"), page);
        Matcher images = Pattern.compile("src=\"(plots/[^\"]+)\"").matcher(page);
        int count = 0;
        while (images.find()) {
            count++;
            assertTrue(Files.size(run.resolve(images.group(1))) > 1000, images.group(1));
        }
        assertEquals(3, count, "predicted against actual, and two families");
    }

    @Test
    void withSeveralTargetsEachTargetsRowShowsItsOwnRmse() throws Exception {
        // the law misses loss by 0.3 and acc by 0.01 in every run: one figure over both (0.212) is in neither's units
        Path csv = Files.writeString(dir.resolve("two-targets.csv"), "family,N,loss,acc\n"
            + "g,1,3.3,3.01\ng,2,2.8,2.51\ng,4,2.55,2.26\ng,8,2.425,2.135\n"
            + "g,16,2.3625,2.0725\ng,32,2.33125,2.04125\n");
        Path run = dir.resolve("two-targets");
        CliRun fit = CliRun.of("fit", "--data", csv.toString(), "--features", "N", "--target", "loss,acc", "--law",
            "2 + 1/N", "--test-above", "N=8", "--out", run.toString());
        assertEquals(0, fit.status(), fit.err());

        CliRun report = CliRun.of("report", "--run", run.toString());
        assertEquals(0, report.status(), report.err());
        String page = Files.readString(run.resolve("report.html"));
        // train and test RMSE, each shown to six digits (the exact value in its title)
        String cell = "<td class=\"num\"><span title=\"[^\"]+\">%s</span></td>";
        String row = "Target <code>%s</code></th></tr>\n<tr><td class=\"group\">all</td><td class=\"num\">4</td>"
            + "<td class=\"num\">2</td>";
        assertTrue(Pattern.compile(row.formatted("loss") + cell.formatted("0\\.3") + cell.formatted("0\\.3"))
            .matcher(page).find(), page);
        assertTrue(Pattern.compile(row.formatted("acc") + cell.formatted("0\\.01") + cell.formatted("0\\.01"))
            .matcher(page).find(), page);
        assertTrue(page.contains("RMSE over the group's rows, in the target's units."), page);
    }

    @Test
    void aLawThatFailsValidationIsReportedAsFailingItNotAsUnmeasured() throws Exception {
        Path csv = UserCsv.write(dir);
        Path run = dir.resolve("failing");
        CliRun fit = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--test-above", "N=1e9", "--law", "c + b*N + a*N^2 + B*D^(-b2)", "--out", run.toString());
        assertEquals(0, fit.status(), fit.err());
        Matcher why = Pattern.compile("validation: fails: (implausible at 2× the largest N.*)\n").matcher(fit.out());
        assertTrue(why.find(), fit.out());
        // law.json keeps why, for the report and whoever reads the run later
        assertEquals(why.group(1), dev.evosld.json.Json.mapper().readTree(run.resolve("law.json").toFile())
            .path("metrics").path("validation_failure").asString(), Files.readString(run.resolve("law.json")));

        CliRun report = CliRun.of("report", "--run", run.toString());
        assertEquals(0, report.status(), report.err());
        String page = Files.readString(run.resolve("report.html"));
        assertTrue(page.contains("<tr><th>validation R²</th><td>&#x2014; (fails: "
            + why.group(1).replace("<", "&lt;").replace(">", "&gt;") + ")</td></tr>"), page);
        assertFalse(page.contains("not measured"), page);
    }

    @Test
    void aTestR2ThatIsUndefinedSaysWhyAndKeepsTheMisses() throws Exception {
        // every test run scored the same loss: R² divides by a variance of 0, while the misses are still known
        StringBuilder train = new StringBuilder("N,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            train.append(String.format(java.util.Locale.ROOT, "%.0f,%.10f%n", n, 1.8 + 30 * Math.pow(n, -0.25)));
        }
        Path runs = Files.writeString(dir.resolve("runs.csv"), train);
        Path test = Files.writeString(dir.resolve("test.csv"), "N,loss\n3e9,2.0\n1e10,2.0\n");
        Path run = dir.resolve("constant");
        CliRun fit = CliRun.of("fit", "--data", runs.toString(), "--features", "N", "--target", "loss", "--test",
            test.toString(), "--law", "E + A * N^alpha", "--starts", "8", "--out", run.toString());
        assertEquals(0, fit.status(), fit.err());
        LawDocument document = LawDocument.read(run.resolve("law.json"));
        assertEquals(null, document.metrics().testR2());
        double law = 1.8 + 30 * Math.pow(3e9, -0.25);
        double far = 1.8 + 30 * Math.pow(1e10, -0.25);
        assertEquals(Math.sqrt(((law - 2) * (law - 2) + (far - 2) * (far - 2)) / 2),
            document.metrics().testRmse().get("loss"), 1e-6, "the misses, known although R² is not");

        assertEquals(0, CliRun.of("report", "--run", run.toString()).status());
        String page = Files.readString(run.resolve("report.html"));
        assertTrue(page.contains("<tr><th>test R²</th><td>&#x2014; (target &#39;loss&#39; is 2 in all 2 runs"
            + " scored, and R² needs runs that differ)</td></tr>"), page);
    }

    @Test
    void reportsAnSldbenchTask() throws Exception {
        String data = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(data != null && !data.isBlank(), "EVOSLD_DATA is not set; SLDBench report skipped");
        Path run = dir.resolve("parallel");
        assertEquals(0, CliRun.of("fit", "--task", "parallel_scaling_law", "--law", "human", "--starts", "4",
            "--out", run.toString()).status());
        CliRun report = CliRun.of("report", "--run", run.toString(), "--data-dir", data);
        assertEquals(0, report.status(), report.err());
        String page = Files.readString(run.resolve("report.html"));
        assertTrue(page.contains("loss against <code>parallel_size</code>"), page);
        assertTrue(page.contains("<tr><th>human law, test R²</th><td>0.999890</td></tr>"), page);
    }

    @Test
    void missingRunDirectoryIsAOneLineError() {
        Path missing = dir.resolve("nope");
        CliRun report = CliRun.of("report", "--run", missing.toString());
        assertEquals(1, report.status());
        assertEquals("evosld: " + missing + ": no such run directory\n", report.err());
    }

    @Test
    void anInterruptedDiscoveryWithoutALawSaysHowToContinueIt() throws Exception {
        Path run = Files.createDirectories(dir.resolve("interrupted"));
        Files.writeString(run.resolve("checkpoint.json"), "{}");
        CliRun report = CliRun.of("report", "--run", run.toString());
        assertEquals(1, report.status());
        assertEquals("evosld: " + run + ": the discovery was interrupted before it chose a law (no law.json yet);"
            + " continue it with evosld discover --resume " + run + "\n", report.err());
    }

    @Test
    void lawWithoutADataSourceIsAOneLineError() throws Exception {
        Path run = Files.createDirectories(dir.resolve("bare"));
        Files.writeString(run.resolve("law.json"), """
            {"task": "t", "law": "a * x", "variables": ["x"], "parameter_names": ["a"], "targets": ["y"],
             "parameters": {"g": {"a": 1.0}}}
            """);
        CliRun report = CliRun.of("report", "--run", run.toString());
        assertEquals(1, report.status());
        assertEquals("evosld: " + run.resolve("law.json") + ": records no data source (provenance.data), so its"
            + " rows cannot be loaded\n", report.err());
    }
}
