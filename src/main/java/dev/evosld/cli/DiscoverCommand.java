package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.json.Json;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.ClassicForms;
import dev.evosld.search.Discovery;
import dev.evosld.search.ParetoEntry;
import dev.evosld.search.RunRecorder;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evosld discover}: searches for a law that extrapolates, and writes a run directory. */
@Command(name = "discover", mixinStandardHelpOptions = true,
    description = "Discovers a law by genetic programming, chosen by extrapolation inside train, scored once on test.")
final class DiscoverCommand implements Callable<Integer> {
    private static final SearchSettings DEFAULTS = SearchSettings.defaults();

    @Mixin
    TaskOptions task;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--generations", paramLabel = "N", description = "Generations (default: " + 60 + ").")
    Integer generations;

    @Option(names = "--population", paramLabel = "N", description = "Individuals per island (default: " + 96 + ").")
    Integer population;

    @Option(names = "--islands", paramLabel = "N", description = "Island populations (default: 2).")
    Integer islands;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Stop after this long, e.g. 90s, 5m (default: 5m). A run stopped by time is not reproducible bit for bit.")
    Duration timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Threads fitting candidates (default: all cores); does not change the result.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "The run directory (default: results/<task>/<seed>-<time>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its checkpoint.")
    Path resume;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TaskData data = task.load();
        TaskConfig config = data.config();
        PrintWriter err = spec.commandLine().getErr();
        RunDirectory run = new RunDirectory(resume != null ? resume : out != null ? out : defaultDirectory(config));
        List<Proposer> proposers = List.of(new ClassicForms());
        int threadCount = threads != null ? threads : DEFAULTS.threads();
        Duration limit = timeLimit != null ? timeLimit : DEFAULTS.timeLimit();
        Discovery discovery;
        SearchProgress progress;
        if (resume != null) {
            if (!Files.isRegularFile(run.checkpointFile())) {
                throw new EvosldException(resume + ": no checkpoint.json to resume from");
            }
            progress = new SearchProgress(err, config.name(), Discovery.plannedGenerations(run.checkpointFile()), interactive());
            discovery = Discovery.resume(config, data.train(), run.checkpointFile(), limit, threadCount, proposers, progress);
        } else {
            SearchSettings settings = DEFAULTS.withSeed(seed).withThreads(threadCount).withTimeLimit(limit);
            if (generations != null) {
                settings = settings.withGenerations(generations);
            }
            if (population != null) {
                settings = settings.withPopulation(population);
            }
            if (islands != null) {
                settings = settings.withIslands(islands);
            }
            progress = new SearchProgress(err, config.name(), settings.generations(), interactive());
            discovery = Discovery.start(config, data.train(), settings, proposers, progress, run.checkpointFile());
        }
        err.println("evosld: discovering a law for " + config.name() + " (" + discovery.settings().generations()
            + " generations, " + discovery.settings().islands() + " islands of " + discovery.settings().population()
            + ", seed " + discovery.settings().seed() + "); run directory " + run.path());
        Thread hook = new Thread(() -> discovery.checkpointWriter().ifPresent(Runnable::run), "evosld-checkpoint");
        Runtime.getRuntime().addShutdownHook(hook);
        SearchResult result;
        try (progress) {
            result = discovery.run();
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        R2 test = Predictions.of(result.law(), data.test().table(), result.parameters()).r2();
        RunRecorder.write(run, config, task.dataSource(), task.dataSource().checksum(task.dataDirectory()),
            discovery.settings(), result, test);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, document(config, run, discovery.settings(), result, test));
        } else {
            out.println("task:          " + config.name());
            out.println("law:           " + result.law());
            out.println("parameters:    " + result.law().parameterCount() + " per group" + (config.targets().size() > 1 ? " and target" : ""));
            FitCommand.printParameters(out, result.parameters(), config.targets());
            out.printf(Locale.ROOT, "train R²:      %.6f%n", result.trainR2());
            out.printf(Locale.ROOT, "validation R²: %.6f (inside train, the larger-scale rows held out)%n", result.evaluation().validationR2());
            out.println("test R²:       " + Output.r2(test));
            if (config.references() != null) {
                out.printf(Locale.ROOT, "references:    human law %.4f, leaderboard best %.4f%n",
                    config.references().humanR2(), config.references().leaderboardR2());
            }
            out.printf(Locale.ROOT, "search:        %d generations (stopped by %s), %d candidates fitted, %.0f/s, %.1f s%n",
                result.generations(), result.stoppedBy(), result.candidatesFitted(), result.candidatesPerSecond(), result.seconds());
            out.println("run directory: " + run.path());
            out.flush();
        }
        return 0;
    }

    private static boolean interactive() {
        return System.console() != null;
    }

    private static Path defaultDirectory(TaskConfig config) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        return Path.of("results", config.name(), stamp);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private Map<String, Object> document(TaskConfig config, RunDirectory run, SearchSettings settings, SearchResult result, R2 test) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task", config.name());
        document.put("law", result.law().toString());
        document.put("parameter_count", result.law().parameterCount());
        document.put("parameters", result.parameters().toMap());
        document.put("train_r2", finite(result.trainR2()));
        document.put("validation_r2", result.evaluation().validationR2());
        Output.putR2(document, "test_r2", test);
        if (config.references() != null) {
            document.put("human_r2", config.references().humanR2());
            document.put("leaderboard_r2", config.references().leaderboardR2());
        }
        document.put("seed", settings.seed());
        document.put("generations", result.generations());
        document.put("stopped_by", result.stoppedBy());
        document.put("candidates_fitted", result.candidatesFitted());
        document.put("candidates_per_second", result.candidatesPerSecond());
        document.put("cache_hits", result.cacheHits());
        document.put("seconds", result.seconds());
        document.put("run_dir", run.path().toString());
        List<Map<String, Object>> front = new ArrayList<>();
        ParetoEntry.of(result).forEach(e -> front.add(Json.mapper().convertValue(e, Map.class)));
        document.put("pareto_front", front);
        return document;
    }
}
