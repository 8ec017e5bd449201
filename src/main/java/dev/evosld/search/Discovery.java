package dev.evosld.search;

import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import io.jenetics.engine.Engine;
import io.jenetics.prog.ProgramGene;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * A discovery run: genetic programming over laws on island populations, every candidate fitted and scored by
 * extrapolation inside train; the reported law is picked from the Pareto front of validation error against
 * complexity, then refitted on all of train. The test split is not an input.
 *
 * <p>A run is one or more independent {@link Restart restarts}, advanced side by side. Each picks its law
 * from its own front; the run reports the restart whose law validates best. A search can settle in a poor
 * region of law space, and which one depends on its seed: the choice between restarts avoids those, while the
 * choice inside each keeps its guard against laws that only fit the validation rows more closely.
 *
 * <p>Islands advance one generation at a time, each with a random generator seeded by (restart seed,
 * island, generation); every {@code epochLength} generations the best individuals migrate around each
 * restart's ring, the proposers may rewrite each restart's best laws, and a checkpoint is written (one is also
 * written where a time limit stops the run). So a run
 * resumed from a checkpoint ends exactly like an uninterrupted one, and the thread count (which only
 * parallelizes fitting) does not matter.
 *
 * <p>This class runs the generations, epochs and restarts in their order, times them, takes the checkpoints and
 * reports progress. How an island evolves is in {@link Islands}, what the proposers are asked in {@link Proposals},
 * what a checkpoint keeps of the restarts in {@link CheckpointedRestarts}, and the choice between restarts in
 * {@link RestartChoice}.
 */
public final class Discovery {
    private final TaskConfig config;
    private final Train train;
    private final SearchSettings settings;
    private final SearchListener listener;
    private final Path checkpointFile;
    private final int parametersPerTarget;
    private final TreeCodec codec;
    private final Islands islands;
    private final Proposals proposals;
    private final CheckpointedRestarts checkpointed;
    private final ExtrapolationProbe probe;
    private final Checkpoint.Basis basis;
    /** Nanoseconds, as {@link System#nanoTime}; a test's own clock stops a run at the generation it chooses. */
    private final LongSupplier clock;
    private final List<Restart> restarts = new ArrayList<>();

    private int generation;
    private final List<HistoryEntry> history = new ArrayList<>();
    private double secondsBefore;
    /** Candidates fitted before a resumption, or -1 for a new run. */
    private long latestFitted = -1;
    private volatile Checkpoint latest;

    private Discovery(TaskConfig config, Train train, SearchSettings settings, List<Proposer> proposers,
                      SearchListener listener, Path checkpointFile, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.train = train;
        this.settings = settings;
        this.listener = listener;
        this.checkpointFile = checkpointFile;
        List<String> features = config.featureNames();
        this.parametersPerTarget = config.parameterBudget() / config.targets().size();
        this.codec = new TreeCodec(features, settings.maxNodes());
        this.islands = new Islands(settings, codec, new StructuralMutations(features));
        this.proposals = new Proposals(config, train, parametersPerTarget, proposers, listener);
        this.checkpointed = new CheckpointedRestarts(features, codec, settings.islands(), parametersPerTarget,
            settings.maxNodes(), checkpointFile);
        this.probe = ExtrapolationProbe.of(config);
        this.basis = Checkpoint.Basis.of(config, train);
        for (int r = 0; r < settings.restarts(); r++) {
            SearchSettings own = settings.withSeed(Restart.seed(settings.seed(), r));
            restarts.add(new Restart(r, own, CandidateScorer.of(config, train, own)));
        }
    }

    /**
     * A new run.
     *
     * @param checkpointFile where to write checkpoints, or null for none
     */
    public static Discovery start(TaskConfig config, Train train, SearchSettings settings, List<Proposer> proposers,
                                  SearchListener listener, Path checkpointFile) {
        return start(config, train, settings, proposers, listener, checkpointFile, System::nanoTime);
    }

    /** A new run timed by {@code clock}. */
    static Discovery start(TaskConfig config, Train train, SearchSettings settings, List<Proposer> proposers,
                           SearchListener listener, Path checkpointFile, LongSupplier clock) {
        return new Discovery(config, train, settings, proposers, listener, checkpointFile, clock);
    }

    /** Continues the run whose checkpoint is {@code checkpointFile}, with its settings but a new time limit and thread count. */
    public static Discovery resume(TaskConfig config, Train train, Path checkpointFile, java.time.Duration timeLimit,
                                   int threads, List<Proposer> proposers, SearchListener listener) {
        Checkpoint checkpoint = Checkpoint.read(checkpointFile);
        if (!checkpoint.task().equals(config.name())) {
            throw new dev.evosld.EvosldException(checkpointFile + ": a checkpoint of task '" + checkpoint.task()
                + "', not '" + config.name() + "'");
        }
        if (checkpoint.basis() != null) {
            checkpoint.basis().difference(Checkpoint.Basis.of(config, train)).ifPresent(difference -> {
                throw new dev.evosld.EvosldException(checkpointFile + ": the checkpoint's run was judged on other data"
                    + " or with other options (" + difference + "); resume with the data and options it started with,"
                    + " or " + Checkpoint.afresh(checkpointFile));
            });
        }
        Discovery discovery = new Discovery(config, train, checkpoint.settings().with(timeLimit, threads), proposers,
            listener, checkpointFile, System::nanoTime);
        discovery.restore(checkpoint);
        return discovery;
    }

