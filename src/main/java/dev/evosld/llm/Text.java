package dev.evosld.llm;

import dev.evosld.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** Squeezes foreign text (server errors, parser messages) into the one-line messages EvoSLD prints. */
final class Text {
    private static final int MAX_DETAIL = 200;

    private Text() {
    }

    /** Collapses all whitespace runs to one space and cuts the result to a readable length. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 1) + "…";
    }

    /**
     * A JSON or YAML parser's complaint without Jackson's source excerpt (which would be redacted anyway) but
     * with the line and column, so that the model can find its mistake.
     */
    static String jsonProblem(JacksonException e) {
        String message = oneLine(Json.problemText(e));
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }
}
