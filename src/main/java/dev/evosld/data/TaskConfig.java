package dev.evosld.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a task is: its columns, the law budget, how to hold out validation rows, the human-designed law and
 * the scores to compare against. Read from {@code configs/<task>.yaml} (snake_case keys; unknown keys are an
 * error) or built for a user's own CSV by {@link UserData}.
 *
 * @param name the task's name, also its folder in the data directory (letters, digits, {@code _ . -})
 * @param description one or two sentences on what the runs are, used in LLM prompts
 * @param features the input columns, in the order laws and {@link Group#feature(int)} use
 * @param targets the output columns; a law is fitted to each target separately
 * @param parameterBudget the most fitted parameters a law may have per group, over all targets together
 * @param scaleAxis the features along which the test split extrapolates (empty when there is none)
 * @param holdout how to choose validation rows inside the train split
 * @param trend what must keep its trend along the scale axis beyond the data: each run, or only a group's mean
 * @param fallsWith the features the targets never rise with beyond the data (more data or a bigger model never
 *     makes the loss worse), each run or a group's mean as {@code trend} says; empty when none is known
 * @param targetRange the values the targets can take at all (a negated Brier score is never above 0), which
 *     a law's predictions beyond the data must respect; {@link Bound#UNBOUNDED} when nothing is known
 * @param humanLaw the human-designed law in EvoSLD's law language, or {@code null} when there is none
 * @param bounds per-parameter bound overrides for fitting, by parameter name, in file order
 * @param references published scores to compare with, or {@code null}
 * @param hub where {@code evosld data pull} fetches the data, or {@code null}
 * @param search how long a discovery run searches where the task departs from the search's defaults
 */
public record TaskConfig(
    String name,
    String description,
    List<Feature> features,
    List<String> targets,
    int parameterBudget,
    List<String> scaleAxis,
    Holdout holdout,
    Trend trend,
    List<String> fallsWith,
    Bound targetRange,
    String humanLaw,
    Map<String, Bound> bounds,
    References references,
    HubSource hub,
    SearchEffort search) {

    private static final List<String> BUILTIN_TASKS = List.of(
        "data_constrained_scaling_law",
        "domain_mixture_scaling_law",
        "easy_question_scaling_law",
        "lr_bsz_scaling_law",
        "moe_scaling_law",
        "parallel_scaling_law",
        "sft_scaling_law",
        "vocab_scaling_law");

    private static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    // Features are variables of the law language, so they must lex as identifiers there.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @throws DataException if a value is missing or inconsistent; the message says which, without a file
     *     name (the loaders add it)
     */
    public TaskConfig {
        name = require(name, "name");
        if (!TASK_NAME.matcher(name).matches() || name.contains("..")) {
            throw new DataException("name " + MessageText.quote(name)
                + " is not a task name (letters, digits, '_', '.' and '-')");
        }
        description = MessageText.oneLine(require(description, "description"));
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        scaleAxis = List.copyOf(Objects.requireNonNull(scaleAxis, "scale_axis"));
        Objects.requireNonNull(holdout, "holdout");
        search = Objects.requireNonNullElse(search, SearchEffort.DEFAULT);
        Objects.requireNonNull(trend, "trend");
        fallsWith = List.copyOf(Objects.requireNonNull(fallsWith, "falls_with"));
        Objects.requireNonNull(targetRange, "target_range");
        bounds = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(bounds, "bounds")));
        if (humanLaw != null) {
            humanLaw = MessageText.oneLine(require(humanLaw, "human_law"));
        }

        if (features.isEmpty()) {
            throw new DataException("features: at least one feature is needed");
        }
        if (targets.isEmpty()) {
            throw new DataException("targets: at least one target is needed");
        }
        Set<String> columns = new HashSet<>();
        for (Feature feature : features) {
            if (!columns.add(feature.name())) {
                throw new DataException("feature '" + feature.name() + "' is listed twice");
            }
        }
        for (String target : targets) {
            require(target, "targets");
            if (!columns.add(target)) {
                throw new DataException("target '" + target + "' is listed twice or is also a feature");
            }
        }
        if (parameterBudget < 1) {
            throw new DataException("parameter_budget must be at least 1, not " + parameterBudget);
        }
        requireDistinctFeatures(scaleAxis, "scale_axis", features);
        requireDistinctFeatures(fallsWith, "falls_with", features);
        if (scaleAxis.isEmpty() && !(holdout instanceof Holdout.Folds)) {
            throw new DataException("holdout: top_values and top_fraction need a scale_axis; use folds when there is none");
        }
        for (String parameter : bounds.keySet()) {
            if (!IDENTIFIER.matcher(parameter).matches()) {
                throw new DataException("bounds: " + MessageText.quote(parameter) + " is not a parameter name");
            }
            if (columns.contains(parameter)) {
                throw new DataException("bounds: '" + parameter + "' is a column, not a parameter");
            }
            Objects.requireNonNull(bounds.get(parameter), "bound");
        }
    }

    /**
     * A task whose runs must each keep their trend beyond the data, as most tasks' runs do, with no feature
     * known to lower the targets and no limit known to the targets' values, searched for as long as the search's
     * defaults say.
     */
    public TaskConfig(String name, String description, List<Feature> features, List<String> targets,
                      int parameterBudget, List<String> scaleAxis, Holdout holdout, String humanLaw,
                      Map<String, Bound> bounds, References references, HubSource hub) {
        this(name, description, features, targets, parameterBudget, scaleAxis, holdout, Trend.PER_RUN, List.of(),
            Bound.UNBOUNDED, humanLaw, bounds, references, hub, SearchEffort.DEFAULT);
    }

    /**
     * How much a discovery run searches (config block {@code search}): each field given replaces the search's
     * default, and a null one keeps it. A task whose runs are cheap may search longer, and one whose
     * candidates are slow to fit may make fewer restarts, so that every task's run ends by its generation
     * count within the default time limit.
     *
     * @param generations generations per island, or null
     * @param restarts independent searches, or null
     */
    public record SearchEffort(Integer generations, Integer restarts) {
        /** The search's own defaults throughout. */
        public static final SearchEffort DEFAULT = new SearchEffort(null, null);

        /** @throws DataException if a count given is below 1 */
        public SearchEffort {
            if (generations != null && generations < 1) {
                throw new DataException("search: generations must be at least 1, not " + generations);
            }
            if (restarts != null && restarts < 1) {
                throw new DataException("search: restarts must be at least 1, not " + restarts);
            }
        }
    }

    /**
     * What a fitted law must keep doing beyond the data along the scale axis (config key {@code trend}).
     * Where a law's prediction falls from half the largest scale to the largest, it may not rise again at 2×
     * or 10× (nor the reverse).
     */
    public enum Trend {
        /** Every run at the largest scale keeps its trend: the other features do not bend the scale curve. */
        PER_RUN,
        /**
         * Only each group's mean over the runs at the largest scale keeps its trend: for features such as a
         * learning rate, whose best value moves with scale, one fixed setting may do worse at a larger scale.
         */
        GROUP_MEAN,
        /**
         * Every run keeps its trend, except that a target falling at the largest scale may turn and rise
         * beyond it: U-shaped scaling, where a score first worsens with compute and then improves. The reverse
         * turn (rising, then falling) still fails.
         */
        U_SHAPED;

        /**
         * The trend named as in configs: {@code per_run}, {@code group_mean} or {@code u_shaped}; null (not
         * given) is per_run.
         */
        public static Trend parse(String name) {
            if (name == null) {
                return PER_RUN;
            }
            return switch (name) {
                case "per_run" -> PER_RUN;
                case "group_mean" -> GROUP_MEAN;
                case "u_shaped" -> U_SHAPED;
                default -> throw new DataException("trend must be per_run, group_mean or u_shaped, not "
                    + MessageText.quote(name));
            };
        }

        /** Whether every run at the largest scale is checked, rather than each group's mean. */
        public boolean isPerRun() {
            return this != GROUP_MEAN;
        }

        /** Whether a prediction that falls up to the largest scale and rises beyond it turns around. */
        public boolean forbidsRiseAfterFall() {
            return this != U_SHAPED;
        }

        /** The name configs use. */
        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An input column and what it means (the description goes into LLM prompts). */
    public record Feature(String name, String description) {
        /** @throws DataException if the name is not an identifier or the description is blank */
        public Feature {
            name = require(name, "features[].name");
            if (!IDENTIFIER.matcher(name).matches()) {
                String usable = usableName(name);
                throw new DataException("feature " + MessageText.quote(name)
                    + " is not a valid name (letters, digits and '_', not starting with a digit), as laws use it as a variable:"
                    + " rename the column" + (usable.isEmpty() ? "" : ", " + usable + " say"));
            }
            description = MessageText.oneLine(require(description, "features[].description"));
        }

        /**
         * A name a law can use for a column headed with spaces, units or accents ({@code N (params)} is {@code N_params}),
         * for the user to put in the header; empty where nothing of the name is left.
         */
        private static String usableName(String name) {
            String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            String usable = plain.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
            return usable.isEmpty() || Character.isLetter(usable.charAt(0)) ? usable : "_" + usable;
        }
    }

    /**
     * How validation rows are chosen inside the train split, to mimic how the task's test split was cut. The
     * rows are chosen per group; the others are the rows a law is fitted on while it is being selected.
     */
    public sealed interface Holdout {
        /**
         * The fewest rows a group must keep for fitting; a group that would keep fewer is not held out
         * from. 0 when the config sets no minimum.
         */
        int minTrainRows();

        /**
         * The holdout as one key of a config's {@code holdout} block, {@code top_values=1},
         * {@code top_fraction=0.2} or {@code folds=5}: how {@code --holdout} takes it and a run records it.
         */
        String spec();

        /**
         * Reads {@link #spec()}'s form, with no minimum of fit rows.
         *
         * @throws DataException if the text has another form or its number is out of range
         */
        static Holdout parse(String spec) {
            String[] parts = spec.strip().split("\\s*=\\s*", -1);
            String form = "holdout takes top_values=N, top_fraction=F or folds=K, not " + MessageText.quote(spec);
            if (parts.length != 2) {
                throw new DataException(form);
            }
            try {
                return switch (parts[0]) {
                    case "top_values" -> new TopValues(Integer.parseInt(parts[1]), 0);
                    case "top_fraction" -> new TopFraction(Double.parseDouble(parts[1]), 0);
                    case "folds" -> new Folds(Integer.parseInt(parts[1]), 0);
                    default -> throw new DataException(form);
                };
            } catch (NumberFormatException e) {
                throw new DataException(form);
            }
        }

        /**
         * Per group, the rows whose value on some scale axis is among that group's {@code count} largest
         * distinct values of the axis.
         */
        record TopValues(int count, int minTrainRows) implements Holdout {
            public TopValues {
                if (count < 1) {
                    throw new DataException("holdout: top_values must be at least 1, not " + count);
                }
                checkMinimum(minTrainRows);
            }

            @Override
            public String spec() {
                return "top_values=" + count;
            }
        }

        /**
         * Per group and scale axis, the {@code ceil(fraction * rows)} rows with the largest values of the
         * axis, together with every row tied with the smallest of them. For axes that take nearly as many
         * values as there are rows.
         */
        record TopFraction(double fraction, int minTrainRows) implements Holdout {
            public TopFraction {
                if (!(fraction > 0 && fraction < 1)) {
                    throw new DataException("holdout: top_fraction must lie strictly between 0 and 1, not " + fraction);
                }
                checkMinimum(minTrainRows);
            }

            @Override
            public String spec() {
                return "top_fraction=" + fraction;
            }
        }

        /** Per group, {@code count}-fold cross-validation; for tasks without a scale axis. */
        record Folds(int count, int minTrainRows) implements Holdout {
            public Folds {
                if (count < 2) {
                    throw new DataException("holdout: folds must be at least 2, not " + count);
                }
                checkMinimum(minTrainRows);
            }

            @Override
            public String spec() {
                return "folds=" + count;
            }
        }

        private static void checkMinimum(int minTrainRows) {
            if (minTrainRows < 0) {
                throw new DataException("holdout: min_train_rows must not be negative, not " + minTrainRows);
            }
        }
    }

    /** An interval, of a fitted parameter's values or of a target's; either end may be infinite. */
    public record Bound(double lower, double upper) {
        /** Every real number. */
        public static final Bound UNBOUNDED = new Bound(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

        /** @throws DataException if an end is NaN or the interval is empty */
        public Bound {
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper
                    || lower == Double.POSITIVE_INFINITY || upper == Double.NEGATIVE_INFINITY) {
                throw new DataException("bound [" + lower + ", " + upper + "] is not an interval");
            }
        }

        /** {@code [lower, upper]} as a person writes it: {@code [-inf, 0]}, {@code [0, 1]}, {@code [0.5, inf]}. */
        public String describe() {
            return "[" + end(lower) + ", " + end(upper) + "]";
        }

        private static String end(double value) {
            if (Double.isInfinite(value)) {
                return value > 0 ? "inf" : "-inf";
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /**
     * Scores to compare against on the task's test split (SLDBench's R²).
     *
     * @param humanR2 the human-designed law's score
     * @param leaderboardR2 the best public score
     * @param source where the two numbers come from
     */
    public record References(double humanR2, double leaderboardR2, String source) {
        /** @throws DataException if a score is not a finite number of at most 1 or the source is blank */
        public References {
            for (double r2 : new double[] {humanR2, leaderboardR2}) {
                if (!(r2 <= 1) || !Double.isFinite(r2)) {
                    throw new DataException("references: R² " + r2 + " is not a finite number of at most 1");
                }
            }
            source = MessageText.oneLine(require(source, "references.source"));
        }
    }

    /**
     * Where the task's data lives on the Hugging Face hub.
     *
     * @param dataset the dataset repository, e.g. {@code pkuHaowei/sldbench}
     * @param config the dataset's config (subset) name
     * @param trainRows the number of rows of the hub's train split
     * @param testRows the number of rows of the hub's test split
     */
    public record HubSource(String dataset, String config, int trainRows, int testRows) {
        /** @throws DataException if a name is blank or a row count is not positive */
        public HubSource {
            dataset = require(dataset, "hub.dataset");
            config = require(config, "hub.config");
            if (trainRows < 1 || testRows < 1) {
                throw new DataException("hub: row counts must be positive");
            }
        }
    }

    /** The feature column names, in order. */
    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    /** The names of the eight SLDBench tasks, each with a built-in config. */
    public static List<String> builtinTasks() {
        return BUILTIN_TASKS;
    }

    /**
     * The built-in config of a task, read from the class path resource {@code /configs/<task>.yaml}.
     *
     * @throws DataException if there is no such config or it is invalid
     */
    public static TaskConfig load(String task) {
        return loadResource("configs", task);
    }

    /** The config {@code /<folder>/<task>.yaml} on the class path; tests use their own folder. */
    static TaskConfig loadResource(String folder, String task) {
        Objects.requireNonNull(task, "task");
        String resource = folder + "/" + task + ".yaml";
        InputStream in = TASK_NAME.matcher(task).matches() && !task.contains("..")
            ? TaskConfig.class.getResourceAsStream("/" + resource)
            : null;
        if (in == null) {
            throw new DataException("unknown task " + MessageText.quote(task) + " (built-in tasks: "
                + String.join(", ", BUILTIN_TASKS) + "); for your own runs use --data CSV");
        }
        TaskConfig config;
        try (in) {
            config = ConfigReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new DataException(resource + ": cannot read: " + e.getMessage(), e);
        }
        if (!config.name().equals(task)) {
            throw new DataException(resource + ": name '" + config.name() + "' differs from the file's task '" + task + "'");
        }
        return config;
    }

    /**
     * A config from a YAML file.
     *
     * @throws DataException if the file is missing, not valid YAML, or not a valid config
     */
    public static TaskConfig load(Path yaml) {
        return ConfigReader.read(yaml);
    }

    private static void requireDistinctFeatures(List<String> names, String key, List<Feature> features) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (features.stream().noneMatch(f -> f.name().equals(name))) {
                throw new DataException(key + " " + MessageText.quote(name) + " is not a feature");
            }
            if (!seen.add(name)) {
                throw new DataException(key + " '" + name + "' is listed twice");
            }
        }
    }

    private static String require(String value, String key) {
        if (value == null) {
            throw new DataException("missing key '" + key + "'");
        }
        if (value.isBlank()) {
            throw new DataException("key '" + key + "' is empty");
        }
        return value;
    }
}
