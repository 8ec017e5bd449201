package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Run directories of a made-up law for the report's tests, and what the tests check of every page. */
final class ReportRuns {
    private static final String LAW = "E + A / N^alpha + B / D^beta";
    private static final Pattern REFERENCE = Pattern.compile("(?:src|srcset|href)=\"([^\"#: ]+)[\" ]");

    private ReportRuns() {
    }

    /** A run of the law on made-up runs of {@code groups} model families, with the values they were made with. */
    static RunDirectory run(Path dir, int groups) throws Exception {
        return run(dir, groups, UserData.ScaleRule.parse("N=1e9"));
    }

    /** {@link #run(Path, int)} with the rows split by {@code split}; without a test split, no test R² is recorded. */
    static RunDirectory run(Path dir, int groups, UserData.Split split) throws Exception {
        return run(dir, groups, split, List.of("loss"));
    }

    /** {@link #run(Path, int, UserData.Split)} of the law fitted to each of {@code targets}, made with other values each. */
    static RunDirectory run(Path dir, int groups, UserData.Split split, List<String> targets) throws Exception {
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

    static TaskData data(RunDirectory run) {
        return run.readLaw().provenance().data().load(null);
    }

    /** {@link #run(Path, int)} of one group whose one test row lies at N = 0, where the law predicts infinity. */
    static RunDirectory runWithATestRowAtZero(Path dir) throws Exception {
        Path test = dir.resolve("test.csv");
        Files.writeString(test, "family,N,D,loss\n\"<b>\"\"quoted\"\" & co</b>\",0,1e9,9.5\n");
        return run(dir, 1, new UserData.TestFile(test, null));
    }

    /** The page of a run whose Pareto front is one law, the chosen one. */
    static String pageOfAFrontOfOneLaw(Path dir) throws Exception {
        RunDirectory run = run(dir, 1);
        writeFrontOfOneLaw(run);
        return Files.readString(Report.write(run, data(run)));
    }

    /** A Pareto front of one law, the chosen one. */
    static void writeFrontOfOneLaw(RunDirectory run) throws Exception {
        Files.writeString(run.paretoFile(), """
            [{"law": "E + A / N^alpha", "parameter_count": 3, "node_count": 7, "validation_error": 0.01,
              "validation_r2": 0.99, "difference_standard_error": 0.004, "chosen": true}]
            """);
    }

    static void assertEveryReferenceExists(RunDirectory run, String html) {
        Matcher m = REFERENCE.matcher(html);
        int references = 0;
        while (m.find()) {
            references++;
            assertTrue(Files.isRegularFile(run.path().resolve(m.group(1))), "referenced file " + m.group(1));
        }
        assertTrue(references > 0);
    }

    static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
