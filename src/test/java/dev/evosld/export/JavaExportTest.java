package dev.evosld.export;

import static dev.evosld.export.ExportFixtures.fitted;
import static dev.evosld.export.ExportedCode.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.export.ExportFixtures.Fitted;
import dev.evosld.law.Law;
import dev.evosld.run.LawDocument;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Java compiles on its own and predicts what the engine predicts, to 1e-12 relative. */
class JavaExportTest {
    @TempDir
    Path dir;

    @Test
    void reproducesTheEnginesPredictionsOnSldbenchTasks() throws Exception {
        // sft: 42 groups named like ('MBZUAI/LaMini-GPT-124M', 'flan'); domain mixture: 5 targets
        List<Fitted> tasks = List.of(fitted("parallel_scaling_law"), fitted("sft_scaling_law"),
            fitted("domain_mixture_scaling_law"));
        Map<String, String> sources = new LinkedHashMap<>();
        for (Fitted task : tasks) {
            String name = JavaExport.className(task.document().task());
            sources.put(name, JavaExport.source(task.document(), name));
        }
        try (URLClassLoader loader = compile(sources)) {
            for (Fitted task : tasks) {
                Class<?> law = loader.loadClass(JavaExport.className(task.document().task()));
                Law parsed = task.document().parsedLaw();
                check(law, parsed, task.data().train().table(), task.train());
                check(law, parsed, task.data().test().orElseThrow().table(), task.test());
            }
        }
    }

