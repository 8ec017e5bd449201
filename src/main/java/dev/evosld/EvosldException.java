package dev.evosld;

import java.io.Serial;

/**
 * A failure the user can act on: bad input, a missing file, an unusable law.
 *
 * <p>The message is a single line that names what was wrong and where (file, row, column or position in
 * a formula); the command line prints it as is, without a stack trace, and exits with status 1. Everything
 * else that escapes a command is a bug in EvoSLD.
 */
public class EvosldException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public EvosldException(String message) {
        super(message);
    }

    public EvosldException(String message, Throwable cause) {
        super(message, cause);
    }
}
