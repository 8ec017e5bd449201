package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {
    @TempDir
    Path home;

    /** Runs git in {@code home} with a throwaway identity, and returns what it printed. */
    private String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
            "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    private String committedCheckout() throws IOException, InterruptedException {
        git("init", "-q");
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        git("add", "pom.xml");
        git("commit", "-q", "-m", "first");
        return git("rev-parse", "--short", "HEAD");
    }

    @Test
    void aCleanCheckoutGivesItsShortCommit() throws Exception {
        String head = committedCheckout();
        assertTrue(head.matches("[0-9a-f]{4,40}"), head);
        assertEquals(head, Environment.gitCommit(home));
    }

    @Test
    void changedTrackedFilesMarkTheCommitDirtyButNewUntrackedFilesDoNot() throws Exception {
        String head = committedCheckout();
        Files.writeString(home.resolve("notes.txt"), "not tracked\n");
        assertEquals(head, Environment.gitCommit(home), "an untracked file is no code the numbers came from");
        Files.writeString(home.resolve("pom.xml"), "<project>changed</project>\n");
        assertEquals(head + "-dirty", Environment.gitCommit(home));
    }

    @Test
    void aDirectoryOutsideAnyRepositoryOrARepositoryWithoutCommitsHasNoCommit() throws Exception {
        assertNull(Environment.gitCommit(home));
        git("init", "-q");
        assertNull(Environment.gitCommit(home), "HEAD names no commit yet");
        assertNull(Environment.gitCommit(home.resolve("missing")), "a missing directory is no checkout");
    }

    @Test
    void theCurrentEnvironmentTakesTheCommitOfTheLaunchersHome() throws Exception {
        String head = committedCheckout();
        String before = System.getProperty("evosld.home");
        System.setProperty("evosld.home", home.toString());
        Environment environment;
        try {
            environment = Environment.current();
        } finally {
            if (before == null) {
                System.clearProperty("evosld.home");
            } else {
                System.setProperty("evosld.home", before);
            }
        }
        assertEquals(head, environment.commit());
        assertTrue(environment.date().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), environment.date());
        assertEquals(Version.current(), environment.version());
        assertEquals(Runtime.getRuntime().availableProcessors(), environment.cores());
        assertEquals(System.getProperty("os.name") + " " + System.getProperty("os.arch"), environment.os());
        assertEquals(System.getProperty("java.version"), environment.java());
    }
}
