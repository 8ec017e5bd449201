package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.Discovery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What Ctrl-C (or a {@code kill}) does to a discovery run: its last checkpoint is written and the run says how to
 * resume it. Registered from the start of the search until every output is written, since {@code law.json},
 * written first, marks a finished run: interrupted after it and before the report, the run removes it again, so
 * that the folder reads as a run to resume rather than a finished one missing its report.
 */
final class InterruptHook implements AutoCloseable {
    private final RunDirectory run;
    private final boolean ownFolder;
    private final PrintWriter err;
    private final Optional<Supplier<String>> llmUsage;
    /** The last checkpoint the search took, to write; null until the search begins. */
    private final AtomicReference<Supplier<Optional<Runnable>>> checkpoint = new AtomicReference<>();
    private final AtomicReference<SearchProgress> progress = new AtomicReference<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Thread thread = new Thread(this::interrupted, "evosld-checkpoint");

    /**
     * @param ownFolder whether the run made its folder, which it then removes when stopped before any checkpoint
     * @param llmUsage the {@code llm-usage.json} document so far, when an LLM takes part, so that an interrupted run
     *     says what the LLM cost it (a resumed run counts on from its checkpoint's counts instead)
     */
    private InterruptHook(RunDirectory run, boolean ownFolder, PrintWriter err, Optional<Supplier<String>> llmUsage) {
        this.run = run;
        this.ownFolder = ownFolder;
        this.err = err;
        this.llmUsage = llmUsage;
    }

    /** The hook of a run, registered with the JVM until {@link #close()}. */
    static InterruptHook register(RunDirectory run, boolean ownFolder, PrintWriter err,
                                  Optional<Supplier<String>> llmUsage) {
        InterruptHook hook = new InterruptHook(run, ownFolder, err, llmUsage);
        Runtime.getRuntime().addShutdownHook(hook.thread);
        return hook;
    }

    /** The search has begun: its last checkpoint is what an interrupt writes. */
    void searching(Discovery search) {
        searching(search::checkpointWriter);
    }

    /** The search has begun, its last checkpoint written by what {@code writer} gives; tests give their own. */
    void searching(Supplier<Optional<Runnable>> writer) {
        checkpoint.set(writer);
    }

    /** The run's progress is shown as {@code progress}, whose bar the interrupt's line must not be appended to. */
    void drawnOver(SearchProgress progress) {
        this.progress.set(progress);
    }

    /** The outputs are about to be written, {@code law.json} first. */
    void writing() {
        writing.set(true);
    }

    /** Every output is written: nothing is left for an interrupt to do. */
    void finished() {
        finished.set(true);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // shutting down already: the hook is running
        }
    }

    /** What the hook does when the JVM shuts down; called directly by tests. */
    void interrupted() {
        if (finished.get()) {
            return;
        }
        Optional<Runnable> writer = Optional.ofNullable(checkpoint.get()).flatMap(Supplier::get);
        Optional<String> unwritten = Optional.empty();
        if (writer.isPresent()) {
            try {
                writer.get().run();
            } catch (EvosldException e) {
                // a full disk, say: the checkpoint before stands whole, and a stack trace would say nothing of it
                unwritten = Optional.of(e.getMessage());
            }
            try {
                if (writing.get()) {
                    Files.deleteIfExists(run.lawFile());
                }
                if (llmUsage.isPresent()) {
                    AtomicFiles.write(run.llmUsageFile(), llmUsage.get().get());
                }
            } catch (IOException | RuntimeException e) {
                // the checkpoint is written; what is lost here the resumed run writes again
            }
        }
        // a resumed run stopped while it reads its checkpoint back has taken none of its own, and the one it reads
        // is still there to resume from
        boolean resumable = writer.isPresent() && unwritten.isEmpty() || Files.isRegularFile(run.checkpointFile());
        if (!resumable && ownFolder) {
            run.removeUnstarted();
        }
        Optional.ofNullable(progress.get()).ifPresent(SearchProgress::endLine);
        err.println(!resumable
            ? "evosld: interrupted before the first checkpoint" + unwritten.map(why -> " could be written (" + why + ")")
                .orElse("") + "; there is nothing to resume"
            : unwritten.isPresent()
                ? "evosld: interrupted, and its latest checkpoint could not be written (" + unwritten.get() + "); continue"
                    + " the run from the one before with " + run.resumeCommand()
                : "evosld: interrupted; continue the run with " + run.resumeCommand());
        err.flush();
    }
}
