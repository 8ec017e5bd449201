package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.export.ExportedCode;
import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    private static final String LAW = "E + A / N^a + B / D^b";

    @TempDir
    static Path dir;
    private static Path csv;
    private static Path run;

    @BeforeAll
    static void fit() throws Exception {
        csv = CliRun.userRuns(dir);
        run = dir.resolve("run");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(csv, run, LAW));
        assertEquals(0, fit.status(), fit.err());
    }

    @Test
    void printsEachFormatToStdout() {
        for (String format : new String[] {"latex", "java", "python", "json", "LaTeX"}) {
            CliRun export = CliRun.of("export", "--run", run.toString(), "--format", format);
            assertEquals(0, export.status(), export.err());
            assertEquals("", export.err());
            assertTrue(export.out().length() > 200, format + ": " + export.out());
        }
        assertTrue(CliRun.of("export", "--run", run.toString(), "--format", "java").out()
            .contains("public final class RunsLaw {"));
    }

    @Test
    void writesToAFileWithOut() throws Exception {
        Path file = dir.resolve("exported/law.py");
        CliRun export = CliRun.of("export", "--run", run.toString(), "--format", "python", "--out", file.toString());
        assertEquals(0, export.status(), export.err());
        assertEquals("", export.out());
        assertTrue(export.err().contains("wrote " + file), export.err());
        assertTrue(Files.readString(file).contains("def law(input_data: list[dict], group: str) -> list[dict]:"));
    }

    @Test
    void namesTheJavaClassAfterItsFile() throws Exception {
        Path file = dir.resolve("MyScalingLaw.java");
        assertEquals(0, CliRun.of("export", "--run", run.toString(), "--format", "java", "--out", file.toString()).status());
        assertTrue(Files.readString(file).contains("public final class MyScalingLaw {"));
        CliRun bad = CliRun.of("export", "--run", run.toString(), "--format", "java", "--out",
            dir.resolve("my-law.java").toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("'my-law' is not a usable Java class name"), bad.err());
    }

    @Test
    void aPythonModuleNamedAfterAModuleItImportsIsRefused() throws Exception {
        // math.py could not be imported as math (Python's own wins), and unicodedata.py would import itself
        for (String module : List.of("math", "unicodedata")) {
            Path file = dir.resolve(module + ".py");
            CliRun bad = CliRun.of("export", "--run", run.toString(), "--format", "python", "--out", file.toString());
            assertEquals(1, bad.status());
            assertEquals("evosld: --out " + file + ": a module named " + module + " would stand for Python's own, which"
                + " the law's module imports; name it otherwise (e.g. law.py)\n", bad.err());
            assertFalse(Files.exists(file));
        }
        assertEquals(0, CliRun.of("export", "--run", run.toString(), "--format", "python", "--out",
            dir.resolve("mathematics.py").toString()).status());
    }

    @Test
    void jsonRoundTripsThroughFitLawFile() throws Exception {
        Path exported = dir.resolve("exported.json");
        assertEquals(0, CliRun.of("export", "--run", run.toString(), "--format", "json", "--out",
            exported.toString()).status());
        LawDocument original = LawDocument.read(run.resolve("law.json"));
        assertEquals(original, LawDocument.read(exported));
        CliRun refit = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--test-above", "N=1e9", "--law-file", exported.toString(), "--starts", "4", "--json");
        assertEquals(0, refit.status(), refit.err());
        Map<?, ?> result = Json.mapper().readValue(refit.out(), Map.class);
        assertEquals(original.law(), result.get("law"));
        assertClose(original.parameters(), (Map<?, ?>) result.get("parameters"));
    }

    @Test
    void aLawWhoseVariableCancelsIsExportedAsJsonWithTheVariablesOfItsWrittenForm() throws Exception {
        // a discover run records the search's form, A / (N / N) + B / D^b, a law of N and D, which is written
        // A + B / D^b; the export kept variables [N, D] and N's ranges beside the law of D alone
        Path searched = searchFormRun("cancelling");
        LawDocument written = LawDocument.read(dir.resolve("cancelling-fit").resolve("law.json"));
        LawDocument both = LawDocument.read(run.resolve("law.json"));

        Path exported = dir.resolve("cancelling.json");
        assertEquals(0, CliRun.of("export", "--run", searched.toString(), "--format", "json", "--out",
            exported.toString()).status());
        LawDocument read = LawDocument.read(exported);
        assertEquals("A + B / D^b", read.law());
        assertEquals(List.of("D"), read.variables());
        assertEquals(List.of("D"), List.copyOf(read.trainRanges().keySet()));
        assertEquals(both.trainRanges().get("D"), read.trainRanges().get("D"));
        for (Map.Entry<String, Map<String, LawDocument.Range>> group : read.groupRanges().entrySet()) {
            assertEquals(Map.of("D", both.groupRanges().get(group.getKey()).get("D")), group.getValue());
        }
        assertEquals(both.groupRanges().keySet(), read.groupRanges().keySet());
        assertEquals(written.parameters(), read.parameters());
        CliRun refit = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--test-above", "N=1e9", "--law-file", exported.toString(), "--starts", "4", "--json");
        assertEquals(0, refit.status(), refit.err());
        Map<?, ?> result = Json.mapper().readValue(refit.out(), Map.class);
        assertEquals("A + B / D^b", result.get("law"));
        assertClose(written.parameters(), (Map<?, ?>) result.get("parameters"));
    }

    @Test
    void aLawWhoseVariableCancelsIsPredictedAndExportedToJavaAndPythonAsWritten() throws Exception {
        // a law.json of the search's form, A / (N / N) + B / D^b, reads A + B / D^b everywhere, but the Java and Python
        // exports computed the search's form and asked for N, and so did predict, which stopped at N = 0 on 0 / 0, NaN,
        // where the law the user reads (and LaTeX shows) has a value
        Path searched = searchFormRun("cancelling-predicted");
        List<String> groups = List.of("dense", "moe, \"sparse\"");
        List<double[]> at = new ArrayList<>();
        for (double n : new double[] {1e7, 1e8, 1e9, 1e12, 0}) {
            for (double d : new double[] {1e9, 1e10, 1e11, 1e14}) {
                at.add(new double[] {n, d});
            }
        }
        StringBuilder plan = new StringBuilder("family,N,D\n");
        List<String> rowGroups = new ArrayList<>();
        List<Double> rowD = new ArrayList<>();
        for (String group : groups) {
            for (double[] point : at) {
                plan.append('"').append(group.replace("\"", "\"\"")).append("\",").append(point[0]).append(',')
                    .append(point[1]).append('\n');
                rowGroups.add(group);
                rowD.add(point[1]);
            }
        }
        Path planFile = dir.resolve("cancelling-plan.csv");
        Files.writeString(planFile, plan);
        CliRun predict = CliRun.of("predict", "--run", searched.toString(), "--runs", planFile.toString(), "--json");
        assertEquals(0, predict.status(), predict.err());
        List<?> entries = (List<?>) Json.mapper().readValue(predict.out(), Map.class).get("predictions");
        assertEquals(rowGroups.size(), entries.size());
        List<Double> predicted = new ArrayList<>();
        for (Object entry : entries) {
            assertEquals(List.of("family", "D", "loss"), List.copyOf(((Map<?, ?>) entry).keySet()).subList(0, 3),
                "only D is asked for");
            predicted.add(((Number) ((Map<?, ?>) entry).get("loss")).doubleValue());
        }
        for (int i = 0; i < predicted.size(); i++) {
            // the law does not depend on N: the row at N = 0 is the row at N = 1e7 and the same D
            int first = i / at.size() * at.size() + i % 4;
            assertEquals(predicted.get(first), predicted.get(i), "row " + i);
        }

        Path java = dir.resolve("cancelling-java");
        Files.createDirectories(java);
        assertEquals(0, CliRun.of("export", "--run", searched.toString(), "--format", "java", "--out",
            java.resolve("RunsLaw.java").toString()).status());
        try (URLClassLoader loader = ExportedCode.compile(java, Map.of("RunsLaw",
                Files.readString(java.resolve("RunsLaw.java"))))) {
            Method law = loader.loadClass("RunsLaw").getMethod("predict", String.class, double.class);
            for (int i = 0; i < predicted.size(); i++) {
                double value = (Double) law.invoke(null, rowGroups.get(i), rowD.get(i));
                assertTrue(ExportedCode.close(predicted.get(i), value), "row " + i + ": predict " + predicted.get(i)
                    + ", Java " + value);
            }
        }

        assumeTrue(ExportedCode.onPath("python3"), "python3 is not on the PATH; the Python export's part skipped");
        Path python = dir.resolve("cancelling-law.py");
        assertEquals(0, CliRun.of("export", "--run", searched.toString(), "--format", "python", "--out",
            python.toString()).status());
        Path rows = dir.resolve("cancelling-rows.json");
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < rowGroups.size(); i++) {
            requests.add(Map.of("group", rowGroups.get(i), "D", rowD.get(i)));
        }
        Files.writeString(rows, Json.mapper().writeValueAsString(requests));
        ExportedCode.Printed printed = ExportedCode.runScript(dir, "cancelling_driver.py", """
            import json
            module = load(sys.argv[1])
            rows = json.load(open(sys.argv[2]))
            print(json.dumps({"variables": module.VARIABLES,
                              "loss": [module.law([{"D": row["D"]}], row["group"])[0]["loss"] for row in rows]}))
            """, python, rows);
        assertEquals("", printed.stderr());
        Map<?, ?> result = Json.mapper().readValue(printed.stdout(), Map.class);
        assertEquals(List.of("D"), result.get("variables"));
        List<?> losses = (List<?>) result.get("loss");
        for (int i = 0; i < predicted.size(); i++) {
            double value = ((Number) losses.get(i)).doubleValue();
            assertTrue(ExportedCode.close(predicted.get(i), value), "row " + i + ": predict " + predicted.get(i)
                + ", Python " + value);
        }
    }

    /**
     * A run folder whose law.json holds the search's form of a law fitted by {@code fit}, A / (N / N) + B / D^b, as a
     * discover run of a version before laws were written without the parts that change nothing recorded it: variables
     * N and D and both ranges; fit, which writes the law as reported, leaves its own in {@code <name>-fit}.
     */
    private static Path searchFormRun(String name) throws Exception {
        Path fitted = dir.resolve(name + "-fit");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(csv, fitted, "A / (N / N) + B / D^b"));
        assertEquals(0, fit.status(), fit.err());
        LawDocument written = LawDocument.read(fitted.resolve("law.json"));
        LawDocument both = LawDocument.read(run.resolve("law.json"));
        assertEquals("A + B / D^b", written.law());
        Path searched = dir.resolve(name);
        Files.createDirectories(searched);
        new LawDocument(written.evosldVersion(), written.task(), "A / (N / N) + B / D^b", List.of("N", "D"),
            written.parameterNames(), written.targets(), written.parameters(), both.trainRanges(), both.groupRanges(),
            written.targetRanges(), written.metrics(), written.provenance()).write(searched.resolve("law.json"));
        return searched;
    }

    /**
     * The same law, data and seed fit to the same values, though not always to the last bit: the engine's
     * vector kernels can round differently before and after the JIT compiles them.
     */
    private static void assertClose(Map<?, ?> expected, Map<?, ?> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (Object group : expected.keySet()) {
            Map<?, ?> e = (Map<?, ?>) expected.get(group);
            Map<?, ?> a = (Map<?, ?>) actual.get(group);
            assertEquals(e.keySet(), a.keySet());
            for (Object name : e.keySet()) {
                double x = ((Number) e.get(name)).doubleValue();
                double y = ((Number) a.get(name)).doubleValue();
                assertEquals(x, y, 1e-6 * Math.abs(x), group + "." + name);
            }
        }
    }

    @Test
    void jsonRoundTripsOnAnSldbenchTask() throws Exception {
        String data = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(data != null && !data.isBlank(), "EVOSLD_DATA is not set; SLDBench round trip skipped");
        Path sldbenchRun = dir.resolve("parallel");
        assertEquals(0, CliRun.of("fit", "--task", "parallel_scaling_law", "--law", "human", "--starts", "4",
            "--out", sldbenchRun.toString()).status());
        Path exported = dir.resolve("parallel.json");
        assertEquals(0, CliRun.of("export", "--run", sldbenchRun.toString(), "--format", "json", "--out",
            exported.toString()).status());
        CliRun refit = CliRun.of("fit", "--task", "parallel_scaling_law", "--law-file", exported.toString(),
            "--starts", "4", "--json");
        assertEquals(0, refit.status(), refit.err());
        Map<?, ?> result = Json.mapper().readValue(refit.out(), Map.class);
        assertEquals("(A / (num_params * (k * log(parallel_size) + 1)))^alpha + E", result.get("law"));
        LawDocument original = LawDocument.read(sldbenchRun.resolve("law.json"));
        assertClose(original.parameters(), LawDocument.read(exported).parameters());
        // the refit starts from the exported values (4 starts leave pile's fit short of its optimum), so it fits train
        // at least as well as the run did
        assertTrue(((Number) result.get("train_r2")).doubleValue() >= original.metrics().trainR2(), refit.out());
    }

    @Test
    void unknownFormatIsAOneLineUsageError() {
        CliRun export = CliRun.of("export", "--run", run.toString(), "--format", "yaml");
        assertEquals(2, export.status());
        assertEquals("evosld: --format: unknown export format 'yaml' (formats: latex, java, python, json) (see: evosld export --help)\n",
            export.err());
        assertEquals("", export.out());
    }

    @Test
    void missingRunDirectoryIsAOneLineError() {
        Path missing = dir.resolve("no-such-run");
        CliRun export = CliRun.of("export", "--run", missing.toString(), "--format", "json");
        assertEquals(1, export.status());
        assertEquals("evosld: " + missing + ": no such run directory\n", export.err());
    }

    @Test
    void runDirectoryWithoutLawIsAOneLineError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-run"));
        CliRun export = CliRun.of("export", "--run", empty.toString(), "--format", "latex");
        assertEquals(1, export.status());
        assertEquals("evosld: " + empty + ": not a run directory (no law.json)\n", export.err());
    }

    @Test
    void refusesToWriteOverTheRunsOwnRecords() throws Exception {
        byte[] law = Files.readAllBytes(run.resolve("law.json"));
        for (Path record : List.of(run.resolve("law.json"), run.resolve("sub/../report.html"), run.resolve("plots/x.svg"))) {
            CliRun export = CliRun.of("export", "--run", run.toString(), "--format", "python", "--out", record.toString());
            assertEquals(2, export.status(), record.toString());
            assertEquals("evosld: --out " + record + ": that file is one of the run's own records; name another"
                + " (see: evosld export --help)\n", export.err());
        }
        assertArrayEquals(law, Files.readAllBytes(run.resolve("law.json")));
        CliRun beside = CliRun.of("export", "--run", run.toString(), "--format", "python", "--out",
            run.resolve("law.py").toString());
        assertEquals(0, beside.status(), "a file of its own in the run's folder is fine: " + beside.err());
    }

    @Test
    void refusesToWriteOverTheCsvTheRunReadsItsRowsFrom() throws Exception {
        // a run of its own, as this one is given the very file to damage
        Path own = Files.createDirectories(dir.resolve("own-data"));
        Path data = CliRun.userRuns(own);
        Path ownRun = own.resolve("run");
        CliRun fit = CliRun.of(CliRun.fitUserRuns(data, ownRun, LAW));
        assertEquals(0, fit.status(), fit.err());
        String rows = Files.readString(data);
        // report and fit --law-file read the runs again from the path the run recorded
        for (Path out : List.of(data, own.resolve("run/../runs.csv"))) {
            CliRun export = CliRun.of("export", "--run", ownRun.toString(), "--format", "json", "--out", out.toString());
            assertEquals(2, export.status(), export.err());
            assertEquals("evosld: --out " + out + ": that is the run's data, which report and fit --law-file read again;"
                + " name another (see: evosld export --help)\n", export.err());
        }
        assertEquals(rows, Files.readString(data), "export --out replaced the runs with the law's JSON");
    }
}
