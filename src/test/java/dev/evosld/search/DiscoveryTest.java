package dev.evosld.search;

import static dev.evosld.search.SyntheticTask.document;
import static dev.evosld.search.SyntheticTask.killAt;
import static dev.evosld.search.SyntheticTask.resume;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DiscoveryTest {

    @Test
    void theSameSeedGivesTheSameLawWhateverTheThreadCount() {
        SearchResult one = run(SyntheticTask.settings(6).withThreads(1), null);
        SearchResult two = run(SyntheticTask.settings(6).withThreads(2), null);
        assertEquals(one.law(), two.law());
        assertSameParameters(one.parameters(), two.parameters());
        assertEquals(one.history().stream().map(HistoryEntry::bestValidationError).toList(),
            two.history().stream().map(HistoryEntry::bestValidationError).toList());
        assertEquals(one.candidatesFitted(), two.candidatesFitted());
    }

    @Test
    void aKilledRunResumedFromItsCheckpointEndsLikeAnUninterruptedOne(@TempDir Path directory) {
        SearchResult uninterrupted = run(SyntheticTask.settings(8), null);

        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), checkpoint);
        assertTrue(Files.exists(checkpoint), "a checkpoint was written every epoch");
        assertEquals(4, Checkpoint.read(checkpoint).generation(), "the last checkpoint is at the last epoch boundary");

        assertResumesLike(uninterrupted, checkpoint);
    }

    @Test
    void aDamagedCheckpointIsOneLineNamingWhatIsWrong(@TempDir Path directory) throws Exception {
        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), checkpoint);
        String whole = Files.readString(checkpoint);
        Map<String, String> damages = new LinkedHashMap<>();
        damages.put("null", "not a checkpoint (no format version)");
        damages.put("{}", "not a checkpoint (no format version)");
        damages.put(whole.replace("\"generation\" : 4", "\"generation\" : -5"), "damaged checkpoint (generation -5 outside 0 to 8)");
        damages.put(whole.replace("\"generation\" : 4", "\"generation\" : 100"), "damaged checkpoint (generation 100 outside 0 to 8)");
        damages.put(whole.replaceFirst("\"cache\" : \\[", "\"cache\" : null, \"x\" : ["), "damaged checkpoint (no islands, cache or history)");
        for (var damage : damages.entrySet()) {
            Files.writeString(checkpoint, damage.getKey());
            EvosldException e = assertThrows(EvosldException.class, () -> Checkpoint.read(checkpoint));
            assertEquals(checkpoint + ": " + damage.getValue() + "; start the run afresh with another --out, or delete "
                + checkpoint.toAbsolutePath().getParent() + " first", e.getMessage());
        }
    }

    @Test
    void aLawCachedTwiceInOneRestartIsNamedWithItsFileAndPlace(@TempDir Path directory) throws Exception {
        // the second was dropped in silence, and the resumed cache was not the one the run had
        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(5, SyntheticTask.settings(8), checkpoint);
        ObjectNode document = document(Files.readString(checkpoint));
        ArrayNode cache = (ArrayNode) document.get("cache");
        int size = cache.size();
        cache.add(cache.get(3).deepCopy());
        Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
        EvosldException e = assertThrows(EvosldException.class, () -> resume(checkpoint));
        assertEquals(checkpoint + ": damaged checkpoint (cache[" + size + "].key: restart " + cache.get(3).get("restart").intValue()
            + "'s key of cache[3] again, '" + cache.get(3).get("key").stringValue() + "'); start the run afresh with another"
            + " --out, or delete " + directory + " first", e.getMessage());
    }

    @Test
    void aRunKilledBeforeItsFirstEpochResumesFromItsSeededRestarts(@TempDir Path directory) {
        SearchResult uninterrupted = run(SyntheticTask.settings(8), null);

        Path checkpoint = directory.resolve("checkpoint.json");
        SearchListener killer = (generation, of, best, rate, hits) -> {
            throw new IllegalStateException("killed");
        };
        Discovery first = Discovery.start(SyntheticTask.config(), SyntheticTask.train(), SyntheticTask.settings(8),
            List.of(new ClassicForms()), killer, checkpoint);
        assertThrows(IllegalStateException.class, first::run);
        Checkpoint seeded = Checkpoint.read(checkpoint);
        assertEquals(0, seeded.generation(), "killed in the first generation, after seeding");
        assertEquals(2 * 2, seeded.islands().size(), "both restarts' islands were seeded and kept");

        assertResumesLike(uninterrupted, checkpoint);
    }

    @Test
    void theCheckpointKeepsPerRowErrorsForTheFrontsLawsAlone(@TempDir Path directory) {
        Path file = directory.resolve("checkpoint.json");
        run(SyntheticTask.settings(4), file);
        Checkpoint checkpoint = Checkpoint.read(file);
        for (int restart = 0; restart < 2; restart++) {
            int r = restart;
            List<Checkpoint.CachedLaw> own = checkpoint.cache().stream().filter(c -> c.restart() == r).toList();
            List<CandidateCache.Entry> scored = own.stream().map(c -> new CandidateCache.Entry(c.key(),
                Law.parse(c.law(), SyntheticTask.FEATURES), c.validationError() == null
                    ? Evaluation.failed(c.failure(), c.parameterCount(), c.nodeCount())
                    : new Evaluation(c.validationError(), c.standardError(), c.parameterCount(), c.nodeCount(), java.util.Map.of(), null)))
                .toList();
            List<String> front = ParetoFront.of(scored).stream().map(CandidateCache.Entry::key).sorted().toList();
            assertTrue(own.size() > 3 * front.size(), "most candidates are off the front");
            assertEquals(front, own.stream().filter(c -> c.errors() != null).map(Checkpoint.CachedLaw::key)
                .sorted().toList(), "restart " + r);
        }
        for (Checkpoint.CachedLaw law : checkpoint.cache()) {
            if (law.errors() != null) {
                double mean = law.errors().stream().mapToDouble(s -> java.util.Arrays.stream(s).average().orElseThrow())
                    .average().orElseThrow();
                assertEquals(law.validationError(), mean, 1e-9 * Math.max(1, mean), "the rows average to the error");
            }
        }
    }

    @Test
    void aRunOfRestartsReportsTheLawOfTheRestartWhoseLawValidatesBest() {
        // RestartChoiceTest has restarts that differ; here every restart of the toy task finds its true law, so
        // this checks the whole path: the run reports what the best restart alone reports, the first on ties
        long seed = 2;
        List<SearchResult> alone = new java.util.ArrayList<>();
        for (int r = 0; r < 3; r++) {
            alone.add(run(SyntheticTask.settings(4).withSeed(Restart.seed(seed, r)).withRestarts(1), null));
        }
        List<String> messages = new java.util.ArrayList<>();
        SearchListener listener = collecting(messages);
        SearchResult together = Discovery.start(SyntheticTask.config(), SyntheticTask.train(),
            SyntheticTask.settings(4).withSeed(seed).withRestarts(3), List.of(new ClassicForms()), listener, null).run();
        int bestIndex = 0;
        for (int r = 1; r < 3; r++) {
            if (alone.get(r).evaluation().validationError() < alone.get(bestIndex).evaluation().validationError()) {
                bestIndex = r;
            }
        }
        SearchResult best = alone.get(bestIndex);
        assertEquals(best.law(), together.law());
        assertEquals(best.evaluation().validationError(), together.evaluation().validationError(), 0.0);
        assertSameParameters(best.parameters(), together.parameters());
        assertTrue(messages.getLast().endsWith("; restart " + (bestIndex + 1) + "'s is reported"), messages.toString());
    }

    @Test
    void theFirstRestartHasTheRunsSeedAndTheOthersTheirOwn() {
        assertEquals(7, Restart.seed(7, 0));
        java.util.Set<Long> seeds = new java.util.HashSet<>();
        for (long run = 0; run < 10; run++) {
            for (int r = 0; r < 3; r++) {
                seeds.add(Restart.seed(run, r));
            }
        }
        assertEquals(30, seeds.size(), "no two restarts of ten runs share a seed");
    }

    @Test
    void everyRestartHasItsOwnIslandsAndCache(@TempDir Path directory) {
        Path one = directory.resolve("one.json");
        Path three = directory.resolve("three.json");
        run(SyntheticTask.settings(4).withRestarts(1), one);
        run(SyntheticTask.settings(4).withRestarts(3), three);
        assertEquals(2, Checkpoint.read(one).islands().size());
        assertEquals(6, Checkpoint.read(three).islands().size());
        assertEquals(3, Checkpoint.read(three).settings().restarts());
        assertEquals(java.util.Set.of(0, 1, 2), Checkpoint.read(three).cache().stream()
            .map(Checkpoint.CachedLaw::restart).collect(java.util.stream.Collectors.toSet()));
        long firstRestartsLaws = Checkpoint.read(three).cache().stream().filter(c -> c.restart() == 0).count();
        assertEquals(Checkpoint.read(one).cache().size(), firstRestartsLaws, "the first restart is the run of one");
    }

    @Test
    void findsALawThatExtrapolatesTheSyntheticTruth() {
        SearchResult result = run(SyntheticTask.settings(6), null);
        assertTrue(result.evaluation().validationR2() > 0.999, "validation R² " + result.evaluation().validationR2());
        assertTrue(result.trainR2() > 0.999, "train R² " + result.trainR2());
        assertTrue(result.law().parameterCount() <= 5, result.law().toString());
        assertTrue(result.front().stream().anyMatch(s -> s.law().equals(result.law())), "the chosen law is on the front");
        assertEquals(result.law(), ReadableNames.rename(result.law(), java.util.Set.of("N", "D", "loss")),
            "the reported law has readable names");
        assertTrue(result.law().parameters().stream().noneMatch(name -> name.matches("p[0-9]+")), result.law().toString());
        assertEquals(java.util.Set.copyOf(result.law().parameters()), result.parameters().names().stream()
            .collect(java.util.stream.Collectors.toSet()), "the fitted parameters carry the same names");
    }

    @Test
    void theChosenLawIsTheSimplestWithinOneStandardErrorOfTheDifferenceFromTheBest() {
        SearchResult result = run(SyntheticTask.settings(6), null);
        double best = result.front().stream().mapToDouble(f -> f.evaluation().validationError()).min().orElseThrow();
        int chosen = -1;
        for (int i = 0; i < result.front().size(); i++) {
            FrontLaw law = result.front().get(i);
            double excess = law.evaluation().validationError() - best;
            if (excess == 0) {
                assertEquals(0.0, law.differenceStandardError(), "the best against itself");
            }
            if (chosen < 0 && excess <= law.differenceStandardError()) {
                chosen = i;
            }
        }
        assertTrue(result.front().size() > 3, "a front to choose from: " + result.front().size());
        assertEquals(result.law(), result.front().get(chosen).law());
        List<ParetoEntry> entries = ParetoEntry.of(result);
        assertEquals(List.of(result.law().toString()), entries.stream().filter(ParetoEntry::chosen).map(ParetoEntry::law).toList());
        assertEquals(result.front().get(chosen).differenceStandardError(), entries.get(chosen).differenceStandardError());
    }

    @Test
    void stopsAtTheTimeLimitAndSaysSo() {
        SearchResult result = run(SyntheticTask.settings(1000).withTimeLimit(Duration.ZERO), null);
        assertEquals("time limit", result.stoppedBy());
        assertEquals(0, result.generations());
    }

    @Test
    void aLimitReachedBetweenEpochsCheckpointsWhereItStoppedAndResumesLikeAnUninterruptedRun(@TempDir Path directory) {
        SearchResult uninterrupted = run(SyntheticTask.settings(8), null);

        Path checkpoint = directory.resolve("checkpoint.json");
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        SearchListener clockJumpsAtFive = (generation, of, best, rate, hits) -> {
            if (generation == 5) {
                nanos.addAndGet(Duration.ofMinutes(10).toNanos());
            }
        };
        SearchResult cut = Discovery.start(SyntheticTask.config(), SyntheticTask.train(),
            SyntheticTask.settings(8).withTimeLimit(Duration.ofMinutes(5)), List.of(new ClassicForms()),
            clockJumpsAtFive, checkpoint, nanos::get).run();

        assertEquals("time limit", cut.stoppedBy());
        assertEquals(5, cut.generations());
        Checkpoint written = Checkpoint.read(checkpoint);
        assertEquals(5, written.generation(), "not the epoch boundary at 4: a resume redoes no generation");
        assertEquals(List.of(1, 2, 3, 4, 5), written.history().stream().map(HistoryEntry::generation).toList());
        assertResumesLike(uninterrupted, checkpoint);
    }

    @Test
    void aLimitReachedWhileSeedingLeavesTheLaterRestartsForAResume(@TempDir Path directory) {
        SearchResult uninterrupted = run(SyntheticTask.settings(8), null);

        Path checkpoint = directory.resolve("checkpoint.json");
        List<String> messages = new java.util.ArrayList<>();
        SearchListener listener = collecting(messages);
        SearchResult cut = Discovery.start(SyntheticTask.config(), SyntheticTask.train(),
            SyntheticTask.settings(8).withTimeLimit(Duration.ZERO), List.of(new ClassicForms()), listener, checkpoint).run();
        assertEquals("time limit", cut.stoppedBy());
        assertEquals(2, Checkpoint.read(checkpoint).islands().size(), "only the first restart's two islands were seeded");
        assertTrue(messages.contains("restart 2 did not start before the time limit; resume the run to search with it"),
            messages.toString());
        assertTrue(messages.stream().noneMatch(m -> m.startsWith("restarts' laws validate")), messages.toString());
        assertEquals(1, cut.restarts(), "the result records that one restart of two searched");
        assertEquals(2, uninterrupted.restarts());

        assertResumesLike(uninterrupted, checkpoint);
    }

    @Test
    void aRunCutWhileSeedingResumesWithItsProposersAsTheyStoodBeforeTheSeeds(@TempDir Path directory) {
        Path checkpoint = directory.resolve("checkpoint.json");
        Remembering first = new Remembering();
        Discovery.start(SyntheticTask.config(), SyntheticTask.train(), SyntheticTask.settings(8).withTimeLimit(Duration.ZERO),
            List.of(new ClassicForms(), first), SearchListener.none(), checkpoint).run();
        assertEquals(List.of(List.of()), first.seedsAskedWith);
        // the resumed run asks for the seeds of its later restarts again: as the first run asked, so that the LLM's
        // cache replays the answer
        assertEquals(List.of(), Checkpoint.read(checkpoint).proposerStates().get("remembering").feedback());

        Remembering resumed = new Remembering();
        Discovery.resume(SyntheticTask.config(), SyntheticTask.train(), checkpoint, Duration.ofMinutes(5), 2,
            List.of(new ClassicForms(), resumed), SearchListener.none()).run();
        assertEquals(List.of(List.of()), resumed.seedsAskedWith);
        assertEquals(List.of("asked for seeds"),
            Checkpoint.read(checkpoint).proposerStates().get("remembering").feedback());
    }

    /** A proposer whose state says whether it was asked for seeds; it proposes nothing. */
    private static final class Remembering implements Proposer {
        private final List<List<String>> seedsAskedWith = new java.util.ArrayList<>();
        private List<String> feedback = List.of();

        @Override
        public List<dev.evosld.law.Law> seeds(ProposalContext context) {
            seedsAskedWith.add(feedback);
            feedback = List.of("asked for seeds");
            return List.of();
        }

        @Override
        public String name() {
            return "remembering";
        }

        @Override
        public java.util.Optional<ProposerState> state() {
            return java.util.Optional.of(new ProposerState(feedback, java.util.Map.of(), java.util.Map.of()));
        }

        @Override
        public void restore(ProposerState state) {
            feedback = state.feedback();
        }
    }

    @Test
    void theCheckpointWrittenOnInterruptHoldsTheHistoryItResumesFrom(@TempDir Path directory) {
        SearchResult uninterrupted = run(SyntheticTask.settings(8), null);

        Path checkpoint = directory.resolve("checkpoint.json");
        java.util.concurrent.atomic.AtomicReference<Discovery> running = new java.util.concurrent.atomic.AtomicReference<>();
        SearchListener interruptAtFive = new SearchListener() {
            @Override
            public void onGeneration(int generation, int of, double best, double rate, double hits) {
                if (generation == 5) {
                    // what the shutdown hook does on Ctrl-C: write the last checkpoint (generation 4), then stop
                    running.get().checkpointWriter().orElseThrow().run();
                    throw new SearchInterruptedException();
                }
            }
        };
        running.set(Discovery.start(SyntheticTask.config(), SyntheticTask.train(), SyntheticTask.settings(8),
            List.of(new ClassicForms()), interruptAtFive, checkpoint));
        assertThrows(SearchInterruptedException.class, () -> running.get().run());

        Checkpoint written = Checkpoint.read(checkpoint);
        assertEquals(4, written.generation());
        assertEquals(List.of(1, 2, 3, 4), written.history().stream().map(HistoryEntry::generation).toList());
        assertResumesLike(uninterrupted, checkpoint);
        SearchResult resumed = Discovery.resume(SyntheticTask.config(), SyntheticTask.train(), checkpoint,
            Duration.ofMinutes(5), 2, List.of(new ClassicForms()), SearchListener.none()).run();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 8).boxed().toList(),
            resumed.history().stream().map(HistoryEntry::generation).toList(), "one entry per generation");
    }

    @Test
    void aResumedRunStillNamesTheProposersItsStartAsked(@TempDir Path directory) {
        Proposer silent = new Proposer() {
            @Override
            public List<dev.evosld.law.Law> seeds(ProposalContext context) {
                return List.of();
            }

            @Override
            public String name() {
                return "llm silent";
            }
        };
        Path checkpoint = directory.resolve("checkpoint.json");
        SearchListener killer = (generation, of, best, rate, hits) -> {
            if (generation == 4) {
                throw new IllegalStateException("killed");
            }
        };
        Discovery first = Discovery.start(SyntheticTask.config(), SyntheticTask.train(), SyntheticTask.settings(6),
            List.of(new ClassicForms(), silent), killer, checkpoint);
        assertThrows(IllegalStateException.class, first::run);

        SearchResult resumed = Discovery.resume(SyntheticTask.config(), SyntheticTask.train(), checkpoint,
            Duration.ofMinutes(5), 2, List.of(new ClassicForms()), SearchListener.none()).run();
        assertEquals(List.of("classic forms", "llm silent"), resumed.proposers());
    }

    @Test
    void refusesACheckpointOfAnotherTask(@TempDir Path directory) {
        Path checkpoint = directory.resolve("checkpoint.json");
        run(SyntheticTask.settings(2), checkpoint);
        dev.evosld.data.TaskConfig other = new dev.evosld.data.TaskConfig("other", "another task", SyntheticTask.config().features(),
            List.of("loss"), 5, List.of("N"), new dev.evosld.data.TaskConfig.Holdout.TopValues(1, 0), null,
            java.util.Map.of(), null, null);
        EvosldException e = assertThrows(EvosldException.class, () -> Discovery.resume(other,
            SyntheticTask.train(), checkpoint, Duration.ofMinutes(1), 1, List.of(new ClassicForms()), SearchListener.none()));
        assertTrue(e.getMessage().contains("a checkpoint of task 'synthetic', not 'other'"), e.getMessage());
    }

    @Test
    void refusesToResumeOnOtherRowsOrJudgedAnotherWay(@TempDir Path directory) {
        Path checkpoint = directory.resolve("checkpoint.json");
        run(SyntheticTask.settings(2), checkpoint);
        dev.evosld.data.TaskConfig base = SyntheticTask.config();
        dev.evosld.data.TaskConfig fraction = new dev.evosld.data.TaskConfig(base.name(), base.description(),
            base.features(), base.targets(), base.parameterBudget(), base.scaleAxis(),
            new dev.evosld.data.TaskConfig.Holdout.TopFraction(0.2, 0), null, java.util.Map.of(), null, null);
        EvosldException e = assertThrows(EvosldException.class, () -> Discovery.resume(fraction,
            SyntheticTask.train(), checkpoint, Duration.ofMinutes(1), 1, List.of(new ClassicForms()), SearchListener.none()));
        assertEquals(checkpoint + ": the checkpoint's run was judged on other data or with other options (its holdout"
            + " top_values=1, this command's top_fraction=0.2); resume with the data and options it started with, or"
            + " start the run afresh with another --out, or delete " + checkpoint.toAbsolutePath().getParent() + " first",
            e.getMessage());
        dev.evosld.data.Train fewer = new dev.evosld.data.Train(SyntheticTask.table(new double[] {1e7, 3e7, 1e8, 3e8}));
        e = assertThrows(EvosldException.class, () -> Discovery.resume(base, fewer, checkpoint,
            Duration.ofMinutes(1), 1, List.of(new ClassicForms()), SearchListener.none()));
        assertTrue(e.getMessage().contains("(its train rows differ from this command's (the data changed since))"),
            e.getMessage());
    }

    @Test
    void aCheckpointWrittenBeforeItsBasisWasRecordedStillResumes(@TempDir Path directory) throws Exception {
        SearchResult uninterrupted = run(SyntheticTask.settings(4), null);
        Path checkpoint = directory.resolve("checkpoint.json");
        killAt(2, SyntheticTask.settings(4), checkpoint);
        ObjectNode document = document(Files.readString(checkpoint));
        assertTrue(document.has("basis"), "written now");
        document.remove("basis");
        Files.writeString(checkpoint, Json.mapper().writeValueAsString(document));
        assertResumesLike(uninterrupted, checkpoint);
    }

    @Test
    void refusesACheckpointOfAnotherFormatAndSaysWhatToDo(@TempDir Path directory) throws Exception {
        Path checkpoint = directory.resolve("checkpoint.json");
        run(SyntheticTask.settings(2), checkpoint);
        Files.writeString(checkpoint, Files.readString(checkpoint).replaceFirst("\"version\" *: *" + Checkpoint.VERSION, "\"version\":2"));
        EvosldException e = assertThrows(EvosldException.class, () -> Discovery.resume(
            SyntheticTask.config(), SyntheticTask.train(), checkpoint, Duration.ofMinutes(1), 1, List.of(new ClassicForms()),
            SearchListener.none()));
        assertEquals(checkpoint + ": checkpoint format 2, this evosld reads 3 (an older version wrote it); start the run"
            + " afresh with another --out, or delete " + directory.toAbsolutePath() + " first", e.getMessage());
    }

    /** The run resumed from {@code checkpoint} ends exactly like {@code uninterrupted}. */
    private static void assertResumesLike(SearchResult uninterrupted, Path checkpoint) {
        SearchResult resumed = Discovery.resume(SyntheticTask.config(), SyntheticTask.train(), checkpoint,
            Duration.ofMinutes(5), 2, List.of(new ClassicForms()), SearchListener.none()).run();
        assertEquals(uninterrupted.law(), resumed.law());
        assertSameParameters(uninterrupted.parameters(), resumed.parameters());
        assertEquals(uninterrupted.history().stream().map(HistoryEntry::bestValidationError).toList(),
            resumed.history().stream().map(HistoryEntry::bestValidationError).toList());
        assertEquals(uninterrupted.candidatesFitted(), resumed.candidatesFitted());
        assertEquals(uninterrupted.restarts(), resumed.restarts());
    }

    /** A listener that keeps the run's messages in {@code messages}. */
    private static SearchListener collecting(List<String> messages) {
        return new SearchListener() {
            @Override
            public void onGeneration(int generation, int of, double best, double rate, double hits) {
            }

            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
    }

    @Test
    void onDataALawFitsExactlyUpToRoundingTheSimplestExactLawIsReported() {
        // a user's table of lr_opt = 0.3 * N^-0.35 written to 7 significant digits: every law that fits it has a
        // validation error near 1e-12, and laws differing only in rounding noise there were taken as better
        double[] sizes = {1e6, 3e6, 1e7, 3e7, 1e8, 3e8, 1e9, 3e9};
        double[] lr = new double[sizes.length];
        for (int r = 0; r < sizes.length; r++) {
            lr[r] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.7g", 0.3 * Math.pow(sizes[r], -0.35)));
        }
        Table table = new Table(List.of("N"), List.of("lr_opt"),
            List.of(Group.of("all", new double[][] {sizes}, new double[][] {lr})));
        TaskConfig config = new TaskConfig("exact", "a power law written to 7 digits",
            List.of(new TaskConfig.Feature("N", "parameters")), List.of("lr_opt"), 6, List.of("N"),
            new TaskConfig.Holdout.TopValues(2, 0), null, Map.of(), null, null);
        SearchResult result = Discovery.start(config, new Train(table), SearchSettings.defaults().withRestarts(1),
            List.of(new ClassicForms()), SearchListener.none(), null).run();
        assertEquals("A * N^alpha", result.law().toString());
    }

    private static SearchResult run(SearchSettings settings, Path checkpoint) {
        return Discovery.start(SyntheticTask.config(), SyntheticTask.train(), settings, List.of(new ClassicForms()),
            SearchListener.none(), checkpoint).run();
    }

    private static void assertSameParameters(ParameterSet a, ParameterSet b) {
        assertEquals(a.groups(), b.groups());
        for (String group : a.groups()) {
            assertArrayEquals(a.values(group, 0), b.values(group, 0), 0.0, group);
        }
    }
}
