package dev.evosld.report;

import dev.evosld.eval.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's section of each target's predictions against its actual values, train and test. */
final class PredictionsSection {
    /** The most predicted-against-actual plots, one per target. */
    static final int MAX_TARGET_PLOTS = 6;

    private PredictionsSection() {
    }

    /** The section's HTML: a plot per target, up to {@link #MAX_TARGET_PLOTS}; writes the plots into {@code plots}. */
    static String of(Predictions train, Optional<Predictions> test, Path plots) {
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
