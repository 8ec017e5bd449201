package dev.evosld.data.hub;

import java.util.Objects;

/**
 * One entry of the dataset viewer's {@code /splits} answer: a split of a config (a subset) of a dataset.
 * SLDBench has one config per task, each with a {@code train} and a {@code test} split.
 *
 * @param dataset the dataset id, such as {@code pkuHaowei/sldbench}
 * @param config  the config name, such as {@code moe_scaling_law}
 * @param split   the split name, such as {@code train}
 */
public record DatasetSplit(String dataset, String config, String split) {
    public DatasetSplit {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(split, "split");
    }
}
