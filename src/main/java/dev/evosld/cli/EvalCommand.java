package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.MessageText;
import dev.evosld.data.NumberText;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.Predictions.GroupError;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.law.ReadableSigns;
import dev.evosld.run.LawDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;

/** {@code evosld eval}: scores a law with given parameter values on train and, if there is one, test. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluates a law with given per-group parameters: train and test R² (if the data has a test split),"
        + " per-group errors.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    TaskOptions task;

    @Option(names = "--law", required = true, paramLabel = "FORMULA|human",
        description = "The law in EvoSLD's law language, or 'human' for the task's human-designed law.")
    String law;

    @Option(names = "--params", converter = NonEmptyPathConverter.class, paramLabel = "JSON",
        description = "Parameter values: {group: {name: value}} ({group: {target: {name: value}}} for several targets),"
            + " or a run's law.json. Not needed for a law without parameters.")
    Path params;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The narrowest the table's group column is, so that tables of short names look alike. */
    private static final int GROUP_WIDTH = 40;

    /** The most groups a note names before it counts the rest. */
    private static final int MAX_NAMED = 5;

    /** Options of a user's CSV that only say how laws are validated and checked, which eval never does. */
    private static final List<String> JUDGING = List.of("--scale-axis", "--holdout", "--trend", "--falls-with", "--budget");

    @Override
    public Integer call() {
        for (String option : JUDGING) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UsageException(option + " tells fit and discover how to judge a law; eval scores the values"
                    + " given and judges nothing, so it takes no " + option);
            }
        }
        TaskData data = task.load();
        Law parsed = LawSource.resolve(law, data.config(), task.otherColumns());
        task.requireNoTestOnlyColumn(parsed, "--law");
        if (params == null && parsed.parameterCount() > 0) {
            throw new UsageException("--params is needed: the law's parameters (" + String.join(", ", parsed.parameters())
                + ") take a value per group, given as {group: {name: value}} in a JSON file or by a run's law.json");
        }
        ParameterSet given = params == null ? null : givenParameters(parsed, data);
        // a law without parameters predicts alike for every group, so a file need not list any
        ParameterSet parameters = parsed.parameterCount() == 0 ? noParameters(data) : given;
        requireEveryGroup(parameters, data);
        if (given != null) {
            unusedGroupsNote(given, data).ifPresent(spec.commandLine().getErr()::println);
        }
        LawSource.constantNote(parsed, data.config()).ifPresent(spec.commandLine().getErr()::println);
        LawSource.unusedNote(parsed, data.config()).ifPresent(spec.commandLine().getErr()::println);
        Predictions train = Predictions.of(parsed, data.train().table(), parameters);
        Optional<Predictions> test = data.test().map(t -> Predictions.of(parsed, t.table(), parameters));
        // as fit gives them, so that a law scored by fit and its values scored here read alike
        Map<String, Double> testRmse = test.flatMap(Predictions::finiteRootMeanSquaredErrors).orElse(null);
        Law written = ReadableSigns.of(parsed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("task", data.config().name());
            document.put("law", written.toString());
            // named and placed as fit's and discover's, whose documents a user reads beside this one
            document.put("parameter_count", parsed.parameterCount());
            document.put("parameters", parameters.toMap());
            Output.putR2(document, "train_r2", train.r2());
            Output.putTestR2(document, test.map(Predictions::r2));
            document.put("test_rmse", testRmse);
            document.put("groups", groupErrors(train, test));
            Output.json(out, document);
        } else {
            out.println("task:     " + data.config().name());
            out.println("law:      " + written);
            out.println("train R²: " + Output.r2(train.r2()));
            out.println("test R²:  " + Output.testR2(test.map(Predictions::r2), "every row is train")
                + Output.testMisses(testRmse));
            List<Map<String, Object>> rows = groupErrors(train, test);
            // thousands of groups would bury the scores above; --json keeps every group's figures
            List<Map<String, Object>> shown = rows.subList(0, Math.min(rows.size(), FitCommand.SHOWN_GROUPS));
            List<String> names = shown.stream().map(row -> MessageText.escaped((String) row.get("group"))).toList();
            // as wide as the widest name shown (in a terminal's columns), so that a long one (sft's run to 46) pushes no
            // figure out of line
            int width = names.stream().mapToInt(DisplayWidth::of).reduce(GROUP_WIDTH, Math::max);
            List<String> targets = train.targets();
            List<String> headers = new ArrayList<>(List.of("group", "train rows"));
            headers.addAll(rmseHeaders("train", targets));
            if (test.isPresent()) {
                headers.add("test rows");
                headers.addAll(rmseHeaders("test", targets));
            }
            int[] widths = headers.stream().mapToInt(h -> Math.max(h.endsWith("rows") ? 10 : 12, DisplayWidth.of(h)))
                .toArray();
            widths[0] = width;
            out.println(DisplayWidth.row(headers, widths));
            for (int i = 0; i < shown.size(); i++) {
                Map<String, Object> row = shown.get(i);
                List<String> cells = new ArrayList<>();
                cells.add(names.get(i));
                cells.add(String.valueOf(row.get("train_rows")));
                cells.addAll(rmseCells(row.get("train_rmse"), targets));
                if (test.isPresent()) {
                    cells.add(String.valueOf(row.getOrDefault("test_rows", 0)));
                    cells.addAll(rmseCells(row.get("test_rmse"), targets));
                }
                out.println(DisplayWidth.row(cells, widths));
            }
            if (rows.size() > FitCommand.SHOWN_GROUPS) {
                out.println("... and " + (rows.size() - FitCommand.SHOWN_GROUPS) + " more groups (--json prints all of"
                    + " them)");
            }
            out.flush();
        }
        return 0;
    }

    /** The values of the --params file, checked against the law: a run's law.json must be of that very law. */
    private ParameterSet givenParameters(Law parsed, TaskData data) {
        Map<String, ?> given = readJson(params);
        // a run's law.json holds the values under "parameters", beside the law they belong to
        if (given.containsKey("law") && given.get("parameters") instanceof Map<?, ?> recorded) {
            requireFeaturesOf(given, data.config());
            requireSameLaw(given.get("law"), parsed, data.config().featureNames());
            given = forTargets(asValues(recorded), given.get("targets"), data.config().targets());
        }
        requireGroupsAtTop(given, parsed, data);
        return ParameterSet.fromMap(given, parsed.parameters(), data.config().targets(), params.toString());
    }

    /**
     * A run's values of the targets asked for, taken by name: a run fitted to a loss, an accuracy and a count can be
     * scored on the accuracy alone, which as one target is read as {@code group → name → value}. A run of one target
     * records its values so already, and one that names no targets is read as it is.
     */
    private Map<String, ?> forTargets(Map<String, ?> recorded, Object recordedTargets, List<String> targets) {
        if (!(recordedTargets instanceof List<?> list) || list.size() < 2) {
            return recorded;
        }
        List<String> held = list.stream().map(String::valueOf).toList();
        targets.stream().filter(target -> !held.contains(target)).findFirst().ifPresent(missing -> {
            throw new EvosldException(params + " holds the parameters of " + String.join(", ", held) + ", none of "
                + MessageText.quote(missing));
        });
        Map<String, Object> chosen = new LinkedHashMap<>();
        recorded.forEach((group, perTarget) -> {
            if (!(perTarget instanceof Map<?, ?> byTarget)) {
                chosen.put(group, perTarget);  // not a run's layout: reading it says what is wrong
            } else if (targets.size() == 1) {
                chosen.put(group, byTarget.containsKey(targets.getFirst()) ? byTarget.get(targets.getFirst()) : perTarget);
            } else {
                Map<Object, Object> kept = new LinkedHashMap<>();
                targets.stream().filter(byTarget::containsKey).forEach(target -> kept.put(target, byTarget.get(target)));
                chosen.put(group, kept);
            }
        });
        return chosen;
    }

    /**
     * Refuses a file that gives the values without their groups ({@code {"E": 2}}), as a user of one group of runs
     * may well write it, with the layout it needs in that user's own names. A key that holds values is a group even
     * when a parameter has its name (a group a beside a parameter a), left for the data's groups to find or not.
     */
    private void requireGroupsAtTop(Map<String, ?> given, Law parsed, TaskData data) {
        List<String> groups = data.train().table().groups().stream().map(Group::name).toList();
        for (String key : given.keySet()) {
            if (parsed.parameters().contains(key) && !groups.contains(key) && !(given.get(key) instanceof Map<?, ?>)) {
                String values = "{" + parsed.parameters().stream().map(name -> jsonString(name) + ": ...")
                    .collect(Collectors.joining(", ")) + "}";
                List<String> targets = data.config().targets();
                String perGroup = targets.size() == 1 ? values : "{" + jsonString(targets.getFirst()) + ": " + values
                    + ", ...}";
                throw new EvosldException(params + ": '" + key + "' is a parameter of the law, not a group: the file"
                    + " gives each group its values, here {" + jsonString(groups.getFirst()) + ": " + perGroup
                    + (groups.size() > 1 ? ", ...}" : "}")
                    + (task.isUngrouped() ? " (runs without --group form one group, '" + groups.getFirst() + "')" : ""));
            }
        }
    }

    /** The values of a law without parameters: none, for each group of the data. */
    private static ParameterSet noParameters(TaskData data) {
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (Group group : data.train().table().groups()) {
            values.put(group.name(), new double[data.config().targets().size()][0]);
        }
        return ParameterSet.of(List.of(), data.config().targets(), values);
    }

    /**
     * Refuses values that leave out a group of the data, naming the file of each (every test group has train runs, so
     * the train groups are all there are).
     */
    private void requireEveryGroup(ParameterSet parameters, TaskData data) {
        for (Group group : data.train().table().groups()) {
            if (!parameters.has(group.name())) {
                throw new EvosldException(params + ": no parameters for group " + MessageText.quote(group.name()) + " of "
                    + task.trainFile(data.config().name()) + " (" + (parameters.groups().isEmpty() ? "it names no group"
                    : "it has: " + MessageText.names(parameters.groups())) + ")");
            }
        }
    }

    /**
     * A note for values of groups the data does not have: harmless (a run's law.json scored on some of its groups),
     * but a user who expected them scored learns that they were not.
     */
    private Optional<String> unusedGroupsNote(ParameterSet given, TaskData data) {
        List<String> unused = given.groups().stream()
            .filter(group -> data.train().table().group(group).isEmpty())
            .map(MessageText::quote)
            .toList();
        if (unused.isEmpty()) {
            return Optional.empty();
        }
        String shown = unused.size() <= MAX_NAMED ? String.join(", ", unused)
            : String.join(", ", unused.subList(0, MAX_NAMED)) + " and " + (unused.size() - MAX_NAMED) + " more";
        return Optional.of("evosld: note: " + params + " also has parameters for group" + (unused.size() == 1 ? " " : "s ")
            + shown + ", which " + task.trainFile(data.config().name()) + " does not have; they are not used");
    }

    /** Refuses a run's law over variables the data does not have: another task's, or another CSV's. */
    private void requireFeaturesOf(Map<String, ?> document, TaskConfig config) {
        if (document.get("variables") instanceof List<?> variables
            && !config.featureNames().containsAll(variables)) {
            throw new UsageException(params + " holds a law " + (document.get("task") != null ? "of "
                + MessageText.name(String.valueOf(document.get("task"))) + " " : "") + "over "
                + MessageText.names(variables.stream().map(String::valueOf).toList()) + ", not all features of "
                + config.name() + " ("
                + String.join(", ", config.featureNames()) + ")");
        }
    }

    /**
     * Refuses a run's values for another law: matched by name alone, they would score a law nobody fitted. A law
     * written with a minus where the file's has a negative factor ({@code E - A*N} for {@code E + -1*A*N}, as
     * law.json wrote it before) is the same law, and takes the same values.
     */
    private void requireSameLaw(Object recorded, Law parsed, List<String> features) {
        String theirs = ReadableSigns.of(String.valueOf(recorded), features);
        String given = ReadableSigns.of(parsed).toString();
        if (!theirs.equals(given)) {
            throw new UsageException(params + " holds the parameters of " + MessageText.escaped(theirs)
                + ", not of the law given (" + given + "); give that law as --law");
        }
    }

    private static String jsonString(String text) {
        return Json.mapper().writeValueAsString(text);
    }

    private static String format(Object value) {
        return value instanceof Double d ? NumberText.rounded(d, 6) : "-";
    }

    /** The headers of a split's RMSE columns: one, or one per target named after it. */
    private static List<String> rmseHeaders(String split, List<String> targets) {
        return targets.size() == 1 ? List.of(split + " RMSE")
            : targets.stream().map(target -> split + " RMSE " + MessageText.escaped(target)).toList();
    }

    /** A group's RMSE cells of a split, as {@link #groupErrors} gives them; dashes where the group has no rows there. */
    private static List<String> rmseCells(Object rmse, List<String> targets) {
        if (targets.size() == 1) {
            return List.of(format(rmse));
        }
        Map<?, ?> byTarget = rmse instanceof Map<?, ?> map ? map : Map.of();
        return targets.stream().map(target -> format(byTarget.get(target))).toList();
    }

    /**
     * Per group, its train rows and error, and its test rows and error if it has any: the root mean squared error, or
     * with several targets one per target, {@code target → RMSE}, as each is in its own units (null where a prediction
     * is not finite).
     */
    static List<Map<String, Object>> groupErrors(Predictions train, Optional<Predictions> test) {
        Map<String, GroupError> testByGroup = new LinkedHashMap<>();
        test.ifPresent(t -> t.groups().forEach(g -> testByGroup.put(g.group(), g)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GroupError g : train.groups()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", g.group());
            row.put("train_rows", g.rows());
            row.put("train_rmse", rmse(g, train.targets()));
            GroupError t = testByGroup.get(g.group());
            if (t != null) {
                row.put("test_rows", t.rows());
                row.put("test_rmse", rmse(t, train.targets()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object rmse(GroupError error, List<String> targets) {
        if (targets.size() == 1) {
            return Double.isFinite(error.mse()) ? error.rmse() : null;
        }
        Map<String, Double> byTarget = new LinkedHashMap<>();
        for (int t = 0; t < targets.size(); t++) {
            byTarget.put(targets.get(t), Double.isFinite(error.rmse(t)) ? error.rmse(t) : null);
        }
        return byTarget;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asValues(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    @SuppressWarnings("unchecked")
    static Map<String, ?> readJson(Path file) {
        LawDocument.requireNotAFolder(file);
        try {
            // decimals as written, so that a value no double holds is refused rather than rounded to 0 or infinity
            Object value = Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .forType(Object.class).readValue(Json.readUserFile(file));
            if (!(value instanceof Map<?, ?> map)) {
                throw new EvosldException(file + ": expected a JSON object");
            }
            return (Map<String, ?>) map;
        } catch (NoSuchFileException e) {
            throw new EvosldException(file + ": no such file");
        } catch (IOException e) {
            throw new EvosldException(file + ": cannot read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new EvosldException(file + Json.problem(e));
        }
    }
}
