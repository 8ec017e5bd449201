package dev.evosld.cli;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskConfig.SearchEffort;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.SearchSettings;
import dev.evosld.suite.BenchPlan;
import dev.evosld.suite.BenchProgress;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link InterruptHookTest} in a JVM of its own on a terminal: draws discover's or bench's progress bar (or
 * none), then sends itself SIGINT, as Ctrl-C does; the command's shutdown hook (with no bar, one that says so) shows
 * that the JVM ran its hooks.
 */
final class TerminalInterrupt {
    private TerminalInterrupt() {
    }

    /** @param args the bar ("discover", "bench" or "none") and a folder the run's files may go to */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("none")) {
            // with a bar, the command's own hook says that it ran: a line from another might end the bar's for it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("shutdown hooks ran");
                System.out.flush();
            }));
        }
        // the bar is drawn, and asks the terminal its width, from progressbar's own thread, each frame from the start
        // of its row: a carriage return on stderr says a frame was drawn
        CountDownLatch drawn = new CountDownLatch(1);
        System.setErr(new PrintStream(new FilterOutputStream(System.err) {
            @Override
            public void write(int b) throws IOException {
                super.write(b);
                if (b == '\r') {
                    drawn.countDown();
                }
            }
        }, true, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(System.err, true);
        Path folder = Path.of(args[1]);
        AutoCloseable bar = switch (args[0]) {
            case "discover" -> {
                SearchProgress progress = new SearchProgress(err, "t", 10, true);
                progress.onGeneration(1, 10, 0.5, 10, 0);
                // a resumed run, stopped before its search took a checkpoint of its own
                RunDirectory run = new RunDirectory(folder);
                Files.writeString(run.checkpointFile(), "{}");
                InterruptHook.register(run, false, err, Optional.empty()).drawnOver(progress);
                yield progress;
            }
            case "bench" -> {
                BenchProgress progress = new BenchProgress(err, true);
                progress.onStart(new BenchPlan(List.of("moe_scaling_law"), 2, SearchSettings.defaults(),
                    SearchEffort.DEFAULT, folder, new DataDirectory(Path.of("data"))));
                progress.onGeneration("moe_scaling_law", 0, 1, 10, 0.5);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> BenchCommand.interrupted(folder, err, progress)));
                yield progress;
            }
            default -> () -> { };
        };
        // on a loaded machine a fixed wait could end before the first frame, and Ctrl-C would then test no bar at all
        if (!args[0].equals("none") && !drawn.await(30, TimeUnit.SECONDS)) {
            // without the hooks, whose lines would pass the test
            System.out.println("the bar was never drawn");
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        TimeUnit.SECONDS.sleep(10);
        System.out.println("not interrupted");
        bar.close();
    }
}
