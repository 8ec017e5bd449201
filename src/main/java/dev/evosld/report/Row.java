package dev.evosld.report;

import java.util.List;

/**
 * How a section lays its charts across the report's row: as many to a row as it has, up to the most its charts
 * allow, so that a section of one or two charts spreads them over the row rather than leaving a third or more of it
 * empty. The page's grids (report.css) set the columns; a chart is drawn as wide as its column.
 */
final class Row {
    /** The width of the report's row (its page's, less the margins): a chart alone has all of it. */
    static final int WIDTH = 1176;
    /** The width of each chart of a row of two. */
    static final int HALF = 600;
    /** The width of each chart of a row of three. */
    static final int THIRD = 400;

    private Row() {
    }

    /** How many of a section's {@code charts} a row holds, at most {@code most} (2 or 3); one for none. */
    static int columns(int charts, int most) {
        return Math.max(1, Math.min(charts, most));
    }

    /** The width of each chart of a row of that many. */
    static int width(int columns) {
        return columns == 1 ? WIDTH : columns == 2 ? HALF : THIRD;
    }

    /** The opening of the grid of a row of that many. */
    static String grid(int columns) {
        return "<div class=\"grid " + List.of("one", "two", "three").get(columns - 1) + "\">\n";
    }
}
