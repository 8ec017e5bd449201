package dev.evosld.llm;

import dev.evosld.Shortened;
import dev.evosld.data.InvisibleCharacters;
import dev.evosld.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** Squeezes foreign text (server errors, parser messages) into the one-line messages EvoSLD prints. */
final class Text {
    /** The most characters of foreign text a message shows. */
    static final int MAX_DETAIL = 200;

    private Text() {
    }

    /** Collapses all whitespace runs to one space and cuts the result to a readable length. */
    static String oneLine(String text) {
        return Shortened.of(collapsed(text), MAX_DETAIL);
    }

    /** Collapses all whitespace runs to one space, for text whose maker keeps it short. */
    static String collapsed(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * {@code text} with every character a reader cannot see (control and format characters such as U+200B, spaces
     * other than U+0020, private-use, unassigned and lone surrogate code points) spelled as {@code \\uXXXX}, one per
     * UTF-16 unit, so that a law quoted back shows why it differs from the one its author meant.
     */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (InvisibleCharacters.is(c)) {
                out.append(InvisibleCharacters.spelled(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
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
