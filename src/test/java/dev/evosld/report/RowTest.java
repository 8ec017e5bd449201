package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowTest {
    @Test
    void aSectionOfFewerChartsThanARowHoldsSpreadsThemOverTheRow() {
        assertEquals(List.of(1, 1, 2, 3, 3, 3), IntStream.of(0, 1, 2, 3, 4, 12).map(n -> Row.columns(n, 3)).boxed()
            .toList());
        assertEquals(List.of(1, 1, 2, 2), IntStream.of(0, 1, 2, 12).map(n -> Row.columns(n, 2)).boxed().toList());
        assertEquals(List.of(1176, 600, 400), IntStream.of(1, 2, 3).map(Row::width).boxed().toList());
    }

    @Test
    void chartsFillAsFewRowsAsHoldThemAsEvenlyAsTheyCan() {
        // domain_mixture's five predicted-against-actual plots were laid out 3 + 2 in one grid of three columns, the
        // second row's last third empty; four were 3 + 1, two thirds of a row empty
        assertEquals(List.of(3, 2), Row.rows(5, 3));
        assertEquals(List.of(2, 2), Row.rows(4, 3));
        assertEquals(List.of(3, 2, 2), Row.rows(7, 3));
        assertEquals(List.of(3, 3), Row.rows(6, 3));
        assertEquals(List.of(3, 3, 3, 3), Row.rows(12, 3));
        assertEquals(List.of(3, 3, 2), Row.rows(8, 3));
        assertEquals(List.of(1), Row.rows(1, 3));
        assertEquals(List.of(2, 2, 1), Row.rows(5, 2));
        assertEquals(List.of(), Row.rows(0, 3));
        assertEquals("[400, 400, 400, 600, 600]", Arrays.toString(Row.widths(5, 3)));
        assertEquals("[600, 600, 600, 600, 1176]", Arrays.toString(Row.widths(5, 2)));
    }

    @Test
    void eachRowIsAGridOfItsOwnCharts() {
        List<String> figures = IntStream.rangeClosed(1, 5).mapToObj(i -> "<figure>" + i + "</figure>\n").toList();
        assertEquals("<div class=\"grid three\">\n<figure>1</figure>\n<figure>2</figure>\n<figure>3</figure>\n</div>\n"
            + "<div class=\"grid two\">\n<figure>4</figure>\n<figure>5</figure>\n</div>\n", Row.grids(figures, 3));
        assertEquals("", Row.grids(List.of(), 3));
    }

    @Test
    void theGridIsTheOneTheStyleSheetLaysOutInThatManyColumns() {
        assertEquals("<div class=\"grid one\">\n", Row.grid(1));
        assertEquals("<div class=\"grid three\">\n", Row.grid(3));
        String css = Template.resource("/report/report.css");
        for (String grid : List.of(".grid.one { grid-template-columns: minmax(0, 1fr); }",
            ".grid.two { grid-template-columns: repeat(2, minmax(0, 1fr)); }",
            ".grid.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }",
            // the rows of a section are grids of their own, as far apart as the charts of one
            ".grid + .grid { margin-top: 12px; }")) {
            assertTrue(css.contains(grid), grid);
        }
    }
}
