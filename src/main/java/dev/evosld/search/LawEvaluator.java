package dev.evosld.search;

import dev.evosld.law.Law;
import dev.evosld.law.Simplifier;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Evaluator;
import io.jenetics.prog.ProgramGene;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Scores a generation: each new candidate is simplified, checked against the parameter budget and size
 * limit, looked up in the cache by its canonical form, and otherwise fitted and scored. The new laws of a
 * generation are fitted in parallel, each independently, and entered into the cache in population order,
 * so the outcome does not depend on the thread count. Fitted values are written back into the trees.
 */
final class LawEvaluator implements Evaluator<ProgramGene<Double>, Double> {
    /** Relative fitness penalty per unit of complexity: a mild push towards smaller laws. */
    static final double PARSIMONY = 0.005;

    private final TreeCodec codec;
    private final CandidateScorer scorer;
    private final CandidateCache cache;
    private final ExecutorService executor;
    private final int parametersPerTarget;
    private final int maxNodes;
    private long fitted;

    LawEvaluator(TreeCodec codec, CandidateScorer scorer, CandidateCache cache, ExecutorService executor,
                 int parametersPerTarget, int maxNodes) {
        this.codec = codec;
        this.scorer = scorer;
        this.cache = cache;
        this.executor = executor;
        this.parametersPerTarget = parametersPerTarget;
        this.maxNodes = maxNodes;
    }

    /** A candidate after simplification: its key, or why it was rejected without fitting. */
    record Prepared(Law law, Map<String, Double> hints, String key, String rejection) {
    }

    Prepared prepare(LawTree tree) {
        Law law = Simplifier.simplify(tree.law());
        Map<String, Double> hints = new HashMap<>();
        for (String name : law.parameters()) {
            Double value = tree.values().get(name);
            if (value != null) {
                hints.put(name, value);
            }
        }
        String rejection = rejection(law, parametersPerTarget, maxNodes).orElse(null);
        return new Prepared(law, hints, rejection == null ? Simplifier.canonicalKey(law) : null, rejection);
    }

    /**
     * Why the search refuses a simplified law before scoring it, if it does: over the parameter budget or the size
     * limit, of no variable, or of a form it does not search ({@link FormRules}).
     */
    static Optional<String> rejection(Law law, int parametersPerTarget, int maxNodes) {
        if (law.parameterCount() > parametersPerTarget) {
            return Optional.of("over budget: " + law.parameterCount() + " parameters, at most " + parametersPerTarget);
        } else if (law.expr().size() > maxNodes) {
            return Optional.of("too large: " + law.expr().size() + " nodes, at most " + maxNodes);
        } else if (law.variables().isEmpty()) {
            return Optional.of("uses no variable");
        }
        return FormRules.violation(law).map(v -> "not a scaling-law form: " + v);
    }

    /** Scores laws (seeds, proposals) outside the engine; results are cached like any candidate's. */
    List<CandidateCache.Entry> evaluate(List<LawTree> trees) {
        List<Prepared> prepared = trees.stream().map(this::prepare).toList();
        fitMissing(prepared);
        List<CandidateCache.Entry> entries = new ArrayList<>();
        for (Prepared p : prepared) {
            entries.add(p.rejection() != null
                ? new CandidateCache.Entry("", p.law(), Evaluation.failed(p.rejection(), p.law().parameterCount(), p.law().expr().size()))
                : cache.find(p.key()).orElseThrow());
        }
        return entries;
    }

    @Override
    public ISeq<Phenotype<ProgramGene<Double>, Double>> eval(Seq<Phenotype<ProgramGene<Double>, Double>> population) {
        Prepared[] prepared = new Prepared[population.size()];
        List<Prepared> toFit = new ArrayList<>();
        for (int i = 0; i < population.size(); i++) {
            Phenotype<ProgramGene<Double>, Double> phenotype = population.get(i);
            if (!phenotype.isEvaluated()) {
                prepared[i] = prepare(codec.law(phenotype.genotype()));
                toFit.add(prepared[i]);
            }
        }
        fitMissing(toFit);
        List<Phenotype<ProgramGene<Double>, Double>> result = new ArrayList<>(population.size());
        for (int i = 0; i < population.size(); i++) {
            Phenotype<ProgramGene<Double>, Double> phenotype = population.get(i);
            Prepared p = prepared[i];
            if (p == null) {
                result.add(phenotype);
            } else if (p.rejection() != null) {
                // normalized like every other tree, so that a checkpoint restores it exactly
                result.add(Phenotype.of(codec.genotype(new LawTree(p.law(), p.hints())), phenotype.generation(),
                    Double.POSITIVE_INFINITY));
            } else {
                CandidateCache.Entry entry = cache.find(p.key()).orElseThrow();
                result.add(phenotype(entry, phenotype.generation()));
            }
        }
        return ISeq.of(result);
    }

    /** The phenotype of a scored law: its tree carries the fitted values, its fitness the penalized error. */
    Phenotype<ProgramGene<Double>, Double> phenotype(CandidateCache.Entry entry, long generation) {
        Genotype<ProgramGene<Double>> genotype = codec.genotype(new LawTree(entry.law(), entry.evaluation().fitted()));
        return Phenotype.of(genotype, generation, fitness(entry.evaluation()));
    }

    static double fitness(Evaluation evaluation) {
        return evaluation.isFailure()
            ? Double.POSITIVE_INFINITY
            : evaluation.validationError() * (1 + PARSIMONY * evaluation.complexity());
    }

    /** Fits the laws not cached yet, each once, in parallel; enters them into the cache in order. */
    private void fitMissing(List<Prepared> candidates) {
        Map<String, Prepared> missing = new LinkedHashMap<>();
        for (Prepared p : candidates) {
            if (p.rejection() == null && !cache.contains(p.key())) {
                missing.putIfAbsent(p.key(), p);
            }
        }
        List<Callable<CandidateScorer.Scored>> tasks = new ArrayList<>();
        for (Prepared p : missing.values()) {
            tasks.add(() -> scorer.score(p.law(), p.hints()));
        }
        try {
            List<Future<CandidateScorer.Scored>> futures = executor.invokeAll(tasks);
            int i = 0;
            for (Prepared p : missing.values()) {
                CandidateScorer.Scored scored = futures.get(i++).get();
                cache.put(new CandidateCache.Entry(p.key(), p.law(), scored.evaluation()), scored.errors());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchInterruptedException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring a candidate failed: " + e.getCause(), e.getCause());
        }
        fitted += missing.size();
    }

    /** Candidates fitted so far (cache misses). */
    long fitted() {
        return fitted;
    }

    void restoreFitted(long fitted) {
        this.fitted = fitted;
    }
}
