package dev.evosld.run;

import dev.evosld.EvosldException;
import java.io.Serial;

/**
 * A file {@link AtomicFiles#write} could not write, its old content (if any) left whole: a caller whose earlier files
 * still stand, as a discovery's checkpoint does, can say what is kept.
 */
public final class WriteException extends EvosldException {
    @Serial
    private static final long serialVersionUID = 1L;

    WriteException(String message) {
        super(message);
    }
}
