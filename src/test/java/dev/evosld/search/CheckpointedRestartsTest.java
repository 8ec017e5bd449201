package dev.evosld.search;

import static dev.evosld.search.SyntheticTask.document;
import static dev.evosld.search.SyntheticTask.killAt;
import static dev.evosld.search.SyntheticTask.resume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.law.Simplifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CheckpointedRestartsTest {
    @Test
    void whatACheckpointKeepsOfTheRestartsIsPutBackAsItWasTaken(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), file);
        Checkpoint checkpoint = Checkpoint.read(file);
        SearchSettings settings = SyntheticTask.settings(8);
        List<Restart> restarts = new ArrayList<>();
        for (int r = 0; r < settings.restarts(); r++) {
            SearchSettings own = settings.withSeed(Restart.seed(settings.seed(), r));
            restarts.add(new Restart(r, own, CandidateScorer.of(SyntheticTask.config(), SyntheticTask.train(), own)));
        }
        CheckpointedRestarts checkpointed = new CheckpointedRestarts(SyntheticTask.FEATURES,
            new TreeCodec(SyntheticTask.FEATURES, settings.maxNodes()), settings.islands(),
            SyntheticTask.config().parameterBudget(), settings.maxNodes(), file);
        checkpointed.restore(checkpoint, restarts);
        assertEquals(List.of(2, 2), restarts.stream().map(r -> r.islands.size()).toList(), "dealt out by position");
        assertEquals(checkpoint.cacheHits(), restarts.stream().mapToLong(r -> r.cache.hits()).sum());
        assertEquals(Json.mapper().writeValueAsString(checkpoint.islands()),
            Json.mapper().writeValueAsString(checkpointed.islands(restarts)));
        assertEquals(Json.mapper().writeValueAsString(checkpoint.cache()),
            Json.mapper().writeValueAsString(CheckpointedRestarts.cache(restarts)));
    }

    @Test
    void aLawInTheCheckpointThatDoesNotParseIsNamedWithItsFileAndPlace(@TempDir Path directory) throws Exception {
        // was "law:5: ...", without the file: the user could not tell it came from a hand-edited checkpoint
        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), checkpoint);
        String whole = Files.readString(checkpoint);
        Map<String, String> edits = Map.of(
            "cache", "cache[3].law:5: ", "islands", "islands[1][2].law:5: ");
        for (var edit : edits.entrySet()) {
            ObjectNode document = document(whole);
            JsonNode law = edit.getKey().equals("cache") ? document.get("cache").get(3)
                : document.get("islands").get(1).get(2);
            ((ObjectNode) law).put("law", "E + * N");
            Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
            EvosldException e = assertThrows(EvosldException.class, () -> resume(checkpoint));
            assertEquals(checkpoint + ": damaged checkpoint (" + edit.getValue() + "expected a number, a name or '(' but found '*'); start the run afresh"
                + " with another --out, or delete " + directory + " first", e.getMessage());
        }
    }

    @Test
    void aCachedLawOrKeyNamingAVariableTheTaskLacksIsNamedWithItsFileAndPlace(@TempDir Path directory) throws Exception {
        // N edited to M: the resume took M for a parameter, and the cache served the scores of a law of N for a law of
        // no variable at all
        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), checkpoint);
        String whole = Files.readString(checkpoint);
        JsonNode cache = Json.mapper().readTree(whole).get("cache");
        int index = 0;
        while (!cache.get(index).get("law").stringValue().matches(".*\\bN\\b.*")) {
            index++;
        }
        for (String field : List.of("law", "key")) {
            ObjectNode document = document(whole);
            ObjectNode cached = (ObjectNode) document.get("cache").get(index);
            cached.put(field, cached.get(field).stringValue().replaceAll("\\bN\\b", "M"));
            Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
            EvosldException e = assertThrows(EvosldException.class, () -> resume(checkpoint), field);
            assertEquals(checkpoint + ": damaged checkpoint (cache[" + index + "]." + field + ": unknown variable 'M');"
                + " start the run afresh with another --out, or delete " + directory + " first", e.getMessage());
        }
        // renaming p1 gives the key as well as renaming M does; p1 has a fitted value, so it is the law's parameter
        ObjectNode document = document(whole);
        ObjectNode cached = (ObjectNode) document.get("cache").get(index);
        cached.put("law", "E + A * exp(p1 * M) + B * log(D)^3");
        cached.put("key", Simplifier.canonicalKey(Law.parse("E + A * exp(p1 * N) + B * log(D)^3",
            SyntheticTask.FEATURES)));
        cached.set("fitted", Json.mapper().readTree("{\"A\": 1.5, \"B\": 0.5, \"E\": 2.5, \"p1\": -0.25}"));
        Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
        EvosldException e = assertThrows(EvosldException.class, () -> resume(checkpoint));
        assertEquals(checkpoint + ": damaged checkpoint (cache[" + index + "].law: unknown variable 'M'); start the run"
            + " afresh with another --out, or delete " + directory + " first", e.getMessage());
        // another law than its key's, of the same variables
        cached.put("law", "E + A * exp(p1 * N) + B * log(D)^2");
        Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
        e = assertThrows(EvosldException.class, () -> resume(checkpoint));
        assertEquals(checkpoint + ": damaged checkpoint (cache[" + index + "].law: 'E + A * exp(p1 * N) + B * log(D)^2'"
            + " is not the law of its key '" + cached.get("key").stringValue() + "'); start the run afresh with another"
            + " --out, or delete " + directory + " first", e.getMessage());
    }

    @Test
    void anIslandsScoredLawNamingAVariableTheTaskLacksIsNamedWithItsFileAndPlace(@TempDir Path directory) throws Exception {
        // resumed with M for a parameter of no value, a law of one variable less than the one its fitness was scored for
        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), checkpoint);
        ObjectNode document = document(Files.readString(checkpoint));
        JsonNode islands = document.get("islands");
        for (int island = 0; island < islands.size(); island++) {
            for (int i = 0; i < islands.get(island).size(); i++) {
                ObjectNode individual = (ObjectNode) islands.get(island).get(i);
                String law = individual.get("law").stringValue();
                if (!individual.get("fitness").isNull() && law.matches(".*\\bN\\b.*")) {
                    individual.put("law", law.replaceAll("\\bN\\b", "M"));
                    assertDamaged(checkpoint, document, "islands[" + island + "][" + i + "].law: unknown variable 'M'");
                    return;
                }
            }
        }
        throw new AssertionError("no scored law of N on the islands");
    }

    @Test
    void anIslandsUnscoredLawNamingAVariableTheTaskLacksIsNamedWithItsFileAndPlace(@TempDir Path directory)
            throws Exception {
        // an island law without a fitness (one the search scored and whose fit failed, or one it refused before scoring
        // it) was not checked at all: edited, it resumed in silence, M a parameter, and bred into the resumed run
        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), checkpoint);
        ObjectNode document = document(Files.readString(checkpoint));
        JsonNode islands = document.get("islands");
        int perRestart = document.get("settings").get("islands").intValue();
        for (int island = 0; island < islands.size(); island++) {
            for (int i = 0; i < islands.get(island).size(); i++) {
                ObjectNode individual = (ObjectNode) islands.get(island).get(i);
                String law = individual.get("law").stringValue();
                if (individual.get("fitness").isNull() && law.matches(".*\\bN\\b.*") && law.matches(".*\\bD\\b.*")
                        && cached(document, island / perRestart, law)) {
                    String place = "islands[" + island + "][" + i + "].law";
                    individual.put("law", law.replaceAll("\\bN\\b", "M"));
                    assertDamaged(checkpoint, document, place + ": unknown variable 'M'");
                    // a law the search would score, but never did
                    individual.put("law", "E + A * N^0.123 + B * D^b");
                    assertDamaged(checkpoint, document, place + ": 'E + A * N^0.123 + B * D^b' is neither among the"
                        + " laws its restart scored nor one the search refuses unscored");
                    // the laws it refuses unscored resume as before: over the budget of 5 parameters, or of no variable
                    for (String refused : List.of("E + A * N^a + B * D^b + C * N", "E + A * M")) {
                        individual.put("law", refused);
                        Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
                        resume(checkpoint);
                    }
                    return;
                }
            }
        }
        throw new AssertionError("no unscored law of N and D among its restart's cached laws on the islands");
    }

    /** Writes the edited checkpoint and asserts that resuming it is refused as damaged at {@code where}. */
    private static void assertDamaged(Path checkpoint, ObjectNode document, String where) throws Exception {
        Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
        EvosldException e = assertThrows(EvosldException.class, () -> resume(checkpoint));
        assertEquals(checkpoint + ": damaged checkpoint (" + where + "); start the run afresh with another --out, or"
            + " delete " + checkpoint.getParent() + " first", e.getMessage());
    }

    /** Whether a law is among a restart's cached laws in a checkpoint's JSON. */
    private static boolean cached(JsonNode checkpoint, int restart, String law) {
        String key = Simplifier.canonicalKey(Law.parse(law, SyntheticTask.FEATURES));
        for (JsonNode cached : checkpoint.get("cache")) {
            if (cached.get("restart").intValue() == restart && cached.get("key").stringValue().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
