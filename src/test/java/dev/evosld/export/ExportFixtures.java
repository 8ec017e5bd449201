package dev.evosld.export;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.RandomExprs;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Law documents for export tests: made up, or the human law fitted to an SLDBench task. */
final class ExportFixtures {
    /**
     * Feature names a language reserves or the exports use themselves: Java and Python keywords, {@code math} and
     * {@code np} (the modules a Python reader has imported), {@code Math}, and the names of the generated code.
     */
    private static final List<String> FEATURES = List.of("class", "lambda", "import", "math", "np", "Math", "params",
        "N", "def");
    private static final List<String> PARAMETERS = List.of("E", "alpha", "in", "yield", "fitted", "out", "sorted", "_pow",
        "toString", "PARAMETERS", "double");
    private static final List<String> GROUPS = List.of("pile", "a group with spaces", "quote \" and 'single'",
        "back\\slash", "模型-\uD83D\uDE00 ünïcödé", "σ=½ {x} $y", "('MBZUAI/LaMini-GPT-124M', 'flan')");

    private ExportFixtures() {
    }

    /** A law document with the given values, {@code group → per target → values in parameter order}. */
    static LawDocument document(String task, String formula, List<String> features, List<String> targets,
                                Map<String, double[][]> values) {
        Law law = Law.parse(formula, features);
        ParameterSet parameters = ParameterSet.of(law.parameters(), targets, values);
        return new LawDocument("test", task, law.toString(), law.variables(), law.parameters(), targets,
            parameters.toMap(), Map.of(), Map.of(), Map.of(),
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

    /**
     * A random law with its parameters, the rows to predict and the engine's predictions of them.
     *
     * @param document the law document an export is written from
     * @param table the rows, every group of the document's
     * @param expected the engine's predictions of the rows ({@link Predictions#of}, the compiled evaluator) by the law
     *     as written, which the exports compute: where a part that cancels ({@code math / math}) is 0 / 0, the law as
     *     recorded is NaN
     */
    record RandomCase(LawDocument document, Table table, Predictions expected) {
        /** The law as written, whose variables the exports ask for. */
        Law law() {
            return document.withWrittenLaw().parsedLaw();
        }
    }

    /**
     * Random laws of every operator, over names the exports must rename, with one to three groups of awkward names,
     * one or two targets, and parameters such as 1e-300, -0.0 and the smallest subnormal among ordinary values.
     */
    static List<RandomCase> randomCases(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RandomCase> cases = new ArrayList<>();
        while (cases.size() < count) {
            List<String> features = pick(random, FEATURES, 1 + random.nextInt(3));
            List<String> names = new ArrayList<>(features);
            names.addAll(pick(random, PARAMETERS, 1 + random.nextInt(3)));
            Expr expr = RandomExprs.modest(random.nextLong(), names, 5);
            Law law = Law.of(expr, features);
            if (law.variables().isEmpty() || law.parameters().isEmpty()) {
                continue;
            }
            List<String> targets = random.nextInt(3) == 0 ? List.of("loss", "acc") : List.of("loss");
            List<Group> groups = new ArrayList<>();
            Map<String, double[][]> values = new LinkedHashMap<>();
            for (String group : pick(random, GROUPS, 1 + random.nextInt(3))) {
                int rows = 4;
                double[][] columns = new double[features.size()][rows];
                for (double[] column : columns) {
                    for (int r = 0; r < rows; r++) {
                        column[r] = switch (random.nextInt(8)) {
                            case 0 -> 0.0;
                            case 1 -> -random.nextDouble(0.1, 5);
                            case 2 -> random.nextDouble(1e6, 1e10);
                            default -> random.nextDouble(0.1, 5);
                        };
                    }
                }
                groups.add(Group.of(group, columns, new double[targets.size()][rows]));
                double[][] fitted = new double[targets.size()][law.parameterCount()];
                for (double[] target : fitted) {
                    for (int k = 0; k < target.length; k++) {
                        target[k] = switch (random.nextInt(10)) {
                            case 0 -> 1e-300;
                            case 1 -> -0.0;
                            case 2 -> Double.MIN_VALUE;
                            case 3 -> random.nextDouble(-1e10, 1e10);
                            default -> random.nextDouble(-3, 3);
                        };
                    }
                }
                values.put(group, fitted);
            }
            Table table = new Table(features, targets, groups);
            LawDocument document = document("random_" + cases.size(), law.toString(), features, targets, values);
            Law written = document.withWrittenLaw().parsedLaw();
            cases.add(new RandomCase(document, table, Predictions.of(written, table,
                ParameterSet.of(written.parameters(), targets, values))));
        }
        return cases;
    }

    private static List<String> pick(SplittableRandom random, List<String> from, int count) {
        List<String> left = new ArrayList<>(from);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(left.remove(random.nextInt(left.size())));
        }
        return picked;
    }
}
