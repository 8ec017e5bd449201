package dev.evosld.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt text with {@code {{name}}} slots. Filling is strict both ways: a slot without a value and a
 * value without a slot are errors, because either one means the Java code and the resource drifted
 * apart and the model would get a prompt nobody wrote. Values are inserted verbatim, once; braces inside
 * a value are not slots.
 */
public final class PromptTemplate {
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}");

    private final String name;
    private final String text;
    private final Set<String> placeholders;

    private PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
        Set<String> found = new LinkedHashSet<>();
        Matcher slot = SLOT.matcher(text);
        while (slot.find()) {
            found.add(slot.group(1));
        }
        this.placeholders = Set.copyOf(found);
    }

    /** A template from text; {@code name} appears in error messages. */
    public static PromptTemplate of(String name, String text) {
        return new PromptTemplate(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    }

    /**
     * The template in the class-path resource {@code /llm/<file>}, UTF-8.
     *
     * @throws IllegalStateException when the resource is missing: the jar is broken
     */
    public static PromptTemplate resource(String file) {
        String path = "/llm/" + file;
        try (InputStream in = PromptTemplate.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource " + path + " is missing");
            }
            return new PromptTemplate(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + path, e);
        }
    }

    /** The names of the slots. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * The text with every slot replaced by its value.
     *
     * @throws IllegalArgumentException when a slot has no value or a value has no slot
     */
    public String fill(Map<String, String> values) {
        Set<String> missing = new TreeSet<>(placeholders);
        values.forEach((key, value) -> {
            if (value == null) {
                missing.add(key);
            }
        });
        missing.removeIf(key -> values.get(key) != null);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": no value for {{" + String.join("}}, {{", missing) + "}}");
        }
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(placeholders);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(name + ": no slot for " + String.join(", ", unused));
        }
        return SLOT.matcher(text).replaceAll(slot -> Matcher.quoteReplacement(values.get(slot.group(1))));
    }

    @Override
    public String toString() {
        return "PromptTemplate[" + name + ", " + new TreeSet<>(placeholders) + "]";
    }
}
