package dev.evosld.run;

import dev.evosld.EvosldException;
import dev.evosld.data.DataDirectory;
import dev.evosld.data.Group;
import dev.evosld.data.MessageText;
import dev.evosld.data.Table;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.law.ReadableSigns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * A fitted law as EvoSLD writes it ({@code law.json} of a run directory, and {@code export --format json}):
 * the law in the law language, its variables, parameter values per group, metrics and provenance.
 * {@code evosld fit --law-file} reads it back.
 *
 * @param evosldVersion the version that wrote it
 * @param task the task
 * @param law the formula in the law language
 * @param variables the law's variables (feature names)
 * @param parameterNames the law's parameter names, in order
 * @param targets the target columns
 * @param parameters {@code group → name → value}, or {@code group → target → name → value} with several targets
 * @param trainRanges per variable, the smallest and largest value in the rows the law was fitted on (over all
 *     groups): how far a prediction reaches beyond them is what {@code evosld predict} tells the user; empty
 *     in documents written before it was recorded
 * @param groupRanges the same per group, {@code group → variable → range}: a run can lie far beyond its own
 *     group's runs while inside another's; empty in documents written before it was recorded
 * @param targetRanges per target, the smallest and largest value in those rows (over all groups): {@code evosld
 *     predict} notes a prediction at or below 0 of a target that was positive throughout, when the data says
 *     nothing of the values it can take; empty in documents written before it was recorded
 * @param metrics the scores
 * @param provenance where the law and its data came from
 */
