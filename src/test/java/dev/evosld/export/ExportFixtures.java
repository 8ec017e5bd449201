package dev.evosld.export;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Law documents for export tests: made up, or the human law fitted to an SLDBench task. */
final class ExportFixtures {
    private ExportFixtures() {
    }

    /** A law document with the given values, {@code group → per target → values in parameter order}. */
    static LawDocument document(String task, String formula, List<String> features, List<String> targets,
                                Map<String, double[][]> values) {
        Law law = Law.parse(formula, features);
        ParameterSet parameters = ParameterSet.of(law.parameters(), targets, values);
        return new LawDocument("test", task, law.toString(), law.variables(), law.parameters(), targets,
            parameters.toMap(), Map.of(), Map.of(),
            new LawDocument.Metrics(0.99, null, null, 0.98, null, true, law.parameterCount(), law.expr().size()),
            new LawDocument.Provenance("fit", DataSource.sldbench(task), "0123abcd", 7, "2026-01-01T00:00:00Z"));
    }

    /**
     * A task's human law fitted to its train rows, with its data.
     *
     * @param data the task's rows
     * @param document the law document
     * @param train the engine's predictions on train
     * @param test the engine's predictions on test
     */
    record Fitted(TaskData data, LawDocument document, Predictions train, Predictions test) {
    }

    /** The SLDBench data directory, skipping the test visibly when {@code $EVOSLD_DATA} is not set. */
    /** One value (2) for each of {@code count} groups named g00, g01, ..., in that order: a law {@code a * x}'s table. */
    static Map<String, double[][]> manyGroups(int count) {
        Map<String, double[][]> values = new java.util.LinkedHashMap<>();
        for (int g = 0; g < count; g++) {
            values.put("g%02d".formatted(g), new double[][] {{2}});
        }
        return values;
    }

    static DataDirectory sldbench() {
        String variable = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(variable != null && !variable.isBlank() && Files.isDirectory(Path.of(variable)),
            "EVOSLD_DATA is not set; SLDBench export tests skipped");
        return new DataDirectory(Path.of(variable));
    }

    static Fitted fitted(String task) {
        DataDirectory directory = sldbench();
        TaskConfig config = TaskConfig.load(task);
        TaskData data = TaskData.load(config, directory);
        Law law = Law.parse(config.humanLaw(), config.featureNames());
        FittedLaw fit = FittedLaw.fit(law, data.train().table(), FitOptions.defaults().withStarts(4).withSeed(1),
            2, null);
        ParameterSet parameters = fit.parameters();
        LawDocument document = LawDocument.of("test", task, law, parameters, data.train().table(),
            new LawDocument.Metrics(null, null, null, null, null, null, law.parameterCount(), law.expr().size()),
            new LawDocument.Provenance("fit", DataSource.sldbench(task), "checksum", 1, "2026-01-01T00:00:00Z"));
        return new Fitted(data, document, Predictions.of(law, data.train().table(), parameters),
            Predictions.of(law, data.test().orElseThrow().table(), parameters));
    }

    /** Whether a program is on the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    /** Whether two predictions agree to 1e-12 relative, NaN matching NaN and infinities matching exactly. */
    static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(expected, actual) == 0 || Double.isNaN(expected) && Double.isNaN(actual);
        }
        return Math.abs(expected - actual) <= 1e-12 * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    }
}
