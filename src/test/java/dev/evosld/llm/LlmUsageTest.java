package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LlmUsageTest {

    @Test
    void everyCountAddsUpWhatWasRecorded() {
        LlmUsage usage = new LlmUsage();
        usage.recordCall();
        usage.recordCall();
        usage.recordCall();
        usage.recordCacheHit();
        usage.recordFailure();
        usage.recordTokens(new TokenUsage(100, 20, 120));
        usage.recordTokens(new TokenUsage(7, 3, 10));
        usage.recordTokens(TokenUsage.NONE);
        usage.recordProposals(5, 2);
        usage.recordProposals(4, 4);
        assertEquals(new LlmUsage.Snapshot(3, 1, 1, 0, 9, 6, 107, 23, 130), usage.snapshot());
    }

    @Test
    void twoPartsOfARunAddUpCountByCount() {
        LlmUsage.Snapshot before = new LlmUsage.Snapshot(3, 1, 1, 2, 9, 6, 107, 23, 130);
        LlmUsage.Snapshot after = new LlmUsage.Snapshot(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(new LlmUsage.Snapshot(4, 3, 4, 6, 14, 12, 114, 31, 139), before.plus(after));
        assertEquals(before, LlmUsage.Snapshot.NONE.plus(before));
    }

    @Test
    void aScreeningCountsItsProposedAndAcceptedLaws() {
        LlmUsage usage = new LlmUsage();
        ProposalParser.Screening screening = new ProposalParser.Screening(3,
            List.of(new ProposalParser.Proposal("a*N^-b", "power"), new ProposalParser.Proposal("E + a*N^-b", "floor")),
            List.of(), Optional.empty());
        usage.recordProposals(screening);
        assertEquals(3, usage.snapshot().proposals());
        assertEquals(2, usage.snapshot().accepted());
    }

    @Test
    void answersThatGaveNothingAreCountedByTheirReason() {
        LlmUsage usage = new LlmUsage();
        ProposalParser.Screening good = new ProposalParser.Screening(2,
            List.of(new ProposalParser.Proposal("a*N^-b", "power")),
            List.of(new ProposalParser.Rejection("a*M^-b", "'M' is not a variable")), Optional.empty());
        ProposalParser.Screening refused = new ProposalParser.Screening(1, List.of(),
            List.of(new ProposalParser.Rejection("a*M^-b", "'M' is not a variable")), Optional.empty());
        ProposalParser.Screening empty = new ProposalParser.Screening(0, List.of(), List.of(), Optional.empty());
        ProposalParser.Screening text = new ProposalParser.Screening(0, List.of(), List.of(),
            Optional.of("the answer is not a JSON object"));
        for (ProposalParser.Screening screening : List.of(good, refused, empty, text, text)) {
            usage.recordProposals(screening);
        }
        assertEquals(new LlmUsage.Snapshot(0, 0, 0, 4, 3, 1, 0, 0, 0), usage.snapshot());
        assertEquals(Map.of("every law it proposed was refused", 1L, "the answer's \"laws\" array is empty", 1L,
            "the answer is not a JSON object", 2L), usage.unusableReasons());
    }

    @Test
    void impossibleProposalCountsAreRefusedAndRecordNothing() {
        LlmUsage usage = new LlmUsage();
        usage.recordProposals(2, 1);
        for (int[] counts : new int[][] {{-1, 0}, {1, -1}, {2, 3}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> usage.recordProposals(counts[0], counts[1]));
            assertEquals("proposed " + counts[0] + ", accepted " + counts[1], e.getMessage());
        }
        assertEquals(new LlmUsage.Snapshot(0, 0, 0, 0, 2, 1, 0, 0, 0), usage.snapshot());
    }

    @Test
    void aSnapshotIsNotChangedByLaterRecords() {
        LlmUsage usage = new LlmUsage();
        usage.recordCall();
        LlmUsage.Snapshot before = usage.snapshot();
        usage.recordCall();
        assertEquals(1, before.calls());
        assertEquals(2, usage.snapshot().calls());
    }

    @Test
    void countsFromManyThreadsAreExact() throws Exception {
        LlmUsage usage = new LlmUsage();
        int threads = 8;
        int each = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(executor.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        usage.recordCall();
                        usage.recordCacheHit();
                        usage.recordFailure();
                        usage.recordTokens(new TokenUsage(3, 2, 5));
                        usage.recordProposals(2, 1);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            executor.shutdownNow();
        }
        long n = (long) threads * each;
        assertEquals(new LlmUsage.Snapshot(n, n, n, 0, 2 * n, n, 3 * n, 2 * n, 5 * n), usage.snapshot());
    }

    @Test
    void aSnapshotRoundTripsThroughTheReportsJson() {
        // the run report's llm object is this JSON; token counts of a long run must survive it whole
        LlmUsage.Snapshot snapshot = new LlmUsage.Snapshot(1, 2, 3, 4, 5, 6, 6_000_000_000L, Long.MAX_VALUE, 9);
        String json = Json.mapper().writeValueAsString(snapshot);
        assertEquals(snapshot, Json.mapper().readValue(json, LlmUsage.Snapshot.class));
    }

    @Test
    void theSummaryPutsEachCountInItsPlace() {
        // every count distinct, so that two swapped arguments of the format would show
        LlmUsage.Snapshot snapshot = new LlmUsage.Snapshot(11, 12, 13, 10, 14, 15, 1_600_000, 17, 1_800_000);
        assertEquals("llm: 11 calls, 12 cache hits, 13 failures, 10 unusable answers, 14 laws proposed, 15 accepted,"
            + " 1800000 tokens (1600000 prompt, 17 completion)", snapshot.summary());
    }

    @Test
    void theSummaryCountsOneAsOne() {
        // an endpoint that refused the first request read '1 calls, 0 cache hits, 1 failures', where the rest of
        // discover's output writes 1 test row
        assertEquals("llm: 1 call, 0 cache hits, 1 failure, 0 laws proposed, 0 accepted, 0 tokens (0 prompt,"
            + " 0 completion)", new LlmUsage.Snapshot(1, 0, 1, 0, 0, 0, 0, 0, 0).summary());
        assertEquals("llm: 0 calls, 1 cache hit, 0 failures, 1 law proposed, 1 accepted, 1 token (1 prompt,"
            + " 0 completion)", new LlmUsage.Snapshot(0, 1, 0, 0, 1, 1, 1, 0, 1).summary());
        assertEquals("llm: 1 call, 0 cache hits, 0 failures, 1 unusable answer, 0 laws proposed, 0 accepted, 0 tokens"
            + " (0 prompt, 0 completion)", new LlmUsage.Snapshot(1, 0, 0, 1, 0, 0, 0, 0, 0).summary());
    }
}
