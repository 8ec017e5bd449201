package dev.evosld.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a section lays its charts across the report's rows: as many to a row as it has, up to the most its charts
 * allow, so that a section of one or two charts spreads them over the row rather than leaving a third or more of it
 * empty; and more in as few rows as hold them, filled as evenly as they can be, the fuller first (five of three to a
 * row 3 + 2, each of the two as wide as half the row, not a third beside an empty one). Each row is a grid of its own
 * (report.css sets its columns); a chart is drawn as wide as its column.
 */
final class Row {
    /** The width of the report's row (its page's, less the margins): a chart alone has all of it. */
    static final int WIDTH = 1176;
    /** The width of each chart of a row of two. */
    static final int HALF = 600;
    /** The width of each chart of a row of three. */
    static final int THIRD = 400;

    /**
     * The width of a chart in a phone's window (report.css sets one to a row below 640 pixels): what a window of 360 to
     * 400 pixels leaves the page, as a chart wider than {@link #THIRD} would be shrunk to half its size or less.
     */
    static final int NARROW = 360;

    private Row() {
    }

    /** How many of a section's {@code charts} its fullest row holds, at most {@code most} (2 or 3); one for none. */
    static int columns(int charts, int most) {
        return Math.max(1, Math.min(charts, most));
    }

    /** How many charts each row holds, the fuller rows first: 5 of at most 3 are 3 + 2, 4 are 2 + 2, 7 are 3 + 2 + 2. */
    static List<Integer> rows(int charts, int most) {
        int rows = (charts + most - 1) / most;
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            sizes.add(charts / rows + (r < charts % rows ? 1 : 0));
        }
        return sizes;
    }

    /** The width of each chart, in order, laid out by {@link #rows}. */
    static int[] widths(int charts, int most) {
        return rows(charts, most).stream().flatMapToInt(n -> IntStream.generate(() -> width(n)).limit(n)).toArray();
    }

    /** The width of each chart of a row of that many. */
    static int width(int columns) {
        return columns == 1 ? WIDTH : columns == 2 ? HALF : THIRD;
    }

    /** Whether a chart this wide is drawn again {@link #NARROW} for a phone, where it would be shrunk too far. */
    static boolean drawnNarrowToo(int width) {
        return width > THIRD;
    }

    /** The figures, each drawn {@link #widths} wide, in their rows' grids. */
    static String grids(List<String> figures, int most) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int columns : rows(figures.size(), most)) {
            out.append(grid(columns));
            figures.subList(next, next + columns).forEach(out::append);
            out.append("</div>\n");
            next += columns;
        }
        return out.toString();
    }

    /** The opening of the grid of a row of that many. */
    static String grid(int columns) {
        return "<div class=\"grid " + List.of("one", "two", "three").get(columns - 1) + "\">\n";
    }
}
