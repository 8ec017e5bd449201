package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PullProgressTest {

    @Test
    void drawsOneBarPerSplitUpToItsTotal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             PullProgress progress = PullProgress.to(out, 100)) {
            progress.onPage("moe_scaling_law", "train", 100, 193);
            progress.onPage("moe_scaling_law", "train", 193, 193);
            progress.onPage("moe_scaling_law", "test", 28, 28);
        }

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("moe_scaling_law train"), shown);
        assertTrue(shown.contains("193/193"), shown);
        assertTrue(shown.contains("moe_scaling_law test"), shown);
        assertTrue(shown.contains("28/28"), shown);
    }

    @Test
    void closeFinishesABarThatAFailedPullLeftOpen() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             PullProgress progress = PullProgress.to(out, 100)) {
            progress.onPage("lr_bsz_scaling_law", "train", 100, 2702);
        }

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("100/2702"), shown);
    }
}
