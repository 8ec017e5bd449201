package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.law.Law;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormRulesTest {

    @Test
    void everyHumanLawAndEveryClassicFormIsAnAcceptableForm() {
        for (String task : TaskConfig.builtinTasks()) {
            TaskConfig config = TaskConfig.load(task);
            Law human = Law.parse(config.humanLaw(), config.featureNames());
            assertEquals(Optional.empty(), FormRules.violation(human), task + ": " + human);
            ProposalContext context = new ProposalContext(config, emptyTrain(config), 64, List.of(), 0,
                Duration.ofMinutes(5));
            for (Law seed : new ClassicForms().seeds(context)) {
                assertEquals(Optional.empty(), FormRules.violation(seed), task + ": " + seed);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "N^(D^a)                               | a variable in an exponent",
        "exp(a*exp(N))                         | exp inside exp",
        "log(a + log(N))                       | log inside log",
        "(N^a)^b                               | a power of a power",
        "A + p1*N*log(N)^p2                    | a fitted power of a logarithm",
    })
    void rejectsFormsThatDoNotLookLikeScalingLaws(String formula, String reason) {
        assertEquals(Optional.of(reason), FormRules.violation(Law.parse(formula, List.of("N", "D"))));
    }

    @Test
    void acceptsTheUsualBuildingBlocks() {
        for (String formula : List.of("E + A*N^(-a)", "a + b*log(N) + c*log(N)^2", "c + k*exp(t*N)",
            "(A/(N*(k*log(D) + 1)))^a + E", "A/(N^a + B) + C")) {
            assertTrue(FormRules.violation(Law.parse(formula, List.of("N", "D"))).isEmpty(), formula);
        }
    }

    static Train emptyTrain(TaskConfig config) {
        List<double[]> columns = new ArrayList<>();
        for (int i = 0; i < config.features().size(); i++) {
            columns.add(new double[] {1, 2});
        }
        double[][] targets = new double[config.targets().size()][];
        for (int t = 0; t < targets.length; t++) {
            targets[t] = new double[] {1, 2};
        }
        Group group = Group.of("g", columns.toArray(double[][]::new), targets);
        return new Train(new Table(config.featureNames(), config.targets(), List.of(group)));
    }
}
