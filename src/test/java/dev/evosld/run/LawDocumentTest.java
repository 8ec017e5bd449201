package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aDocumentWrittenBeforeRangesWereRecordedReadsWithNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("law.json");
        Files.writeString(file, """
            {"evosld_version": "0.1.0", "task": "t", "law": "E + A*N^a", "variables": ["N"],
             "parameter_names": ["E", "A", "a"], "targets": ["loss"],
             "parameters": {"all": {"E": 1.5, "A": 300, "a": -0.3}}}""");
        LawDocument document = LawDocument.read(file);
        assertEquals(Map.of(), document.trainRanges());
        assertEquals(1.5, document.parameterSet("law.json").values("all", 0)[0]);
    }
}
