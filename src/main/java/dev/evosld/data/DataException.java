package dev.evosld.data;

import dev.evosld.EvosldException;
import java.io.Serial;

/**
 * Bad input data or configuration: a CSV file or task config that cannot be used as it is.
 *
 * <p>The message is one line that starts with where the problem is, so the user can go straight to it:
 * {@code data/moe/train.csv:17: column 'loss_validation': not a number: 'abc'} (file, physical line,
 * column), {@code configs/moe.yaml:4: unknown key 'foo' ...} or, for command-line values,
 * {@code split rule 'N>>1e9': ...}.
 */
public final class DataException extends EvosldException {
    @Serial
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
