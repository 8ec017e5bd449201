package dev.evosld.benchmarks;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.Group;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.Predictions;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FitProblem;
import dev.evosld.fit.LawFitter;
import dev.evosld.fit.TargetFit;
import dev.evosld.law.Law;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-start fits per second on one thread, on real SLDBench train rows (read from {@code $EVOSLD_DATA}):
 *
 * <ul>
 *   <li>{@code chinchilla}: {@code E + A*params^(-alpha) + B*tokens^(-beta)} on data_constrained's 161 rows;
 *   <li>{@code moe}: the moe task's human law (six parameters, none linear, two of them bounded) on its 193
 *       rows.
 * </ul>
 *
 * <p>One operation is a fit with {@value #STARTS} starts, the fitter's own first starts (typical values by
 * role, the exponent grid, then the Halton sequence), so that the time is averaged over starts of varying
 * difficulty rather than over one trajectory. The {@code fits} counter is single-start fits per second;
 * {@code iterations} and {@code evaluations} are L-BFGS-B iterations and objective evaluations per second,
 * so that {@code iterations / fits} is iterations per single-start fit. Fits are deterministic, so those
 * ratios do not vary between runs. The fitter's tolerances are its defaults (projected gradient 1e-10,
 * relative reduction 1e-13, 500 iterations), and it evaluates laws with the preferred (vector) kernels.
 *
 * <p>{@code refitOnTwoThreads} is the final refit's way instead: {@value #REFIT_STARTS} starts spread over
 * {@value #REFIT_THREADS} threads by {@link LawFitter#fitAll}, which binds the law once per task (a task
 * being one start until 96d5f40, 16 starts since); its {@code fits} are single-start fits per second of wall
 * time on both threads together.
 *
 * <p>Run: {@code EVOSLD_DATA=... java -jar target/benchmarks.jar FitBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:CompileCommand=quiet",
    "-XX:CompileCommand=dontinline,dev/evosld/eval/VectorKernels.*Loop"})
public class FitBenchmark {
    static final int STARTS = 8;
    static final int REFIT_STARTS = 64;
    static final int REFIT_THREADS = 2;

    @Param({"chinchilla", "moe"})
    public String law;

    @Param({"true", "false"})
    public boolean projection;

    private LawFitter fitter;
    private LawFitter refitter;
    private FitProblem problem;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long fits;
        public long iterations;
        public long evaluations;

        @Setup(Level.Iteration)
        public void reset() {
            fits = 0;
            iterations = 0;
            evaluations = 0;
        }
    }

    @Setup
    public void setUp() {
        String data = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        if (data == null) {
            throw new IllegalStateException("FitBenchmark reads SLDBench train rows: set "
                + DataDirectory.ENVIRONMENT_VARIABLE + " to the data directory");
        }
        String task = law.equals("chinchilla") ? "data_constrained_scaling_law" : "moe_scaling_law";
        TaskConfig config = TaskConfig.load(task);
        TaskData taskData = TaskData.load(config, new DataDirectory(Path.of(data)));
        Law parsed = switch (law) {
            case "chinchilla" -> Law.parse("E + A*params^(-alpha) + B*tokens^(-beta)", config.featureNames());
            case "moe" -> Law.parse(config.humanLaw(), config.featureNames());
            default -> throw new IllegalArgumentException(law);
        };
        var table = taskData.train().table();
        if (table.groups().size() != 1) {
            throw new IllegalStateException(task + " should have one group, has " + table.groups().size());
        }
        Group group = table.groups().getFirst();
        problem = new FitProblem(group.name(), table.targets().getFirst(), group.rows(),
            Predictions.columns(parsed, table, group), group.target(0));
        FitOptions options = FitOptions.defaults().withVariableProjection(projection).withBounds(config.bounds());
        fitter = LawFitter.of(parsed, options.withStarts(STARTS));
        refitter = LawFitter.of(parsed, options.withStarts(REFIT_STARTS));
    }

    @Benchmark
    public TargetFit fit(Counters counters) {
        TargetFit fit = fitter.fit(problem, null);
        counters.fits += STARTS;
        counters.iterations += fit.iterations();
        counters.evaluations += fit.evaluations();
        return fit;
    }

    @Benchmark
    public TargetFit refitOnTwoThreads(Counters counters) {
        TargetFit fit = refitter.fitAll(List.of(problem), Collections.singletonList(null), REFIT_THREADS).getFirst();
        counters.fits += REFIT_STARTS;
        counters.iterations += fit.iterations();
        counters.evaluations += fit.evaluations();
        return fit;
    }
}
