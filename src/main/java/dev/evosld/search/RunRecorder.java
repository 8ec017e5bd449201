package dev.evosld.search;

import dev.evosld.Version;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.json.Json;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.time.Instant;
import java.util.Optional;

/** Writes a finished discovery run into its run directory: {@code law.json}, {@code pareto.json}, {@code history.json}. */
public final class RunRecorder {
    private RunRecorder() {
    }

    /**
     * @param train the rows the law was refitted on, whose ranges the document records
     * @param test the chosen law's predictions of test, made once after the search; empty when the data has no
     *     test split
     */
    public static LawDocument write(RunDirectory run, TaskConfig config, Train train, DataSource source,
                                    String dataChecksum, SearchSettings settings, SearchResult result,
                                    Optional<Predictions> test) {
        Optional<R2> testR2 = test.map(Predictions::r2);
        LawDocument.Metrics metrics = new LawDocument.Metrics(
            Double.isFinite(result.trainR2()) ? result.trainR2() : null, result.evaluation().validationR2(),
            result.validationRmse() == null ? null : result.validationRmse().byTarget(),
            testR2.filter(r2 -> !r2.isFailure()).map(R2::value).orElse(null),
            test.flatMap(Predictions::finiteRootMeanSquaredErrors).orElse(null),
            test.isPresent(),
            // the search's count, as pareto.json has it: writing a sign as a minus can drop a -1 factor's nodes
            result.law().parameterCount(), result.evaluation().nodeCount());
        LawDocument.Provenance provenance = new LawDocument.Provenance("discover", source, dataChecksum,
            settings.seed(), Instant.now().toString(),
            new LawDocument.Search(result.generations(), settings.generations(), result.stoppedBy(), result.proposers(),
                result.restarts(), settings.restarts(), new LawDocument.Refit(settings.finalStarts(),
                    result.refitAgreement().fits(), result.refitAgreement().singleStart())));
        LawDocument document = LawDocument.of(Version.current(), config.name(), result.law(), result.parameters(),
            train.table(), metrics, provenance);
        AtomicFiles.write(run.paretoFile(), Json.mapper().writeValueAsString(ParetoEntry.of(result)));
        AtomicFiles.write(run.historyFile(), Json.mapper().writeValueAsString(result.history()));
        // last: a run directory with a law.json is a finished run
        document.write(run.lawFile());
        return document;
    }
}
