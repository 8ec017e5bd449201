package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.data.hub.TestServers;
import dev.evosld.json.Json;
import dev.evosld.law.Law;
import dev.evosld.law.Simplifier;
import dev.evosld.llm.LlmSettings;
import dev.evosld.run.LawDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code evosld discover} with and without an LLM endpoint; the endpoint is a MockWebServer. */
class DiscoverLlmTest {
    private static final String TASK = "parallel_scaling_law";
    private static final List<String> FEATURES = List.of("num_params", "parallel_size");
    /** Not a classic form: only the scripted LLM can bring it into the population. */
    private static final String SCRIPTED = "E + A*num_params^(-a)*(1 + k*log(parallel_size))^(-1)";

    @TempDir
    Path dir;

    @AutoClose
    private final MockWebServer server = TestServers.startedWithNagle();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private record Run(int status, String out, String err, JsonNode json) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static String dataDir() {
        String data = System.getenv("EVOSLD_DATA");
        assumeTrue(data != null && Files.isDirectory(Path.of(data, TASK)), "EVOSLD_DATA is not set; skipping");
        return data;
    }

    /** Runs {@code discover --json} on the small task with tiny search settings and the given environment. */
    private Run discover(Map<String, String> env, String out, String... extra) {
        return discover(true, env, out, extra);
    }

