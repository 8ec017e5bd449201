package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evosld.data.TaskConfig.SearchEffort;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

    @Test
    void anEffortReplacesOnlyTheCountsItGives() {
        SearchSettings defaults = SearchSettings.defaults().withSeed(7);
        assertEquals(defaults, defaults.withEffort(SearchEffort.DEFAULT));
        assertEquals(defaults.withGenerations(180), defaults.withEffort(new SearchEffort(180, null)));
        assertEquals(defaults.withRestarts(1), defaults.withEffort(new SearchEffort(null, 1)));
        SearchSettings both = defaults.withEffort(new SearchEffort(20, 2));
        assertEquals(20, both.generations());
        assertEquals(2, both.restarts());
        assertEquals(defaults.population(), both.population());
        assertEquals(7, both.seed());
    }

    @Test
    void shapeNamesRestartsOnlyWhenThereAreSeveral() {
        assertEquals("60 generations, 3 restarts × 2 islands of 96", SearchSettings.defaults().shape());
        assertEquals("20 generations, 1 island of 8", SearchSettings.shape(20, 1, 1, 8));
    }

    @Test
    void shapeSaysOneGenerationInTheSingular() {
        // discover --generations 1 started with '(1 generations, 3 restarts × 2 islands of 96, …)'
        assertEquals("1 generation, 3 restarts × 2 islands of 96", SearchSettings.shape(1, 3, 2, 96));
    }
}
