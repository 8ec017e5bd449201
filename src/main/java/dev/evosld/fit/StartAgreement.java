package dev.evosld.fit;

/**
 * Whether a fitted law's starts agree on its optima. Where only one of several starts reached a fit's best
 * value, the objective is rugged and more starts may well find a lower one; where two or more did, the best
 * has been found twice.
 *
 * @param fits the fits (groups × targets)
 * @param singleStart the fits whose best value only one of several starts reached
 */
public record StartAgreement(int fits, int singleStart) {
    public StartAgreement {
        if (fits < 0 || singleStart < 0 || singleStart > fits) {
            throw new IllegalArgumentException("invalid start agreement: " + singleStart + " of " + fits);
        }
    }

    public boolean isComplete() {
        return singleStart == 0;
    }
}
