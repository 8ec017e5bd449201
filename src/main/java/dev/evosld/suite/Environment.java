package dev.evosld.suite;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.evosld.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where and when a benchmark ran, for the header of {@code bench.md}.
 *
 * @param date when it started, ISO-8601 UTC
 * @param version the EvoSLD version
 * @param commit the git commit of the EvoSLD checkout ({@code -dirty} when it has changes), or null when unknown
 * @param cores the processors available to the JVM
 * @param os the operating system and architecture
 * @param java the Java runtime version
 */
public record Environment(String date, String version, String commit, int cores, String os, String java) {

    /** This machine, now; the commit of the checkout the launcher names ({@code evosld.home}), else of the working directory. */
    public static Environment current() {
        String home = System.getProperty("evosld.home");
        return new Environment(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Version.current(),
            gitCommit(home != null ? Path.of(home) : Path.of("")),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            System.getProperty("java.version"));
    }

    /**
     * The EvoSLD that runs, as bench.md names it: {@code 0.1.0 (git abc1234)}, the version alone where the commit is
     * unknown. A run's {@code search.json} keeps it, so that a run reused by a later build is told apart.
     */
    @JsonIgnore
    public String build() {
        return version + (commit != null ? " (git " + commit + ")" : "");
    }

    /**
     * {@code git rev-parse --short HEAD} in {@code directory}, with {@code -dirty} when tracked files differ from
     * it (the numbers then come from code no commit holds); null when git or the repository is missing.
     */
    static String gitCommit(Path directory) {
        String commit = git(directory, "rev-parse", "--short", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{4,40}")) {
            return null;
        }
        String changes = git(directory, "status", "--porcelain", "--untracked-files=no");
        return changes != null && !changes.isEmpty() ? commit + "-dirty" : commit;
    }

    /** What git prints, stripped, or null when it fails. */
    private static String git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command)
                .directory(directory.toAbsolutePath().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
            git.getOutputStream().close();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
