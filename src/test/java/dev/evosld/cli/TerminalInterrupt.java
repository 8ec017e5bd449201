package dev.evosld.cli;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.search.SearchSettings;
import dev.evosld.suite.BenchPlan;
import dev.evosld.suite.BenchProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link InterruptHookTest} in a JVM of its own on a terminal: draws discover's or bench's progress bar (or
 * none), then sends itself SIGINT, as Ctrl-C does, and says whether the JVM ran its shutdown hooks.
 */
final class TerminalInterrupt {
    private TerminalInterrupt() {
    }

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutdown hooks ran");
            System.out.flush();
        }));
        PrintWriter err = new PrintWriter(System.err, true);
        AutoCloseable bar = switch (args[0]) {
            case "discover" -> {
                SearchProgress progress = new SearchProgress(err, "t", 10, true);
                progress.onGeneration(1, 10, 0.5, 10, 0);
                yield progress;
            }
            case "bench" -> {
                BenchProgress progress = new BenchProgress(err, true);
                progress.onStart(new BenchPlan(List.of("moe_scaling_law"), 2, SearchSettings.defaults(),
                    SearchEffort.DEFAULT, Path.of("bench"), new DataDirectory(Path.of("data"))));
                progress.onGeneration("moe_scaling_law", 0, 1, 10, 0.5);
                yield progress;
            }
            default -> () -> { };
        };
        // the bar is drawn, and asks the terminal its width, from progressbar's own thread
        Thread.sleep(1500);
        new ProcessBuilder("kill", "-INT", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        TimeUnit.SECONDS.sleep(10);
        System.out.println("not interrupted");
        bar.close();
    }
}
