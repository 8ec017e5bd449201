package dev.evosld.search;

import dev.evosld.data.MessageText;
import dev.evosld.law.Law;
import dev.evosld.law.LawParser;
import dev.evosld.law.LawSyntaxException;
import dev.evosld.law.Simplifier;
import io.jenetics.Phenotype;
import io.jenetics.prog.ProgramGene;
import io.jenetics.util.ISeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a checkpoint holds of a run's restarts, their islands and cached laws, taken from them and put back. Put back,
 * every law is checked against what the search would have left (a cached law against its key, an island's scored law
 * against its restart's cache, an unscored one against that cache and what the search refuses unscored), so that a checkpoint edited by hand or damaged is refused, naming the file and the
 * place, rather than resumed as another search.
 */
final class CheckpointedRestarts {
    private final List<String> features;
    private final TreeCodec codec;
    private final int islandsPerRestart;
    /** What the search refuses unscored ({@link LawEvaluator#rejection}), which an unscored island law must be. */
    private final int parametersPerTarget;
    private final int maxNodes;
    /** The checkpoint's file, which the errors name. */
    private final Path file;

    CheckpointedRestarts(List<String> features, TreeCodec codec, int islandsPerRestart, int parametersPerTarget,
                         int maxNodes, Path file) {
        this.features = features;
        this.codec = codec;
        this.islandsPerRestart = islandsPerRestart;
        this.parametersPerTarget = parametersPerTarget;
        this.maxNodes = maxNodes;
        this.file = file;
    }

    /** Every island's individuals, the first restart's islands first. */
    List<List<Checkpoint.Individual>> islands(List<Restart> restarts) {
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
        return individuals;
    }

    /** Every restart's cached laws, each with the per-row errors its cache keeps of it. */
    static List<Checkpoint.CachedLaw> cache(List<Restart> restarts) {
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
        return cached;
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

    /**
     * Puts the checkpoint's cached laws and islands back into {@code restarts}, which have none yet; its islands are
     * dealt out by position, as restarts are seeded in order.
     */
    void restore(Checkpoint checkpoint, List<Restart> restarts) {
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
                CandidateCache cache = restarts.get(island / islandsPerRestart).cache;
                if (individual.fitness() != null) {
                    requireScored(law, individual, cache, place);
                } else {
                    requireUnscored(law, individual, cache, place);
                }
                LawTree tree = new LawTree(law, individual.values());
                phenotypes.add(Phenotype.of(codec.genotype(tree), individual.born(),
                    individual.fitness() == null ? Double.POSITIVE_INFINITY : individual.fitness()));
            }
            restarts.get(island / islandsPerRestart).islands.add(ISeq.of(phenotypes));
        }
    }

    /**
     * A law the checkpoint holds at {@code place} (a JSON path, {@code cache[3].law}); one that does not parse was
     * edited by hand or damaged, and the error names the file, as the checkpoint's other damage does.
     */
    private Law restored(String formula, String place) {
        try {
            return Law.of(LawParser.parse(place, formula), features);
        } catch (LawSyntaxException e) {
            throw Checkpoint.damaged(file, e.getMessage());
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
            throw Checkpoint.damaged(file, place + ".key: unknown variable " + MessageText.quote(unknown.get()));
        }
        // the law's own parameters were fitted, so a name without a fitted value is the likelier edit where renaming
        // either gives the key (E + A * exp(p1 * M) of p0 + p1 * exp(p2 * N))
        Map<String, Double> fitted = cached.fitted() == null ? Map.of() : cached.fitted();
        List<String> names = law.parameters().stream().sorted(Comparator.comparing(fitted::containsKey)).toList();
        for (String name : names) {
            for (String variable : key.variables()) {
                Law renamed = Law.of(law.expr().rename(n -> n.equals(name) ? variable : n), features);
                if (!law.variables().contains(variable) && Simplifier.canonicalKey(renamed).equals(cached.key())) {
                    throw Checkpoint.damaged(file, place + ".law: unknown variable " + MessageText.quote(name));
                }
            }
        }
        throw Checkpoint.damaged(file, place + ".law: " + MessageText.quote(cached.law())
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
        throw Checkpoint.damaged(file, place + ": " + unknown.map(name -> "unknown variable "
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
            || LawEvaluator.rejection(Simplifier.simplify(law), parametersPerTarget, maxNodes).isPresent()) {
            return;
        }
        for (String name : law.parameters()) {
            for (String variable : features) {
                Law renamed = Law.of(law.expr().rename(n -> n.equals(name) ? variable : n), features);
                if (!law.variables().contains(variable) && cache.contains(Simplifier.canonicalKey(renamed))) {
                    throw Checkpoint.damaged(file, place + ": unknown variable " + MessageText.quote(name));
                }
            }
        }
        throw Checkpoint.damaged(file, place + ": " + MessageText.quote(individual.law())
            + " is neither among the laws its restart scored nor one the search refuses unscored");
    }
}
