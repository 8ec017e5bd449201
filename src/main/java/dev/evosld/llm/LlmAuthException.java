package dev.evosld.llm;

import java.io.Serial;

/**
 * The endpoint refused the credentials (HTTP 401 or 403): a {@link LlmStopException}, thrown at once, without
 * retrying, after which the caller stops using the LLM for the rest of the run.
 */
public final class LlmAuthException extends LlmStopException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status, 401 or 403
     * @param keySet whether a key was sent; without one the message says to set {@code OPENAI_API_KEY}
     * @param detail the server's own reason, as {@code ": reason"} with any key blanked out, or empty: a 403 may be of
     *     a model the key may not use rather than of the key
     */
    public LlmAuthException(int status, boolean keySet, String detail) {
        super(keySet
            ? "llm: the endpoint refused the API key (HTTP " + status + ")" + detail
            : "llm: the endpoint requires an API key (HTTP " + status + ")" + detail + "; set OPENAI_API_KEY");
        this.status = status;
    }

    /** The HTTP status, 401 or 403. */
    public int status() {
        return status;
    }
}
