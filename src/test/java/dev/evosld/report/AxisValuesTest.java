package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class AxisValuesTest {
    @Test
    void theDataOfAChartLeavesOutTheSeriesThatDrawALogAxissGrid() {
        XYChart chart = Charts.chart(400, 300, null, "x", "y");
        LogAxes.logY(chart);
        Charts.scatter(chart, "train", new double[] {3, 1, Double.NaN, 3}, new double[] {0.5, 20, 7, -1}, Charts.TRAIN,
            SeriesMarkers.CIRCLE);
        Charts.line(chart, "fit", new double[] {2, 4}, new double[] {Double.POSITIVE_INFINITY, 8}, Charts.INK, 1f);
        assertEquals(List.of("train", "fit"), AxisValues.data(chart).map(XYSeries::getName).toList());
        assertArrayEquals(new double[] {1, 3, 4}, AxisValues.distinctFinite(chart, XYSeries::getXData));
        assertArrayEquals(new double[] {-1, 0.5, 8, 20}, AxisValues.distinctFinite(chart, XYSeries::getYData));
        assertArrayEquals(new double[] {0.5, 20}, AxisValues.range(chart, XYSeries::getYData), "positive values only");
    }

    @Test
    void anAxisEndsAtItsBoundsWhereSetElseAtItsValuesAndHasNoEndsWithoutALength() {
        assertArrayEquals(new double[] {1, 9}, AxisValues.ends(new double[] {1, 4, 9}, null, null));
        assertArrayEquals(new double[] {0, 9}, AxisValues.ends(new double[] {1, 4, 9}, 0.0, null));
        assertArrayEquals(new double[] {1, 10}, AxisValues.ends(new double[] {1, 4, 9}, null, 10.0));
        assertNull(AxisValues.ends(new double[] {}, null, null), "no values");
        assertNull(AxisValues.ends(new double[] {5}, null, null), "one value");
        assertNull(AxisValues.ends(new double[] {-Double.MAX_VALUE, Double.MAX_VALUE}, null, null), "a length past doubles");
    }

    @Test
    void valuesAreEvenlySpacedWhenEachStepIsTheFirstToNineDigits() {
        assertTrue(AxisValues.evenlySpaced(new double[] {1, 2, 3, 4}));
        assertTrue(AxisValues.evenlySpaced(new double[] {0.1, 0.2, 0.30000000000000004}), "a step's rounding error");
        assertTrue(AxisValues.evenlySpaced(new double[] {7}), "one value");
        assertTrue(AxisValues.evenlySpaced(new double[] {7, 9}), "two values");
        assertFalse(AxisValues.evenlySpaced(new double[] {1, 2, 4}));
    }
}