    @Test
    void reproducesTheEnginesPredictionsOfRandomLawsOverNamesItMustRename() throws Exception {
        // every operator, keywords and the class's own names as features and parameters, awkward group names,
        // parameters of 1e-300, -0.0 and the smallest subnormal, one and two targets: one javac run for all of them
        List<ExportFixtures.RandomCase> cases = ExportFixtures.randomCases(38, 40);
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            sources.put("RandomLaw" + i, JavaExport.source(cases.get(i).document(), "RandomLaw" + i));
        }
        try (URLClassLoader loader = compile(sources)) {
            for (int i = 0; i < cases.size(); i++) {
                ExportFixtures.RandomCase random = cases.get(i);
                check(loader.loadClass("RandomLaw" + i), random.law(), random.table(), random.expected());
            }
        }
    }

    @Test
    void survivesNamesThatAreJavaKeywordsOrItsOwnNames() throws Exception {
        List<String> features = List.of("class", "double", "toString");
        String formula = "Params * class + group / double + toString^yield - min(fitted, out) + PARAMETERS";
        Law law = Law.parse(formula, features);
        Table table = new Table(features, List.of("loss"), List.of(
            Group.of("weird \"quoted\" \\ name\nwith a newline", new double[][] {{1, 2, 3}, {2, 3, 4}, {0.5, 1, 2}},
                new double[][] {{0, 0, 0}}),
            Group.of("模型-\uD83D\uDE00", new double[][] {{4, 5}, {1, 0}, {3, 7}}, new double[][] {{0, 0}})));
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put(table.groups().get(0).name(), new double[][] {{1.5, -2.25, 0.5, 3.0, -1.0, 1e-300}});
        values.put(table.groups().get(1).name(), new double[][] {{-0.1, 1e10, 1.0 / 3, 0.25, 7.0, -0.0}});
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), values);
        LawDocument document = ExportFixtures.document("keywords", formula, features, List.of("loss"), values);
        try (URLClassLoader loader = compile(Map.of("KeywordsLaw", JavaExport.source(document, "KeywordsLaw")))) {
            check(loader.loadClass("KeywordsLaw"), law, table, Predictions.of(law, table, parameters));
        }
    }

    @Test
    void compilesTheTableOfHundredsOfGroups() throws Exception {
        // 500 groups of 5 targets × 6 parameters, as a domain-mixture sweep over many model sizes: one table entry
        // per group in a single static initializer outgrew a method's 64 KB of code (javac: "code too large")
        String formula = "E + A * x^alpha + B * y^beta + k";
        List<String> features = List.of("x", "y");
        List<String> targets = List.of("l1", "l2", "l3", "l4", "l5");
        Law law = Law.parse(formula, features);
        Map<String, double[][]> values = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 500; g++) {
            double[][] perTarget = new double[targets.size()][];
            for (int t = 0; t < targets.size(); t++) {
                double s = 1 + g * 1e-3 + t * 1e-4;
                perTarget[t] = new double[] {1.5 * s, 400 * s, -0.3 * s, 300 * s, -0.25 * s, 0.01 * s};
            }
            values.put("model-" + g, perTarget);
            groups.add(Group.of("model-" + g, new double[][] {{1e7, 3e8}, {1e9, 2e10}},
                new double[][] {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}}));
        }
        Table table = new Table(features, targets, groups);
        LawDocument document = ExportFixtures.document("many", formula, features, targets, values);
        ParameterSet parameters = ParameterSet.of(law.parameters(), targets, values);
        try (URLClassLoader loader = compile(Map.of("ManyLaw", JavaExport.source(document, "ManyLaw")))) {
            check(loader.loadClass("ManyLaw"), law, table, Predictions.of(law, table, parameters));
        }
    }

    @Test
    void compilesTheTableOfTenThousandGroupsBitForBit() throws Exception {
        // 10,000 groups × 6 parameters: a literal per value takes two of the class file's 65535 constant-pool
        // entries and a group name another two, so the table outgrew the pool at about 4,500 groups
        String formula = "E + A * x^alpha + B * y^beta + k";
        List<String> features = List.of("x", "y");
        Law law = Law.parse(formula, features);
        double[] awkward = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1.0 / 3, -1e-300, 1e22, 0.1};
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        Map<String, double[][]> values = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 10_000; g++) {
            double s = 1 + g * 1e-4;
            double[] row = {1.5 * s, 400 * s, -0.3 * s, 300 * s, -0.25 * s, 0.01 * s};
            if (g % 97 == 0) {
                // any bits at all, and the values that text loses most easily, where predict never looks
                for (int k = 0; k < row.length; k++) {
                    double bits = Double.longBitsToDouble(random.nextLong());
                    row[k] = Double.isFinite(bits) ? bits : awkward[(g + k) % awkward.length];
                }
                row[g % row.length] = awkward[g / 97 % awkward.length];
            }
            // names that a length, a colon, a space or a line break inside them must not cut short
            String name = g % 1000 == 1 ? "12:3 mo\ndel " + g + "\n模型\uD83D\uDE00 \"q\"" : "model-" + g;
            values.put(name, new double[][] {row});
            if (g % 97 != 0) {
                groups.add(Group.of(name, new double[][] {{1e7 * s, 3e8}, {1e9, 2e10 * s}}, new double[][] {{0, 0}}));
            }
        }
        Table table = new Table(features, List.of("loss"), groups);
        LawDocument document = ExportFixtures.document("huge", formula, features, List.of("loss"), values);
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), values);
        try (URLClassLoader loader = compile(Map.of("HugeLaw", JavaExport.source(document, "HugeLaw")))) {
            Class<?> exported = loader.loadClass("HugeLaw");
            Map<?, ?> table_ = (Map<?, ?>) exported.getField("PARAMETERS").get(null);
            assertEquals(values.keySet(), table_.keySet());
            Class<?> params = loader.loadClass("HugeLaw$Params");
            var components = params.getRecordComponents();
            for (Map.Entry<String, double[][]> entry : values.entrySet()) {
                Object fitted = table_.get(entry.getKey());
                for (int k = 0; k < components.length; k++) {
                    double value = (Double) components[k].getAccessor().invoke(fitted);
                    assertEquals(Double.doubleToRawLongBits(entry.getValue()[0][k]), Double.doubleToRawLongBits(value),
                        entry.getKey() + " " + components[k].getName() + ": " + entry.getValue()[0][k] + " read as " + value);
                }
            }
            check(exported, law, table, Predictions.of(law, table, parameters));
        }
    }

    @Test
    void writesATableOfManyGroupsAndTargetsAsTextAndAFewAsLiterals() throws Exception {
        String formula = "c + k * exp(t1 * x)";
        List<String> features = List.of("x");
        List<String> targets = List.of("l1", "l2", "l3");
        Law law = Law.parse(formula, features);
        Map<String, double[][]> values = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 3000; g++) {
            double[][] perTarget = new double[targets.size()][];
            for (int t = 0; t < targets.size(); t++) {
                perTarget[t] = new double[] {1.5 + g * 1e-4 + t, 0.5 * (t + 1), -1e-3 * (g + 1)};
            }
            String name = "('org/model-" + g + "', 'flan')";
            values.put(name, perTarget);
            groups.add(Group.of(name, new double[][] {{1, 10, 100}}, new double[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}));
        }
        Table table = new Table(features, targets, groups);
        LawDocument document = ExportFixtures.document("many", formula, features, targets, values);
        String source = JavaExport.source(document, "ManyTargetsLaw");
        assertTrue(source.contains("\n            + \"23:('org/model-0', 'flan') 1.5 0.5 -0.001 2.5 1.0 -0.001 3.5 1.5 -0.001\\n\"\n"),
            source.substring(0, 3000));
        try (URLClassLoader loader = compile(Map.of("ManyTargetsLaw", source))) {
            check(loader.loadClass("ManyTargetsLaw"), law, table,
                Predictions.of(law, table, ParameterSet.of(law.parameters(), targets, values)));
        }
        // a table well inside the constant pool keeps a literal per value
        LawDocument few = ExportFixtures.document("few", formula, features, targets,
            Map.of("pile", values.values().iterator().next()));
        assertTrue(JavaExport.source(few, "FewLaw").contains("new Params(1.5, 0.5, -0.001)"));
    }

    @Test
    void takesTheVariablesByNameNotByWhereTheLawFirstUsesThem() throws Exception {
        LawDocument document = ExportFixtures.document("t", "a * y + x", List.of("x", "y"), List.of("z"),
            Map.of("g", new double[][] {{10}}));
        try (URLClassLoader loader = compile(Map.of("OLaw", JavaExport.source(document, "OLaw")))) {
            Method predict = loader.loadClass("OLaw").getMethod("predict", String.class, double.class, double.class);
            assertEquals(21.0, predict.invoke(null, "g", 1.0, 2.0), "x = 1, y = 2");
            assertTrue(JavaExport.source(document, "OLaw").contains("predict(String group, double x, double y)"));
        }
    }

    @Test
    void aFeatureNamedLikeAMethodOfTheClassKeepsItsName() throws Exception {
        // data_constrained's feature params was taken as params_, though a variable never hides a method in Java
        LawDocument document = ExportFixtures.document("t", "A * params^alpha + predict * formula",
            List.of("params", "predict", "formula"), List.of("loss"), Map.of("g", new double[][] {{2, -0.5}}));
        String source = JavaExport.source(document, "PLaw");
        assertTrue(source.contains("public static double predict(String group, double formula, double params, double predict)"),
            source);
        try (URLClassLoader loader = compile(Map.of("PLaw", source))) {
            Method predict = loader.loadClass("PLaw").getMethod("predict", String.class, double.class, double.class,
                double.class);
            assertEquals(2 * 0.5 + 3.0 * 5.0, predict.invoke(null, "g", 5.0, 4.0, 3.0), "formula 5, params 4, predict 3");
        }
    }

    @Test
    void predictsDocCommentSaysWhichColumnARenamedParameterTakes() {
        LawDocument document = ExportFixtures.document("t", "a * int + tokens", List.of("int", "tokens"),
            List.of("y"), Map.of("g", new double[][] {{10}}));
        String source = JavaExport.source(document, "KLaw");
        assertTrue(source.contains("predict(String group, double int_, double tokens)"), source);
        assertTrue(source.contains("     * @param int_ the data column {@code int}\n"),
            source);
        assertFalse(source.contains("@param tokens"), "a name kept needs no word: " + source);
    }

    @Test
    void aFeatureKeepsItsOwnNameBesideAKeywordThatWouldBeRenamedToIt() throws Exception {
        // features class and class_: the keyword's rename took the name class_, so predict's parameter called
        // class_ was the feature class, and a caller passing the feature class_ there swapped the two
        LawDocument document = ExportFixtures.document("t", "a * class + class_", List.of("class", "class_"),
            List.of("y"), Map.of("g", new double[][] {{10}}));
        String source = JavaExport.source(document, "KLaw");
        assertTrue(source.contains("predict(String group, double class__, double class_)"), source);
        try (URLClassLoader loader = compile(Map.of("KLaw", source))) {
            Method predict = loader.loadClass("KLaw").getMethod("predict", String.class, double.class, double.class);
            assertEquals(12.0, predict.invoke(null, "g", 1.0, 2.0), "class = 1, class_ = 2");
        }
    }

    @Test
    void unknownGroupIsAnIllegalArgument() throws Exception {
        LawDocument document = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"),
            Map.of("g", new double[][] {{2}}));
        try (URLClassLoader loader = compile(Map.of("TLaw", JavaExport.source(document, "TLaw")))) {
            Method predict = loader.loadClass("TLaw").getMethod("predict", String.class, double.class);
            assertEquals(6.0, predict.invoke(null, "g", 3.0));
            var thrown = assertThrows(InvocationTargetException.class, () -> predict.invoke(null, "h", 3.0));
            assertTrue(thrown.getCause() instanceof IllegalArgumentException);
            assertEquals("no parameters for group 'h'; known: [g]", thrown.getCause().getMessage());
            var none = assertThrows(InvocationTargetException.class, () -> predict.invoke(null, null, 3.0));
            assertEquals("no parameters for group null; known: [g]", none.getCause().getMessage(),
                "not a NullPointerException from the map");
        }
    }

    @Test
    void aGroupNameWhoseAccentsAreWrittenAsCombiningMarksFindsItsGroup() throws Exception {
        // the data's café, written e and a combining acute as some systems write it, is stored as one character
        // (GroupNames.canonical), so the caller's own spelling of it was 'no parameters for group 'café'; known: [café]'
        LawDocument one = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"),
            Map.of("caf\u00e9", new double[][] {{2}}, "two", new double[][] {{3}}));
        LawDocument two = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y", "z"),
            Map.of("caf\u00e9", new double[][] {{2}, {5}}, "two", new double[][] {{3}, {7}}));
        try (URLClassLoader loader = compile(Map.of("OneLaw", JavaExport.source(one, "OneLaw"),
                "TwoLaw", JavaExport.source(two, "TwoLaw")))) {
            Method predict = loader.loadClass("OneLaw").getMethod("predict", String.class, double.class);
            assertEquals(6.0, predict.invoke(null, "cafe\u0301", 3.0));
            assertEquals(6.0, predict.invoke(null, "caf\u00e9", 3.0));
            Class<?> targets = loader.loadClass("TwoLaw");
            assertArrayEquals(new double[] {6.0, 15.0},
                (double[]) targets.getMethod("predict", String.class, double.class).invoke(null, "cafe\u0301", 3.0));
            assertEquals(15.0, targets.getMethod("predict", String.class, String.class, double.class)
                .invoke(null, "cafe\u0301", "z", 3.0));
        }
        assertFalse(JavaExport.isClassName("Normalizer"), "the class imports java.text.Normalizer");
    }

    @Test
    void unknownGroupNamesOnlyTheFirstThirtyKnownOnes() throws Exception {
        // with thousands of groups, listing every one made a single error line of tens of kilobytes
        Map<String, double[][]> values = ExportFixtures.manyGroups(40);
        List<String> first = values.keySet().stream().limit(30).toList();
        LawDocument document = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"), values);
        try (URLClassLoader loader = compile(Map.of("MLaw", JavaExport.source(document, "MLaw")))) {
            Method predict = loader.loadClass("MLaw").getMethod("predict", String.class, double.class);
            var thrown = assertThrows(InvocationTargetException.class, () -> predict.invoke(null, "h", 3.0));
            assertEquals("no parameters for group 'h'; known: " + first + " ... (10 more)",
                thrown.getCause().getMessage());
        }
    }

    @Test
    void printsNumbersExactlyAndKeepsTheTreesGrouping() {
        LawDocument document = ExportFixtures.document("t", "a + (b + x) - (c - x) / (x * (x * 2))", List.of("x"),
            List.of("y"), Map.of("g", new double[][] {{0.1, 1.0 / 3, -1.5e-300}}));
        String source = JavaExport.source(document, "TLaw");
        assertTrue(source.contains("return a + (b + x) - (c - x) / (x * (x * 2.0));"), source);
        assertTrue(source.contains("new Params(0.1, 0.3333333333333333, -1.5E-300)"), source);
        assertFalse(source.contains("%"), source);
    }

    @Test
    void classNamesComeFromTheTask() {
        assertEquals("ParallelScalingLaw", JavaExport.className("parallel_scaling_law"));
        assertEquals("RunsLaw", JavaExport.className("runs"));
        assertEquals("Task3dDataLaw", JavaExport.className("3d-data"));
        assertTrue(JavaExport.isClassName("MyLaw"));
        assertFalse(JavaExport.isClassName("my-law"));
        assertFalse(JavaExport.isClassName("class"));
        LawDocument document = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"),
            Map.of("g", new double[][] {{2}}));
        assertThrows(EvosldException.class, () -> JavaExport.source(document, "not a name"));
    }

    @Test
    void aClassNamedAfterAJdkClassTheCodeUsesIsRefusedRatherThanWrittenUncompilable() throws Exception {
        // --out IllegalArgumentException.java wrote a class whose 'throw new IllegalArgumentException(...)' meant itself
        // (javac: constructor IllegalArgumentException cannot be applied to given types)
        LawDocument document = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y", "z"),
            Map.of("g", new double[][] {{2}, {3}}));
        EvosldException refused = assertThrows(EvosldException.class,
            () -> JavaExport.source(document, "IllegalArgumentException"));
        assertEquals("'IllegalArgumentException' is not a usable Java class name", refused.getMessage());
        // the JDK classes it does not use remain free, as any name a class may take
        try (URLClassLoader loader = compile(Map.of("Object", JavaExport.source(document, "Object"),
                "Record", JavaExport.source(document, "Record")))) {
            Method predict = loader.loadClass("Record").getMethod("predict", String.class, double.class);
            assertArrayEquals(new double[] {4.0, 6.0}, (double[]) predict.invoke(null, "g", 2.0));
        }
    }

    @Test
    void aLawOfOneGroupPredictsWithoutBeingToldTheGroup() throws Exception {
        // runs read without --group form one group, 'all', a name the user never gave, which predict needed
        LawDocument one = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"),
            Map.of("all", new double[][] {{2}}));
        LawDocument targets = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y", "z"),
            Map.of("all", new double[][] {{2}, {5}}));
        LawDocument groups = ExportFixtures.document("t", "a * x", List.of("x"), List.of("y"),
            Map.of("a", new double[][] {{2}}, "b", new double[][] {{3}}));
        try (URLClassLoader loader = compile(Map.of("OneLaw", JavaExport.source(one, "OneLaw"),
                "TargetsLaw", JavaExport.source(targets, "TargetsLaw"), "GroupsLaw", JavaExport.source(groups, "GroupsLaw")))) {
            assertEquals(6.0, loader.loadClass("OneLaw").getMethod("predict", double.class).invoke(null, 3.0));
            assertArrayEquals(new double[] {6.0, 15.0},
                (double[]) loader.loadClass("TargetsLaw").getMethod("predict", double.class).invoke(null, 3.0));
            assertThrows(NoSuchMethodException.class,
                () -> loader.loadClass("GroupsLaw").getMethod("predict", double.class), "two groups: the caller says which");
        }
    }

    /** Calls predict on every row of every group and compares with the engine's predictions. */
    private static void check(Class<?> exported, Law law, Table table, Predictions expected) throws Exception {
        int variables = law.variables().size();
        Class<?>[] signature = new Class<?>[1 + variables];
        signature[0] = String.class;
        Arrays.fill(signature, 1, signature.length, double.class);
        Method predict = exported.getMethod("predict", signature);
        int targets = table.targets().size();
        int offset = 0;
        int checked = 0;
        for (Group group : table.groups()) {
            double[][] columns = Predictions.columns(law, table, group);
            List<String> arguments = JavaExport.arguments(law);
            for (int r = 0; r < group.rows(); r++) {
                Object[] args = new Object[1 + variables];
                args[0] = group.name();
                for (int j = 0; j < variables; j++) {
                    args[1 + arguments.indexOf(law.variables().get(j))] = columns[j][r];
                }
                Object result = predict.invoke(null, args);
                double[] actual = targets == 1 ? new double[] {(Double) result} : (double[]) result;
                for (int t = 0; t < targets; t++) {
                    double engine = expected.predicted().get(t)[offset + r];
                    assertTrue(close(engine, actual[t]), exported.getSimpleName() + " group " + group.name() + " row "
                        + r + " target " + t + ": engine " + engine + ", exported " + actual[t]);
                    checked++;
                }
            }
            offset += group.rows();
        }
        assertEquals(table.rows() * targets, checked);
    }

    private URLClassLoader compile(Map<String, String> sources) throws Exception {
        return ExportedCode.compile(dir, sources);
    }
}
