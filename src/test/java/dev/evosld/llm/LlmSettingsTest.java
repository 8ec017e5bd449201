package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class LlmSettingsTest {
    private static final Map<String, String> ENV = Map.of(
        "OPENAI_BASE_URL", "http://env.example/v1",
        "OPENAI_API_KEY", "sk-env",
        "OPENAI_MODEL", "env-model");

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("task.yaml"), yaml);
    }

    private static LlmOptions flags(String baseUrl, String model) {
        return new LlmOptions(baseUrl, null, model, null, null, null, null, null, null);
    }

    @Test
    void noBaseUrlAnywhereMeansOffline() {
        assertEquals(Optional.empty(), LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(), Map.of()));
        // Surefire, like some shells, sets the variables to empty strings.
        assertEquals(Optional.empty(), LlmSettings.resolve(
            LlmOptions.none(), LlmOptions.none(), Map.of("OPENAI_BASE_URL", "", "OPENAI_API_KEY", " ")));
        assertEquals(
            "llm: no endpoint configured (set OPENAI_BASE_URL or --llm-base-url); using the offline proposer",
            LlmSettings.NO_ENDPOINT_NOTICE);
    }

    @Test
    void environmentAloneWithDefaults() {
        LlmSettings settings = LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(), ENV).orElseThrow();
        assertEquals(new LlmSettings("http://env.example/v1", Optional.of("sk-env"), "env-model", 0.7, 2048,
            Duration.ofSeconds(10), Duration.ofSeconds(120), 4, Optional.empty()), settings);
        assertEquals("http://env.example/v1/chat/completions", settings.chatCompletionsUrl());
    }

    /** The settings of an endpoint at {@code baseUrl}, all else the defaults. */
    private static LlmSettings at(String baseUrl) {
        return LlmSettings.resolve(flags(baseUrl, null), LlmOptions.none(), Map.of()).orElseThrow();
    }

    @Test
    void theEndpointIsAddedToTheBaseUrlsPathAndItsQueryKept() {
        // Azure OpenAI's classic URLs name the API version in the query: it was left before /chat/completions
        assertEquals("https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-06-01",
            at("https://x.openai.azure.com/openai/deployments/d?api-version=2024-06-01").chatCompletionsUrl());
        assertEquals("https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-06-01",
            at("https://x.openai.azure.com/openai/deployments/d/?api-version=2024-06-01").chatCompletionsUrl());
        assertEquals("http://localhost:8000/chat/completions", at("http://localhost:8000").chatCompletionsUrl());
        assertEquals("http://localhost:8000/v1/chat/completions",
            at("http://localhost:8000/v1//").chatCompletionsUrl());
        assertEquals(Optional.of("OpenAI-compatible servers usually serve it under"
            + " https://x.example/openai/v1/chat/completions?api-version=1: is /v1 missing from the base URL?"),
            at("https://x.example/openai?api-version=1").urlHint());
    }

    @Test
    void azuresDeploymentUrlsTakeTheKeyAsAnApiKeyHeader() {
        assertTrue(at("https://x.openai.azure.com/openai/deployments/gpt-4o?api-version=2024-10-21")
            .takesKeyAsApiKeyHeader());
        assertTrue(at("https://x.cognitiveservices.azure.com/openai/deployments/d/").takesKeyAsApiKeyHeader());
        // API Management in front of Azure serves the same paths and reads the same header
        assertTrue(at("https://gw.azure-api.net/OpenAI/Deployments/d?api-version=1").takesKeyAsApiKeyHeader());
        assertFalse(at("https://x.openai.azure.com/openai/v1").takesKeyAsApiKeyHeader());
        assertFalse(at("https://x.openai.azure.com/openai/deployments").takesKeyAsApiKeyHeader());
        assertFalse(at("https://api.openai.com/v1").takesKeyAsApiKeyHeader());
        assertFalse(at("http://localhost:8000/v1").takesKeyAsApiKeyHeader());
    }

    @Test
    void anAzureDeploymentUrlNamesTheModelWhereNothingElseDoes() {
        // observed: a run at …/openai/deployments/gpt-4o recorded 'llm gpt-4o-mini', the default name, which Azure ignores
        // there, and shared the cache entries of any other deployment asked without --llm-model
        String url = "https://x.openai.azure.com/openai/deployments/gpt-4o?api-version=2024-10-21";
        assertEquals("gpt-4o", at(url).model());
        assertEquals("m", LlmSettings.resolve(flags(url, "m"), LlmOptions.none(), Map.of()).orElseThrow().model());
        assertEquals("env-model", LlmSettings.resolve(flags(url, null), LlmOptions.none(), ENV).orElseThrow().model());
        assertEquals(LlmSettings.DEFAULT_MODEL, at("https://x.openai.azure.com/openai/v1").model());
    }

    @Test
    void flagsBeatConfigBeatEnvironmentBeatDefaults() throws IOException {
        LlmOptions file = LlmOptions.fromConfigFile(config("""
            task: demo
            llm:
              base_url: http://config.example/v1/
              model: config-model
              temperature: 0.2
              max_tokens: 900
              timeout_seconds: 30
              max_retries: 1
            """));
        assertEquals(new LlmOptions("http://config.example/v1/", null, "config-model", 0.2, 900, null,
            Duration.ofSeconds(30), 1, null), file);

        LlmSettings fromFile = LlmSettings.resolve(LlmOptions.none(), file, ENV).orElseThrow();
        assertEquals(new LlmSettings("http://config.example/v1", Optional.of("sk-env"), "config-model", 0.2, 900,
            Duration.ofSeconds(10), Duration.ofSeconds(30), 1, Optional.empty()), fromFile);

        LlmOptions cli = new LlmOptions("http://flag.example", "sk-flag", null, 1.0, null, null, null, 0,
            dir.resolve("cache"));
        LlmSettings fromFlags = LlmSettings.resolve(cli, file, ENV).orElseThrow();
        assertEquals(new LlmSettings("http://flag.example", Optional.of("sk-flag"), "config-model", 1.0, 900,
            Duration.ofSeconds(10), Duration.ofSeconds(30), 0, Optional.of(dir.resolve("cache"))), fromFlags);

        assertEquals("flag-model",
            LlmSettings.resolve(flags(null, "flag-model"), file, ENV).orElseThrow().model());
        assertEquals("env-model",
            LlmSettings.resolve(flags("http://flag.example", null), LlmOptions.none(), ENV).orElseThrow().model());
        assertEquals(LlmSettings.DEFAULT_MODEL,
            LlmSettings.resolve(flags("http://flag.example", null), LlmOptions.none(), Map.of()).orElseThrow().model());
    }

    @Test
    void aConfigFileWithoutAnLlmSectionIsAnError() throws IOException {
        for (String text : List.of("task: demo\ntargets: [loss]\n", "", "llm:\n")) {
            Path file = config(text);
            assertEquals(file + ": no llm: section, so it configures nothing (expected llm: {base_url: ..., model: ...})",
                assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file)).getMessage());
        }
    }

    @Test
    void configMistakesNameTheFileAndKey() throws IOException {
        Path file = config("llm:\n  api_key: sk-oops\n");
        assertEquals(file + ": llm.api_key does not belong in a config file; set OPENAI_API_KEY instead",
            assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file)).getMessage());

        config("llm:\n  base_uri: http://x\n");
        assertEquals(file + ": unknown key llm.base_uri (known: base_url, max_retries, max_tokens, model, temperature,"
                + " timeout_seconds)",
            assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file)).getMessage());

        config("llm:\n  temperature: hot\n");
        assertEquals(file + ": llm.temperature must be a number",
            assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file)).getMessage());

        config("llm:\n  temperature: 3\n");
        assertEquals(file + ": llm: temperature must be within [0, 2], got 3.0",
            assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file)).getMessage());

        config("llm:\n  max_tokens: 1.5\n");
        assertEquals(file + ": llm.max_tokens must be an integer",
            assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file)).getMessage());

        config("llm: http://x\n");
        assertEquals(file + ": llm: must be a mapping of settings",
            assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file)).getMessage());

        config("llm:\n  model: [unclosed\n");
        EvosldException yaml = assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(file));
        assertTrue(yaml.getMessage().startsWith(file + ": invalid YAML: "), yaml.getMessage());
        assertFalse(yaml.getMessage().contains("\n"));

        Path missing = dir.resolve("missing.yaml");
        assertTrue(assertThrows(EvosldException.class, () -> LlmOptions.fromConfigFile(missing))
            .getMessage().startsWith(missing + ": cannot read the config file"));
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertEquals("llm: base URL 'not a url' is not an http or https URL", assertThrows(EvosldException.class,
            () -> LlmSettings.resolve(flags("not a url", null), LlmOptions.none(), Map.of())).getMessage());
        assertEquals("llm: max retries must be at least 0, got -1", assertThrows(EvosldException.class,
            () -> new LlmOptions(null, null, null, null, null, null, null, -1, null)).getMessage());
        assertEquals("llm: timeout must be positive, got 0 ms", assertThrows(EvosldException.class,
            () -> new LlmOptions(null, null, null, null, null, null, Duration.ZERO, null, null)).getMessage());
    }

    @Test
    void aKeyThatCannotGoIntoAHeaderIsRefusedNamingItsVariableNotItsValue() {
        Map<String, String> typographic = Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1", "OPENAI_API_KEY", "sk-t\u00e9st");
        assertEquals("llm: OPENAI_API_KEY cannot be sent in an HTTP header: its character 5 is not printable ASCII; set"
            + " it to the key alone", assertThrows(EvosldException.class,
                () -> LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(), typographic)).getMessage());
        Map<String, String> twoLines = Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1", "OPENAI_API_KEY", "sk-one\nsk-two");
        String message = assertThrows(EvosldException.class,
            () -> LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(), twoLines)).getMessage();
        assertEquals("llm: OPENAI_API_KEY cannot be sent in an HTTP header: its character 7 is a line break; set it to"
            + " the key alone", message);
        assertEquals("llm: the API key cannot be sent in an HTTP header: its character 1 is not printable ASCII; set it"
            + " to the key alone", assertThrows(EvosldException.class, () -> new LlmSettings("http://localhost:8000/v1",
                Optional.of("\u201csk\u201d"), "m", 0.7, 10, Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
                Optional.empty())).getMessage());
    }

    @Test
    void theApiKeyNeverShowsInToString() {
        LlmSettings settings = LlmSettings.resolve(LlmOptions.none(), LlmOptions.none(), ENV).orElseThrow();
        assertFalse(settings.toString().contains("sk-env"), settings.toString());
        assertFalse(new LlmOptions(null, "sk-flag", null, null, null, null, null, null, null).toString().contains("sk-flag"));
    }
}
