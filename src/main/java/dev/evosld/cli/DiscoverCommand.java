package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.http.EnvironmentProxies;
import dev.evosld.json.Json;
import dev.evosld.llm.LlmOptions;
import dev.evosld.llm.LlmProposer;
import dev.evosld.llm.LlmSettings;
import dev.evosld.llm.LlmUsage;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.DataSource;
import dev.evosld.report.Report;
import dev.evosld.run.RunDirectory;
import dev.evosld.run.ShellWords;
import dev.evosld.run.WriteException;
import dev.evosld.search.ClassicForms;
import dev.evosld.search.Discovery;
import dev.evosld.search.RunRecorder;
import dev.evosld.search.SearchListener;
import dev.evosld.search.Proposer;
import dev.evosld.search.SearchResult;
import dev.evosld.search.SearchSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evosld discover}: searches for a law that extrapolates, and writes a run directory.
 *
 * <p>Candidate laws come from the offline classic forms and, when an OpenAI-compatible endpoint is
 * configured ({@code --llm-base-url}, {@code --llm-config}, or {@code OPENAI_BASE_URL}), from an LLM too:
 * seeds at the start and rewrites of the best law every {@code --llm-every} epochs. Its answers are cached in
 * the run directory, so a rerun with the same seed replays them without calling the endpoint.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
    description = "Discovers a law by genetic programming, chosen by extrapolation inside train, scored once on test"
        + " (if the data has a test split).")
final class DiscoverCommand implements Callable<Integer> {
    private static final SearchSettings DEFAULTS = SearchSettings.defaults();
    @Mixin
    TaskOptions task;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--generations", paramLabel = "N", description = "Generations per island (default: the task's own, "
        + SearchSettings.DEFAULT_GENERATIONS + " unless its config says otherwise).")
    Integer generations;

    @Option(names = "--population", paramLabel = "N", description = "Individuals per island (default: " + SearchSettings.DEFAULT_POPULATION + ").")
    Integer population;

    @Option(names = "--islands", paramLabel = "N", description = "Island populations per restart (default: " + SearchSettings.DEFAULT_ISLANDS + ").")
    Integer islands;

    @Option(names = "--restarts", paramLabel = "N", description = "Independent searches run side by side, each picking "
        + "a law; the one that validates best is reported (default: the task's own, " + SearchSettings.DEFAULT_RESTARTS
        + " unless its config says otherwise).")
    Integer restarts;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Stop the search at the first generation past this long, e.g. 90s, 5m, or a number of seconds (default: "
            + SearchSettings.DEFAULT_TIME_LIMIT_MINUTES + "m); the first restart's initial population is always scored"
            + " and the chosen law's refit on all of train comes after, while LLM requests and their retries end"
            + " at it; a resumed run's limit counts from its resumption. A run stopped by time is not reproducible"
            + " bit for bit.")
    Duration timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Threads fitting candidates (default: all cores); does not change the result.")
    Integer threads;

    @Option(names = "--out", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
        description = "The run directory (default: a new folder results/<task>/<time>-seed<seed>).")
    Path out;

