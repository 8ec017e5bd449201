package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.search.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlanTest {
    @TempDir
    Path tmp;

    @Test
    void allIsTheEightTasks() {
        assertEquals(TaskConfig.builtinTasks(), BenchPlan.parseTasks("all"));
        assertEquals(8, BenchPlan.parseTasks(" all ").size());
    }

    @Test
    void namesAreSplitOnCommasAndRepeatsDropped() {
        assertEquals(List.of("sft_scaling_law", "moe_scaling_law"),
            BenchPlan.parseTasks("sft_scaling_law, moe_scaling_law,sft_scaling_law"));
    }

    @Test
    void unknownAndEmptyNamesAreOneLineErrors() {
        assertEquals("unknown task 'moe' (tasks: all, " + String.join(", ", TaskConfig.builtinTasks()) + ")",
            assertThrows(EvosldException.class, () -> BenchPlan.parseTasks("sft_scaling_law,moe")).getMessage());
        assertEquals("--tasks 'sft_scaling_law,': an empty task name (give all, or names separated by commas)",
            assertThrows(EvosldException.class, () -> BenchPlan.parseTasks("sft_scaling_law,")).getMessage());
        assertEquals("--tasks 'all,moe_scaling_law': all goes alone (it means every task), not in a list",
            assertThrows(EvosldException.class, () -> BenchPlan.parseTasks("all,moe_scaling_law")).getMessage());
    }

    @Test
    void runDirectoriesArePerTaskAndSeed() {
        BenchPlan plan = new BenchPlan(List.of("sft_scaling_law"), 3, SearchSettings.defaults(), SearchEffort.DEFAULT, tmp,
            new DataDirectory(tmp));
        assertEquals(tmp.resolve("sft_scaling_law").resolve("seed-2"), plan.runDirectory("sft_scaling_law", 2));
        assertEquals(3, plan.units());
        assertThrows(IllegalArgumentException.class,
            () -> new BenchPlan(List.of("sft_scaling_law"), 0, SearchSettings.defaults(), SearchEffort.DEFAULT, tmp,
                new DataDirectory(tmp)));
    }

    @Test
    void aTasksRunsSearchAsLongAsItsConfigSaysUnlessTheBenchFixesIt() {
        TaskConfig lrBsz = TaskConfig.load("lr_bsz_scaling_law");
        TaskConfig dataConstrained = TaskConfig.load("data_constrained_scaling_law");
        TaskConfig sft = TaskConfig.load("sft_scaling_law");
        BenchPlan own = new BenchPlan(List.of("sft_scaling_law"), 1, SearchSettings.defaults(), SearchEffort.DEFAULT, tmp,
            new DataDirectory(tmp));
        assertEquals(1, own.search(lrBsz).restarts());
        assertEquals(SearchSettings.DEFAULT_GENERATIONS, own.search(lrBsz).generations());
        assertEquals(180, own.search(dataConstrained).generations());
        assertEquals(SearchSettings.DEFAULT_RESTARTS, own.search(dataConstrained).restarts());
        assertEquals(SearchSettings.DEFAULT_RESTARTS, own.search(sft).restarts());
        assertEquals(SearchSettings.DEFAULT_GENERATIONS, own.search(sft).generations());
        BenchPlan fixed = new BenchPlan(List.of("sft_scaling_law"), 1, SearchSettings.defaults(), new SearchEffort(20, 2), tmp,
            new DataDirectory(tmp));
        for (TaskConfig config : List.of(lrBsz, dataConstrained, sft)) {
            assertEquals(2, fixed.search(config).restarts(), config.name());
            assertEquals(20, fixed.search(config).generations(), config.name());
        }
        BenchPlan restartsOnly = new BenchPlan(List.of("sft_scaling_law"), 1, SearchSettings.defaults(),
            new SearchEffort(null, 2), tmp, new DataDirectory(tmp));
        assertEquals(180, restartsOnly.search(dataConstrained).generations());
    }

    @Test
    void missingDataFailsBeforeAnyRunNamingThePullCommand() {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        BenchPlan plan = new BenchPlan(List.of("parallel_scaling_law", "sft_scaling_law"), 2, SearchSettings.defaults(),
            SearchEffort.DEFAULT, out, new DataDirectory(data));
        EvosldException e = assertThrows(EvosldException.class, () -> Bench.of(plan).run());
        assertEquals("no data for task 'parallel_scaling_law' in " + data + "/ (run: evosld data pull --task parallel_scaling_law --data-dir " + data + ")",
            e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void noCommitOutsideAGitCheckout() {
        assertNull(Environment.gitCommit(tmp));
    }
}
