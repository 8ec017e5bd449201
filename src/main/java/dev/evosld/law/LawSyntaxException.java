package dev.evosld.law;

import dev.evosld.EvosldException;
import java.io.Serial;

/** A law that does not parse, or does not fit its task; the message names the 1-based column. */
public final class LawSyntaxException extends EvosldException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int column;

    LawSyntaxException(String source, int column, String message) {
        super(source + ":" + column + ": " + message);
        this.column = column;
    }

    /** The 1-based position in the formula where the problem was found. */
    public int column() {
        return column;
    }
}
