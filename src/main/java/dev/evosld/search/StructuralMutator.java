package dev.evosld.search;

import io.jenetics.Chromosome;
import io.jenetics.Mutator;
import io.jenetics.MutatorResult;
import io.jenetics.prog.ProgramGene;
import java.util.random.RandomGenerator;

/** A Jenetics alterer applying {@link StructuralMutations} to whole candidate laws. */
final class StructuralMutator extends Mutator<ProgramGene<Double>, Double> {
    private final TreeCodec codec;
    private final StructuralMutations mutations;

    StructuralMutator(double probability, TreeCodec codec, StructuralMutations mutations) {
        super(probability);
        this.codec = codec;
        this.mutations = mutations;
    }

    @Override
    protected MutatorResult<Chromosome<ProgramGene<Double>>> mutate(Chromosome<ProgramGene<Double>> chromosome,
                                                                     double p, RandomGenerator random) {
        // p is the chance per chromosome here: a structural change is one decision about the whole law
        if (random.nextDouble() >= p) {
            return new MutatorResult<>(chromosome, 0);
        }
        LawTree law = LawTree.fromTree(chromosome.gene(), codecFeatures());
        LawTree mutated = mutations.mutate(law, random);
        Chromosome<ProgramGene<Double>> result = codec.genotype(mutated).chromosome();
        return result.isValid() ? new MutatorResult<>(result, 1) : new MutatorResult<>(chromosome, 0);
    }

    private java.util.List<String> codecFeatures() {
        return mutations.features();
    }
}
