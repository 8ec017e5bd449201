package dev.evosld.search;

import dev.evosld.data.MessageText;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import dev.evosld.law.LawParser;
import dev.evosld.law.LawSyntaxException;
import dev.evosld.law.Simplifier;
import io.jenetics.EliteSelector;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.ext.SingleNodeCrossover;
import io.jenetics.prog.MathRewriteAlterer;
import io.jenetics.prog.ProgramGene;
import io.jenetics.prog.op.MathExpr;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
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
 */
public final class Discovery {
    private final TaskConfig config;
    private final Train train;
    private final SearchSettings settings;
    private final List<Proposer> proposers;
    private final SearchListener listener;
    private final Path checkpointFile;
    private final List<String> features;
    private final int parametersPerTarget;
    private final TreeCodec codec;
    private final StructuralMutations mutations;
    private final ExtrapolationProbe probe;
    private final Checkpoint.Basis basis;
    /** Nanoseconds, as {@link System#nanoTime}; a test's own clock stops a run at the generation it chooses. */
    private final LongSupplier clock;
    private final List<Restart> restarts = new ArrayList<>();
    /** The proposers asked for laws by this run, before a resumption too: law.json names them. */
    private final Set<String> proposersAsked = new LinkedHashSet<>();

    private int generation;
    private final List<HistoryEntry> history = new ArrayList<>();
    private double secondsBefore;
    private int proposerRounds;
    /** Candidates fitted before a resumption, or -1 for a new run. */
    private long latestFitted = -1;
    private volatile Checkpoint latest;

    private Discovery(TaskConfig config, Train train, SearchSettings settings, List<Proposer> proposers,
                      SearchListener listener, Path checkpointFile, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.train = train;
        this.settings = settings;
        this.proposers = List.copyOf(proposers);
        this.proposers.forEach(proposer -> proposersAsked.add(proposer.name()));
        this.listener = listener;
        this.checkpointFile = checkpointFile;
        this.features = config.featureNames();
        this.parametersPerTarget = config.parameterBudget() / config.targets().size();
        this.codec = new TreeCodec(features, settings.maxNodes());
        this.mutations = new StructuralMutations(features);
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
     * The proposers a checkpointed run asked so far ({@link Proposer#name}); empty for a checkpoint written before they
     * were recorded.
     */
    public static Optional<List<String>> proposersAsked(Path checkpointFile) {
        return Optional.ofNullable(Checkpoint.read(checkpointFile).proposers());
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
                engines.add(engine(restart.evaluator));
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
                    step(restart, engines.get(restart.index));
                }
                generation++;
                record(started);
                if (generation % settings.epochLength() == 0 || generation == settings.generations()) {
                    restarts.forEach(Discovery::migrate);
                    if (settings.proposerEvery() > 0 && (generation / settings.epochLength()) % settings.proposerEvery() == 0) {
                        propose(started);
                    }
                    checkpoint(started);
                }
            }
            return finish(started, stoppedBy);
        }
    }

    private Engine<ProgramGene<Double>, Double> engine(LawEvaluator evaluator) {
        int elites = Math.max(1, settings.population() / 16);
        return new Engine.Builder<>(evaluator, codec::random)
            .minimizing()
            .populationSize(settings.population())
            .offspringFraction(0.6)
            .survivorsSelector(new EliteSelector<ProgramGene<Double>, Double>(elites, new TournamentSelector<>(3)))
            .offspringSelector(new TournamentSelector<>(3))
            .alterers(
                new StructuralMutator(0.4, codec, mutations),
                new SingleNodeCrossover<>(0.2),
                new Mutator<>(0.03),
                // arithmetic identities only: Jenetics' constant folding would freeze parameters into literals
                new MathRewriteAlterer<>(MathExpr.ARITHMETIC_REWRITER, 0.2))
            .maximalPhenotypeAge(Long.MAX_VALUE / 2)
            .executor(Runnable::run)
            .build();
    }

