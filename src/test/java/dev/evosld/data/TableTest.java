package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5 0.5; 0.25 0.75; 0 1       | true",
        "0.333 0.667; 0.3333 0.6666    | true",   // rounded in the CSV
        "0.5 0.4                       | false",  // a share missing
        "0.5 0.4985                    | false",  // just beyond the rounding tolerance
        "1.5 -0.5                      | false",  // sums to 1 but not shares
        "1e9 2e10; 2e9 4e10            | false",  // sizes
        "1; 1                          | false"    // one feature is no mixture
    })
    void sharesLieInTheUnitIntervalAndSumToOneInEveryRun(String rows, boolean shares) {
        double[][] values = Arrays.stream(rows.split(";"))
            .map(row -> Arrays.stream(row.trim().split(" +")).mapToDouble(Double::parseDouble).toArray())
            .toArray(double[][]::new);
        int features = values[0].length;
        double[][] columns = IntStream.range(0, features)
            .mapToObj(j -> Arrays.stream(values).mapToDouble(row -> row[j]).toArray())
            .toArray(double[][]::new);
        double[][] target = {new double[values.length]};
        List<String> names = IntStream.range(0, features).mapToObj(j -> "r" + j).toList();
        Table table = new Table(names, List.of("loss"), List.of(Group.of("g", columns, target)));
        assertEquals(shares, table.featuresAreShares());
    }

    @Test
    void aTargetsRangeSpansEveryGroup() {
        Table table = new Table(List.of("N"), List.of("loss", "acc"), List.of(
            Group.of("a", new double[][] {{1, 2}}, new double[][] {{3.5, 2.5}, {0.25, 0.5}}),
            Group.of("b", new double[][] {{1, 2, 4}}, new double[][] {{4.0, 2.0, -1.5}, {0.75, 0.5, 0.125}})));
        assertEquals(-1.5, table.targetMin(0));
        assertEquals(4.0, table.targetMax(0));
        assertEquals(0.125, table.targetMin(1));
        assertEquals(0.75, table.targetMax(1));
    }
}
