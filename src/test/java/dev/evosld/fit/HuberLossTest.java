package dev.evosld.fit;

import static dev.evosld.fit.Synthetic.Range.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.law.Law;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuberLossTest {

    @Test
    void huberIgnoresOneGrossOutlierThatSquaredLossFollows() {
        Law law = Law.parse("E + A*N^(-alpha)", List.of("N"));
        double[] truth = {1.7, 406.4, 0.34};
        double[][] columns = Synthetic.columns(30, List.of(log(1e6, 1e9)), 7);
        double[] y = Synthetic.predict(law, columns, truth);
        y[12] += 1.0; // one bad run, several times the spread of the clean losses
        FitProblem problem = new FitProblem("g", "y", y.length, columns, y);
        FitOptions options = FitOptions.defaults().withStarts(8);

        TargetFit squared = LawFitter.of(law, options).fit(problem, null);
        TargetFit huber = LawFitter.of(law, options.withLoss(Loss.HUBER)).fit(problem, null);

        double squaredError = Synthetic.relativeError(squared.parameters(), truth, 1e-3);
        double huberError = Synthetic.relativeError(huber.parameters(), truth, 1e-3);
        // squared loss follows the outlier (error 0.76); Huber's optimum is pulled only by its bounded slope 2δ
        // (error 0.055: A and alpha trade off), ten times closer
        assertTrue(squaredError > 0.5, () -> "squared loss error " + squaredError + ": " + squared);
        assertTrue(huberError < 0.1, () -> "Huber error " + huberError + ": " + huber);
        assertTrue(huberError < squaredError / 10, () -> huberError + " vs " + squaredError);
        assertTrue(cleanError(law, columns, y, huber) < cleanError(law, columns, y, squared) / 10);
        // the reported MSE is the plain mean squared residual whatever the loss, so squared loss has the lower one
        assertTrue(squared.mse() < huber.mse());
    }

    /** The largest absolute residual over the rows other than the outlier. */
    private static double cleanError(Law law, double[][] columns, double[] y, TargetFit fit) {
        double[] predictions = Synthetic.predict(law, columns, fit.parameters());
        double worst = 0;
        for (int r = 0; r < y.length; r++) {
            if (r != 12) {
                worst = Math.max(worst, Math.abs(predictions[r] - y[r]));
            }
        }
        return worst;
    }

    @Test
    void huberSearchesTheLinearParametersItself() {
        Law law = Law.parse("E + A*N^(-alpha)", List.of("N"));
        assertEquals(List.of(), LawFitter.of(law, FitOptions.defaults().withLoss(Loss.HUBER)).projectedParameters());
        assertEquals(List.of("E", "A"), LawFitter.of(law, FitOptions.defaults()).projectedParameters());
    }
}
