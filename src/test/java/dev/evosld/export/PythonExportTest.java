package dev.evosld.export;

import static dev.evosld.export.ExportFixtures.fitted;
import static dev.evosld.export.ExportedCode.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.export.ExportFixtures.Fitted;
import dev.evosld.export.ExportedCode.Printed;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.run.LawDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated module, run by {@code python3} on every row, predicts what the engine predicts to 1e-12
 * relative, including the infinities and NaNs where plain Python would raise.
 */
class PythonExportTest {
    /**
     * Reads [{"module": path, "cases": [{"group": g, "rows": [...]}]}, ...], calls each module's law() on each
     * case and prints the outputs as JSON. One process for many modules, as starting Python takes a while.
     */
    private static final String DRIVER = """
        import importlib.util, json, sys
        outputs = []
        for i, request in enumerate(json.load(sys.stdin)):
            spec = importlib.util.spec_from_file_location(f"exported{i}", request["module"])
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            outputs.append([module.law(case["rows"], case["group"]) for case in request["cases"]])
        print(json.dumps(outputs))
        """;

    /** A module to run on the rows of a table, and the engine's predictions for them. */
    private record Check(String module, Law law, Table table, Predictions expected) {
    }
    /** Python's json writes NaN and Infinity, which strict JSON has no words for. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TempDir
    Path dir;

    @BeforeEach
    void requirePython() {
        assumeTrue(ExportedCode.onPath("python3"), "python3 is not on the PATH; Python export tests skipped");
    }

    @Test
    void reproducesTheEnginesPredictionsOnSldbenchTasks() throws Exception {
        List<Check> checks = new ArrayList<>();
        for (String task : List.of("parallel_scaling_law", "sft_scaling_law", "domain_mixture_scaling_law")) {
            Fitted fitted = fitted(task);
            Law law = fitted.document().parsedLaw();
            String module = PythonExport.module(fitted.document());
            checks.add(new Check(module, law, fitted.data().train().table(), fitted.train()));
            checks.add(new Check(module, law, fitted.data().test().orElseThrow().table(), fitted.test()));
        }
        check(checks);
    }

    @Test
    void reproducesTheEnginesPredictionsOfRandomLawsOverNamesItMustRename() throws Exception {
        // every operator, keywords, math and np as features and parameters, awkward group names, parameters of 1e-300,
        // -0.0 and the smallest subnormal, one and two targets: one python3 process for all of them
        List<Check> checks = new ArrayList<>();
        for (ExportFixtures.RandomCase random : ExportFixtures.randomCases(38, 40)) {
            checks.add(new Check(PythonExport.module(random.document()), random.law(), random.table(), random.expected()));
        }
        check(checks);
    }

    @Test
    void givesInfinityAndNanWherePythonWouldRaise() throws Exception {
        // division by zero, log of zero and of a negative, overflowing exp and pow, a negative number to a
        // fractional power, sqrt of a negative, min and max with NaN and signed zeros
        List<String> formulas = List.of("a / x", "log(x) * a", "exp(x * a)", "(x + a)^y", "sqrt(x) + a",
            "min(log(x), y * a)", "max(sqrt(x) * a, y)", "min(x, -y) * a", "log(x)^y * a", "abs(x) / (y - a)");
        double[][] columns = {
            {0.0, -0.0, -1.0, 1e-300, 2.0, 800.0, -8.0, 1.0, 0.5, -2.0},
            {1.0, -1.0, 0.5, -0.5, 1000.0, 3.0, 1.0 / 3, -0.0, 0.0, 1e308}};
        List<Check> checks = new ArrayList<>();
        for (String formula : formulas) {
            Law law = Law.parse(formula, List.of("x", "y"));
            Table table = new Table(List.of("x", "y"), List.of("out"), List.of(
                Group.of("g", columns, new double[][] {new double[columns[0].length]})));
            Map<String, double[][]> values = Map.of("g", new double[][] {{1.0}});
            ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("out"), values);
            LawDocument document = ExportFixtures.document("edge", formula, List.of("x", "y"), List.of("out"), values);
            checks.add(new Check(PythonExport.module(document), law, table, Predictions.of(law, table, parameters)));
        }
        check(checks);
    }

    @Test
    void moduleNamesNothingPythonReserves() throws Exception {
        List<String> features = List.of("lambda", "math", "x");
        String formula = "in * lambda + math / _div + sorted * x";
        Law law = Law.parse(formula, features);
        Table table = new Table(features, List.of("loss"), List.of(
            Group.of("quote \" and backslash \\ and 模型 \uD83D\uDE00", new double[][] {{1, 2}, {3, 4}, {5, 6}},
                new double[][] {{0, 0}})));
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put(table.groups().getFirst().name(), new double[][] {{0.5, -2.0, 1e-7}});
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), values);
        LawDocument document = ExportFixtures.document("reserved", formula, features, List.of("loss"), values);
        check(List.of(new Check(PythonExport.module(document), law, table, Predictions.of(law, table, parameters))));
    }

    @Test
    void aNameCalledDebugStillGivesAModulePythonCanLoad() throws Exception {
        // Python refuses __debug__ as an argument's name ("cannot assign to __debug__") though it is no keyword
        List<String> features = List.of("__debug__");
        String formula = "A * __debug__ + __debug___";
        Law law = Law.parse(formula, features);
        Table table = new Table(features, List.of("loss"), List.of(
            Group.of("g", new double[][] {{1, 2, 3}}, new double[][] {{0, 0, 0}})));
        Map<String, double[][]> values = Map.of("g", new double[][] {{2.0, 0.5}});
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), values);
        LawDocument document = ExportFixtures.document("debug", formula, features, List.of("loss"), values);
        String module = PythonExport.module(document);
        assertTrue(module.contains("def _formula(__debug____, A, __debug___):"), module);
        check(List.of(new Check(module, law, table, Predictions.of(law, table, parameters))));
    }

    @Test
    void definesSldbenchsInterfaceWithTheStandardLibraryAlone() {
        LawDocument document = ExportFixtures.document("t", "A / x^alpha + E", List.of("x"), List.of("loss"),
            Map.of("g", new double[][] {{1.51190747757047E8, 0.21252013983784562, 1.5e-300}}));
        String module = PythonExport.module(document);
        assertTrue(module.contains("def law(input_data: list[dict], group: str = \"g\") -> list[dict]:"), module);
        assertTrue(module.contains("\"g\": {\n        \"loss\": {\"A\": 1.51190747757047e8, \"alpha\": 0.21252013983784562,"
            + " \"E\": 1.5e-300},"), module);
        assertTrue(module.contains("return _div(A, _pow(x, alpha)) + E"), module);
        List<String> imports = module.lines().filter(l -> l.startsWith("import") || l.startsWith("from")).toList();
        assertEquals(List.of("import math", "import unicodedata"), imports);
    }

    @Test
    void unknownGroupNamesOnlyTheFirstThirtyKnownOnes() throws Exception {
        // with thousands of groups, listing every one made a single error line of tens of kilobytes
        Map<String, double[][]> values = ExportFixtures.manyGroups(40);
        List<String> first = values.keySet().stream().limit(30).map(name -> "'" + name + "'").toList();
        Path file = dir.resolve("many.py");
        Files.writeString(file, PythonExport.module(ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"),
            values)));
        Printed printed = runScript("unknown.py", """
            try:
                load(sys.argv[1]).law([{"x": 3.0}], "h")
            except ValueError as e:
                print(e)
            """, file);
        assertEquals("no parameters for group 'h'; known: [" + String.join(", ", first) + "] ... (10 more)",
            printed.stdout().strip(), printed.stderr());
    }

    @Test
    void aGroupNameWhoseAccentsAreWrittenAsCombiningMarksFindsItsGroup() throws Exception {
        // the data's café, written e and a combining acute as some systems write it, is stored as one character
        // (GroupNames.canonical), so the caller's own spelling of it raised 'no parameters for group 'café''
        Path file = dir.resolve("accents.py");
        Files.writeString(file, PythonExport.module(ExportFixtures.document("t", "a * x", List.of("x"),
            List.of("y", "z"), Map.of("caf\u00e9", new double[][] {{2}, {5}}, "two", new double[][] {{3}, {7}}))));
        Printed printed = runScript("accents_driver.py", """
            module = load(sys.argv[1])
            for group in ["cafe\\u0301", "caf\\u00e9", 7]:
                try:
                    print(module.law([{"x": 3.0}], group))
                except ValueError as e:
                    print(e)
            """, file);
        assertEquals("""
            [{'y': 6.0, 'z': 15.0}]
            [{'y': 6.0, 'z': 15.0}]
            no parameters for group 7; known: ['caf\u00e9', 'two']
            """, printed.stdout(), printed.stderr());
    }

    @Test
    void aGroupNamedByANumberIsFoundByThatNumberUnlessTwoNamesWriteIt() throws Exception {
        // a CSV's groups 7 and 13 are the names "7" and "13"; law(rows, 7) raised 'no parameters for group 7'
        Path numbers = dir.resolve("numbers.py");
        Files.writeString(numbers, PythonExport.module(ExportFixtures.document("t", "a * x", List.of("x"),
            List.of("y"), Map.of("7", new double[][] {{2}}, "13", new double[][] {{3}}, "2.5", new double[][] {{5}},
                "1.0", new double[][] {{11}}))));
        Path twice = dir.resolve("twice.py");
        Files.writeString(twice, PythonExport.module(ExportFixtures.document("t", "a * x", List.of("x"),
            List.of("y"), Map.of("7", new double[][] {{2}}, "7.0", new double[][] {{3}}))));
        Printed printed = runScript("numbers_driver.py", """
            class Index:  # an integer of another type, as numpy's int64 is
                def __init__(self, value):
                    self.value = value
                def __index__(self):
                    return self.value
                def __repr__(self):
                    return f"Index({self.value})"
            numbers, twice = load(sys.argv[1]), load(sys.argv[2])
            for module, group in [(numbers, 7), (numbers, 13.0), (numbers, Index(13)), (numbers, 2.5), (numbers, 1),
                                  (numbers, 8), (numbers, True), (numbers, "7.0"), (twice, "7.0"), (twice, 7),
                                  (twice, 7.0)]:
                try:
                    print(module.law([{"x": 3.0}], group))
                except ValueError as e:
                    print(e)
            """, numbers, twice);
        assertEquals("""
            [{'y': 6.0}]
            [{'y': 9.0}]
            [{'y': 9.0}]
            [{'y': 15.0}]
            [{'y': 33.0}]
            no parameters for group 8; known: ['1.0', '13', '2.5', '7']
            no parameters for group True; known: ['1.0', '13', '2.5', '7']
            no parameters for group '7.0'; known: ['1.0', '13', '2.5', '7']
            [{'y': 9.0}]
            group 7 could be either of the groups '7' and '7.0'; pass its name as a string
            group 7.0 could be either of the groups '7.0' and '7'; pass its name as a string
            """, printed.stdout(), printed.stderr());
    }

    @Test
    void aLawOfOneGroupPredictsWithoutBeingToldTheGroup() throws Exception {
        // runs read without --group form one group, 'all', a name the user never gave, which law() needed
        Path one = dir.resolve("one.py");
        Files.writeString(one, PythonExport.module(ExportFixtures.document("t", "a * x", List.of("x"),
            List.of("y", "z"), Map.of("all", new double[][] {{2}, {5}}))));
        Path two = dir.resolve("two.py");
        Files.writeString(two, PythonExport.module(ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"),
            Map.of("a", new double[][] {{2}}, "b", new double[][] {{3}}))));
        Printed printed = runScript("one_driver.py", """
            one, two = load(sys.argv[1]), load(sys.argv[2])
            print(one.law([{"x": 3.0}]))
            print(one.law([{"x": 3.0}], "all"))
            try:
                two.law([{"x": 3.0}])
            except TypeError as e:
                print("two groups:", e)
            """, one, two);
        assertEquals("""
            [{'y': 6.0, 'z': 15.0}]
            [{'y': 6.0, 'z': 15.0}]
            two groups: law() missing 1 required positional argument: 'group'
            """, printed.stdout(), printed.stderr());
    }

    /** Runs each module on every group's rows of its table and compares with the engine's predictions. */
    private void check(List<Check> checks) throws Exception {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            Path file = dir.resolve("exported_" + i + ".py");
            Files.writeString(file, check.module());
            List<Map<String, Object>> cases = new ArrayList<>();
            for (Group group : check.table().groups()) {
                double[][] columns = Predictions.columns(check.law(), check.table(), group);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int r = 0; r < group.rows(); r++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int j = 0; j < columns.length; j++) {
                        row.put(check.law().variables().get(j), columns[j][r]);
                    }
                    rows.add(row);
                }
                cases.add(Map.of("group", group.name(), "rows", rows));
            }
            requests.add(Map.of("module", file.toString(), "cases", cases));
        }
        List<?> outputs = run(Json.mapper().writeValueAsString(requests));
        for (int i = 0; i < checks.size(); i++) {
            compare(checks.get(i), (List<?>) outputs.get(i));
        }
    }

    private static void compare(Check check, List<?> outputs) {
        Table table = check.table();
        int offset = 0;
        for (int g = 0; g < table.groups().size(); g++) {
            Group group = table.groups().get(g);
            List<?> rows = (List<?>) outputs.get(g);
            assertEquals(group.rows(), rows.size());
            for (int r = 0; r < group.rows(); r++) {
                Map<?, ?> row = (Map<?, ?>) rows.get(r);
                assertEquals(table.targets().size(), row.size());
                for (int t = 0; t < table.targets().size(); t++) {
                    double engine = check.expected().predicted().get(t)[offset + r];
                    double python = ((Number) row.get(table.targets().get(t))).doubleValue();
                    assertTrue(close(engine, python), check.law() + " group " + group.name() + " row " + r
                        + " target " + t + ": engine " + engine + ", python " + python);
                }
            }
            offset += group.rows();
        }
    }

    private Printed runScript(String name, String body, Path... modules) throws IOException, InterruptedException {
        return ExportedCode.runScript(dir, name, body, modules);
    }

    private List<?> run(String request) throws IOException, InterruptedException {
        Path driver = dir.resolve("driver.py");
        Files.writeString(driver, DRIVER);
        Process process = new ProcessBuilder("python3", driver.toString()).redirectErrorStream(false).start();
        try (var in = process.getOutputStream()) {
            in.write(request.getBytes(StandardCharsets.UTF_8));
        }
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
        assertEquals(0, process.exitValue(), "python3 failed:\n" + stderr);
        return LENIENT.readValue(stdout, List.class);
    }
}
