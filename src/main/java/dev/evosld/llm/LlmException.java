package dev.evosld.llm;

import dev.evosld.EvosldException;
import java.io.Serial;

/**
 * The LLM endpoint could not deliver a usable completion: it stayed unreachable or overloaded through all
 * retries, rejected the request, or answered with something that is not a chat completion. The message
 * is one line starting with {@code llm:}. The run can continue with the offline proposer.
 */
public class LlmException extends EvosldException {
    @Serial
    private static final long serialVersionUID = 1L;

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
