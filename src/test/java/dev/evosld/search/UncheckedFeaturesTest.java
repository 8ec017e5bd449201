package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UncheckedFeaturesTest {
    /** Validated along N alone, as a user's grid of sizes and token counts is by default. */
    private final TaskConfig alongN = SyntheticTask.config();
    private final Table table = SyntheticTask.train().table();
    /** The data's own law and a term in D that is -0.04 at the largest D and -4.1 at 10× it. */
    private final Law plunging = Law.parse("E + A*N^(-a) + B*D^(-b) + C*D^2", SyntheticTask.FEATURES);
    private final ParameterSet plungingValues = values(plunging, 1.7, 400, 0.34, 410, 0.28, -1e-23);

    @Test
    void aLawThatLeavesThePlausibleValuesAlongAFeatureNoCheckPushedIsNamedWithWhy() {
        Map<String, String> found = UncheckedFeatures.implausible(alongN, table, plunging, plungingValues);
        assertEquals(List.of("D"), List.copyOf(found.keySet()));
        // its first moved row, N = 1e7: 3.71 at D = 6.4e10, 3.52 at 2× (inside the data's range), -0.53 at 10×
        assertEquals("implausible at 10× the largest D: -0.5257 outside [-0.1363, 7.577]", found.get("D"));
    }

    @Test
    void featuresTheSearchCheckedAreLeftToIt() {
        TaskConfig fallsWithD = new TaskConfig(alongN.name(), alongN.description(), alongN.features(),
            alongN.targets(), 5, List.of("N"), alongN.holdout(), TaskConfig.Trend.PER_RUN, List.of("D"),
            TaskConfig.Bound.UNBOUNDED, null, Map.of(), null, null, alongN.search());
        assertEquals(Map.of(), UncheckedFeatures.implausible(fallsWithD, table, plunging, plungingValues));
    }

    @Test
    void aLawThatStaysPlausibleOrDoesNotUseTheFeatureHasNothingToSay() {
        Law chinchilla = Law.parse("E + A*N^(-a) + B*D^(-b)", SyntheticTask.FEATURES);
        assertEquals(Map.of(), UncheckedFeatures.implausible(alongN, table, chinchilla,
            values(chinchilla, 1.7, 400, 0.34, 410, 0.28)));
        Law sizeOnly = Law.parse("E + A*N^(-a)", SyntheticTask.FEATURES);
        assertEquals(Map.of(), UncheckedFeatures.implausible(alongN, table, sizeOnly,
            values(sizeOnly, 2.1, 400, 0.34)));
    }

    private static ParameterSet values(Law law, double... values) {
        Map<String, double[][]> perGroup = new LinkedHashMap<>();
        perGroup.put("a", new double[][] {values});
        perGroup.put("b", new double[][] {values});
        return ParameterSet.of(law.parameters(), List.of("loss"), perGroup);
    }
}
