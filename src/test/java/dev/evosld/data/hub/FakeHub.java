package dev.evosld.data.hub;

import dev.evosld.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dataset viewer for tests: serves {@code /splits} and paged {@code /rows} for the splits it was given, in
 * the shape of the recorded fixtures, and fails requests on demand.
 */
final class FakeHub extends Dispatcher {
    static final String DATASET = "pkuHaowei/sldbench";
    static final String NOT_FOUND = "The dataset does not exist, or is not accessible without authentication"
        + " (private or gated). Please check the spelling of the dataset name or retry with authentication.";

    record Column(String name, String dtype) {
    }

    private record Table(List<Column> features, List<JsonNode> rows, Map<Long, List<String>> truncated) {
    }

    private record Fault(Predicate<HttpUrl> when, MockResponse response, int[] left) {
    }

    private final Map<String, Map<String, Table>> configs = new LinkedHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** Serves {@code rows} (objects of column → value) as split {@code split} of {@code config}. */
    synchronized FakeHub put(String config, String split, List<Column> features, List<? extends JsonNode> rows) {
        configs.computeIfAbsent(config, c -> new LinkedHashMap<>())
            .put(split, new Table(List.copyOf(features), List.copyOf(rows), new HashMap<>()));
        return this;
    }

    /** Marks a cell as truncated by the server. */
    synchronized FakeHub truncate(String config, String split, long rowIdx, String column) {
        configs.get(config).get(split).truncated().computeIfAbsent(rowIdx, r -> new ArrayList<>()).add(column);
        return this;
    }

    /** Answers the next {@code times} requests that match {@code when} with {@code response}. */
    FakeHub fail(Predicate<HttpUrl> when, int times, MockResponse response) {
        faults.add(new Fault(when, response, new int[] {times}));
        return this;
    }

    /** Answers every request that matches {@code when} with {@code response}. */
    FakeHub failAlways(Predicate<HttpUrl> when, MockResponse response) {
        return fail(when, Integer.MAX_VALUE, response);
    }

    static Predicate<HttpUrl> rowsAt(String split, long offset) {
        return url -> url.encodedPath().equals("/rows") && split.equals(url.queryParameter("split"))
            && Long.toString(offset).equals(url.queryParameter("offset"));
    }

    static MockResponse status(int code) {
        return json(code, Json.mapper().createObjectNode().put("error", "fake failure " + code));
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(body.toString())
            .build();
    }

    /** A resource of this test tree as text. */
    static String resource(String name) {
        try (InputStream in = FakeHub.class.getResourceAsStream("/hub/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /hub/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        for (Fault fault : faults) {
            synchronized (fault.left()) {
                if (fault.left()[0] > 0 && fault.when().test(url)) {
                    fault.left()[0]--;
                    return fault.response();
                }
            }
        }
        return respond(url);
    }

    /** The answer to {@code url} when no failure was asked for. */
    synchronized MockResponse respond(HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/splits" -> splits(url);
            case "/rows" -> rows(url);
            default -> json(404, Json.mapper().createObjectNode().put("error", "Not Found"));
        };
    }

    private MockResponse splits(HttpUrl url) {
        if (!DATASET.equals(url.queryParameter("dataset"))) {
            return json(404, Json.mapper().createObjectNode().put("error", NOT_FOUND));
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode splits = body.putArray("splits");
        configs.forEach((config, tables) -> tables.keySet().forEach(split ->
            splits.addObject().put("dataset", DATASET).put("config", config).put("split", split)));
        body.putArray("pending");
        body.putArray("failed");
        return json(200, body);
    }

    private MockResponse rows(HttpUrl url) {
        Map<String, Table> tables = configs.get(url.queryParameter("config"));
        Table table = tables == null ? null : tables.get(url.queryParameter("split"));
        if (!DATASET.equals(url.queryParameter("dataset")) || table == null) {
            return json(404, Json.mapper().createObjectNode().put("error", NOT_FOUND));
        }
        int offset = Integer.parseInt(url.queryParameter("offset"));
        int length = Integer.parseInt(url.queryParameter("length"));
        if (length > 100) {
            return json(422, Json.mapper().createObjectNode().put("error", "Parameter 'length' must not be greater than 100"));
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode features = body.putArray("features");
        for (int i = 0; i < table.features().size(); i++) {
            Column column = table.features().get(i);
            ObjectNode feature = features.addObject().put("feature_idx", i).put("name", column.name());
            feature.putObject("type").put("dtype", column.dtype()).put("_type", "Value");
        }
        ArrayNode rows = body.putArray("rows");
        for (int i = offset; i < Math.min(table.rows().size(), offset + length); i++) {
            ObjectNode row = rows.addObject().put("row_idx", i);
            row.set("row", table.rows().get(i));
            ArrayNode truncated = row.putArray("truncated_cells");
            table.truncated().getOrDefault((long) i, List.of()).forEach(truncated::add);
        }
        body.put("num_rows_total", table.rows().size());
        body.put("num_rows_per_page", 100);
        body.put("partial", false);
        return json(200, body);
    }
}
