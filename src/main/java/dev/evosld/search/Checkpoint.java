package dev.evosld.search;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.MessageText;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.json.Json;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.RunDirectory;
import dev.evosld.run.ShellWords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;

/**
 * The whole state of a discovery run between generations, enough to continue it exactly: the island
 * populations, the cache of scored laws (in insertion order), the history and counters. Written as JSON.
 *
 * @param version the format version
 * @param task the task
 * @param settings the run's settings, which a resumed run keeps
 * @param generation generations done
 * @param islands each island's individuals, restart by restart
 * @param cache every scored law, restart by restart, each restart's in the order it was scored
 * @param history the history so far
 * @param cacheHits candidates served from the caches
 * @param fitted candidates fitted, over all restarts
 * @param seconds wall-clock seconds so far
 * @param proposerRounds how often the proposers were asked for rewrites
 * @param basis what the scores rest on, or null in a checkpoint written before it was recorded
 * @param proposers the proposers asked for laws so far, over all resumptions; null in a checkpoint written before
 *     they were recorded
 * @param proposerStates the {@link Proposer#state() state} of each proposer that has one, by name; null in a checkpoint
 *     written before they were recorded
 */
record Checkpoint(int version, String task, Settings settings, int generation, List<List<Individual>> islands,
                  List<CachedLaw> cache, List<HistoryEntry> history, long cacheHits, long fitted, double seconds,
                  int proposerRounds, Basis basis, List<String> proposers, Map<String, ProposerState> proposerStates) {

    static final int VERSION = 3;

    Checkpoint {
        // copies: the search's history goes on growing after a checkpoint is taken, and the one the shutdown hook
        // writes must hold the generations it resumes from, no more (null fields, and the nulls a hand edit leaves
        // in a list, which List.copyOf would refuse as an internal error, are reported by read's checks)
        islands = copy(islands);
        cache = copy(cache);
        history = copy(history);
        proposers = copy(proposers);
        proposerStates = proposerStates == null ? null : Collections.unmodifiableMap(new TreeMap<>(proposerStates));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** {@link SearchSettings} without the time limit and thread count, which a resumed run may change. */
    record Settings(long seed, int generations, int population, int islands, int restarts, int epochLength,
                    int validationStarts, int finalStarts, int maxNodes, int proposerEvery) {

        static Settings of(SearchSettings s) {
            return new Settings(s.seed(), s.generations(), s.population(), s.islands(), s.restarts(), s.epochLength(),
                s.validationStarts(), s.finalStarts(), s.maxNodes(), s.proposerEvery());
        }

        SearchSettings with(Duration timeLimit, int threads) {
            return new SearchSettings(seed, generations, population, islands, restarts, epochLength, timeLimit, threads,
                validationStarts, finalStarts, maxNodes, proposerEvery);
        }
    }

    /**
     * What the scores in a checkpoint rest on: the train rows and how laws are judged. A user's CSV may change
     * between the run and its resumption, and a user's options (the holdout, the scale axes, the trend) are given
     * again on the command line; a run resumed on other rows or judged another way would mix two searches'
     * scores in one cache, so it is refused.
     *
     * @param train SHA-256 (hex) of the train rows: groups, features and targets, value by value
     */
    record Basis(List<String> features, List<String> targets, int parameterBudget, List<String> scaleAxis,
                 String holdout, String trend, List<String> fallsWith, String targetRange, String train) {

        static Basis of(TaskConfig config, Train train) {
            return new Basis(config.featureNames(), config.targets(), config.parameterBudget(), config.scaleAxis(),
                config.holdout().spec(), config.trend().configName(), config.fallsWith(), config.targetRange().describe(),
                digest(train.table()));
        }

        /** How {@code now} differs from this basis, in words, or empty when it does not. */
        Optional<String> difference(Basis now) {
            List<String> names = List.of("features", "targets", "parameter budget", "scale axes", "holdout", "trend",
                "falls_with", "target range");
            List<Object> before = List.of(features, targets, parameterBudget, scaleAxis, holdout, trend, fallsWith,
                targetRange);
            List<Object> after = List.of(now.features, now.targets, now.parameterBudget, now.scaleAxis, now.holdout,
                now.trend, now.fallsWith, now.targetRange);
            for (int i = 0; i < names.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    return Optional.of("its " + names.get(i) + " " + before.get(i) + ", this command's " + after.get(i));
                }
            }
            return train.equals(now.train) ? Optional.empty()
                : Optional.of("its train rows differ from this command's (the data changed since)");
        }

        private static String digest(Table table) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                ByteBuffer bits = ByteBuffer.allocate(Long.BYTES);
                for (Group group : table.groups()) {
                    digest.update(group.name().getBytes(StandardCharsets.UTF_8));
                    for (int r = 0; r < group.rows(); r++) {
                        for (int j = 0; j < group.featureCount(); j++) {
                            digest.update(bits.clear().putLong(Double.doubleToLongBits(group.feature(j, r))).array());
                        }
                        for (int k = 0; k < group.targetCount(); k++) {
                            digest.update(bits.clear().putLong(Double.doubleToLongBits(group.target(k)[r])).array());
                        }
                    }
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @param law the law in the law language
     * @param values its parameters' values (finite ones only)
     * @param fitness the penalized validation error, null when infinite
     * @param born the generation it was created in
     */
    record Individual(String law, Map<String, Double> values, Double fitness, long born) {
    }

    /**
     * @param restart the restart whose cache holds it
     * @param key the canonical key
     * @param law the law as first scored
     * @param validationError null when the law failed
     * @param errors the per-row validation errors ({@link ValidationErrors#segments()}) of a law on the Pareto
     *     front, null for the others
     */
    record CachedLaw(int restart, String key, String law, Double validationError, Double standardError,
                     int parameterCount, int nodeCount, Map<String, Double> fitted, String failure, List<double[]> errors) {
    }

    void write(Path file) {
        AtomicFiles.write(file, Json.mapper().writeValueAsString(this));
    }

    /**
     * Every restart's islands, or, before the first generation, those of the restarts seeded so far (the first
     * always is; a time limit reached while seeding leaves the others to a resume).
     */
    private boolean wholeRestarts() {
        int all = settings.islands() * settings.restarts();
        return generation == 0
            ? !islands.isEmpty() && islands.size() <= all && islands.size() % settings.islands() == 0
            : islands.size() == all;
    }

    /**
     * Checks what a damaged or hand-edited checkpoint can lack, which the run would otherwise trip over later as an
     * internal error: a checkpoint is only ever written whole, so anything missing means it is not one of ours.
     */
    private void requireWhole(Path file) {
        String problem = settings == null ? "no settings"
            : islands == null || cache == null || history == null ? "no islands, cache or history"
            : generation < 0 || generation > settings.generations()
                ? "generation " + generation + " outside 0 to " + settings.generations()
            : !wholeRestarts()
                ? islands.size() + " islands, where its settings make " + settings.islands() * settings.restarts()
            : islands.stream().anyMatch(island -> island == null || island.contains(null)) ? "an island with an empty place"
            : islands.stream().anyMatch(island -> island.size() != settings.population())
                ? "an island whose size is not the population's " + settings.population()
            : history.contains(null) ? "an empty place in the history"
            : proposers != null && proposers.contains(null) ? "an empty place among the proposers"
            : settings.epochLength() < 1 ? "epoch length " + settings.epochLength() + ", where it must be at least 1"
            : cache.stream().anyMatch(law -> law == null || law.key() == null || law.law() == null)
                ? "a cached law with no key or law"
            : cache.stream().filter(law -> law.restart() < 0 || law.restart() >= settings.restarts()).findFirst()
                .map(law -> "a cached law of restart " + law.restart() + ", where its settings make "
                    + settings.restarts() + (settings.restarts() == 1 ? " restart" : " restarts"))
                .orElse(null);
        if (problem == null) {
            problem = twiceCached();
        }
        if (problem != null) {
            throw damaged(file, problem);
        }
    }

    /**
     * A key a restart's cache holds twice, as a hand edit may leave it: the cache keeps the first alone, so the run
     * would resume with another cache than the one it wrote; null when there is none. Restarts have caches of their
     * own, which may hold the same key.
     */
    private String twiceCached() {
        Map<List<Object>, Integer> first = new HashMap<>();
        for (int i = 0; i < cache.size(); i++) {
            CachedLaw law = cache.get(i);
            Integer earlier = first.putIfAbsent(List.of(law.restart(), law.key()), i);
            if (earlier != null) {
                return "cache[" + i + "].key: restart " + law.restart() + "'s key of cache[" + earlier + "] again, "
                    + MessageText.quote(law.key());
            }
        }
        return null;
    }

    /** The error for a checkpoint that a hand edit or damage left unusable, {@code problem} saying how. */
    static EvosldException damaged(Path file, String problem) {
        return new EvosldException(file + ": damaged checkpoint (" + problem + "); " + afresh(file));
    }

    /**
     * What to do instead of resuming: the folder holds a run, which discover will not write over, so the user needs
     * another folder or to clear this one; never the latter where the run's law stands (a finished run of an older
     * version, whose checkpoint this one cannot read), which the other commands read.
     */
    static String afresh(Path file) {
        RunDirectory run = new RunDirectory(file.toAbsolutePath().getParent());
        return Files.isRegularFile(run.lawFile())
            ? "start a new run with another --out; its law.json stands, for evosld report, predict and export --run "
                + ShellWords.quoted(run.path())
            : "start the run afresh with another --out, or delete " + run.path() + " first";
    }

    static Checkpoint read(Path file) {
        String text = text(file);
        if (text.isBlank()) {
            throw new EvosldException(file + ": empty, where a checkpoint was (evosld writes one whole, so the file was"
                + " emptied since); " + afresh(file));
        }
        try {
            Checkpoint checkpoint = Json.mapper().readValue(text, Checkpoint.class);
            if (checkpoint == null || checkpoint.version() == 0) {
                throw new EvosldException(file + ": not a checkpoint (no format version); " + afresh(file));
            }
            if (checkpoint.version() != VERSION) {
                throw new EvosldException(file + ": checkpoint format " + checkpoint.version() + ", this evosld reads "
                    + VERSION + " (" + (checkpoint.version() < VERSION ? "an older" : "a newer")
                    + " version wrote it); " + afresh(file));
            }
            checkpoint.requireWhole(file);
            return checkpoint;
        } catch (JacksonException e) {
            if (endsInLastToken(text, e)) {
                // a copy onto a full disk, say: Jackson's words ("Unexpected end-of-input within/between Object
                // entries", or of a number cut after its point) and "not a checkpoint" would send the user looking for
                // another file
                int lastLine = text.lastIndexOf('\n');
                throw new EvosldException(file + ":" + (text.chars().filter(c -> c == '\n').count() + 1) + ":"
                    + (text.length() - lastLine) + ": the checkpoint ends there, cut short (evosld writes one whole, so"
                    + " the file was cut since); " + afresh(file));
            }
            throw new EvosldException(file + Json.problem(e) + " (not a checkpoint; " + afresh(file) + ")");
        }
    }

    /** Whether the parse failed at the end of {@code text}, or inside the number or word it ends with. */
    private static boolean endsInLastToken(String text, JacksonException e) {
        long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        return offset >= 0 && text.substring((int) Math.min(offset, text.length())).matches("[A-Za-z0-9.+-]*");
    }

    /**
     * The file's text; one cut inside its last character, whose bytes are a UTF-8 sequence's first ones, is read up to
     * that character, which {@link #read} then finds cut short.
     */
    private static String text(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EvosldException("cannot read checkpoint " + file + ": " + e.getMessage());
        }
        for (int cut = 0; cut <= Math.min(3, bytes.length); cut++) {
            if (cut > 0 && (bytes[bytes.length - cut] & 0xC0) != 0xC0) {
                continue;   // only a sequence's first byte begins a character cut short
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut)).toString();
            } catch (CharacterCodingException e) {
                // not whole: try without a character cut short at the end
            }
        }
        throw new EvosldException(file + ": not UTF-8 text (not a checkpoint; " + afresh(file) + ")");
    }
}
