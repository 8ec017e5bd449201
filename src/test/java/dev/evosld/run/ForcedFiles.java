package dev.evosld.run;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The files a write forced to disk ({@code FileChannel.force}), as JFR's {@code jdk.FileForce} events record them:
 * a power cut can put a rename on disk before the data it names, and no test can cut the power, so the tests show
 * that the forces are asked for, in order; what the disk then does is beyond any test.
 */
public final class ForcedFiles {
    /** Something that writes files. */
    @FunctionalInterface
    public interface Write {
        void run() throws Exception;
    }

    private ForcedFiles() {
    }

    /**
     * The forces of this thread under {@code folder} while {@code write} ran, in order; {@code recordings} holds the
     * recording.
     */
    public static List<RecordedEvent> during(Write write, Path folder, Path recordings) throws Exception {
        Path recorded = recordings.resolve("forces.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.FileForce").withoutThreshold();
            recording.start();
            write.run();
            recording.stop();
            recording.dump(recorded);
        }
        long thread = Thread.currentThread().threadId();
        return RecordingFile.readAllEvents(recorded).stream()
            .filter(event -> event.getThread() != null && event.getThread().getJavaThreadId() == thread)
            .filter(event -> event.getString("path").startsWith(folder.toString()))
            .toList();
    }

    /** The paths of {@code forces}, in order. */
    public static List<String> paths(List<RecordedEvent> forces) {
        return forces.stream().map(event -> event.getString("path")).toList();
    }
}
