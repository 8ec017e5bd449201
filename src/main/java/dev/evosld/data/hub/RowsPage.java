package dev.evosld.data.hub;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of the dataset viewer's {@code /rows} answer.
 *
 * @param features       the split's columns, in the dataset's order
 * @param rows           the rows of this page, at most {@link HubClient#MAX_PAGE_LENGTH}
 * @param numRowsTotal   the number of rows of the whole split
 * @param numRowsPerPage the page size the server used
 * @param partial        whether the server reads only part of the split (its Parquet export was cut short),
 *                       in which case {@code numRowsTotal} counts only that part
 */
public record RowsPage(List<Feature> features, List<Row> rows, long numRowsTotal, int numRowsPerPage, boolean partial) {

    /**
     * A column of the split.
     *
     * @param featureIdx the column's position in the dataset
     * @param name       the column name
     * @param type       the column's {@code dtype} ({@code float64}, {@code int64}, {@code string}, …) for a
     *                   plain value, otherwise its feature kind ({@code ClassLabel}, {@code List}, …)
     */
    public record Feature(int featureIdx, String name, String type) {
        public Feature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A row of the split.
     *
     * @param rowIdx         the row's position in the split, counted from 0
     * @param cells          the row's cells by column name
     * @param truncatedCells the columns whose cells the server cut short to keep the page small
     */
    public record Row(long rowIdx, Map<String, Cell> cells, List<String> truncatedCells) {
        public Row {
            cells = Map.copyOf(cells);
            truncatedCells = List.copyOf(truncatedCells);
        }
    }

    public RowsPage {
        features = List.copyOf(features);
        rows = List.copyOf(rows);
    }

    /** The column names, in the dataset's order. */
    public List<String> columnNames() {
        return features.stream().map(Feature::name).toList();
    }
}
