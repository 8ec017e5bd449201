package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small task whose truth is known: loss = E + A*N^-alpha + B*D^-beta with a little noise, two groups,
 * N over five sizes (the scale axis) and D over four; and the runs on it that tests kill and resume.
 */
final class SyntheticTask {
    static final List<String> FEATURES = List.of("N", "D");

    private SyntheticTask() {
    }

    static TaskConfig config() {
        return new TaskConfig("synthetic", "a Chinchilla-shaped toy task",
            List.of(new TaskConfig.Feature("N", "parameters"), new TaskConfig.Feature("D", "tokens")),
            List.of("loss"), 5, List.of("N"), new TaskConfig.Holdout.TopValues(1, 0), null, Map.of(), null, null);
    }

    static Train train() {
        return new Train(table(new double[] {1e7, 3e7, 1e8, 3e8, 1e9}));
    }

    static Table table(double[] sizes) {
        double[] tokens = {1e9, 4e9, 1.6e10, 6.4e10};
        List<Group> groups = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        String[] names = {"a", "b"};
        double[] offsets = {1.7, 2.1};
        for (int g = 0; g < names.length; g++) {
            int rows = sizes.length * tokens.length;
            double[] n = new double[rows];
            double[] d = new double[rows];
            double[] loss = new double[rows];
            int r = 0;
            for (double size : sizes) {
                for (double token : tokens) {
                    n[r] = size;
                    d[r] = token;
                    loss[r] = offsets[g] + 400 * Math.pow(size, -0.34) + 410 * Math.pow(token, -0.28)
                        + random.nextGaussian() * 1e-4;
                    r++;
                }
            }
            groups.add(Group.of(names[g], new double[][] {n, d}, new double[][] {loss}));
        }
        return new Table(FEATURES, List.of("loss"), groups);
    }

    /** Starts a run that checkpoints to {@code checkpoint} and is killed when it reports {@code generation}. */
    static void killAt(int generation, SearchSettings settings, Path checkpoint) {
        SearchListener killer = (reached, of, best, rate, hits) -> {
            if (reached == generation) {
                throw new IllegalStateException("killed");
            }
        };
        Discovery first = Discovery.start(config(), train(), settings, List.of(new ClassicForms()), killer, checkpoint);
        assertThrows(IllegalStateException.class, first::run);
    }

    /** Resumes the task's run from a checkpoint, as a test edited it. */
    static Discovery resume(Path checkpoint) {
        return Discovery.resume(config(), train(), checkpoint, Duration.ofMinutes(5), 2, List.of(new ClassicForms()),
            SearchListener.none());
    }

    /** A checkpoint's JSON, to edit as a user might by hand. */
    static ObjectNode document(String checkpoint) {
        return (ObjectNode) Json.mapper().readTree(checkpoint);
    }

    static SearchSettings settings(int generations) {
        return SearchSettings.defaults().withGenerations(generations).withPopulation(16).withIslands(2).withRestarts(2)
            .withEpochLength(2).withThreads(1).withProposerEvery(0);
    }
}
