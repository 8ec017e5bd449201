package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.Train;
import dev.evosld.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CheckpointTest {
    /** Doubles whose shortest decimal form is long, or that sit at the edges of the format. */
    private static final double[] AWKWARD = {0.1 + 0.2, 1.0 / 3, Math.PI, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, Math.nextUp(1.0), -1e-300, 123456789.123456789};

    @Test
    void writeThenReadRoundTripsEveryFieldExactly(@TempDir Path directory) {
        Path file = directory.resolve("checkpoint.json");
        Checkpoint written = awkward();
        written.write(file);
        Checkpoint read = Checkpoint.read(file);

        assertEquals(written.version(), read.version());
        assertEquals(written.task(), read.task());
        assertEquals(written.settings(), read.settings());
        assertEquals(written.generation(), read.generation());
        assertEquals(written.islands(), read.islands(), "Double values and fitness compare bit for bit via equals");
        assertEquals(written.history(), read.history(), "record equals compares doubles bit for bit");
        assertEquals(written.cacheHits(), read.cacheHits());
        assertEquals(written.fitted(), read.fitted());
        assertBits(written.seconds(), read.seconds());
        assertEquals(written.proposerRounds(), read.proposerRounds());
        assertEquals(written.basis(), read.basis());
        assertEquals(written.proposers(), read.proposers());
        assertEquals(written.cache().size(), read.cache().size());
        for (int i = 0; i < written.cache().size(); i++) {
            Checkpoint.CachedLaw before = written.cache().get(i);
            Checkpoint.CachedLaw after = read.cache().get(i);
            // the record's own equals compares the double[] segments by identity
            assertEquals(withoutErrors(before), withoutErrors(after), "law " + i);
            if (before.errors() == null) {
                assertNull(after.errors());
            } else {
                assertEquals(before.errors().size(), after.errors().size());
                for (int s = 0; s < before.errors().size(); s++) {
                    // JUnit compares doubles by their bits: -0.0 is not 0.0 here
                    assertArrayEquals(before.errors().get(s), after.errors().get(s), "law " + i + " segment " + s);
                }
            }
        }
    }

    @Test
    void nonFiniteScoresInTheHistoryAndStandardErrorsRoundTrip(@TempDir Path directory) {
        // a first generation whose candidates all failed has an infinite best error, and a validation fold of
        // one row an infinite standard error: both are written by real runs
        Path file = directory.resolve("checkpoint.json");
        Checkpoint base = awkward();
        List<HistoryEntry> history = List.of(new HistoryEntry(1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3, 0, 0.5),
            new HistoryEntry(2, 0.25, 0.75, 9, 1, Double.MIN_VALUE));
        List<Checkpoint.CachedLaw> cache = List.of(new Checkpoint.CachedLaw(0, "k", "a*N^-b", 0.5,
            Double.POSITIVE_INFINITY, 2, 5, Map.of("a", 1.0), null, List.of(new double[] {Double.POSITIVE_INFINITY, 1})));
        Checkpoint written = new Checkpoint(base.version(), base.task(), base.settings(), 2, base.islands(), cache,
            history, 1, 9, 1.5, 0, base.basis(), base.proposers(), base.proposerStates());
        written.write(file);
        Checkpoint read = Checkpoint.read(file);
        assertEquals(history, read.history());
        assertEquals(Double.POSITIVE_INFINITY, read.cache().getFirst().standardError());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 1}, read.cache().getFirst().errors().getFirst());
    }

    @Test
    void aCheckpointKeepsTheListsItWasGivenAsTheyWereThen() {
        // the shutdown hook writes the checkpoint of the last epoch while the search goes on growing its history
        List<HistoryEntry> history = new ArrayList<>(awkward().history());
        List<String> proposers = new ArrayList<>(List.of("classic forms"));
        Checkpoint base = awkward();
        Checkpoint checkpoint = new Checkpoint(base.version(), base.task(), base.settings(), base.generation(),
            base.islands(), base.cache(), history, 0, 0, 0, 0, base.basis(), proposers, base.proposerStates());
        history.add(new HistoryEntry(99, 0, 1, 0, 0, 0));
        proposers.add("llm");
        assertEquals(base.history(), checkpoint.history());
        assertEquals(List.of("classic forms"), checkpoint.proposers());
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNoTemporaryFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("run").resolve("checkpoint.json");
        Checkpoint first = awkward();
        first.write(file);
        Checkpoint second = new Checkpoint(first.version(), first.task(), first.settings(), first.generation(),
            first.islands(), List.of(), List.of(), 0, 0, 0, 0, null, null, null);
        second.write(file);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        Checkpoint read = Checkpoint.read(file);
        assertEquals(List.of(), read.cache());
        assertNull(read.basis(), "an older checkpoint has no basis, and reading it is no error");
        assertNull(read.proposers());
    }

    @Test
    void aDamagedCheckpointNamesWhatItLacks(@TempDir Path directory) throws Exception {
        // the cases of DiscoveryTest.aDamagedCheckpointIsOneLineNamingWhatIsWrong are not repeated here
        Path file = directory.resolve("checkpoint.json");
        Checkpoint whole = awkward(); // two restarts of two islands of three, at generation 5 of 8
        List<List<Checkpoint.Individual>> shortIsland = new ArrayList<>(whole.islands());
        shortIsland.set(2, whole.islands().get(2).subList(0, 2));
        List<Map.Entry<String, Checkpoint>> damages = List.of(
            Map.entry("no settings", with(whole, null, 5, whole.islands())),
            Map.entry("no islands, cache or history", with(whole, whole.settings(), 5, null)),
            Map.entry("3 islands, where its settings make 4", with(whole, whole.settings(), 5, whole.islands().subList(0, 3))),
            // after the first generation every restart must be there, not only the seeded ones
            Map.entry("2 islands, where its settings make 4", with(whole, whole.settings(), 5, whole.islands().subList(0, 2))),
            Map.entry("0 islands, where its settings make 4", with(whole, whole.settings(), 0, List.of())),
            // before it, whole restarts only
            Map.entry("3 islands, where its settings make 4", with(whole, whole.settings(), 0, whole.islands().subList(0, 3))),
            Map.entry("an island whose size is not the population's 3", with(whole, whole.settings(), 5, shortIsland)),
            // hand edits the run would meet later as internal errors (an index out of bounds, a division by zero)
            Map.entry("an island with an empty place", with(whole, whole.settings(), 5, withEmptyPlace(whole.islands()))),
            Map.entry("epoch length 0, where it must be at least 1", with(whole, withEpochLength(whole.settings(), 0), 5,
                whole.islands())),
            Map.entry("a cached law of restart 2, where its settings make 2 restarts", withCache(whole,
                List.of(new Checkpoint.CachedLaw(2, "k", "a*N", 0.5, 0.1, 1, 3, Map.of(), null, null)))),
            Map.entry("a cached law with no key or law", withCache(whole,
                List.of(new Checkpoint.CachedLaw(0, null, "a*N", 0.5, 0.1, 1, 3, Map.of(), null, null)))));
        for (Map.Entry<String, Checkpoint> damage : damages) {
            damage.getValue().write(file);
            EvosldException e = assertThrows(EvosldException.class, () -> Checkpoint.read(file), damage.getKey());
            assertEquals(file + ": damaged checkpoint (" + damage.getKey() + "); start the run afresh with another --out, or delete " + directory + " first",
                e.getMessage());
        }
    }

    @Test
    void anEmptyPlaceInOneOfItsListsIsNamedNotTakenForAnInternalError(@TempDir Path directory) throws Exception {
        // was "…:1:…: Cannot construct instance of `dev.evosld.search.Checkpoint`, problem:
        // `java.lang.NullPointerException` (not a checkpoint; …)", from the copies the constructor makes
        Path file = directory.resolve("checkpoint.json");
        awkward().write(file);
        String whole = Files.readString(file);
        Map<String, String> damages = new LinkedHashMap<>();
        damages.put("cache", "a cached law with no key or law");
        damages.put("islands", "an island with an empty place");
        damages.put("history", "an empty place in the history");
        damages.put("proposers", "an empty place among the proposers");
        for (Map.Entry<String, String> damage : damages.entrySet()) {
            ObjectNode document = (ObjectNode) Json.mapper().readTree(whole);
            ((ArrayNode) document.get(damage.getKey())).set(1, (tools.jackson.databind.JsonNode) null);
            Files.writeString(file, Json.mapper().writeValueAsString(document));
            EvosldException e = assertThrows(EvosldException.class, () -> Checkpoint.read(file), damage.getKey());
            assertEquals(file + ": damaged checkpoint (" + damage.getValue() + "); start the run afresh with another"
                + " --out, or delete " + directory + " first", e.getMessage());
        }
    }

    @Test
    void bytesThatAreNotTextAreNotACheckpoint(@TempDir Path directory) throws Exception {
        // was "cannot read checkpoint …: Input length = 1", the decoder's words
        Path file = directory.resolve("checkpoint.json");
        Files.write(file, new byte[] {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'});
        EvosldException e = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertEquals(file + ": not UTF-8 text (not a checkpoint; start the run afresh with another --out, or delete "
            + directory + " first)", e.getMessage());
    }

    @Test
    void beforeTheFirstGenerationTheSeededRestartsSuffice(@TempDir Path directory) {
        // a time limit reached while seeding leaves the later restarts to the resume
        Path file = directory.resolve("checkpoint.json");
        Checkpoint whole = awkward();
        with(whole, whole.settings(), 0, whole.islands().subList(0, 2)).write(file);
        assertEquals(2, Checkpoint.read(file).islands().size());
        with(whole, whole.settings(), 0, whole.islands()).write(file);
        assertEquals(4, Checkpoint.read(file).islands().size());
    }

    @Test
    void aCheckpointOfANewerFormatSaysSo(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("checkpoint.json");
        awkward().write(file);
        ObjectNode document = (ObjectNode) Json.mapper().readTree(Files.readString(file));
        document.put("version", Checkpoint.VERSION + 1);
        Files.writeString(file, Json.mapper().writeValueAsString(document));
        EvosldException e = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertEquals(file + ": checkpoint format " + (Checkpoint.VERSION + 1) + ", this evosld reads "
            + Checkpoint.VERSION + " (a newer version wrote it); start the run afresh with another --out, or delete " + directory + " first",
            e.getMessage());
    }

    @Test
    void aCheckpointEmptiedOrCutShortSaysSoRatherThanThatItIsNone(@TempDir Path directory) throws Exception {
        // observed: ".../checkpoint.json:1:0: expected an object (not a checkpoint; ...)" for an emptied file and
        // "...:10077:4: Unexpected end-of-input within/between Object entries (not a checkpoint; ...)" for its first half
        Path file = directory.resolve("checkpoint.json");
        String afresh = "; start the run afresh with another --out, or delete " + directory + " first";
        for (String blank : List.of("", " \n")) {
            Files.writeString(file, blank);
            EvosldException empty = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
            assertEquals(file + ": empty, where a checkpoint was (evosld writes one whole, so the file was emptied since)"
                + afresh, empty.getMessage());
        }
        awkward().write(file);
        String whole = Files.readString(file);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20; i++) {
            int length = i == 0 ? whole.length() / 2 : i == 1 ? whole.length() - 1 : 1 + random.nextInt(whole.length() - 1);
            String part = whole.substring(0, length);
            Files.writeString(file, part);
            EvosldException cut = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
            long lines = part.lines().count() + (part.endsWith("\n") ? 1 : 0);
            assertTrue(cut.getMessage().startsWith(file + ":" + lines + ":"), cut.getMessage());
            assertTrue(cut.getMessage().endsWith(": the checkpoint ends there, cut short (evosld writes one whole, so the"
                + " file was cut since)" + afresh), length + ": " + cut.getMessage());
        }
        // a column's name of a user's CSV may be written in more bytes than one, and the cut fall between them
        String half = whole.substring(0, whole.indexOf("\"law\"") + 8) + "gr";
        byte[] cutInACharacter = (half + "ö").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(cutInACharacter, cutInACharacter.length - 1));
        EvosldException inACharacter = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertEquals(file + ":" + (half.lines().count()) + ":" + (half.length() - half.lastIndexOf('\n'))
            + ": the checkpoint ends there, cut short (evosld writes one whole, so the file was cut since)" + afresh,
            inACharacter.getMessage());
    }

    @Test
    void aFolderWhoseLawStandsIsNeverToldToBeDeleted(@TempDir Path directory) throws Exception {
        // observed: discover --resume of a finished run of an older evosld, to see it, said "…; start the run afresh
        // with another --out, or delete DIR first", its law, front and report with it, which report --run DIR reads
        Path file = directory.resolve("checkpoint.json");
        awkward().write(file);
        ObjectNode document = (ObjectNode) Json.mapper().readTree(Files.readString(file));
        document.put("version", Checkpoint.VERSION - 1);
        Files.writeString(file, Json.mapper().writeValueAsString(document));
        Files.writeString(directory.resolve("law.json"), "{}");
        EvosldException older = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertEquals(file + ": checkpoint format " + (Checkpoint.VERSION - 1) + ", this evosld reads " + Checkpoint.VERSION
            + " (an older version wrote it); start a new run with another --out; its law.json stands, for evosld report,"
            + " predict and export --run " + directory, older.getMessage());

        Files.writeString(file, "{\"version\": " + Checkpoint.VERSION + "}");
        EvosldException damaged = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertEquals(file + ": damaged checkpoint (no settings); start a new run with another --out; its law.json stands,"
            + " for evosld report, predict and export --run " + directory, damaged.getMessage());
    }

    @Test
    void aFileThatIsNotJsonOrNotACheckpointsShapeIsOneLineWithWhereAndWhat(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("checkpoint.json");
        Files.writeString(file, "{\n  \"version\" : 3,\n  \"generation\" : 4,,\n}");
        EvosldException syntax = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertTrue(syntax.getMessage().startsWith(file + ":3:"), syntax.getMessage());
        assertTrue(syntax.getMessage().endsWith(" (not a checkpoint; start the run afresh with another --out, or delete "
            + directory + " first)"), syntax.getMessage());
        assertFalse(syntax.getMessage().contains("\n"), syntax.getMessage());

        awkward().write(file);
        ObjectNode document = (ObjectNode) Json.mapper().readTree(Files.readString(file));
        document.put("generation", "four");
        Files.writeString(file, Json.mapper().writeValueAsString(document));
        EvosldException shape = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertTrue(shape.getMessage().startsWith(file + ":"), shape.getMessage());
        assertTrue(shape.getMessage().contains("expected a number at generation"), shape.getMessage());
        assertTrue(shape.getMessage().endsWith(" (not a checkpoint; start the run afresh with another --out, or delete "
            + directory + " first)"), shape.getMessage());
        assertFalse(shape.getMessage().contains("\n"), shape.getMessage());

        ((ArrayNode) document.get("islands")).removeAll().add("not an island");
        document.put("generation", 4);
        Files.writeString(file, Json.mapper().writeValueAsString(document));
        EvosldException island = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertTrue(island.getMessage().contains("expected a list at islands[0]"), island.getMessage());
    }

    @Test
    void aMissingCheckpointIsAnErrorNamingIt(@TempDir Path directory) {
        Path file = directory.resolve("none.json");
        EvosldException e = assertThrows(EvosldException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().startsWith("cannot read checkpoint " + file + ": "), e.getMessage());
    }

    @Test
    void settingsKeepAllButTheTimeLimitAndThreadsWhichTheResumeGives() {
        SearchSettings original = SearchSettings.defaults().withSeed(-3).withGenerations(17).withPopulation(21)
            .withIslands(3).withRestarts(4).withEpochLength(5).withThreads(7).withProposerEvery(6)
            .withTimeLimit(Duration.ofSeconds(90));
        Checkpoint.Settings kept = Checkpoint.Settings.of(original);
        SearchSettings resumed = kept.with(Duration.ofMinutes(2), 3);
        assertEquals(new SearchSettings(original.seed(), original.generations(), original.population(),
            original.islands(), original.restarts(), original.epochLength(), Duration.ofMinutes(2), 3,
            original.validationStarts(), original.finalStarts(), original.maxNodes(), original.proposerEvery()), resumed);
        assertEquals(kept, Checkpoint.Settings.of(resumed));
    }

    @Test
    void theBasisDigestChangesWithAnyTrainValueOrGroupNameAndNotOtherwise() {
        Checkpoint.Basis basis = basis(table("a", 1.0, 2.0));
        assertEquals(basis, basis(table("a", 1.0, 2.0)), "the same rows give the same digest");
        assertTrue(basis.train().matches("[0-9a-f]{64}"), basis.train());
        List<Table> others = List.of(table("a", Math.nextUp(1.0), 2.0), table("a", 1.0, Math.nextDown(2.0)),
            table("b", 1.0, 2.0), table("a", 2.0, 1.0));
        for (Table other : others) {
            Checkpoint.Basis now = basis(other);
            assertNotEquals(basis.train(), now.train(), other.toString());
            assertEquals(Optional.of("its train rows differ from this command's (the data changed since)"),
                basis.difference(now));
        }
        assertEquals(Optional.empty(), basis.difference(basis(table("a", 1.0, 2.0))));
    }

    @Test
    void theBasisNamesTheFirstOptionThatDiffers() {
        Checkpoint.Basis basis = new Checkpoint.Basis(List.of("N", "D"), List.of("loss"), 5, List.of("N"),
            "top_values=1", "falling", List.of("N"), "[0, inf)", "digest");
        Checkpoint.Basis budget = new Checkpoint.Basis(List.of("N", "D"), List.of("loss"), 6, List.of("N"),
            "top_values=1", "falling", List.of("N"), "[0, inf)", "other digest");
        assertEquals(Optional.of("its parameter budget 5, this command's 6"), basis.difference(budget),
            "an option that differs is named before the rows");
        Checkpoint.Basis range = new Checkpoint.Basis(List.of("N", "D"), List.of("loss"), 5, List.of("N"),
            "top_values=1", "falling", List.of("N"), "[0, 1]", "digest");
        assertEquals(Optional.of("its target range [0, inf), this command's [0, 1]"), basis.difference(range));
        Checkpoint.Basis axes = new Checkpoint.Basis(List.of("N", "D"), List.of("loss"), 5, List.of("N", "D"),
            "top_values=1", "rising", List.of("N"), "[0, inf)", "digest");
        assertEquals(Optional.of("its scale axes [N], this command's [N, D]"), basis.difference(axes));
    }

    private static Checkpoint.Basis basis(Table table) {
        return Checkpoint.Basis.of(SyntheticTask.config(), new Train(table));
    }

    private static Table table(String group, double first, double second) {
        return new Table(List.of("N", "D"), List.of("loss"), List.of(Group.of(group,
            new double[][] {{1e7, 1e8}, {1e9, 1e9}}, new double[][] {{first, second}})));
    }

    private static Checkpoint with(Checkpoint c, Checkpoint.Settings settings, int generation,
                                   List<List<Checkpoint.Individual>> islands) {
        return new Checkpoint(c.version(), c.task(), settings, generation, islands, c.cache(), c.history(),
            c.cacheHits(), c.fitted(), c.seconds(), c.proposerRounds(), c.basis(), c.proposers(), c.proposerStates());
    }

    private static Checkpoint withCache(Checkpoint c, List<Checkpoint.CachedLaw> cache) {
        return new Checkpoint(c.version(), c.task(), c.settings(), c.generation(), c.islands(), cache, c.history(),
            c.cacheHits(), c.fitted(), c.seconds(), c.proposerRounds(), c.basis(), c.proposers(), c.proposerStates());
    }

    private static Checkpoint.Settings withEpochLength(Checkpoint.Settings s, int epochLength) {
        return new Checkpoint.Settings(s.seed(), s.generations(), s.population(), s.islands(), s.restarts(), epochLength,
            s.validationStarts(), s.finalStarts(), s.maxNodes(), s.proposerEvery());
    }

    private static List<List<Checkpoint.Individual>> withEmptyPlace(List<List<Checkpoint.Individual>> islands) {
        List<List<Checkpoint.Individual>> damaged = new ArrayList<>(islands);
        List<Checkpoint.Individual> island = new ArrayList<>(islands.get(1));
        island.set(1, null);
        damaged.set(1, island);
        return damaged;
    }

    /** Two restarts of two islands of three individuals, generation 5 of 8, with awkward values everywhere. */
    private static Checkpoint awkward() {
        Checkpoint.Settings settings = new Checkpoint.Settings(Long.MIN_VALUE, 8, 3, 2, 2, 2, 4, 16, 40, 3);
        List<List<Checkpoint.Individual>> islands = new ArrayList<>();
        int k = 0;
        for (int island = 0; island < 4; island++) {
            List<Checkpoint.Individual> individuals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("a", AWKWARD[k++ % AWKWARD.length]);
                values.put("b", AWKWARD[k++ % AWKWARD.length]);
                individuals.add(new Checkpoint.Individual("a*N^-b", values,
                    i == 2 ? null : AWKWARD[k++ % AWKWARD.length], Long.MAX_VALUE - i));
            }
            islands.add(individuals);
        }
        List<Checkpoint.CachedLaw> cache = List.of(
            new Checkpoint.CachedLaw(0, "(* a (^ N (- b)))", "a*N^-b", 0.1 + 0.2, 1.0 / 3, 2, 5,
                Map.of("a", Math.PI, "b", -0.0), null, List.of(AWKWARD.clone(), new double[] {0.0, -0.0})),
            new Checkpoint.CachedLaw(1, "key \"quoted\" \\ é ∞", "E + A*N^-alpha", 2.5e-8, 0.0, 3, 7, Map.of(), null, null),
            new Checkpoint.CachedLaw(1, "failed", "log(-N)*a", null, null, 1, 4, Map.of(),
                "no start gave finite predictions\non all rows: \"NaN\"", null));
        List<HistoryEntry> history = new ArrayList<>();
        for (int g = 1; g <= 5; g++) {
            history.add(new HistoryEntry(g, AWKWARD[g], 1 - AWKWARD[g], g * 1000L, g, AWKWARD[g + 2]));
        }
        Checkpoint.Basis basis = Checkpoint.Basis.of(SyntheticTask.config(), SyntheticTask.train());
        return new Checkpoint(Checkpoint.VERSION, "synthetic ✓", settings, 5, islands, cache, history,
            Long.MAX_VALUE, 1L << 53, 0.1 + 0.7, 2, basis, List.of("classic forms", "llm model/with \"quotes\""),
            Map.of("llm model/with \"quotes\"", new ProposerState(
                List.of("a*N^-b — 'N' is \"quoted\"\n"), Map.of("calls", 7L, "total_tokens", Long.MAX_VALUE),
                Map.of("--llm-temperature", "0.2", "--llm-proposals", "3"))));
    }

    private static Checkpoint.CachedLaw withoutErrors(Checkpoint.CachedLaw law) {
        return new Checkpoint.CachedLaw(law.restart(), law.key(), law.law(), law.validationError(), law.standardError(),
            law.parameterCount(), law.nodeCount(), law.fitted(), law.failure(), null);
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            expected + " read back as " + actual);
    }
}
