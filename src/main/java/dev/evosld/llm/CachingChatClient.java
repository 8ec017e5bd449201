package dev.evosld.llm;

import dev.evosld.EvosldException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Answers from the {@link ResponseCache} when it can, and otherwise asks the delegate and stores the
 * answer. A run repeated with the same seed and inputs thus replays the same answers without any HTTP
 * call, which is what makes LLM-assisted runs reproducible. Failures are not cached. A cache that cannot be read or
 * written (its folder removed or made read-only under a running search, a full disk) is warned of once each way and
 * otherwise passed by: the answer, paid for, is still the search's.
 */
public final class CachingChatClient implements ChatClient {
    private final ChatClient delegate;
    private final ResponseCache cache;
    private final LlmUsage usage;
    private final Consumer<String> warnings;
    private final AtomicBoolean readWarned = new AtomicBoolean();
    private final AtomicBoolean writeWarned = new AtomicBoolean();

    /**
     * @param delegate asked on a cache miss
     * @param cache where answers are looked up and stored
     * @param usage counts the cache hits
     * @param warnings told, in one line, the first time the cache cannot be read and the first time it cannot be
     *     written
     */
    public CachingChatClient(ChatClient delegate, ResponseCache cache, LlmUsage usage, Consumer<String> warnings) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return complete(request, ChronoUnit.FOREVER.getDuration());
    }

    /** {@inheritDoc} A cached answer takes no time, so it is given however little is left. */
    @Override
    public ChatResponse complete(ChatRequest request, Duration timeLeft) {
        Optional<ChatResponse> cached = Optional.empty();
        try {
            cached = cache.find(request);
        } catch (EvosldException e) {
            warnOnce(readWarned, e.getMessage() + "; the request is sent to the endpoint instead");
        }
        if (cached.isPresent()) {
            usage.recordCacheHit();
            return cached.get();
        }
        ChatResponse response = delegate.complete(request, timeLeft);
        try {
            cache.store(request, response);
        } catch (EvosldException e) {
            warnOnce(writeWarned, e.getMessage() + "; the run goes on, but its answers are not cached for a rerun to"
                + " replay");
        }
        return response;
    }

    private void warnOnce(AtomicBoolean warned, String line) {
        if (!warned.getAndSet(true)) {
            warnings.accept("llm: " + line);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
