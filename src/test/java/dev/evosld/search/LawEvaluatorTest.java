package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.TaskConfig;
import dev.evosld.fit.FitOptions;
import dev.evosld.law.Law;
import dev.evosld.law.Simplifier;
import io.jenetics.Phenotype;
import io.jenetics.prog.ProgramGene;
import io.jenetics.util.ISeq;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LawEvaluatorTest {
    private static final List<String> FEATURES = SyntheticTask.FEATURES;
    private static final TaskConfig CONFIG = SyntheticTask.config();
    private static final ValidationPlan PLAN = ValidationPlan.of(CONFIG, SyntheticTask.train(), 0);
    private static final int BUDGET = 5;
    private static final int MAX_NODES = 20;

    private final TreeCodec codec = new TreeCodec(FEATURES, MAX_NODES);
    private ExecutorService executor;

    @AfterEach
    void shutDown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private LawEvaluator evaluator(CandidateCache cache, int threads) {
        executor = executor != null ? executor : Executors.newFixedThreadPool(threads);
        return new LawEvaluator(codec, scorer(), cache, executor, BUDGET, MAX_NODES);
    }

    private static CandidateScorer scorer() {
        return new CandidateScorer(PLAN, FitOptions.defaults().withStarts(2).withSeed(5).withMaxIterations(100),
            CONFIG.targets(), ExtrapolationProbe.of(CONFIG));
    }

    private static LawTree tree(String formula) {
        return new LawTree(Law.parse(formula, FEATURES), Map.of());
    }

    @Test
    void theSameLawUnderOtherNamesOrTermOrderIsFittedOnceAndThenServedFromTheCache() {
        CandidateCache cache = new CandidateCache();
        LawEvaluator evaluator = evaluator(cache, 1);

        List<CandidateCache.Entry> entries = evaluator.evaluate(
            List.of(tree("E + A*N^a"), tree("B*N^b + F"), tree("E + A*N^a")));

        assertEquals(1, evaluator.fitted());
        assertEquals(1, cache.size());
        assertEquals(3, cache.hits(), "every candidate is looked up once, after the new ones are fitted");
        assertEquals(0, cache.misses());
        assertSame(entries.get(0), entries.get(1));
        assertSame(entries.get(0), entries.get(2));
        assertEquals(Law.parse("E + A*N^a", FEATURES), entries.getFirst().law(), "the cache keeps the first law's names");

        evaluator.evaluate(List.of(tree("c + k*N^q")));
        assertEquals(1, evaluator.fitted(), "a later generation's repeat is not refitted");
        assertEquals(4, cache.hits());
    }

    @Test
    void newLawsEnterTheCacheInTheOrderTheyFirstAppear() {
        CandidateCache cache = new CandidateCache();
        LawEvaluator evaluator = evaluator(cache, 2);
        List<String> formulas = List.of("E + A*D^a", "E + A*N^a", "A*D^a + E", "E + A*N^a + B*D^b");
        evaluator.evaluate(formulas.stream().map(LawEvaluatorTest::tree).toList());

        assertEquals(3, evaluator.fitted());
        assertEquals(List.of(key("E + A*D^a"), key("E + A*N^a"), key("E + A*N^a + B*D^b")),
            cache.entries().stream().map(CandidateCache.Entry::key).toList());
    }

    @Test
    void eachRejectedLawFailsWithItsReasonUnfittedAndUncached() {
        CandidateCache cache = new CandidateCache();
        LawEvaluator evaluator = evaluator(cache, 1);
        Map<String, String> reasons = Map.of(
            "a + b*N^c + d*D^e + f*N", "over budget: 6 parameters, at most 5",
            "E + A*N^a + N/D + D/N + N*D + D*D", "too large: 23 nodes, at most 20",
            "a*b + c", "uses no variable",
            "A*N^(D^a)", "not a scaling-law form: a variable in an exponent",
            "exp(exp(a*N))", "not a scaling-law form: exp inside exp",
            "log(log(N))*a", "not a scaling-law form: log inside log");
        for (var rejected : reasons.entrySet()) {
            CandidateCache.Entry entry = evaluator.evaluate(List.of(tree(rejected.getKey()))).getFirst();
            Law simplified = Simplifier.simplify(Law.parse(rejected.getKey(), FEATURES));
            assertEquals(Evaluation.failed(rejected.getValue(), simplified.parameterCount(), simplified.expr().size()),
                entry.evaluation(), rejected.getKey());
            assertEquals("", entry.key());
            assertEquals(simplified, entry.law());
            assertEquals(Double.POSITIVE_INFINITY, LawEvaluator.fitness(entry.evaluation()));
        }
        assertEquals(0, evaluator.fitted());
        assertEquals(0, cache.size());
    }

    @Test
    void theBudgetAppliesToTheSimplifiedLaw() {
        // a*b*N^c merges to p1*N^c: 2 parameters, within a budget of 2
        LawEvaluator.Prepared prepared = new LawEvaluator(codec, null, new CandidateCache(), null, 2, MAX_NODES)
            .prepare(tree("a*b*N^c"));
        assertEquals(null, prepared.rejection(), prepared.law().toString());
        assertEquals(2, prepared.law().parameterCount());
        assertEquals(Simplifier.canonicalKey(prepared.law()), prepared.key());
    }

    @Test
    void theTreesKnownValuesOfTheSimplifiedLawsParametersAreTheFittingHints() {
        LawEvaluator evaluator = evaluator(new CandidateCache(), 1);
        LawEvaluator.Prepared prepared = evaluator.prepare(
            new LawTree(Law.parse("E + A*N^a", FEATURES), Map.of("E", 1.5, "a", -0.3)));
        assertEquals(Map.of("E", 1.5, "a", -0.3), prepared.hints());
        // A*B merges into one new parameter, whose value neither A's nor B's is
        LawEvaluator.Prepared merged = evaluator.prepare(new LawTree(Law.parse("E + A*B*N^a", FEATURES),
            Map.of("E", 1.5, "A", 2.0, "B", 3.0, "a", -0.3)));
        assertEquals(3, merged.law().parameterCount(), merged.law().toString());
        assertEquals(Map.of("E", 1.5, "a", -0.3), merged.hints());
    }

    @Test
    void anEvaluatedGenerationCarriesTheFittedValuesInItsTreesAndThePenalizedErrorAsFitness() {
        CandidateCache cache = new CandidateCache();
        LawEvaluator evaluator = evaluator(cache, 1);
        ISeq<Phenotype<ProgramGene<Double>, Double>> population = ISeq.of(
            Phenotype.of(codec.genotype(tree("E + A*N^a + B*D^b")), 3),
            Phenotype.of(codec.genotype(tree("a*b + c")), 3));

        ISeq<Phenotype<ProgramGene<Double>, Double>> evaluated = evaluator.eval(population);

        CandidateCache.Entry entry = cache.entries().getFirst();
        Evaluation evaluation = entry.evaluation();
        assertFalse(evaluation.isFailure(), evaluation.failure());
        assertEquals(java.util.Set.of("E", "A", "a", "B", "b"), evaluation.fitted().keySet());
        assertTrue(evaluation.fitted().values().stream().allMatch(Double::isFinite), evaluation.fitted().toString());
        LawTree written = codec.law(evaluated.get(0).genotype());
        assertEquals(entry.law(), written.law());
        assertEquals(evaluation.fitted(), written.values(), "Lamarckian: the children start from the fitted values");
        assertEquals(evaluation.validationError() * (1 + LawEvaluator.PARSIMONY * evaluation.complexity()),
            evaluated.get(0).fitness(), 0.0);
        assertEquals(3, evaluated.get(0).generation());

        assertEquals(Double.POSITIVE_INFINITY, evaluated.get(1).fitness());
        assertEquals(Simplifier.simplify(Law.parse("a*b + c", FEATURES)), codec.law(evaluated.get(1).genotype()).law(),
            "a rejected tree is stored simplified, as a checkpoint restores it");
    }

    @Test
    void anAlreadyEvaluatedPhenotypeIsPassedThroughUntouched() {
        CandidateCache cache = new CandidateCache();
        LawEvaluator evaluator = evaluator(cache, 1);
        Phenotype<ProgramGene<Double>, Double> done = Phenotype.of(codec.genotype(tree("E + A*N^a")), 1, 0.125);

        ISeq<Phenotype<ProgramGene<Double>, Double>> evaluated = evaluator.eval(ISeq.of(done));

        assertSame(done, evaluated.get(0));
        assertEquals(0, evaluator.fitted());
        assertEquals(0, cache.hits() + cache.misses());
    }

    @Test
    void evaluationIsTheSameWithOneAndTwoThreads() {
        List<String> formulas = List.of("E + A*N^a + B*D^b", "E + A*N^a", "A*D^a + E", "E + A*(N*D)^a",
            "E + A*N^a*D^b", "A*N^a + E", "E + exp(a*log(N))*A", "a*b + c", "E + A*log(N) + B*log(D)");
        Function<Integer, Object[]> run = threads -> {
            CandidateCache cache = new CandidateCache();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CandidateScorer scorer = new CandidateScorer(PLAN, FitOptions.defaults().withStarts(2).withSeed(5)
                    .withMaxIterations(100), CONFIG.targets(), ExtrapolationProbe.of(CONFIG));
                LawEvaluator evaluator = new LawEvaluator(codec, scorer, cache, pool, BUDGET, MAX_NODES);
                List<CandidateCache.Entry> entries = evaluator.evaluate(formulas.stream().map(LawEvaluatorTest::tree).toList());
                ISeq<Phenotype<ProgramGene<Double>, Double>> generation = evaluator.eval(ISeq.of(
                    formulas.stream().map(f -> Phenotype.<ProgramGene<Double>, Double>of(
                        codec.genotype(tree(f.replace("E", "Q"))), 2)).toList()));
                return new Object[] {entries, cache.entries(), evaluator.fitted(),
                    generation.stream().map(Phenotype::fitness).toList(),
                    generation.stream().map(p -> codec.law(p.genotype())).toList()};
            } finally {
                pool.shutdownNow();
            }
        };
        Object[] one = run.apply(1);
        Object[] two = run.apply(2);
        assertEquals(7L, one[2], "two of the nine repeat another's canonical form");
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], two[i], "part " + i);
        }
    }

    @Test
    void anInterruptWhileFittingStopsTheSearchAndKeepsTheInterruptFlag() throws Exception {
        // the pool's one thread is held, so the fit is still queued when the interrupted caller waits for it: a fit
        // that finished first would be returned without the wait ever seeing the interrupt
        CandidateCache cache = new CandidateCache();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService held = Executors.newSingleThreadExecutor();
        held.submit(() -> {
            release.await();
            return null;
        });
        LawEvaluator evaluator = new LawEvaluator(codec, scorer(), cache, held, BUDGET, MAX_NODES);
        Thread.currentThread().interrupt();
        try {
            assertThrows(SearchInterruptedException.class, () -> evaluator.evaluate(List.of(tree("E + A*N^a"))));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
            release.countDown();
            held.shutdownNow();
        }
        assertEquals(0, cache.size());
        assertEquals(0, evaluator.fitted());
    }

    @Test
    void aRestoredFittedCountContinuesFromItsValue() {
        LawEvaluator evaluator = evaluator(new CandidateCache(), 1);
        evaluator.restoreFitted(40);
        evaluator.evaluate(List.of(tree("E + A*N^a"), tree("E + A*D^a")));
        assertEquals(42, evaluator.fitted());
    }

    @Test
    void fitnessPenalizesTheValidationErrorByHalfAPercentPerUnitOfComplexity() {
        assertEquals(0.1 * 1.05, LawEvaluator.fitness(new Evaluation(0.1, 0.01, 3, 7, Map.of(), null)), 0.0);
        assertEquals(0.0, LawEvaluator.fitness(new Evaluation(0.0, 0.0, 3, 7, Map.of(), null)), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, LawEvaluator.fitness(Evaluation.failed("x", 1, 3)));
    }

    private static String key(String formula) {
        return Simplifier.canonicalKey(Simplifier.simplify(Law.parse(formula, FEATURES)));
    }
}
