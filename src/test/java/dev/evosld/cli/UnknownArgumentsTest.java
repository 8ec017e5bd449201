package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownArgumentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        discover --tsk moe_scaling_law       | unknown option --tsk; did you mean --task? (see: evosld discover --help)
        fit --Task moe_scaling_law           | unknown option --Task; did you mean --task? (see: evosld fit --help)
        fit --start 4                        | unknown option --start; did you mean --starts? (see: evosld fit --help)
        discover --time_limit 5m             | unknown option --time_limit; did you mean --time-limit? (see: evosld discover --help)
        discover --genrations=5              | unknown option --genrations; did you mean --generations? (see: evosld discover --help)
        discover --seeds 3                   | unknown option --seeds; did you mean --seed? (see: evosld discover --help)
        bench --seed 3                       | unknown option --seed; did you mean --seeds? (see: evosld bench --help)
        eval --tsak moe_scaling_law          | unknown option --tsak; did you mean --task? (see: evosld eval --help)
        predict --rn DIR                     | unknown option --rn; did you mean --run? (see: evosld predict --help)
        export --fromat json                 | unknown option --fromat; did you mean --format? (see: evosld export --help)
        report --rnu DIR                     | unknown option --rnu; did you mean --run? (see: evosld report --help)
        data pull --tasks moe_scaling_law    | unknown option --tasks; did you mean --task? (see: evosld data pull --help)
        discover --gen 5                     | unknown option --gen; did you mean --generations? (see: evosld discover --help)
        fit --generations 5                  | --generations is an option of discover and bench, not of fit (see: evosld fit --help)
        eval --seed 3                        | --seed is an option of discover and fit, not of eval (see: evosld eval --help)
        predict --data runs.csv              | --data is an option of discover, fit and eval, not of predict (see: evosld predict --help)
        discover --law E                     | --law is an option of fit and eval, not of discover (see: evosld discover --help)
        fit --frobnicate                     | unknown option --frobnicate (see: evosld fit --help)
        discovr --task moe_scaling_law       | unknown command 'discovr'; did you mean discover? (see: evosld --help)
        Fit --law E                          | unknown command 'Fit'; did you mean fit? (see: evosld --help)
        frobnicate                           | unknown command 'frobnicate' (commands: discover, fit, eval, predict, export, report, bench, data, help) (see: evosld --help)
        data pul --task moe_scaling_law      | unknown command 'pul'; did you mean pull? (see: evosld data --help)
        discover moe_scaling_law             | unexpected argument 'moe_scaling_law'; did you mean --task moe_scaling_law? (see: evosld discover --help)
        fit --task moe_scaling_law --law E + A | unexpected argument '+' after --law E: a value with spaces goes in quotes (--law 'E + ...') (see: evosld fit --help)
        fit -task moe_scaling_law --law E    | -task is read as -t with the value 'ask'; write --task (see: evosld fit --help)
        report somewhere --run DIR           | unexpected argument 'somewhere' (report takes options only) (see: evosld report --help)
        export --run DIR --format json extra | unexpected argument 'extra' after --format json: a value with spaces goes in quotes (--format 'json extra ...') (see: evosld export --help)
        """)
    void anUnknownArgumentIsOneLineSayingWhatWasLikelyMeant(String args, String line) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("evosld: " + line), run.allErrorLines());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        --ot   | --out
        --outt | --out
        --llm  | ''
        --llm-m | --llm-model
        """)
    void suggestsOnlyANameASlipCouldHaveMadeOrTheOneItBegins(String given, String expected) {
        List<String> names = List.of("--out", "--at", "--llm-model", "--llm-every", "--seed");
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), UnknownArguments.nearest(given, names));
    }
}
