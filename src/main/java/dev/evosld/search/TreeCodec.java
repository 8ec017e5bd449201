package dev.evosld.search;

import io.jenetics.Genotype;
import io.jenetics.prog.ProgramChromosome;
import io.jenetics.prog.ProgramGene;
import io.jenetics.prog.op.EphemeralConst;
import io.jenetics.prog.op.MathOp;
import io.jenetics.prog.op.Op;
import io.jenetics.prog.op.Var;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.List;
import java.util.function.Predicate;

/**
 * Converts candidate laws to Jenetics genotypes and back, and holds what Jenetics' own operators draw
 * from: the operations, and the terminals (the variables, a literal, a fresh parameter).
 */
final class TreeCodec {
    static final int MAX_DEPTH = 12;

    private final List<String> features;
    private final ISeq<Op<Double>> operations;
    private final ISeq<Op<Double>> terminals;
    private final Predicate<ProgramChromosome<Double>> validator;

    TreeCodec(List<String> features, int maxNodes) {
        this.features = List.copyOf(features);
        this.operations = ISeq.of(MathOp.ADD, MathOp.SUB, MathOp.MUL, MathOp.DIV, MathOp.POW, MathOp.NEG,
            MathOp.EXP, MathOp.LOG, MathOp.SQRT);
        ISeq<Op<Double>> variables = ISeq.of(features.stream()
            .map(name -> (Op<Double>) Var.<Double>of(name, features.indexOf(name))).toList());
        this.terminals = variables
            .append(EphemeralConst.of(() -> (double) RandomRegistry.random().nextInt(1, 4) / 2))
            .append(ParameterOp.fresh(Double.NaN));
        this.validator = chromosome -> chromosome.length() <= maxNodes && chromosome.root().depth() <= MAX_DEPTH;
    }

    Genotype<ProgramGene<Double>> genotype(LawTree tree) {
        return Genotype.of(ProgramChromosome.of(tree.toTree(features), validator, operations, terminals));
    }

    LawTree law(Genotype<ProgramGene<Double>> genotype) {
        return LawTree.fromTree(genotype.chromosome().gene(), features);
    }

    /** A random small tree, for when Jenetics needs a new individual. */
    Genotype<ProgramGene<Double>> random() {
        return Genotype.of(ProgramChromosome.of(3, validator, operations, terminals));
    }

    ISeq<Op<Double>> operations() {
        return operations;
    }

    ISeq<Op<Double>> terminals() {
        return terminals;
    }

    Predicate<ProgramChromosome<Double>> validator() {
        return validator;
    }
}
