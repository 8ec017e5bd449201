package dev.evosld.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatTest {

    @Test
    void meanBestAndWorstOverScoredValues() {
        assertEquals(new Stat(0.5, 0.9, 0.1, 0), Stat.of(List.of(0.9, 0.1, 0.5)));
    }

    @Test
    void failuresAreCountedAndLeftOut() {
        assertEquals(new Stat(0.75, 0.9, 0.6, 1), Stat.of(Arrays.asList(0.9, null, 0.6)));
        assertEquals(new Stat(null, null, null, 2), Stat.of(Arrays.asList(null, null)));
    }

    @Test
    void overTasksTheMeansOfMeansBestsAndWorsts() {
        Stat a = new Stat(0.5, 0.75, 0.25, 0);
        Stat b = new Stat(0.25, 0.5, 0.125, 1);
        Stat none = new Stat(null, null, null, 3);
        assertEquals(new Stat(0.375, 0.625, 0.1875, 4), Stat.ofTasks(List.of(a, b, none)));
    }
}
