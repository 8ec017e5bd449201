package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.data.Table;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtrapolationProbeTest {
    private final ExtrapolationProbe probe = new ExtrapolationProbe(List.of("N"), CandidateScorer.PROBE_FACTORS);
    private final Table table = SyntheticTask.train().table();

    @Test
    void aSaturatingPowerLawPasses() {
        Law law = Law.parse("E + A*N^(-a) + B*D^(-b)", SyntheticTask.FEATURES);
        assertNull(probe.check(law, table, values(law, 1.7, 400, 0.34, 410, 0.28)));
    }

    @Test
    void aLawThatDivergesBeyondTheDataFails() {
        // fits the range 1e7..1e9 reasonably but grows like a quadratic in log N beyond it
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        String reason = probe.check(law, table, values(law, 1.9, 0.5, 17));
        assertTrue(reason != null && reason.startsWith("implausible at 2× the largest N"), reason);
    }

    @Test
    void aLawThatTurnsAroundBeyondTheDataFails() {
        // falls over the data, has its minimum just past the largest N and rises again within the target range
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        String reason = probe.check(law, table, values(law, 1.9, 0.05, Math.log(1.5e9)));
        assertTrue(reason != null && reason.startsWith("turns around at 10× the largest N"), reason);
    }

    @Test
    void aLawThatFlattensBeyondTheDataPasses() {
        // the same curvature with its minimum far beyond the probes keeps falling: no turn
        Law law = Law.parse("E + c*(log(N) - m)^2", SyntheticTask.FEATURES);
        assertNull(probe.check(law, table, values(law, 1.9, 0.01, Math.log(1e12))));
    }

    @Test
    void aLawThatIsUndefinedBeyondTheDataFails() {
        Law law = Law.parse("E + A*log(2e9 - N)", SyntheticTask.FEATURES);
        String reason = probe.check(law, table, values(law, 2, 0.01));
        assertTrue(reason != null && reason.startsWith("not finite at 2× the largest N"), reason);
    }

    private static ParameterSet values(Law law, double... values) {
        Map<String, double[][]> perGroup = new LinkedHashMap<>();
        perGroup.put("a", new double[][] {values});
        perGroup.put("b", new double[][] {values});
        return ParameterSet.of(law.parameters(), List.of("loss"), perGroup);
    }
}
