package dev.evosld.cli;

import dev.evosld.data.CsvWriter;
import dev.evosld.data.DataException;
import dev.evosld.data.GroupNames;
import dev.evosld.data.MessageText;
import dev.evosld.data.NumberText;
import dev.evosld.data.PlannedRuns;
import dev.evosld.data.TaskConfig;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.RunPredictions;
import dev.evosld.law.Law;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evosld predict}: what a run's fitted law predicts for runs not yet made. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predicts the targets of new runs (a CSV of them, or one given with --at) with a run's fitted law.")
final class PredictCommand implements Callable<Integer> {
    /** The group column of SLDBench tasks, and of runs from a CSV that had none. */
    private static final String GROUP_COLUMN = "group";
    /**
     * How far beyond a group's largest value discover and fit check that a law keeps its trend, along the scale axes
     * and the features the targets fall with (the search's {@code CandidateScorer.PROBE_FACTORS}, largest).
     */
    private static final double CHECKED_FACTOR = 10;
    /** Significant digits of a prediction shown on a terminal, as fit shows a fitted value. */
    private static final int SHOWN_DIGITS = 6;
    /** Notes printed about runs outside the train range before the rest are only counted. */
    private static final int MAX_NOTES = 10;

    @Option(names = "--run", converter = NonEmptyPathConverter.class, required = true, paramLabel = "DIR",
        description = "A run directory (holding law.json).")
    Path run;

    @ArgGroup(multiplicity = "1")
    Runs runs;

    static final class Runs {
        @Option(names = "--runs", converter = NonEmptyPathConverter.class, paramLabel = "CSV",
            description = "A CSV with a column for each feature the law uses, and a group column when the law's parameters"
                + " differ by group; other columns are ignored.")
        Path file;

        @Option(names = "--at", paramLabel = "COL=VALUE[,COL=VALUE...]",
            description = "One run, e.g. N=1e10,D=2e11.")
        String at;
    }

    @Option(names = "--group", paramLabel = "NAME",
        description = "The group of the --at run (default: the law's only group).")
    String group;

