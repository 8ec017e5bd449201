package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import dev.evosld.law.LawSyntaxException;
import dev.evosld.run.LawDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LawSourceTest {
    private static final List<String> FEATURES = List.of("N", "D");

    @TempDir
    Path dir;

    private static TaskConfig config(String humanLaw) {
        return new TaskConfig("toy", "A toy task.",
            List.of(new TaskConfig.Feature("N", "size"), new TaskConfig.Feature("D", "tokens")), List.of("loss"), 6,
            List.of("N"), new TaskConfig.Holdout.TopValues(1, 0), humanLaw, Map.of(), null, null);
    }

    private static Table train(double[] n, double[] d) {
        double[] loss = new double[n.length];
        java.util.Arrays.fill(loss, 2.0);
        return new Table(FEATURES, List.of("loss"), List.of(Group.of("g", new double[][] {n, d}, new double[][] {loss})));
    }

    /** A law.json as {@code fit --out} writes it, read back as {@code fit --law-file} reads it. */
    private Path lawFile(String formula, List<String> features) {
        Law law = Law.parse(formula, features);
        double[] values = new double[law.parameterCount()];
        java.util.Arrays.fill(values, 1.0);
        ParameterSet parameters = ParameterSet.of(law.parameters(), List.of("loss"), Map.of("g", new double[][] {values}));
        double[][] columns = new double[features.size()][];
        java.util.Arrays.fill(columns, new double[] {1, 2, 3});
        Table table = new Table(features, List.of("loss"), List.of(
            Group.of("g", columns, new double[][] {{3, 2, 1}})));
        Path file = dir.resolve("law.json");
        LawDocument.of("test", "toy", law, parameters, table, new LawDocument.Metrics(0.9, 0.8, null, null, null, false,
            law.parameterCount(), law.expr().size()), null).write(file);
        return file;
    }

    @Test
    void aFormulaBindsTheTasksFeaturesAsVariablesAndEveryOtherNameAsAParameter() {
        Law law = LawSource.resolve("E + A / N^alpha + B / D^beta", config(null), List.of());
        assertEquals(List.of("N", "D"), law.variables());
        assertEquals(List.of("E", "A", "alpha", "B", "beta"), law.parameters());
        assertEquals(Law.parse("E + A / N^alpha + B / D^beta", FEATURES), law);
    }

    @Test
    void humanIsTheTasksHumanLaw() {
        Law law = LawSource.resolve("human", config("L0 + c * D^-b"), List.of());
        assertEquals(Law.parse("L0 + c * D^-b", FEATURES), law);
        assertEquals(List.of("D"), law.variables());
        // a constant named Human, fitted per group, is never what was meant
        for (String spelled : List.of("Human", "HUMAN", " human ")) {
            assertEquals(Law.parse("L0 + c * D^-b", FEATURES), LawSource.resolve(spelled, config("L0 + c * D^-b"),
                List.of()), spelled);
        }
    }

    @Test
    void humanWithoutAHumanLawIsAUsageErrorNamingTheTasksThatHaveOneAndTheRemedy() {
        EvosldException e = assertThrows(EvosldException.class, () -> LawSource.resolve("human", config(null), List.of()));
        // a usage error, so the command line adds its --help pointer and exits 2
        assertInstanceOf(UsageException.class, e);
        assertEquals("--law human is the human-designed law of an SLDBench task, given with --task ("
            + String.join(", ", dev.evosld.data.TaskConfig.builtinTasks()) + "); for your own runs write the law as a"
            + " formula", e.getMessage());
    }

    @Test
    void aFileGivenAsTheLawSaysWhichOptionReadsIt() throws java.io.IOException {
        // observed (helper b): --law runs/x/law.json was parsed as a formula, "law:15: unexpected character '.'"
        Path file = lawFile("E + A / N^alpha", FEATURES);
        Path copy = dir.resolve("law.txt");
        java.nio.file.Files.copy(file, copy);
        for (String given : List.of(file.toString(), "results/moe/run/law.json", copy.toString())) {
            EvosldException e = assertThrows(EvosldException.class, () -> LawSource.resolve(given, config(null),
                List.of()));
            assertInstanceOf(UsageException.class, e);
            assertEquals("--law takes a formula, not a file (" + given + "): fit --law-file FILE refits a run's"
                + " law.json, and eval --params FILE scores its fitted values with --law as its formula", e.getMessage());
        }
    }

    @Test
    void aFormulaThatDoesNotParseIsAOneLineSyntaxError() {
        LawSyntaxException e = assertThrows(LawSyntaxException.class,
            () -> LawSource.resolve("E + * N", config(null), List.of()));
        assertEquals("law:5: expected a number, a name or '(' but found '*'", e.getMessage());
    }

    @Test
    void aParameterNamedLikeAColumnLeftOutOfTheFeaturesIsRefusedNamingIt() {
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.resolve("E + A / N^a + B * lr", config(null), List.of("lr", "batch")));
        assertFalse(e instanceof UsageException);
        assertEquals("--law: 'lr' is a column of the data but not a feature, so the law would take it as a parameter,"
            + " one constant per group: add it to --features, or rename the parameter", e.getMessage());
    }

    @Test
    void aParameterNamedLikeTheTargetIsRefusedAsTheProposedLawsOfAnLlmAre() {
        // the target is a column left out of the features too, but no --features could make the law use it
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.resolve("E + A / N^a + loss", config(null), List.of()));
        assertFalse(e instanceof UsageException);
        assertEquals("--law: 'loss' is the target, which a law predicts and cannot use, so the law would take it as a"
            + " parameter, one constant per group: rename the parameter", e.getMessage());
        Path file = lawFile("E + A / N^a + loss", List.of("N"));
        EvosldException inFile = assertThrows(EvosldException.class,
            () -> LawSource.of(LawDocument.read(file), file, config(null), List.of()));
        assertEquals(file + ": 'loss' is the target, which a law predicts and cannot use, so the law would take it as"
            + " a parameter, one constant per group: rename the parameter", inFile.getMessage());
    }

    @Test
    void aParameterDifferingFromAFeatureOnlyInCaseIsRefusedNamingTheFeature() {
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.resolve("E + A / N^a + B / d^b", config(null), List.of()));
        assertEquals("--law: 'd' would be a parameter, one constant per group; the feature is 'D' (names are"
            + " case-sensitive)", e.getMessage());
    }

    @Test
    void eRaisedToAPowerIsRefusedAsEulersNumberWrittenAsAParameter() {
        // fitted as a base of its own per group, e^(-N/k) fits badly if at all, and the user meant exp(-N/k)
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.resolve("E + A * e^(-N / k)", config(null), List.of()));
        assertFalse(e instanceof UsageException);
        assertEquals("--law: 'e' would be a parameter, one constant per group, raised to the power -N / k; for Euler's"
            + " number write exp(-N / k)", e.getMessage());
        // a parameter e elsewhere is a name like any other, and a run's law file keeps the law it fitted
        assertEquals(List.of("E", "e", "a"), LawSource.resolve("E + e * N^a", config(null), List.of()).parameters());
        Path file = lawFile("E + A * e^(-N / k)", List.of("N", "D"));
        assertEquals(List.of("E", "A", "e", "k"),
            LawSource.of(LawDocument.read(file), file, config(null), List.of()).parameters());
    }

    @Test
    void piInfinityAndNanAreRefusedRatherThanFittedAsParameters() {
        // 2*pi*N fitted pi per group, and A*N + inf a constant named inf, without a word
        Map<String, String> refused = Map.of(
            "A + 2 * pi * N", "--law: 'pi' would be a parameter, one constant per group; for π write"
                + " 3.141592653589793, or name the parameter otherwise",
            "A * N + Inf", "--law: 'Inf' would be a parameter, one constant per group; a law has no infinity or NaN"
                + " to write, so name the parameter otherwise",
            "min(A * N, nan)", "--law: 'nan' would be a parameter, one constant per group; a law has no infinity or NaN"
                + " to write, so name the parameter otherwise");
        refused.forEach((law, message) -> {
            EvosldException e = assertThrows(EvosldException.class, () -> LawSource.resolve(law, config(null), List.of()));
            assertFalse(e instanceof UsageException);
            assertEquals(message, e.getMessage(), law);
        });
        // a law file keeps the law its run fitted, whatever its names
        Path file = lawFile("A * N + pi", List.of("N", "D"));
        assertEquals(List.of("A", "pi"), LawSource.of(LawDocument.read(file), file, config(null), List.of()).parameters());
    }

    @Test
    void aParameterOneSlipFromALongFeatureNameIsRefusedNamingTheFeature() {
        // a misspelt column would be fitted as one constant per group, and the law would quietly ignore the feature
        TaskConfig config = new TaskConfig("toy", "A toy task.",
            List.of(new TaskConfig.Feature("params", "size"), new TaskConfig.Feature("tokens", "tokens")),
            List.of("loss"), 6, List.of("params"), new TaskConfig.Holdout.TopValues(1, 0), null, Map.of(), null, null);
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.resolve("E + A / params^a + B / tokns^b", config, List.of()));
        assertEquals("--law: 'tokns' would be a parameter, one constant per group; did you mean the feature 'tokens'?",
            e.getMessage());
        assertEquals(List.of("params", "tokens"),
            LawSource.resolve("E + A / params^alpha + B / tokens^beta + data", config, List.of()).variables());
    }

    @Test
    void theFirstUnmeantParameterInTheLawIsTheOneNamed() {
        // both would be refused; the message names the one the reader meets first
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.resolve("n * lr", config(null), List.of("lr")));
        assertEquals("--law: 'n' would be a parameter, one constant per group; the feature is 'N' (names are"
            + " case-sensitive)", e.getMessage());
    }

    @Test
    void aLawFileIsFittedToTheFeaturesOfTheDataNow() {
        Path file = lawFile("E + A / N^a", List.of("N"));
        // the law was fitted with N alone; the data now has D too, which the law simply does not use
        Law law = LawSource.of(LawDocument.read(file), file, config(null), List.of());
        assertEquals(Law.parse("E + A / N^a", FEATURES), law);
    }

    @Test
    void aLawFileWhoseVariableIsNotAFeatureNowIsRefusedNamingTheFileVariableAndFeatures() {
        Path file = lawFile("E + A / N^a + B / T^b", List.of("N", "T"));
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.of(LawDocument.read(file), file, config(null), List.of()));
        assertEquals(file + ": the law's variable 'T' is not a feature of toy (features: N, D)", e.getMessage());
    }

    @Test
    void aLawFileWhoseParameterIsAFeatureNowIsRefusedRatherThanReadAsThatFeature() {
        // fitted where D was no feature, D was a constant; over N and D it would silently become the column
        Path file = lawFile("E + A / N^a + D", List.of("N"));
        EvosldException e = assertThrows(EvosldException.class,
            () -> LawSource.of(LawDocument.read(file), file, config(null), List.of()));
        assertEquals(file + ": the law's parameter 'D' is a feature of toy, so the law would read it as the feature's"
            + " values; rename the parameter in the file", e.getMessage());
    }

    @Test
    void aLawFileParameterThatCannotBeMeantIsRefusedNamingTheFileRatherThanTheFlag() {
        Path file = lawFile("E + A / N^a + lr", List.of("N"));
        EvosldException column = assertThrows(EvosldException.class,
            () -> LawSource.of(LawDocument.read(file), file, config(null), List.of("lr")));
        assertEquals(file + ": 'lr' is a column of the data but not a feature, so the law would take it as a"
            + " parameter, one constant per group: add it to --features, or rename the parameter", column.getMessage());

        Path lower = lawFile("E + A / N^a + d", List.of("N"));
        EvosldException caseOnly = assertThrows(EvosldException.class,
            () -> LawSource.of(LawDocument.read(lower), lower, config(null), List.of()));
        assertEquals(lower + ": 'd' would be a parameter, one constant per group; the feature is 'D' (names are"
            + " case-sensitive)", caseOnly.getMessage());
    }

    @Test
    void aLawUsingNoFeatureGetsANoteNamingTheFeatures() {
        assertEquals(Optional.of("evosld: note: the law uses none of the features (N, D), so it predicts one value per"
                + " group; every name in it is a parameter"),
            LawSource.constantNote(Law.parse("E + A", FEATURES), config(null)));
        assertEquals(Optional.empty(), LawSource.constantNote(Law.parse("E + A / D", FEATURES), config(null)));
    }

    @Test
    void aLawLeavingAFeatureOutGetsANoteNamingIt() {
        // E + A / N^a + B / Dd^b fitted Dd as a constant and said nothing of D, which the law then ignored
        assertEquals(Optional.of("evosld: note: the law does not use D, so it predicts the same for runs that differ"
                + " only in it"),
            LawSource.unusedNote(Law.parse("E + A / N^a + B / Dd^b", FEATURES), config(null)));
        assertEquals(Optional.of("evosld: note: the law does not use N or D, so it predicts the same for runs that"
                + " differ only in them"),
            LawSource.unusedNote(Law.parse("E + A * L^a", List.of("N", "D", "L")), new TaskConfig("toy", "A toy task.",
                List.of(new TaskConfig.Feature("N", "size"), new TaskConfig.Feature("D", "tokens"),
                    new TaskConfig.Feature("L", "layers")), List.of("loss"), 6, List.of("N"),
                new TaskConfig.Holdout.TopValues(1, 0), null, Map.of(), null, null)));
        assertEquals(Optional.empty(), LawSource.unusedNote(Law.parse("E + A / N^a + B / D^b", FEATURES), config(null)));
        // a law of no feature at all has constantNote's note, not two
        assertEquals(Optional.empty(), LawSource.unusedNote(Law.parse("E + A", FEATURES), config(null)));
    }

    @Test
    void aFittedPowerOfAFeatureBelowZeroIsNotedWithItsCountAndFirstValue() {
        Table train = train(new double[] {-2, 4, -3, 0}, new double[] {1, 1, 1, 1});
        assertEquals(List.of("evosld: note: N is below 0 in 2 train runs (N = -2), where the law's power or root of"
                + " it is not a real number"),
            LawSource.nonPositiveNotes(Law.parse("E + A * N^a", FEATURES), config(null), train));
        assertEquals(List.of("evosld: note: N is below 0 in 2 train runs (N = -2), where the law's power or root of"
                + " it is not a real number"),
            LawSource.nonPositiveNotes(Law.parse("E + A * sqrt(N)", FEATURES), config(null), train));
    }

    @Test
    void aValueBelowZeroIsWrittenAsTheUserWroteIt() {
        // a log-scale column of the user's CSV, 1.5e-3 written there: not Java's -0.0015 or -1.5E9
        Table train = train(new double[] {-1.5e9, 4, -0.0015}, new double[] {1, 1, 1});
        assertEquals(List.of("evosld: note: N is below 0 in 2 train runs (N = -1.5e9), where the law's power or root of"
                + " it is not a real number"),
            LawSource.nonPositiveNotes(Law.parse("E + A * N^a", FEATURES), config(null), train));
    }

    @Test
    void aLogarithmOfAFeatureIsNotedAtZeroTooAndInTheSingularForOneRun() {
        Table train = train(new double[] {5, 0, 7}, new double[] {1, 2, 3});
        assertEquals(List.of("evosld: note: N is 0 or below in 1 train run (N = 0), where the law's logarithm of it is"
                + " not a real number"),
            LawSource.nonPositiveNotes(Law.parse("E + A * log(N)", FEATURES), config(null), train));
        // 0^p is 0 for a positive power: the same zero is no problem for a fitted power
        assertEquals(List.of(), LawSource.nonPositiveNotes(Law.parse("E + A * N^a", FEATURES), config(null), train));
        // a logarithm and a power of one feature: the stricter logarithm decides, in one note
        assertEquals(List.of("evosld: note: N is 0 or below in 1 train run (N = 0), where the law's logarithm of it is"
                + " not a real number"),
            LawSource.nonPositiveNotes(Law.parse("A * N^a + B * log(N)", FEATURES), config(null), train));
    }

    @Test
    void aZeroUnderAPowerWrittenNegativeIsNoted() {
        // the fitter could only stay finite by flipping a's sign: A*N^-a would fit as a positive power of N
        Table train = train(new double[] {5, 0, 7}, new double[] {1, 2, 3});
        for (String law : List.of("E + A*N^-a", "E + A*N^(-a)", "E + A*N^-0.5")) {
            assertEquals(List.of("evosld: note: N is 0 in 1 train run, where the law's negative power of it is infinite"),
                LawSource.nonPositiveNotes(Law.parse(law, FEATURES), config(null), train), law);
        }
        assertEquals(List.of(), LawSource.nonPositiveNotes(Law.parse("E + A*N^a + B*D^-b", FEATURES), config(null),
            train), "a power of unknown sign, and a negative power of a feature without zeros");
    }

    @Test
    void onlyFittedPowersLogarithmsAndRootsOfABareFeatureAreNoted() {
        Table train = train(new double[] {-1, -2}, new double[] {-1, 2});
        for (String safe : List.of("E + A * N^2", "E + A * N^-0.5", "E + A * (N + c)^a", "E + A * log(c)^N",
            "E + A * exp(N)", "E + A * N")) {
            assertEquals(List.of(), LawSource.nonPositiveNotes(Law.parse(safe, FEATURES), config(null), train), safe);
        }
        // one note per offending feature, in the order the law uses them
        assertEquals(List.of(
                "evosld: note: D is below 0 in 1 train run (D = -1), where the law's power or root of it is not a real"
                    + " number",
                "evosld: note: N is 0 or below in 2 train runs (N = -1), where the law's logarithm of it is not a real"
                    + " number"),
            LawSource.nonPositiveNotes(Law.parse("A * D^b + B * log(N)", FEATURES), config(null), train));
    }
}