    /** The generations a checkpointed run plans in all. */
    public static int plannedGenerations(Path checkpointFile) {
        return Checkpoint.read(checkpointFile).settings().generations();
    }

    /**
     * The settings of a checkpointed run, for what is built before the run is resumed (progress, proposers); the
     * time limit and threads are the caller's, which a checkpoint does not keep.
     */
    public static SearchSettings plannedSettings(Path checkpointFile, Duration timeLimit, int threads) {
        return Checkpoint.read(checkpointFile).settings().with(timeLimit, threads);
    }

    /**
     * The proposers a checkpointed run asked so far ({@link Proposer#name}), in the order first asked, each with how it
     * asked ({@link ProposerState#request}; empty for a proposer that asks nothing, and in a checkpoint written before
     * it was recorded); empty for a checkpoint written before the proposers were recorded. One read of the checkpoint,
     * which holds every scored law.
     */
    public static Optional<Map<String, Map<String, String>>> proposersAsked(Path checkpointFile) {
        Checkpoint checkpoint = Checkpoint.read(checkpointFile);
        if (checkpoint.proposers() == null) {
            return Optional.empty();
        }
        Map<String, ProposerState> states = checkpoint.proposerStates() == null ? Map.of() : checkpoint.proposerStates();
        Map<String, Map<String, String>> asked = new LinkedHashMap<>();
        for (String name : checkpoint.proposers()) {
            asked.put(name, states.containsKey(name) ? states.get(name).request() : Map.of());
        }
        return Optional.of(asked);
    }

    /** The generations done so far: 0 for a new run, the checkpoint's for a resumed one. */
    public int generationsDone() {
        return generation;
    }

    /** The settings in force (a resumed run's come from its checkpoint). */
    public SearchSettings settings() {
        return settings;
    }

    /** The last checkpoint taken, to write on Ctrl-C. */
    public Optional<Runnable> checkpointWriter() {
        Checkpoint checkpoint = latest;
        return checkpoint == null || checkpointFile == null
            ? Optional.empty() : Optional.of(() -> checkpoint.write(checkpointFile));
    }

    /** Runs the search to its generation or time limit and returns the chosen law, refitted on all of train. */
    public SearchResult run() {
        long started = clock.getAsLong();
        try (ExecutorService executor = Executors.newFixedThreadPool(settings.threads())) {
            List<Engine<ProgramGene<Double>, Double>> engines = new ArrayList<>();
            for (Restart restart : restarts) {
                restart.evaluator = new LawEvaluator(codec, restart.scorer, restart.cache, executor, parametersPerTarget,
                    settings.maxNodes());
                engines.add(islands.engine(restart.evaluator));
            }
            // the counters only ever appear summed over the restarts
            if (latestFitted >= 0) {
                restarts.getFirst().evaluator.restoreFitted(latestFitted);
            }
            seed(started);
            String stoppedBy = SearchResult.BY_GENERATIONS;
            while (generation < settings.generations()) {
                if (timeIsUp(started)) {
                    stoppedBy = SearchResult.BY_TIME_LIMIT;
                    if (generation % settings.epochLength() != 0) {
                        // a resume starts here rather than at the last epoch: stepping islands and migrating
                        // depend on the generation alone, so it still ends like an uninterrupted run
                        checkpoint(started);
                    }
                    break;
                }
                for (Restart restart : restarts) {
                    Islands.step(restart, engines.get(restart.index), generation);
                }
                generation++;
                record(started);
                if (generation % settings.epochLength() == 0 || generation == settings.generations()) {
                    restarts.forEach(Islands::migrate);
                    if (settings.proposerEvery() > 0 && (generation / settings.epochLength()) % settings.proposerEvery() == 0) {
                        propose(started);
                    }
                    checkpoint(started);
                }
            }
            return finish(started, stoppedBy);
        }
    }

    /**
     * The initial populations of the restarts not seeded yet: the proposers' seeds, asked for once, best first,
     * dealt round each restart's islands, then their mutants. A checkpoint follows each restart's, since scoring
     * the seeds and their mutants is a good part of a run's work.
     */
    private void seed(long started) {
        if (restarts.getLast().islands.isEmpty()) {
            // until every restart is seeded, a resumed run asks for the seeds again, and must ask as this run did
            Map<String, ProposerState> unasked = proposals.states();
            List<LawTree> seeds = proposals.seeds(timeLeft(started));
            for (Restart restart : restarts) {
                if (restart.islands.isEmpty()) {
                    // scoring one restart's seeds can take a good part of a short limit; the first always runs,
                    // so that the run has a law, and the others wait for a resume
                    if (restart.index > 0 && timeIsUp(started)) {
                        return;
                    }
                    islands.seed(restart, seeds);
                    checkpoint(started, restart == restarts.getLast() ? proposals.states() : unasked);
                }
            }
        }
    }

