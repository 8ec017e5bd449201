package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.Version;
import dev.evosld.data.MessageText;
import dev.evosld.data.NumberText;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.fit.Loss;
import dev.evosld.fit.TargetFit;
import dev.evosld.law.Law;
import dev.evosld.law.ReadableSigns;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.Evaluation;
import dev.evosld.search.ExtrapolationCheck;
import dev.evosld.search.SearchSettings;
import dev.evosld.search.ValidationPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evosld fit}: fits a law's parameters per group on train and scores it on test, if there is one. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fits a law per group on train (bounded L-BFGS-B, multi-start) and scores it on test (if the data"
        + " has a test split).")
final class FitCommand implements Callable<Integer> {

    @Mixin
    TaskOptions task;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LawChoice lawChoice;

    static final class LawChoice {
        @Option(names = "--law", paramLabel = "FORMULA|human",
            description = "The law in EvoSLD's law language, or 'human' for the task's human-designed law.")
        String law;

        @Option(names = "--law-file", converter = NonEmptyPathConverter.class, paramLabel = "JSON",
            description = "A law.json (from export --format json or a run directory); without --task or --data, the law is"
                + " fitted to the data its run recorded.")
        Path lawFile;
    }

    @Option(names = "--out", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
        description = "Also write a run directory (law.json) that export and report read.")
    Path out;

