package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class LlmAuthExceptionTest {

    @Test
    void withAKeySentTheMessageSaysTheKeyWasRefused() {
        LlmAuthException e = new LlmAuthException(403, true, "");
        assertEquals("llm: the endpoint refused the API key (HTTP 403)", e.getMessage());
        assertEquals(403, e.status());
    }

    @Test
    void withoutAKeyTheMessageSaysWhichVariableToSet() {
        LlmAuthException e = new LlmAuthException(401, false, ": no key given");
        assertEquals("llm: the endpoint requires an API key (HTTP 401): no key given; set OPENAI_API_KEY", e.getMessage());
        assertEquals(401, e.status());
    }

    @Test
    void itIsAnLlmExceptionSoCallersCatchingThoseSeeIt() {
        assertInstanceOf(LlmException.class, new LlmAuthException(401, true, ""));
    }
}