    /** Asks the proposers to rewrite each restart's best laws; the valid rewrites replace its worst individuals. */
    private void propose(long started) {
        for (Restart restart : restarts) {
            propose(restart, started);
        }
        proposals.roundDone();
    }

    private void propose(Restart restart, long started) {
        List<LawTree> rewrites = proposals.rewrites(front(restart), timeLeft(started));
        if (rewrites.isEmpty()) {
            return;
        }
        List<CandidateCache.Entry> valid = restart.evaluator.evaluate(rewrites).stream()
            .filter(e -> !e.evaluation().isFailure()).toList();
        Islands.replaceWorst(restart, valid, generation);
    }

    private static List<ScoredLaw> front(Restart restart) {
        return ParetoFront.of(restart.cache.entries()).stream()
            .map(e -> new ScoredLaw(e.law(), e.evaluation())).toList();
    }

    /** Only the fronts' laws can be chosen, so only their per-row errors are worth keeping. */
    private void retainFrontErrors() {
        for (Restart restart : restarts) {
            restart.cache.retainErrors(ParetoFront.keptKeys(restart.cache.entries()));
        }
    }

    private long fitted() {
        return restarts.stream().mapToLong(r -> r.evaluator.fitted()).sum();
    }

    private long cacheHits() {
        return restarts.stream().mapToLong(r -> r.cache.hits()).sum();
    }

    private void record(long started) {
        retainFrontErrors();
        double seconds = seconds(started);
        double best = restarts.stream().mapToDouble(r -> r.cache.bestError()).min().orElseThrow();
        long fitted = fitted();
        long hits = cacheHits();
        history.add(new HistoryEntry(generation, best, 1 - best, fitted, hits, seconds));
        long total = hits + fitted;
        listener.onGeneration(generation, settings.generations(), 1 - best,
            seconds > 0 ? fitted / seconds : 0, total > 0 ? (double) hits / total : 0);
    }

    /** The limit is this invocation's: a resumed run gets its whole limit again, or a short resume would do nothing. */
    private boolean timeIsUp(long started) {
        return (clock.getAsLong() - started) / 1e9 >= settings.timeLimit().toMillis() / 1000.0;
    }

    /** What is left of this invocation's time limit ({@link #timeIsUp}), none when it is up. */
    private Duration timeLeft(long started) {
        Duration left = settings.timeLimit().minusNanos(clock.getAsLong() - started);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private double seconds(long started) {
        return secondsBefore + (clock.getAsLong() - started) / 1e9;
    }

    private void checkpoint(long started) {
        checkpoint(started, proposals.states());
    }

    /** Takes a checkpoint with {@code states} as the proposers' states, and writes it unless the run has no file. */
    private void checkpoint(long started, Map<String, ProposerState> states) {
        List<List<Checkpoint.Individual>> individuals = checkpointed.islands(restarts);
        retainFrontErrors();
        List<Checkpoint.CachedLaw> cached = CheckpointedRestarts.cache(restarts);
        latest = new Checkpoint(Checkpoint.VERSION, config.name(), Checkpoint.Settings.of(settings), generation,
            individuals, cached, history, cacheHits(), fitted(), seconds(started), proposals.rounds(),
            basis, proposals.asked(), states);
        if (checkpointFile != null) {
            latest.write(checkpointFile);
        }
    }

    private void restore(Checkpoint checkpoint) {
        checkpointed.restore(checkpoint, restarts);
        generation = checkpoint.generation();
        history.addAll(checkpoint.history());
        secondsBefore = checkpoint.seconds();
        proposals.restore(checkpoint);
        latestFitted = checkpoint.fitted();
        latest = checkpoint;
    }

    private SearchResult finish(long started, String stoppedBy) {
        RestartChoice.Pick best = new RestartChoice(config, train, settings, probe, listener).best(restarts);
        Law law = best.law().law();
        FittedLaw fitted = best.fitted();
        R2 trainR2 = fitted.failure().isPresent()
            ? R2.failed(fitted.failure().get().failure())
            : Predictions.of(law, train.table(), fitted.parameters()).r2();
        Restart restart = best.restart();
        ValidationErrors bestErrors = restart.errors(ParetoFront.best(best.front()));
        List<FrontLaw> scoredFront = best.front().stream().map(e -> new FrontLaw(e.law(), e.evaluation(),
            restart.errors(e).pairedStandardError(bestErrors))).toList();
        // from the per-row errors the law was scored with: fitting its folds again from one start can land elsewhere,
        // even where the check beyond the data fails it, and leave a validation R² without its misses
        ValidationRmse rmse = restart.scorer.rmse(restart.errors(best.law()));
        return new SearchResult(law, best.law().evaluation(), fitted.parameters(),
            trainR2.isFailure() ? Double.NaN : trainR2.value(), fitted.startAgreement(), scoredFront, history, generation,
            fitted(), cacheHits(), seconds(started), stoppedBy, rmse, proposals.asked(),
            (int) restarts.stream().filter(r -> !r.cache.entries().isEmpty()).count());
    }
}
