package dev.evosld.report;

import dev.evosld.EvosldException;
import dev.evosld.data.DataException;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.Predictions.GroupError;
import dev.evosld.eval.R2;
import dev.evosld.export.Notation;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import dev.evosld.law.ReadableSigns;
import dev.evosld.report.RunFiles.HistoryEntry;
import dev.evosld.report.RunFiles.ParetoEntry;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A run's report: {@code report.html} in the run directory, with the images it shows in {@code plots/}
 * (each as PNG and SVG). It shows the law as mathematics (MathML, which browsers render without any
 * script), the scores and provenance, every group's parameters, the Pareto front and search history when
 * the run has them, predicted against actual values, and each group's target against the scale axis with
 * the fitted law extended over the test range (when the data has a test split).
 *
 * <p>The page is self-contained apart from its images, so the run directory can be copied or served as is.
 */
public final class Report {
    /** The most (group, target) panels of the scale-axis plot; more would make the page a wall of plots. */
    static final int MAX_PANELS = 12;
    /** The most predicted-against-actual plots, one per target. */
    static final int MAX_TARGET_PLOTS = 6;
    /** The report's own plots, removed before new ones are written so that none is left over from a larger report. */
    private static final Pattern OWN_PLOT =
        Pattern.compile("(pareto|history|predicted-\\d+|scale-([A-Za-z_][A-Za-z0-9_]*-)?\\d+)(-narrow)?\\.(png|svg)");

    private Report() {
    }

    /**
     * Writes the report of a run directory's law on the given data.
     *
     * @param data the task's rows: those the run used (the report checks the task's name, not the rows)
     * @return the path of {@code report.html}
     * @throws EvosldException if the law document, {@code pareto.json} or {@code history.json} is invalid,
     *     the data belongs to another task, or a file cannot be written
     */
    public static Path write(RunDirectory run, TaskData data) {
        return write(run, data, MAX_PANELS);
    }

    /** {@link #write(RunDirectory, TaskData)} with at most {@code maxPanels} scale-axis panels. */
    static Path write(RunDirectory run, TaskData data, int maxPanels) {
        // XChart draws with AWT, which must not look for a display on a server
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        LawDocument document = run.readLaw();
        TaskConfig config = data.config();
        if (!config.name().equals(document.task())) {
            throw new EvosldException(run.lawFile() + ": the law is for task '" + document.task()
                + "', but the data is task '" + config.name() + "'");
        }
        Law law = document.parsedLaw();
        ParameterSet parameters = document.parameterSet(run.lawFile().toString());
        if (!parameters.targets().equals(config.targets())) {
            throw new EvosldException(run.lawFile() + ": targets " + parameters.targets() + " differ from the task's "
                + config.targets());
        }
        Predictions train = Predictions.of(law, data.train().table(), parameters);
        Optional<Predictions> test = data.test().map(t -> Predictions.of(law, t.table(), parameters));
        Optional<List<ParetoEntry>> pareto = RunFiles.pareto(run.paretoFile());
        Optional<List<HistoryEntry>> history = RunFiles.history(run.historyFile());

        Path plots = run.plotsDirectory();
        clearOwnPlots(plots);
        // an older version's law.json may hold the search's form; the page shows the law as reported now
        Law written = ReadableSigns.of(law);
        Notation notation = Notation.of(written, config.featureNames(), config.targets());
        StringBuilder sections = new StringBuilder();
        sections.append(lawSection(written, notation));
        sections.append(scoresSection(document, data, train, test));
        sections.append(parametersSection(law, parameters, notation, train, test));
        pareto.ifPresent(entries -> sections.append(paretoSection(entries, config.featureNames(), plots)));
        history.ifPresent(entries -> sections.append(historySection(entries, plots)));
        sections.append(predictionsSection(train, test, plots));
        sections.append(ScaleSection.of(law, parameters, data, plots, maxPanels));

        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", Html.escape(dev.evosld.Version.current()));
        values.put("title", Html.escape(document.task()));
        values.put("heading", heading(document.task()));
        values.put("css", Template.resource("/report/report.css")
            + parameterLabels(law.parameters(), notation, test.isPresent()));
        values.put("subtitle", subtitle(document));
        values.put("sections", sections.toString());
        values.put("footer", footer(document));
        String html = Template.fill(Template.resource("/report/report.html"), values);
        AtomicFiles.write(run.reportFile(), html);
        return run.reportFile();
    }