    @Option(names = "--out", converter = NonEmptyPathConverter.class, paramLabel = "FILE",
        description = "Write the predictions as CSV to FILE instead of stdout.")
    Path out;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--target-range", paramLabel = "LOW,HIGH",
        description = "The values the target can take at all, e.g. 0,1 for an accuracy, or -inf,inf for any value; a"
            + " prediction outside them is noted (default: those the run's task or its --target-range gave; without"
            + " either, a target positive in every train row is taken to stay so).")
    String targetRange;

    @Spec
    CommandSpec spec;

    /** The features of the data the law was fitted to, which a run may name; none when the run does not say. */
    private static List<String> dataFeatures(LawDocument document) {
        DataSource source = document.provenance() == null ? null : document.provenance().data();
        return source == null ? List.of() : source.featureNames().orElse(List.of());
    }

    @Override
    public Integer call() {
        RunDirectory directory = RunDirectory.existing(run);
        if (out != null && directory.isRecord(out)) {
            throw new UsageException("--out " + out + ": that file is one of the run's own records; name another");
        }
        if (out != null && runs.file != null && AtomicFiles.sameFile(out, runs.file)) {
            throw new UsageException("--out " + out + ": that is the --runs file, which the predictions would replace"
                + " (its other columns lost); name another");
        }
        if (out != null) {
            AtomicFiles.requireWritable(out);   // before the notes on the runs, which a refusal would follow
        }
        Optional<TaskConfig.Bound> givenRange = Optional.ofNullable(TaskOptions.range(targetRange));
        // the law as written, which the user reads and the exports compute: a file of an older version may hold the
        // search's form, A / (N / N) + B / D^b, which asks for N and is NaN at N = 0 where A + B / D^b is not
        LawDocument document = directory.readLaw().withWrittenLaw();
        ExportCommand.requireNotTheRunsData(document, out);
        Law law = document.parsedLaw();
        ParameterSet parameters = document.parameterSet(directory.lawFile().toString());
        List<String> features = RunPredictions.variablesUsed(law);
        String groupColumn = groupColumn(document);
        // a law without parameters predicts alike for every group, so any group's (empty) values serve
        String onlyGroup = parameters.groups().size() == 1 || law.parameterCount() == 0 ? parameters.groups().getFirst()
            : null;
        PlannedRuns planned;
        if (runs.file != null) {
            if (group != null) {
                throw new UsageException("--group goes with --at; a --runs file names each run's group in its '"
                    + groupColumn + "' column");
            }
            // a user's runs fitted without --group are one group, whatever a column of that name holds
            planned = PlannedRuns.read(runs.file, features, fittedAsOneGroup(document) ? null : groupColumn, onlyGroup);
        } else {
            String runGroup = groupOfAt(parameters, onlyGroup);
            List<String> unused = dataFeatures(document).stream().filter(f -> !features.contains(f)).toList();
            try {
                planned = PlannedRuns.single(runs.at, features, unused, runGroup);
            } catch (DataException e) {
                throw new UsageException(e.getMessage());
            }
            List<String> ignored = planned.ignored();
            if (!ignored.isEmpty()) {
                spec.commandLine().getErr().println("evosld: note: the law does not use " + String.join(" or ", ignored)
                    + ", so " + (ignored.size() == 1 ? "its value is" : "their values are") + " ignored");
            }
        }
        double[][] predicted = RunPredictions.of(law, planned, parameters);
        List<List<String>> beyond = beyondTrain(planned, document, parameters.groups().size() > 1);
        reportBeyond(planned, beyond);
        List<List<String>> impossible = impossible(predicted, parameters.targets(), document, givenRange);
        reportImpossible(planned, impossible);
        Map<String, Double> validationRmse = document.metrics() == null ? null : document.metrics().validationRmse();
        String validationFailure = document.metrics() == null ? null : document.metrics().validationFailure();
        if (beyond.stream().anyMatch(phrases -> !phrases.isEmpty())) {
            reportValidationMisses(validationRmse);
            reportValidationFailure(validationFailure);
        }
        List<String> header = new ArrayList<>();
        header.add(groupColumn);
        header.addAll(features);
        header.addAll(parameters.targets());
        List<List<Object>> rows = rows(planned, predicted);
        if (out != null) {
            AtomicFiles.write(out, csv(header, rows));
            PrintWriter err = spec.commandLine().getErr();
            err.println("evosld: wrote " + out + " (" + rows.size() + (rows.size() == 1 ? " run)" : " runs)"));
            err.flush();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("task", document.task());
            result.put("law", document.writtenLaw());
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> entry = entry(header, rows.get(i));
                if (!beyond.get(i).isEmpty()) {
                    entry.put("beyond_train", beyond.get(i));
                }
                if (!impossible.get(i).isEmpty()) {
                    entry.put("outside_possible_values", impossible.get(i));
                }
                entries.add(entry);
            }
            result.put("predictions", entries);
            if (validationRmse != null) {
                result.put("validation_rmse", validationRmse);
            }
            if (validationFailure != null) {
                result.put("validation_failure", validationFailure);
            }
            Output.json(stdout, result);
        } else if (out == null) {
            stdout.print(text(header, rows, parameters.targets().size(), ProgressDisplay.stdoutIsTerminal()));
            stdout.flush();
        }
        return 0;
    }

    /**
     * Per run, how it lies outside the range of the rows the law was fitted on, one phrase per feature: a
     * prediction there is an extrapolation, which is what the law was chosen for, but how far it reaches is
     * the user's to weigh (the search probed its scale axes to {@code 10×} the largest value).
     */
    private static List<List<String>> beyondTrain(PlannedRuns planned, LawDocument document, boolean groups) {
        List<List<String>> beyond = new ArrayList<>();
        DataSource source = document.provenance() == null ? null : document.provenance().data();
        List<String> checked = source == null ? null : source.checkedBeyondData().orElse(null);
        for (PlannedRuns.Run run : planned.runs()) {
            List<String> phrases = new ArrayList<>();
            double[] values = run.values();
            Map<String, LawDocument.Range> ranges = document.rangesOf(run.group());
            String train = groups && document.groupRanges().containsKey(run.group())
                ? "its group's train" : "train";
            for (int j = 0; j < values.length; j++) {
                String feature = planned.features().get(j);
                LawDocument.Range range = ranges.get(feature);
                if (range == null) {
                    continue;
                }
                // the value as the user gave it; the train bounds only for orientation
                String given = feature + " = " + NumberText.of(values[j]);
                if (range.min() == range.max() && values[j] != range.max()) {
                    // one value in train: its parameters fit an offset there, not how the target moves with the feature
                    phrases.add(given + " differs from the only value in " + train + " ("
                        + NumberText.rounded(range.max(), 4) + "), so the fit never saw " + feature
                        + " vary there and the law's dependence on it is a guess");
                } else if (values[j] > range.max()) {
                    boolean byFactors = growsByFactors(document.trainRanges().getOrDefault(feature, range));
                    String how = !byFactors ? " is " + Output.shortNumber(values[j] - range.max()) + " above"
                        : range.max() > 0 ? " is " + Output.shortNumber(values[j] / range.max()) + "×" : " is above";
                    phrases.add(given + how + " the largest in " + train + " (" + bound(range.max(), values[j]) + ")"
                        + unchecked(feature, values[j], range, byFactors, checked));
                } else if (values[j] < range.min()) {
                    phrases.add(given + " is below the smallest in " + train + " ("
                        + bound(range.min(), values[j]) + ")");
                }
            }
            beyond.add(phrases);
        }
        return beyond;
    }

    /**
     * Where a value above the largest in train lies beyond what the law was checked at: past {@link #CHECKED_FACTOR}
     * times that largest value of a size or a count the check pushed, past that largest value plus the step of
     * log10({@link #CHECKED_FACTOR}) of a logarithm it pushed, or anywhere beyond the data of a feature it never pushed;
     * nothing when the run does not say which it pushed.
     */
    private static String unchecked(String feature, double value, LawDocument.Range range, boolean byFactors,
                                    List<String> checked) {
        if (checked == null) {
            return "";
        }
        if (!checked.contains(feature)) {
            return ", and the law was never checked beyond the data in " + feature;
        }
        if (!byFactors) {
            double step = Math.log10(CHECKED_FACTOR);
            return value > range.max() + step ? ", beyond the step of " + Output.shortNumber(step) + " ("
                + Output.shortNumber(CHECKED_FACTOR) + "× on its log10 scale) to which the law was checked" : "";
        }
        return range.max() > 0 && value > CHECKED_FACTOR * range.max()
            ? ", beyond the " + Output.shortNumber(CHECKED_FACTOR) + "× to which the law was checked" : "";
    }

    /**
     * Whether a feature is a size or a count, which the check beyond the data multiplied, rather than a logarithm,
     * which it moved by steps: the rule of {@code Table.growsByFactors}, read from the range over every group.
     */
    private static boolean growsByFactors(LawDocument.Range overAllGroups) {
        return overAllGroups.min() >= 0 && overAllGroups.max() > 0;
    }

    /**
     * A train bound to four digits, or as many more as keep it on its side of the value it is compared with: 36815
     * rounded to 36820 would read as above a given 36816 said to lie beyond it.
     */
    private static String bound(double bound, double given) {
        for (int digits = 4; digits < 17; digits++) {
            double rounded = Double.parseDouble(NumberText.rounded(bound, digits));
            if (Double.compare(rounded, given) == Double.compare(bound, given)) {
                return NumberText.rounded(bound, digits);
            }
        }
        return NumberText.of(bound);
    }

    /** One note on stderr per run outside the train range, the first few of them, so that a plan of many says so. */
    private void reportBeyond(PlannedRuns planned, List<List<String>> beyond) {
        PrintWriter err = spec.commandLine().getErr();
        int noted = 0;
        int outside = 0;
        for (int i = 0; i < beyond.size(); i++) {
            if (beyond.get(i).isEmpty()) {
                continue;
            }
            outside++;
            if (noted < MAX_NOTES) {
                err.println("evosld: note: " + planned.where(planned.runs().get(i)) + ": "
                    + String.join("; ", beyond.get(i)));
                noted++;
            }
        }
        if (outside > noted) {
            err.println("evosld: note: " + (outside - noted) + " more runs lie outside the train range");
        }
        err.flush();
    }

    /**
     * Per run, each target's prediction that the target cannot take (an accuracy above 1, a negated error above 0), one
     * phrase each: the search checked that only to {@link #CHECKED_FACTOR} times the data, and a law fitted to a rising
     * trend promises more than the target allows further out. The values are those {@code given} to predict, else those
     * the task or the user's run said, {@code -inf,inf} (any value) included; where nobody said, a target that was
     * positive in every train row (a loss, a count, a perplexity) is taken to stay so, and one of both signs, or below 0
     * throughout, is left alone.
     */
    private static List<List<String>> impossible(double[][] predicted, List<String> targets, LawDocument document,
                                                 Optional<TaskConfig.Bound> given) {
        DataSource source = document.provenance() == null ? null : document.provenance().data();
        Optional<TaskConfig.Bound> said = given.or(() -> source == null ? Optional.empty() : source.possibleTargets());
        boolean rangeKnown = said.isPresent();
        TaskConfig.Bound possible = said.orElse(TaskConfig.Bound.UNBOUNDED);
        List<List<String>> impossible = new ArrayList<>();
        for (double[] run : predicted) {
            List<String> phrases = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                String target = targets.get(t);
                double value = run[t];
                String shown = NumberText.rounded(value, SHOWN_DIGITS);
                if (rangeKnown && (value < possible.lower() || value > possible.upper())) {
                    phrases.add("the predicted " + target + ", " + shown + ", lies outside the values it can take, "
                        + possible.describe());
                } else if (!rangeKnown && value <= 0 && positiveInTrain(document, target)) {
                    String sign = value < 0 ? "is below 0" : "is not above 0";
                    phrases.add("the predicted " + target + ", " + shown + ", " + sign + " while every train value of "
                        + target + " is positive");
                }
            }
            impossible.add(phrases);
        }
        return impossible;
    }

    /** One note on stderr per run predicted outside the values its targets can take, the first few of them. */
    private void reportImpossible(PlannedRuns planned, List<List<String>> impossible) {
        PrintWriter err = spec.commandLine().getErr();
        int outside = 0;
        for (int i = 0; i < impossible.size(); i++) {
            if (!impossible.get(i).isEmpty() && outside++ < MAX_NOTES) {
                err.println("evosld: note: " + planned.where(planned.runs().get(i)) + ": "
                    + String.join("; ", impossible.get(i)) + ": the law does not hold that far");
            }
        }
        if (outside > MAX_NOTES) {
            err.println("evosld: note: " + (outside - MAX_NOTES) + " more runs are predicted outside the values their"
                + " targets can take");
        }
        err.flush();
    }

    /** Whether every train value of a target was above 0; false when the document does not record them. */
    private static boolean positiveInTrain(LawDocument document, String target) {
        LawDocument.Range range = document.targetRanges().get(target);
        return range != null && range.min() > 0;
    }

    /**
     * How far the law's predictions of held-out runs missed inside train (recorded by discover and fit): the
     * size of miss to expect of a run beyond the data, and more the further it lies.
     */
    private void reportValidationMisses(Map<String, Double> validationRmse) {
        if (validationRmse == null || validationRmse.isEmpty()) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("evosld: note: inside train, this law's predictions of held-out runs missed "
            + Output.misses(validationRmse, true) + " (root mean square, validation); expect misses of that size, larger the further a run lies beyond the data");
        err.flush();
    }

    /** A law that failed validation has no misses to quote; why it failed tells how far to trust it beyond the data. */
    private void reportValidationFailure(String failure) {
        if (failure == null) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("evosld: note: inside train, this law failed validation (" + MessageText.escaped(failure)
            + "); its predictions beyond the data may be far off");
        err.flush();
    }

    /** Per run: its group, its features, then its predicted targets. */
    private static List<List<Object>> rows(PlannedRuns planned, double[][] predicted) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            PlannedRuns.Run r = planned.runs().get(i);
            List<Object> row = new ArrayList<>();
            row.add(r.group());
            Arrays.stream(r.values()).forEach(row::add);
            Arrays.stream(predicted[i]).forEach(row::add);
            rows.add(row);
        }
        return rows;
    }

    /** The predictions as CSV, numbers as a user writes them (CsvWriter's): the runs' values read as they were given. */
    private static String csv(List<String> header, List<List<Object>> rows) {
        return CsvWriter.render(header, rows);
    }

    /**
     * The predictions as stdout shows them: on a terminal, where a person reads them, the last {@code targets} columns
     * to {@link #SHOWN_DIGITS} significant digits (17 bury the few the law's misses leave meaningful); into a file or a
     * pipe, which a program reads, every digit, as {@code --out} writes them. The runs' values stay as given.
     */
    static String text(List<String> header, List<List<Object>> rows, int targets, boolean terminal) {
        if (!terminal) {
            return csv(header, rows);
        }
        List<List<Object>> shown = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(row);
            for (int c = cells.size() - targets; c < cells.size(); c++) {
                cells.set(c, NumberText.rounded((Double) cells.get(c), SHOWN_DIGITS));
            }
            shown.add(cells);
        }
        return csv(header, shown);
    }

    private static Map<String, Object> entry(List<String> header, List<Object> row) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            entry.put(header.get(c), row.get(c));
        }
        return entry;
    }

    /** The column that named groups in the data the law was fitted on, so a file of new runs can use it too. */
    private static String groupColumn(LawDocument document) {
        DataSource data = document.provenance() == null ? null : document.provenance().data();
        return data != null && "csv".equals(data.kind()) && data.group() != null ? data.group() : GROUP_COLUMN;
    }

    /** Whether the law was fitted to a user's CSV read without a group column, so that its runs formed one group. */
    private static boolean fittedAsOneGroup(LawDocument document) {
        DataSource data = document.provenance() == null ? null : document.provenance().data();
        return data != null && "csv".equals(data.kind()) && data.group() == null;
    }

    private String groupOfAt(ParameterSet parameters, String onlyGroup) {
        if (group == null) {
            if (onlyGroup == null) {
                throw new UsageException("--group is needed: the law's parameters differ by group (it has: "
                    + MessageText.names(parameters.groups()) + ")");
            }
            return onlyGroup;
        }
        // as the data's group names were read, so that an accent typed as a combining mark finds its group
        String named = GroupNames.canonical(group);
        if (!parameters.has(named)) {
            throw new UsageException("--group " + MessageText.quote(group) + ": the law has no parameters for it (it has: "
                + MessageText.names(parameters.groups()) + ")");
        }
        return named;
    }
}
