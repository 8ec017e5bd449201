package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskDataTest {
    private static final TaskConfig TINY = ConfigReader.read(ConfigFixtures.VALID.replace("name: t\n", "name: tiny\n")
        + "hub: {dataset: someone/data, config: tiny, train_rows: 3, test_rows: 1}\n", "tiny.yaml");

    @TempDir
    Path root;

    private DataDirectory directory() {
        return new DataDirectory(root);
    }

    private void write(String task, String train, String test) throws IOException {
        Files.createDirectories(root.resolve(task));
        if (train != null) {
            Files.writeString(root.resolve(task).resolve("train.csv"), train);
        }
        if (test != null) {
            Files.writeString(root.resolve(task).resolve("test.csv"), test);
        }
    }

    private String error(TaskConfig config) {
        return assertThrows(DataException.class, () -> TaskData.load(config, directory())).getMessage();
    }

    @Test
    void resolvesOptionThenEnvironmentThenDefault() {
        Map<String, String> env = Map.of("EVOSLD_DATA", "/srv/sld");
        assertEquals(Path.of("cli"), DataDirectory.resolve(Path.of("cli"), env).root());
        assertEquals(Path.of("/srv/sld"), DataDirectory.resolve(null, env).root());
        assertEquals(Path.of("data"), DataDirectory.resolve(null, Map.of()).root());
        assertEquals(Path.of("data"), DataDirectory.resolve(null, Map.of("EVOSLD_DATA", " ")).root());
        assertEquals("data/", DataDirectory.resolve(null, Map.of()).toString());
        assertEquals(Path.of("/srv/sld/moe/train.csv"), DataDirectory.resolve(null, env).trainFile("moe"));
        assertEquals(Path.of("/srv/sld/moe/test.csv"), DataDirectory.resolve(null, env).testFile("moe"));
    }

    @Test
    void loadsBothSplitsByColumnName() throws IOException {
        write("tiny", """
            group,loss,N,D
            a,3.0,1e6,1e9
            b,2.0,1e7,1e9
            a,2.5,1e7,2e9
            """, """
            D,N,group,loss,note
            4e9,1e8,a,2.0,"big, late"
            """);
        TaskData data = TaskData.load(TINY, directory());
        Table train = data.train().table();
        assertEquals(List.of("N", "D"), train.features());
        assertEquals(3, train.rows());
        assertArrayEquals(new double[] {1e6, 1e7}, train.group("a").orElseThrow().feature(0));
        assertArrayEquals(new double[] {3.0, 2.5}, train.group("a").orElseThrow().target(0));
        Group test = data.test().orElseThrow().table().groups().getFirst();
        assertEquals("a", test.name());
        assertEquals(1e8, test.feature(0, 0));
        assertEquals(4e9, test.feature(1, 0));
    }

    @Test
    void missingTaskFolderSaysHowToFetchIt() {
        assertEquals("no data for task 'tiny' in " + root + "/ (run: evosld data pull --task tiny --data-dir " + root + ")", error(TINY));
    }

    @Test
    void missingTaskFolderInTheDefaultDirectory() {
        TaskConfig moe = TaskConfig.load(Path.of("configs/moe_scaling_law.yaml"));
        DataDirectory fallback = DataDirectory.resolve(null, Map.of());
        assumeFalse(Files.exists(fallback.taskFolder("moe_scaling_law")), "data/moe_scaling_law exists here");
        assertEquals("no data for task 'moe_scaling_law' in data/ (run: evosld data pull --task moe_scaling_law --data-dir data)",
            assertThrows(DataException.class, () -> TaskData.load(moe, fallback)).getMessage());
    }

    @Test
    void missingTaskFolderOfATaskWithoutHubSource() {
        TaskConfig own = new TaskConfig("own", "d", TINY.features(), TINY.targets(), 3, TINY.scaleAxis(), TINY.holdout(),
            null, Map.of(), null, null);
        assertEquals("no data for task 'own' in " + root + "/ (expected " + root.resolve("own/train.csv") + " and "
            + root.resolve("own/test.csv") + ")", error(own));
    }

    @Test
    void missingSplitFile() throws IOException {
        write("tiny", "group,N,D,loss\na,1,2,3\n", null);
        assertEquals(root.resolve("tiny/test.csv") + ": no such file", error(TINY));
    }

    @Test
    void testGroupWithoutTrainRows() throws IOException {
        write("tiny", "group,N,D,loss\na,1,2,3\n", "group,N,D,loss\na,1,2,3\nb,1,2,3\n");
        assertEquals(root.resolve("tiny/test.csv") + ":3: group 'b' has no rows in " + root.resolve("tiny/train.csv"), error(TINY));
    }

    @Test
    void configColumnMissingFromTheFile() throws IOException {
        write("tiny", "group,N,tokens,loss\na,1,2,3\n", "group,N,D,loss\na,1,2,3\n");
        assertEquals(root.resolve("tiny/train.csv") + ":1: missing column 'D' (header has: group, N, tokens, loss)", error(TINY));
    }

    @Test
    void badCellNamesFileLineAndColumn() throws IOException {
        write("tiny", "group,N,D,loss\na,1,2,3\na,1,2,abc\n", "group,N,D,loss\na,1,2,3\n");
        assertEquals(root.resolve("tiny/train.csv") + ":3: column 'loss': not a number: 'abc'", error(TINY));
    }

    @Test
    void constructorChecksColumnsAndGroups() {
        Group a = Group.of("a", new double[][] {{1}, {2}}, new double[][] {{3}});
        Group b = Group.of("b", new double[][] {{1}, {2}}, new double[][] {{3}});
        Table onlyA = new Table(List.of("N", "D"), List.of("loss"), List.of(a));
        Table onlyB = new Table(List.of("N", "D"), List.of("loss"), List.of(b));
        assertEquals("task 'tiny': test group 'b' has no train rows",
            assertThrows(DataException.class, () -> new TaskData(TINY, new Train(onlyA), new dev.evosld.data.Test(onlyB))).getMessage());
        Table swapped = new Table(List.of("D", "N"), List.of("loss"), List.of(a));
        assertThrows(IllegalArgumentException.class, () -> new TaskData(TINY, new Train(swapped), new dev.evosld.data.Test(swapped)));
        // without a test split the train columns are still checked
        assertThrows(IllegalArgumentException.class, () -> new TaskData(TINY, new Train(swapped), Optional.empty()));
        TaskData trainOnly = new TaskData(TINY, new Train(onlyA), Optional.empty());
        assertTrue(trainOnly.test().isEmpty());
        assertEquals(1, trainOnly.train().table().rows());
    }
}
