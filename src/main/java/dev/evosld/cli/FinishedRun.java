package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.TaskData;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.json.Json;
import dev.evosld.law.ReadableSigns;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import dev.evosld.search.ParetoEntry;
import dev.evosld.search.ValidationPlan;
import dev.evosld.search.ValidationRmse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * A discovery run that searched every generation it planned and wrote every output, as {@code discover --resume}
 * finds it: there is nothing to continue, so its result is shown as saved rather than refitted and written again
 * (with a note, should its test rows have changed since, of the law's score on them as they are now).
 * What {@code discover} printed at its end is shown as far as the run's files keep it: they do not keep the search's
 * counts and speed.
 *
 * @param front the Pareto front of {@code pareto.json}
 * @param llm the {@code llm-usage.json} document
 */
record FinishedRun(TaskData data, RunDirectory run, LawDocument law, List<ParetoEntry> front, Map<String, Object> llm) {
    /** The relative difference below which a test R² scored again is the saved one, up to rounding. */
    private static final double SAME_SCORE = 1e-9;

    /**
     * The run in {@code run}, if it is finished: its {@code law.json} records a search that ran all its planned
     * generations and restarts, and the files written with it are there. A run cut short by its time limit, or whose
     * outputs are incomplete or unreadable, is not: resuming it continues it or writes them again.
     */
    static Optional<FinishedRun> of(TaskData data, RunDirectory run) {
        for (Path file : List.of(run.lawFile(), run.paretoFile(), run.historyFile(), run.reportFile(),
            run.llmUsageFile())) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
        }
        try {
            LawDocument law = LawDocument.read(run.lawFile());
            LawDocument.Search search = law.provenance() == null ? null : law.provenance().search();
            if (law.metrics() == null || search == null || search.generations() < search.plannedGenerations()
                || search.restartsCutShort() || !data.config().name().equals(law.task())) {
                return Optional.empty();
            }
            // an older version's pareto.json holds the search's form; the summary shows laws as reported now
            List<String> features = data.config().featureNames();
            List<ParetoEntry> front = Stream.of(Json.mapper().readValue(Files.readString(run.paretoFile()),
                ParetoEntry[].class)).map(e -> new ParetoEntry(ReadableSigns.of(e.law(), features), e.parameterCount(),
                    e.nodeCount(), e.validationError(), e.standardError(), e.differenceStandardError(),
                    e.validationR2(), e.chosen())).toList();
            @SuppressWarnings("unchecked")
            Map<String, Object> llm = Json.mapper().readValue(Files.readString(run.llmUsageFile()), Map.class);
            return Optional.of(new FinishedRun(data, run, law, front, llm));
        } catch (EvosldException | JacksonException | IOException e) {
            // a damaged output: the resumed run writes them all again
            return Optional.empty();
        }
    }

    /** The line on stderr that says why nothing is searched. */
    String notice() {
        LawDocument.Search search = law.provenance().search();
        return "evosld: " + run.path() + " holds a finished run (" + search.generations() + " of "
            + search.plannedGenerations() + " generations); nothing is left to resume, so here is its result as saved";
    }

    /**
     * The note that the test rows are no longer those the run scored, with the law's score on them as they are now;
     * empty when the run or the data has no test split, or the rows score as the run saved. Its train rows cannot have
     * changed: resuming refuses that before a finished run is shown.
     */
    Optional<String> testChangedNote() {
        Double saved = law.metrics().testR2();
        return changedTestR2().map(now -> "evosld: note: the test rows have changed since the run: its saved test R² "
            + (saved == null ? "(failed)" : R2.text(saved)) + " was scored on them as they were; as they are now, "
            + (now.isFailure() ? "the law cannot be scored on them (" + now.failure() + ")"
                : "the law scores " + R2.text(now.value())));
    }

    /**
     * The law's R² on the test rows as they are now, when it is not the saved one: scoring a fixed law with fixed
     * parameters is cheap, and tells a changed test split from a file rewritten with the same rows.
     */
    private Optional<R2> changedTestR2() {
        if (!law.metrics().hasTestSplit() || data.test().isEmpty()) {
            return Optional.empty();
        }
        R2 now;
        try {
            now = Predictions.of(law.parsedLaw(), data.test().get().table(), law.parameterSet(run.lawFile().toString()))
                .r2();
        } catch (EvosldException e) {
            now = R2.failed(e.getMessage());
        }
        Double saved = law.metrics().testR2();
        boolean same = saved == null ? now.isFailure()
            : !now.isFailure() && Math.abs(now.value() - saved) <= SAME_SCORE * Math.max(1, Math.abs(saved));
        return same ? Optional.empty() : Optional.of(now);
    }

    void print(PrintWriter out) {
        summary().print(out);
    }

    /** The JSON document: the keys of {@code discover --json} that the run's files keep, and {@code already_finished}. */
    Map<String, Object> document() {
        Map<String, Object> document = summary().document();
        changedTestR2().ifPresent(now -> document.put("current_test_r2", now.isFailure() ? null : now.value()));
        document.put("llm", llm);
        document.put("already_finished", true);
        return document;
    }

    /**
     * discover's summary as far as the run's files keep it: without the search's pace, and without the note on the
     * refit's starts where an older version's law.json does not record them (or a hand edit left them impossible).
     */
    private DiscoverySummary summary() {
        LawDocument.Metrics metrics = law.metrics();
        LawDocument.Search search = law.provenance().search();
        ValidationRmse validationRmse = null;
        if (metrics.validationRmse() != null) {
            // the search scored every validation row of the plan, whichever rows its seed shuffled into which fold
            int rows = ValidationPlan.of(data.config(), data.train(), 0).folds().stream()
                .mapToInt(fold -> fold.validation().rows()).sum();
            validationRmse = new ValidationRmse(List.copyOf(metrics.validationRmse().keySet()),
                List.copyOf(metrics.validationRmse().values()), rows);
        }
        Optional<R2> test = !metrics.hasTestSplit() ? Optional.empty() : Optional.of(metrics.testR2() == null
            ? R2.failed("see " + run.reportFile()) : R2.of(metrics.testR2()));
        DiscoverySummary.Outcome outcome = new DiscoverySummary.Outcome(law.writtenLaw(), metrics.parameterCount(),
            law.parameterSet(run.lawFile().toString()), metrics.trainR2(), metrics.validationR2(), validationRmse, test,
            metrics.testRmse(), law.provenance().seed(), search.generations(), search.stoppedBy(), search.restarts(),
            search.plannedRestarts(), search.proposers(), front,
            search.refit() != null && search.refit().possible() ? search.refit() : null,
            DiscoverySummary.unchecked(data, law.provenance().data() != null
                && "csv".equals(law.provenance().data().kind()), law.parsedLaw(),
                law.parameterSet(run.lawFile().toString())));
        return new DiscoverySummary(data, run, outcome, Optional.empty());
    }
}
