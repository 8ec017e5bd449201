package dev.evosld.search;

import dev.evosld.data.Group;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fitted law does beyond the data along the features no check pushed: neither a scale axis nor one the
 * targets fall with. Validation never saw such a feature grow, so a law may turn around or leave every plausible
 * value there and still be chosen: on a grid of model sizes and token counts validated along the sizes alone, a law
 * with a {@code C*tokens^2} term that fits the data predicted a loss of 0.017 at 10× the largest token count, where the
 * law that made the data gives 3.62 (scripts/synthetic-grid.py, seed 0). The same probe
 * the search applies to its axes ({@link ExtrapolationProbe}) is applied to each such feature on its own, after the
 * choice, so that it is said rather than acted on: the search's path and choice are those of the run.
 */
public final class UncheckedFeatures {
    private UncheckedFeatures() {
    }

    /**
     * Per feature no check pushed and whose values vary in some group, why the law is implausible when that feature
     * alone is pushed beyond the data (in the probe's words), in the config's feature order; empty where it holds or
     * where the features are the shares of a mixture, which cannot grow.
     */
    public static Map<String, String> implausible(TaskConfig config, Table train, Law law, ParameterSet values) {
        Map<String, String> found = new LinkedHashMap<>();
        if (train.featuresAreShares()) {
            return found;
        }
        for (String feature : train.features()) {
            if (config.scaleAxis().contains(feature) || config.fallsWith().contains(feature)
                || !varies(train, feature) || !law.variables().contains(feature)) {
                continue;
            }
            String why = new ExtrapolationProbe(List.of(feature), List.of(), config.trend(),
                CandidateScorer.PROBE_FACTORS, config.targetRange()).check(law, train, values);
            if (why != null) {
                found.put(feature, why);
            }
        }
        return found;
    }

    private static boolean varies(Table table, String feature) {
        int j = table.features().indexOf(feature);
        for (Group group : table.groups()) {
            double[] column = group.feature(j);
            if (Arrays.stream(column).anyMatch(v -> v != column[0])) {
                return true;
            }
        }
        return false;
    }
}
