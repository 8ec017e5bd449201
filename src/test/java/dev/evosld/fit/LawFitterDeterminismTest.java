package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.law.Law;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LawFitterDeterminismTest {
    private static final Law LAW = Law.parse("E + A*N^(-alpha) + B*D^(-beta)", List.of("N", "D"));

    /** Three groups with different true laws, two targets, and noise, so that the starts disagree. */
    private static Table table() {
        SplittableRandom noise = new SplittableRandom(99);
        List<Group> groups = new ArrayList<>();
        double[][] truths = {{1.69, 406.4, 0.34, 410.7, 0.28}, {2.1, 50, 0.2, 900, 0.35}, {0.8, 2000, 0.45, 30, 0.1}};
        for (int g = 0; g < truths.length; g++) {
            double[][] columns = Synthetic.columns(25, List.of(log(1e7, 1e10), log(1e9, 1e12)), g);
            double[][] targets = new double[2][];
            for (int t = 0; t < 2; t++) {
                targets[t] = Synthetic.predict(LAW, columns, truths[g]);
                for (int r = 0; r < targets[t].length; r++) {
                    targets[t][r] *= 1 + 0.01 * (t + 1) * noise.nextGaussian();
                }
            }
            groups.add(Group.of("g" + g, columns, targets));
        }
        return new Table(List.of("N", "D"), List.of("loss", "other_loss"), groups);
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {true, false})
    void sameInputsGiveBitIdenticalFits(boolean projection) {
        Table table = table();
        FitOptions options = FitOptions.defaults().withStarts(12).withSeed(3).withVariableProjection(projection);

        FittedLaw first = FittedLaw.fit(LAW, table, options, 1, null);
        FittedLaw second = FittedLaw.fit(LAW, table, options, 1, null);

        assertFalse(first.failure().isPresent());
        assertEquals(6, first.fits().size());
        // TargetFit equality compares the parameters bit for bit, the MSE, iterations and evaluations
        assertEquals(first.fits(), second.fits());
        assertEquals(first.parameters(), second.parameters());
    }

    @ParameterizedTest(name = "projection {0}")
    @ValueSource(booleans = {true, false})
    void threadCountDoesNotChangeTheFit(boolean projection) {
        Table table = table();
        FitOptions options = FitOptions.defaults().withStarts(12).withSeed(3).withVariableProjection(projection);

        FittedLaw one = FittedLaw.fit(LAW, table, options, 1, null);
        FittedLaw two = FittedLaw.fit(LAW, table, options, 2, null);
        FittedLaw three = FittedLaw.fit(LAW, table, options, 3, null);

        assertEquals(one.fits(), two.fits());
        assertEquals(one.fits(), three.fits());
        assertEquals(List.of("g0", "g0", "g1", "g1", "g2", "g2"), one.fits().stream().map(TargetFit::group).toList());
        assertEquals(List.of("loss", "other_loss"), one.fits().subList(0, 2).stream().map(TargetFit::target).toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1})
    void aHintIsTriedFirstAndNeverLosesToTheDefaultStarts(long seed) {
        Table table = table();
        FitOptions options = FitOptions.defaults().withStarts(6).withSeed(seed);
        FittedLaw reference = FittedLaw.fit(LAW, table, FitOptions.defaults().withStarts(24), 1, null);

        FittedLaw hinted = FittedLaw.fit(LAW, table, options, 2, reference.parameters());

        for (int i = 0; i < reference.fits().size(); i++) {
            // fitting again from the optimum must not end anywhere worse than it
            TargetFit want = reference.fits().get(i);
            TargetFit got = hinted.fits().get(i);
            assertEquals(want.mse(), got.mse(), 1e-12 * want.mse(), got::toString);
        }
    }

    @Test
    void aFreshJvmFitsBitIdenticallyToAWarmOne() throws Exception {
        // warm up, so that C2 compiles the evaluation loops (and intrinsifies whatever it can) ...
        String warm = null;
        for (int i = 0; i < 100; i++) {
            warm = FreshJvmFit.fingerprint(FreshJvmFit.fit(true)) + " / " + FreshJvmFit.fingerprint(FreshJvmFit.fit(false));
        }
        // ... then fit again in a JVM whose JIT is C1 only, which intrinsifies no vector operation
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "--add-modules=jdk.incubator.vector",
            "-cp", System.getProperty("java.class.path"), FreshJvmFit.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        String fresh = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());

        assertEquals(warm, fresh);
    }
}
