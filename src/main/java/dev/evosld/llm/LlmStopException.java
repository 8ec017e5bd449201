package dev.evosld.llm;

import java.io.Serial;

/**
 * The endpoint answered in a way that will not change within a run: it refused the credentials, or it has no such
 * model or URL (HTTP 404, or 405 and 501 from a server that takes no POST there); or it was never reached, as nothing
 * accepts connections there, its host is unknown or the TLS handshake failed. Unlike other {@link LlmException}s this
 * is never retried, and the caller stops using the LLM for the rest of the run.
 */
public class LlmStopException extends LlmException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message one line saying what the endpoint answered */
    public LlmStopException(String message) {
        super(message);
    }
}
