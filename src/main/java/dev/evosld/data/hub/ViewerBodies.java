package dev.evosld.data.hub;

import dev.evosld.EvosldException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the dataset viewer's bodies hold, for {@link HubClient}: the splits of {@code /splits} and the page of
 * {@code /rows}. A field the pull relies on that is missing or of another type is an error naming the request; the
 * others are read leniently, so that an addition to the API breaks nothing.
 */
final class ViewerBodies {
    private ViewerBodies() {
    }

    /** The configs and splits of a {@code /splits} body, in the server's order. */
    static List<DatasetSplit> splits(JsonNode root, String what) {
        List<DatasetSplit> splits = new ArrayList<>();
        for (JsonNode entry : array(root, "splits", what)) {
            splits.add(new DatasetSplit(
                string(entry, "dataset", what), string(entry, "config", what), string(entry, "split", what)));
        }
        return List.copyOf(splits);
    }

    /** The page of a {@code /rows} body. */
    static RowsPage rows(JsonNode root, String what) {
        List<RowsPage.Feature> features = new ArrayList<>();
        for (JsonNode feature : array(root, "features", what)) {
            // Fields the pull does not rely on are read leniently, so that an addition to the API breaks nothing.
            JsonNode index = feature.get("feature_idx");
            features.add(new RowsPage.Feature(
                index != null && index.canConvertToInt() ? index.intValue() : features.size(),
                string(feature, "name", what),
                typeOf(feature)));
        }
        List<RowsPage.Row> rows = new ArrayList<>();
        for (JsonNode row : array(root, "rows", what)) {
            JsonNode cells = row.get("row");
            if (cells == null || !cells.isObject()) {
                throw unexpected(what, "a row without a 'row' object");
            }
            Map<String, Cell> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> cell : cells.properties()) {
                values.put(cell.getKey(), cell(cell.getValue()));
            }
            List<String> truncated = new ArrayList<>();
            JsonNode truncatedCells = row.get("truncated_cells");
            if (truncatedCells != null && truncatedCells.isArray()) {
                truncatedCells.forEach(name -> truncated.add(name.isString() ? name.stringValue() : name.toString()));
            }
            rows.add(new RowsPage.Row(integer(row, "row_idx", what), values, truncated));
        }
        JsonNode perPage = root.get("num_rows_per_page");
        JsonNode partial = root.get("partial");
        return new RowsPage(
            features,
            rows,
            integer(root, "num_rows_total", what),
            perPage != null && perPage.canConvertToInt() ? perPage.intValue() : rows.size(),
            partial != null && partial.asBoolean(false));
    }

    private static String typeOf(JsonNode feature) {
        JsonNode type = feature.get("type");
        if (type == null) {
            return "";
        }
        JsonNode dtype = type.get("dtype");
        if (dtype != null && dtype.isString()) {
            return dtype.stringValue();
        }
        JsonNode kind = type.get("_type");
        return kind != null && kind.isString() ? kind.stringValue() : "";
    }

    private static Cell cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return new Cell.Empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return new Cell.Whole(value.longValue());
        }
        if (value.isNumber()) {
            return new Cell.Real(value.doubleValue());
        }
        if (value.isString()) {
            return new Cell.Text(value.stringValue());
        }
        return new Cell.Other(kindOf(value));
    }

    /** What a message calls a JSON value that is neither a number, a string nor null. */
    private static String kindOf(JsonNode value) {
        if (value.isObject()) {
            return "a JSON object";
        }
        if (value.isArray()) {
            return "a JSON array";
        }
        if (value.isBoolean()) {
            return "the JSON boolean " + value.booleanValue();
        }
        return "a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static JsonNode array(JsonNode parent, String name, String what) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isArray()) {
            throw unexpected(what, "no '" + name + "' array");
        }
        return value;
    }

    private static String string(JsonNode parent, String name, String what) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isString()) {
            throw unexpected(what, "no '" + name + "' string");
        }
        return value.stringValue();
    }

    private static long integer(JsonNode parent, String name, String what) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw unexpected(what, "no '" + name + "' count");
        }
        return value.longValue();
    }

    private static EvosldException unexpected(String what, String detail) {
        return new EvosldException("hugging face: " + what + " returned an unexpected body: " + detail);
    }
}