    @Option(names = "--starts", defaultValue = "" + SearchSettings.FINAL_STARTS, paramLabel = "N", description = "Starts per group and target, in the fit on all of train and in each validation fold's (default: ${DEFAULT-VALUE}; at most " + FitOptions.MOST_STARTS + ").")
    int starts;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the start points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores). The result does not depend on it.")
    Integer threads;

    @Option(names = "--loss", defaultValue = "squared", converter = LossConverter.class, paramLabel = "squared|huber",
        description = "Loss (default: ${DEFAULT-VALUE}).")
    Loss loss;

    @Option(names = "--no-projection", description = "Search linear parameters too, instead of solving them by least squares.")
    boolean noProjection;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** The most groups whose parameters the table on stdout shows. */
    static final int SHOWN_GROUPS = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UsageException.starts(starts);
        int threadCount = threads != null ? UsageException.threads(threads)
            : Runtime.getRuntime().availableProcessors();
        if (out != null) {
            new RunDirectory(out).requireNotAFile();
        }
        if (out != null && new RunDirectory(out).holdsRun()) {
            throw new EvosldException(out + " already holds a run; give another --out");
        }
        LawDocument lawDocument = lawChoice.lawFile != null ? LawDocument.read(lawChoice.lawFile) : null;
        TaskData data = task.isGiven() ? task.load()
            : requireRecorded(lawDocument).recordedData(task.dataDirectory(), lawChoice.lawFile);
        DataSource source = task.isGiven() ? task.dataSource(data) : lawDocument.provenance().data();
        TaskConfig config = data.config();
        List<String> otherColumns = task.isGiven() ? task.otherColumns() : List.of();
        Law parsed = lawDocument != null
            ? LawSource.of(lawDocument, lawChoice.lawFile, config, otherColumns)
            : LawSource.resolve(lawChoice.law, config, otherColumns);
        if (task.isGiven()) {
            task.requireNoTestOnlyColumn(parsed, lawDocument != null ? lawChoice.lawFile.toString() : "--law");
        }
        PrintWriter err = spec.commandLine().getErr();
        LawSource.nonPositiveNotes(parsed, config, data.train().table()).forEach(err::println);
        if (task.isGiven()) {
            task.firstFeatureNote(data).ifPresent(err::println);
            task.fixedFeatureNotes(data).forEach(err::println);
            task.ungroupedNote().ifPresent(err::println);
        } else if (lawDocument.dataChangedSince(task.dataDirectory())) {
            err.println(Output.dataChangedNote(lawDocument));
        }
        int perGroup = parsed.parameterCount() * config.targets().size();
        if (perGroup > config.parameterBudget()) {
            err.println("evosld: note: the law has " + perGroup + " parameters per group, over the task's budget of "
                + config.parameterBudget());
        }
        FitOptions options = FitOptions.defaults().withStarts(starts).withSeed(seed).withLoss(loss)
            .withVariableProjection(!noProjection).withBounds(config.bounds());
        long started = System.nanoTime();
        FittedLaw fitted = FittedLaw.fit(parsed, data.train().table(), options, threadCount,
            lawDocument == null ? null : recordedStart(lawDocument, lawChoice.lawFile, parsed, config.targets()));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (fitted.failure().isPresent()) {
            TargetFit failure = fitted.failure().get();
            throw new EvosldException("fit failed for group '" + failure.group() + "', target '"
                + failure.target() + "': " + failure.failure());
        }
        LawSource.constantNote(parsed, config).ifPresent(err::println);
        LawSource.unusedNote(parsed, config).ifPresent(err::println);
        ParameterSet parameters = fitted.parameters();
        // the yardstick discovery chooses by, so a user's law and a discovered one compare without test; its folds
        // fitted as thoroughly as train was, and the search's quicker verdict kept to say when the two disagree
        ExtrapolationCheck.Judgement judgement = ExtrapolationCheck.judgeFitted(config, data.train(), parsed, options,
            parameters, threadCount);
        ExtrapolationCheck.Judgement quick = ExtrapolationCheck.judge(config, data.train(), parsed, seed);
        boolean startDependent = judgement.differsFrom(quick);
        Evaluation validation = judgement.evaluation();
        Map<String, Double> validationRmse = judgement.rmse() == null ? null : judgement.rmse().byTarget();
        Optional<ValidationPlan> plan = validationPlan(config, data, seed);
        Map<String, String> unchecked = DiscoverySummary.unchecked(data, "csv".equals(source.kind()), parsed,
            parameters);
        Predictions train = Predictions.of(parsed, data.train().table(), parameters);
        Optional<Predictions> test = data.test().map(t -> Predictions.of(parsed, t.table(), parameters));
        Optional<R2> testR2 = test.map(Predictions::r2);
        Map<String, Double> testRmse = test.flatMap(Predictions::finiteRootMeanSquaredErrors).orElse(null);
        // fitted as given, reported as people write it: the same parameters, the same values
        Law written = ReadableSigns.of(parsed);
        if (out != null) {
            LawDocument.Metrics metrics = new LawDocument.Metrics(value(train.r2()),
                validation.isFailure() ? null : validation.validationR2(), validationRmse,
                testR2.map(FitCommand::value).orElse(null), testRmse,
                test.isPresent(), written.parameterCount(), written.expr().size(),
                validation.isFailure() ? validation.failure() : null);
            LawDocument.Provenance provenance = new LawDocument.Provenance("fit", source,
                source.checksum(task.dataDirectory()), seed, Instant.now().toString());
            LawDocument document = LawDocument.of(Version.current(), config.name(), written, parameters,
                data.train().table(), metrics, provenance);
            document.write(new RunDirectory(out).lawFile());
            err.println("evosld: wrote " + new RunDirectory(out).lawFile());
        }
        String everyGroup = out != null ? "all of them in " + new RunDirectory(out).lawFile()
            : "--out DIR writes all of them to DIR/law.json; --json prints them";
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("task", config.name());
            document.put("law", written.toString());
            document.put("parameter_count", parsed.parameterCount());
            document.put("parameters", parameters.toMap());
            Output.putR2(document, "train_r2", train.r2());
            Output.putTestR2(document, testR2);
            document.put("test_rmse", testRmse);
            document.put("validation_r2", validation.isFailure() ? null : validation.validationR2());
            document.put("validation_rmse", validationRmse);
            document.put("holdout", plan.map(p -> Output.holdoutUsed(config, p)).orElse(config.holdout().spec()));
            document.put("unchecked_beyond_data", unchecked);
            if (validation.isFailure()) {
                document.put("validation_failure", validation.failure());
            }
            document.put("validation_start_dependent", startDependent);
            document.put("search_validation_r2", quick.evaluation().isFailure() ? null : quick.evaluation().validationR2());
            if (quick.evaluation().isFailure()) {
                document.put("search_validation_failure", quick.evaluation().failure());
            }
            document.put("groups", EvalCommand.groupErrors(train, test));
            // in the order written at every run, which a Map.of's is not
            Map<String, Object> fit = new LinkedHashMap<>();
            fit.put("starts", starts);
            fit.put("seed", seed);
            fit.put("loss", loss.name().toLowerCase(Locale.ROOT));
            fit.put("iterations", fitted.iterations());
            fit.put("evaluations", fitted.evaluations());
            fit.put("seconds", seconds);
            fit.put("group_fits", fitted.startAgreement().fits());
            fit.put("single_start_optima", fitted.startAgreement().singleStart());
            document.put("fit", fit);
            Output.json(out, document);
        } else {
            out.println("task:       " + config.name());
            out.println("law:        " + written);
            out.println("parameters: " + Output.parameterCount(parsed.parameterCount(), config.targets().size()));
            printParameters(out, parameters, config.targets(), everyGroup);
            out.println("train R²:   " + Output.r2(train.r2()));
            out.println("test R²:    " + Output.testR2(testR2, DiscoverySummary.FIT_ON_EVERY_ROW) + Output.testMisses(testRmse));
            out.println("validation: " + (validation.isFailure() ? "fails: " + validation.failure()
                : "R² " + R2.text(validation.validationR2()) + " (inside train, "
                    + Output.validationScheme(config, plan.orElseThrow()) + ", as discover judges laws)"));
            if (judgement.rmse() != null) {
                out.println("            " + Output.validationMisses(judgement.rmse(), validation.validationR2()));
            }
            unchecked.forEach((feature, why) -> out.println("unchecked:  " + Output.unchecked(feature, why)));
            if (startDependent) {
                Evaluation fast = quick.evaluation();
                out.println("            start-dependent: fitted from the search's " + SearchSettings.defaults().validationStarts()
                    + " generic starts alone, the folds "
                    + (fast.isFailure() ? "fail it (" + fast.failure() + ")" : "give R² " + R2.text(fast.validationR2())));
            }
            if (parsed.parameterCount() == 0) {
                out.println("fit:        none (the law has no parameters to fit; its constants are used as written)");
            } else {
                out.printf(Locale.ROOT, "fit:        %d start%s per group%s, %d iteration%s, %d evaluation%s, %.2f s%n",
                    starts, starts == 1 ? "" : "s", config.targets().size() > 1 ? " and target" : "", fitted.iterations(), fitted.iterations() == 1 ? "" : "s",
                    fitted.evaluations(), fitted.evaluations() == 1 ? "" : "s", seconds);
            }
            Output.startAgreement(fitted.startAgreement(), moreStarts(starts))
                .ifPresent(note -> out.println("            " + note));
            out.flush();
        }
        return 0;
    }

    /**
     * What may find better optima than {@code starts} did, for a fit whose starts disagreed: four times as many, up to
     * the most a fit takes, and past that other start points.
     */
    static String moreStarts(int starts) {
        return starts < FitOptions.MOST_STARTS ? "--starts " + Math.min(4L * starts, FitOptions.MOST_STARTS)
            : "another --seed";
    }

    /** The validation plan the law was judged by; empty when train cannot be validated, which the judgement says. */
    private static Optional<ValidationPlan> validationPlan(TaskConfig config, TaskData data, long seed) {
        try {
            return Optional.of(ValidationPlan.of(config, data.train(), seed));
        } catch (EvosldException e) {
            return Optional.empty();
        }
    }

    /**
     * The values the law file records, as the first start of the refit, so that it fits at least as well as the run
     * it reads (a discovered law's values come from a search no set of generic starts repeats): ordered as the
     * parsed law's parameters and the data's targets; null when the file's parameters or targets are not those.
     */
    private static ParameterSet recordedStart(LawDocument document, Path file, Law law, List<String> targets) {
        ParameterSet recorded = document.parameterSet(file.toString());
        if (!recorded.names().containsAll(law.parameters()) || !recorded.targets().containsAll(targets)) {
            return null;
        }
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (String group : recorded.groups()) {
            double[][] perTarget = new double[targets.size()][];
            for (int t = 0; t < targets.size(); t++) {
                double[] given = recorded.values(group, recorded.targets().indexOf(targets.get(t)));
                perTarget[t] = law.parameters().stream().mapToDouble(name -> given[recorded.names().indexOf(name)])
                    .toArray();
            }
            values.put(group, perTarget);
        }
        return ParameterSet.of(law.parameters(), targets, values);
    }

    /**
     * The law file, when the command line names no data and the file records its run's: a discovered law is refitted
     * with {@code fit --law-file DIR/law.json} alone.
     */
    private LawDocument requireRecorded(LawDocument lawDocument) {
        if (lawDocument == null || lawDocument.provenance() == null || lawDocument.provenance().data() == null) {
            throw new ParameterException(spec.commandLine(), "Missing required argument: --task=TASK, or --data=CSV"
                + " with --features and --target (or a --law-file whose run recorded its data)");
        }
        return lawDocument;
    }

    private static Double value(R2 r2) {
        return r2.isFailure() ? null : r2.value();
    }

    /**
     * Prints the parameters of the first {@value #SHOWN_GROUPS} groups, a line per group and target, then how many
     * groups are left out and where all of them are ({@code whereAll}), so that thousands of groups do not bury
     * the scores under them; nothing for a law without parameters.
     */
    static void printParameters(PrintWriter out, ParameterSet parameters, List<String> targets, String whereAll) {
        if (parameters.names().isEmpty()) {
            // a group's line would be its name alone; the fit line says the law has nothing to fit
            return;
        }
        List<String> groups = parameters.groups();
        for (String group : groups.subList(0, Math.min(groups.size(), SHOWN_GROUPS))) {
            for (int t = 0; t < targets.size(); t++) {
                StringBuilder line = new StringBuilder("  ").append(MessageText.escaped(group));
                if (targets.size() > 1) {
                    line.append(" / ").append(targets.get(t));
                }
                line.append(":");
                double[] values = parameters.values(group, t);
                for (int k = 0; k < values.length; k++) {
                    line.append(' ').append(parameters.names().get(k)).append('=').append(NumberText.rounded(values[k], 6));
                }
                out.println(line);
            }
        }
        if (groups.size() > SHOWN_GROUPS) {
            out.println("  ... and " + (groups.size() - SHOWN_GROUPS) + " more groups (" + whereAll + ")");
        }
    }
}