public record LawDocument(String evosldVersion, String task, String law, List<String> variables,
                          List<String> parameterNames, List<String> targets, Map<String, Object> parameters,
                          Map<String, Range> trainRanges, Map<String, Map<String, Range>> groupRanges,
                          Map<String, Range> targetRanges, Metrics metrics, Provenance provenance) {

    public LawDocument {
        trainRanges = trainRanges == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(trainRanges));
        groupRanges = groupRanges == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(groupRanges));
        targetRanges = targetRanges == null ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(targetRanges));
    }

    /** The ranges of the variables in a group's train rows, or over all groups when the document has none per group. */
    public Map<String, Range> rangesOf(String group) {
        return groupRanges.getOrDefault(group, trainRanges);
    }

    /** The smallest and largest value of a feature in the rows a law was fitted on. */
    public record Range(double min, double max) {
        /** Per variable of the law, its range over all groups of {@code table}. */
        public static Map<String, Range> of(Law law, Table table) {
            return of(law, table, table.groups());
        }

        /** Per group of {@code table}, per variable of the law, its range in the group's rows. */
        public static Map<String, Map<String, Range>> byGroup(Law law, Table table) {
            Map<String, Map<String, Range>> ranges = new LinkedHashMap<>();
            for (Group group : table.groups()) {
                ranges.put(group.name(), of(law, table, List.of(group)));
            }
            return ranges;
        }

        private static Map<String, Range> of(Law law, Table table, List<Group> groups) {
            Map<String, Range> ranges = new LinkedHashMap<>();
            for (String variable : law.variables()) {
                int j = table.features().indexOf(variable);
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Group group : groups) {
                    for (double value : group.feature(j)) {
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                }
                if (min <= max) {
                    ranges.put(variable, new Range(min, max));
                }
            }
            return ranges;
        }

        /** Per target of {@code table}, its range over all groups. */
        public static Map<String, Range> ofTargets(Table table) {
            Map<String, Range> ranges = new LinkedHashMap<>();
            for (int k = 0; k < table.targets().size(); k++) {
                double min = table.targetMin(k);
                double max = table.targetMax(k);
                if (min <= max) {
                    ranges.put(table.targets().get(k), new Range(min, max));
                }
            }
            return ranges;
        }
    }

    /**
     * @param trainR2 R² on train with parameters fitted on all of train (null if it failed)
     * @param validationR2 R² on the validation rows inside train, fitted on the rest (null if not measured, or if
     *     validation failed)
     * @param validationRmse per target, the root mean squared error of those validation predictions in the
     *     target's units: how far a prediction of the next, larger run has missed inside train (null if not
     *     measured, as in documents written before it was)
     * @param testR2 R² on test (null if it failed, or if there is no test split)
     * @param testRmse per target, the root mean squared error on test in the target's units, to set beside
     *     {@code validationRmse} (null when the test R² is)
     * @param testSplit whether the data had a test split: false when every row was train, so that a missing
     *     test R² is not taken for a failed one; null in documents written before it was recorded, whose data
     *     always had one
     * @param parameterCount parameters per group and target
     * @param nodeCount nodes of the expression tree
     * @param validationFailure why validation failed, when {@code validationR2} is null because it did (as
     *     {@code fit} says it); null otherwise, and in documents written before it was recorded
     */
    public record Metrics(Double trainR2, Double validationR2, Map<String, Double> validationRmse, Double testR2,
                          Map<String, Double> testRmse, Boolean testSplit, int parameterCount, int nodeCount,
                          String validationFailure) {

        public Metrics {
            validationRmse = ordered(validationRmse);
            testRmse = ordered(testRmse);
        }

        /** Metrics of a law that validation did not fail. */
        public Metrics(Double trainR2, Double validationR2, Map<String, Double> validationRmse, Double testR2,
                       Map<String, Double> testRmse, Boolean testSplit, int parameterCount, int nodeCount) {
            this(trainR2, validationR2, validationRmse, testR2, testRmse, testSplit, parameterCount, nodeCount, null);
        }

        private static Map<String, Double> ordered(Map<String, Double> byTarget) {
            return byTarget == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(byTarget));
        }

        /** Whether the law was scored on a test split. */
        public boolean hasTestSplit() {
            return testSplit == null || testSplit;
        }
    }

    /**
     * @param command the command that produced the law ({@code fit} or {@code discover})
     * @param data where the rows came from
     * @param dataChecksum SHA-256 of the train and test files
     * @param seed the seed
     * @param created when, ISO-8601
     * @param search how the search ended, for {@code discover}; null for {@code fit}, and in documents written before
     *     it was recorded
     */
    public record Provenance(String command, DataSource data, String dataChecksum, long seed, String created,
                             Search search) {

        /** The provenance of a law no search found ({@code fit}). */
        public Provenance(String command, DataSource data, String dataChecksum, long seed, String created) {
            this(command, data, dataChecksum, seed, created, null);
        }
    }

    /**
     * How a discovery's search ended: a law found in fewer generations than planned (cut short by its time limit) is
     * not the one the seed reproduces.
     *
     * @param generations the generations run
     * @param plannedGenerations the generations it was set to run
     * @param stoppedBy {@code generations} or {@code time limit}
     * @param proposers the proposers of the search's seeds and rewrites ({@code classic forms}, {@code llm MODEL}): a
     *     run with an LLM is reproducible only from its response cache; null in documents written before it was
     *     recorded
     * @param restarts the restarts that searched, fewer than planned when the time limit came before the last ones
     *     were seeded (a resumed run searches with them); null in documents written before it was recorded
     * @param plannedRestarts the restarts it was set to run; null in documents written before it was recorded
     * @param refit how the starts of the chosen law's refit on all of train agreed, which {@code discover} notes
     *     when some fits reached their best from one start only, and says again when the finished run is resumed;
     *     null in documents written before it was recorded
     */
    public record Search(int generations, int plannedGenerations, String stoppedBy, List<String> proposers,
                         Integer restarts, Integer plannedRestarts, Refit refit) {

        /** How a search ended, with no record of its proposers or restarts. */
        public Search(int generations, int plannedGenerations, String stoppedBy) {
            this(generations, plannedGenerations, stoppedBy, null, null, null, null);
        }

        /** How a search ended, with no record of its refit. */
        public Search(int generations, int plannedGenerations, String stoppedBy, List<String> proposers,
                      Integer restarts, Integer plannedRestarts) {
            this(generations, plannedGenerations, stoppedBy, proposers, restarts, plannedRestarts, null);
        }

        /** Whether some planned restarts never searched. */
        public boolean restartsCutShort() {
            return restarts != null && plannedRestarts != null && restarts < plannedRestarts;
        }
    }

    /**
     * The refit of a discovered law on all of train, as {@code discover --json} gives it under {@code refit}.
     *
     * @param starts the fit starts per group and target
     * @param groupFits the fits (groups × targets)
     * @param singleStartOptima the fits whose best value only one of the starts reached
     */
    public record Refit(int starts, int groupFits, int singleStartOptima) {
        /**
         * Whether the counts can be a refit's, as a hand edit may leave them otherwise; not named {@code isX}, which
         * JSON would write as a key of the document.
         */
        public boolean possible() {
            return starts >= 1 && groupFits >= 0 && singleStartOptima >= 0 && singleStartOptima <= groupFits;
        }
    }

    /**
     * @param train the rows the law was fitted on, whose ranges the document records
     */
    public static LawDocument of(String version, String task, Law law, ParameterSet parameters, Table train,
                                 Metrics metrics, Provenance provenance) {
        return new LawDocument(version, task, law.toString(), law.variables(), law.parameters(), parameters.targets(),
            parameters.toMap(), Range.of(law, train), Range.byGroup(law, train), Range.ofTargets(train), metrics,
            provenance);
    }

    /**
     * The rows of the data the run recorded, loaded again.
     *
     * @param file this document's file, which error messages name
     * @throws EvosldException if the document records no data, or the data cannot be loaded (naming the file)
     */
    public TaskData recordedData(DataDirectory directory, Path file) {
        if (provenance == null || provenance.data() == null) {
            throw new EvosldException(file + ": records no data source (provenance.data), so its rows cannot be loaded");
        }
        try {
            return provenance.data().load(directory);
        } catch (EvosldException e) {
            throw new EvosldException(file + ": the run's data: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the data the run recorded has changed since (its files' checksum differs); false when the document
     * records no checksum.
     */
    public boolean dataChangedSince(DataDirectory directory) {
        return provenance != null && provenance.data() != null && provenance.dataChecksum() != null
            && !provenance.dataChecksum().equals(provenance.data().checksum(directory));
    }

    /**
     * The law's text as reported, with minuses ({@link ReadableSigns}): a file of a version before that holds the
     * search's form ({@code E + -2 * A * N^a}).
     */
    public String writtenLaw() {
        return ReadableSigns.of(law, variables);
    }

    /**
     * This document with its law as reported ({@link #writtenLaw}), for a file given to people: the same law, its
     * parameters named and ordered as before, so every value and reader of the document stays as it was. A variable
     * that cancels ({@code A / (N / N) + D^b}, written {@code A + D^b}) goes from its variables and ranges too, as
     * {@code fit} would record the written law, so that no reader asks for a value the law does not use. The written law
     * computes the same doubles wherever the recorded one is defined, and is defined at {@code N = 0} too: it is what
     * {@code predict} and the Java and Python exports compute.
     */
    public LawDocument withWrittenLaw() {
        String written = writtenLaw();
        Law parsed;
        try {
            parsed = Law.parse(written, variables);
        } catch (EvosldException e) {
            return this;
        }
        // the values are given in the parameters' order, which the written law keeps (ReadableSigns)
        if (!parsed.parameters().equals(parameterNames)) {
            return this;
        }
        List<String> kept = parsed.variables();
        if (kept.containsAll(variables)) {
            return new LawDocument(evosldVersion, task, written, variables, parameterNames, targets, parameters,
                trainRanges, groupRanges, targetRanges, metrics, provenance);
        }
        Map<String, Map<String, Range>> keptGroupRanges = new LinkedHashMap<>();
        groupRanges.forEach((group, ranges) -> keptGroupRanges.put(group, only(ranges, kept)));
        return new LawDocument(evosldVersion, task, written, variables.stream().filter(kept::contains).toList(),
            parameterNames, targets, parameters, only(trainRanges, kept), keptGroupRanges, targetRanges, metrics,
            provenance);
    }

    private static Map<String, Range> only(Map<String, Range> ranges, List<String> variables) {
        if (ranges == null) {
            return null;
        }
        Map<String, Range> kept = new LinkedHashMap<>(ranges);
        kept.keySet().retainAll(variables);
        return kept;
    }

    /** The law, with this document's variables as the features. */
    public Law parsedLaw() {
        return Law.parse(law, variables);
    }

    /**
     * Every feature of the data the law was fitted to, those it leaves out too, so that what is written about one
     * law of a task (its symbols) can be written alike for another; the law's variables alone when the document
     * records no data that names its features.
     */
    public List<String> features() {
        List<String> recorded = provenance == null || provenance.data() == null ? null
            : provenance.data().featureNames().orElse(null);
        return recorded != null && recorded.containsAll(variables) ? recorded : variables;
    }

    /** Whether {@code file} is a user's CSV the law was fitted to or tested on ({@link DataSource#reads}). */
    public boolean readsRowsFrom(Path file) {
        return provenance != null && provenance.data() != null && provenance.data().reads(file);
    }

    /** The parameter values. */
    public ParameterSet parameterSet(String source) {
        return ParameterSet.fromMap(parameters, parameterNames, targets, source);
    }

    /**
     * Checks what a hand-edited document can get wrong and every reader relies on: the law parses, the names in it
     * that are not variables are the parameter names listed, and every group has a finite value for each parameter
     * and target.
     */
    private void requireConsistent(Path file) {
        Law parsed;
        try {
            parsed = parsedLaw();
        } catch (EvosldException e) {
            throw new EvosldException(file + ": " + e.getMessage(), e);
        }
        if (!parsed.parameters().equals(parameterNames)) {
            throw new EvosldException(file + ": parameter_names " + MessageText.escaped(parameterNames.toString())
                + " are not the law's parameters "
                + parsed.parameters() + " (names that are not variables)");
        }
        if (targets.isEmpty()) {
            throw new EvosldException(file + ": targets is empty");
        }
        if (parameters.isEmpty()) {
            throw new EvosldException(file + ": parameters has no group");
        }
        parameterSet(file.toString());
    }

    /**
     * Refuses a folder given where a law file is read, pointing to the law.json of the run it holds: a run is its
     * folder to predict and report, so a user may well give it to fit --law-file or eval --params too.
     */
    public static void requireNotAFolder(Path file) {
        if (Files.isDirectory(file)) {
            Path law = new RunDirectory(file).lawFile();
            throw new EvosldException(file + ": a folder, not a file"
                + (Files.isRegularFile(law) ? "; give the run's law file, " + law : ""));
        }
    }

    public void write(Path file) {
        AtomicFiles.write(file, Json.mapper().writeValueAsString(this) + "\n");
    }

    public static LawDocument read(Path file) {
        requireNotAFolder(file);
        try {
            LawDocument document = Json.mapper().readValue(Json.readUserFile(file), LawDocument.class);
            if (document.law() == null || document.parameters() == null || document.parameterNames() == null
                || document.targets() == null || document.variables() == null) {
                throw new EvosldException(file + ": not a law document (needs law, variables, parameter_names, targets, parameters)");
            }
            document.requireConsistent(file);
            return document;
        } catch (NoSuchFileException e) {
            throw new EvosldException(file + ": no such file");
        } catch (IOException e) {
            throw new EvosldException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new EvosldException(file + Json.problem(e) + " (not a law document)");
        }
    }
}
