package dev.evosld.suite;

import dev.evosld.json.Json;
import dev.evosld.run.AtomicFiles;
import dev.evosld.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes a benchmark's {@code bench.md} (for people, and for the README's table) and {@code bench.json} (the
 * same numbers for programs).
 */
public final class BenchReport {
    /** The Markdown report in the benchmark directory. */
    public static final String MARKDOWN = "bench.md";
    /** The JSON report in the benchmark directory. */
    public static final String JSON = "bench.json";

    private BenchReport() {
    }

    /** Writes both reports into {@code directory}, each atomically. */
    public static void write(Path directory, BenchResult result) {
        AtomicFiles.write(directory.resolve(JSON), json(result));
        AtomicFiles.write(directory.resolve(MARKDOWN), markdown(result));
    }

    /** The JSON document: {@link BenchResult} with snake_case keys. */
    public static String json(BenchResult result) {
        return Json.mapper().writeValueAsString(result) + "\n";
    }

    /** The Markdown report: a header saying where, when and how it ran, a table per task, then every law. */
    public static String markdown(BenchResult result) {
        StringBuilder md = new StringBuilder();
        Environment env = result.environment();
        BenchResult.Settings settings = result.settings();
        BenchResult.Counts counts = result.counts();
        md.append("# EvoSLD benchmark\n\n");
        md.append("- date: ").append(env.date()).append('\n');
        md.append("- EvoSLD: ").append(env.build()).append('\n');
        md.append("- machine: ").append(env.cores()).append(env.cores() == 1 ? " core, " : " cores, ")
            .append(env.os()).append(", Java ").append(env.java()).append('\n');
        List<SeedRun> runs = result.tasks().stream().flatMap(task -> task.runs().stream()).toList();
        md.append(String.format(Locale.ROOT, "- settings: %d %s (%s) per task, %s, %s, %s, %s%n",
            settings.seeds(), settings.seeds() == 1 ? "seed" : "seeds",
            settings.seeds() == 1 ? "0" : "0 to " + (settings.seeds() - 1),
            settings.search(),
            asRun(runs, duration(settings.timeLimitSeconds()),
                with -> with.timeLimitSeconds() == null ? null : duration(with.timeLimitSeconds()),
                limit -> limit == null ? "time limit not recorded" : "time limit " + limit + " per run", true),
            asRun(runs, String.valueOf(settings.threads()),
                with -> with.threads() == null ? null : String.valueOf(with.threads()),
                threads -> threads == null ? "threads not recorded"
                    : threads + (threads.equals("1") ? " thread" : " threads"), true),
            // joined by "and": a comma would run into the runs named after a value; law.json keeps the proposers of
            // every part of a resumed run
            asRun(runs, cell(String.join(" and ", settings.proposers())),
                with -> with.proposers() == null ? null : cell(String.join(" and ", with.proposers())),
                proposers -> proposers == null ? "proposers not recorded" : "proposers: " + proposers, false)));
        md.append("- data: ").append(settings.dataDirectory()).append('\n');
        md.append(String.format(Locale.ROOT, "- this invocation: %.1f s; runs %d ran, %d resumed, %d reused%n%n",
            result.wallSeconds(), counts.ran(), counts.resumed(), counts.reused()));

        md.append("Test R² is SLDBench's score on each task's held-out test split, computed once after the search; ")
            .append("validation R² is measured inside train, on the larger-scale rows held out (by cross-validation ")
            .append("for a task without a scale axis), and chose the law. ")
            .append("Mean, best and worst are over seeds; a seed whose R² failed (a prediction not finite) ")
            .append("is left out and counted. Times are per run. Test / validation RMSE is, per target, how far the ")
            .append("law missed on test over how far it missed on the validation rows: near 1, the validation RMSE ")
            .append("foretold the miss.\n\n");

        md.append("## Summary\n\n");
        md.append("| task | test R² mean | best | worst | validation R² mean | best | worst | params | human law | leaderboard best | s/run | candidates/s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TaskSummary task : result.tasks()) {
            TaskSummary.References refs = task.references();
            md.append("| ").append(task.task()).append(" | ")
                .append(stat(task.testR2())).append(" | ")
                .append(stat(task.validationR2())).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f", task.parameterCount())).append(" | ")
                .append(refs != null ? r2(refs.humanR2()) : "—").append(" | ")
                .append(refs != null ? r2(refs.leaderboardR2()) : "—").append(" | ")
                .append(seconds(task.seconds())).append(" | ")
                .append(rate(task.candidatesPerSecond())).append(" |\n");
        }
        BenchResult.Mean mean = result.mean();
        md.append("| **mean** | ").append(stat(mean.testR2())).append(" | ")
            .append(stat(mean.validationR2())).append(" | ")
            .append(String.format(Locale.ROOT, "%.1f", mean.parameterCount())).append(" | ")
            .append(r2(mean.humanR2())).append(" | ")
            .append(r2(mean.leaderboardR2())).append(" | ")
            .append(seconds(mean.seconds())).append(" | ")
            .append(rate(mean.candidatesPerSecond())).append(" |\n\n");

        md.append("## Laws\n");
        for (TaskSummary task : result.tasks()) {
            md.append("\n### ").append(task.task()).append("\n\n");
            if (task.references() != null) {
                TaskSummary.References refs = task.references();
                md.append("References: human law ").append(r2(refs.humanR2())).append(", leaderboard best ")
                    .append(r2(refs.leaderboardR2())).append(" (").append(cell(refs.source())).append(").\n\n");
            }
            md.append("| seed | law | params | validation R² | test R² | test / validation RMSE | s | candidates/s | generations | run |\n");
            md.append("|---:|---|---:|---:|---:|---:|---:|---:|---|---|\n");
            for (SeedRun run : task.runs()) {
                md.append("| ").append(run.seed())
                    .append(" | `").append(cell(run.law())).append('`')
                    .append(" | ").append(run.parameterCount())
                    .append(" | ").append(r2(run.validationR2()))
                    .append(" | ").append(run.testR2() != null ? r2(run.testR2())
                        : "failed" + (run.testFailure() != null ? " (" + cell(run.testFailure()) + ")" : ""))
                    .append(" | ").append(rmseRatios(run))
                    .append(" | ").append(seconds(run.seconds()))
                    .append(" | ").append(rate(run.candidatesPerSecond()))
                    .append(" | ").append(run.generations() != null ? run.generations() : "—")
                    .append(run.stoppedBy() != null && !run.stoppedBy().equals(SearchResult.BY_GENERATIONS) ? " (" + run.stoppedBy() + ")" : "")
                    .append(" | ").append(run.status().label()).append(madeBy(run, env))
                    .append(" |\n");
            }
        }
        return md.toString();
    }

