package dev.evosld.data.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RowsPageTest {
    private static final String ROWS = "GET /rows?dataset=pkuHaowei/sldbench&config=moe_scaling_law&split=train"
        + "&offset=100&length=100";
    private static final String ONE_FEATURE = "\"features\": [{\"feature_idx\": 0, \"name\": \"n\","
        + " \"type\": {\"dtype\": \"float64\", \"_type\": \"Value\"}}]";

    private final List<Duration> sleeps = new ArrayList<>();
    @AutoClose
    private final MockWebServer server = TestServers.started(null);

    private RowsPage page(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
            .build());
        return HubClient.of(new OkHttpClient(), server.url("/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add))
            .rows(FakeHub.DATASET, "moe_scaling_law", "train", 100, 100);
    }

    private String refusal(String body) {
        int before = server.getRequestCount();
        EvosldException e = assertThrows(EvosldException.class, () -> page(body));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        // a well-formed answer of the wrong shape will not improve on a retry
        assertEquals(before + 1, server.getRequestCount());
        assertEquals(List.of(), sleeps);
        return e.getMessage();
    }

    @Test
    void readsAPartialPageWithTruncatedCellsAndItsOwnPageSize() {
        RowsPage page = page("""
            {"features": [
               {"feature_idx": 0, "name": "group", "type": {"dtype": "string", "_type": "Value"}},
               {"feature_idx": 1, "name": "tokens", "type": {"dtype": "int64", "_type": "Value"}},
               {"feature_idx": 2, "name": "notes", "type": {"feature": {"dtype": "string"}, "_type": "List"}}],
             "rows": [
               {"row_idx": 100, "row": {"group": "g", "tokens": 7, "notes": ["x"]}, "truncated_cells": ["notes"]},
               {"row_idx": 101, "row": {"group": "g", "tokens": 8, "notes": []}, "truncated_cells": []}],
             "num_rows_total": 5000, "num_rows_per_page": 50, "partial": true}""");

        assertEquals(List.of(new RowsPage.Feature(0, "group", "string"), new RowsPage.Feature(1, "tokens", "int64"),
            new RowsPage.Feature(2, "notes", "List")), page.features());
        assertEquals(List.of("group", "tokens", "notes"), page.columnNames());
        assertEquals(new RowsPage.Row(100, Map.of("group", new Cell.Text("g"), "tokens", new Cell.Whole(7),
            "notes", new Cell.Other("a JSON array")), List.of("notes")), page.rows().getFirst());
        assertEquals(101, page.rows().get(1).rowIdx());
        assertEquals(5000, page.numRowsTotal());
        assertEquals(50, page.numRowsPerPage());
        assertTrue(page.partial());
    }

    @Test
    void readsOptionalFieldsLenientlySoThatAnApiChangeBreaksNothing() {
        RowsPage page = page("""
            {"features": [{"name": "a"}, {"feature_idx": "one", "name": "b", "type": {"_type": "ClassLabel"}}],
             "rows": [{"row_idx": 100, "row": {"a": 1.5}}, {"row_idx": 101, "row": {}, "truncated_cells": "a"}],
             "num_rows_total": 102, "new_field": {"ignored": true}}""");

        // a missing index is the feature's position; a missing type is empty
        assertEquals(List.of(new RowsPage.Feature(0, "a", ""), new RowsPage.Feature(1, "b", "ClassLabel")),
            page.features());
        assertEquals(List.of(), page.rows().getFirst().truncatedCells());
        assertEquals(List.of(), page.rows().get(1).truncatedCells());
        // without num_rows_per_page the page holds what it holds; without partial the split is whole
        assertEquals(2, page.numRowsPerPage());
        assertFalse(page.partial());
    }

    @Test
    void anEmptyPagePastTheEndOfTheSplitIsNoError() {
        RowsPage page = page("{" + ONE_FEATURE + ", \"rows\": [], \"num_rows_total\": 100, \"num_rows_per_page\": 100,"
            + " \"partial\": false}");

        assertEquals(List.of(), page.rows());
        assertEquals(100, page.numRowsTotal());
        assertEquals(List.of("n"), page.columnNames());
    }

    @Test
    void aPageWithoutRowsNamesTheMissingArray() {
        assertEquals("hugging face: " + ROWS + " returned an unexpected body: no 'rows' array",
            refusal("{" + ONE_FEATURE + ", \"rows\": {}, \"num_rows_total\": 1}"));
    }

    @Test
    void aFeatureWithoutANameNamesTheMissingString() {
        assertEquals("hugging face: " + ROWS + " returned an unexpected body: no 'name' string",
            refusal("{\"features\": [{\"feature_idx\": 0, \"name\": 3}], \"rows\": [], \"num_rows_total\": 0}"));
    }

    @Test
    void aRowWithoutItsCellsIsRefused() {
        assertEquals("hugging face: " + ROWS + " returned an unexpected body: a row without a 'row' object",
            refusal("{" + ONE_FEATURE + ", \"rows\": [{\"row_idx\": 100, \"row\": [1]}], \"num_rows_total\": 1}"));
    }

    @Test
    void aRowWithoutAnIndexNamesTheMissingCount() {
        assertEquals("hugging face: " + ROWS + " returned an unexpected body: no 'row_idx' count",
            refusal("{" + ONE_FEATURE + ", \"rows\": [{\"row_idx\": \"100\", \"row\": {\"n\": 1}}],"
                + " \"num_rows_total\": 1}"));
    }

    @Test
    void aMissingNegativeOrFractionalTotalIsRefused() {
        for (String total : List.of("", ", \"num_rows_total\": -1", ", \"num_rows_total\": 2.5",
            ", \"num_rows_total\": \"28\"")) {
            assertEquals("hugging face: " + ROWS + " returned an unexpected body: no 'num_rows_total' count",
                refusal("{" + ONE_FEATURE + ", \"rows\": []" + total + "}"), total);
        }
    }

    @Test
    void theRecordCopiesItsListsSoThatAPageCannotChangeAfterParsing() {
        List<RowsPage.Feature> features = new ArrayList<>(List.of(new RowsPage.Feature(0, "n", "float64")));
        List<String> truncated = new ArrayList<>(List.of("n"));
        RowsPage page = new RowsPage(features, List.of(new RowsPage.Row(0, Map.of(), truncated)), 1, 100, false);

        features.clear();
        truncated.clear();

        assertEquals(List.of("n"), page.columnNames());
        assertEquals(List.of("n"), page.rows().getFirst().truncatedCells());
        assertThrows(UnsupportedOperationException.class, () -> page.rows().clear());
    }

    @Test
    void aFeatureNeedsANameAndAType() {
        assertEquals("name", assertThrows(NullPointerException.class,
            () -> new RowsPage.Feature(0, null, "float64")).getMessage());
        assertEquals("type", assertThrows(NullPointerException.class,
            () -> new RowsPage.Feature(0, "n", null)).getMessage());
    }
}
