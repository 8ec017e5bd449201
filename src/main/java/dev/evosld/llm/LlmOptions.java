package dev.evosld.llm;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One layer of LLM settings in which every value may be absent ({@code null}): the command-line flags
 * ({@code --llm-base-url}, {@code --llm-model}, {@code --llm-temperature}, {@code --llm-max-tokens},
 * {@code --llm-timeout}, {@code --llm-retries}, {@code --llm-cache}) or the {@code llm:} section
 * of a config file. {@link LlmSettings#resolve} layers them over the environment and the defaults.
 *
 * @param baseUrl the OpenAI-compatible base URL, e.g. {@code http://localhost:8000/v1}
 * @param apiKey the bearer token; never read from config files
 * @param model the model name sent with every request
 * @param temperature sampling temperature in [0, 2]
 * @param maxTokens the completion token limit, at least 1
 * @param connectTimeout how long to wait for a TCP connection, and for each step of the TLS handshake
 * @param readTimeout how long to wait for the next bytes of a response
 * @param maxRetries retries after the first attempt, at least 0
 * @param cacheDir the response cache directory
 */
public record LlmOptions(
    String baseUrl,
    String apiKey,
    String model,
    Double temperature,
    Integer maxTokens,
    Duration connectTimeout,
    Duration readTimeout,
    Integer maxRetries,
    Path cacheDir) {

    /** The keys allowed in a config file's {@code llm:} section. */
    private static final Set<String> CONFIG_KEYS =
        Set.of("base_url", "model", "temperature", "max_tokens", "timeout_seconds", "max_retries");

    private static final LlmOptions NONE = new LlmOptions(null, null, null, null, null, null, null, null, null);

    /** Checks the values that are present; a violation is a one-line {@link EvosldException}. */
    public LlmOptions {
        baseUrl = blankToNull(baseUrl);
        apiKey = blankToNull(apiKey);
        model = blankToNull(model);
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new EvosldException("llm: temperature must be within [0, 2], got " + temperature);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new EvosldException("llm: max tokens must be at least 1, got " + maxTokens);
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("timeout", readTimeout);
        if (maxRetries != null && maxRetries < 0) {
            throw new EvosldException("llm: max retries must be at least 0, got " + maxRetries);
        }
    }

    /** The layer with nothing set. */
    public static LlmOptions none() {
        return NONE;
    }

    /**
     * Reads the {@code llm:} section of a YAML config file, which must have one. Keys are snake_case: {@code base_url}, {@code model}, {@code temperature},
     * {@code max_tokens}, {@code timeout_seconds}, {@code max_retries}. Other keys in the section, in
     * particular an API key, are refused: a config file is often committed, a key must not be.
     *
     * @throws EvosldException naming the file and key when the file is unreadable or a value is wrong
     */
    public static LlmOptions fromConfigFile(Path file) {
        JsonNode root;
        try {
            root = Json.yaml().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new EvosldException(file + ": cannot read the config file (" + e.getMessage() + ")", e);
        } catch (JacksonException e) {
            throw new EvosldException(file + ": invalid YAML: " + Text.jsonProblem(e), e);
        }
        JsonNode section = root == null ? null : root.path("llm");
        if (section == null || section.isMissingNode() || section.isNull()) {
            // the file was named to configure the LLM: one that cannot is a mistake, not an offline run
            throw new EvosldException(file + ": no llm: section, so it configures nothing (expected llm: {base_url:"
                + " ..., model: ...})");
        }
        if (!section.isObject()) {
            throw new EvosldException(file + ": llm: must be a mapping of settings");
        }
        return fromSection(file, section);
    }

    private static LlmOptions fromSection(Path file, JsonNode section) {
        Set<String> unknown = new TreeSet<>(section.propertyNames());
        unknown.removeAll(CONFIG_KEYS);
        if (unknown.contains("api_key")) {
            throw new EvosldException(
                file + ": llm.api_key does not belong in a config file; set OPENAI_API_KEY instead");
        }
        if (!unknown.isEmpty()) {
            throw new EvosldException(file + ": unknown key llm." + unknown.iterator().next()
                + " (known: " + String.join(", ", new TreeSet<>(CONFIG_KEYS)) + ")");
        }
        Map<String, JsonNode> values = new HashMap<>();
        section.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        try {
            Double timeout = seconds(file, "timeout_seconds", values.get("timeout_seconds"));
            return new LlmOptions(
                baseUrl(file, values.get("base_url")),
                null,
                string(file, "model", values.get("model")),
                number(file, "temperature", values.get("temperature")),
                integer(file, "max_tokens", values.get("max_tokens")),
                null,
                timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000)),
                integer(file, "max_retries", values.get("max_retries")),
                null);
        } catch (EvosldException e) {
            if (e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new EvosldException(file + ": " + e.getMessage(), e);
        }
    }

    /** This layer with every absent value taken from {@code fallback}. */
    public LlmOptions orElse(LlmOptions fallback) {
        return new LlmOptions(
            first(baseUrl, fallback.baseUrl),
            first(apiKey, fallback.apiKey),
            first(model, fallback.model),
            first(temperature, fallback.temperature),
            first(maxTokens, fallback.maxTokens),
            first(connectTimeout, fallback.connectTimeout),
            first(readTimeout, fallback.readTimeout),
            first(maxRetries, fallback.maxRetries),
            first(cacheDir, fallback.cacheDir));
    }

    /** Keeps the API key out of logs and exception messages. */
    @Override
    public String toString() {
        return "LlmOptions[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? null : "***")
            + ", model=" + model + ", temperature=" + temperature + ", maxTokens=" + maxTokens
            + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
            + ", maxRetries=" + maxRetries + ", cacheDir=" + cacheDir + "]";
    }

    private static String string(Path file, String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new EvosldException(file + ": llm." + key + " must be a string");
        }
        return node.stringValue();
    }

    /** The file's endpoint; one that is not http is refused here, where the key that holds it is known. */
    private static String baseUrl(Path file, JsonNode node) {
        String url = string(file, "base_url", node);
        if (url != null && !url.isBlank() && !LlmSettings.isHttpUrl(url)) {
            throw new EvosldException(file + ": llm.base_url '" + url.strip() + "' is not an http or https URL"
                + LlmSettings.schemeHint(url));
        }
        return url;
    }

    private static Double number(Path file, String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new EvosldException(file + ": llm." + key + " must be a number");
        }
        return node.doubleValue();
    }

    /**
     * A number of seconds within what {@link #requirePositive} allows, checked here so that the message quotes the
     * value as written: converted first, .inf or 1e20 would be told in hours from a clamped count of milliseconds.
     */
    private static Double seconds(Path file, String key, JsonNode node) {
        Double seconds = number(file, key, node);
        long longest = LONGEST_TIMEOUT.toSeconds();
        if (seconds != null && !(seconds > 0 && seconds <= longest)) {
            throw new EvosldException(file + ": llm." + key + " must be a number of seconds above 0 and up to " + longest
                + ", got " + asWritten(node));
        }
        return seconds;
    }

    /** A YAML number as its file spells it, since Jackson would print .inf as Infinity. */
    private static String asWritten(JsonNode number) {
        double value = number.doubleValue();
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value) && number.isFloatingPointNumber()) {
            return value > 0 ? ".inf" : "-.inf";
        }
        return number.toString();
    }

    private static Integer integer(Path file, String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new EvosldException(file + ": llm." + key + " must be an integer");
        }
        return node.intValue();
    }

    /** Longer waits than a day mean a mistake, and the HTTP client refuses waits past 2^31 ms. */
    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(1);

    private static void requirePositive(String name, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new EvosldException("llm: " + name + " must be positive, got " + duration.toMillis() + " ms");
        }
        if (duration != null && duration.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new EvosldException("llm: " + name + " must be at most a day, got " + duration.toHours() + " h");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
