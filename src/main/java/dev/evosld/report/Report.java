package dev.evosld.report;

import dev.evosld.EvosldException;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.export.Notation;
import dev.evosld.law.Law;
import dev.evosld.law.ReadableSigns;
import dev.evosld.report.RunFiles.HistoryEntry;
import dev.evosld.report.RunFiles.ParetoEntry;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's report: {@code report.html} in the run directory, with the images it shows in {@code plots/}
 * (each as PNG and SVG). It shows the law as mathematics (MathML, which browsers render without any
 * script), the scores and provenance, every group's parameters, the Pareto front and search history when
 * the run has them, predicted against actual values, and each group's target against the scale axis with
 * the fitted law extended over the test range (when the data has a test split).
 *
 * <p>The page is self-contained apart from its images, so the run directory can be copied or served as is.
 * This class reads the run and lays out the page; each section is written by a class of its own
 * ({@link LawSection}, {@link ScoresSection}, {@link ParametersSection}, {@link ParetoSection},
 * {@link HistorySection}, {@link PredictionsSection}, {@link ScaleSection}).
 */
public final class Report {
    /** The most (group, target) panels of the scale-axis plot; more would make the page a wall of plots. */
    static final int MAX_PANELS = 12;
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
        // the law as written, which the page shows and predict and the exports compute: an older version's law.json may
        // hold the search's form, A / (N / N) + B / D^b, which is NaN at N = 0 where A + B / D^b is not
        LawDocument document = run.readLaw().withWrittenLaw();
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
        // an older version's law.json may hold the search's form with plus signs of negative terms (E + -2*N^a)
        Law written = ReadableSigns.of(law);
        Notation notation = Notation.of(written, config.featureNames(), config.targets());
        StringBuilder sections = new StringBuilder();
        sections.append(LawSection.of(written, notation));
        sections.append(ScoresSection.of(document, data, train, test));
        sections.append(ParametersSection.of(law, parameters, notation, train, test));
        pareto.ifPresent(entries -> sections.append(ParetoSection.of(entries, config.featureNames(), plots)));
        history.ifPresent(entries -> sections.append(HistorySection.of(entries, plots)));
        sections.append(PredictionsSection.of(train, test, plots));
        sections.append(ScaleSection.of(law, parameters, data, plots, maxPanels));

        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", Html.escape(dev.evosld.Version.current()));
        values.put("title", Html.escape(document.task()));
        values.put("heading", heading(document.task()));
        values.put("css", Template.resource("/report/report.css")
            + ParametersSection.parameterLabels(law.parameters(), notation, test.isPresent()));
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
}
