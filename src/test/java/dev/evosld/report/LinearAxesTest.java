package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

class LinearAxesTest {
    @TempDir
    Path plots;

    @Test
    void aLinearYAxisEndsOnALabelledTickOrHasOneNearEachEnd() throws Exception {
        // vocab's scale panel: rows from −5.3 up to −0.62, and XChart's top label was −1, most of a step below the top
        // rows; its bottom one −5, above the lowest
        XYChart vocab = Charts.chart(1176, 460, "all_data", "vocab_size", "unigram_normalized_loss");
        Charts.scatter(vocab, "train", new double[] {4096, 8192, 64512}, new double[] {-5.3, -2.1, -0.62},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        ChartFiles.save(vocab, plots, "scale-01");
        List<String> labels = ChartsTest.tickLabels(vocab, 'y');
        assertEquals("−5.5", labels.getFirst(), labels.toString());
        assertEquals("−0.5", labels.getLast(), labels.toString());
        assertEquals(-5.5, vocab.getStyler().getYAxisMin());
        assertEquals(-0.5, vocab.getStyler().getYAxisMax());

        // easy_question's hellaswag rows up to −0.003, under a top label of −0.05
        XYChart easy = Charts.chart(400, 300, "hellaswag", "log_flops", "brier_score");
        Charts.scatter(easy, "train", new double[] {1, 2, 3, 4}, new double[] {-0.31, -0.2, -0.1, -0.003},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        ChartFiles.save(easy, plots, "scale-02");
        labels = ChartsTest.tickLabels(easy, 'y');
        assertEquals(0, easy.getStyler().getYAxisMax());
        assertEquals("0", labels.getLast(), labels.toString());
        // an end a label is already near keeps its place, rather than add most of a step of empty plot
        assertEquals(-0.31, easy.getStyler().getYAxisMin());
        assertEquals("−0.3", labels.getFirst(), labels.toString());
    }

    @Test
    void aLinearXAxisEndsOnALabelledTickToo() throws Exception {
        // vocab's predicted-against-actual plot: actual values from −5.35 to −0.55 along an axis labelled −5 to −1
        XYChart predicted = Charts.chart(1176, 460, null, "actual loss", "predicted loss");
        Charts.scatter(predicted, "train", new double[] {-5.35, -2, -0.55}, new double[] {-5.3, -2.1, -0.6},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        ChartFiles.save(predicted, plots, "predicted-1");
        List<String> labels = ChartsTest.tickLabels(predicted, 'x');
        assertEquals("−5.5", labels.getFirst(), labels.toString());
        assertEquals("−0.5", labels.getLast(), labels.toString());

        // a narrow panel, whose long labels XChart spaces further apart than its spacing hint alone would
        XYChart narrow = Charts.chart(400, 300, "a", "N", "loss");
        Charts.scatter(narrow, "train", new double[] {2.15e8, 5.4e8, 1.07e9}, new double[] {3.1, 2.6, 2.1},
            Charts.TRAIN, SeriesMarkers.CIRCLE);
        ChartFiles.save(narrow, plots, "scale-01");
        labels = ChartsTest.tickLabels(narrow, 'x');
        assertEquals("1.2×10⁹", labels.getLast(), labels.toString());
    }

    @Test
    void aLinearAxisOverOneOrTwoDistinctValuesIsLabelledInRoundNumbers() throws Exception {
        // a short search's history: the best validation error took two values, and XChart put its only two ticks on them,
        // labelled .002180224491144 and .000869747809006
        XYChart history = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(history, "best validation error", new double[] {1, 2, 3, 4},
            new double[] {0.002180224491144, 0.002180224491144, 0.000869747809006, 0.000869747809006}, Charts.TRAIN, 1.8f);
        ChartFiles.save(history, plots, "history");
        List<String> labels = ChartsTest.tickLabels(history, 'y');
        assertTrue(labels.size() >= 3, labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.length() <= 6), "round numbers, not the values: " + labels);

        // one value throughout (no law improved on the first)
        XYChart flat = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(flat, "best validation error", new double[] {1, 2, 3}, new double[] {0.158312345, 0.158312345,
            0.158312345}, Charts.TRAIN, 1.8f);
        ChartFiles.save(flat, plots, "history");
        labels = ChartsTest.tickLabels(flat, 'y');
        assertTrue(labels.size() >= 3, labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.length() <= 6), "round numbers, not the value: " + labels);
        assertEquals(List.of("1", "2", "3"), ChartsTest.tickLabels(flat, 'x'), "generations stay labelled as they are");
    }

    @Test
    void aLinearAxisOverManyEvenlySpacedValuesIsLabelledInRoundNumbers() throws Exception {
        // a search of 178 generations: XChart put a tick on every 7th, 1, 8, 15, ..., 176, 26 labels nearly touching
        double[] generations = new double[178];
        double[] errors = new double[178];
        for (int i = 0; i < generations.length; i++) {
            generations[i] = i + 1;
            errors[i] = 0.07 + 0.2 / (i + 1);
        }
        XYChart history = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(history, "best validation error", generations, errors, Charts.TRAIN, 1.8f);
        ChartFiles.save(history, plots, "history");
        assertEquals(List.of("20", "40", "60", "80", "100", "120", "140", "160"), ChartsTest.tickLabels(history, 'x'));

        // twelve generations: every one labelled, still as a whole number
        XYChart shorter = Charts.chart(760, 360, null, "generation", "best validation error");
        Charts.line(shorter, "best validation error", Arrays.copyOf(generations, 12), Arrays.copyOf(errors, 12),
            Charts.TRAIN, 1.8f);
        ChartFiles.save(shorter, plots, "history");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"), ChartsTest.tickLabels(shorter, 'x'));
    }
}
