package dev.evosld.llm;

/**
 * The token counts an endpoint reported for one completion; 0 for what it did not report.
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens in the answer
 * @param totalTokens both together
 */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    /** No tokens, for endpoints that report no usage. */
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("negative token count");
        }
    }
}
