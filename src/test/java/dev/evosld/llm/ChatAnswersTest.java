package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.llm.HttpChatClient.Attempt;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatAnswersTest {
    private static final String URL = "http://localhost:8000/v1/";

    private static ChatAnswers answers(String key) {
        return new ChatAnswers(HttpChatClientTest.settings(URL, Optional.ofNullable(key), Duration.ofSeconds(5), 3));
    }

    private static ChatAnswers answers() {
        return answers("sk-secret-key");
    }

    @Test
    void aCompletionIsItsFirstChoicesContentAndItsTokens() {
        assertEquals(new Attempt.Answered(new ChatResponse("{\"laws\": []}", new TokenUsage(120, 30, 150))),
            answers().parse(HttpChatClientTest.completion("{\"laws\": []}"), "application/json"));
        // a server that reports the parts alone: their sum is the total; none at all counts as none
        assertEquals(new Attempt.Answered(new ChatResponse("x", new TokenUsage(7, 5, 12))), answers().parse(
            "{\"choices\": [{\"message\": {\"content\": \"x\"}}], \"usage\": {\"prompt_tokens\": 7, \"completion_tokens\": 5}}",
            ""));
        assertEquals(new Attempt.Answered(new ChatResponse("x", new TokenUsage(0, 0, 0))),
            answers().parse("{\"choices\": [{\"message\": {\"content\": \"x\"}}]}", ""));
    }

    @Test
    void anAnswerInPartsIsTheTextOfItsTextParts() {
        String parts = "{\"choices\": [{\"message\": {\"content\": [{\"type\": \"thinking\", \"thinking\": \"N\"},"
            + " {\"type\": \"text\", \"text\": \"{\\\"laws\\\": \"}, {\"text\": \"[]}\"}]}}]}";
        assertEquals(new Attempt.Answered(new ChatResponse("{\"laws\": []}", new TokenUsage(0, 0, 0))),
            answers().parse(parts, "application/json"));
    }

    @Test
    void whatIsNoChatCompletionSaysWhatItIsInstead() {
        String endpoint = URL + "chat/completions";
        assertEquals(new Attempt.Malformed("POST " + endpoint + " answered with a web page, not JSON (\"<html>sign in"
            + " with [key]</html>\"): is --llm-base-url that of an OpenAI-compatible API?"),
            answers().parse("  <html>sign in with sk-secret-key</html>", "text/html"));
        assertEquals(new Attempt.Malformed("the endpoint's answer has no choices"), answers().parse("data: {}\n\n", ""));
        assertEquals(new Attempt.Malformed("POST " + endpoint + " answered with text, not JSON (\"upstream connect"
            + " error\"): is --llm-base-url that of an OpenAI-compatible API?"), answers().parse("upstream connect error", ""));
        assertEquals(new Attempt.Malformed("the endpoint's answer is not a JSON object"), answers().parse("[1]", ""));
        assertEquals(new Attempt.Malformed("the endpoint's answer has no choices: Incorrect API key provided: [key]"),
            answers().parse("{\"error\": {\"message\": \"Incorrect API key provided: sk-secret-key\"}}", ""));
        assertEquals(new Attempt.Malformed("the endpoint's answer has no message content, only the model's reasoning"
            + " (finish_reason: length): the model spent --llm-max-tokens (256) on thinking; raise it"), answers().parse(
            "{\"choices\": [{\"message\": {\"content\": null, \"reasoning\": \"hm\"}, \"finish_reason\": \"length\"}]}", ""));
        assertEquals(new Attempt.Malformed("the endpoint's answer has no message content (finish_reason: stop)"),
            answers().parse("{\"choices\": [{\"message\": {}, \"finish_reason\": \"stop\"}]}", ""));
    }

    @Test
    void thoughtsCutOffBeforeTheirEndAreAnAnswerOfReasoningAlone() {
        // a server that leaves a reasoning model's thoughts in the content cuts them at max_tokens before </think>: the
        // answer read as one whose "laws" array was empty, taken from a draft among the thoughts
        assertEquals(new Attempt.Malformed("the endpoint's answer has no message content, only the model's reasoning"
            + " (finish_reason: length): the model spent --llm-max-tokens (256) on thinking; raise it"), answers().parse(
            "{\"choices\": [{\"message\": {\"content\": \"<think>\\nThe loss {\\\"laws\\\": []} falls\"},"
                + " \"finish_reason\": \"length\"}]}", ""));
    }

    @Test
    void anEmptyAnswerOfAModelThatSpentItsTokensThinkingSaysSo() {
        // OpenAI's reasoning models keep their thoughts to themselves: one that thinks past max_completion_tokens answers
        // an empty content, which read as an answer with no laws, every round
        assertEquals(new Attempt.Malformed("the endpoint's answer has no message content, only the model's reasoning"
            + " (finish_reason: length): the model spent --llm-max-tokens (256) on thinking; raise it"), answers().parse(
            "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"\"}, \"finish_reason\": \"length\"}],"
                + " \"usage\": {\"prompt_tokens\": 900, \"completion_tokens\": 256, \"total_tokens\": 1156,"
                + " \"completion_tokens_details\": {\"reasoning_tokens\": 256}}}", "application/json"));
    }

    /** What OpenAI, vLLM and llama.cpp stream: a role, pieces of content, the finish and the usage, each an event. */
    private static String stream(String... events) {
        StringBuilder body = new StringBuilder(": keep-alive\n\n");
        for (String event : events) {
            body.append("data: ").append(event).append("\n\n");
        }
        return body.append("data: [DONE]\n\n").toString();
    }

    private static String delta(String delta, String finish) {
        return "{\"object\": \"chat.completion.chunk\", \"choices\": [{\"index\": 0, \"delta\": " + delta
            + ", \"finish_reason\": " + finish + "}]}";
    }

    @Test
    void aStreamOfServerSentEventsIsReadAsTheOneAnswerItSpells() {
        // a server or gateway that streams whatever it is asked still gives its laws
        String events = stream(delta("{\"role\": \"assistant\", \"content\": \"\"}", "null"),
            delta("{\"content\": \"{\\\"laws\\\": \"}", "null"), delta("{\"content\": \"[]}\"}", "null"),
            delta("{}", "\"stop\""),
            "{\"choices\": [], \"usage\": {\"prompt_tokens\": 7, \"completion_tokens\": 5, \"total_tokens\": 12}}");
        assertEquals(new Attempt.Answered(new ChatResponse("{\"laws\": []}", new TokenUsage(7, 5, 12))),
            answers().parse(events, "text/event-stream; charset=utf-8"));
        assertEquals(new Attempt.Answered(new ChatResponse("{}", new TokenUsage(0, 0, 0))),
            answers().parse("data:" + delta("{\"content\": \"{}\"}", "\"stop\""), ""),
            "an event without the space after data:, and a stream without its end");
        assertEquals(new Attempt.Malformed("the endpoint's answer has no message content, only the model's reasoning"
            + " (finish_reason: length): the model spent --llm-max-tokens (256) on thinking; raise it"), answers().parse(
            stream(delta("{\"reasoning_content\": \"Let me\"}", "null"), delta("{\"reasoning_content\": \" see\"}",
                "\"length\"")), "text/event-stream"));
        assertEquals(new Attempt.Malformed("the endpoint's answer has no choices: upstream overloaded for [key]"),
            answers().parse(stream(delta("{\"content\": \"{\\\"la\"}", "null"),
                "{\"error\": {\"message\": \"upstream overloaded for sk-secret-key\"}}"), "text/event-stream"));
        assertEquals(new Attempt.Malformed("POST " + URL + "chat/completions answered with a stream of server-sent events"
            + " whose data is not JSON (\"Internal error\")"), answers().parse("data: Internal error\n\n", ""));
    }

    @Test
    void anAnswerGivenAsAToolCallIsItsArguments() {
        // a model that calls a function though none was offered puts its JSON in the call's arguments, content null
        String called = "{\"choices\": [{\"message\": {\"content\": null, \"tool_calls\": [{\"id\": \"c1\", \"type\":"
            + " \"function\", \"function\": {\"name\": \"propose\", \"arguments\": \"{\\\"laws\\\": []}\"}}]},"
            + " \"finish_reason\": \"tool_calls\"}]}";
        assertEquals(new Attempt.Answered(new ChatResponse("{\"laws\": []}", new TokenUsage(0, 0, 0))),
            answers().parse(called, "application/json"));
        // Ollama's own form gives the arguments as an object
        assertEquals(new Attempt.Answered(new ChatResponse("{\"laws\":[]}", new TokenUsage(0, 0, 0))),
            answers().parse(called.replace("\"{\\\"laws\\\": []}\"", "{\"laws\": []}"), "application/json"));
    }

    @Test
    void aKeyIsBlankedOutOfAnAnswerUnlessItIsAPlaceholder() {
        String body = HttpChatClientTest.completion("E + A*exp(-x*N) from sk-secret-key");
        assertEquals("E + A*exp(-x*N) from [key]",
            ((Attempt.Answered) answers().parse(body, "")).response().content());
        // local servers take any key; blanking a placeholder such as x would turn exp into e[key]p
        assertEquals("E + A*exp(-x*N) from sk-secret-key",
            ((Attempt.Answered) answers("x").parse(body, "")).response().content());
    }

    @Test
    void anErrorIsToldByTheServersOwnWords() {
        assertEquals(": busy", answers().errorDetail("{\"error\": {\"message\": \"busy\"}}"));
        assertEquals(": model not loaded", answers().errorDetail("{\"error\": \"model not loaded\"}"));
        // vLLM's own error object, its message at the top
        assertEquals(": no such model", answers().errorDetail("{\"object\": \"error\", \"message\": \"no such model\"}"));
        assertEquals(": Bad Gateway for [key]", answers().errorDetail("Bad Gateway for sk-secret-key"));
        assertEquals("", answers().errorDetail(" "));
        assertEquals("", answers().errorDetail(null));
    }
}
