package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theGridIsTheOneTheStyleSheetLaysOutInThatManyColumns() {
        assertEquals("<div class=\"grid one\">\n", Row.grid(1));
        assertEquals("<div class=\"grid three\">\n", Row.grid(3));
        String css = Template.resource("/report/report.css");
        for (String grid : List.of(".grid.one { grid-template-columns: minmax(0, 1fr); }",
            ".grid.two { grid-template-columns: repeat(2, minmax(0, 1fr)); }",
            ".grid.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }")) {
            assertTrue(css.contains(grid), grid);
        }
    }
}
