package dev.evosld.search;

import java.io.Serial;

/** The search thread was interrupted (Ctrl-C); the run stops at its last checkpoint. */
final class SearchInterruptedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    SearchInterruptedException() {
        super("interrupted");
    }
}
