package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.EvosldException;
import dev.evosld.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ViewerBodiesTest {
    private static final String ROWS = "GET /rows?dataset=d&config=c&split=train&offset=0&length=2";

    private static JsonNode json(String text) {
        return Json.mapper().readTree(text);
    }

    @Test
    void theSplitsAreInTheServersOrder() {
        assertEquals(List.of(new DatasetSplit("d", "b", "train"), new DatasetSplit("d", "a", "test")),
            ViewerBodies.splits(json("{\"splits\": [{\"dataset\": \"d\", \"config\": \"b\", \"split\": \"train\"},"
                + " {\"dataset\": \"d\", \"config\": \"a\", \"split\": \"test\", \"extra\": 1}], \"pending\": []}"),
                "GET /splits?dataset=d"));
    }

    @Test
    void aPageHoldsItsFeaturesRowsAndCounts() {
        RowsPage page = ViewerBodies.rows(json("""
            {"features": [{"feature_idx": 0, "name": "N", "type": {"dtype": "int64", "_type": "Value"}},
                          {"name": "loss", "type": {"_type": "Value"}}, {"feature_idx": 7, "name": "note"}],
             "rows": [{"row_idx": 4, "row": {"N": 100, "loss": 2.5, "note": "x", "tags": [1], "ok": true, "gap": null},
                       "truncated_cells": ["note", 3]}],
             "num_rows_total": 40}"""), ROWS);
        assertEquals(List.of(new RowsPage.Feature(0, "N", "int64"), new RowsPage.Feature(1, "loss", "Value"),
            new RowsPage.Feature(7, "note", "")), page.features(), "an index or a type left out is made up");
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("N", new Cell.Whole(100));
        cells.put("loss", new Cell.Real(2.5));
        cells.put("note", new Cell.Text("x"));
        cells.put("tags", new Cell.Other("a JSON array"));
        cells.put("ok", new Cell.Other("the JSON boolean true"));
        cells.put("gap", new Cell.Empty());
        assertEquals(List.of(new RowsPage.Row(4, cells, List.of("note", "3"))), page.rows());
        assertEquals(40, page.numRowsTotal());
        assertEquals(1, page.numRowsPerPage(), "without a page size, the rows given");
        assertEquals(false, page.partial());
    }

    @Test
    void aFieldThePullReliesOnThatIsMissingOrOfAnotherTypeNamesTheRequest() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{\"rows\": [], \"num_rows_total\": 1}", "no 'features' array");
        bodies.put("{\"features\": [{\"name\": 3}], \"rows\": [], \"num_rows_total\": 1}", "no 'name' string");
        bodies.put("{\"features\": [], \"rows\": [{\"row_idx\": 0}], \"num_rows_total\": 1}", "a row without a 'row' object");
        bodies.put("{\"features\": [], \"rows\": [{\"row_idx\": 0.5, \"row\": {}}], \"num_rows_total\": 1}",
            "no 'row_idx' count");
        bodies.put("{\"features\": [], \"rows\": [], \"num_rows_total\": -1}", "no 'num_rows_total' count");
        for (var body : bodies.entrySet()) {
            EvosldException e = assertThrows(EvosldException.class, () -> ViewerBodies.rows(json(body.getKey()), ROWS));
            assertEquals("hugging face: " + ROWS + " returned an unexpected body: " + body.getValue(), e.getMessage());
        }
        EvosldException e = assertThrows(EvosldException.class,
            () -> ViewerBodies.splits(json("{\"splits\": [{\"dataset\": \"d\", \"config\": \"c\"}]}"), "GET /splits"));
        assertEquals("hugging face: GET /splits returned an unexpected body: no 'split' string", e.getMessage());
    }
}
