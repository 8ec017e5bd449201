package dev.evosld.llm;

import dev.evosld.EvosldException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Everything needed to talk to one OpenAI-compatible chat endpoint.
 *
 * @param baseUrl the base URL without a trailing slash; requests go to its path + {@code /chat/completions}, with its
 *     query (Azure OpenAI's {@code ?api-version=})
 * @param apiKey the API key, if the endpoint needs one: a bearer token, or an {@code api-key} header at Azure's deployment
 *     URLs ({@link #takesKeyAsApiKeyHeader})
 * @param model the model name
 * @param temperature sampling temperature in [0, 2]
 * @param maxTokens the completion token limit
 * @param connectTimeout how long to wait for a TCP connection, and for each step of the TLS handshake
 * @param readTimeout how long to wait for the next bytes of a response
 * @param maxRetries retries after the first attempt for transient faults
 * @param cacheDir where responses are cached; no caching when empty
 */
public record LlmSettings(
    String baseUrl,
    Optional<String> apiKey,
    String model,
    double temperature,
    int maxTokens,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Optional<Path> cacheDir) {

    /** The line the caller prints on stderr when {@link #resolve} finds no endpoint. */
    public static final String NO_ENDPOINT_NOTICE =
        "llm: no endpoint configured (set OPENAI_BASE_URL or --llm-base-url); using the offline proposer";

    /** Used when no layer names a model; most OpenAI-compatible servers map or ignore unknown names. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    /**
     * The values used when neither flags, config file nor environment set them. A proposal answer is a
     * few hundred tokens; reasoning models may need more, hence a generous token limit. LLM answers can
     * take a minute, hence the long read timeout.
     */
    public static final LlmOptions DEFAULTS = new LlmOptions(
        null, null, DEFAULT_MODEL, 0.7, 2048, Duration.ofSeconds(10), Duration.ofSeconds(120), 4, null);

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(cacheDir, "cacheDir");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!isHttpUrl(baseUrl)) {
            throw new EvosldException("llm: base URL '" + baseUrl + "' is not an http or https URL"
                + schemeHint(baseUrl));
        }
        apiKey.ifPresent(key -> requireSendable("the API key", key));
        // Re-validates ranges for settings built directly rather than through resolve().
        new LlmOptions(baseUrl, null, model, temperature, maxTokens, connectTimeout, readTimeout, maxRetries, null);
    }

    /**
     * Resolves the settings, each value from the first layer that has it: {@code explicit} (command-line
     * flags), then {@code config} (the config file's {@code llm:} section), then the environment
     * ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code OPENAI_MODEL}; blank values count as
     * unset), then, for the model, the deployment an Azure deployment URL names, then {@link #DEFAULTS}.
     *
     * @param env the process environment, {@code System.getenv()} outside tests
     * @return empty when no layer sets a base URL: the caller prints {@link #NO_ENDPOINT_NOTICE} and
     *     proposes offline
     */
    public static Optional<LlmSettings> resolve(LlmOptions explicit, LlmOptions config, Map<String, String> env) {
        LlmOptions fromEnv = new LlmOptions(
            env.get("OPENAI_BASE_URL"), env.get("OPENAI_API_KEY"), env.get("OPENAI_MODEL"),
            null, null, null, null, null, null);
        LlmOptions given = explicit.orElse(config).orElse(fromEnv);
        // Azure serves a deployment URL's deployment whatever model a request names, and a run's record and its cache
        // name the LLM by the model: where nothing names one, the deployment is the model
        LlmOptions deployed = new LlmOptions(null, null,
            given.baseUrl() == null ? null : deployment(given.baseUrl()).orElse(null),
            null, null, null, null, null, null);
        LlmOptions merged = given.orElse(deployed).orElse(DEFAULTS);
        if (merged.baseUrl() == null) {
            return Optional.empty();
        }
        if (explicit.baseUrl() == null && config.baseUrl() == null && !isHttpUrl(merged.baseUrl())) {
            // the user must know which of the places an endpoint can come from holds the bad one
            throw new EvosldException("llm: OPENAI_BASE_URL '" + merged.baseUrl() + "' is not an http or https URL"
                + schemeHint(merged.baseUrl()));
        }
        if (merged.apiKey() != null && explicit.apiKey() == null && config.apiKey() == null) {
            requireSendable("OPENAI_API_KEY", merged.apiKey());
        }
        return Optional.of(new LlmSettings(
            merged.baseUrl(),
            Optional.ofNullable(merged.apiKey()),
            merged.model(),
            merged.temperature(),
            merged.maxTokens(),
            merged.connectTimeout(),
            merged.readTimeout(),
            merged.maxRetries(),
            Optional.ofNullable(merged.cacheDir())));
    }

    /**
     * Refuses a key that cannot go into an HTTP header, as one pasted with a typographic character or a line break:
     * the HTTP client would refuse it at every request. The message never shows the key.
     *
     * @param name what the user set the key as
     */
    private static void requireSendable(String name, String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                throw new EvosldException("llm: " + name + " cannot be sent in an HTTP header: its character " + (i + 1)
                    + " is " + (c == '\n' || c == '\r' ? "a line break" : "not printable ASCII")
                    + "; set it to the key alone");
            }
        }
    }

    /** Whether {@code url} is an http or https URL an endpoint can live at. */
    public static boolean isHttpUrl(String url) {
        return HttpUrl.parse(url.strip()) != null;
    }

    /**
     * The words that end a refusal of {@code url} as no http URL: what to write where it is a host, a port and a path
     * without the scheme ({@code localhost:11434/v1}, as a local server's address is typed), else nothing.
     */
    public static String schemeHint(String url) {
        String typed = url.strip();
        boolean address = typed.matches("[A-Za-z0-9.-]+(:\\d+)?(/\\S*)?") && !typed.contains("//")
            && (typed.contains(":") || typed.contains("."));
        return address && isHttpUrl("http://" + typed) ? "; write http://" + typed : "";
    }

    /**
     * Whether the base URL is one of Azure OpenAI's deployment URLs ({@code …/openai/deployments/NAME}), which read the
     * key from an {@code api-key} header, as Azure's own clients send it, and not from a bearer token. The path decides,
     * not the host, so that a gateway serving the same paths in front of Azure (API Management) is asked the same way.
     */
    boolean takesKeyAsApiKeyHeader() {
        return deployment(baseUrl).isPresent();
    }

    /** The deployment's name in an Azure deployment URL ({@code …/openai/deployments/NAME}); empty for another URL. */
    private static Optional<String> deployment(String baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl.strip());
        if (url == null) {
            return Optional.empty();
        }
        List<String> segments = url.pathSegments();
        int at = Collections.indexOfSubList(segments.stream().map(segment -> segment.toLowerCase(Locale.ROOT)).toList(),
            List.of("openai", "deployments"));
        return at >= 0 && at + 2 < segments.size() && !segments.get(at + 2).isEmpty()
            ? Optional.of(segments.get(at + 2))
            : Optional.empty();
    }

    /** The chat completions endpoint. */
    public String chatCompletionsUrl() {
        return under("chat/completions");
    }

    /** The base URL with {@code segments} added to its path, before its query, which a server may need as it is. */
    private String under(String segments) {
        return HttpUrl.get(baseUrl).newBuilder().addPathSegments(segments).build().toString();
    }

    /**
     * What a 404 (or a 405 or 501, a server that takes no POST there) may say of the base URL: that it already ends in
     * the endpoint the client adds, or that it has no version segment ({@code /v1}, {@code /v1beta}) where
     * OpenAI-compatible servers (vLLM, Ollama, llama.cpp) serve the API, or, at Azure's deployment URLs, that it has no
     * {@code api-version}. Empty for a URL of the usual shape, whose 404 is rather an unknown model.
     */
    Optional<String> urlHint() {
        HttpUrl url = HttpUrl.get(baseUrl);
        List<String> segments = url.pathSegments();
        String path = "/" + String.join("/", segments);
        if (path.endsWith("/chat/completions")) {
            return Optional.of("the base URL ends in /chat/completions, which is added to it: leave that out");
        }
        if (takesKeyAsApiKeyHeader()) {
            // Azure answers a bare 404 without the version, and says DeploymentNotFound itself for a wrong name
            return url.queryParameter("api-version") == null
                ? Optional.of("Azure's deployment URLs need the API version in their query: add"
                    + " ?api-version=2024-10-21 to the base URL")
                : Optional.empty();
        }
        if (segments.stream().noneMatch(segment -> segment.matches("v\\d+\\w*"))) {
            return Optional.of("OpenAI-compatible servers usually serve it under " + under("v1/chat/completions") + ":"
                + " is /v1 missing from the base URL?");
        }
        return Optional.empty();
    }

    /** This configuration with another cache directory (or none). */
    public LlmSettings withCacheDir(Optional<Path> dir) {
        return new LlmSettings(
            baseUrl, apiKey, model, temperature, maxTokens, connectTimeout, readTimeout, maxRetries, dir);
    }

    /** Keeps the API key out of logs and exception messages. */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + apiKey.map(k -> "***").orElse("none")
            + ", model=" + model + ", temperature=" + temperature + ", maxTokens=" + maxTokens
            + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
            + ", maxRetries=" + maxRetries + ", cacheDir=" + cacheDir.map(Path::toString).orElse("none") + "]";
    }
}
