package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.eval.R2;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValidationErrorsTest {

    @Test
    void aSegmentsContributionsAverageToItsNmse() {
        double[] actual = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] predicted = {1.1, 1.9, 3.2, 3.9, 5.1, 6.2, 6.8, 8.1};
        double nmse = Arrays.stream(ValidationErrors.contributions(actual, predicted)).average().orElseThrow();
        assertEquals(1 - R2.score(List.of(actual), List.of(predicted)).value(), nmse, 1e-12);
    }

    @Test
    void theStandardErrorIsThatOfAMeanAndShrinksWithMoreRows() {
        // rows 1, 2, 3, 4: variance 5/3 (n - 1), standard error sqrt(5/3 / 4)
        assertEquals(Math.sqrt(5.0 / 12), ValidationErrors.of(List.<double[]>of(new double[] {1, 2, 3, 4})).standardError(), 1e-12);
        double[] few = {0.01, 0.01, 0.04, 0.01, 0.01, 0.04, 0.04, 0.01};
        double[] many = new double[80];
        for (int i = 0; i < many.length; i++) {
            many[i] = few[i % few.length];
        }
        double ratio = ValidationErrors.of(List.<double[]>of(few)).standardError()
            / ValidationErrors.of(List.<double[]>of(many)).standardError();
        assertEquals(Math.sqrt(79.0 / 7), ratio, 1e-9, "sd / sqrt(n), sd with n - 1");
    }

    @Test
    void segmentsAverageLikeIndependentMeans() {
        double[] a = {1, 2, 3, 4};
        double[] b = {0, 0, 2, 2, 0, 2};
        double seA = ValidationErrors.of(List.<double[]>of(a)).standardError();
        double seB = ValidationErrors.of(List.<double[]>of(b)).standardError();
        assertEquals(Math.sqrt(seA * seA + seB * seB) / 2, ValidationErrors.of(List.of(a, b)).standardError(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, ValidationErrors.of(List.<double[]>of(new double[] {0.3})).standardError(),
            "one row says nothing about the noise");
    }

    @Test
    void aDifferenceTheSameOnEveryRowHasNoNoise() {
        double[] hard = {0.4, 0.01, 0.2, 0.05};
        double[] shifted = Arrays.stream(hard).map(e -> e + 0.01).toArray();
        ValidationErrors mine = ValidationErrors.of(List.<double[]>of(shifted));
        ValidationErrors theirs = ValidationErrors.of(List.<double[]>of(hard));
        assertTrue(mine.standardError() > 0.05);
        assertEquals(0, mine.pairedStandardError(theirs), 1e-15);
        assertEquals(0, mine.pairedStandardError(mine));
    }

    @Test
    void thePairedStandardErrorIsSymmetricAndAtMostTheSumOfTheTwo() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int segments = 1 + random.nextInt(4);
            double[][] x = new double[segments][];
            double[][] y = new double[segments][];
            for (int s = 0; s < segments; s++) {
                int n = 2 + random.nextInt(20);
                x[s] = random.doubles(n, 0, 2).toArray();
                y[s] = random.doubles(n, 0, 2).toArray();
            }
            ValidationErrors a = ValidationErrors.of(Arrays.asList(x));
            ValidationErrors b = ValidationErrors.of(Arrays.asList(y));
            double paired = a.pairedStandardError(b);
            assertEquals(paired, b.pairedStandardError(a), 1e-12 * paired);
            assertTrue(paired <= a.standardError() + b.standardError() + 1e-12, "trial " + trial);
            double[][] zeros = Arrays.stream(y).map(row -> new double[row.length]).toArray(double[][]::new);
            assertEquals(a.standardError(), a.pairedStandardError(ValidationErrors.of(Arrays.asList(zeros))), 1e-12);
        }
    }

    @Test
    void errorsOfDifferentPlansDoNotCompare() {
        ValidationErrors two = ValidationErrors.of(List.<double[]>of(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
            () -> two.pairedStandardError(ValidationErrors.of(List.<double[]>of(new double[] {1, 2, 3}))));
        assertThrows(IllegalArgumentException.class,
            () -> two.pairedStandardError(ValidationErrors.of(List.of(new double[] {1, 2}, new double[] {1, 2}))));
    }

    @Test
    void segmentsAreCopiedInAndOut() {
        double[] row = {1, 2, 3};
        ValidationErrors errors = ValidationErrors.of(List.<double[]>of(row));
        row[0] = 100;
        errors.segments().getFirst()[1] = 100;
        assertEquals(List.of(1.0, 2.0, 3.0), Arrays.stream(errors.segments().getFirst()).boxed().toList());
    }
}
