package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The eight SLDBench tasks load from {@code $EVOSLD_DATA} with the benchmark's row and group counts. */
class SldbenchDataTest {
    /** Train rows, test rows, groups. */
    private static final Map<String, List<Integer>> COUNTS = Map.of(
        "data_constrained_scaling_law", List.of(161, 21, 1),
        "domain_mixture_scaling_law", List.of(80, 24, 4),
        "easy_question_scaling_law", List.of(389, 127, 9),
        "lr_bsz_scaling_law", List.of(1730, 117, 1),
        "moe_scaling_law", List.of(193, 28, 1),
        "parallel_scaling_law", List.of(36, 12, 2),
        "sft_scaling_law", List.of(504, 42, 42),
        "vocab_scaling_law", List.of(1080, 120, 1));

    private DataDirectory directory;

    static List<String> tasks() {
        return TaskConfig.builtinTasks();
    }

    @BeforeEach
    void requireData() {
        String variable = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
        assumeTrue(variable != null && !variable.isBlank(), "EVOSLD_DATA is not set; SLDBench data tests skipped");
        directory = new DataDirectory(Path.of(variable));
    }

    private static TaskConfig config(String task) {
        return TaskConfig.load(Path.of("configs", task + ".yaml"));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void loadsWithTheBenchmarksCounts(String task) {
        TaskData data = TaskData.load(config(task), directory);
        List<Integer> counts = COUNTS.get(task);
        assertEquals(counts.get(0), data.train().table().rows(), "train rows");
        assertEquals(counts.get(1), data.test().orElseThrow().table().rows(), "test rows");
        assertEquals(counts.get(2), data.train().table().groups().size(), "groups");
        assertEquals(data.config().featureNames(), data.train().table().features());
        assertEquals(data.config().targets(), data.test().orElseThrow().table().targets());
    }

    @Test
    void sftGroupNamesKeepTheirQuotedCommas() {
        TaskData sft = TaskData.load(config("sft_scaling_law"), directory);
        Group group = sft.train().table().group("('MBZUAI/LaMini-GPT-124M', 'flan')").orElseThrow();
        assertEquals(12, group.rows());
        assertEquals(200.0, group.feature(0, 0));
        assertEquals(4.247733099892251, group.target(0, 0));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void testRowsLieBeyondTheirGroupsTrainRangeOnAScaleAxis(String task) {
        // lr_bsz's test model size also occurs in train (with less data), so its test split is not beyond
        // train on any single feature.
        assumeTrue(!task.equals("lr_bsz_scaling_law") && !config(task).scaleAxis().isEmpty());
        TaskData data = TaskData.load(config(task), directory);
        List<Integer> axes = data.config().scaleAxis().stream().map(data.config().featureNames()::indexOf).toList();
        for (Group test : data.test().orElseThrow().table().groups()) {
            Group train = data.train().table().group(test.name()).orElseThrow();
            for (int row = 0; row < test.rows(); row++) {
                int r = row;
                assertTrue(axes.stream().anyMatch(j -> test.feature(j, r) > Arrays.stream(train.feature(j)).max().orElseThrow()),
                    task + " " + test.name() + " row " + row);
            }
        }
    }
}
