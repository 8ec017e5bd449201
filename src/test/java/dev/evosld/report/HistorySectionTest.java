package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class HistorySectionTest {
    @TempDir
    Path dir;

    /** A search's history of best validation errors, one generation each. */
    private static List<RunFiles.HistoryEntry> history(double... errors) {
        List<RunFiles.HistoryEntry> entries = new ArrayList<>();
        for (int g = 0; g < errors.length; g++) {
            entries.add(new RunFiles.HistoryEntry(g + 1, errors[g], 1 - errors[g], 100L * (g + 1), 0L, g + 1.0));
        }
        return entries;
    }

    @Test
    void theSearchHistoryIsDrawnToScaleOnALogAxisWhateverItsErrorsSize() throws Exception {
        // a user's runs made up without noise: the best validation error fell from 5.131497e-10 to 5.131155e-10, in its
        // fifth digit, and the plot drew it as a fall from the top of the plot to the bottom, along an axis labelled once,
        // 5.1313439101×10⁻¹⁰ (XChart labels no step below 10⁻¹⁰ of a linear axis)
        XYChart exact = HistorySection.historyChart(history(5.131497449184508e-10, 5.131154945381411e-10,
            5.131154945381411e-10, 5.131154945381411e-10));
        ChartFiles.save(exact, dir, "history");
        List<String> labels = ChartsTest.tickLabels(exact, 'y');
        assertTrue(exact.getStyler().isYAxisLogarithmic(), labels.toString());
        assertTrue(labels.size() >= 3 && labels.contains("5×10⁻¹⁰"), labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.length() <= 7), "labels of a few digits: " + labels);
        assertEquals("best validation error (log scale)", exact.getYAxisTitle());
        assertEquals(List.of("1", "2", "3", "4"), ChartsTest.tickLabels(exact, 'x'), "generations, not 1.5 or 2.5");

        // domain_mixture's search of 60 generations bettered its first law by 1.7%, drawn as a fall of the whole plot
        double[] errors = new double[60];
        for (int g = 0; g < errors.length; g++) {
            errors[g] = 0.0025629025851145125 + 0.0000453721869903669 / (g + 1);
        }
        XYChart small = HistorySection.historyChart(history(errors));
        ChartFiles.save(small, dir, "history");
        assertTrue(small.getStyler().isYAxisLogarithmic());
        // a decade at least, so that a fall of 1.7% takes less than a hundredth of the plot's height
        assertTrue(small.getStyler().getYAxisMax() / small.getStyler().getYAxisMin() >= 10,
            small.getStyler().getYAxisMin() + " to " + small.getStyler().getYAxisMax());
    }
}
