package dev.evosld.llm;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the LLM cost during a run: HTTP calls, cache hits, failures, tokens, how many proposed
 * laws were received and accepted, and the answers that gave nothing, by the reason the user was told. Thread-safe; one
 * instance per run, shared by the clients and the proposer.
 */
public final class LlmUsage {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> unusableReasons = new ConcurrentHashMap<>();
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

    /** Records the outcome of {@link ProposalParser.Screening screening} one answer, and why it gave nothing if it did. */
    public void recordProposals(ProposalParser.Screening screening) {
        recordProposals(screening.proposed(), screening.accepted().size());
        screening.unusable().ifPresent(reason -> unusableReasons.merge(reason, 1L, Long::sum));
    }

    /** How many answers gave nothing, by {@link ProposalParser.Screening#unusable() why}, reasons sorted. */
    public Map<String, Long> unusableReasons() {
        return Collections.unmodifiableMap(new TreeMap<>(unusableReasons));
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
            calls.get(), cacheHits.get(), failures.get(),
            unusableReasons.values().stream().mapToLong(Long::longValue).sum(), proposals.get(), accepted.get(),
            promptTokens.get(), completionTokens.get(), totalTokens.get());
    }

    /**
     * The counts at one moment; serialises with {@code Json.mapper()} to the run report's {@code llm}
     * object ({@code calls}, {@code cache_hits}, …, {@code total_tokens}).
     *
     * @param calls HTTP requests sent, retries included
     * @param cacheHits completions answered from the response cache, without HTTP
     * @param failures completions that ended in an {@link LlmException}
     * @param unusableAnswers answers that gave the search no law: not the JSON asked for, no law in it, or every law
     *     refused
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
        long unusableAnswers,
        long proposals,
        long accepted,
        long promptTokens,
        long completionTokens,
        long totalTokens) {

        /** No calls, no tokens: the counts of a run before its first request. */
        public static final Snapshot NONE = new Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** These counts and {@code other}'s added up, as for two parts of a resumed run. */
        public Snapshot plus(Snapshot other) {
            return new Snapshot(calls + other.calls, cacheHits + other.cacheHits, failures + other.failures,
                unusableAnswers + other.unusableAnswers, proposals + other.proposals, accepted + other.accepted,
                promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens);
        }

        /**
         * One line for the end-of-run summary, counted as the rest of it counts (1 call, 2 calls); the unusable answers
         * only when there were some, as each reason was told on stderr when it first happened.
         */
        public String summary() {
            return "llm: %s, %s, %s, %s%s proposed, %d accepted, %s (%d prompt, %d completion)".formatted(
                counted(calls, "call"), counted(cacheHits, "cache hit"), counted(failures, "failure"),
                unusableAnswers == 0 ? "" : counted(unusableAnswers, "unusable answer") + ", ",
                counted(proposals, "law"), accepted, counted(totalTokens, "token"), promptTokens, completionTokens);
        }

        private static String counted(long count, String noun) {
            return count + " " + noun + (count == 1 ? "" : "s");
        }
    }
}