    /**
     * The initial populations of the restarts not seeded yet: the proposers' seeds, asked for once, best first,
     * dealt round each restart's islands, then their mutants. A checkpoint follows each restart's, since scoring
     * the seeds and their mutants is a good part of a run's work.
     */
    private void seed(long started) {
        if (restarts.getLast().islands.isEmpty()) {
            // until every restart is seeded, a resumed run asks for the seeds again, and must ask as this run did
            Map<String, ProposerState> unasked = proposerStates();
            List<LawTree> seeds = proposedSeeds(started);
            for (Restart restart : restarts) {
                if (restart.islands.isEmpty()) {
                    // scoring one restart's seeds can take a good part of a short limit; the first always runs,
                    // so that the run has a law, and the others wait for a resume
                    if (restart.index > 0 && timeIsUp(started)) {
                        return;
                    }
                    seed(restart, seeds);
                    checkpoint(started, restart == restarts.getLast() ? proposerStates() : unasked);
                }
            }
        }
    }

    private List<LawTree> proposedSeeds(long started) {
        List<LawTree> seeds = new ArrayList<>();
        ProposalContext context = context(List.of(), started);
        for (Proposer proposer : proposers) {
            try {
                proposer.seeds(context).forEach(law -> seeds.add(new LawTree(law, Map.of())));
            } catch (RuntimeException e) {
                listener.onMessage(proposer.name() + ": no seeds: " + e.getMessage());
            }
        }
        return seeds;
    }

    private void seed(Restart restart, List<LawTree> seeds) {
        LawEvaluator evaluator = restart.evaluator;
        List<CandidateCache.Entry> scored = new ArrayList<>(evaluator.evaluate(seeds).stream()
            .filter(e -> !e.evaluation().isFailure()).toList());
        scored.sort(Comparator.comparingDouble(e -> LawEvaluator.fitness(e.evaluation())));
        int count = settings.islands();
        for (int i = 0; i < count; i++) {
            List<Phenotype<ProgramGene<Double>, Double>> population = new ArrayList<>();
            List<CandidateCache.Entry> parents = new ArrayList<>();
            for (int k = i; k < scored.size() && population.size() < settings.population(); k += count) {
                population.add(evaluator.phenotype(scored.get(k), 1));
                parents.add(scored.get(k));
            }
            if (parents.isEmpty()) {
                parents.addAll(scored);
            }
            SplittableRandom random = new SplittableRandom(mix(restart.seed(), i, 0));
            List<LawTree> mutants = new ArrayList<>();
            while (population.size() + mutants.size() < settings.population()) {
                if (parents.isEmpty()) {
                    // every seed failed: random small trees, drawn from the island's generator and scored here
                    // like any other, so that the first checkpoint can record their fitness
                    mutants.add(RandomRegistry.with(random, r -> codec.law(codec.random())));
                } else {
                    CandidateCache.Entry parent = parents.get(random.nextInt(parents.size()));
                    mutants.add(mutations.mutate(new LawTree(parent.law(), parent.evaluation().fitted()), random));
                }
            }
            for (CandidateCache.Entry entry : evaluator.evaluate(mutants)) {
                population.add(entry.evaluation().isFailure() && entry.key().isEmpty()
                    ? Phenotype.of(codec.genotype(new LawTree(entry.law(), Map.of())), 1, Double.POSITIVE_INFINITY)
                    : evaluator.phenotype(entry, 1));
            }
            restart.islands.add(ISeq.of(population));
        }
    }

    /** One generation on every island of a restart, each island with its own seeded random generator. */
    private void step(Restart restart, Engine<ProgramGene<Double>, Double> engine) {
        List<ISeq<Phenotype<ProgramGene<Double>, Double>>> next = new ArrayList<>();
        for (int i = 0; i < restart.islands.size(); i++) {
            EvolutionStart<ProgramGene<Double>, Double> start =
                EvolutionStart.of(restart.islands.get(i), generation + 1L);
            EvolutionResult<ProgramGene<Double>, Double> result = RandomRegistry.with(
                new SplittableRandom(mix(restart.seed(), i, generation + 1L)),
                random -> engine.stream(start).limit(1).findFirst().orElseThrow());
            next.add(result.population());
        }
        restart.islands = next;
    }

    /** The best individuals of each of a restart's islands replace the worst of the next one, around its ring. */
    private static void migrate(Restart restart) {
        List<ISeq<Phenotype<ProgramGene<Double>, Double>>> islands = restart.islands;
        if (islands.size() < 2) {
            return;
        }
        int population = islands.getFirst().size();
        int migrants = Math.max(1, population / 20);
        List<List<Phenotype<ProgramGene<Double>, Double>>> best = islands.stream().map(island -> sorted(island).subList(0, migrants)).toList();
        List<ISeq<Phenotype<ProgramGene<Double>, Double>>> next = new ArrayList<>();
        for (int i = 0; i < islands.size(); i++) {
            List<Phenotype<ProgramGene<Double>, Double>> sorted = sorted(islands.get(i));
            List<Phenotype<ProgramGene<Double>, Double>> incoming = best.get((i + islands.size() - 1) % islands.size());
            for (int k = 0; k < migrants; k++) {
                sorted.set(sorted.size() - 1 - k, incoming.get(k));
            }
            next.add(ISeq.of(sorted));
        }
        restart.islands = next;
    }

