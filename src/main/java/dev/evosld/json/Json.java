package dev.evosld.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The project's JSON and YAML mappers: snake_case keys for every document EvoSLD writes or reads, so that
 * a Java record component {@code trainR2} is the JSON key {@code train_r2}. Jackson 3 mappers are
 * immutable and thread-safe, so one instance of each serves the whole program.
 */
public final class Json {
    private static final JsonMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    // configuration is written by people: a misspelt key, a repeated key or 3.5 where an integer belongs
    // is an error to report, not something to ignore (Jackson 3 tolerates all three by default)
    private static final YAMLMapper YAML = YAMLMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private Json() {
    }

    /** The JSON mapper: snake_case, indented output, tolerant of unknown keys on input. */
    public static JsonMapper mapper() {
        return JSON;
    }

    /** The YAML mapper for configuration files: snake_case, strict about unknown and repeated keys and types. */
    public static YAMLMapper yaml() {
        return YAML;
    }
}
