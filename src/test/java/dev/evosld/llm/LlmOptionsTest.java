package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LlmOptionsTest {
    private static final String SECRET = "sk-very-secret-42";

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("task.yaml"), yaml);
    }

    private static LlmOptions flags(String baseUrl, String apiKey, String model) {
        return new LlmOptions(baseUrl, apiKey, model, null, null, null, null, null, null);
    }

    private static String failure(Runnable action) {
        return assertThrows(EvosldException.class, action::run).getMessage();
    }

    @Test
    void blankTextCountsAsAbsentAndTextIsStripped() {
        LlmOptions options = flags("  http://host:8000/v1 \n", "\t", " ");
        assertEquals("http://host:8000/v1", options.baseUrl());
        assertNull(options.apiKey());
        assertNull(options.model());
        assertEquals(LlmOptions.none(), flags("", " ", "\n"));
        assertEquals("my-model", flags(null, null, " my-model ").model());
    }

    @Test
    void orElseFillsOnlyTheAbsentFieldsFromTheFallback() {
        LlmOptions full = new LlmOptions("http://a", "sk-a", "model-a", 0.1, 100, Duration.ofSeconds(1),
            Duration.ofSeconds(2), 3, dir.resolve("a"));
        LlmOptions other = new LlmOptions("http://b", "sk-b", "model-b", 0.9, 900, Duration.ofSeconds(9),
            Duration.ofSeconds(8), 7, dir.resolve("b"));
        assertEquals(full, full.orElse(other));
        assertEquals(other, LlmOptions.none().orElse(other));
        assertEquals(full, full.orElse(LlmOptions.none()));
        LlmOptions partial = new LlmOptions(null, null, "model-p", null, 5, null, Duration.ofSeconds(4), 0, null);
        assertEquals(new LlmOptions("http://b", "sk-b", "model-p", 0.9, 5, Duration.ofSeconds(9), Duration.ofSeconds(4),
            0, dir.resolve("b")), partial.orElse(other));
    }

    @Test
    void rangeEndsAreAcceptedAndTheValuesJustBeyondAreOneLineErrors() {
        for (double temperature : new double[] {0, 2}) {
            assertEquals(temperature, new LlmOptions(null, null, null, temperature, null, null, null, null, null).temperature());
        }
        assertEquals(1, new LlmOptions(null, null, null, null, 1, null, null, 0, null).maxTokens());
        assertEquals(Duration.ofDays(1), new LlmOptions(null, null, null, null, null, Duration.ofDays(1), Duration.ofDays(1),
            null, null).readTimeout());

        assertEquals("llm: temperature must be within [0, 2], got -0.01",
            failure(() -> new LlmOptions(null, null, null, -0.01, null, null, null, null, null)));
        assertEquals("llm: temperature must be within [0, 2], got 2.01",
            failure(() -> new LlmOptions(null, null, null, 2.01, null, null, null, null, null)));
        assertEquals("llm: temperature must be within [0, 2], got NaN",
            failure(() -> new LlmOptions(null, null, null, Double.NaN, null, null, null, null, null)));
        assertEquals("llm: max tokens must be at least 1, got 0",
            failure(() -> new LlmOptions(null, null, null, null, 0, null, null, null, null)));
        assertEquals("llm: connect timeout must be positive, got -5000 ms",
            failure(() -> new LlmOptions(null, null, null, null, null, Duration.ofSeconds(-5), null, null, null)));
        assertEquals("llm: connect timeout must be at most a day, got 24 h", failure(() -> new LlmOptions(null, null, null,
            null, null, Duration.ofDays(1).plusMillis(1), null, null, null)));
        assertEquals("llm: timeout must be at most a day, got 48 h",
            failure(() -> new LlmOptions(null, null, null, null, null, null, Duration.ofDays(2), null, null)));
    }

    @Test
    void aFlagOverridesItsEnvironmentVariableWhileTheOthersStillApply() {
        Map<String, String> env = Map.of("OPENAI_BASE_URL", "http://env.example/v1", "OPENAI_API_KEY", " sk-env ",
            "OPENAI_MODEL", "env-model");
        LlmSettings settings = LlmSettings.resolve(flags("http://flag.example/v1/", null, null), LlmOptions.none(), env)
            .orElseThrow();
        assertEquals("http://flag.example/v1", settings.baseUrl());
        assertEquals(Optional.of("sk-env"), settings.apiKey(), "the key is stripped like every value");
        assertEquals("env-model", settings.model());

        LlmSettings keyed = LlmSettings.resolve(flags(null, "sk-flag", "flag-model"), LlmOptions.none(), env).orElseThrow();
        assertEquals("http://env.example/v1", keyed.baseUrl());
        assertEquals(Optional.of("sk-flag"), keyed.apiKey());
        assertEquals("flag-model", keyed.model());
    }

    @Test
    void variablesOtherThanTheThreeOpenAiOnesAreIgnored() {
        Map<String, String> env = Map.of("OPENAI_BASE_URL", "http://env.example/v1", "OPENAI_TEMPERATURE", "1.5",
            "OPENAI_TIMEOUT", "1", "OPENAI_API_BASE", "http://other.example", "OPENAI_MODEL", "  ");
        LlmSettings settings = LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(), env).orElseThrow();
        assertEquals(new LlmSettings("http://env.example/v1", Optional.empty(), LlmSettings.DEFAULT_MODEL, 0.7, 2048,
            Duration.ofSeconds(10), Duration.ofSeconds(120), 4, Optional.empty()), settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8000/v1", "127.0.0.1:11434/v1", "api.example.com/v1"})
    void anEndpointWithoutItsSchemeSaysWhatToWrite(String url) {
        // observed (helper d): 'localhost:11434/v1', as a user types a local server's address, had no word of the fix
        String message = failure(() -> LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(),
            Map.of("OPENAI_BASE_URL", url, "OPENAI_API_KEY", SECRET)));
        assertEquals("llm: OPENAI_BASE_URL '" + url + "' is not an http or https URL; write http://" + url, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://files.example/v1",
        "mailto:llm@example.com",
        "https//missing-colon.example"})
    void anEndpointThatIsNotHttpIsAOneLineErrorWithoutTheKey(String url) {
        String message = failure(() -> LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(),
            Map.of("OPENAI_BASE_URL", url, "OPENAI_API_KEY", SECRET)));
        assertEquals("llm: OPENAI_BASE_URL '" + url + "' is not an http or https URL", message);
        assertFalse(LlmSettings.isHttpUrl(url));
    }

    @Test
    void theApiKeyAppearsInNoMessageOrText() throws IOException {
        LlmOptions keyed = new LlmOptions("http://a", SECRET, "m", 0.5, 10, Duration.ofSeconds(1), Duration.ofSeconds(1),
            1, null);
        assertTrue(keyed.toString().contains("apiKey=***"), keyed.toString());
        assertTrue(LlmOptions.none().toString().contains("apiKey=null"), "an absent key reads as absent");
        List<String> messages = List.of(
            keyed.toString(),
            keyed.orElse(LlmOptions.none()).toString(),
            failure(() -> new LlmOptions("http://a", SECRET, "m", 5.0, null, null, null, null, null)),
            failure(() -> new LlmOptions("http://a", SECRET, "m", null, null, Duration.ZERO, null, null, null)),
            failure(() -> LlmSettings.resolve(flags("not a url", SECRET, null), LlmOptions.none(), Map.of())));
        for (String message : messages) {
            assertFalse(message.contains(SECRET), message);
        }
        Path keyInFile = config("llm:\n  base_url: http://a\n  api_key: " + SECRET + "\n");
        String refused = failure(() -> LlmOptions.fromConfigFile(keyInFile));
        assertEquals(keyInFile + ": llm.api_key does not belong in a config file; set OPENAI_API_KEY instead", refused);
        Path brokenWithKey = config("llm:\n  api_key: " + SECRET + "\n  model: [unclosed\n");
        String broken = failure(() -> LlmOptions.fromConfigFile(brokenWithKey));
        assertTrue(broken.startsWith(brokenWithKey + ": invalid YAML: "), broken);
        assertFalse(broken.contains(SECRET), broken);
    }

    @Test
    void configTimeoutsAreSecondsWithFractionsAndNullsCountAsAbsent() throws IOException {
        LlmOptions options = LlmOptions.fromConfigFile(config("""
            llm:
              base_url: http://config.example/v1
              model:
              temperature: null
              timeout_seconds: 2.5
              max_retries: 0
            """));
        assertEquals(new LlmOptions("http://config.example/v1", null, null, null, null, null, Duration.ofMillis(2500), 0,
            null), options);
        assertEquals(LlmOptions.none(), LlmOptions.fromConfigFile(config("llm: {}\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void everyYamlSpellingOfNullIsAnAbsentValue(String none) throws IOException {
        LlmOptions options = LlmOptions.fromConfigFile(config("llm:\n  base_url: " + none + "\n  model: m\n  temperature: "
            + none + "\n  max_tokens: " + none + "\n  timeout_seconds: " + none + "\n  max_retries: " + none + "\n"));
        assertEquals(new LlmOptions(null, null, "m", null, null, null, null, null, null), options);
        Path noSection = config("llm: " + none + "\n");
        assertEquals(noSection + ": no llm: section, so it configures nothing (expected llm: {base_url: ..., model: ...})",
            failure(() -> LlmOptions.fromConfigFile(noSection)));
        // the rule is that a key is never written into a config file, whatever its value
        Path nullKey = config("llm:\n  api_key: " + none + "\n");
        assertEquals(nullKey + ": llm.api_key does not belong in a config file; set OPENAI_API_KEY instead",
            failure(() -> LlmOptions.fromConfigFile(nullKey)));
    }

    @Test
    void aQuotedTildeIsTextNotNull() throws IOException {
        assertEquals("~", LlmOptions.fromConfigFile(config("llm:\n  model: '~'\n")).model());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timeout_seconds: 0          | llm.timeout_seconds must be a number of seconds above 0 and up to 86400, got 0",
        "timeout_seconds: -1         | llm.timeout_seconds must be a number of seconds above 0 and up to 86400, got -1",
        "timeout_seconds: 86400.5    | llm.timeout_seconds must be a number of seconds above 0 and up to 86400, got 86400.5",
        "timeout_seconds: 90000      | llm.timeout_seconds must be a number of seconds above 0 and up to 86400, got 90000",
        "timeout_seconds: .inf       | llm.timeout_seconds must be a number of seconds above 0 and up to 86400, got .inf",
        "timeout_seconds: -.inf      | llm.timeout_seconds must be a number of seconds above 0 and up to 86400, got -.inf",
        "timeout_seconds: .nan       | llm.timeout_seconds must be a number of seconds above 0 and up to 86400, got .nan",
        "timeout_seconds: 100000000000000000000 | llm.timeout_seconds must be a number of seconds above 0 and up to 86400,"
            + " got 100000000000000000000",
        "timeout_seconds: '30'       | llm.timeout_seconds must be a number",
        "max_retries: -1             | llm: max retries must be at least 0, got -1",
        "max_retries: 10000000000    | llm.max_retries must be an integer",
        "max_tokens: 0               | llm: max tokens must be at least 1, got 0",
        "base_url: 8000              | llm.base_url must be a string",
        "base_url: ftp://example/v1  | llm.base_url 'ftp://example/v1' is not an http or https URL",
        "base_url: localhost:8000/v1 | llm.base_url 'localhost:8000/v1' is not an http or https URL; write http://localhost:8000/v1",
        "model: [a, b]               | llm.model must be a string",
        "temperature: true           | llm.temperature must be a number"})
    void aBadConfigValueIsOneLineNamingTheFileOnce(String line, String message) throws IOException {
        Path file = config("llm:\n  " + line + "\n");
        assertEquals(file + ": " + message, failure(() -> LlmOptions.fromConfigFile(file)));
    }

    @Test
    void anApiKeyIsNamedBeforeOtherUnknownKeysAndTheRestInNameOrder() throws IOException {
        Path file = config("llm:\n  zeta: 1\n  api_key: x\n  alpha: 2\n");
        assertEquals(file + ": llm.api_key does not belong in a config file; set OPENAI_API_KEY instead",
            failure(() -> LlmOptions.fromConfigFile(file)));
        config("llm:\n  zeta: 1\n  beta: 2\n");
        assertEquals(file + ": unknown key llm.beta (known: base_url, max_retries, max_tokens, model, temperature,"
            + " timeout_seconds)", failure(() -> LlmOptions.fromConfigFile(file)));
    }
}