    private static List<Phenotype<ProgramGene<Double>, Double>> sorted(ISeq<Phenotype<ProgramGene<Double>, Double>> island) {
        List<Phenotype<ProgramGene<Double>, Double>> population = new ArrayList<>(island.asList());
        population.sort(Comparator.comparingDouble(Phenotype::fitness));
        return population;
    }

    /** Asks the proposers to rewrite each restart's best laws; the valid rewrites replace its worst individuals. */
    private void propose(long started) {
        for (Restart restart : restarts) {
            propose(restart, started);
        }
        proposerRounds++;
    }

    private void propose(Restart restart, long started) {
        LawEvaluator evaluator = restart.evaluator;
        List<ScoredLaw> front = front(restart);
        List<ScoredLaw> best = front.stream()
            .sorted(Comparator.comparingDouble(s -> s.evaluation().validationError())).limit(5).toList();
        ProposalContext context = context(front, started);
        List<LawTree> rewrites = new ArrayList<>();
        for (Proposer proposer : proposers) {
            try {
                proposer.rewrites(context, best).forEach(law -> rewrites.add(new LawTree(law, Map.of())));
            } catch (RuntimeException e) {
                listener.onMessage(proposer.name() + ": no rewrites: " + e.getMessage());
            }
        }
        if (rewrites.isEmpty()) {
            return;
        }
        List<CandidateCache.Entry> valid = evaluator.evaluate(rewrites).stream()
            .filter(e -> !e.evaluation().isFailure()).toList();
        List<List<Phenotype<ProgramGene<Double>, Double>>> populations =
            restart.islands.stream().map(Discovery::sorted).toList();
        int[] replaced = new int[populations.size()];
        for (int k = 0; k < valid.size(); k++) {
            int island = k % populations.size();
            List<Phenotype<ProgramGene<Double>, Double>> population = populations.get(island);
            if (replaced[island] < population.size() / 4) {
                population.set(population.size() - 1 - replaced[island]++, evaluator.phenotype(valid.get(k), generation));
            }
        }
        restart.islands = populations.stream().map(ISeq::of).toList();
    }

    private ProposalContext context(List<ScoredLaw> front, long started) {
        return new ProposalContext(config, train, parametersPerTarget, front, proposerRounds, timeLeft(started));
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
        checkpoint(started, proposerStates());
    }

    /** What each proposer that has a state carries into its next round, by name. */
    private Map<String, ProposerState> proposerStates() {
        Map<String, ProposerState> states = new java.util.TreeMap<>();
        for (Proposer proposer : proposers) {
            proposer.state().ifPresent(state -> states.put(proposer.name(), state));
        }
        return states;
    }

    /** Takes a checkpoint with {@code states} as the proposers' states, and writes it unless the run has no file. */
    private void checkpoint(long started, Map<String, ProposerState> states) {
        List<List<Checkpoint.Individual>> individuals = new ArrayList<>();
        List<ISeq<Phenotype<ProgramGene<Double>, Double>>> all =
            restarts.stream().flatMap(r -> r.islands.stream()).toList();
        for (ISeq<Phenotype<ProgramGene<Double>, Double>> island : all) {
            List<Checkpoint.Individual> population = new ArrayList<>();
            for (Phenotype<ProgramGene<Double>, Double> phenotype : island) {
                LawTree tree = codec.law(phenotype.genotype());
                double fitness = phenotype.fitness();
                population.add(new Checkpoint.Individual(tree.law().toString(), finite(tree.values()),
                    Double.isFinite(fitness) ? fitness : null, phenotype.generation()));
            }
            individuals.add(population);
        }
        retainFrontErrors();
        List<Checkpoint.CachedLaw> cached = new ArrayList<>();
        for (Restart restart : restarts) {
            for (CandidateCache.Entry entry : restart.cache.entries()) {
                Evaluation e = entry.evaluation();
                cached.add(new Checkpoint.CachedLaw(restart.index, entry.key(), entry.law().toString(),
                    e.isFailure() ? null : e.validationError(), e.isFailure() ? null : e.standardError(), e.parameterCount(),
                    e.nodeCount(), finite(e.fitted()), e.failure(),
                    restart.cache.errors(entry.key()).map(ValidationErrors::segments).orElse(null)));
            }
        }
        latest = new Checkpoint(Checkpoint.VERSION, config.name(), Checkpoint.Settings.of(settings), generation,
            individuals, cached, history, cacheHits(), fitted(), seconds(started), proposerRounds,
            basis, List.copyOf(proposersAsked), states);
        if (checkpointFile != null) {
            latest.write(checkpointFile);
        }
    }

