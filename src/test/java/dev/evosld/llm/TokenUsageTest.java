package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void noneIsZeroOfEach() {
        assertEquals(new TokenUsage(0, 0, 0), TokenUsage.NONE);
    }

    @Test
    void theTotalIsKeptAsReportedNotRecomputed() {
        // endpoints may count tokens (reasoning, cached) outside prompt and completion
        assertEquals(150, new TokenUsage(100, 20, 150).totalTokens());
    }

    @Test
    void anyNegativeCountIsRefused() {
        for (TokenUsageArgs args : new TokenUsageArgs[] {
            new TokenUsageArgs(-1, 0, 0), new TokenUsageArgs(0, -1, 0), new TokenUsageArgs(0, 0, -1)}) {
            assertEquals("negative token count", assertThrows(IllegalArgumentException.class,
                () -> new TokenUsage(args.prompt, args.completion, args.total)).getMessage());
        }
    }

    private record TokenUsageArgs(long prompt, long completion, long total) {
    }
}
