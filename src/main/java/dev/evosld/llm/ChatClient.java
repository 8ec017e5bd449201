package dev.evosld.llm;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends one chat completion request and returns the assistant's answer.
 *
 * <p>Implementations are thread-safe. {@link #create} gives the standard stack: HTTP with retries, behind
 * the response cache when the settings name a cache directory.
 */
public interface ChatClient extends AutoCloseable {

    /**
     * Completes the conversation.
     *
     * @throws LlmStopException when the endpoint refuses the credentials or has no such model or URL; the caller
     *     should stop using it
     * @throws LlmException when no usable answer arrived after the retries
     */
    ChatResponse complete(ChatRequest request);

    /**
     * Completes the conversation within {@code timeLeft}, the time the caller's run has left: an answer that needs
     * longer is a failure rather than a run that overstays its time limit. The default ignores it.
     *
     * @throws LlmException as {@link #complete(ChatRequest)} does, and when the time left runs out first
     */
    default ChatResponse complete(ChatRequest request, Duration timeLeft) {
        return complete(request);
    }

    /** Releases connections and threads; the default holds none. */
    @Override
    default void close() {
    }

    /**
     * The HTTP client for {@code settings}, through the proxy {@code environment} names, cached on disk when {@link
     * LlmSettings#cacheDir()} is set.
     */
    static ChatClient create(LlmSettings settings, LlmUsage usage, Map<String, String> environment,
        Consumer<String> warnings) {
        HttpChatClient http = HttpChatClient.builder(settings).usage(usage).environment(environment)
            .warnings(warnings).build();
        return settings.cacheDir()
            .<ChatClient>map(dir -> new CachingChatClient(http, ResponseCache.open(dir), usage, warnings))
            .orElse(http);
    }
}
