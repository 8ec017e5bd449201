package dev.evosld.report;

import dev.evosld.report.RunFiles.HistoryEntry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's section of the search's history ({@code history.json}), when the run has one. */
final class HistorySection {
    private HistorySection() {
    }

    /** The section's HTML: the plot of the best validation error by generation and the run's counts; writes the plot. */
    static String of(List<HistoryEntry> entries, Path plots) {
        StringBuilder out = new StringBuilder("<section id=\"history\">\n<h2>Search history</h2>\n");
        List<HistoryEntry> plotted = entries.stream()
            .filter(e -> e.bestValidationError() != null && Double.isFinite(e.bestValidationError())).toList();
        if (!plotted.isEmpty()) {
            XYChart chart = historyChart(plotted);
            ChartFiles.save(chart, plots, "history");
            XYChart narrow = historyChart(plotted, Row.NARROW);
            ChartFiles.saveNarrow(narrow, plots, "history");
            out.append(ChartFiles.figure(chart, narrow, "history", "The best validation error (1 − validation R²) found by each generation."));
        }
        HistoryEntry last = entries.isEmpty() ? null : entries.getLast();
        if (last != null) {
            // the counters of history.json are running totals: the last generation's are the run's
            long fitted = last.candidatesFitted() == null ? 0 : last.candidatesFitted();
            long hits = last.cacheHits() == null ? 0 : last.cacheHits();
            double seconds = last.seconds() == null ? 0 : last.seconds();
            out.append("<p class=\"note\">").append(entries.size()).append(" generations, ").append(fitted)
                .append(" candidates fitted, ").append(hits).append(" cache hits, ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", seconds))
                // discover's search: line counts them too, and a reader comparing the two would find them apart
                .append(" s to the last generation (the choice and the refit on all of train came after).</p>\n");
        }
        return out.append("</section>\n").toString();
    }

    /**
     * The plot of the best validation error by generation, of entries whose error is finite. Its axis is logarithmic
     * whenever the errors are above 0, and so spans a decade at least: a linear one reaches from the least error to the
     * greatest, drawing a search that bettered its first law by 2% as a fall from the top of the plot to the bottom,
     * and labels no step below 10⁻¹⁰ (XChart), so an error of 5×10⁻¹⁰ falling in its fifth digit had one label.
     */
    static XYChart historyChart(List<HistoryEntry> plotted) {
        return historyChart(plotted, 760);
    }

    private static XYChart historyChart(List<HistoryEntry> plotted, int width) {
        double[] x = plotted.stream().mapToDouble(HistoryEntry::generation).toArray();
        double[] y = plotted.stream().mapToDouble(HistoryEntry::bestValidationError).toArray();
        boolean log = Arrays.stream(y).allMatch(e -> e > 0);
        XYChart chart = Charts.chart(width, width == Row.NARROW ? 260 : 360, null, "generation",
            "best validation error" + (log ? " (log scale)" : ""));
        if (log) {
            LogAxes.logY(chart);
        }
        Charts.wholeNumbersX(chart);
        chart.getStyler().setLegendVisible(false);
        XYSeries series = Charts.line(chart, "best validation error", x, y, Charts.TRAIN, 1.8f);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(Charts.TRAIN);
        chart.getStyler().setMarkerSize(plotted.size() > 60 ? 0 : 5);
        return chart;
    }
}
