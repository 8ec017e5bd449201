package dev.evosld.cli;

import dev.evosld.data.hub.TestServers;
import dev.evosld.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SLDBench dataset on a fake dataset viewer, in the shape of the fixtures of {@code data.hub}
 * ({@code /splits}, paged {@code /rows}); counts the requests it answered.
 */
final class FakeSldbench extends Dispatcher {
    static final String DATASET = "pkuHaowei/sldbench";

    /** A column and its Hugging Face dtype ({@code string}, {@code int64}, {@code float64}). */
    record Column(String name, String dtype) {
    }

    private record Split(List<Column> columns, List<ObjectNode> rows) {
    }

    private final Map<String, Map<String, Split>> configs = new LinkedHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    /** A started server answering from this dispatcher. */
    MockWebServer start() {
        return TestServers.started(this);
    }

    synchronized FakeSldbench put(String config, String split, List<Column> columns, List<ObjectNode> rows) {
        configs.computeIfAbsent(config, c -> new LinkedHashMap<>()).put(split, new Split(List.copyOf(columns), List.copyOf(rows)));
        return this;
    }

    /**
     * parallel_scaling_law's shape, 36 train rows with P = 1, 2, 4 and 12 test rows with P = 8, made by the task's
     * human law; Hugging Face's column order differs from the config's, with a column the task does not use.
     */
    FakeSldbench putParallelScalingLaw() {
        List<Column> columns = List.of(new Column("loss", "float64"), new Column("group", "string"),
            new Column("parallel_size", "int64"), new Column("num_params", "int64"), new Column("note", "string"));
        put("parallel_scaling_law", "train", columns, parallelRows(List.of(1, 2, 4)));
        return put("parallel_scaling_law", "test", columns, parallelRows(List.of(8)));
    }

    private static List<ObjectNode> parallelRows(List<Integer> sizes) {
        List<ObjectNode> rows = new ArrayList<>();
        for (String group : List.of("stack", "pile")) {
            double offset = group.equals("stack") ? 0.9 : 1.6;
            for (int p : sizes) {
                for (long n : new long[] {500_000_000L, 800_000_000L, 1_200_000_000L, 2_000_000_000L, 3_000_000_000L,
                    5_000_000_000L}) {
                    double loss = Math.pow(1e9 / (n * (0.4 * Math.log(p) + 1)), 0.3) + offset;
                    rows.add(Json.mapper().createObjectNode().put("loss", loss).put("group", group)
                        .put("parallel_size", p).put("num_params", n).put("note", "synthetic"));
                }
            }
        }
        return rows;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        HttpUrl url = request.getUrl();
        return switch (url.encodedPath()) {
            case "/splits" -> splits(url);
            case "/rows" -> rows(url);
            default -> json(404, error("Not Found"));
        };
    }

    private MockResponse splits(HttpUrl url) {
        if (!DATASET.equals(url.queryParameter("dataset"))) {
            return json(404, error("The dataset does not exist, or is not accessible without authentication"));
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
        Map<String, Split> splits = configs.get(url.queryParameter("config"));
        Split split = splits == null ? null : splits.get(url.queryParameter("split"));
        if (split == null) {
            return json(404, error("Not Found"));
        }
        int offset = Integer.parseInt(url.queryParameter("offset"));
        int length = Integer.parseInt(url.queryParameter("length"));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode features = body.putArray("features");
        for (int i = 0; i < split.columns().size(); i++) {
            ObjectNode feature = features.addObject().put("feature_idx", i).put("name", split.columns().get(i).name());
            feature.putObject("type").put("dtype", split.columns().get(i).dtype()).put("_type", "Value");
        }
        ArrayNode rows = body.putArray("rows");
        for (int i = offset; i < Math.min(split.rows().size(), offset + length); i++) {
            ObjectNode row = rows.addObject().put("row_idx", i);
            row.set("row", split.rows().get(i));
            row.putArray("truncated_cells");
        }
        body.put("num_rows_total", split.rows().size());
        body.put("num_rows_per_page", 100);
        body.put("partial", false);
        return json(200, body);
    }

    private static JsonNode error(String message) {
        return Json.mapper().createObjectNode().put("error", message);
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
            .body(body.toString()).build();
    }
}
