package dev.evosld.data;

import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads task config YAML. Jackson maps the document onto the nullable mirror records below; the checks here
 * then name each missing key by its path ({@code features[2].description}) before the public records are
 * built, and every Jackson failure becomes a one-line {@link DataException} with the file and line.
 */
final class ConfigReader {
    private static final ObjectReader READER = Json.yaml().readerFor(Document.class);

    private static final Pattern YAML_MARK = Pattern.compile("in reader, line (\\d+), column \\d+");

    private ConfigReader() {
    }

    record Document(
        String name,
        String description,
        List<FeatureDocument> features,
        List<String> targets,
        Integer parameterBudget,
        List<String> scaleAxis,
        HoldoutDocument holdout,
        String trend,
        List<String> fallsWith,
        List<Double> targetRange,
        String humanLaw,
        LinkedHashMap<String, List<Double>> bounds,
        ReferencesDocument references,
        HubDocument hub,
        SearchDocument search) {
    }

    record SearchDocument(Integer generations, Integer restarts) {
    }

    record FeatureDocument(String name, String description) {
    }

    record HoldoutDocument(Integer topValues, Double topFraction, Integer folds, Integer minTrainRows) {
    }

    record ReferencesDocument(Double humanR2, Double leaderboardR2, String source) {
    }

    record HubDocument(String dataset, String config, Integer trainRows, Integer testRows) {
    }

    static TaskConfig read(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DataException(source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DataException(source + ": permission denied");
        } catch (MalformedInputException e) {
            throw new DataException(source + ": not UTF-8 text");
        } catch (IOException e) {
            throw new DataException(source + ": cannot read: " + e.getMessage(), e);
        }
        return read(text, source);
    }

    /** Reads YAML text; {@code source} names it in error messages. */
    static TaskConfig read(String text, String source) {
        if (text.isBlank()) {
            throw new DataException(source + ": empty file");
        }
        Document document;
        try {
            document = READER.readValue(text);
        } catch (JacksonException e) {
            throw new DataException(source + describe(e, text), e);
        }
        if (document == null) {
            throw new DataException(source + ": empty file");
        }
        try {
            return convert(document);
        } catch (DataException e) {
            throw new DataException(source + ": " + e.getMessage(), e);
        }
    }

    private static TaskConfig convert(Document d) {
        required(d.name, "name");
        required(d.description, "description");
        required(d.features, "features");
        required(d.targets, "targets");
        required(d.parameterBudget, "parameter_budget");
        required(d.scaleAxis, "scale_axis");
        required(d.holdout, "holdout");
        List<TaskConfig.Feature> features = new ArrayList<>(d.features.size());
        for (int i = 0; i < d.features.size(); i++) {
            FeatureDocument f = d.features.get(i);
            required(f, "features[" + i + "]");
            required(f.name, "features[" + i + "].name");
            required(f.description, "features[" + i + "].description");
            features.add(new TaskConfig.Feature(f.name, f.description));
        }
        noNulls(d.targets, "targets");
        noNulls(d.scaleAxis, "scale_axis");
        List<String> fallsWith = d.fallsWith == null ? List.of() : d.fallsWith;
        noNulls(fallsWith, "falls_with");

        TaskConfig.Bound targetRange = TaskConfig.Bound.UNBOUNDED;
        if (d.targetRange != null) {
            if (d.targetRange.size() != 2 || d.targetRange.contains(null)) {
                throw new DataException("target_range must be a pair [lower, upper]");
            }
            try {
                targetRange = new TaskConfig.Bound(d.targetRange.get(0), d.targetRange.get(1));
            } catch (DataException e) {
                throw new DataException("target_range: " + e.getMessage(), e);
            }
        }
        Map<String, TaskConfig.Bound> bounds = new LinkedHashMap<>();
        if (d.bounds != null) {
            d.bounds.forEach((parameter, interval) -> {
                if (interval == null || interval.size() != 2 || interval.contains(null)) {
                    throw new DataException("bounds: '" + parameter + "' must be a pair [lower, upper]");
                }
                bounds.put(parameter, new TaskConfig.Bound(interval.get(0), interval.get(1)));
            });
        }
        TaskConfig.References references = null;
        if (d.references != null) {
            required(d.references.humanR2, "references.human_r2");
            required(d.references.leaderboardR2, "references.leaderboard_r2");
            required(d.references.source, "references.source");
            references = new TaskConfig.References(d.references.humanR2, d.references.leaderboardR2, d.references.source);
        }
        TaskConfig.HubSource hub = null;
        if (d.hub != null) {
            required(d.hub.dataset, "hub.dataset");
            required(d.hub.config, "hub.config");
            required(d.hub.trainRows, "hub.train_rows");
            required(d.hub.testRows, "hub.test_rows");
            hub = new TaskConfig.HubSource(d.hub.dataset, d.hub.config, d.hub.trainRows, d.hub.testRows);
        }
        return new TaskConfig(d.name, d.description, features, d.targets, d.parameterBudget, d.scaleAxis,
            holdout(d.holdout), TaskConfig.Trend.parse(d.trend), fallsWith, targetRange, d.humanLaw, bounds, references,
            hub, d.search == null ? TaskConfig.SearchEffort.DEFAULT
                : new TaskConfig.SearchEffort(d.search.generations, d.search.restarts));
    }