    /**
     * A task's name for the page's heading, with a place to break after each underscore: one word to the browser,
     * domain_mixture_scaling_law ran past a phone's window and the whole page scrolled sideways.
     */
    static String heading(String task) {
        return Html.escape(task).replace("_", "_<wbr>");
    }

    private static void clearOwnPlots(Path plots) {
        if (!Files.isDirectory(plots)) {
            return;
        }
        try (Stream<Path> files = Files.list(plots)) {
            for (Path file : files.toList()) {
                if (OWN_PLOT.matcher(file.getFileName().toString()).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new EvosldException("cannot clear " + plots + ": " + AtomicFiles.reason(e));
        }
    }

    private static String subtitle(LawDocument document) {
        List<String> parts = new ArrayList<>();
        LawDocument.Provenance provenance = document.provenance();
        if (provenance != null) {
            parts.add("law from <code>evosld " + Html.escape(String.valueOf(provenance.command())) + "</code>");
            parts.add("seed " + provenance.seed());
            if (provenance.created() != null) {
                parts.add(Html.escape(readableTime(provenance.created())));
            }
        }
        parts.add("EvoSLD " + Html.escape(String.valueOf(document.evosldVersion())));
        return String.join(" &#xB7; ", parts);
    }

    /** An ISO-8601 instant to the minute, in UTC; other text unchanged. */
    static String readableTime(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    private static String footer(LawDocument document) {
        return "Written by EvoSLD " + Html.escape(dev.evosld.Version.current()) + " from"
            + " <a href=\"law.json\">law.json</a>. Export the law with <code>evosld export --run &lt;dir&gt;"
            + " --format latex|java|python|json</code>.";
    }

    private static String lawSection(Law law, Notation notation) {
        StringBuilder out = new StringBuilder("<section id=\"law\">\n<h2>Law</h2>\n");
        out.append("<div class=\"formula\">").append(notation.mathMl()).append("</div>\n");
        // MathML never wraps: a phone's window shows the equation in pieces that wrap like words (report.css)
        out.append("<div class=\"formula-narrow\">").append(String.join("<wbr>", notation.mathMlPieces()))
            .append("</div>\n");
        out.append("<ul class=\"legend\">\n");
        for (Notation.LegendEntry entry : notation.legend()) {
            String names = entry.names().stream().map(n -> "<code>" + Html.escape(n) + "</code>")
                .reduce((a, b) -> a + ", " + b).orElse("");
            String what = entry.names().size() > 1 ? "each target, fitted separately: " + names : names;
            out.append("<li>").append(entry.mathMl()).append(" &#x2014; ").append(what).append(" (")
                .append(entry.role()).append(")</li>\n");
        }
        if (law.expr().uses(Operator.LOG)) {
            out.append("<li><math><mi>log</mi></math> &#x2014; the natural logarithm</li>\n");
        }
        out.append("</ul>\n");
        out.append("<p class=\"law-text\">In EvoSLD's law language: <code>").append(Html.escape(law.toString()))
            .append("</code></p>\n");
        out.append("<details><summary>LaTeX</summary><pre><code>").append(Html.escape(notation.latex()))
            .append("</code></pre></details>\n</section>\n");
        return out.toString();
    }

    private static String scoresSection(LawDocument document, TaskData data, Predictions train,
                                        Optional<Predictions> test) {
        LawDocument.Metrics metrics = document.metrics();
        StringBuilder out = new StringBuilder("<section id=\"scores\">\n<h2>Scores</h2>\n");
        // what each number is, before the first of them: a validation RMSE and, further down, a validation error read alike
        out.append("<p class=\"note\">Validation scores the law on runs of train held out from its fit, as the search")
            .append(" scored every law").append(test.isPresent() ? " (the test split stays unseen)" : "")
            .append(". R² is SLDBench's: 1 − the mean squared error over the variance of the actual values, averaged over")
            .append(" targets; RMSE, the root mean squared error, is in the target's units.</p>\n<div class=\"columns\">\n");
        out.append("<table class=\"keyvalue\" id=\"metrics\">\n");
        if (metrics != null) {
            row(out, "train R²", Html.r2(metrics.trainR2()));
            row(out, "validation R²", metrics.validationR2() != null ? Html.r2(metrics.validationR2())
                : metrics.validationFailure() != null ? "&#x2014; (fails: " + Html.escape(metrics.validationFailure()) + ")"
                : "&#x2014; (not measured)");
            // in the targets' units: how far the predictions of held-out (larger) runs missed inside train, and of test
            rmseRows(out, "validation RMSE", metrics.validationRmse());
            row(out, "test R²", test.isEmpty() ? "none (no test split: every row was used to fit the law)"
                : metrics.testR2() != null || !test.get().r2().isFailure() ? Html.r2(metrics.testR2())
                : "&#x2014; (" + Html.escape(test.get().r2().failure()) + ")");
            rmseRows(out, "test RMSE", metrics.testRmse());
            row(out, "parameters", metrics.parameterCount() + (data.config().targets().size() > 1
                ? " per group and target" : " per group"));
            row(out, "nodes", Integer.toString(metrics.nodeCount()));
        }
        TaskConfig.References references = data.config().references();
        if (references != null) {
            row(out, "human law, test R²", Html.r2(references.humanR2()));
            row(out, "leaderboard best, test R²", Html.r2(references.leaderboardR2()));
        }
        out.append("</table>\n<table class=\"keyvalue\" id=\"provenance\">\n");
        row(out, "task", Html.escape(document.task()));
        row(out, "groups", Integer.toString(train.groups().size()));
        row(out, "rows", train.actual().getFirst().length + " train, "
            + test.map(t -> t.actual().getFirst().length + " test").orElse("no test split"));
        LawDocument.Provenance provenance = document.provenance();
        if (provenance != null) {
            row(out, "seed", Long.toString(provenance.seed()));
            if (provenance.search() != null) {
                LawDocument.Search search = provenance.search();
                row(out, "search", search.generations() + " of " + search.plannedGenerations() + " generations"
                    + (search.generations() >= search.plannedGenerations() ? ""
                        : " (cut short by its " + Html.escape(String.valueOf(search.stoppedBy()))
                            + ": another run with this seed finds another law)")
                    + (search.restartsCutShort() ? ", " + search.restarts() + " of " + search.plannedRestarts()
                        + " restarts (the others did not start before the time limit; resuming the run searches with"
                        + " them)" : "")
                    + (search.proposers() == null ? "" : ", laws proposed by " + Html.escape(String.join(" and ", search.proposers()))));
            }
            DataSource source = provenance.data();
            if (source != null) {
                row(out, "data", "csv".equals(source.kind())
                    ? "<code>" + Html.escape(String.valueOf(source.data())) + "</code>"
                      + (source.test() != null ? ", test <code>" + Html.escape(source.test()) + "</code>" : "")
                      + (source.testAbove() != null ? ", test rows " + Html.escape(splitRule(source.testAbove())) : "")
                    : "SLDBench <code>" + Html.escape(String.valueOf(source.task())) + "</code>");
            }
            row(out, "data checksum", "<code>" + Html.escape(String.valueOf(provenance.dataChecksum())) + "</code>");
        }
        out.append("</table>\n</div>\n");
        Optional<R2> testR2 = test.map(Predictions::r2).filter(r2 -> !r2.isFailure());
        if (metrics != null && metrics.testR2() != null && testR2.isPresent()
            && Math.abs(testR2.get().value() - metrics.testR2()) > 1e-9) {
            out.append("<p class=\"warning\">On the data given to the report the law scores test R² ")
                .append(Html.r2(testR2.get().value())).append(", not the recorded ").append(Html.r2(metrics.testR2()))
                .append(": the data may have changed since the run.</p>\n");
        }
        return out.append("</section>\n").toString();
    }

    /**
     * A row per target of root mean squared errors (none when they were not measured), in the four significant digits
     * discover prints them in, written as the page writes numbers.
     */
    private static void rmseRows(StringBuilder out, String key, Map<String, Double> byTarget) {
        if (byTarget == null) {
            return;
        }
        byTarget.forEach((target, rmse) -> row(out, key + (byTarget.size() > 1 ? " (" + Html.escape(target) + ")" : ""),
            Html.number(rmse, 4)));
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><th>").append(key).append("</th><td>").append(value).append("</td></tr>\n");
    }

    private static String parametersSection(Law law, ParameterSet parameters, Notation notation, Predictions train,
                                            Optional<Predictions> test) {
        List<String> targets = parameters.targets();
        boolean several = targets.size() > 1;
        Map<String, GroupError> trainErrors = byGroup(train);
        Optional<Map<String, GroupError>> testErrors = test.map(Report::byGroup);
        StringBuilder out = new StringBuilder("<section id=\"parameters\">\n<h2>Parameters per group</h2>\n");
        out.append("<p class=\"note\">Six significant digits; hover for the exact value. RMSE over the group's rows")
            .append(several ? ", in the target's units" : "").append(".</p>\n");
        out.append("<div class=\"scroll\"><table class=\"parameters\">\n<thead><tr><th>group</th>");
        // beside the group's name, in view however wide the table: a law of 3 parameters all but passes through 4 runs
        out.append("<th class=\"num\">train rows</th>")
            .append(testErrors.isPresent() ? "<th class=\"num\">test rows</th>" : "");
        for (String name : law.parameters()) {
            out.append("<th class=\"num\">").append(notation.mathMlSymbol(name)).append("</th>");
        }
        out.append("<th class=\"num\">train RMSE</th>")
            .append(testErrors.isPresent() ? "<th class=\"num\">test RMSE</th>" : "").append("</tr></thead>\n");
        int columns = 3 + law.parameters().size() + (testErrors.isPresent() ? 2 : 0);
        // a block of rows per target under its name, where a column of target names beside domain_mixture's seven
        // parameters made the table wider than a laptop's window; the columns stay aligned from one target to the next
        for (int t = 0; t < targets.size(); t++) {
            out.append("<tbody>\n");
            if (several) {
                out.append("<tr class=\"target\"><th colspan=\"").append(columns).append("\">Target <code>")
                    .append(Html.escape(targets.get(t))).append("</code></th></tr>\n");
            }
            for (String group : parameters.groups()) {
                out.append("<tr>");
                out.append("<td class=\"group\">").append(Html.escape(group)).append("</td>");
                out.append("<td class=\"num\">").append(rows(trainErrors.get(group))).append("</td>");
                if (testErrors.isPresent()) {
                    out.append("<td class=\"num\">").append(rows(testErrors.get().get(group))).append("</td>");
                }
                for (double value : parameters.values(group, t)) {
                    out.append("<td class=\"num\">").append(Html.number(value)).append("</td>");
                }
                out.append("<td class=\"num\">").append(rmse(trainErrors.get(group), t)).append("</td>");
                if (testErrors.isPresent()) {
                    out.append("<td class=\"num\">").append(rmse(testErrors.get().get(group), t)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n");
        }
        return out.append("</table></div>\n</section>\n").toString();
    }

    /**
     * The names of the parameters table's columns, which report.css sets above each number on a phone, where the table's
     * heading row is hidden: CSS writes text only, so a symbol's subscript follows an underscore ({@code β_0}).
     */
    static String parameterLabels(List<String> names, Notation notation, boolean testSplit) {
        List<String> labels = new ArrayList<>(List.of("train rows"));
        if (testSplit) {
            labels.add("test rows");
        }
        for (String name : names) {
            labels.add(notation.mathMlSymbol(name).replace("<mrow>", "_").replaceAll("<[^>]+>", ""));
        }
        labels.add("train RMSE");
        if (testSplit) {
            labels.add("test RMSE");
        }
        StringBuilder out = new StringBuilder("@media screen and (max-width: 640px) {\n");
        for (int c = 0; c < labels.size(); c++) {
            // the group's name is the first column
            out.append("  #parameters td:nth-child(").append(c + 2).append(")::before { content: \"")
                .append(labels.get(c).replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3c ")).append("\"; }\n");
        }
        return out.append("}\n").toString();
    }

    private static Map<String, GroupError> byGroup(Predictions predictions) {
        Map<String, GroupError> errors = new LinkedHashMap<>();
        predictions.groups().forEach(g -> errors.put(g.group(), g));
        return errors;
    }

    /**
     * A recorded split rule with its number as the user writes it: runs made before rules were recorded so hold
     * Java's form ({@code N>1.0E9}); one that does not parse is shown as recorded.
     */
    private static String splitRule(String recorded) {
        try {
            return UserData.ScaleRule.parse(recorded).toString();
        } catch (DataException e) {
            return recorded;
        }
    }

    /** The group's rows, 0 where it has none in the split. */
    private static String rows(GroupError error) {
        return Integer.toString(error == null ? 0 : error.rows());
    }

    /** A target's RMSE in the group, in the target's units (a loss and an accuracy pooled would be in neither's). */
    private static String rmse(GroupError error, int target) {
        if (error == null) {
            return "&#x2014;";
        }
        double rmse = error.rmse(target);
        return Double.isFinite(rmse) ? Html.number(rmse) : "not finite";
    }

    private static String paretoSection(List<ParetoEntry> entries, List<String> features, Path plots) {
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

    private static String historySection(List<HistoryEntry> entries, Path plots) {
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
                .append(String.format(java.util.Locale.ROOT, "%.1f", seconds)).append(" s.</p>\n");
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

    /** The rows whose point has no place on a chart, the law's prediction (or the value) not being finite. */
    private static int notFinite(double[] actual, double[] predicted) {
        int count = 0;
        for (int r = 0; r < actual.length; r++) {
            if (!Double.isFinite(actual[r]) || !Double.isFinite(predicted[r])) {
                count++;
            }
        }
        return count;
    }

    /** A note of the rows a plot of predictions leaves out (XChart cannot place them), or nothing when there are none. */
    private static String notDrawn(int train, int test) {
        List<String> parts = new ArrayList<>();
        if (train > 0) {
            parts.add(train + " train row" + (train == 1 ? "" : "s"));
        }
        if (test > 0) {
            parts.add(test + " test row" + (test == 1 ? "" : "s"));
        }
        return parts.isEmpty() ? ""
            : " Not drawn: " + String.join(" and ", parts) + ", where the law&#39;s prediction is not finite.";
    }

    private static String predictionsSection(Predictions train, Optional<Predictions> test, Path plots) {
        List<String> targets = train.targets();
        int shown = Math.min(targets.size(), MAX_TARGET_PLOTS);
        StringBuilder out = new StringBuilder("<section id=\"predictions\">\n<h2>Predicted against actual</h2>\n");
        out.append("<p class=\"note\">Blue circles: train rows; ")
            .append(test.isPresent() ? "orange diamonds: test rows" : "there is no test split")
            .append("; dashed: perfect prediction.")
            .append(shown < targets.size() ? " The first " + shown + " of " + targets.size() + " targets." : "")
            .append("</p>\n");
        int[] widths = Row.widths(shown, 3);
        List<String> figures = new ArrayList<>();
        for (int t = 0; t < shown; t++) {
            double[] actualTrain = train.actual().get(t);
            double[] predictedTrain = train.predicted().get(t);
            int column = t;
            double[] actualTest = test.map(p -> p.actual().get(column)).orElse(new double[0]);
            double[] predictedTest = test.map(p -> p.predicted().get(column)).orElse(new double[0]);
            String target = targets.get(t);
            double[][] trainRows = {actualTrain, predictedTrain};
            Optional<double[][]> testRows = test.map(p -> new double[][] {actualTest, predictedTest});
            XYChart chart = predictedChart(widths[t], shown > 1 ? target : null, target, trainRows, testRows);
            String stem = "predicted-" + (t + 1);
            ChartFiles.save(chart, plots, stem);
            String caption = "Target <code>" + Html.escape(target) + "</code>."
                + notDrawn(notFinite(actualTrain, predictedTrain), notFinite(actualTest, predictedTest));
            if (Row.drawnNarrowToo(widths[t])) {
                XYChart narrow = predictedChart(Row.NARROW, shown > 1 ? target : null, target, trainRows, testRows);
                ChartFiles.saveNarrow(narrow, plots, stem);
                figures.add(ChartFiles.figure(chart, narrow, stem, caption));
            } else {
                figures.add(ChartFiles.figure(chart, stem, caption));
            }
        }
        return out.append(Row.grids(figures, 3)).append("</section>\n").toString();
    }

    /**
     * The plot of one target's predictions against its actual values, with the line of perfect prediction.
     *
     * @param width the chart's width, its row's share ({@link Row}); one alone is as tall as a scale panel alone
     * @param title the chart's title, or null for none
     * @param train the train rows' actual values and predictions
     * @param test the test rows' actual values and predictions, when there is a test split
     */
    static XYChart predictedChart(int width, String title, String target, double[][] train,
                                  Optional<double[][]> test) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[][] split : test.map(rows -> List.<double[][]>of(train, rows)).orElse(List.<double[][]>of(train))) {
            for (double[] values : split) {
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
        }
        // below the plot, in one row: inside, any corner may hold rows (the bottom right those the law under-predicts)
        XYChart chart = Charts.chart(width, width == Row.WIDTH ? 460 : width == Row.NARROW ? 360 : 420, title,
            "actual " + target, "predicted " + target);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
        Charts.dashed(chart, "y = x", new double[] {low, high}, new double[] {low, high}, Charts.MUTED);
        Charts.scatter(chart, "train", train[0], train[1], Charts.TRAIN, SeriesMarkers.CIRCLE);
        test.ifPresent(rows -> Charts.scatter(chart, "test", rows[0], rows[1], Charts.TEST, SeriesMarkers.DIAMOND));
        return chart;
    }
}
