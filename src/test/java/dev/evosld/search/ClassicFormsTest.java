package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.law.Law;
import dev.evosld.law.Simplifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClassicFormsTest {

    @Test
    void aMixtureOfFiveSharesGetsTheSharedExponentLawWithinItsBudget() {
        TaskConfig config = TaskConfig.load("domain_mixture_scaling_law");
        List<Law> seeds = new ClassicForms().seeds(context(config, 7));
        Set<String> keys = seeds.stream().map(Simplifier::canonicalKey).collect(Collectors.toSet());
        Law shared = Law.parse("E + A0*proportion_domain_1^a + A1*proportion_domain_2^a + A2*proportion_domain_3^a"
            + " + A3*proportion_domain_4^a + A4*proportion_domain_5^a", config.featureNames());
        assertTrue(keys.contains(Simplifier.canonicalKey(shared)), "seeds: " + seeds);
        assertTrue(seeds.stream().anyMatch(law -> law.toString().startsWith("E + A0 * proportion_domain_1^a")));
        assertTrue(seeds.stream().allMatch(law -> law.parameterCount() <= 7), "every seed fits the budget");
        Law human = Law.parse(config.humanLaw(), config.featureNames());
        assertFalse(keys.contains(Simplifier.canonicalKey(human)), "the human law is a baseline, not a seed");
    }

    @Test
    void aMixtureGetsTheExponentialLawOverPowersOfItsShares() {
        TaskConfig config = TaskConfig.load("domain_mixture_scaling_law");
        Train shares = train(config, new double[][] {
            {0.5, 0.1875, 0.0625, 0.0625, 0.1875}, {0.25, 0.1875, 0.0625, 0.125, 0.375}, {0.5, 0, 0.0625, 0.25, 0.1875}});
        Law powers = Law.parse("E + exp(t0*proportion_domain_1^a + t1*proportion_domain_2^a + t2*proportion_domain_3^a"
            + " + t3*proportion_domain_4^a + t4*proportion_domain_5^a)", config.featureNames());
        assertTrue(keys(config, shares, 7).contains(Simplifier.canonicalKey(powers)));
        assertFalse(keys(config, shares, 6).contains(Simplifier.canonicalKey(powers)),
            "five weights, an exponent and a floor: 7");
        assertFalse(keys(config, FormRulesTest.emptyTrain(config), 7).contains(Simplifier.canonicalKey(powers)),
            "values of 1 and 2 are not shares");
    }

    private static Set<String> keys(TaskConfig config, Train train, int parametersPerTarget) {
        return new ClassicForms().seeds(new ProposalContext(config, train, parametersPerTarget, List.of(), 0,
            Duration.ofMinutes(5))).stream()
            .map(Simplifier::canonicalKey).collect(Collectors.toSet());
    }

    /** One group whose runs have the given feature values and a target of 1. */
    private static Train train(TaskConfig config, double[][] runs) {
        double[][] columns = new double[config.features().size()][runs.length];
        for (int r = 0; r < runs.length; r++) {
            for (int j = 0; j < columns.length; j++) {
                columns[j][r] = runs[r][j];
            }
        }
        double[][] targets = new double[config.targets().size()][runs.length];
        for (double[] target : targets) {
            Arrays.fill(target, 1);
        }
        Group group = Group.of("g", columns, targets);
        return new Train(new Table(config.featureNames(), config.targets(), List.of(group)));
    }

    @Test
    void aSmallerBudgetDropsTheFormsThatDoNotFit() {
        TaskConfig config = TaskConfig.load("domain_mixture_scaling_law");
        List<Law> seeds = new ClassicForms().seeds(context(config, 6));
        assertTrue(seeds.stream().allMatch(law -> law.parameterCount() <= 6));
        assertTrue(seeds.stream().noneMatch(law -> law.toString().startsWith("E + A0 * proportion_domain_1^a")),
            "the shared-exponent law over five shares needs 7");
        assertFalse(seeds.isEmpty());
    }

    private static ProposalContext context(TaskConfig config, int parametersPerTarget) {
        return new ProposalContext(config, FormRulesTest.emptyTrain(config), parametersPerTarget, List.of(), 0,
            Duration.ofMinutes(5));
    }
}