    private static TaskConfig.Holdout holdout(HoldoutDocument h) {
        int kinds = (h.topValues != null ? 1 : 0) + (h.topFraction != null ? 1 : 0) + (h.folds != null ? 1 : 0);
        if (kinds != 1) {
            throw new DataException("holdout must set exactly one of top_values, top_fraction and folds, not "
                + (kinds == 0 ? "none" : kinds));
        }
        int minimum = h.minTrainRows == null ? 0 : h.minTrainRows;
        if (h.topValues != null) {
            return new TaskConfig.Holdout.TopValues(h.topValues, minimum);
        }
        if (h.topFraction != null) {
            return new TaskConfig.Holdout.TopFraction(h.topFraction, minimum);
        }
        return new TaskConfig.Holdout.Folds(h.folds, minimum);
    }

    private static void required(Object value, String key) {
        if (value == null) {
            throw new DataException("missing key '" + key + "'");
        }
        if (value instanceof String s && s.isBlank()) {
            throw new DataException("key '" + key + "' is empty");
        }
    }

    private static void noNulls(List<String> values, String key) {
        for (int i = 0; i < values.size(); i++) {
            required(values.get(i), key + "[" + i + "]");
        }
    }

    /** ":line: what", from a Jackson failure. */
    private static String describe(JacksonException e, String text) {
        int line = e.getLocation() != null ? e.getLocation().getLineNr() : -1;
        if (line <= 0 && !e.getPath().isEmpty()) {
            line = lineOf(text, e.getPath());
        }
        // SnakeYAML's own mark is where the problem is (or where the unclosed construct opened); the parser's
        // location can lag behind it by a token.
        Matcher mark = YAML_MARK.matcher(Objects.requireNonNullElse(e.getOriginalMessage(), ""));
        if (!(e instanceof DatabindException) && mark.find()) {
            line = Integer.parseInt(mark.group(1));
        }
        String at = line > 0 ? ":" + line + ": " : ": ";
        return switch (e) {
            case UnrecognizedPropertyException u -> at + "unknown key '" + u.getPropertyName() + "'"
                + inside(u.getPath().subList(0, u.getPath().size() - 1))
                + " (known keys: " + known(u.getKnownPropertyIds()) + ")";
            case InvalidFormatException f -> at + "key '" + path(f.getPath()) + "': expected " + expected(f.getTargetType())
                + ", got " + MessageText.quote(String.valueOf(f.getValue()));
            case MismatchedInputException m when !m.getPath().isEmpty() ->
                at + "key '" + path(m.getPath()) + "': expected " + expected(m.getTargetType());
            case MismatchedInputException m -> at + "expected a mapping of keys to values at the top level";
            // valid YAML whose number does not fit the key's type: the parser still stands on that key
            case InputCoercionException c -> at + tooLarge(c);
            default -> at + yamlProblem(Objects.requireNonNullElse(e.getOriginalMessage(), e.toString()));
        };
    }

    /** Valid YAML whose number does not fit its key's type; the parser, if it is known, still stands on that key. */
    private static String tooLarge(InputCoercionException e) {
        String key = !e.getPath().isEmpty() ? path(e.getPath())
            : e.processor() != null ? e.processor().currentName() : null;
        return (key == null ? "a value" : "key '" + key + "'") + ": expected " + expected(e.getTargetType())
            + " of a usable size";
    }

    /**
     * The line of the key at {@code path}. Records are built after all their keys are buffered, so Jackson
     * reports an unknown key without a location; a second pass over the tokens finds it.
     */
    private static int lineOf(String text, List<JacksonException.Reference> path) {
        JsonPointer wanted = JsonPointer.compile(pointerOf(path));
        try (JsonParser parser = Json.yaml().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && parser.streamReadContext().pathAsPointer().equals(wanted)) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (JacksonException ignored) {
            // The document already failed once; without a line the message is still useful.
        }
        return -1;
    }

    private static String pointerOf(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/').append(reference.getPropertyName() != null
                ? escape(reference.getPropertyName())
                : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /**
     * SnakeYAML's multi-line report without its "in reader, line ..." marks and source excerpts, which are
     * indented: "while scanning a quoted scalar: found unexpected end of stream".
     */
    private static String yamlProblem(String message) {
        if (message.startsWith("Duplicate Object property ")) {
            return "duplicate key " + message.substring("Duplicate Object property ".length()).replace('"', '\'');
        }
        String problem = message.lines()
            .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
            .collect(Collectors.joining(": "));
        return "invalid YAML: " + MessageText.oneLine(problem.isEmpty() ? message : problem);
    }

    private static String inside(List<JacksonException.Reference> path) {
        return path.isEmpty() ? "" : " in '" + path(path) + "'";
    }

    private static String path(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String known(Collection<Object> keys) {
        return keys == null ? "" : keys.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys to values";
    }
}
