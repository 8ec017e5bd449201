package dev.evosld.fit;

/** The per-row loss a fit minimizes, averaged over a group's rows. */
public enum Loss {
    /** Squared residual: the mean squared error, which SLDBench's R² rewards. */
    SQUARED,
    /**
     * Huber's loss with threshold δ, scaled to equal the squared residual below δ: robust to a few bad
     * runs. Fits with this loss do not use variable projection (it is a least-squares device).
     */
    HUBER
}
