package dev.evosld.benchmarks;

import dev.evosld.eval.Program;
import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Operon-style throughput: 1,000 random laws of up to 100 nodes over 10,000 rows, each compiled, bound
 * (which computes every parameter-free node) and evaluated once, on one thread. The {@code nodeRows}
 * counter divided by the time is node-rows per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:CompileCommand=quiet",
    "-XX:CompileCommand=dontinline,dev/evosld/eval/VectorKernels.*Loop"})
public class ThroughputBenchmark {
    static final int ROWS = 10_000;
    static final int LAWS = 1_000;
    static final int MAX_NODES = 100;
    private static final List<String> VARIABLES = List.of("x1", "x2", "x3", "x4");
    private static final List<String> PARAMETERS = List.of("p1", "p2", "p3", "p4", "p5", "p6");

    private double[][] columns;
    private List<Law> laws;
    private double[] theta;
    private double[] out;
    private long totalNodes;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        columns = new double[VARIABLES.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = random.doubles(ROWS, 0.1, 10).toArray();
        }
        List<String> names = new ArrayList<>(VARIABLES);
        names.addAll(PARAMETERS);
        laws = new ArrayList<>(LAWS);
        while (laws.size() < LAWS) {
            Expr expr = grow(random, names, 1 + random.nextInt(MAX_NODES));
            laws.add(Law.of(expr, VARIABLES));
        }
        totalNodes = laws.stream().mapToLong(law -> law.expr().size()).sum();
        theta = random.doubles(PARAMETERS.size(), 0.1, 2).toArray();
        out = new double[ROWS];
    }

    /** A random tree of exactly {@code nodes} nodes (or one fewer when only a binary node fits). */
    private static Expr grow(SplittableRandom random, List<String> names, int nodes) {
        if (nodes <= 1) {
            return random.nextInt(4) == 0 ? Expr.num(random.nextDouble(0.1, 3)) : Expr.sym(names.get(random.nextInt(names.size())));
        }
        Operator[] unary = {Operator.EXP, Operator.LOG, Operator.SQRT, Operator.NEG, Operator.ABS};
        Operator[] binary = {Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV, Operator.POW, Operator.MIN, Operator.MAX};
        if (nodes == 2 || random.nextInt(5) == 0) {
            return Expr.apply(unary[random.nextInt(unary.length)], grow(random, names, nodes - 1));
        }
        int left = 1 + random.nextInt(nodes - 2);
        return Expr.apply(binary[random.nextInt(binary.length)], grow(random, names, left), grow(random, names, nodes - 1 - left));
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long nodeRows;

        @Setup(Level.Iteration)
        public void reset() {
            nodeRows = 0;
        }
    }

    @Benchmark
    public void evaluateAllLaws(Counters counters, Blackhole sink) {
        for (Law law : laws) {
            Program program = Program.compile(law.expr(), law.variables(), PARAMETERS);
            program.bind(ROWS, select(law), dev.evosld.eval.Kernels.preferred()).forward(theta, out);
            sink.consume(out[0]);
        }
        counters.nodeRows += totalNodes * ROWS;
    }

    private double[][] select(Law law) {
        double[][] selected = new double[law.variables().size()][];
        for (int j = 0; j < selected.length; j++) {
            selected[j] = columns[VARIABLES.indexOf(law.variables().get(j))];
        }
        return selected;
    }
}
