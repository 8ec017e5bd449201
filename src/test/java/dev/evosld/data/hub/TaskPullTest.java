package dev.evosld.data.hub;

import static dev.evosld.data.hub.FakeHub.rowsAt;
import static dev.evosld.data.hub.FakeHub.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.EvosldException;
import dev.evosld.http.FailingSockets;
import dev.evosld.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TaskPullTest {
    private static final String TASK = "fake_scaling_law";
    private static final List<String> COLUMNS = List.of("group", "n", "d", "loss");
    // The dataset's own column order differs from the task's, and it has a column the task does not use.
    private static final List<FakeHub.Column> FEATURES = List.of(
        new FakeHub.Column("loss", "float64"),
        new FakeHub.Column("d", "float64"),
        new FakeHub.Column("group", "string"),
        new FakeHub.Column("n", "int64"),
        new FakeHub.Column("note", "string"));
    private static final int TRAIN_ROWS = 230;
    private static final int TEST_ROWS = 12;
    // how the pull refuses a group label that every later read of the CSV would refuse
    private static final String LINE_BREAK = " holds a line break, which no group name may hold: every message and"
        + " table that names a group is one line";
    private static final String INVISIBLE = " holds a character that does not show (U+%s), which no group name may"
        + " hold: it would name a group apart from the one it looks like";

    private static final OkHttpClient HTTP = new OkHttpClient();

    @TempDir
    private Path dataDir;
    private final FakeHub hub = new FakeHub()
        .put(TASK, "train", FEATURES, trainRows(TRAIN_ROWS))
        .put(TASK, "test", FEATURES, testRows())
        .put("moe_scaling_law", "train", FEATURES, List.of())
        .put("moe_scaling_law", "test", FEATURES, List.of());
    @AutoClose
    private final MockWebServer server = TestServers.started(hub);
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();

    private TaskPull taskPull() {
        HubClient client = HubClient.of(HTTP, server.url("/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));
        return TaskPull.into(dataDir, client)
            .withListener((task, split, rowsSoFar, total) -> pages.add(task + " " + split + " " + rowsSoFar + "/" + total));
    }

    private static PullSpec spec() {
        return PullSpec.sldbench(TASK, COLUMNS, Map.of("train", TRAIN_ROWS, "test", TEST_ROWS));
    }

    private static PullSpec specOfUnknownCounts() {
        return PullSpec.sldbench(TASK, COLUMNS, Map.of());
    }

    private static ObjectNode trainRow(int i) {
        return Json.mapper().createObjectNode()
            .put("loss", i + 0.5)
            .put("d", i + 0.25)
            .put("group", "g" + i % 3)
            .put("n", 1000L * (i + 1))
            .put("note", "run " + i);
    }

    private static List<ObjectNode> trainRows(int rows) {
        return IntStream.range(0, rows).mapToObj(TaskPullTest::trainRow).toList();
    }

    /** The train CSV, spelled out without Double.toString: these values print as their decimal text. */
    private static String expectedTrain(int rows) {
        StringBuilder csv = new StringBuilder("group,n,d,loss\n");
        for (int i = 0; i < rows; i++) {
            csv.append("g").append(i % 3).append(',').append(1000L * (i + 1)).append(',')
                .append(i).append(".25,").append(i).append(".5\n");
        }
        return csv.toString();
    }

    private static List<JsonNode> testRows() {
        List<JsonNode> rows = new ArrayList<>();
        Json.mapper().readTree(FakeHub.resource("fake_scaling_law-test-rows.json")).forEach(rows::add);
        return rows;
    }

    private Path taskDir() {
        return dataDir.resolve(TASK);
    }

    private String read(String file) throws IOException {
        return Files.readString(taskDir().resolve(file), StandardCharsets.UTF_8);
    }

    /** Every file under the data directory with its bytes, to show that a failed pull changed nothing. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dataDir.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1)
                    + "@" + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    /** The requests the server got since the last call, as "path split offset length". */
    private List<String> takeRequests() throws InterruptedException {
        List<String> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) != null) {
            HttpUrl url = request.getUrl();
            requests.add(url.encodedPath().equals("/rows")
                ? "/rows " + url.queryParameter("split") + " " + url.queryParameter("offset") + " "
                    + url.queryParameter("length")
                : url.encodedPath());
        }
        return requests;
    }

    @Test
    void pulledFilesNamesTheCsvsThatNoLongerMatchThePull() throws Exception {
        Files.createDirectories(taskDir());
        Files.writeString(taskDir().resolve("train.csv"), "group,n,d,loss\n");
        assertEquals(List.of(), PulledFiles.changed(taskDir()), "files no pull wrote are the user's own");

        taskPull().pull(spec());
        assertEquals(List.of(), PulledFiles.changed(taskDir()));
        Path test = taskDir().resolve("test.csv");
        Files.writeString(test, Files.readString(test).replace(",", ";"));
        assertEquals(List.of(test), PulledFiles.changed(taskDir()));
        Path train = taskDir().resolve("train.csv");
        // what a pull killed between its two renames leaves: one old file beside the manifest of the new pair
        Files.writeString(train, Files.readString(train) + "x,1,1,1\n");
        assertEquals(List.of(test, train), PulledFiles.changed(taskDir()));
        Files.delete(train);
        assertEquals(List.of(test), PulledFiles.changed(taskDir()), "a missing file is the reader's to report");
    }

    @Test
    void writesByteExactCsvsInTheTasksColumnOrder() throws Exception {
        PullOutcome outcome = taskPull().pull(spec());

        assertEquals(expectedTrain(TRAIN_ROWS), read("train.csv"));
        assertEquals(FakeHub.resource("fake_scaling_law-test.csv"), read("test.csv"));
        assertEquals(new PullOutcome(TASK, taskDir(), Map.of("train", 230L, "test", 12L),
            PullOutcome.Status.DOWNLOADED), outcome);
        try (Stream<Path> files = Files.list(taskDir())) {
            assertEquals(List.of(".hub.json", "test.csv", "train.csv"),
                files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void pagesThroughEachSplitAHundredRowsAtATime() throws Exception {
        taskPull().pull(spec());

        assertEquals(List.of(
            "/splits",
            "/rows train 0 100",
            "/rows train 100 100",
            "/rows train 200 100",
            "/rows test 0 100"), takeRequests());
        assertEquals(List.of(
            "fake_scaling_law train 100/230",
            "fake_scaling_law train 200/230",
            "fake_scaling_law train 230/230",
            "fake_scaling_law test 12/12"), pages);
    }

    @Test
    void recordsCountsAndChecksumsInTheManifest() throws Exception {
        taskPull().pull(spec());

        JsonNode manifest = Json.mapper().readTree(read(".hub.json"));
        assertEquals("pkuHaowei/sldbench", manifest.get("dataset").stringValue());
        assertEquals(TASK, manifest.get("config").stringValue());
        assertEquals(230, manifest.get("splits").get("train").get("num_rows_total").intValue());
        assertEquals(12, manifest.get("splits").get("test").get("num_rows_total").intValue());
        byte[] train = Files.readAllBytes(taskDir().resolve("train.csv"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(train)),
            manifest.get("splits").get("train").get("sha256").stringValue());
    }

    @Test
    void retriesA503MidwayAndWritesTheSameFile() throws Exception {
        hub.fail(rowsAt("train", 100), 1, status(503));

        taskPull().pull(spec());

        assertEquals(expectedTrain(TRAIN_ROWS), read("train.csv"));
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
        assertEquals(List.of("/splits", "/rows train 0 100", "/rows train 100 100", "/rows train 100 100",
            "/rows train 200 100", "/rows test 0 100"), takeRequests());
    }

    /** A pull whose connects number {@code first} to {@code last} are refused; each request connects anew. */
    private TaskPull taskPullRefusedDuring(int first, int last) {
        OkHttpClient http = HTTP.newBuilder()
            .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
            .socketFactory(FailingSockets.refusing(first, last))
            .build();
        HubClient client = HubClient.of(http, server.url("/"), Optional.empty())
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));
        return TaskPull.into(dataDir, client);
    }

    @Test
    void aMomentOfRefusedConnectionsMidwayIsRetriedAndWritesTheSameFile() throws Exception {
        // observed: the server had answered /splits and page 1, then "cannot reach …: connection refused" at page 2
        // lost the whole task; connects 3 and 4 are page 2's first two attempts
        taskPullRefusedDuring(3, 4).pull(spec());

        assertEquals(expectedTrain(TRAIN_ROWS), read("train.csv"));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        assertEquals(List.of("/splits", "/rows train 0 100", "/rows train 100 100", "/rows train 200 100",
            "/rows test 0 100"), takeRequests());
    }

    @Test
    void refusedConnectionsMidwayThatLastFailAfterTheUsualAttemptsAndWriteNothing() {
        EvosldException e = assertThrows(EvosldException.class, () -> taskPullRefusedDuring(3, 99).pull(spec()));

        assertEquals("hugging face: GET /rows?dataset=pkuHaowei/sldbench&config=fake_scaling_law&split=train"
            + "&offset=100&length=100 failed after 4 attempts: connection refused", e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void aRefusedConnectionBeforeTheServerEverAnsweredFailsAtOnce() {
        EvosldException e = assertThrows(EvosldException.class, () -> taskPullRefusedDuring(1, 99).pull(spec()));

        assertEquals("hugging face: cannot reach " + server.url("/") + ": connection refused (is a server running"
            + " there?)", e.getMessage());
        assertEquals(List.of(), sleeps);
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void aMomentOfRefusedConnectionsBetweenTwoTasksOfOnePullIsRetried() throws Exception {
        // pulling several tasks, the server answered all of the first: the next task's /splits meets a restart
        TaskPull pull = taskPullRefusedDuring(6, 6);
        pull.pull(spec());

        PullOutcome second = pull.pull(PullSpec.sldbench("moe_scaling_law", COLUMNS, Map.of()));

        assertEquals(Map.of("train", 0L, "test", 0L), second.rows());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void aSchemaChangeFailsClearlyAndWritesNothing() {
        List<FakeHub.Column> withoutLoss = FEATURES.stream().filter(c -> !c.name().equals("loss")).toList();
        hub.put(TASK, "train", withoutLoss, trainRows(TRAIN_ROWS));

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' lacks column 'loss' (has: d, group, n,"
            + " note)", e.getMessage());
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void aSchemaChangeAfterAPullLeavesTheEarlierFilesAlone() throws Exception {
        taskPull().pull(spec());
        Map<String, String> before = snapshot();
        List<FakeHub.Column> withoutLoss = FEATURES.stream().filter(c -> !c.name().equals("loss")).toList();
        hub.put(TASK, "test", withoutLoss, testRows());

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'test' lacks column 'loss' (has: d, group, n,"
            + " note)", e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void aPullThatFailsOnPageTwoLeavesNoCsv() {
        hub.failAlways(rowsAt("train", 100), status(503));

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: GET /rows?dataset=pkuHaowei/sldbench&config=fake_scaling_law&split=train"
            + "&offset=100&length=100 failed after 4 attempts: HTTP 503 (fake failure 503)", e.getMessage());
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void aPullThatFailsOnPageTwoKeepsTheEarlierCompleteCsvs() throws Exception {
        taskPull().pull(specOfUnknownCounts());
        Map<String, String> before = snapshot();
        hub.put(TASK, "train", FEATURES, trainRows(TRAIN_ROWS + 1));
        hub.failAlways(rowsAt("train", 100), status(503));

        assertThrows(EvosldException.class, () -> taskPull().pull(specOfUnknownCounts()));

        assertEquals(before, snapshot());
        assertEquals(expectedTrain(TRAIN_ROWS), read("train.csv"));
    }

    @Test
    void aSecondPullWithNothingNewSendsOnlyCheapRequestsAndRewritesNothing() throws Exception {
        taskPull().pull(spec());
        takeRequests();
        pages.clear();
        // Back-date the files, so that a rewrite would show even on a file system with coarse timestamps.
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        for (String file : List.of("train.csv", "test.csv", ".hub.json")) {
            Files.setLastModifiedTime(taskDir().resolve(file), past);
        }
        Map<String, String> before = snapshot();

        PullOutcome outcome = taskPull().pull(spec());

        assertEquals(PullOutcome.Status.UP_TO_DATE, outcome.status());
        assertEquals(Map.of("train", 230L, "test", 12L), outcome.rows());
        assertEquals(List.of("/splits", "/rows train 0 1", "/rows test 0 1"), takeRequests());
        assertEquals(before, snapshot());
        assertEquals(List.of(), pages);
    }

    @Test
    void aSecondPullDownloadsAgainWhenASplitGrew() throws Exception {
        taskPull().pull(specOfUnknownCounts());
        hub.put(TASK, "train", FEATURES, trainRows(TRAIN_ROWS + 1));
        takeRequests();

        PullOutcome outcome = taskPull().pull(specOfUnknownCounts());

        assertEquals(PullOutcome.Status.DOWNLOADED, outcome.status());
        assertEquals(231L, outcome.rows().get("train"));
        assertEquals(expectedTrain(TRAIN_ROWS + 1), read("train.csv"));
        assertEquals(List.of("/splits", "/rows train 0 1", "/rows train 0 100", "/rows train 100 100",
            "/rows train 200 100", "/rows test 0 100"), takeRequests());
    }

    @Test
    void aSecondPullDownloadsAgainWhenTheFirstRowWasRevised() throws Exception {
        taskPull().pull(spec());
        List<ObjectNode> revised = new ArrayList<>(trainRows(TRAIN_ROWS));
        revised.set(0, trainRow(0).put("loss", 9.75));
        hub.put(TASK, "train", FEATURES, revised);

        PullOutcome outcome = taskPull().pull(spec());

        assertEquals(PullOutcome.Status.DOWNLOADED, outcome.status());
        assertTrue(read("train.csv").startsWith("group,n,d,loss\ng0,1000,0.25,9.75\n"));
    }

    @Test
    void aFolderPulledWhenNumbersWereSpelledAsJavaDoesIsUpToDateAndKeptAsItIs() throws Exception {
        taskPull().pull(spec());
        // the test split as a pull wrote it before 1e-5 was written 1e-5 rather than 1.0E-5: the same values
        String javaNumbers = FakeHub.resource("fake_scaling_law-test-java-numbers.csv");
        Path test = Files.writeString(taskDir().resolve("test.csv"), javaNumbers);
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(read(".hub.json"));
        ((ObjectNode) manifest.get("splits").get("test")).put("sha256",
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(test))));
        Files.writeString(taskDir().resolve(".hub.json"), Json.mapper().writeValueAsString(manifest));

        PullOutcome outcome = taskPull().pull(spec());

        assertEquals(PullOutcome.Status.UP_TO_DATE, outcome.status(), "respelling it would change its checksum");
        assertEquals(javaNumbers, read("test.csv"));
    }

    @Test
    void aSecondPullRepairsALocallyEditedCsvWithoutProbing() throws Exception {
        taskPull().pull(spec());
        Files.writeString(taskDir().resolve("train.csv"), "group,n,d,loss\n");
        takeRequests();

        PullOutcome outcome = taskPull().pull(spec());

        assertEquals(PullOutcome.Status.DOWNLOADED, outcome.status());
        assertEquals(expectedTrain(TRAIN_ROWS), read("train.csv"));
        assertEquals(List.of("/splits", "/rows train 0 100", "/rows train 100 100", "/rows train 200 100",
            "/rows test 0 100"), takeRequests());
    }

    @Test
    void aSecondPullWithOtherColumnsDownloadsAgain() throws Exception {
        taskPull().pull(spec());

        PullOutcome outcome = taskPull().pull(PullSpec.sldbench(TASK, List.of("group", "loss"), Map.of()));

        assertEquals(PullOutcome.Status.DOWNLOADED, outcome.status());
        assertTrue(read("train.csv").startsWith("group,loss\ng0,0.5\ng1,1.5\n"), read("train.csv"));
    }

    @Test
    void removesTheLeftoversOfAKilledPull() throws Exception {
        Files.createDirectories(taskDir());
        Path leftover = Files.writeString(taskDir().resolve(".train.csv.4242-1.part"), "group,n\ng0,");

        taskPull().pull(spec());

        assertFalse(Files.exists(leftover));
    }

    @Test
    void reportsAFolderItCannotWrite() throws Exception {
        Files.writeString(taskDir(), "a file where the task's folder should be");

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertTrue(e.getMessage().startsWith("cannot write " + taskDir() + ": FileAlreadyExistsException "),
            e.getMessage());
    }

    @Test
    void rejectsARowCountOtherThanExpected() {
        PullSpec spec = PullSpec.sldbench(TASK, COLUMNS, Map.of("train", 2702));

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' has 230 rows, expected 2702",
            e.getMessage());
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void rejectsATruncatedCellOfATaskColumn() {
        hub.truncate(TASK, "train", 150, "loss");

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 150 column 'loss' was truncated by"
            + " the server", e.getMessage());
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void ignoresATruncatedCellOfAnotherColumn() throws Exception {
        hub.truncate(TASK, "train", 150, "note");

        taskPull().pull(spec());

        assertEquals(expectedTrain(TRAIN_ROWS), read("train.csv"));
    }

    @Test
    void rejectsANonNumericCell() {
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("loss", "n/a"));
        hub.put(TASK, "train", FEATURES, rows);

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column 'loss' is not a number:"
            + " \"n/a\"", e.getMessage());
    }

    @Test
    void aNonNumericCellHoldingALineBreakIsQuotedOnOneLine() {
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("loss", "2.5\nsee\u200bnote"));
        hub.put(TASK, "train", FEATURES, rows);

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column 'loss' is not a number:"
            + " \"2.5\\nsee\\u200bnote\"", e.getMessage());
    }

    @Test
    void aCellThatEchoesTheTokenIsQuotedWithTheTokenBlanked() {
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("loss", "Bearer hf_secret123"));
        hub.put(TASK, "train", FEATURES, rows);
        HubClient client = HubClient.of(HTTP, server.url("/"), Optional.of("hf_secret123"))
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        EvosldException e = assertThrows(EvosldException.class, () -> TaskPull.into(dataDir, client).pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column 'loss' is not a number:"
            + " \"Bearer [token]\"", e.getMessage());
    }

    /** Cells that are neither a number, a string nor null, each with how the refusal names its kind. */
    private static Stream<Arguments> cellsOfAnotherKind() {
        return Stream.of(
            Arguments.of("{\"value\": 2.5, \"unit\": \"nats\"}", "a JSON object"),
            Arguments.of("[2.5, 2.6]", "a JSON array"),
            Arguments.of("true", "the JSON boolean true"));
    }

    static Stream<Arguments> cellsOfAnotherKindInEachColumn() {
        return cellsOfAnotherKind().flatMap(cell -> Stream.of(
            Arguments.of("loss", cell.get()[0], cell.get()[1], "not a number"),
            Arguments.of("group", cell.get()[0], cell.get()[1], "not a group label")));
    }

    @ParameterizedTest
    @MethodSource("cellsOfAnotherKindInEachColumn")
    void aCellOfAnotherKindIsNamedByItsKind(String column, String json, String kind, String expected) {
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        ObjectNode row = trainRow(5);
        row.set(column, Json.mapper().readTree(json));
        rows.set(5, row);
        hub.put(TASK, "train", FEATURES, rows);

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column '" + column + "' is " + kind
            + ", " + expected, e.getMessage());
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void aLongNonNumericCellIsQuotedOnlyInPart() {
        // observed: a cell holding a whole document was quoted whole, one line of tens of kilobytes
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("loss", "x".repeat(20_000)));
        hub.put(TASK, "train", FEATURES, rows);

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column 'loss' is not a number:"
            + " \"" + "x".repeat(60) + "...\" (20000 characters)", e.getMessage());
    }

    @Test
    void aLongCellIsCutOnlyOnceTheTokenIsBlanked() {
        // cut first, the token straddling the cut would show its first half
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("loss", "y".repeat(55) + "hf_secret123" + "y".repeat(100)));
        hub.put(TASK, "train", FEATURES, rows);
        HubClient client = HubClient.of(HTTP, server.url("/"), Optional.of("hf_secret123"))
            .withRetryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));

        EvosldException e = assertThrows(EvosldException.class, () -> TaskPull.into(dataDir, client).pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column 'loss' is not a number:"
            + " \"" + "y".repeat(55) + "[toke...\" (162 characters)", e.getMessage());
    }

    @Test
    void rejectsAnEmptyCell() {
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(7, trainRow(7).putNull("d"));
        hub.put(TASK, "train", FEATURES, rows);

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 7 column 'd' is empty",
            e.getMessage());
    }

    /** Labels no CSV read may hold, each with its spelling in the message and, if it does not show, its code. */
    private static Stream<Arguments> unreadableLabels() {
        return Stream.of(
            Arguments.of("g\n5", "'g\\n5'", null),
            Arguments.of("g\r5", "'g\\r5'", null),
            Arguments.of("\ufeffg5", "'\\ufeffg5'", "FEFF"),
            Arguments.of("g\u200b5", "'g\\u200b5'", "200B"),
            Arguments.of("g5\u0007", "'g5\\u0007'", "0007"));
    }

    @ParameterizedTest
    @MethodSource("unreadableLabels")
    void refusesAGroupLabelThatCouldNotBeReadBackAndWritesNothing(String label, String shown, String hidden) {
        // every later read of the CSV would refuse this label, naming a file the user never wrote
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("group", label));
        hub.put(TASK, "train", FEATURES, rows);

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column 'group': " + shown
            + (hidden == null ? LINE_BREAK : INVISIBLE.formatted(hidden)), e.getMessage());
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void refusesABlankGroupLabel() {
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("group", " "));
        hub.put(TASK, "train", FEATURES, rows);

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' row 5 column 'group' is empty",
            e.getMessage());
        assertFalse(Files.exists(taskDir()));
    }

    @Test
    void aGroupLabelWithSpacesOrAnotherScriptIsPulledAsItIs() throws Exception {
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("group", "café 70\u202fM, µ"));
        hub.put(TASK, "train", FEATURES, rows);

        taskPull().pull(spec());

        assertEquals("\"café 70\u202fM, µ\",6000,5.25,5.5", read("train.csv").lines().toList().get(6));
    }

    @Test
    void aGroupLabelSentAsAJsonFloatIsWrittenAsTheNumberItIs() throws Exception {
        // observed: a label served as the float 70.0 was written 70.0, a group apart from the 70 sent as an integer
        List<ObjectNode> rows = new ArrayList<>(trainRows(TRAIN_ROWS));
        rows.set(5, trainRow(5).put("group", 70.0));
        rows.set(6, trainRow(6).put("group", 70L));
        rows.set(7, trainRow(7).put("group", 4.0e9).put("n", 8000.0));
        rows.set(8, trainRow(8).put("group", 1.0e-5).put("d", 1.0e-5));
        rows.set(9, trainRow(9).put("group", 0.1 + 0.2).put("d", 0.1 + 0.2));
        rows.set(10, trainRow(10).put("group", -0.0));
        hub.put(TASK, "train", FEATURES, rows);

        taskPull().pull(spec());

        // integers as integers, as the same value sent as a JSON integer is; other floats in the fewest digits that
        // read back as the same double, as every number column is written
        assertEquals(List.of("70,6000,5.25,5.5", "70,7000,6.25,6.5", "4000000000,8000,7.25,7.5", "1e-5,9000,1e-5,8.5",
                "0.30000000000000004,10000,0.30000000000000004,9.5", "0,11000,10.25,10.5"),
            read("train.csv").lines().toList().subList(6, 12));
    }

    @Test
    void rejectsASplitThatChangesDuringThePull() {
        FakeHub grown = new FakeHub().put(TASK, "train", FEATURES, trainRows(TRAIN_ROWS + 1));
        hub.fail(rowsAt("train", 200), 1, grown.respond(server.url(
            "/rows?dataset=pkuHaowei/sldbench&config=fake_scaling_law&split=train&offset=200&length=100")));

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec()));

        assertEquals("hugging face: config 'fake_scaling_law' split 'train' changed during the pull (num_rows_total"
            + " 230, then 231); pull again", e.getMessage());
    }

    @Test
    void namesTheConfigsWhenTheTaskHasNone() {
        PullSpec spec = PullSpec.sldbench("nope_scaling_law", COLUMNS, Map.of());

        EvosldException e = assertThrows(EvosldException.class, () -> taskPull().pull(spec));

        assertEquals("hugging face has no config 'nope_scaling_law' in dataset 'pkuHaowei/sldbench' (has:"
            + " fake_scaling_law, moe_scaling_law)", e.getMessage());
    }

    @Test
    void rejectsTaskNamesThatAreNotOnePathElement() {
        assertThrows(IllegalArgumentException.class, () -> PullSpec.sldbench("../etc", COLUMNS, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PullSpec.sldbench("..", COLUMNS, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PullSpec.sldbench(TASK, List.of("g", "g"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PullSpec.sldbench(TASK, COLUMNS, Map.of("dev", 3)));
    }
}
