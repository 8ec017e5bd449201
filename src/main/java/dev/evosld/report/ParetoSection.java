package dev.evosld.report;

import dev.evosld.law.ReadableSigns;
import dev.evosld.report.RunFiles.ParetoEntry;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's section of the run's Pareto front ({@code pareto.json}), when the run has one. */
final class ParetoSection {
    private ParetoSection() {
    }

    /** The section's HTML: the plot and the table of the front's laws; writes the plot into {@code plots}. */
    static String of(List<ParetoEntry> entries, List<String> features, Path plots) {
        StringBuilder out = new StringBuilder("<section id=\"pareto\">\n<h2>Pareto front</h2>\n");
        // its first mention: unexplained, it reads as the validation RMSE of the scores, in the target's units; and on the
        // page, not in a tooltip, which a phone or a printed page never shows
        out.append("<p class=\"note\">Validation error is 1 − validation R²: lower is better. Behind the best: how far a")
            .append(" law's validation error trails the best law's, in standard errors (SE) of the difference taken row by")
            .append(" row; the run chooses the simplest law at most 1 SE behind, unless a later check passes it over.</p>\n");
        List<ParetoEntry> plotted = entries.stream()
            .filter(e -> e.validationError() != null && Double.isFinite(e.validationError()))
            .sorted(Comparator.comparingInt(ParetoEntry::complexity))
            .toList();
        if (!plotted.isEmpty()) {
            XYChart chart = paretoChart(plotted, 760);
            ChartFiles.save(chart, plots, "pareto");
            XYChart narrow = paretoChart(plotted, Row.NARROW);
            ChartFiles.saveNarrow(narrow, plots, "pareto");
            out.append(ChartFiles.figure(chart, narrow, "pareto", "Validation error against complexity (nodes + parameters, the measure the front ranks laws by) of the laws on the Pareto front;"
                + " the chosen law is the orange diamond."));
        }
        out.append("<div class=\"scroll\"><table>\n<thead><tr><th>law</th><th class=\"num\">parameters</th>")
            .append("<th class=\"num\">nodes</th><th class=\"num\">validation error</th>")
            .append("<th class=\"num\">validation R²</th>")
            .append("<th class=\"num\">behind the best</th>")
            .append("</tr></thead>\n<tbody>\n");
        double best = entries.stream().map(ParetoEntry::validationError).filter(e -> e != null && Double.isFinite(e))
            .mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        for (ParetoEntry entry : entries) {
            out.append(entry.chosen() ? "<tr class=\"chosen\">" : "<tr>");
            out.append("<td class=\"law\"><code>").append(Html.escape(ReadableSigns.of(String.valueOf(entry.law()), features))).append("</code>")
                .append(entry.chosen() ? " (chosen)" : "").append("</td>");
            out.append("<td class=\"num\">").append(entry.parameterCount()).append("</td>");
            out.append("<td class=\"num\">").append(entry.nodeCount()).append("</td>");
            out.append("<td class=\"num\">").append(entry.validationError() == null ? "&#x2014;"
                : Html.number(entry.validationError())).append("</td>");
            out.append("<td class=\"num\">").append(Html.r2(entry.validationR2())).append("</td>");
            out.append("<td class=\"num\">").append(behindBest(entry, best)).append("</td></tr>\n");
        }
        return out.append("</tbody></table></div>\n</section>\n").toString();
    }

    /** The plot of the front's laws, {@code plotted} in order of complexity, validation error against complexity. */
    private static XYChart paretoChart(List<ParetoEntry> plotted, int width) {
        double[] x = plotted.stream().mapToDouble(ParetoEntry::complexity).toArray();
        double[] y = plotted.stream().mapToDouble(ParetoEntry::validationError).toArray();
        boolean log = LogAxes.spansDecades(y);
        XYChart chart = Charts.chart(width, width == Row.NARROW ? 300 : 420, null, "complexity (nodes + parameters)",
            "validation error" + (log ? " (log scale)" : ""));
        if (log) {
            LogAxes.logY(chart);
        }
        Charts.wholeNumbersX(chart);
        XYSeries front = Charts.line(chart, "Pareto front", x, y, Charts.TRAIN, 1.5f);
        front.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        Charts.scatter(chart, "laws", x, y, Charts.TRAIN, SeriesMarkers.CIRCLE);
        List<ParetoEntry> chosen = plotted.stream().filter(ParetoEntry::chosen).toList();
        if (!chosen.isEmpty()) {
            XYSeries mark = Charts.scatter(chart, "chosen law",
                chosen.stream().mapToDouble(ParetoEntry::complexity).toArray(),
                chosen.stream().mapToDouble(ParetoEntry::validationError).toArray(), Charts.TEST,
                SeriesMarkers.DIAMOND);
            mark.setMarkerColor(Charts.TEST);
        }
        chart.getStyler().setMarkerSize(9);
        if (width == Row.NARROW) {
            // inside, the legend covers a third of a phone's plot's width, and the laws it lies over
            chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
        }
        return chart;
    }

    /** The trail behind the best law in standard errors of the difference, or a dash when it is unknown. */
    private static String behindBest(ParetoEntry entry, double best) {
        Double error = entry.validationError();
        Double se = entry.differenceStandardError();
        if (error == null || !Double.isFinite(error)) {
            return "&#x2014;";
        }
        if (error <= best) {
            return "best";
        }
        return se == null || !(se > 0) ? "&#x2014;" : String.format(java.util.Locale.ROOT, "%.1f SE", (error - best) / se);
    }
}
