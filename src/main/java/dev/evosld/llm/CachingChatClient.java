package dev.evosld.llm;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers from the {@link ResponseCache} when it can, and otherwise asks the delegate and stores the
 * answer. A run repeated with the same seed and inputs thus replays the same answers without any HTTP
 * call, which is what makes LLM-assisted runs reproducible. Failures are not cached.
 */
public final class CachingChatClient implements ChatClient {
    private final ChatClient delegate;
    private final ResponseCache cache;
    private final LlmUsage usage;

    /**
     * @param delegate asked on a cache miss
     * @param cache where answers are looked up and stored
     * @param usage counts the cache hits
     */
    public CachingChatClient(ChatClient delegate, ResponseCache cache, LlmUsage usage) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return complete(request, ChronoUnit.FOREVER.getDuration());
    }

    /** {@inheritDoc} A cached answer takes no time, so it is given however little is left. */
    @Override
    public ChatResponse complete(ChatRequest request, Duration timeLeft) {
        Optional<ChatResponse> cached = cache.find(request);
        if (cached.isPresent()) {
            usage.recordCacheHit();
            return cached.get();
        }
        ChatResponse response = delegate.complete(request, timeLeft);
        cache.store(request, response);
        return response;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
