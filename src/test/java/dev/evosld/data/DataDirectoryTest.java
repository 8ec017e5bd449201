package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final Map<String, String> ENV = Map.of("EVOSLD_DATA", "/srv/sld", "HOME", "/home/u");

    @Test
    void theOptionWinsOverTheEnvironmentVariable() {
        assertEquals(new DataDirectory(Path.of("mine")), DataDirectory.resolve(Path.of("mine"), ENV));
    }

    @Test
    void theEnvironmentVariableWinsOverTheDefault() {
        assertEquals(new DataDirectory(Path.of("/srv/sld")), DataDirectory.resolve(null, ENV));
    }

    @Test
    void withNeitherTheDataFolderOfTheWorkingDirectoryIsUsed() {
        assertEquals(new DataDirectory(Path.of("data")), DataDirectory.resolve(null, Map.of("HOME", "/home/u")));
        assertEquals(Path.of("data"), DataDirectory.DEFAULT);
    }

    @Test
    void anEmptyOrBlankVariableCountsAsUnset() {
        // `EVOSLD_DATA= evosld …` is how a shell user unsets it for one command
        assertEquals(DataDirectory.DEFAULT, DataDirectory.resolve(null, Map.of("EVOSLD_DATA", "")).root());
        assertEquals(DataDirectory.DEFAULT, DataDirectory.resolve(null, Map.of("EVOSLD_DATA", " \t")).root());
    }

    @Test
    void aNullEnvironmentValueCountsAsUnset() {
        Map<String, String> env = new HashMap<>();
        env.put("EVOSLD_DATA", null);

        assertEquals(DataDirectory.DEFAULT, DataDirectory.resolve(null, env).root());
    }

    @Test
    void onlyTheEvosldVariableIsRead() {
        assertEquals("EVOSLD_DATA", DataDirectory.ENVIRONMENT_VARIABLE);
        assertEquals(DataDirectory.DEFAULT, DataDirectory.resolve(null, Map.of("evosld_data", "/x", "DATA", "/y"))
            .root());
    }

    @Test
    void relativePathsStayRelativeSoThatMessagesShowWhatWasTyped() {
        assertEquals(Path.of("../shared/sld"), DataDirectory.resolve(Path.of("../shared/sld"), Map.of()).root());
        assertEquals(Path.of("rel/dir"), DataDirectory.resolve(null, Map.of("EVOSLD_DATA", "rel/dir")).root());
    }

    @Test
    void taskFilesAreTrainAndTestCsvInTheTasksFolder() {
        DataDirectory directory = new DataDirectory(Path.of("data"));

        assertEquals(Path.of("data", "moe_scaling_law"), directory.taskFolder("moe_scaling_law"));
        assertEquals(Path.of("data", "moe_scaling_law", "train.csv"), directory.trainFile("moe_scaling_law"));
        assertEquals(Path.of("data", "moe_scaling_law", "test.csv"), directory.testFile("moe_scaling_law"));
    }

    @Test
    void showsTheRootWithOneTrailingSeparator() {
        String s = File.separator;

        assertEquals("data" + s, new DataDirectory(Path.of("data")).toString());
        assertEquals(Path.of("/srv/sld") + s, DataDirectory.resolve(null, Map.of("EVOSLD_DATA", "/srv/sld/")).toString());
        assertEquals(Path.of("a", "b") + s, new DataDirectory(Path.of("a", "b")).toString());
    }

    @Test
    void theFilesystemRootIsShownAsItselfNotWithASecondSeparator() {
        Path root = Path.of(File.separator);

        assertEquals(root.toString(), new DataDirectory(root).toString());
    }

    @Test
    void refusesANullRoot() {
        assertEquals("root", assertThrows(NullPointerException.class, () -> new DataDirectory(null)).getMessage());
    }

    @Test
    void anEmptyDataDirOptionIsNotShownAsTheFilesystemRoot() {
        // --data-dir "" means the working directory; shown as "/" it points the user at the filesystem root
        String shown = DataDirectory.resolve(Path.of(""), Map.of()).toString();

        assertEquals("." + File.separator, shown);
    }
}
