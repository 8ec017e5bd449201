package dev.evosld.report;

import dev.evosld.Shortened;
import dev.evosld.data.TaskData;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import dev.evosld.report.ScalePanels.Curve;
import dev.evosld.report.ScalePanels.Panel;
import dev.evosld.report.ScalePanels.Points;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's sections of each group's target against each scale axis (a grid of sizes and token counts has
 * two): the train and test rows with the fitted law drawn through them, one panel per (group, target) pair and
 * one curve per combination of the law's other variables, up to {@link Report#MAX_PANELS} panels of
 * {@link #MAX_CURVES} curves per axis.
 */
final class ScaleSection {
    /** The most curves per panel, one per combination of the other variables. */
    static final int MAX_CURVES = 6;

    private ScaleSection() {
    }

    /**
     * The sections' HTML, one per scale axis; writes their plots into {@code plots}: {@code scale-NN} against
     * the first axis, {@code scale-<axis>-NN} against each other.
     */
    static String of(Law law, ParameterSet parameters, TaskData data, Path plots, int maxPanels) {
        List<String> axes = ScalePanels.axes(data);
        StringBuilder out = new StringBuilder();
        for (int a = 0; a < axes.size(); a++) {
            String prefix = a == 0 ? "scale" : "scale-" + axes.get(a);
            out.append(section(law, parameters, data, plots, maxPanels, axes.get(a), prefix));
        }
        return out.toString();
    }

    private static String section(Law law, ParameterSet parameters, TaskData data, Path plots, int maxPanels,
                                  String axis, String prefix) {
        List<Panel> panels = ScalePanels.of(law, parameters, data, axis, maxPanels, MAX_CURVES);
        int total = ScalePanels.count(data);
        List<String> targets = data.config().targets();
        boolean several = targets.size() > 1;
        String targetText = several ? "each target" : "<code>" + Html.escape(targets.getFirst()) + "</code>";
        StringBuilder out = new StringBuilder("<section id=\"" + prefix + "\">\n<h2>");
        out.append(several ? "Targets" : Html.escape(targets.getFirst())).append(" against <code>")
            .append(Html.escape(axis)).append("</code></h2>\n");
        // one curve a panel (a law of the axis alone, or of settings every row shares) is drawn black through blue train
        // and orange test rows; only several are coloured by the law's other variables, their points with them
        boolean combinations = lines(panels) > 1;
        boolean others = law.variables().stream().anyMatch(v -> !v.equals(axis));
        out.append("<p class=\"note\">").append(data.config().scaleAxis().isEmpty()
                ? "The task has no scale axis; its first feature stands in. " : "")
            .append("Per group, ").append(targetText).append(" against <code>").append(Html.escape(axis))
            .append("</code>: ").append(combinations ? "circles" : "blue circles")
            .append(data.test().isPresent()
                ? " are train rows, " + (combinations ? "" : "orange ") + "diamonds test rows; lines are the fitted law"
                  + " from the smallest train value to the largest test value"
                  + (others ? ", with the law's other variables held at the values of the group's test rows" : "")
                : " are train rows (there is no test split); lines are the fitted law from the smallest"
                  + (data.train().table().growsByFactors(axis) ? " train value to 10× the largest,"
                    : " train value to the largest + 1 (10× on its log10 scale, as its values below zero make it a"
                    + " logarithm),")
                  + " as far as discover checked the law beyond the data"
                  + (others ? ", with the law's other variables held at the values of the group's rows" : ""))
            .append("; dashed beyond the largest train value, where the law extrapolates")
            .append(combinations ? " (one line and colour per combination; points take the colour of the"
                + " combination within 5% of theirs, grey if there is none)."
                : others ? " (points grey where the law's other variables are more than 5% from the line's)." : ".");
        out.append(aside(panels, law.variables().stream().filter(v -> !v.equals(axis)).toList()));
        if (panels.size() < total) {
            out.append(panels.size() == 1 ? " Showing the first of " : " Showing " + panels.size() + " of ").append(total)
                .append(several ? " group–target pairs" : " groups")
                .append(panels.size() == 1 ? "." : ", spread evenly from the first to the last.");
        }
        out.append("</p>\n");
        Legend legend = legend(panels);
        List<XYChart> charts = charts(panels, axis, targets, legend);
        // a key every panel would repeat word for word (domain_mixture's six mixtures, alike for each model size and
        // target) is listed once, above the panels
        boolean oneKey = legend == Legend.CAPTION && panels.size() > 1
            && panels.stream().map(p -> p.curves().stream().map(Curve::label).toList()).distinct().count() == 1;
        if (oneKey) {
            out.append("<p class=\"note\">Every panel's curves, by colour:</p>\n").append(key(panels.getFirst()))
                .append("\n");
        }
        List<String> figures = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            String stem = String.format(Locale.ROOT, "%s-%02d", prefix, i + 1);
            XYChart chart = charts.get(i);
            ChartFiles.save(chart, plots, stem);
            String caption = "Group <code>" + Html.escape(panel.group()) + "</code>"
                + (several ? ", target <code>" + Html.escape(targets.get(panel.target())) + "</code>" : "")
                + (panel.held().isEmpty() ? "" : ", with " + Html.escape(panel.held())
                    + (panel.curves().size() > 1 ? " on every curve" : "")) + "."
                + (legend == Legend.CAPTION && !oneKey && panel.curves().size() > 1 ? key(panel) : "");
            Optional<XYChart> narrow = narrowChart(panel, axis, targets, legend, lines(panels), chart.getWidth());
            narrow.ifPresent(n -> ChartFiles.saveNarrow(n, plots, stem));
            figures.add(narrow.map(n -> ChartFiles.figure(chart, n, stem, caption))
                .orElseGet(() -> ChartFiles.figure(chart, stem, caption)));
        }
        return out.append(Row.grids(figures, most(legend))).append("</section>\n").toString();
    }

    /**
     * How many rows the panels draw grey, small and faint (those at settings of the other variables no line is held at,
     * most of vocab's and lr_bsz's, whose lines are held at the test rows'), and where a reader sees how the law fits
     * them; nothing when every row lies on a line. A group's rows are counted once, in its first panel.
     */
    private static String aside(List<Panel> panels, List<String> others) {
        int[] train = {0, 0};
        int[] test = {0, 0};
        Set<String> counted = new HashSet<>();
        for (Panel panel : panels) {
            if (counted.add(panel.group())) {
                count(panel.train(), train);
                count(panel.test(), test);
            }
        }
        if (train[0] + test[0] == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (train[0] > 0) {
            parts.add(train[0] + " of " + train[1] + " train rows");
        }
        if (test[0] > 0) {
            parts.add(test[0] + " of " + test[1] + " test rows");
        }
        return " Grey, small and faint beneath the rest: " + String.join(" and ", parts) + ", whose "
            + String.join(" or ", others.stream().map(v -> "<code>" + Html.escape(v) + "</code>").toList())
            + " no line is held at; the predicted-against-actual plot shows every row against the law at its own"
            + " settings.";
    }

    /** Adds the points off every curve, and all points, to {@code counts}. */
    private static void count(Points points, int[] counts) {
        counts[0] += (int) Arrays.stream(points.curve()).filter(c -> c < 0).count();
        counts[1] += points.size();
    }

    /** The most panels a row holds: three without a legend, two with one ({@link Row} spreads fewer). */
    private static int most(Legend legend) {
        return legend == Legend.BESIDE || legend == Legend.BELOW ? 2 : 3;
    }

    /** The panels' charts, in their order, each as wide as its row's share ({@link Row#widths}). */
    static List<XYChart> charts(List<Panel> panels, String axis, List<String> targets) {
        return charts(panels, axis, targets, legend(panels));
    }

    private static List<XYChart> charts(List<Panel> panels, String axis, List<String> targets, Legend legend) {
        int lines = lines(panels);
        int[] widths = Row.widths(panels.size(), most(legend));
        return IntStream.range(0, panels.size())
            .mapToObj(i -> panelChart(panels.get(i), axis, targets, legend, lines, widths[i])).toList();
    }

    /** The most curves of a panel. */
    private static int lines(List<Panel> panels) {
        return panels.stream().mapToInt(p -> p.curves().size()).max().orElse(0);
    }

    /**
     * Where the panels name their curves' combinations of the other variables, as the labels they hold take room:
     * beside the plot while the widest takes at most a third of a panel's width ({@code U=2}, lr_bsz's
     * {@code lr=1.22×10⁻⁴, bsz=64}, which differ in two settings of the law's three besides the axis); below it when
     * wider (several settings, or a long column name), where a list beside it would squeeze the plot to a strip; in
     * the caption for labels longer than a legend shows whole (domain_mixture's four proportions), which XChart would
     * cut to the same first characters on every curve. A panel alone has the row's width, so that a legend beside it
     * has room for more.
     */
    private enum Legend {
        NONE, BESIDE, BELOW, CAPTION
    }

    private static Legend legend(List<Panel> panels) {
        if (lines(panels) < 2) {
            return Legend.NONE;
        }
        int width = Row.width(Row.columns(panels.size(), 2));
        List<String> labels = panels.stream().flatMap(p -> p.curves().stream()).map(Curve::label).toList();
        if (!labels.stream().allMatch(label -> Charts.legendFits(label, width))) {
            return Legend.CAPTION;
        }
        double widest = labels.stream().mapToDouble(Charts::legendWidth).max().orElse(0);
        return widest <= width / 3.0 ? Legend.BESIDE : Legend.BELOW;
    }

    /** The panel's combinations, each after a swatch of its curve's colour. */
    private static String key(Panel panel) {
        StringBuilder out = new StringBuilder("<ul class=\"key\">");
        for (int c = 0; c < panel.curves().size(); c++) {
            Color color = color(c);
            out.append(String.format(Locale.ROOT, "<li><span class=\"swatch\" style=\"background:#%06x\"></span>",
                color.getRGB() & 0xFFFFFF)).append(Html.escape(panel.curves().get(c).label())).append("</li>");
        }
        return out.append("</ul>").toString();
    }

    /**
     * The panel drawn {@link Row#NARROW} for a phone, where its row's drawing would be shrunk too far, its legend below
     * the plot rather than beside it; none where its row's drawing is narrow enough, or where the legend would cut a
     * label short at that width.
     */
    private static Optional<XYChart> narrowChart(Panel panel, String axis, List<String> targets, Legend legend,
                                                 int lines, int width) {
        Legend below = legend == Legend.BESIDE ? Legend.BELOW : legend;
        if (!Row.drawnNarrowToo(width) || below == Legend.BELOW
            && !panel.curves().stream().allMatch(c -> Charts.legendFits(c.label(), Row.NARROW))) {
            return Optional.empty();
        }
        return Optional.of(panelChart(panel, axis, targets, below, lines, Row.NARROW));
    }

    /** The height of a legend's line below the plot. */
    private static final int LEGEND_LINE = 18;

    /** One panel, {@code width} wide; one with a legend is at least two to a row, to leave the plot its room. */
    private static XYChart panelChart(Panel panel, String axis, List<String> targets, Legend legend, int lines,
                                      int width) {
        boolean named = legend == Legend.BESIDE || legend == Legend.BELOW;
        String title = Shortened.of(panel.group(), width <= Row.THIRD ? 42 : width == Row.HALF ? 60 : 110)
            + (targets.size() > 1 ? " · " + targets.get(panel.target()) : "");
        // below the plot, the legend takes a line per curve of the panel with the most, so that every plot of the
        // section keeps one height
        // a phone's panel, one to a row, as tall as one of a row of three
        int plot = width <= Row.THIRD ? 300 : width == Row.WIDTH && legend != Legend.BELOW ? 460 : 380;
        int height = legend == Legend.BELOW ? plot + LEGEND_LINE * lines : plot;
        XYChart chart = Charts.chart(width, height, title,
            axis + (panel.logX() ? " (log scale)" : ""), targets.get(panel.target()));
        if (panel.logX()) {
            LogAxes.logX(chart);
        }
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setLegendVisible(named && panel.curves().size() > 1);
        chart.getStyler().setLegendPosition(legend == Legend.BELOW ? LegendPosition.OutsideS : LegendPosition.OutsideE);
        int curves = panel.curves().size();
        double largestTrain = Arrays.stream(panel.train().x()).max().orElse(Double.POSITIVE_INFINITY);
        for (int c = 0; c < curves; c++) {
            Curve curve = panel.curves().get(c);
            Color lineColor = curves == 1 ? Charts.INK : color(c);
            // the curve's x grows: up to the largest train value it is the fit, beyond it the law's extrapolation
            int last = 0;
            while (last + 1 < curve.x().length && curve.x()[last + 1] <= largestTrain) {
                last++;
            }
            XYSeries line = Charts.line(chart, "curve " + c, Arrays.copyOfRange(curve.x(), 0, last + 1),
                Arrays.copyOfRange(curve.y(), 0, last + 1), lineColor, 1.6f);
            line.setLabel(curve.label().isEmpty() ? "fit" : curve.label());
            if (last + 1 < curve.x().length) {
                double[][] beyond = spaced(Arrays.copyOfRange(curve.x(), last, curve.x().length),
                    Arrays.copyOfRange(curve.y(), last, curve.y().length), curve.x(), panel.logX());
                Charts.dashed(chart, "curve " + c + " beyond train", beyond[0], beyond[1], lineColor)
                    .setShowInLegend(false);
            }
        }
        addPoints(chart, "train", panel.train(), SeriesMarkers.CIRCLE, curves, Charts.TRAIN);
        addPoints(chart, "test", panel.test(), SeriesMarkers.DIAMOND, curves, Charts.TEST);
        keepRowsInView(chart, panel);
        return chart;
    }

    /**
     * Limits the y axis to the rows' range widened by that range on each side (the values discover deems a law may
     * reach beyond the data), where a curve goes further: held at one run's settings and drawn over the group's whole
     * range of the axis, a curve may climb far above every row (data_constrained's reach 24 where its rows lie between
     * 2.2 and 8), and an axis stretched to it squashes the rows into a strip. The curve leaves the plot instead.
     */
    private static void keepRowsInView(XYChart chart, Panel panel) {
        double[] rows = DoubleStream.concat(Arrays.stream(panel.train().y()),
            Arrays.stream(panel.test().y())).filter(Double::isFinite).toArray();
        double[] lines = panel.curves().stream().flatMapToDouble(c -> Arrays.stream(c.y())).filter(Double::isFinite)
            .toArray();
        if (rows.length == 0 || lines.length == 0) {
            return;
        }
        double low = Arrays.stream(rows).min().orElseThrow();
        double high = Arrays.stream(rows).max().orElseThrow();
        double spread = high > low ? high - low : Math.max(Math.abs(high), 1);
        double lowest = Math.min(low, Arrays.stream(lines).min().orElseThrow());
        double highest = Math.max(high, Arrays.stream(lines).max().orElseThrow());
        if (lowest < low - spread || highest > high + spread) {
            chart.getStyler().setYAxisMin(Math.max(lowest, low - spread));
            chart.getStyler().setYAxisMax(Math.min(highest, high + spread));
        }
    }

    /**
     * The points of one split. With several curves, one series per curve colour so that each point matches
     * its curve (the marker tells train from test); with one curve, the split's own colour.
     */
    private static void addPoints(XYChart chart, String split, Points points, Marker marker,
                                  int curves, Color splitColor) {
        // a panel without a curve (its rows all at one value of the axis) still has rows matched to combinations
        int matched = Arrays.stream(points.curve()).max().orElse(-1) + 1;
        for (int c = -1; c < Math.max(curves, matched); c++) {
            int count = 0;
            for (int i = 0; i < points.size(); i++) {
                if (points.curve()[i] == c) {
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            double[] x = new double[count];
            double[] y = new double[count];
            int k = 0;
            for (int i = 0; i < points.size(); i++) {
                if (points.curve()[i] == c) {
                    x[k] = points.x()[i];
                    y[k] = points.y()[i];
                    k++;
                }
            }
            Color pointColor = c < 0 ? Charts.ASIDE : curves <= 1 ? splitColor : color(c);
            XYSeries series = Charts.scatter(chart, split + " " + c, x, y, pointColor,
                c < 0 ? Charts.smaller(marker) : marker);
            series.setShowInLegend(false);
        }
    }

    /**
     * The points of a stretch of a curve at least a 30th of the whole curve's width apart on the plot (and its last).
     * XChart draws a line point to point, each segment starting its dashes afresh, so that segments as short as the
     * dashes of the sweep's dense points would draw a dashed line solid.
     */
    private static double[][] spaced(double[] x, double[] y, double[] whole, boolean log) {
        DoubleUnaryOperator onPlot = log ? Math::log : v -> v;
        double step = (onPlot.applyAsDouble(whole[whole.length - 1]) - onPlot.applyAsDouble(whole[0])) / 30;
        double[] keptX = new double[x.length];
        double[] keptY = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            boolean far = n == 0 || onPlot.applyAsDouble(x[i]) - onPlot.applyAsDouble(keptX[n - 1]) >= step;
            if (far || i == x.length - 1) {
                if (!far && n > 1) {
                    n--; // the last point replaces a kept one too close to it
                }
                keptX[n] = x[i];
                keptY[n] = y[i];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(keptX, n), Arrays.copyOf(keptY, n)};
    }

    private static Color color(int curve) {
        return Charts.PALETTE[curve % Charts.PALETTE.length];
    }

}
