package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void printsItsVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("evosld "), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"discover", "fit", "eval", "predict", "export", "report", "bench", "data", "data pull"})
    void everyCommandPrintsTheVersionItsHelpOffers(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--version");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertEquals(CliRun.of("--version").out(), run.out());
        assertTrue(run.out().startsWith("evosld "), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"discover", "fit", "eval"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("--json"), run.out());
        assertTrue(run.out().contains("--task"), run.out());
    }

    @Test
    void helpNamesACommandAtAnyDepth() {
        // observed (helper a): 'evosld help data pull' showed data's help, pull's options nowhere in it
        CliRun pull = CliRun.of("help", "data", "pull");
        assertEquals(0, pull.exit(), pull.err());
        assertEquals(CliRun.of("data", "pull", "--help").out(), pull.out());
        assertEquals(CliRun.of("fit", "--help").out(), CliRun.of("help", "fit").out());
        assertEquals(CliRun.of("--help").out(), CliRun.of("help").out());
        CliRun misspelt = CliRun.of("help", "data", "pul");
        assertEquals(2, misspelt.exit());
        assertEquals(List.of("evosld: unknown command 'pul'; did you mean pull? (see: evosld help --help)"),
            misspelt.allErrorLines());
        CliRun tooDeep = CliRun.of("help", "fit", "more");
        assertEquals(2, tooDeep.exit());
        assertEquals(List.of("evosld: fit has no commands of its own, so 'more' names none (see: evosld help --help)"),
            tooDeep.allErrorLines());
    }

    @Test
    void aUsageErrorExitsWithTwo() {
        assertEquals(2, CliRun.of("fit", "--task").exit());
        assertEquals(2, CliRun.of("no-such-command").exit());
        assertEquals(2, CliRun.of("fit", "--task", "moe_scaling_law").exit(), "--law is required");
        assertEquals(2, CliRun.of("discover", "--task", "x", "--time-limit", "soon").exit());
    }

    @Test
    void optionsThatExcludeEachOtherAreNamedAsGiven() {
        CliRun laws = CliRun.of("fit", "--law", "E", "--law-file", "law.json");
        assertEquals(2, laws.exit(), laws.err());
        assertEquals(List.of("evosld: --law and --law-file given together (give one of them) (see: evosld fit --help)"),
            laws.allErrorLines());
        CliRun pull = CliRun.of("data", "pull", "--task", "a", "--all");
        assertEquals(List.of("evosld: --task and --all given together (give one of them) (see: evosld data pull --help)"),
            pull.allErrorLines());
    }

    @Test
    void fitOnTheUsersOwnCsvPrintsOneJsonDocument(@TempDir Path directory) throws IOException {
        Path csv = UserCsv.write(directory);
        CliRun run = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--test-above", "N=1e9", "--law", "E + A*N^(-a) + B*D^(-b)", "--json");
        assertEquals(0, run.exit(), run.err());
        Map<?, ?> document = Json.mapper().readValue(run.out(), Map.class);
        assertEquals("E + A * N^(-a) + B * D^(-b)", document.get("law"));
        assertTrue((Double) document.get("train_r2") > 0.999999, document.toString());
        assertTrue((Double) document.get("test_r2") > 0.9999, document.toString());
        assertTrue((Double) document.get("validation_r2") > 0.9999, document.toString());
        // the generating law on noise-free runs misses the test runs by rounding alone
        assertTrue((Double) ((Map<?, ?>) document.get("test_rmse")).get("loss") < 1e-6, document.toString());
        Map<?, ?> parameters = (Map<?, ?>) document.get("parameters");
        assertEquals(List.of("small-vocab", "big-vocab"), List.copyOf(parameters.keySet()));
        assertEquals(1.9, (Double) ((Map<?, ?>) parameters.get("big-vocab")).get("E"), 1e-6);
    }

    @Test
    void fitSaysWhyALawFailsValidation(@TempDir Path directory) throws IOException {
        Path csv = UserCsv.write(directory);
        CliRun run = CliRun.of("fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--test-above", "N=1e9", "--law", "c + b*N + a*N^2 + B*D^(-b2)");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("validation: fails: implausible at 2× the largest N"), run.out());
    }

    @Test
    void evalScoresGivenParameters(@TempDir Path directory) throws IOException {
        Path csv = UserCsv.write(directory);
        Path params = directory.resolve("params.json");
        Files.writeString(params, """
            {"small-vocab": {"E": 1.8, "A": 300, "a": 0.3, "B": 500, "b": 0.25},
             "big-vocab":   {"E": 1.9, "A": 300, "a": 0.3, "B": 500, "b": 0.25}}""");
        CliRun run = CliRun.of("eval", "--data", csv.toString(), "--features", "N,D", "--target", "loss",
            "--group", "family", "--test-above", "N=1e9", "--law", "E + A*N^(-a) + B*D^(-b)",
            "--params", params.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        Map<?, ?> document = Json.mapper().readValue(run.out(), Map.class);
        assertEquals(1.0, (Double) document.get("test_r2"), 1e-12);
        assertEquals(1.0, (Double) document.get("train_r2"), 1e-12);
        assertEquals(2, ((List<?>) document.get("groups")).size());
    }

    @Test
    void evalTakesTheParametersOfARunsLawFile(@TempDir Path directory) throws IOException {
        Path csv = UserCsv.write(directory);
        String[] data = {"--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
            "--test-above", "N=1e9"};
        Path out = directory.resolve("fitted");
        CliRun fit = CliRun.of(concat(data, "fit", "--law", "E + A*N^(-a) + B*D^(-b)", "--starts", "4", "--out",
            out.toString(), "--json"));
        assertEquals(0, fit.exit(), fit.err());
        CliRun eval = CliRun.of(concat(data, "eval", "--law", "E + A*N^(-a) + B*D^(-b)", "--params",
            out.resolve("law.json").toString(), "--json"));
        assertEquals(0, eval.exit(), eval.err());
        assertEquals(Json.mapper().readValue(fit.out(), Map.class).get("test_r2"),
            Json.mapper().readValue(eval.out(), Map.class).get("test_r2"));
    }

    @Test
    void badInputIsOneLineAndExitStatusOne(@TempDir Path directory) throws IOException {
        Path csv = UserCsv.write(directory);
        String[] data = {"--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
            "--test-above", "N=1e9"};
        assertOneLineError("law:13: unknown function 'ln'", concat(data, "fit", "--law", "E + A*N^a + ln(D)"));
        assertOneLineError("no such file", concat(data, "eval", "--law", "E", "--params", directory.resolve("none.json").toString()));
        Path params = directory.resolve("params.json");
        Files.writeString(params, "{\"small-vocab\": {\"E\": 1.8}}");
        assertOneLineError("no parameters for group 'big-vocab'", concat(data, "eval", "--law", "E + 0*N", "--params", params.toString()));
        Files.writeString(params, "{\"small-vocab\": {\"E\": \"x\"}, \"big-vocab\": {\"E\": 1}}");
        assertOneLineError("small-vocab.E: \"x\" is text, not a number", concat(data, "eval", "--law", "E + 0*N", "--params", params.toString()));
        // read as 0 without a word it would be a silently wrong number; a law refuses the same literal
        Files.writeString(params, "{\"small-vocab\": {\"E\": 1e-400}, \"big-vocab\": {\"E\": 1}}");
        assertOneLineError("small-vocab.E: 1E-400 is out of range: it would read as 0",
            concat(data, "eval", "--law", "E + 0*N", "--params", params.toString()));
        assertOneLineError("column 'M'", concat(new String[] {"--data", csv.toString(), "--features", "M,N", "--target", "loss",
            "--test-above", "N=1e9"}, "fit", "--law", "E"));
        assertOneLineError("no data for task 'parallel_scaling_law' in " + directory.resolve("nothing"),
            "fit", "--task", "parallel_scaling_law", "--data-dir", directory.resolve("nothing").toString(), "--law", "human");
    }

    @Test
    void badOptionValuesAreOneLineAndExitStatusTwo(@TempDir Path directory) throws IOException {
        Path csv = UserCsv.write(directory);
        String[] data = {"--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
            "--test-above", "N=1e9"};
        assertUsageError("--trend must be per_run, group_mean or u_shaped, not 'mean'", concat(data, "fit", "--law", "E", "--trend", "mean"));
        assertUsageError("--falls-with 'tokens' is not a feature (features: N, D)", concat(data, "fit", "--law", "E", "--falls-with", "tokens"));
        assertUsageError("--target-range takes LOW,HIGH (numbers, or -inf and inf), not 'zero,1'",
            concat(data, "fit", "--law", "E", "--target-range", "zero,1"));
        assertUsageError("--target-range 1,0: bound [1.0, 0.0] is not an interval",
            concat(data, "fit", "--law", "E", "--target-range", "1,0"));
        assertUsageError("--target-range takes LOW,HIGH, not '0'", concat(data, "fit", "--law", "E", "--target-range", "0"));
        assertUsageError("--test-above COL=VALUE extrapolates along COL; --scale-axis is for --test or no test split",
            concat(data, "fit", "--law", "E", "--scale-axis", "D"));
        assertUsageError("--holdout takes top_values=N, top_fraction=F or folds=K, not 'last=1'",
            concat(data, "fit", "--law", "E", "--holdout", "last=1"));
        assertUsageError("--holdout: top_fraction must lie strictly between 0 and 1, not 20.0",
            concat(data, "fit", "--law", "E", "--holdout", "top_fraction=20"));
        assertUsageError("--budget must be at least 1, got 0", concat(data, "fit", "--law", "E", "--budget", "0"));
        assertUsageError("--starts must be at least 1, got 0", concat(data, "fit", "--law", "E", "--starts", "0"));
        assertUsageError("--threads must be at least 1, got -1", concat(data, "fit", "--law", "E", "--threads", "-1"));
        assertUsageError("--threads must be at most 1024, got 100000", concat(data, "fit", "--law", "E", "--threads", "100000"));
        assertUsageError("--test-above 'M' is not a feature (features: N, D)", "fit", "--data", csv.toString(),
            "--features", "N,D", "--target", "loss", "--test-above", "M=1", "--law", "E");
        assertUsageError("--features takes column names separated by commas, not 'N,,D'", "fit", "--data", csv.toString(),
            "--features", "N,,D", "--target", "loss", "--law", "E");
        assertUsageError("--features 'log' is a function of the law language (exp, log, sqrt, abs, min, max, pow), so no"
            + " law could use it as a variable: rename the column", "fit", "--data", csv.toString(), "--features", "N,log",
            "--target", "loss", "--law", "E");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"discover --task moe_scaling_law --data-dir _", "fit --task moe_scaling_law --law human --data-dir _",
        "eval --task moe_scaling_law --law human --data-dir _", "bench --data-dir _",
        "data pull --task moe_scaling_law --data-dir _", "report --run run --data-dir _",
        "eval --task moe_scaling_law --law human --params _", "fit --law-file _", "predict --run run --runs _",
        "fit --data _ --features N --target loss --law E", "discover --data _ --features N --target loss",
        "fit --data runs.csv --features N --target loss --test _ --law E"})
    void anEmptyPathIsRefusedBeforeAnythingIsReadOrWritten(String line) {
        // an empty --data-dir read the current folder ("no data for task ... in ./"), and data pull wrote into it; an
        // empty --params or --law-file said ": a folder, not a file"; an empty --data "no file named (an empty path)"
        String[] args = line.split(" ");
        String option = args[List.of(args).indexOf("_") - 1];
        args[List.of(args).indexOf("_")] = "";
        String command = line.startsWith("data") ? "data pull" : args[0];
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("evosld: Invalid value for option '" + option + "': an empty path; name a folder or file"
            + " (see: evosld " + command + " --help)"), run.allErrorLines());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', quoteCharacter = '"', textBlock = """
        fit --task moe_scaling_law --law human --starts 1e3            > Invalid value for option '--starts': '1e3' is not a whole number
        fit --task moe_scaling_law --law human --starts 99999999999    > Invalid value for option '--starts': '99999999999' is more than 2147483647
        discover --task moe_scaling_law --seed NaN                     > Invalid value for option '--seed': 'NaN' is not a whole number
        discover --task moe_scaling_law --generations 0x10             > Invalid value for option '--generations': '0x10' is not a whole number
        bench --seeds 3.0                                              > Invalid value for option '--seeds': '3.0' is not a whole number
        fit --task moe_scaling_law --law human --seed 1 --seed 2       > --seed given twice (give it once)
        discover --task moe_scaling_law --islands 2 --islands=3        > --islands given twice (give it once)
        bench --seeds 1 --seeds 2                                      > --seeds given twice (give it once)
        fit --task moe_scaling_law --law human --starts                > --starts needs a value (N)
        fit --task moe_scaling_law --law human --loss                  > --loss needs a value (squared|huber)
        """)
    void aNumberOrAnOptionGivenTwiceIsRefusedInAUsersWords(String line, String expected) {
        // picocli said "'1e3' is not an int", "'NaN' is not a long", "option '--seed' (S) should be specified only once"
        // and "Missing required parameter for option '--starts' (N)"
        CliRun run = CliRun.of(line.split(" "));
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("evosld: " + expected + " (see: evosld " + line.split(" ")[0] + " --help)"),
            run.allErrorLines());
    }

    private static String[] concat(String[] options, String command, String... more) {
        String[] all = new String[options.length + more.length + 1];
        all[0] = command;
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(more, 0, all, 1 + options.length, more.length);
        return all;
    }

    private static void assertOneLineError(String expected, String... args) {
        assertOneLine(1, expected, args);
    }

    private static void assertUsageError(String expected, String... args) {
        assertOneLine(2, expected, args);
    }

    private static void assertOneLine(int exit, String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(exit, run.exit(), String.join(" ", args) + "\n" + run.err());
        assertEquals(1, run.allErrorLines().size(), run.err());
        assertTrue(run.allErrorLines().getFirst().startsWith("evosld: "), run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }
}