    /** Runs {@code discover} on the small task, with {@code --json} when {@code json}. */
    private Run discover(boolean json, Map<String, String> env, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("-t", TASK, "--data-dir", dataDir(), "--generations", "3", "--restarts", "1",
            "--population", "8", "--threads", "2", "--seed", "3", "--out", dir.resolve(out).toString()));
        if (json) {
            args.add("--json");
        }
        args.addAll(List.of(extra));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new DiscoverCommand(env));
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int status = cli.execute(args.toArray(String[]::new));
        JsonNode document = status == 0 && json ? Json.mapper().readTree(stdout.toString()) : null;
        return new Run(status, stdout.toString(), stderr.toString(), document);
    }

    /**
     * The discover command with {@code env} as its environment, its standard output dropped and its error lines into
     * {@code err}, a failure reported in one line with the exit status Main gives it.
     */
    private static CommandLine discoverCommand(Map<String, String> env, StringWriter err) {
        CommandLine cli = new CommandLine(new DiscoverCommand(env));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(e.getMessage());
            return e instanceof UsageException ? 2 : 1;
        });
        return cli;
    }

    /** The endpoint always proposes {@code law}, and records what it was asked. */
    private void answerAlways(String law) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                bodies.add(request.getBody().utf8());
                ObjectNode answer = Json.mapper().createObjectNode();
                answer.putArray("laws").addObject().put("law", law).put("rationale", "streams multiply the effective size");
                ObjectNode completion = Json.mapper().createObjectNode();
                completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", answer.toString());
                completion.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 40).put("total_tokens", 940);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(completion.toString()).build();
            }
        });
    }

    private String endpoint() {
        return server.url("/v1").toString();
    }

    private static String key(String formula) {
        return Simplifier.canonicalKey(Simplifier.simplify(Law.parse(formula, FEATURES)));
    }

    /** The canonical keys of every individual in the run's final populations. */
    private static List<String> population(Path run) throws IOException {
        JsonNode checkpoint = Json.mapper().readTree(Files.readString(run.resolve("checkpoint.json")));
        List<String> keys = new ArrayList<>();
        for (JsonNode island : checkpoint.path("islands")) {
            for (JsonNode individual : island) {
                keys.add(key(individual.path("law").stringValue()));
            }
        }
        return keys;
    }

    /** The canonical keys of the laws the run scored without failure. */
    private static List<String> scored(Path run) throws IOException {
        JsonNode checkpoint = Json.mapper().readTree(Files.readString(run.resolve("checkpoint.json")));
        List<String> keys = new ArrayList<>();
        for (JsonNode cached : checkpoint.path("cache")) {
            if (cached.path("validation_error").isNumber()) {
                keys.add(key(cached.path("law").stringValue()));
            }
        }
        return keys;
    }

    @Test
    void withoutAnEndpointTheSearchIsOfflineAndSaysSoOnce() throws IOException {
        Run run = discover(Map.of(), "offline");

        assertEquals(0, run.status(), run.err());
        assertEquals(1, run.errLines().stream().filter(l -> l.contains("llm:")).count(), run.err());
        // as every other line of EvoSLD's on stderr, and its other llm lines ("evosld: llm: …"), begin
        assertEquals("evosld: llm: no endpoint configured (set OPENAI_BASE_URL or --llm-base-url); using the offline"
            + " proposer", run.errLines().getFirst());
        JsonNode llm = run.json().path("llm");
        assertFalse(llm.path("enabled").booleanValue());
        assertEquals(0, llm.path("calls").intValue());
        assertEquals(0, llm.path("proposals").intValue());
        JsonNode file = Json.mapper().readTree(Files.readString(dir.resolve("offline/llm-usage.json")));
        assertEquals(llm, file);
        assertFalse(Files.exists(dir.resolve("offline/llm")));

        Run quiet = discover(Map.of("OPENAI_BASE_URL", endpoint()), "no-llm", "--no-llm");
        assertEquals(0, quiet.status(), quiet.err());
        assertFalse(quiet.err().contains("llm:"), quiet.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aScriptedLlmLawEntersThePopulation() throws IOException {
        answerAlways(SCRIPTED);
        Run run = discover(Map.of("OPENAI_BASE_URL", endpoint(), "OPENAI_API_KEY", "sk-test"), "scripted",
            "--llm-every", "1", "--llm-proposals", "3", "--llm-model", "mock-model");

        assertEquals(0, run.status(), run.err());
        // seeds at the start, one rewrite after the first (and only) epoch
        assertEquals(2, server.getRequestCount());
        assertTrue(population(dir.resolve("scripted")).contains(key(SCRIPTED)), run.out());
        assertTrue(scored(dir.resolve("scripted")).contains(key(SCRIPTED)), run.out());
        JsonNode llm = run.json().path("llm");
        assertTrue(llm.path("enabled").booleanValue());
        assertEquals("mock-model", llm.path("model").stringValue());
        assertEquals(2, llm.path("calls").intValue());
        assertEquals(2, llm.path("proposals").intValue());
        assertTrue(llm.path("accepted").intValue() >= 1);
        assertEquals(1800, llm.path("prompt_tokens").intValue());
        assertEquals(80, llm.path("completion_tokens").intValue());
        assertEquals(0, llm.path("cache_hits").intValue());
        assertTrue(Files.isDirectory(dir.resolve("scripted/llm")));
        assertEquals(List.of("classic forms", "llm mock-model"),
            LawDocument.read(dir.resolve("scripted/law.json")).provenance().search().proposers(),
            "law.json says an LLM took part, so the seed alone does not reproduce the law");
        JsonNode seedRequest = Json.mapper().readTree(bodies.getFirst());
        assertEquals("mock-model", seedRequest.path("model").stringValue());
        String prompt = seedRequest.path("messages").path(1).path("content").stringValue();
        assertTrue(prompt.startsWith("Request id: run seed 3, round 0, new laws\n"), prompt);
        assertTrue(prompt.contains("Propose 3 new laws"), prompt);
        // the train split has P = 1, 2 and 4; P = 8 is test only
        assertTrue(prompt.contains("- parallel_size: number of parallel streams P (a power of two); 1 to 4\n"), prompt);
        assertTrue(bodies.get(1).contains("round 0, rewrite"), bodies.get(1));
    }

    @Test
    void aResumedRunKeepsTheRecordOfItsLlm() throws IOException {
        answerAlways(SCRIPTED);
        Run first = discover(Map.of("OPENAI_BASE_URL", endpoint()), "kept", "--llm-every", "1", "--llm-model", "mock-model");
        assertEquals(0, first.status(), first.err());
        assertEquals(2, first.json().path("llm").path("calls").intValue());
        // unfinished, as Ctrl-C while it wrote its outputs leaves it: a finished run is shown, not resumed
        Files.delete(dir.resolve("kept/law.json"));

        StringWriter refusal = new StringWriter();
        CommandLine without = discoverCommand(Map.of(), refusal);
        assertEquals(2, without.execute("--resume", dir.resolve("kept").toString(), "--no-llm", "--data-dir", dataDir()));
        assertTrue(refusal.toString().contains("the run asked llm mock-model for laws; resume it with the same endpoint"
            + " and model"), refusal.toString());

        CommandLine cli = discoverCommand(Map.of("OPENAI_BASE_URL", endpoint()), new StringWriter());
        assertEquals(0, cli.execute("--resume", dir.resolve("kept").toString(), "--llm-model", "mock-model",
            "--data-dir", dataDir()));
        JsonNode usage = Json.mapper().readTree(Files.readString(dir.resolve("kept/llm-usage.json")));
        assertEquals(2, usage.path("calls").intValue(), usage.toString());
        assertTrue(usage.path("enabled").booleanValue(), usage.toString());
        assertEquals(List.of("classic forms", "llm mock-model"),
            LawDocument.read(dir.resolve("kept/law.json")).provenance().search().proposers());
    }

    @Test
    void aResumedRunAsksItsLlmAsItBegan() throws IOException {
        // observed (helper c): a run resumed with another --llm-temperature, --llm-max-tokens or --llm-proposals (or
        // without the ones it began with) sent other requests than the uninterrupted run, whose answers its cache
        // cannot replay, and could end with another law, where another model is refused
        answerAlways(SCRIPTED);
        Run first = discover(Map.of("OPENAI_BASE_URL", endpoint()), "asked", "--llm-every", "1", "--llm-model",
            "mock-model", "--llm-temperature", "0.2", "--llm-proposals", "3");
        assertEquals(0, first.status(), first.err());
        Files.delete(dir.resolve("asked/law.json"));

        StringWriter refusal = new StringWriter();
        CommandLine other = discoverCommand(Map.of("OPENAI_BASE_URL", endpoint()), refusal);
        assertEquals(2, other.execute("--resume", dir.resolve("asked").toString(), "--llm-model", "mock-model",
            "--llm-max-tokens", "1000", "--data-dir", dataDir()));
        assertEquals("the run asked llm mock-model otherwise: --llm-temperature 0.7 (the run's: 0.2), --llm-max-tokens"
            + " 1000 (the run's: 2048), --llm-proposals 5 (the run's: 3); resume it with the run's, so that it ends as it"
            + " would have", refusal.toString().strip());

        CommandLine same = discoverCommand(Map.of("OPENAI_BASE_URL", endpoint()), new StringWriter());
        assertEquals(0, same.execute("--resume", dir.resolve("asked").toString(), "--llm-model", "mock-model",
            "--llm-temperature", "0.2", "--llm-proposals", "3", "--data-dir", dataDir()));
    }

    @Test
    void aRunKilledWithoutItsShutdownHookStillCountsItsEarlierLlmCalls() throws IOException {
        answerAlways(SCRIPTED);
        Run first = discover(Map.of("OPENAI_BASE_URL", endpoint()), "killed", "--llm-every", "1", "--llm-model", "mock-model");
        assertEquals(0, first.status(), first.err());
        assertEquals(2, server.getRequestCount());
        // what a kill -9 after the last checkpoint leaves (observed with evosld discover and kill -KILL mid-search):
        // checkpoint.json, data.json and llm/, nothing the shutdown hook or the end of the run writes
        Path run = dir.resolve("killed");
        try (var files = Files.list(run)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && !name.equals("checkpoint.json") && !name.equals("data.json")) {
                    Files.delete(file);
                }
            }
        }

        CommandLine cli = discoverCommand(Map.of("OPENAI_BASE_URL", endpoint()), new StringWriter());
        assertEquals(0, cli.execute("--resume", run.toString(), "--llm-model", "mock-model", "--data-dir", dataDir()));
        JsonNode usage = Json.mapper().readTree(Files.readString(run.resolve("llm-usage.json")));
        assertEquals(server.getRequestCount(), usage.path("calls").intValue(),
            "llm-usage.json counts the whole run, interrupted parts included: " + usage);
    }

    @Test
    void aRunWithoutAnLlmIsNotResumedWithOne() throws IOException {
        Run plain = discover(Map.of(), "plain", "--no-llm");
        assertEquals(0, plain.status(), plain.err());
        Files.delete(dir.resolve("plain/law.json"));
        StringWriter refusal = new StringWriter();
        CommandLine cli = discoverCommand(Map.of("OPENAI_BASE_URL", endpoint()), refusal);
        assertEquals(2, cli.execute("--resume", dir.resolve("plain").toString(), "--data-dir", dataDir()));
        assertTrue(refusal.toString().startsWith("the run searched without an LLM, and llm "), refusal.toString());
        assertEquals(0, server.getRequestCount(), "refused before any request");
    }

    @Test
    void aFinishedRunIsShownWhateverLlmIsConfiguredNow() throws IOException {
        // nothing is searched, so no LLM can steer it elsewhere: the run asked for the same one is refused for nothing
        answerAlways(SCRIPTED);
        Run first = discover(Map.of("OPENAI_BASE_URL", endpoint()), "done", "--llm-every", "1", "--llm-model", "mock-model");
        assertEquals(0, first.status(), first.err());
        Run plain = discover(Map.of(), "plain-done", "--no-llm");
        assertEquals(0, plain.status(), plain.err());
        int requests = server.getRequestCount();

        StringWriter withoutLlm = new StringWriter();
        assertEquals(0, discoverCommand(Map.of(), withoutLlm).execute("--resume", dir.resolve("done").toString(),
            "--no-llm", "--data-dir", dataDir()), withoutLlm.toString());
        assertEquals(List.of("evosld: " + dir.resolve("done") + " holds a finished run (3 of 3 generations); nothing is"
            + " left to resume, so here is its result as saved"), withoutLlm.toString().lines().toList());
        StringWriter withLlm = new StringWriter();
        assertEquals(0, discoverCommand(Map.of("OPENAI_BASE_URL", endpoint()), withLlm).execute("--resume",
            dir.resolve("plain-done").toString(), "--data-dir", dataDir()), withLlm.toString());
        assertEquals(List.of("evosld: " + dir.resolve("plain-done") + " holds a finished run (3 of 3 generations);"
            + " nothing is left to resume, so here is its result as saved"), withLlm.toString().lines().toList());
        assertEquals(requests, server.getRequestCount());
    }

    @Test
    void theCacheReplaysARunWithoutAnyRequest() throws IOException {
        answerAlways(SCRIPTED);
        Path config = dir.resolve("llm.yaml");
        Files.writeString(config, "llm:\n  base_url: " + endpoint() + "\n  model: mock-model\n  max_retries: 0\n");
        String cache = dir.resolve("cache").toString();
        Run first = discover(Map.of(), "first", "--llm-config", config.toString(), "--llm-cache", cache, "--llm-every", "1");
        assertEquals(0, first.status(), first.err());
        int requests = server.getRequestCount();
        assertEquals(2, requests);

        Run second = discover(Map.of(), "second", "--llm-config", config.toString(), "--llm-cache", cache, "--llm-every", "1");
        assertEquals(0, second.status(), second.err());
        assertEquals(requests, server.getRequestCount());
        assertEquals(first.json().path("law"), second.json().path("law"));
        assertEquals(first.json().path("pareto_front"), second.json().path("pareto_front"));
        assertEquals(0, second.json().path("llm").path("calls").intValue());
        assertEquals(2, second.json().path("llm").path("cache_hits").intValue());
        assertEquals(first.json().path("llm").path("accepted"), second.json().path("llm").path("accepted"));
    }

    @Test
    void refusedCredentialsAreOneLineAndTheSearchFinishes() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).body("{\"error\": {\"message\": \"Incorrect API key\"}}").build();
            }
        });
        Run run = discover(Map.of("OPENAI_BASE_URL", endpoint(), "OPENAI_API_KEY", "sk-wrong"), "refused", "--llm-every", "1");

        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("evosld: llm: the endpoint refused the API key (HTTP 401): Incorrect API key; no more LLM proposals in this run;"
            + " the search goes on offline"),
            run.errLines().stream().filter(l -> l.contains("llm:")).toList(), run.err());
        assertEquals(1, server.getRequestCount());
        assertEquals(3, run.json().path("generations").intValue());
        assertEquals("llm: the endpoint refused the API key (HTTP 401): Incorrect API key", run.json().path("llm").path("disabled_by").stringValue());
        assertTrue(Files.isRegularFile(dir.resolve("refused/law.json")));
        assertFalse(run.err().contains("sk-wrong"));
    }

    @Test
    void theClosingLlmLineSaysWhyTheLlmWasAskedNoMore() {
        // --json gave the reason as disabled_by, while the text's llm line said '1 call, ..., 1 failure' and no more
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).body("{\"error\": {\"message\": \"Incorrect API key\"}}").build();
            }
        });
        Run run = discover(false, Map.of("OPENAI_BASE_URL", endpoint(), "OPENAI_API_KEY", "sk-wrong"), "told",
            "--llm-every", "1");

        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("llm:           1 call, 0 cache hits, 1 failure, 0 laws proposed, 0 accepted, 0 tokens (0 prompt,"
            + " 0 completion); asked no more in the run: the endpoint refused the API key (HTTP 401): Incorrect API key"),
            run.out().lines().filter(l -> l.startsWith("llm:")).toList(), run.out());
    }

    @Test
    void answersUnusableAsAWholeAreCountedByTheReasonToldOnStderr() throws IOException {
        // observed: stderr said 'llm: unusable answer: …' while llm-usage.json counted 2 calls, 1 law proposed, 0
        // accepted and nothing of the answers that gave nothing
        List<String> answers = List.of("I cannot help with that.", "{\"laws\": [{\"law\": \"E + A*N^(-a)\"}]}");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String content = answers.get(Math.min(bodies.size(), answers.size() - 1));
                bodies.add(request.getBody().utf8());
                ObjectNode completion = Json.mapper().createObjectNode();
                completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(completion.toString()).build();
            }
        });
        Run run = discover(false, Map.of("OPENAI_BASE_URL", endpoint()), "unusable", "--llm-every", "1");

        assertEquals(0, run.status(), run.err());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(
            "evosld: llm: unusable answer: the answer is neither a JSON object nor contains one in a ``` fence",
            "evosld: llm: unusable answer: every law it proposed was refused (the first: E + A*N^(-a) — uses none of the"
                + " variables num_params, parallel_size)"),
            run.errLines().stream().filter(l -> l.contains("llm:")).toList(), run.err());
        JsonNode usage = Json.mapper().readTree(Files.readString(dir.resolve("unusable/llm-usage.json")));
        assertEquals(2, usage.path("unusable_answers").intValue(), usage.toString());
        assertEquals(Map.of("the answer is neither a JSON object nor contains one in a ``` fence", 1,
            "every law it proposed was refused", 1),
            Json.mapper().convertValue(usage.path("unusable_reasons"), Map.class), usage.toString());
        assertEquals(List.of("llm:           2 calls, 0 cache hits, 0 failures, 2 unusable answers, 1 law proposed,"
            + " 0 accepted, 0 tokens (0 prompt, 0 completion)"),
            run.out().lines().filter(l -> l.startsWith("llm:")).toList(), run.out());
    }

    @Test
    void aConfigFilesBadBaseUrlIsAnErrorNamingTheFileAndKey() throws IOException {
        Path config = dir.resolve("llm.yaml");
        Files.writeString(config, "llm:\n  base_url: ftp://example.org/v1\n  model: mock-model\n");
        StringWriter err = new StringWriter();
        CommandLine cli = discoverCommand(Map.of(), err);
        int status = cli.execute("-t", TASK, "--data-dir", dataDir(), "--generations", "1", "--population", "8",
            "--restarts", "1", "--out", dir.resolve("bad-url").toString(), "--llm-config", config.toString());
        assertEquals(1, status, err.toString());
        // like every other bad value of the file (llm.model must be a string, ...), the line names file and key
        assertTrue(err.toString().startsWith(config + ": llm.base_url"), err.toString());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aKeyThatCannotBeSentInAHeaderIsNamedOnce() {
        answerAlways(SCRIPTED);
        // a key pasted with a typographic character (or a line break inside it) cannot go into an HTTP header
        Run run = discover(Map.of("OPENAI_BASE_URL", endpoint(), "OPENAI_API_KEY", "sk-t\u00e9st"), "bad-key",
            "--llm-every", "1");
        List<String> lines = run.errLines().stream().filter(l -> l.contains("Authorization") || l.contains("OPENAI_API_KEY"))
            .toList();
        // observed: 'llm gpt-4o-mini: no seeds: Unexpected char 0xe9 at 11 in Authorization value', then a
        // 'no rewrites' line every round, none counted as a failure, none naming the variable to fix
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.getFirst().contains("OPENAI_API_KEY"), run.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anLlmLawUsingAColumnLeftOutOfTheFeaturesIsRefusedAsFitRefusesIt() throws IOException {
        // fit --law 'E + A*N^(-a) + lr*D^(-b)' on these runs says: 'lr' is a column of the data but not a feature,
        // so the law would take it as a parameter; the LLM's proposal of the same law must not pass unremarked
        StringBuilder csv = new StringBuilder("family,N,D,lr,loss\n");
        for (int g = 0; g < 2; g++) {
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
                for (double d : new double[] {1e9, 1e10, 1e11}) {
                    double loss = 1.8 + 0.1 * g + 300 * Math.pow(n, -0.3) + 500 * Math.pow(d, -0.25);
                    csv.append("f").append(g).append(',').append(n).append(',').append(d).append(",0.001,").append(loss)
                        .append('\n');
                }
            }
        }
        Path runs = dir.resolve("runs.csv");
        Files.writeString(runs, csv);
        answerAlways("E + A*N^(-a) + lr*D^(-b)");
        CommandLine cli = discoverCommand(Map.of("OPENAI_BASE_URL", endpoint()), new StringWriter());
        int status = cli.execute("--data", runs.toString(), "--features", "N,D", "--target", "loss", "--group", "family",
            "--generations", "3", "--population", "8", "--restarts", "1", "--seed", "3", "--llm-every", "1",
            "--out", dir.resolve("columns").toString(), "--json");
        assertEquals(0, status);
        assertEquals(2, bodies.size());
        JsonNode usage = Json.mapper().readTree(Files.readString(dir.resolve("columns/llm-usage.json")));
        assertEquals(0, usage.path("accepted").intValue(), usage.toString());
        String rewrite = Json.mapper().readTree(bodies.get(1)).path("messages").path(1).path("content").stringValue();
        assertTrue(rewrite.contains("- E + A*N^(-a) + lr*D^(-b) — 'lr'"), rewrite);
    }

    @Test
    void badLlmFlagsAreRefused() {
        Run run = discover(Map.of(), "bad", "--llm-base-url", endpoint(), "--llm-temperature", "3");
        assertEquals(1, run.status());
        Run proposals = discover(Map.of(), "bad2", "--llm-base-url", endpoint(), "--llm-proposals", "0");
        assertEquals(1, proposals.status());
        assertEquals(0, server.getRequestCount());
    }
}
