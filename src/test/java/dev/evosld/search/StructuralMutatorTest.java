package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import io.jenetics.Chromosome;
import io.jenetics.MutatorResult;
import io.jenetics.prog.ProgramGene;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StructuralMutatorTest {
    private static final List<String> FEATURES = List.of("N", "D");
    private static final StructuralMutations MUTATIONS = new StructuralMutations(FEATURES);
    private static final TreeCodec CODEC = new TreeCodec(FEATURES, 41);
    private static final LawTree START = new LawTree(Law.parse("E + A*N^(-a) + B*D^(-b)", FEATURES),
        Map.of("a", 0.3, "E", 1.7));

    private static Chromosome<ProgramGene<Double>> start() {
        return CODEC.genotype(START).chromosome();
    }

    @Test
    void aDrawAtOrAboveTheChanceLeavesTheChromosomeUnchangedAndCountsNoMutation() {
        Chromosome<ProgramGene<Double>> chromosome = start();
        for (long seed = 0; seed < 50; seed++) {
            MutatorResult<Chromosome<ProgramGene<Double>>> result = new StructuralMutator(0.4, CODEC, MUTATIONS)
                .mutate(chromosome, 0.0, new SplittableRandom(seed));
            assertSame(chromosome, result.result());
            assertEquals(0, result.mutations());
        }
    }

    @Test
    void theChanceIsPerChromosomeSoADrawBelowItAppliesOneStructuralMutation() {
        Chromosome<ProgramGene<Double>> chromosome = start();
        StructuralMutator mutator = new StructuralMutator(0.4, CODEC, MUTATIONS);
        for (long seed = 0; seed < 100; seed++) {
            MutatorResult<Chromosome<ProgramGene<Double>>> result =
                mutator.mutate(chromosome, 1.0, new SplittableRandom(seed));
            // the same random stream after the one draw that decided to mutate
            SplittableRandom replay = new SplittableRandom(seed);
            replay.nextDouble();
            LawTree expected = MUTATIONS.mutate(START, replay);
            assertEquals(1, result.mutations(), "seed " + seed);
            assertEquals(expected.law(), LawTree.fromTree(result.result().gene(), FEATURES).law(), "seed " + seed);
            assertTrue(result.result().isValid());
        }
    }

    @Test
    void aMutationTheCodecRejectsAsTooLargeKeepsTheOriginal() {
        Chromosome<ProgramGene<Double>> chromosome = start();
        // one node at most: every mutated law is invalid under this codec
        StructuralMutator mutator = new StructuralMutator(1.0, new TreeCodec(FEATURES, 1), MUTATIONS);
        for (long seed = 0; seed < 50; seed++) {
            MutatorResult<Chromosome<ProgramGene<Double>>> result =
                mutator.mutate(chromosome, 1.0, new SplittableRandom(seed));
            assertSame(chromosome, result.result());
            assertEquals(0, result.mutations());
        }
    }

    @Test
    void theSameSeedGivesTheSameMutation() {
        StructuralMutator mutator = new StructuralMutator(0.4, CODEC, MUTATIONS);
        for (long seed = 0; seed < 30; seed++) {
            assertEquals(mutator.mutate(start(), 0.5, new SplittableRandom(seed)).result(),
                mutator.mutate(start(), 0.5, new SplittableRandom(seed)).result());
        }
    }
}
