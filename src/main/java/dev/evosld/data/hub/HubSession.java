package dev.evosld.data.hub;

import java.util.List;

/**
 * One pull's requests to the dataset viewer through a {@link HubClient}, remembering whether the server has answered
 * any of them. Until it has, a refused connection, an unknown host, a connect timeout or a failed TLS handshake means
 * a wrong endpoint or no server, which no wait mends, so the request fails at once; once it has, the same fault is a
 * server restarting or a network blinking in the middle of the pull, and is retried as other passing faults are.
 *
 * <p>Open one per pull with {@link HubClient#session()}; the client itself stays immutable. Safe to share between
 * threads.
 */
public final class HubSession {
    private final HubClient hub;
    // set once, never cleared: a server that answered once has its address right for the rest of the pull
    private volatile boolean answered;

    HubSession(HubClient hub) {
        this.hub = hub;
    }

    /** The client this session sends through. */
    public HubClient client() {
        return hub;
    }

    /** The configs and splits of {@code dataset}, as {@link HubClient#splits(String)}. */
    public List<DatasetSplit> splits(String dataset) {
        return hub.splits(dataset, this);
    }

    /** A page of rows of a split, as {@link HubClient#rows(String, String, String, long, int)}. */
    public RowsPage rows(String dataset, String config, String split, long offset, int length) {
        return hub.rows(dataset, config, split, offset, length, this);
    }

    /** Whether the server has answered a request of this session with any HTTP status. */
    boolean answered() {
        return answered;
    }

    void markAnswered() {
        answered = true;
    }
}