    @Option(names = "--resume", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
        description = "Continue the run in DIR from its checkpoint.")
    Path resume;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--llm-base-url", paramLabel = "URL",
        description = "OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (default: $OPENAI_BASE_URL); without one, laws are proposed offline.")
    String llmBaseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "LLM model (default: $OPENAI_MODEL, else " + LlmSettings.DEFAULT_MODEL + ").")
    String llmModel;

    @Option(names = "--llm-temperature", paramLabel = "T", description = "LLM sampling temperature in [0, 2] (default: 0.7).")
    Double llmTemperature;

    @Option(names = "--llm-max-tokens", paramLabel = "N", description = "Most tokens per LLM answer (default: 2048).")
    Integer llmMaxTokens;

    @Option(names = "--llm-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "How long to wait for an LLM answer, e.g. 90s (default: 120s).")
    Duration llmTimeout;

    @Option(names = "--llm-retries", paramLabel = "N", description = "Retries of an LLM request after timeouts, HTTP 429 or 5xx (default: 4).")
    Integer llmRetries;

    @Option(names = "--llm-config", paramLabel = "FILE",
        description = "YAML file whose llm: section sets base_url, model, temperature, max_tokens, timeout_seconds, max_retries; flags win over it, it wins over the environment. The API key comes from $OPENAI_API_KEY only.")
    Path llmConfig;

    @Option(names = "--llm-every", paramLabel = "K",
        description = "Ask the LLM to rewrite the best law every K epochs (of 3 generations; default: 5; 0: seeds only).")
    Integer llmEvery;

    @Option(names = "--llm-proposals", paramLabel = "N", description = "Laws asked for per LLM request (default: " + LlmProposer.DEFAULT_PROPOSALS + ").")
    Integer llmProposals;

    @Option(names = "--llm-cache", paramLabel = "DIR", description = "LLM response cache (default: <run directory>/llm).")
    Path llmCache;

    @Option(names = "--no-llm", description = "Propose laws offline only, even when an LLM endpoint is configured.")
    boolean noLlm;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    DiscoverCommand() {
        this(System.getenv());
    }

    /** @param env the environment to read {@code OPENAI_*} from; tests pass their own */
    DiscoverCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Refuses a group of one train run: only a constant can be fitted to it, so every law the search finds would
     * fail its refit there, after minutes of searching.
     */
    private static void requireTwoRunsPerGroup(TaskData data, Path file) {
        List<Group> groups = data.train().table().groups();
        if (groups.stream().allMatch(group -> group.rows() < 2)) {
            return; // the validation plan says that no group can be judged, which is the whole story
        }
        groups.stream().filter(group -> group.rows() < 2).findFirst().ifPresent(group -> {
            throw new EvosldException(file + ": group '" + group.name() + "' has 1 train run; a law that depends on the"
                + " features needs at least 2 runs in every group (leave the group out, or add runs to it)");
        });
    }

    @Override
    public Integer call() {
        if (resume != null) {
            requireCheckpoint(new RunDirectory(resume));
        }
        DataSource source;
        TaskData data;
        if (resume != null && !task.isGiven()) {
            // a resumed run without data options reads again the data it recorded
            source = new RunDirectory(resume).readDataSource();
            data = source.load(task.dataDirectory());
        } else {
            data = task.load();
            source = task.dataSource(data);
            RunDirectory resumed = resume == null ? null : new RunDirectory(resume);
            // a run that began before runs recorded their data is resumed by these options alone
            if (resumed != null && Files.isRegularFile(resumed.dataSourceFile())) {
                requireSameGroups(resumed.readDataSource(), source);
            }
        }
        TaskConfig config = data.config();
        requireTwoRunsPerGroup(data, task.isGiven() ? task.trainFile(config.name())
            : "csv".equals(source.kind()) ? Path.of(source.data()) : task.dataDirectory().trainFile(config.name()));
        if (resume != null && out != null && !out.equals(resume)) {
            throw new UsageException("--resume DIR continues the run in DIR; --out cannot send it elsewhere");
        }
        if (out != null && resume == null) {
            RunDirectory wanted = new RunDirectory(out);
            wanted.requireNotInUse();   // before its checkpoint is offered for --resume, which that run would refuse
            requireNoRun(wanted);
        }
        // every option is checked before anything is said about the LLM, so that a bad one is the only line
        int threadCount = threads != null ? UsageException.threads(threads) : DEFAULTS.threads();
        Duration limit = timeLimit != null ? timeLimit : DEFAULTS.timeLimit();
        SearchSettings settings = resume != null ? resumedSettings(new RunDirectory(resume), limit, threadCount)
            : searchSettings(config, threadCount, limit);
        Optional<LlmSettings> configured = llmSettings();
        Path given = resume != null ? resume : out;
        // a folder of its own, claimed atomically: two runs started in the same second must not share one
        RunDirectory run = given != null ? new RunDirectory(given)
            : RunDirectory.createUnder(Path.of("results", config.name()), timeStamp() + "-seed" + settings.seed());
        Optional<LlmSettings> llm = configured
            .map(s -> s.cacheDir().isPresent() ? s : s.withCacheDir(Optional.of(run.llmCacheDirectory())));
        try (RunDirectory.Lock lock = run.lock()) {
            if (resume == null) {
                requireNoRun(run);   // again, now that no other run can start writing here
            } else {
                Optional<FinishedRun> finished = FinishedRun.of(data, run);
                if (finished.isPresent()) {
                    // refused as a resumption would be, should the data or options differ from the run's
                    Discovery.resume(config, data.train(), run.checkpointFile(), limit, threadCount, List.of(),
                        SearchListener.none());
                    show(finished.get());
                    return 0;
                }
                // only for a run still to search: a finished one asks no proposer, so any LLM shows it
                Optional<Map<String, Map<String, String>>> asked = Discovery.proposersAsked(run.checkpointFile());
                requireSameLlm(asked.map(proposers -> List.copyOf(proposers.keySet())), configured);
                requireSameRequests(asked.orElse(Map.of()), configured);
            }
            try {
                return discover(data, source, run, given == null, settings, limit, threadCount, llm);
            } catch (RuntimeException e) {
                if (given == null) {
                    run.removeUnstarted();   // a folder of our own that holds no checkpoint holds nothing to keep
                }
                // a full disk stops a run at its next write: the checkpoint before it is whole, and the user must
                // not take the run for lost
                throw e instanceof WriteException && Files.isRegularFile(run.checkpointFile())
                    ? new EvosldException(e.getMessage() + "; the search is kept up to its last checkpoint: continue"
                        + " the run with " + run.resumeCommand() + " once that file can be written", e)
                    : e;
            }
        }
    }

    /**
     * The run itself, in a run directory this process holds.
     *
     * @param ownFolder whether the run made its folder itself, and so removes it when stopped before it began
     */
    private int discover(TaskData data, DataSource source, RunDirectory run, boolean ownFolder, SearchSettings settings,
                         Duration limit, int threadCount, Optional<LlmSettings> llm) {
        TaskConfig config = data.config();
        PrintWriter err = spec.commandLine().getErr();
        SearchProgress progress = new SearchProgress(err, config.name(), settings.generations(), ProgressDisplay.bars());
        LlmUsage usage = new LlmUsage();
        LlmProposer llmProposer = llm.map(s -> LlmProposer.builder(s)
            .usage(usage)
            .environment(env)
            .proposals(llmProposals != null ? llmProposals : LlmProposer.DEFAULT_PROPOSALS)
            .otherColumns(source.otherColumns())
            .seed(settings.seed())
            .messages(progress::onMessage)
            .build()).orElse(null);
        SearchResult result;
        Discovery discovery;
        Optional<Supplier<String>> usageSoFar = llmProposer == null ? Optional.empty() : Optional.of(
            () -> Json.mapper().writeValueAsString(llmDocument(llm, llmProposer)));
        try (InterruptHook hook = InterruptHook.register(run, ownFolder, err, usageSoFar)) {
            hook.drawnOver(progress);
            try (progress; llmProposer) {
                List<Proposer> proposers = llmProposer == null
                    ? List.of(new ClassicForms())
                    : List.of(new ClassicForms(), llmProposer);
                if (resume == null) {
                    run.writeDataSource(source);
                }
                discovery = resume != null
                    ? Discovery.resume(config, data.train(), run.checkpointFile(), limit, threadCount, proposers,
                        progress)
                    : Discovery.start(config, data.train(), settings, proposers, progress, run.checkpointFile());
                hook.searching(discovery);
                // only now: resuming checks the checkpoint against the data, and a refusal must be the only line
                if (llm.isEmpty() && !noLlm) {
                    progress.line("evosld: " + LlmSettings.NO_ENDPOINT_NOTICE);
                }
                if (task.isGiven()) {
                    task.firstFeatureNote(data).ifPresent(progress::line);
                    task.fixedFeatureNotes(data).forEach(progress::line);
                    task.ungroupedNote().ifPresent(progress::line);
                    task.sharedBudgetNote(data).ifPresent(progress::line);
                }
                TaskOptions.smallGroupNote(data).ifPresent(progress::line);
                // through the progress, which a terminal's bar is drawn by from its start
                progress.line("evosld: discovering a law for " + config.name() + " (" + discovery.settings().shape()
                    + ", seed " + discovery.settings().seed()
                    + (llmProposer != null ? ", proposers: classic forms and " + llmProposer.name() : "")
                    + "); run directory " + run.path()
                    + (resume != null ? "; resumed after generation " + discovery.generationsDone() : ""));
                result = discovery.run();
            }
            Map<String, Object> llmDocument = llmDocument(llm, llmProposer);
            Optional<Predictions> testPredictions = data.test().map(t -> Predictions.of(result.law(), t.table(),
                result.parameters()));
            Optional<R2> test = testPredictions.map(Predictions::r2);
            hook.writing();
            Map<String, Double> testRmse = RunRecorder.write(run, config, data.train(), source,
                source.checksum(task.dataDirectory()), discovery.settings(), result, testPredictions)
                .metrics().testRmse();
            Report.write(run, data);
            AtomicFiles.write(run.llmUsageFile(), Json.mapper().writeValueAsString(llmDocument));
            hook.finished();
            print(data, "csv".equals(source.kind()), run, discovery.settings(), result, test, testRmse, llmProposer,
                usage, llmDocument);
            return 0;
        }
    }

    /** Shows a finished run's saved result, as {@code discover} printed it when it finished, and writes nothing. */
    private void show(FinishedRun finished) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(finished.notice());
        finished.testChangedNote().ifPresent(err::println);
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, finished.document());
        } else {
            finished.print(out);
        }
    }

    private void print(TaskData data, boolean ownRuns, RunDirectory run, SearchSettings settings, SearchResult result,
                       Optional<R2> test, Map<String, Double> testRmse, LlmProposer llmProposer, LlmUsage usage,
                       Map<String, Object> llmDocument) {
        DiscoverySummary summary = DiscoverySummary.of(data, ownRuns, run, settings, result, test, testRmse,
            llmProposer == null ? Optional.empty() : Optional.of(usage.snapshot().summary().replaceFirst("^llm: ", "")
                + (resume != null ? " in this resumption (llm-usage.json counts the whole run)" : "")
                // said on stderr when it happened, far above; --json keeps it as disabled_by
                + llmProposer.disabledBy()
                    .map(reason -> "; asked no more in the run: " + reason.replaceFirst("^llm: ", "")).orElse("")));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = summary.document();
            document.put("llm", llmDocument);
            Output.json(out, document);
        } else {
            summary.print(out);
        }
    }

    private SearchSettings searchSettings(TaskConfig config, int threadCount, Duration limit) {
        SearchSettings settings = DEFAULTS.withEffort(config.search()).withSeed(seed).withThreads(threadCount)
            .withTimeLimit(limit);
        if (generations != null) {
            settings = settings.withGenerations(UsageException.atLeast("--generations", generations, 1));
        }
        if (population != null) {
            settings = settings.withPopulation(UsageException.atLeast("--population", population, 4));
        }
        if (islands != null) {
            settings = settings.withIslands(UsageException.atLeast("--islands", islands, 1));
        }
        if (restarts != null) {
            settings = settings.withRestarts(UsageException.atLeast("--restarts", restarts, 1));
        }
        if (llmEvery != null) {
            if (llmEvery < 0) {
                throw new UsageException("--llm-every must be at least 0, got " + llmEvery);
            }
            settings = settings.withProposerEvery(llmEvery);
        }
        return UsageException.individuals(settings);
    }

    /** Refuses a folder that holds a run: a new run would overwrite part of it and mix its files with its own. */
    private static void requireNoRun(RunDirectory run) {
        if (Files.isRegularFile(run.checkpointFile())) {
            throw new EvosldException(run.path() + " already holds a run; continue it with " + run.resumeCommand()
                + ", or give another --out");
        }
        if (run.holdsRun()) {
            throw new EvosldException(run.path() + " already holds a law (law.json); give another --out");
        }
    }

    private static void requireCheckpoint(RunDirectory run) {
        run.requireFolder();
        if (!Files.isRegularFile(run.checkpointFile())) {
            // kill -9 before the first checkpoint leaves the run's data.json and nothing to go on from
            String early = Files.isRegularFile(run.dataSourceFile()) && !run.holdsRun()
                ? ": the run stopped before its first checkpoint; start it again with evosld discover --out "
                    + ShellWords.quoted(run.path()) + " and its options"
                : "";
            throw new EvosldException(run.path() + ": no checkpoint.json to resume from" + early);
        }
    }

    /** The settings of the run to resume, which the command line may not contradict. */
    private SearchSettings resumedSettings(RunDirectory run, Duration limit, int threadCount) {
        SearchSettings planned = Discovery.plannedSettings(run.checkpointFile(), limit, threadCount);
        requireResumableWith(planned);
        return planned;
    }

    /**
     * Refuses search options that differ from those a resumed run started with: it continues as it began, so that
     * it ends with the law an uninterrupted run would have, and an option it would ignore must not look obeyed.
     */
    private void requireResumableWith(SearchSettings planned) {
        List<String> differences = new ArrayList<>();
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--seed") && seed != planned.seed()) {
            differences.add("--seed " + seed + " (the run's: " + planned.seed() + ")");
        }
        differ(differences, "--generations", generations, planned.generations());
        differ(differences, "--population", population, planned.population());
        differ(differences, "--islands", islands, planned.islands());
        differ(differences, "--restarts", restarts, planned.restarts());
        differ(differences, "--llm-every", llmEvery, planned.proposerEvery());
        if (!differences.isEmpty()) {
            // more generations is what a user most often wants of a run, finished or not
            throw new UsageException("a resumed run keeps the settings it started with, and these differ: "
                + String.join(", ", differences) + "; leave them out, or start a new run"
                + (generations != null && generations != planned.generations() ? ": one with --generations "
                    + generations + " searches that long, where a run goes on only as it began, to end with the law an"
                    + " uninterrupted run finds" : ""));
        }
    }

    /**
     * Refuses to resume with another LLM, or with one where the run had none, or without the run's: the laws it
     * proposes steer the search, so the run would end with a law that neither set of proposers gives.
     */
    /**
     * Refuses a resume given a user's CSV with another group column than the run read it with: its rows, grouped
     * otherwise, differ from the checkpoint's, which would be said as though the data had changed.
     */
    private static void requireSameGroups(DataSource recorded, DataSource given) {
        if ("csv".equals(recorded.kind()) && "csv".equals(given.kind())
            && !Objects.equals(recorded.group(), given.group())) {
            throw new UsageException("the run read its runs " + grouping(recorded) + ", this command "
                + grouping(given) + "; resume without the data options (the run recorded them) or with the ones it"
                + " started with");
        }
    }

    private static String grouping(DataSource source) {
        return source.group() == null ? "without --group" : "with --group " + source.group();
    }

    /**
     * Refuses to resume a run whose LLM asked otherwise than this command's would (another temperature, token limit or
     * number of laws a request): its requests after the checkpoint would differ from the uninterrupted run's, which its
     * cache could not replay, and the run would end with a law neither gives. The model is {@link #requireSameLlm}'s.
     */
    private void requireSameRequests(Map<String, Map<String, String>> recorded, Optional<LlmSettings> configured) {
        if (configured.isEmpty()) {
            return;
        }
        String name = "llm " + configured.get().model();
        Map<String, String> before = recorded.getOrDefault(name, Map.of());
        if (before.isEmpty()) {
            return;   // a checkpoint written before requests were recorded
        }
        List<String> differences = new ArrayList<>();
        LlmProposer.request(configured.get(), llmProposals != null ? llmProposals : LlmProposer.DEFAULT_PROPOSALS)
            .forEach((option, value) -> {
                if (before.containsKey(option)) {
                    differ(differences, option, value, before.get(option));
                }
            });
        if (!differences.isEmpty()) {
            throw new UsageException("the run asked " + name + " otherwise: " + String.join(", ", differences)
                + "; resume it with the run's, so that it ends as it would have");
        }
    }

    private static void requireSameLlm(Optional<List<String>> asked, Optional<LlmSettings> configured) {
        if (asked.isEmpty()) {
            return;
        }
        List<String> before = asked.get().stream().filter(name -> name.startsWith("llm ")).toList();
        Optional<String> now = configured.map(s -> "llm " + s.model());
        if (before.isEmpty() && now.isPresent()) {
            throw new UsageException("the run searched without an LLM, and " + now.get() + " is configured; resume it"
                + " with --no-llm, so that it ends as it would have");
        }
        if (!before.isEmpty() && (now.isEmpty() || !before.contains(now.get()))) {
            throw new UsageException("the run asked " + String.join(" and ", before) + " for laws"
                + now.map(n -> ", not " + n).orElse("") + "; resume it with the same endpoint and model (answers it"
                + " already had are replayed from its llm/ folder), so that it ends as it would have");
        }
    }

    private static <T> void differ(List<String> differences, String option, T given, T planned) {
        if (given != null && !given.equals(planned)) {
            differences.add(option + " " + given + " (the run's: " + planned + ")");
        }
    }

    /**
     * The LLM endpoint from the flags, the {@code --llm-config} file and the environment, in that order, with
     * the response cache in the run directory unless {@code --llm-cache} names another; empty with
     * {@code --no-llm} or when no layer names an endpoint.
     */
    private Optional<LlmSettings> llmSettings() {
        if (llmProposals != null && llmProposals < 1) {
            throw new UsageException("--llm-proposals must be at least 1, got " + llmProposals);
        }
        LlmOptions flags;
        try {
            flags = new LlmOptions(llmBaseUrl, null, llmModel, llmTemperature, llmMaxTokens, null, llmTimeout,
                llmRetries, llmCache);
        } catch (EvosldException e) {
            throw new UsageException(e.getMessage());
        }
        if (llmBaseUrl != null && !LlmSettings.isHttpUrl(llmBaseUrl)) {
            throw new UsageException("--llm-base-url '" + llmBaseUrl + "' is not an http or https URL"
                + LlmSettings.schemeHint(llmBaseUrl));
        }
        // the flags are checked beside --no-llm too: a bad value must not wait for the run that drops --no-llm
        if (noLlm) {
            return Optional.empty();
        }
        LlmOptions file = llmConfig != null ? LlmOptions.fromConfigFile(llmConfig) : LlmOptions.none();
        Optional<LlmSettings> settings = LlmSettings.resolve(flags, file, env);
        // a proxy variable that is no proxy URL is refused here, before the run makes its folder, not when the LLM
        // client is built
        settings.ifPresent(s -> EnvironmentProxies.from(env));
        return settings;
    }

    /**
     * The {@code llm} object of the JSON result and {@code llm-usage.json}: what the LLM cost and gave the whole run,
     * the parts before a resumption included.
     */
    private static Map<String, Object> llmDocument(Optional<LlmSettings> llm, LlmProposer proposer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("enabled", llm.isPresent());
        llm.ifPresent(s -> document.put("model", s.model()));
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = Json.mapper().convertValue(
            proposer == null ? LlmUsage.Snapshot.NONE : proposer.runUsage(), Map.class);
        counts.forEach((name, count) -> {
            document.put(name, count);
            if (name.equals("unusable_answers")) {
                // beside their count: each reason as stderr told it, once, when it first happened
                document.put("unusable_reasons", proposer == null ? Map.of() : proposer.runUnusableReasons());
            }
        });
        if (proposer != null) {
            proposer.disabledBy().ifPresent(reason -> document.put("disabled_by", reason));
        }
        return document;
    }

    private static String timeStamp() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    }
}
