package dev.evosld.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceTest {
    @TempDir
    Path dir;

    @Test
    void aUsersCsvLoadsAgainWithItsSplitBudgetAndTrend() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "N,loss\n1e8,3\n1e9,2.5\n1e10,2.2\n");
        UserData user = new UserData(runs, List.of("N"), List.of("loss"), null, 3, UserData.ScaleRule.parse("N=1e9"),
            TaskConfig.Trend.GROUP_MEAN, List.of("N"), new TaskConfig.Bound(0, Double.POSITIVE_INFINITY),
            new TaskConfig.Holdout.TopValues(2, 0));
        String json = Json.mapper().writeValueAsString(DataSource.csv(user, user.load().config()));
        assertTrue(json.contains("\"target_range\" : [ 0.0, null ]"), json);
        DataSource source = Json.mapper().readValue(json, DataSource.class);
        TaskConfig config = source.load(DataDirectory.resolve(null, Map.of())).config();
        assertEquals(TaskConfig.Trend.GROUP_MEAN, config.trend());
        assertEquals(List.of("N"), config.fallsWith());
        assertEquals(new TaskConfig.Bound(0, Double.POSITIVE_INFINITY), config.targetRange());
        assertEquals(3, config.parameterBudget());
        assertEquals(List.of("N"), config.scaleAxis());
        assertEquals(new TaskConfig.Holdout.TopValues(2, 0), config.holdout());
    }

    @Test
    void theFeaturesCheckedBeyondTheDataAreTheAxesAndThoseTheTargetsFallWith() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "D,N,loss\n1e9,1e8,3\n1e10,1e9,2.5\n1e11,1e10,2.2\n2e11,2e10,2.1\n");
        UserData firstFeature = new UserData(runs, List.of("D", "N"), List.of("loss"), null, 3,
            new UserData.NoTest(List.of()));
        assertEquals(Optional.of(List.of("D")),
            DataSource.csv(firstFeature, firstFeature.load().config()).checkedBeyondData());
        UserData split = new UserData(runs, List.of("D", "N"), List.of("loss"), null, 3,
            UserData.ScaleRule.parse("N=1e10"), TaskConfig.Trend.PER_RUN, List.of("D", "N"), TaskConfig.Bound.UNBOUNDED,
            new TaskConfig.Holdout.TopValues(1, 0));
        assertEquals(Optional.of(List.of("N", "D")), DataSource.csv(split, split.load().config()).checkedBeyondData());
        // cross-validated runs were pushed along no axis
        UserData folds = new UserData(runs, List.of("D", "N"), List.of("loss"), null, 3, new UserData.NoTest(List.of()),
            TaskConfig.Trend.PER_RUN, List.of(), TaskConfig.Bound.UNBOUNDED, new TaskConfig.Holdout.Folds(2, 0));
        assertEquals(Optional.of(List.of()), DataSource.csv(folds, folds.load().config()).checkedBeyondData());
        assertEquals(Optional.of(List.of("params", "tokens", "unique_tokens")),
            DataSource.sldbench("data_constrained_scaling_law").checkedBeyondData());
        assertEquals(Optional.empty(), DataSource.sldbench("no_such_task").checkedBeyondData());
    }

    @Test
    void theTargetsPossibleValuesAreTheTasksConfigsOrUnsaid() {
        assertEquals(Optional.of(new TaskConfig.Bound(Double.NEGATIVE_INFINITY, 0)),
            DataSource.sldbench("easy_question_scaling_law").possibleTargets());
        assertEquals(Optional.empty(), DataSource.sldbench("moe_scaling_law").possibleTargets());
        assertEquals(Optional.empty(), DataSource.sldbench("no_such_task").possibleTargets());
    }

    @Test
    void aRangeOfAnyValueGivenOnPurposeIsRecordedApartFromNoneAndLoadsAlike() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "N,loss\n1e8,3\n1e9,2.5\n1e10,2.2\n");
        UserData stated = new UserData(runs, List.of("N"), List.of("loss"), null, 3, new UserData.NoTest(List.of()),
            TaskConfig.Trend.PER_RUN, List.of(), TaskConfig.Bound.UNBOUNDED, null);
        UserData unsaid = new UserData(runs, List.of("N"), List.of("loss"), null, 3, new UserData.NoTest(List.of()));
        String statedJson = Json.mapper().writeValueAsString(DataSource.csv(stated, stated.load().config()));
        String unsaidJson = Json.mapper().writeValueAsString(DataSource.csv(unsaid, unsaid.load().config()));
        assertTrue(statedJson.contains("\"target_range\" : [ null, null ]"), statedJson);
        assertTrue(unsaidJson.contains("\"target_range\" : null"), unsaidJson);
        DataSource statedSource = Json.mapper().readValue(statedJson, DataSource.class);
        DataSource unsaidSource = Json.mapper().readValue(unsaidJson, DataSource.class);
        assertEquals(Optional.of(TaskConfig.Bound.UNBOUNDED), statedSource.possibleTargets());
        assertEquals(Optional.empty(), unsaidSource.possibleTargets());
        // the search reads the config, which is the same either way
        DataDirectory none = DataDirectory.resolve(null, Map.of());
        assertEquals(unsaidSource.load(none).config(), statedSource.load(none).config());
        assertEquals(TaskConfig.Bound.UNBOUNDED, statedSource.load(none).config().targetRange());
    }

    @Test
    void featureNamesAreThoseOfTheDataItLoads() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "D,N,loss\n1e9,1e8,3\n1e10,1e9,2.5\n1e11,1e10,2.2\n");
        UserData user = new UserData(runs, List.of("D", "N"), List.of("loss"), null, 3, new UserData.NoTest(List.of()));
        DataSource csv = DataSource.csv(user, user.load().config());
        assertEquals(Optional.of(List.of("D", "N")), csv.featureNames());
        assertEquals(csv.load(DataDirectory.resolve(null, Map.of())).config().featureNames(), csv.featureNames().get());
        assertEquals(Optional.of(List.of("unique_tokens", "params", "tokens")),
            DataSource.sldbench("data_constrained_scaling_law").featureNames());
        assertEquals(Optional.empty(), DataSource.sldbench("no_such_task").featureNames());
    }

    @Test
    void otherColumnsAreThoseOfTheRecordedCsvThatTheRunDoesNotRead() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "family,N,lr,loss,seed\nf,1e8,0.1,3,1\nf,1e9,0.1,2.5,1\nf,1e10,0.1,2.2,1\n");
        UserData user = new UserData(runs, List.of("N"), List.of("loss"), "family", 3, new UserData.NoTest(List.of()));
        DataSource recorded = Json.mapper().readValue(
            Json.mapper().writeValueAsString(DataSource.csv(user, user.load().config())), DataSource.class);
        assertEquals(List.of("lr", "seed"), recorded.otherColumns());
        assertEquals(List.of(), DataSource.sldbench("data_constrained_scaling_law").otherColumns());
    }

    @Test
    void aUsersFilesAreRecordedByAbsolutePathToBeFoundFromAnyDirectory() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(runs, "N,loss\n1e8,3\n1e9,2.5\n1e10,2.2\n");
        Files.writeString(test, "N,loss\n1e11,2.1\n");
        Files.createDirectory(dir.resolve("sub"));
        Path cwd = Path.of("").toAbsolutePath();
        UserData user = new UserData(cwd.relativize(runs), List.of("N"), List.of("loss"), null, 3,
            new UserData.TestFile(cwd.relativize(dir.resolve("sub/../test.csv")), List.of()));
        DataSource source = DataSource.csv(user, user.load().config());
        assertEquals(runs.toAbsolutePath().toString(), source.data());
        assertEquals(test.toAbsolutePath().toString(), source.test());
    }

    @Test
    void itReadsItsDataAndTestFilesByAnySpellingOfTheirPathsAndNoOtherFile() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(runs, "N,loss\n1e8,3\n1e9,2.5\n1e10,2.2\n");
        Files.writeString(test, "N,loss\n1e11,2.1\n");
        Files.createDirectory(dir.resolve("sub"));
        UserData user = new UserData(runs, List.of("N"), List.of("loss"), null, 3, new UserData.TestFile(test, List.of()));
        DataSource source = DataSource.csv(user, user.load().config());
        assertTrue(source.reads(runs));
        assertTrue(source.reads(dir.resolve("sub/../test.csv")));
        assertTrue(source.reads(Path.of("").toAbsolutePath().relativize(runs)), "relative to the working directory");
        assertFalse(source.reads(dir.resolve("predictions.csv")));
        assertFalse(source.reads(dir.resolve("sub/runs.csv")));
        assertFalse(DataSource.sldbench("moe_scaling_law").reads(runs), "a task's files are the data directory's");
    }

    @Test
    void aRunRecordedBeforeTrendsExistedIsPerRun() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "N,loss\n1e8,3\n1e9,2.5\n1e10,2.2\n");
        String json = """
            {"kind": "csv", "task": "runs", "data": "%s", "features": ["N"], "targets": ["loss"],
             "test_above": "N=1e9", "budget": 3}""".formatted(runs.toString().replace("\\", "\\\\"));
        DataSource source = Json.mapper().readValue(json, DataSource.class);
        TaskConfig config = source.load(DataDirectory.resolve(null, Map.of())).config();
        assertEquals(TaskConfig.Trend.PER_RUN, config.trend());
        assertEquals(List.of(), config.fallsWith());
        assertEquals(TaskConfig.Bound.UNBOUNDED, config.targetRange());
        assertEquals(Optional.empty(), source.possibleTargets(), "no range said, so predict may go by train's signs");
        assertEquals(new TaskConfig.Holdout.TopValues(1, 0), config.holdout(),
            "the holdout of its day, although every run here has its own N");
    }

    @Test
    void aUsersCsvWithoutATestSplitLoadsAgainWithoutOne() throws IOException {
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, "N,D,loss\n1e8,1e9,3\n1e9,1e10,2.5\n1e10,1e11,2.2\n");
        UserData user = new UserData(runs, List.of("N", "D"), List.of("loss"), null, 4, new UserData.NoTest(List.of("D")));
        UserData grid = new UserData(runs, List.of("N", "D"), List.of("loss"), null, 4, new UserData.NoTest(List.of("D", "N")));
        DataSource both = DataSource.csv(grid, grid.load().config());
        assertEquals("D,N", both.scaleAxis());
        assertEquals(List.of("D", "N"), both.load(DataDirectory.resolve(null, Map.of())).config().scaleAxis());
        DataSource recorded = DataSource.csv(user, user.load().config());
        assertEquals("top_values=2", recorded.holdout(), "chosen from the runs, one per D, and recorded");
        assertNull(recorded.test());
        assertNull(recorded.testAbove());
        assertEquals("D", recorded.scaleAxis());
        DataSource source = Json.mapper().readValue(Json.mapper().writeValueAsString(recorded), DataSource.class);
        DataDirectory none = DataDirectory.resolve(null, Map.of());
        TaskData data = source.load(none);
        assertTrue(data.test().isEmpty(), "still no test split");
        assertEquals(3, data.train().table().rows());
        assertEquals(List.of("D"), data.config().scaleAxis());
        // the checksum covers the one file there is
        String before = source.checksum(none);
        assertEquals(64, before.length());
        Files.writeString(runs, "N,D,loss\n1e8,1e9,3\n1e9,1e10,2.5\n1e10,1e11,2.1\n");
        assertNotEquals(before, source.checksum(none));
    }
}
