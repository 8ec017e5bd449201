package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.law.Law;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LawDocumentTest {

    @Test
    void rangesSpanEveryGroupAndOnlyTheLawsVariables() {
        Table table = new Table(List.of("N", "D", "unused"), List.of("loss"), List.of(
            Group.of("a", new double[][] {{1e7, 1e9}, {5e9, 2e10}, {0, 0}}, new double[][] {{3, 2}}),
            Group.of("b", new double[][] {{3e6, 3e8}, {1e10, 1e11}, {0, 0}}, new double[][] {{3, 2}})));
        Law law = Law.parse("E + A*N^a + B*D^b", List.of("N", "D", "unused"));
        Map<String, LawDocument.Range> ranges = LawDocument.Range.of(law, table);
        assertEquals(Map.of("N", new LawDocument.Range(3e6, 1e9), "D", new LawDocument.Range(5e9, 1e11)), ranges);
    }

    @Test
    void targetRangesSpanEveryGroup() {
        Table table = new Table(List.of("N"), List.of("loss", "brier"), List.of(
            Group.of("a", new double[][] {{1e7, 1e9}}, new double[][] {{3, 2}, {-0.2, 0.1}}),
            Group.of("b", new double[][] {{3e6, 3e8}}, new double[][] {{4, 2.5}, {-0.3, -0.1}})));
        assertEquals(Map.of("loss", new LawDocument.Range(2, 4), "brier", new LawDocument.Range(-0.3, 0.1)),
            LawDocument.Range.ofTargets(table));
    }

    @Test
    void featuresAreTheDatasAndTheLawsVariablesWithoutARecordOfThem() {
        Law law = Law.parse("A / tokens^alpha", List.of("unique_tokens", "params", "tokens"));
        assertEquals(List.of("unique_tokens", "params", "tokens"),
            document(law, DataSource.sldbench("data_constrained_scaling_law")).features());
        assertEquals(List.of("tokens"), document(law, DataSource.sldbench("no_such_task")).features());
        assertEquals(List.of("tokens"), document(law, null).features());
        // a hand-edited law of variables the data lacks is still written, in its own names
        assertEquals(List.of("tokens"), document(law, DataSource.sldbench("parallel_scaling_law")).features());
    }

    private static LawDocument document(Law law, DataSource data) {
        return new LawDocument("test", "t", law.toString(), law.variables(), law.parameters(), List.of("loss"),
            Map.of("all", Map.of("A", 1.0, "alpha", 0.5)), Map.of(), Map.of(), Map.of(), null,
            new LawDocument.Provenance("fit", data, null, 1, null));
    }

    @Test
    void aDocumentWrittenBeforeRangesWereRecordedReadsWithNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("law.json");
        Files.writeString(file, """
            {"evosld_version": "0.1.0", "task": "t", "law": "E + A*N^a", "variables": ["N"],
             "parameter_names": ["E", "A", "a"], "targets": ["loss"],
             "parameters": {"all": {"E": 1.5, "A": 300, "a": -0.3}}}""");
        LawDocument document = LawDocument.read(file);
        assertEquals(Map.of(), document.trainRanges());
        assertEquals(Map.of(), document.targetRanges());
        assertEquals(1.5, document.parameterSet("law.json").values("all", 0)[0]);
    }

    @Test
    void aDocumentSavedWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        // a law.json edited by hand and saved by an editor that marks UTF-8 so
        Path file = dir.resolve("law.json");
        Files.writeString(file, "\uFEFF{\"evosld_version\": \"0.1.0\", \"task\": \"t\", \"law\": \"E + A*N^a\","
            + " \"variables\": [\"N\"], \"parameter_names\": [\"E\", \"A\", \"a\"], \"targets\": [\"loss\"],\r\n"
            + " \"parameters\": {\"all\": {\"E\": 1.5, \"A\": 300, \"a\": -0.3}}}\r\n");
        assertEquals(1.5, LawDocument.read(file).parameterSet("law.json").values("all", 0)[0]);
    }

    @Test
    void rangesPerGroupAreEachGroupsOwnAndOlderDocumentsFallBackToAllGroups(@TempDir Path dir) throws Exception {
        Table table = new Table(List.of("N"), List.of("loss"), List.of(
            Group.of("a", new double[][] {{1e7, 1e9}}, new double[][] {{3, 2}}),
            Group.of("b", new double[][] {{3e6, 3e8}}, new double[][] {{3, 2}})));
        Law law = Law.parse("A*N^a", List.of("N"));
        Map<String, Map<String, LawDocument.Range>> byGroup = LawDocument.Range.byGroup(law, table);
        assertEquals(Map.of("a", Map.of("N", new LawDocument.Range(1e7, 1e9)),
            "b", Map.of("N", new LawDocument.Range(3e6, 3e8))), byGroup);
        Path file = dir.resolve("law.json");
        Files.writeString(file, OLD.formatted("{\"all\": {\"E\": 1.5, \"A\": 300, \"a\": -0.3}}"));
        LawDocument old = LawDocument.read(file);
        assertEquals(Map.of(), old.rangesOf("all"));
    }

    private static final String OLD = """
        {"evosld_version": "0.1.0", "task": "t", "law": "E + A*N^a", "variables": ["N"],
         "parameter_names": ["E", "A", "a"], "targets": ["loss"],
         "parameters": %s}""";

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "{\"all\": {\"E\": 1.5, \"A\": 300}}|law.json: all: missing parameter 'a'",
        "{\"all\": {\"E\": 1.5, \"A\": 300, \"a\": null}}|law.json: all.a: null, not a number",
        "{}|law.json: parameters has no group",
        "{\"all\": {\"E\": 1, \"E\": 2}}|law.json:3:36: Duplicate Object property \"E\" (not a law document)"})
    void aDamagedDocumentIsOneLineNamingWhatIsWrong(String parameters, String expected, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("law.json");
        Files.writeString(file, OLD.formatted(parameters));
        dev.evosld.EvosldException e = org.junit.jupiter.api.Assertions.assertThrows(dev.evosld.EvosldException.class,
            () -> LawDocument.read(file));
        assertEquals(expected, e.getMessage().replace(dir + "/", ""));
    }

    @Test
    void aTruncatedDocumentSaysWhereItEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("law.json");
        Files.writeString(file, OLD.formatted("{\"all\": {\"E\": 1.5, \"A\": 300, \"a\": -0.3}}").substring(0, 120));
        assertEquals(file + ":2:40: Unexpected end-of-input in property name (not a law document)",
            message(file));
    }

    @Test
    void aLawThatDoesNotParseOrNamesOtherParametersIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("law.json");
        String values = "{\"all\": {\"E\": 1.5, \"A\": 300, \"a\": -0.3}}";
        Files.writeString(file, OLD.formatted(values).replace("E + A*N^a", "E + A*(N^a"));
        assertEquals(file + ": law:11: expected ')' to close the '(' at column 7 but found end of law", message(file));
        Files.writeString(file, OLD.formatted(values).replace("\"variables\": [\"N\"]", "\"variables\": []"));
        assertEquals(file + ": parameter_names [E, A, a] are not the law's parameters [E, A, N, a] (names that are not"
            + " variables)", message(file));
        Files.writeString(file, OLD.formatted(values).replace("\"A\", \"a\"]", "\"A\\n\", \"a\"]"));
        assertEquals(file + ": parameter_names [E, A\\n, a] are not the law's parameters [E, A, a] (names that are not"
            + " variables)", message(file));
    }

    private static String message(Path file) {
        return org.junit.jupiter.api.Assertions.assertThrows(dev.evosld.EvosldException.class,
            () -> LawDocument.read(file)).getMessage();
    }

    @Test
    void metricsTellNoTestSplitFromAFailedTest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("law.json");
        String document = """
            {"evosld_version": "0.1.0", "task": "t", "law": "E + A*N^a", "variables": ["N"],
             "parameter_names": ["E", "A", "a"], "targets": ["loss"],
             "parameters": {"all": {"E": 1.5, "A": 300, "a": -0.3}}, "metrics": {%s}}""";
        Files.writeString(file, document.formatted(
            "\"train_r2\": 0.99, \"test_r2\": null, \"test_split\": false, \"parameter_count\": 3, \"node_count\": 7"));
        LawDocument none = LawDocument.read(file);
        assertNull(none.metrics().testR2());
        assertFalse(none.metrics().hasTestSplit());
        // written before test_split was recorded: the data always had a test split, so a null test R² failed
        Files.writeString(file, document.formatted(
            "\"train_r2\": 0.99, \"test_r2\": null, \"parameter_count\": 3, \"node_count\": 7"));
        assertTrue(LawDocument.read(file).metrics().hasTestSplit());
        // and written out, the field is there and nothing else is added
        none.write(file);
        String written = Files.readString(file);
        assertTrue(written.contains("\"test_split\" : false"), written);
        assertFalse(written.contains("has_test_split"), written);
        assertEquals(none, LawDocument.read(file));
    }

    @Test
    void validationRmseKeepsItsTargetsOrderAndIsAbsentFromOlderDocuments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("law.json");
        String document = """
            {"evosld_version": "0.1.0", "task": "t", "law": "E + A*N^a", "variables": ["N"],
             "parameter_names": ["E", "A", "a"], "targets": ["y2", "y1"],
             "parameters": {"all": {"y2": {"E": 1.5, "A": 300, "a": -0.3}, "y1": {"E": 1, "A": 3, "a": -0.5}}},
             "metrics": {%s}}""";
        Files.writeString(file, document.formatted("\"validation_r2\": 0.9, \"parameter_count\": 3, \"node_count\": 7"));
        assertNull(LawDocument.read(file).metrics().validationRmse());

        Files.writeString(file, document.formatted("\"validation_rmse\": {\"y2\": 0.25, \"y1\": 0.125},"
            + " \"parameter_count\": 3, \"node_count\": 7"));
        LawDocument read = LawDocument.read(file);
        assertEquals(List.of("y2", "y1"), List.copyOf(read.metrics().validationRmse().keySet()));
        assertEquals(0.125, read.metrics().validationRmse().get("y1"));
        read.write(file);
        assertEquals(read, LawDocument.read(file));
    }
}
