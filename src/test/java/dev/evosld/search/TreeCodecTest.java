package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.evosld.law.Law;
import dev.evosld.law.RandomExprs;
import io.jenetics.Genotype;
import io.jenetics.prog.ProgramChromosome;
import io.jenetics.prog.ProgramGene;
import io.jenetics.prog.op.MathOp;
import io.jenetics.prog.op.Op;
import io.jenetics.prog.op.Var;
import io.jenetics.util.RandomRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeCodecTest {
    private static final List<String> FEATURES = SyntheticTask.FEATURES;

    @Test
    void aLawAndItsKnownValuesSurviveTheGenotypeRoundTrip() {
        TreeCodec codec = new TreeCodec(FEATURES, 41);
        qt().withFixedSeed(7L).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Law law = Law.of(RandomExprs.any(seed, List.of("N", "D", "a", "b", "c"), 5), FEATURES);
            Map<String, Double> values = new HashMap<>();
            for (String name : law.parameters()) {
                // a known value for some parameters, none for the others
                if (!name.equals("b")) {
                    values.put(name, seed % 1000 / 7.0 + name.length());
                }
            }
            LawTree back = codec.law(codec.genotype(new LawTree(law, values)));
            assertEquals(law, back.law());
            assertEquals(values, back.values());
        });
    }

    @Test
    void variablesKeepTheirFeatureIndexSoProgramsEvaluateOnFeatureColumns() {
        TreeCodec codec = new TreeCodec(FEATURES, 41);
        Genotype<ProgramGene<Double>> genotype = codec.genotype(
            new LawTree(Law.parse("E + D/N", FEATURES), Map.of("E", 1.0)));
        // N = 4, D = 10
        assertEquals(3.5, genotype.chromosome().gene().eval(4.0, 10.0), 0.0);
    }

    @Test
    void aGenotypeIsValidExactlyWhenItsTreeFitsTheNodeLimit() {
        // E + A*N^a + B*D^b has 13 nodes
        LawTree tree = new LawTree(Law.parse("E + A*N^a + B*D^b", FEATURES), Map.of());
        assertEquals(13, ((ProgramChromosome<Double>) new TreeCodec(FEATURES, 13).genotype(tree).chromosome()).length());
        assertTrue(new TreeCodec(FEATURES, 13).genotype(tree).isValid());
        assertFalse(new TreeCodec(FEATURES, 12).genotype(tree).isValid());
    }

    @Test
    void aTreeDeeperThanTheDepthLimitIsInvalidWhateverTheNodeLimit() {
        String nested = "N";
        for (int i = 0; i < TreeCodec.MAX_DEPTH; i++) {
            nested = "-(" + nested + ")";
        }
        // MAX_DEPTH negations over N: depth MAX_DEPTH, one more is too deep
        TreeCodec codec = new TreeCodec(FEATURES, 1000);
        assertTrue(codec.genotype(new LawTree(Law.parse(nested, FEATURES), Map.of())).isValid());
        assertFalse(codec.genotype(new LawTree(Law.parse("-(" + nested + ")", FEATURES), Map.of())).isValid());
    }

    @Test
    void randomTreesFromTheDefaultNodeLimitAreValidSmallAndFreeOfFreshParameterNames() {
        TreeCodec codec = new TreeCodec(FEATURES, 41);
        qt().withFixedSeed(11L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Genotype<ProgramGene<Double>> genotype = RandomRegistry.with(new Random(seed), r -> codec.random());
            ProgramChromosome<Double> chromosome = (ProgramChromosome<Double>) genotype.chromosome();
            assertTrue(genotype.isValid());
            assertTrue(chromosome.length() <= 15, "a tree of depth 3 has at most 15 nodes: " + chromosome.length());
            assertTrue(chromosome.root().depth() <= 3);
            Law law = codec.law(genotype).law();
            assertFalse(law.parameters().contains(ParameterOp.FRESH), law.toString());
        });
    }

    @Test
    void aRandomTreeIsValidExactlyWhenItHasNoMoreNodesThanTheLimit() {
        qt().withFixedSeed(13L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            TreeCodec codec = new TreeCodec(FEATURES, 3 + (int) Math.floorMod(seed, 10L));
            ProgramChromosome<Double> chromosome = (ProgramChromosome<Double>) RandomRegistry.with(new Random(seed), r -> codec.random()).chromosome();
            assertEquals(codec.validator().test(chromosome), chromosome.isValid());
            assertEquals(chromosome.length() <= 3 + Math.floorMod(seed, 10L), chromosome.isValid());
        });
    }

    @Test
    void theSameSeedDrawsTheSameRandomTree() {
        TreeCodec codec = new TreeCodec(FEATURES, 41);
        for (long seed = 0; seed < 50; seed++) {
            long s = seed;
            LawTree one = RandomRegistry.with(new Random(s), r -> codec.law(codec.random()));
            LawTree two = RandomRegistry.with(new Random(s), r -> codec.law(codec.random()));
            assertEquals(one, two);
        }
    }

    @Test
    void theTerminalsAreTheFeaturesByIndexAHalfIntegerLiteralAndAFreshParameter() {
        TreeCodec codec = new TreeCodec(FEATURES, 41);
        List<Op<Double>> terminals = codec.terminals().asList();
        assertEquals(4, terminals.size());
        assertEquals(Var.<Double>of("N", 0), terminals.get(0));
        assertEquals(Var.<Double>of("D", 1), terminals.get(1));
        assertEquals(ParameterOp.fresh(Double.NaN), terminals.get(3));
        Set<Double> literals = new HashSet<>();
        RandomRegistry.with(new Random(1), r -> {
            for (int i = 0; i < 200; i++) {
                literals.add(terminals.get(2).get().apply(new Double[0]));
            }
            return null;
        });
        assertEquals(Set.of(0.5, 1.0, 1.5), literals);
    }

    @Test
    void theOperationsAreTheLawLanguagesArithmetic() {
        assertEquals(List.of(MathOp.ADD, MathOp.SUB, MathOp.MUL, MathOp.DIV, MathOp.POW, MathOp.NEG, MathOp.EXP,
            MathOp.LOG, MathOp.SQRT), new TreeCodec(FEATURES, 41).operations().asList());
    }
}
