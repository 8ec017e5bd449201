package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

class TickLabelsTest {
    @TempDir
    Path plots;

    @Test
    void aLinearAxisIsLabelledAsTheReportWritesNumbersWithALeadingZeroPowersOfTenAndATrueMinus() {
        XYChart chart = Charts.chart(400, 300, null, "x", "y");
        for (var format : Arrays.asList(chart.getStyler().getXAxisTickLabelsFormattingFunction(),
            chart.getStyler().getYAxisTickLabelsFormattingFunction())) {
            assertNotNull(format, "XChart's own formatting otherwise");
            assertEquals("0.0022", format.apply(0.0022), "XChart's own: .0022");
            assertEquals("4×10⁸", format.apply(4e8), "XChart's own: 4E8");
            assertEquals("1.5×10⁸", format.apply(1.5e8));
            assertEquals("−0.5", format.apply(-0.5), "XChart's own: a hyphen-minus");
            assertEquals("1×10⁻⁵", format.apply(1e-5), "XChart's own: 1E-5");
            assertEquals("−2.5×10⁻⁴", format.apply(-2.5e-4));
            assertEquals("1200", format.apply(1200.0), "XChart's own: 1,200");
            assertEquals("0", format.apply(0.0));
            assertEquals("0.3", format.apply(0.1 + 0.2), "a tick's rounding error is not shown");
            assertEquals("2.0001", format.apply(2.0001), "every digit a tick has, so that close ticks differ");
        }
    }

    @Test
    void theTicksOfADrawnLinearAxisAreLabelledAsTheReportWritesNumbers() throws Exception {
        XYChart small = Charts.chart(400, 300, null, "x", "y");
        Charts.scatter(small, "s", new double[] {1, 2.3, 3.7}, new double[] {0.0022, 0.0031, 0.0015}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        ChartFiles.save(small, plots, "small");
        // the axis ends on labels half a step beyond the values (aLinearYAxisEndsOnALabelledTickOrHasOneNearEachEnd)
        assertEquals(List.of("0.0014", "0.0016", "0.0018", "0.002", "0.0022", "0.0024", "0.0026", "0.0028", "0.003",
            "0.0032"), ChartsTest.tickLabels(small, 'y'));

        XYChart signed = Charts.chart(400, 300, null, "x", "y");
        Charts.scatter(signed, "s", new double[] {-2000, 0, 1500}, new double[] {-0.5, 0.3, 0.1}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        ChartFiles.save(signed, plots, "signed");
        assertTrue(ChartsTest.tickLabels(signed, 'y').contains("−0.4"), ChartsTest.tickLabels(signed, 'y').toString());
        assertTrue(ChartsTest.tickLabels(signed, 'x').contains("−2000"), ChartsTest.tickLabels(signed, 'x').toString());

        XYChart large = Charts.chart(400, 300, null, "x", "y");
        Charts.scatter(large, "s", new double[] {1, 2.3, 3.7}, new double[] {1e8, 4e8, 2e8}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        ChartFiles.save(large, plots, "large");
        assertTrue(ChartsTest.tickLabels(large, 'y').containsAll(List.of("1×10⁸", "4×10⁸")),
            ChartsTest.tickLabels(large, 'y').toString());
    }
}
