package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.run.LawDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoresLineTest {
    private static final LawDocument LAW = ExportFixtures.document("t", "A * x^a", List.of("x"), List.of("y"),
        Map.of("g", new double[][] {{2, -0.5}}));

    private static LawDocument with(LawDocument.Metrics metrics) {
        return new LawDocument(LAW.evosldVersion(), LAW.task(), LAW.law(), LAW.variables(), LAW.parameterNames(),
            LAW.targets(), LAW.parameters(), LAW.trainRanges(), LAW.groupRanges(), LAW.targetRanges(), metrics, LAW.provenance());
    }

    @Test
    void givesEachScoreWithHowFarThePredictionsMissed() {
        assertEquals("Scores: train R^2 0.962057, validation R^2 0.821238 (RMSE 0.04856), test R^2 0.858637"
            + " (RMSE 0.02715).", ScoresLine.of(with(new LawDocument.Metrics(0.9620573, 0.8212381,
                Map.of("y", 0.04856008), 0.8586370, Map.of("y", 0.02715), true, 2, 5))));
    }

    @Test
    void aFailedValidationSaysWhyInPlainAsciiInPlaceOfItsR2() {
        assertEquals("Scores: train R^2 0.990000, validation inside train failed: implausible at 2x the largest N"
            + " in group 'a?b': 10.70 outside [0.001555, 10.64], test R^2 0.980000 (RMSE 0.01).",
            ScoresLine.of(with(new LawDocument.Metrics(0.99, null, null, 0.98, Map.of("y", 0.01), true, 2, 5,
                "implausible at 2× the largest N in group 'a\nb': 10.70 outside [0.001555, 10.64]"))));
    }

    @Test
    void severalTargetsGiveEachTargetsErrorInItsOwnUnits() {
        // a loss, an accuracy and a count: "RMSE 0.004594 to 1.087e+04 over the targets" told no one which missed by what
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("loss", 0.00459377);
        errors.put("acc", 0.0110086);
        errors.put("count", 10866.3);
        assertEquals("Scores: validation R^2 0.996408 (RMSE loss 0.004594, acc 0.01101, count 10870).",
            ScoresLine.of(with(new LawDocument.Metrics(null, 0.996408, errors, null, null, true, 7, 30))));
    }

    @Test
    void aTestSplitWithoutAnR2StillSaysHowFarItsPredictionsMissed() {
        // a test target of one value (a single next run, say) leaves R² undefined, not the misses unmeasured
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("loss", 0.00459377);
        errors.put("acc", 0.0290517);
        assertEquals("Scores: train R^2 0.990000, test R^2 undefined (RMSE loss 0.004594, acc 0.02905).",
            ScoresLine.of(with(new LawDocument.Metrics(0.99, null, null, null, errors, true, 2, 5))));
    }

    @Test
    void aDocumentWithoutScoresHasNoLine() {
        assertEquals("", ScoresLine.of(with(null)));
        assertEquals("", ScoresLine.of(with(new LawDocument.Metrics(null, null, null, null, null, false, 2, 5))));
    }

    @Test
    void sourceHeadersCarryTheLine() {
        String line = "Scores: train R^2 0.990000, test R^2 0.980000.";
        assertTrue(PythonExport.module(LAW).contains("\n# " + line + "\n"), PythonExport.module(LAW));
        assertTrue(JavaExport.source(LAW, "TLaw").contains("\n// " + line + "\n"), JavaExport.source(LAW, "TLaw"));
    }
}
