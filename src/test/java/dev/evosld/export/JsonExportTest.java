package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonExportTest {
    @TempDir
    Path dir;

    @Test
    void aLawRecordedInTheSearchsFormIsWrittenWithMinuses() throws Exception {
        // law.json of a version before laws were reported with minuses
        LawDocument older = ExportFixtures.document("parallel_scaling_law", "E + -2 * A * num_params^alpha",
            List.of("num_params", "parallel_size"), List.of("loss"),
            Map.of("pile", new double[][] {{1.5, 400, -0.3}}));
        assertEquals("E + -2 * A * num_params^alpha", older.law());
        String json = JsonExport.document(older);
        Map<?, ?> exported = Json.mapper().readValue(json, Map.class);
        assertEquals("E - 2 * A * num_params^alpha", exported.get("law"));
        assertEquals(List.of("E", "A", "alpha"), exported.get("parameter_names"));

        // all else is the run's, and fit --law-file reads it back as the same law with the same values
        Path file = Files.writeString(dir.resolve("exported.json"), json);
        LawDocument read = LawDocument.read(file);
        assertEquals(older.parameters(), read.parameters());
        assertEquals(older.metrics(), read.metrics());
        assertEquals(older.provenance(), read.provenance());
        assertEquals(older.parsedLaw().parameters(), read.parsedLaw().parameters());
    }

    @Test
    void aLawAlreadyWrittenWithMinusesIsWrittenAsItIs() throws Exception {
        LawDocument current = ExportFixtures.document("parallel_scaling_law", "E - 2 * A * num_params^alpha",
            List.of("num_params", "parallel_size"), List.of("loss"),
            Map.of("pile", new double[][] {{1.5, 400, -0.3}}));
        assertEquals(Json.mapper().writeValueAsString(current) + "\n", JsonExport.document(current));
    }
}
