package dev.evosld.json;

import dev.evosld.EvosldException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The project's JSON and YAML mappers: snake_case keys for every document EvoSLD writes or reads, so that
 * a Java record component {@code trainR2} is the JSON key {@code train_r2}. Jackson 3 mappers are
 * immutable and thread-safe, so one instance of each serves the whole program.
 */
public final class Json {
    // a repeated key is refused: which of two values a hand-edited file meant is not for a parser to guess
    private static final JsonMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    // configuration is written by people: a misspelt key, a repeated key or 3.5 where an integer belongs
    // is an error to report, not something to ignore (Jackson 3 tolerates all three by default)
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .loadSettings(LoadSettings.builder().setSchema(new ConfigSchema()).build())
            .build())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private Json() {
    }

    /**
     * The JSON schema Jackson 3 reads YAML with, plus the Core schema's other spellings of null: {@code ~}, {@code Null}
     * and {@code NULL}. Without them {@code key: ~} is the text "~" where a person wrote "no value". The whole Core schema
     * is not taken, as it also turns {@code True} into a boolean and {@code 0x1F} and {@code +1} into numbers.
     */
    private static final class ConfigSchema extends JsonSchema {
        private final ScalarResolver resolver = new NullSpellingsResolver();

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }
    }

    private static final class NullSpellingsResolver extends JsonScalarResolver {
        private static final Pattern CORE_ONLY_NULLS = Pattern.compile("^(?:~|Null|NULL)$");

        @Override
        protected void addImplicitResolvers() {
            super.addImplicitResolvers();
            addImplicitResolver(Tag.NULL, CORE_ONLY_NULLS, "~N");
        }
    }

    /**
     * A JSON file a user may have written or edited, as text: without the byte order mark that some editors (Notepad)
     * put before UTF-8, which JSON parsers may ignore (RFC 8259, 8.1) and Jackson does not in a string.
     *
     * @throws EvosldException naming the file when it is not UTF-8, which JSON must be
     */
    public static String readUserFile(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new EvosldException(file + ": not UTF-8 text (save it as UTF-8)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The JSON mapper: snake_case, indented output, tolerant of unknown keys on input. */
    public static JsonMapper mapper() {
        return JSON;
    }

    /** The YAML mapper for configuration files: snake_case, strict about unknown and repeated keys and types. */
    public static YAMLMapper yaml() {
        return YAML;
    }

    /**
     * A parser's complaint as one line, {@code :line:column: what}, to follow a file's name: without Jackson's
     * source excerpt (redacted anyway) and its advice on enabling features, which is for the programmer.
     */
    public static String problem(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return at != null && at.getLineNr() > 0
            ? ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + problemText(e)
            : ": " + problemText(e);
    }

    /** The complaint of {@link #problem} alone, without where it is, for callers that place it themselves. */
    public static String problemText(JacksonException e) {
        String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            // Jackson's own text names Java types, which mean nothing to the file's reader
            original = "expected " + shape(mismatch.getTargetType())
                + (mismatch.getPath().isEmpty() ? "" : " at " + path(mismatch.getPath()));
        }
        return original
            // "(start marker at [Source: ...])", "(for Array starting at [Source: ...])": redacted, and no help
            .replaceFirst("(?s)\\s*\\([^()\\[]*\\[Source:.*$", "")
            .replaceFirst("(?s):?\\s*enable `.*$", "")
            .strip().replaceAll("\\s+", " ");
    }

    private static String shape(Class<?> type) {
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        return type == Boolean.class || type == boolean.class ? "true or false" : "an object";
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
