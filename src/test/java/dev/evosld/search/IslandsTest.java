package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import io.jenetics.Phenotype;
import io.jenetics.prog.ProgramGene;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class IslandsTest {
    private static final SearchSettings SETTINGS = SyntheticTask.settings(2);
    private static final TreeCodec CODEC = new TreeCodec(SyntheticTask.FEATURES, SETTINGS.maxNodes());

    /** A restart whose islands hold one law at each of the given fitnesses, island by island, born in generation 1. */
    private static Restart restart(double[]... islands) {
        Restart restart = new Restart(0, SETTINGS, null);
        for (double[] fitnesses : islands) {
            List<Phenotype<ProgramGene<Double>, Double>> population = new ArrayList<>();
            for (double fitness : fitnesses) {
                LawTree tree = new LawTree(Law.parse("A * N", SyntheticTask.FEATURES), Map.of());
                population.add(Phenotype.of(CODEC.genotype(tree), 1, fitness));
            }
            restart.islands.add(ISeq.of(population));
        }
        return restart;
    }

    private static double[] fitnesses(int from, int count) {
        double[] values = new double[count];
        Arrays.setAll(values, i -> from + i);
        return values;
    }

    private static List<Double> fitnessesOf(ISeq<Phenotype<ProgramGene<Double>, Double>> island) {
        return island.stream().map(Phenotype::fitness).toList();
    }

    private static List<Double> range(int from, int count) {
        return Arrays.stream(fitnesses(from, count)).boxed().toList();
    }

    @Test
    void eachIslandsBestTakeThePlaceOfTheNextIslandsWorstAroundTheRing() {
        // islands of 40 send 2 migrants each (a twentieth), the last island's to the first
        Restart restart = restart(fitnesses(0, 40), fitnesses(100, 40), fitnesses(200, 40));
        Islands.migrate(restart);
        List<Double> first = new ArrayList<>(range(0, 38));
        first.addAll(List.of(201.0, 200.0));
        assertEquals(first, fitnessesOf(restart.islands.get(0)));
        List<Double> second = new ArrayList<>(range(100, 38));
        second.addAll(List.of(1.0, 0.0));
        assertEquals(second, fitnessesOf(restart.islands.get(1)));
        List<Double> third = new ArrayList<>(range(200, 38));
        third.addAll(List.of(101.0, 100.0));
        assertEquals(third, fitnessesOf(restart.islands.get(2)));
    }

    @Test
    void aRestartOfOneIslandHasNoneToMigrateTo() {
        Restart restart = restart(new double[] {3, 1, 2});
        Islands.migrate(restart);
        assertEquals(List.of(3.0, 1.0, 2.0), fitnessesOf(restart.islands.getFirst()), "not even sorted");
    }

    @Test
    void rewritesAreDealtRoundTheIslandsInPlaceOfTheWorstUpToAQuarterOfEach() {
        Restart restart = restart(fitnesses(0, 8), fitnesses(100, 8));
        List<CandidateCache.Entry> valid;
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            restart.evaluator = new LawEvaluator(CODEC, CandidateScorer.of(SyntheticTask.config(), SyntheticTask.train(),
                SETTINGS), restart.cache, executor, 5, SETTINGS.maxNodes());
            valid = restart.evaluator.evaluate(List.of(
                new LawTree(Law.parse("E + A * N^a", SyntheticTask.FEATURES), Map.of()),
                new LawTree(Law.parse("E + A * D^a", SyntheticTask.FEATURES), Map.of()),
                new LawTree(Law.parse("E + A * N^a + B * D^b", SyntheticTask.FEATURES), Map.of()),
                new LawTree(Law.parse("A * N^a", SyntheticTask.FEATURES), Map.of()),
                new LawTree(Law.parse("A * D^a", SyntheticTask.FEATURES), Map.of()),
                new LawTree(Law.parse("E + A / N", SyntheticTask.FEATURES), Map.of())));
            assertTrue(valid.stream().noneMatch(e -> e.evaluation().isFailure()), valid.toString());
            Islands.replaceWorst(restart, valid, 7);
        }
        for (int island = 0; island < 2; island++) {
            List<Phenotype<ProgramGene<Double>, Double>> population = restart.islands.get(island).asList();
            // a quarter of 8: the two worst, by the first and the third rewrites dealt to the island
            assertEquals(range(100 * island, 6), population.subList(0, 6).stream().map(Phenotype::fitness).toList());
            for (int k = 0; k < 2; k++) {
                CandidateCache.Entry rewrite = valid.get(island + 2 * k);
                Phenotype<ProgramGene<Double>, Double> placed = population.get(7 - k);
                assertEquals(rewrite.law().toString(), CODEC.law(placed.genotype()).law().toString());
                assertEquals(LawEvaluator.fitness(rewrite.evaluation()), placed.fitness());
                assertEquals(7, placed.generation());
            }
        }
    }

    @Test
    void neighbouringIslandsAndGenerationsDrawFromUnrelatedSeeds() {
        long seed = Islands.mix(42, 0, 0);
        for (long[] neighbour : new long[][] {{43, 0, 0}, {42, 1, 0}, {42, 0, 1}}) {
            int differing = Long.bitCount(seed ^ Islands.mix(neighbour[0], neighbour[1], neighbour[2]));
            assertTrue(differing > 16 && differing < 48, Arrays.toString(neighbour) + ": " + differing + " bits differ");
        }
        assertEquals(seed, Islands.mix(42, 0, 0), "a function of its inputs alone");
        assertEquals(42, Restart.seed(42, 0), "the first restart has the run's seed");
        assertEquals(Islands.mix(42, -1, -1), Restart.seed(42, 1));
    }
}
