package dev.evosld.llm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the LLM cost during a run: HTTP calls, cache hits, failures, tokens, and how many proposed
 * laws were received and accepted. Thread-safe; one instance per run, shared by the clients and the
 * proposer.
 */
public final class LlmUsage {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong proposals = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final AtomicLong totalTokens = new AtomicLong();

    /** Records that the proposer received {@code proposed} laws, of which {@code accepted} passed validation. */
    public void recordProposals(int proposed, int accepted) {
        if (proposed < 0 || accepted < 0 || accepted > proposed) {
            throw new IllegalArgumentException("proposed " + proposed + ", accepted " + accepted);
        }
        this.proposals.addAndGet(proposed);
        this.accepted.addAndGet(accepted);
    }

    /** Records the outcome of {@link ProposalParser.Screening screening} one answer. */
    public void recordProposals(ProposalParser.Screening screening) {
        recordProposals(screening.proposed(), screening.accepted().size());
    }

    void recordCall() {
        calls.incrementAndGet();
    }

    void recordCacheHit() {
        cacheHits.incrementAndGet();
    }

    void recordFailure() {
        failures.incrementAndGet();
    }

    void recordTokens(TokenUsage usage) {
        promptTokens.addAndGet(usage.promptTokens());
        completionTokens.addAndGet(usage.completionTokens());
        totalTokens.addAndGet(usage.totalTokens());
    }

    /** The counts so far. Each count is exact; counts taken while calls are in flight may be mutually stale. */
    public Snapshot snapshot() {
        return new Snapshot(
            calls.get(), cacheHits.get(), failures.get(), proposals.get(), accepted.get(),
            promptTokens.get(), completionTokens.get(), totalTokens.get());
    }

    /**
     * The counts at one moment; serialises with {@code Json.mapper()} to the run report's {@code llm}
     * object ({@code calls}, {@code cache_hits}, …, {@code total_tokens}).
     *
     * @param calls HTTP requests sent, retries included
     * @param cacheHits completions answered from the response cache, without HTTP
     * @param failures completions that ended in an {@link LlmException}
     * @param proposals laws received
     * @param accepted laws that passed validation
     * @param promptTokens prompt tokens the endpoint reported
     * @param completionTokens completion tokens the endpoint reported
     * @param totalTokens total tokens the endpoint reported
     */
    public record Snapshot(
        long calls,
        long cacheHits,
        long failures,
        long proposals,
        long accepted,
        long promptTokens,
        long completionTokens,
        long totalTokens) {

        /** No calls, no tokens: the counts of a run before its first request. */
        public static final Snapshot NONE = new Snapshot(0, 0, 0, 0, 0, 0, 0, 0);

        /** These counts and {@code other}'s added up, as for two parts of a resumed run. */
        public Snapshot plus(Snapshot other) {
            return new Snapshot(calls + other.calls, cacheHits + other.cacheHits, failures + other.failures,
                proposals + other.proposals, accepted + other.accepted, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, totalTokens + other.totalTokens);
        }

        /** One line for the end-of-run summary, counted as the rest of it counts (1 call, 2 calls). */
        public String summary() {
            return "llm: %s, %s, %s, %s proposed, %d accepted, %s (%d prompt, %d completion)".formatted(
                counted(calls, "call"), counted(cacheHits, "cache hit"), counted(failures, "failure"),
                counted(proposals, "law"), accepted, counted(totalTokens, "token"), promptTokens, completionTokens);
        }

        private static String counted(long count, String noun) {
            return count + " " + noun + (count == 1 ? "" : "s");
        }
    }
}
