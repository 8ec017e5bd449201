package dev.evosld.search;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a restart's islands evolve: their first populations, one generation of each, migration around the ring, and
 * the proposers' rewrites taking the place of the worst. Every random choice is drawn from a generator seeded by
 * (restart seed, island, generation), so that what an island becomes depends on nothing but its population and
 * that generation's number ({@link Discovery} says why).
 */
final class Islands {
    private final SearchSettings settings;
    private final TreeCodec codec;
    private final StructuralMutations mutations;

    Islands(SearchSettings settings, TreeCodec codec, StructuralMutations mutations) {
        this.settings = settings;
        this.codec = codec;
        this.mutations = mutations;
    }

    /** A seed for (run seed, island, generation) that differs in all bits for neighbouring inputs. */
    static long mix(long seed, long island, long generation) {
        long z = seed * 0x9E3779B97F4A7C15L + island * 0xBF58476D1CE4E5B9L + generation * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    Engine<ProgramGene<Double>, Double> engine(LawEvaluator evaluator) {
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

    /** A restart's first islands: the seeds that score, best first, dealt round its islands, then their mutants. */
    void seed(Restart restart, List<LawTree> seeds) {
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

    /**
     * Generation {@code generation + 1} on every island of a restart, each island with its own seeded random
     * generator.
     */
    static void step(Restart restart, Engine<ProgramGene<Double>, Double> engine, int generation) {
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
    static void migrate(Restart restart) {
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

    /**
     * Scored rewrites, dealt round a restart's islands, each in place of one of its worst individuals, up to a quarter
     * of its population; born in {@code generation}.
     */
    static void replaceWorst(Restart restart, List<CandidateCache.Entry> valid, int generation) {
        List<List<Phenotype<ProgramGene<Double>, Double>>> populations =
            restart.islands.stream().map(Islands::sorted).toList();
        int[] replaced = new int[populations.size()];
        for (int k = 0; k < valid.size(); k++) {
            int island = k % populations.size();
            List<Phenotype<ProgramGene<Double>, Double>> population = populations.get(island);
            if (replaced[island] < population.size() / 4) {
                population.set(population.size() - 1 - replaced[island]++, restart.evaluator.phenotype(valid.get(k), generation));
            }
        }
        restart.islands = populations.stream().map(ISeq::of).toList();
    }

    private static List<Phenotype<ProgramGene<Double>, Double>> sorted(ISeq<Phenotype<ProgramGene<Double>, Double>> island) {
        List<Phenotype<ProgramGene<Double>, Double>> population = new ArrayList<>(island.asList());
        population.sort(Comparator.comparingDouble(Phenotype::fitness));
        return population;
    }
}
