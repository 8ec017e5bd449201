package dev.evosld.eval;

import dev.evosld.EvosldException;
import dev.evosld.data.GroupNames;
import dev.evosld.data.MessageText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A law's parameter values for every group and target: what fitting produces and what evaluating,
 * exporting and reporting consume. Immutable.
 *
 * <p>As JSON ({@link #toMap()}), a single-target task's values are {@code group → name → value}; with
 * several targets each group holds {@code target → name → value}.
 */
public final class ParameterSet {
    private final List<String> names;
    private final List<String> targets;
    private final Map<String, double[][]> values;

    private ParameterSet(List<String> names, List<String> targets, Map<String, double[][]> values) {
        this.names = List.copyOf(names);
        this.targets = List.copyOf(targets);
        Map<String, double[][]> copy = new LinkedHashMap<>();
        values.forEach((group, perTarget) -> {
            if (perTarget.length != targets.size()) {
                throw new IllegalArgumentException("group " + group + " has values for " + perTarget.length
                    + " targets, expected " + targets.size());
            }
            double[][] rows = new double[perTarget.length][];
            for (int t = 0; t < perTarget.length; t++) {
                if (perTarget[t].length != names.size()) {
                    throw new IllegalArgumentException("group " + group + " has " + perTarget[t].length
                        + " values, expected " + names.size());
                }
                rows[t] = perTarget[t].clone();
            }
            copy.put(group, rows);
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * @param names the law's parameter names
     * @param targets the task's target columns
     * @param values per group (in the order to report them), per target, the values in {@code names} order
     */
    public static ParameterSet of(List<String> names, List<String> targets, Map<String, double[][]> values) {
        return new ParameterSet(names, targets, values);
    }

    /**
     * Reads the JSON shape of {@link #toMap()}.
     *
     * <p>A group is kept under its key as it is, whatever it holds: runs written before group names were checked
     * ({@link dev.evosld.data.GroupNames}) stay readable. Messages spell such a key out ({@link MessageText}).
     *
     * @param source names the input in error messages (a file name)
     * @throws EvosldException naming the group, target or parameter that is missing, unknown or not a number
     */
    public static ParameterSet fromMap(Map<String, ?> json, List<String> names, List<String> targets, String source) {
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> group : json.entrySet()) {
            double[][] perTarget = new double[targets.size()][];
            String where = MessageText.name(group.getKey());
            if (targets.size() == 1) {
                perTarget[0] = read(group.getValue(), names, source, where);
            } else {
                Map<String, ?> byTarget = asMap(group.getValue(), source, where);
                checkKeys(byTarget.keySet(), targets, source, where, "target");
                for (int t = 0; t < targets.size(); t++) {
                    perTarget[t] = read(byTarget.get(targets.get(t)), names, source, where + "." + targets.get(t));
                }
            }
            String name = GroupNames.canonical(group.getKey());
            if (values.containsKey(name)) {
                String other = json.keySet().stream().filter(key -> GroupNames.canonical(key).equals(name)).findFirst()
                    .orElseThrow();
                throw new EvosldException(source + ": " + MessageText.quote(other) + " and "
                    + MessageText.quote(group.getKey()) + " are one group name written two ways (an accented letter as"
                    + " one character, and as a letter and a combining mark); keep one");
            }
            values.put(name, perTarget);
        }
        return new ParameterSet(names, targets, values);
    }

    private static double[] read(Object node, List<String> names, String source, String where) {
        Map<String, ?> byName = asMap(node, source, where);
        checkKeys(byName.keySet(), names, source, where, "parameter");
        double[] result = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            Object value = byName.get(names.get(k));
            String at = source + ": " + where + "." + names.get(k) + ": ";
            if (value instanceof String text) {
                throw new EvosldException(at + "\"" + MessageText.escaped(text) + "\" is text, not a number"
                    + (looksLikeNumber(text) ? ": write it without quotes" : ""));
            }
            if (value == null) {
                throw new EvosldException(at + "null, not a number");
            }
            if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new EvosldException(at + "not a finite number: " + MessageText.escaped(String.valueOf(value)));
            }
            if (number instanceof BigDecimal decimal && decimal.signum() != 0 && decimal.doubleValue() == 0) {
                throw new EvosldException(at + decimal + " is out of range: it would read as 0");
            }
            result[k] = number.doubleValue();
        }
        return result;
    }

    private static boolean looksLikeNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object node, String source, String where) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new EvosldException(source + ": " + where + ": expected an object of values, got "
                + MessageText.escaped(String.valueOf(node)));
        }
        return (Map<String, ?>) map;
    }

    private static void checkKeys(Set<String> keys, List<String> expected, String source, String where, String kind) {
        for (String name : expected) {
            if (!keys.contains(name)) {
                throw new EvosldException(source + ": " + where + ": missing " + kind + " '" + name + "'");
            }
        }
        for (String key : keys) {
            if (!expected.contains(key)) {
                throw new EvosldException(source + ": " + where + ": unknown " + kind + " " + MessageText.quote(key) + " ("
                    + (expected.isEmpty() ? "the law has no " + kind + "s" : "expected " + String.join(", ", expected))
                    + ")");
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public List<String> targets() {
        return targets;
    }

    /** The groups, in order. */
    public List<String> groups() {
        return new ArrayList<>(values.keySet());
    }

    public boolean has(String group) {
        return values.containsKey(group);
    }

    /** A copy of the values of one group and target, in {@link #names()} order. */
    public double[] values(String group, int target) {
        double[][] perTarget = values.get(group);
        if (perTarget == null) {
            throw new EvosldException("no parameters for group " + MessageText.quote(group));
        }
        return perTarget[target].clone();
    }

    /** The JSON shape: {@code group → name → value}, or {@code group → target → name → value}. */
    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((group, perTarget) -> {
            if (targets.size() == 1) {
                json.put(group, named(perTarget[0]));
            } else {
                Map<String, Object> byTarget = new LinkedHashMap<>();
                for (int t = 0; t < targets.size(); t++) {
                    byTarget.put(targets.get(t), named(perTarget[t]));
                }
                json.put(group, byTarget);
            }
        });
        return json;
    }

    private Map<String, Double> named(double[] row) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            named.put(names.get(k), row[k]);
        }
        return named;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParameterSet other) || !names.equals(other.names) || !targets.equals(other.targets)
            || !values.keySet().equals(other.values.keySet())) {
            return false;
        }
        return values.entrySet().stream().allMatch(e -> Arrays.deepEquals(e.getValue(), other.values.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + values.keySet().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
