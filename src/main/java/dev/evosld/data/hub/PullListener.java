package dev.evosld.data.hub;

/**
 * Hears of each page of rows a {@link TaskPull} has fetched, for a progress display.
 */
@FunctionalInterface
public interface PullListener {

    /**
     * A page of {@code split} of {@code task} arrived.
     *
     * @param rowsSoFar the rows of the split fetched so far
     * @param total     the rows of the split in all
     */
    void onPage(String task, String split, long rowsSoFar, long total);

    /** A listener that ignores everything. */
    static PullListener none() {
        return (task, split, rowsSoFar, total) -> {
        };
    }
}
