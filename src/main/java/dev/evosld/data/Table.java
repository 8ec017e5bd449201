package dev.evosld.data;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of a task split into groups, by column: the feature and target names, and the groups in the order of
 * their first row in the file.
 *
 * @param features the feature column names; {@link Group#feature(int)} uses the same order
 * @param targets the target column names; {@link Group#target(int)} uses the same order
 * @param groups at least one group, names unique
 */
public record Table(List<String> features, List<String> targets, List<Group> groups) {

    /**
     * @throws IllegalArgumentException if there are no groups, two groups share a name, or a group's column
     *     counts differ from the names
     */
    public Table {
        features = List.copyOf(features);
        targets = List.copyOf(targets);
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one group");
        }
        Set<String> names = new HashSet<>();
        for (Group group : groups) {
            if (!names.add(group.name())) {
                throw new IllegalArgumentException("two groups named '" + group.name() + "'");
            }
            if (group.featureCount() != features.size() || group.targetCount() != targets.size()) {
                throw new IllegalArgumentException("group '" + group.name() + "' has " + group.featureCount()
                    + " feature and " + group.targetCount() + " target columns, the table names "
                    + features.size() + " and " + targets.size());
            }
        }
    }

    /** The group with this name, if there is one. */
    public Optional<Group> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The number of rows over all groups. */
    public int rows() {
        return groups.stream().mapToInt(Group::rows).sum();
    }
}