    /**
     * Which EvoSLD made a run, where another than the one the header names: a run reused from an earlier build's
     * folder holds that build's law and scores.
     */
    private static String madeBy(SeedRun run, Environment env) {
        if (run.build() == null) {
            return run.status() == SeedRun.Status.REUSED ? ", build unknown" : "";
        }
        return run.build().equals(env.build()) ? "" : " from " + cell(run.build());
    }

    /**
     * A setting of the header as the runs ran with it: runs reused from an earlier invocation may have had another time
     * limit, thread count or proposers than this one's. The value most runs had (this invocation's where as many had
     * another, and where there are no runs), then, in brackets, each other value with the runs that had it, not recorded
     * for runs finished before it was: {@code time limit 5 min per run (10 min for vocab_scaling_law seed 0)}. A
     * setting of one invocation is a resumed run's last part's alone, as a checkpoint keeps none, so such a run counts
     * with its last part's value and is named as not recorded before it was resumed.
     *
     * @param invocation this invocation's value, as {@code value} gives it
     * @param value a run's value as text, null when unknown
     * @param phrase the setting's words around a value (null for unknown)
     * @param perInvocation whether the setting is an invocation's rather than the run's over all its parts
     */
    private static String asRun(List<SeedRun> runs, String invocation, Function<SeedRun.RanWith, String> value,
                                Function<String, String> phrase, boolean perInvocation) {
        Map<String, List<SeedRun>> byValue = new LinkedHashMap<>();
        byValue.put(invocation, new ArrayList<>());
        for (SeedRun run : runs) {
            byValue.computeIfAbsent(run.ranWith() == null ? null : value.apply(run.ranWith()), v -> new ArrayList<>())
                .add(run);
        }
        // strictly more: a tie keeps this invocation's value, the first key, in front
        String most = invocation;
        for (Map.Entry<String, List<SeedRun>> entry : byValue.entrySet()) {
            if (entry.getValue().size() > byValue.get(most).size()) {
                most = entry.getKey();
            }
        }
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, List<SeedRun>> entry : byValue.entrySet()) {
            if (!Objects.equals(entry.getKey(), most) && !entry.getValue().isEmpty()) {
                others.add((entry.getKey() == null ? "not recorded" : entry.getKey()) + " for " + runNames(entry.getValue()));
            }
        }
        List<SeedRun> resumed = runs.stream().filter(run -> perInvocation && run.ranWith() != null
            && run.ranWith().knownResumed() && value.apply(run.ranWith()) != null).toList();
        if (!resumed.isEmpty()) {
            others.add("not recorded for " + runNames(resumed) + " before " + (resumed.size() == 1 ? "it was" : "they were")
                + " resumed");
        }
        return phrase.apply(most) + (others.isEmpty() ? "" : " (" + String.join("; ", others) + ")");
    }

    /** {@code vocab_scaling_law seed 0 and sft_scaling_law seeds 1, 2}. */
    private static String runNames(List<SeedRun> runs) {
        Map<String, List<String>> seeds = new LinkedHashMap<>();
        runs.forEach(run -> seeds.computeIfAbsent(run.task(), task -> new ArrayList<>()).add(String.valueOf(run.seed())));
        List<String> names = new ArrayList<>();
        seeds.forEach((task, list) -> names.add(task + (list.size() == 1 ? " seed " : " seeds ") + String.join(", ", list)));
        return String.join(" and ", names);
    }

    /** Mean, best and worst as three table cells. */
    private static String stat(Stat stat) {
        String failed = stat.failed() > 0 ? " (" + stat.failed() + " failed)" : "";
        return r2(stat.mean()) + failed + " | " + r2(stat.best()) + " | " + r2(stat.worst());
    }

    // five decimals: the references differ in the fourth (0.99989 against 0.99997)
    static String r2(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.5f", value);
    }

    private static String seconds(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Per target, test RMSE over validation RMSE, to two decimals; a dash when either is unknown. */
    private static String rmseRatios(SeedRun run) {
        if (run.validationRmse() == null || run.testRmse() == null) {
            return "—";
        }
        List<String> ratios = new ArrayList<>();
        run.testRmse().forEach((target, test) -> {
            Double validation = run.validationRmse().get(target);
            ratios.add(validation == null || validation == 0 ? "—" : String.format(Locale.ROOT, "%.2f", test / validation));
        });
        return String.join(" / ", ratios);
    }

    private static String rate(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String duration(double seconds) {
        if (seconds % 60 == 0 && seconds >= 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.0f s", seconds);
    }

    /** Text made safe for a Markdown table cell (and inline code): one line, no pipes or backticks. */
    private static String cell(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replace("|", "\\|").replace("`", "'");
    }
}