    private static Map<String, Double> finite(Map<String, Double> values) {
        Map<String, Double> result = new java.util.TreeMap<>();
        values.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                result.put(name, value);
            }
        });
        return result;
    }

    private void restore(Checkpoint checkpoint) {
        for (int i = 0; i < checkpoint.cache().size(); i++) {
            Checkpoint.CachedLaw cached = checkpoint.cache().get(i);
            Law law = restored(cached.law(), "cache[" + i + "].law");
            requireKey(law, cached, i);
            Evaluation evaluation = cached.validationError() == null
                ? Evaluation.failed(cached.failure(), cached.parameterCount(), cached.nodeCount())
                : new Evaluation(cached.validationError(), cached.standardError(), cached.parameterCount(),
                    cached.nodeCount(), cached.fitted(), null);
            restarts.get(cached.restart()).cache.put(new CandidateCache.Entry(cached.key(), law, evaluation),
                cached.errors() == null ? null : ValidationErrors.of(cached.errors()));
        }
        restarts.getFirst().cache.restoreCounts(checkpoint.cacheHits(), 0);
        for (int island = 0; island < checkpoint.islands().size(); island++) {
            List<Phenotype<ProgramGene<Double>, Double>> phenotypes = new ArrayList<>();
            List<Checkpoint.Individual> population = checkpoint.islands().get(island);
            for (int i = 0; i < population.size(); i++) {
                Checkpoint.Individual individual = population.get(i);
                String place = "islands[" + island + "][" + i + "].law";
                Law law = restored(individual.law(), place);
                CandidateCache cache = restarts.get(island / settings.islands()).cache;
                if (individual.fitness() != null) {
                    requireScored(law, individual, cache, place);
                } else {
                    requireUnscored(law, individual, cache, place);
                }
                LawTree tree = new LawTree(law, individual.values());
                phenotypes.add(Phenotype.of(codec.genotype(tree), individual.born(),
                    individual.fitness() == null ? Double.POSITIVE_INFINITY : individual.fitness()));
            }
            restarts.get(island / settings.islands()).islands.add(ISeq.of(phenotypes));
        }
        generation = checkpoint.generation();
        history.addAll(checkpoint.history());
        secondsBefore = checkpoint.seconds();
        proposerRounds = checkpoint.proposerRounds();
        if (checkpoint.proposers() != null) {
            // those of earlier invocations first, in the order they were first asked
            Set<String> earlierFirst = new LinkedHashSet<>(checkpoint.proposers());
            earlierFirst.addAll(proposersAsked);
            proposersAsked.clear();
            proposersAsked.addAll(earlierFirst);
        }
        if (checkpoint.proposerStates() != null) {
            for (Proposer proposer : proposers) {
                ProposerState state = checkpoint.proposerStates().get(proposer.name());
                if (state != null) {
                    proposer.restore(state);
                }
            }
        }
        latestFitted = checkpoint.fitted();
        latest = checkpoint;
    }

    /**
     * A law the checkpoint holds at {@code place} (a JSON path, {@code cache[3].law}); one that does not parse was
     * edited by hand or damaged, and the error names the file, as the checkpoint's other damage does.
     */
    private Law restored(String formula, String place) {
        try {
            return Law.of(LawParser.parse(place, formula), features);
        } catch (LawSyntaxException e) {
            throw Checkpoint.damaged(checkpointFile, e.getMessage());
        }
    }

    /**
     * Checks a cached law against the key it is cached under, which names its variables: a law whose variable was
     * edited into another name would resume as a law with one parameter more and one variable less, served the
     * scores of the law of its key.
     */
    private void requireKey(Law law, Checkpoint.CachedLaw cached, int i) {
        if (Simplifier.canonicalKey(law).equals(cached.key())) {
            return;
        }
        String place = "cache[" + i + "]";
        Law key = restored(cached.key(), place + ".key");
        // a key names its parameters p0, p1, ... (Simplifier.canonicalKey) and its variables as they are
        Optional<String> unknown = key.parameters().stream()
            .filter(name -> !Simplifier.isKeyParameter(name, key.variables())).findFirst();
        if (unknown.isPresent()) {
            throw Checkpoint.damaged(checkpointFile, place + ".key: unknown variable " + MessageText.quote(unknown.get()));
        }
        // the law's own parameters were fitted, so a name without a fitted value is the likelier edit where renaming
        // either gives the key (E + A * exp(p1 * M) of p0 + p1 * exp(p2 * N))
        Map<String, Double> fitted = cached.fitted() == null ? Map.of() : cached.fitted();
        List<String> names = law.parameters().stream().sorted(Comparator.comparing(fitted::containsKey)).toList();
        for (String name : names) {
            for (String variable : key.variables()) {
                Law renamed = Law.of(law.expr().rename(n -> n.equals(name) ? variable : n), features);
                if (!law.variables().contains(variable) && Simplifier.canonicalKey(renamed).equals(cached.key())) {
                    throw Checkpoint.damaged(checkpointFile, place + ".law: unknown variable " + MessageText.quote(name));
                }
            }
        }
        throw Checkpoint.damaged(checkpointFile, place + ".law: " + MessageText.quote(cached.law())
            + " is not the law of its key " + MessageText.quote(cached.key()));
    }

    /**
     * Checks that an island's scored law (one with a fitness) is among its restart's cached laws, as the search leaves
     * every law it scores: one whose variable was edited into another name would go on with the fitness of the law it
     * was. A law the search refused before scoring it has no fitness, and no key to check.
     */
    private void requireScored(Law law, Checkpoint.Individual individual, CandidateCache cache, String place) {
        if (cache.contains(Simplifier.canonicalKey(law))) {
            return;
        }
        // a scored law carries a value for each of its parameters: a name without one is no parameter of it
        Optional<String> unknown = law.parameters().stream()
            .filter(name -> individual.values() == null || !individual.values().containsKey(name)).findFirst();
        throw Checkpoint.damaged(checkpointFile, place + ": " + unknown.map(name -> "unknown variable "
            + MessageText.quote(name)).orElse(MessageText.quote(individual.law()) + " is not among the laws its restart scored"));
    }

    /**
     * Checks that an island's unscored law (one without a fitness) is one the search leaves so: a law it scored whose
     * fit failed, among its restart's cached laws, or one it refuses before scoring ({@link LawEvaluator#rejection}).
     * An edit can leave a refused law refused (a variable renamed in a law over the budget), and such a law stays
     * unscored, but one that makes a law the search would score, never scored, is damage, as is one whose variable
     * was renamed where the name back gives a law its restart scored. Its values name no more than those of its
     * parameters that the search had a value for, so unlike a scored law's they cannot say which name is no parameter.
     */
    private void requireUnscored(Law law, Checkpoint.Individual individual, CandidateCache cache, String place) {
        if (cache.contains(Simplifier.canonicalKey(law))
            || LawEvaluator.rejection(Simplifier.simplify(law), parametersPerTarget, settings.maxNodes()).isPresent()) {
            return;
        }
        for (String name : law.parameters()) {
            for (String variable : features) {
                Law renamed = Law.of(law.expr().rename(n -> n.equals(name) ? variable : n), features);
                if (!law.variables().contains(variable) && cache.contains(Simplifier.canonicalKey(renamed))) {
                    throw Checkpoint.damaged(checkpointFile, place + ": unknown variable " + MessageText.quote(name));
                }
            }
        }
        throw Checkpoint.damaged(checkpointFile, place + ": " + MessageText.quote(individual.law())
            + " is neither among the laws its restart scored nor one the search refuses unscored");
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
            fitted(), cacheHits(), seconds(started), stoppedBy, rmse, List.copyOf(proposersAsked),
            (int) restarts.stream().filter(r -> !r.cache.entries().isEmpty()).count());
    }

    /** A seed for (run seed, island, generation) that differs in all bits for neighbouring inputs. */
    static long mix(long seed, long island, long generation) {
        long z = seed * 0x9E3779B97F4A7C15L + island * 0xBF58476D1CE4E5B9L + generation * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
