package dev.evosld.data;

import static dev.evosld.data.ConfigFixtures.CONFIGS;
import static dev.evosld.data.ConfigFixtures.VALID;
import static dev.evosld.data.ConfigFixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.evosld.data.TaskConfig.Holdout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link TaskConfigTest} leaves out: the keys it does not mangle, where a nested problem is located, reading
 * from a path, and the product rule that any damaged config gives one line naming the file, never another exception.
 */
class ConfigReaderTest {
    private static final Set<String> REQUIRED_KEYS =
        Set.of("name", "description", "features", "targets", "parameter_budget", "scale_axis", "holdout");

    @Test
    void aDocumentThatIsOnlyAnEmptyMarkerOrNullIsAnEmptyFile() {
        assertEquals("c.yaml: empty file", error("---\n"));
        assertEquals("c.yaml: empty file", error("null\n"));
        assertEquals("c.yaml:1: expected a mapping of keys to values at the top level", error("42\n"));
    }

    @Test
    void aNullEntryInAListIsAMissingKeyNamedByItsIndex() {
        assertEquals("c.yaml: missing key 'features[0]'", error(VALID.replace("- {name: N, description: n}", "- null")));
        assertEquals("c.yaml: missing key 'targets[1]'", error(VALID.replace("[loss]", "[loss, null]")));
        assertEquals("c.yaml: missing key 'scale_axis[0]'", error(VALID.replace("scale_axis: [N]", "scale_axis: [null]")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void everyYamlSpellingOfNullLeavesAnOptionalKeyAtItsDefault(String none) {
        TaskConfig plain = ConfigReader.read(VALID, "c.yaml");
        String optional = String.join("", List.of("trend", "falls_with", "target_range", "human_law", "bounds", "references",
            "hub", "search").stream().map(key -> key + ": " + none + "\n").toList());
        assertEquals(plain, ConfigReader.read(VALID + optional, "c.yaml"));
        assertEquals(plain, ConfigReader.read(VALID + "search: {generations: " + none + ", restarts: " + none + "}\n", "c.yaml"));
        assertEquals(plain,
            ConfigReader.read(VALID.replace("{top_values: 1}", "{top_values: 1, min_train_rows: " + none + "}"), "c.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void everyYamlSpellingOfNullLeavesARequiredKeyMissing(String none) {
        assertEquals("c.yaml: missing key 'name'", error(VALID.replace("name: t\n", "name: " + none + "\n")));
        assertEquals("c.yaml: missing key 'parameter_budget'",
            error(VALID.replace("parameter_budget: 3", "parameter_budget: " + none)));
        assertEquals("c.yaml: missing key 'holdout'", error(VALID.replace("{top_values: 1}", none)));
        assertEquals("c.yaml: missing key 'features[1].description'",
            error(VALID.replace("{name: D, description: d}", "{name: D, description: " + none + "}")));
        assertEquals("c.yaml: missing key 'targets[1]'", error(VALID.replace("targets: [loss]", "targets:\n  - loss\n  - " + none)));
        assertEquals("c.yaml: missing key 'references.source'",
            error(VALID + "references: {human_r2: 0.5, leaderboard_r2: 0.5, source: " + none + "}\n"));
    }

    @Test
    void aQuotedTildeIsTextNotNull() {
        assertEquals("~", ConfigReader.read(VALID.replace("description: d\n", "description: '~'\n"), "c.yaml").description());
    }

    @Test
    void targetRangeAndBoundsMustBePairsWithoutNulls() {
        for (String range : List.of("[0, null]", "[0, 1, 2]", "[]")) {
            assertEquals("c.yaml: target_range must be a pair [lower, upper]", error(VALID + "target_range: " + range + "\n"), range);
        }
        for (String interval : List.of("null", "[0, 1, 2]", "[null, 1]", "[]")) {
            assertEquals("c.yaml: bounds: 'a' must be a pair [lower, upper]", error(VALID + "bounds: {a: " + interval + "}\n"),
                interval);
        }
    }

    @Test
    void referencesAndHubNameTheirMissingOrEmptyKeyByItsDottedPath() {
        assertEquals("c.yaml: missing key 'references.human_r2'", error(VALID + "references: {leaderboard_r2: 0.5, source: s}\n"));
        assertEquals("c.yaml: missing key 'references.leaderboard_r2'", error(VALID + "references: {human_r2: 0.5, source: s}\n"));
        assertEquals("c.yaml: missing key 'references.source'", error(VALID + "references: {human_r2: 0.5, leaderboard_r2: 0.5}\n"));
        assertEquals("c.yaml: key 'references.source' is empty",
            error(VALID + "references: {human_r2: 0.5, leaderboard_r2: 0.5, source: ''}\n"));
        assertEquals("c.yaml: missing key 'hub.dataset'", error(VALID + "hub: {config: c, train_rows: 1, test_rows: 1}\n"));
        assertEquals("c.yaml: missing key 'hub.train_rows'", error(VALID + "hub: {dataset: d, config: c, test_rows: 1}\n"));
        assertEquals("c.yaml: missing key 'hub.test_rows'", error(VALID + "hub: {dataset: d, config: c, train_rows: 1}\n"));
        assertEquals("c.yaml: key 'hub.dataset' is empty", error(VALID + "hub: {dataset: ' ', config: c, train_rows: 1, test_rows: 1}\n"));
    }

    @Test
    void aValueOfTheWrongKindNamesItsLineAndFullPath() {
        assertEquals("c.yaml:4: key 'features[0]': expected a mapping of keys to values",
            error(VALID.replace("- {name: N, description: n}", "- 7")));
        assertEquals("c.yaml:5: key 'features[1].name': expected a string",
            error(VALID.replace("{name: D,", "{name: {a: 1},")));
        assertEquals("c.yaml:10: key 'target_range[0]': expected a number, got 'a'", error(VALID + "target_range: [a, 1]\n"));
        assertEquals("c.yaml:10: key 'target_range': expected a list", error(VALID + "target_range: 5\n"));
        assertEquals("c.yaml:10: key 'bounds.a[1]': expected a number, got 'x'", error(VALID + "bounds: {a: [0, x]}\n"));
        assertEquals("c.yaml:10: key 'bounds': expected a mapping of keys to values", error(VALID + "bounds: [1, 2]\n"));
        assertEquals("c.yaml:9: key 'holdout': expected a mapping of keys to values",
            error(VALID.replace("{top_values: 1}", "3")));
        assertEquals("c.yaml:9: key 'holdout.top_fraction': expected a number, got 'x'",
            error(VALID.replace("{top_values: 1}", "{top_fraction: x}")));
        assertEquals("c.yaml:10: key 'hub.train_rows': expected an integer, got 'ten'",
            error(VALID + "hub: {dataset: d, config: c, train_rows: ten, test_rows: 1}\n"));
        assertEquals("c.yaml:10: key 'search.generations': expected an integer", error(VALID + "search: {generations: true}\n"));
        assertEquals("c.yaml:10: key 'human_law': expected a string", error(VALID + "human_law: [x]\n"));
    }

    @Test
    void anUnknownKeyInABlockMappingIsFoundOnItsOwnLine() {
        // Jackson reports these without a location; the second pass over the tokens must land on the key itself,
        // not on the mapping that holds it
        assertEquals("c.yaml:15: unknown key 'revision' in 'hub' (known keys: config, dataset, test_rows, train_rows)",
            error(VALID + "hub:\n  dataset: d\n  config: c\n  train_rows: 1\n  test_rows: 1\n  revision: x\n"));
        assertEquals("c.yaml:5: unknown key 'unit' in 'features[1]' (known keys: description, name)",
            error(VALID.replace("{name: D, description: d}", "{name: D, description: d, unit: u}")));
    }

    @Test
    void anUnknownKeyWithPointerSyntaxInItsNameIsStillLocated() {
        // '/' and '~' are escaped in the JSON pointer that finds the key's line; unescaped, the search misses it
        assertTrue(error(VALID + "a/b~c: 1\n").startsWith("c.yaml:10: unknown key 'a/b~c' (known keys: bounds, "));
        assertTrue(error(VALID + "hub:\n  dataset: d\n  x~1y: 2\n").startsWith("c.yaml:12: unknown key 'x~1y' in 'hub'"));
    }

    @Test
    void aMinimumOfTrainingRowsGoesWithEveryKindOfHoldout() {
        assertEquals(new Holdout.TopValues(1, 4), holdout("{top_values: 1, min_train_rows: 4}"));
        assertEquals(new Holdout.TopFraction(0.25, 6), holdout("{top_fraction: 0.25, min_train_rows: 6}"));
        assertEquals(new Holdout.Folds(3, 0), ConfigReader.read(VALID.replace("{top_values: 1}", "{folds: 3}"), "c.yaml").holdout());
    }

    private static Holdout holdout(String yaml) {
        return ConfigReader.read(VALID.replace("{top_values: 1}", yaml), "c.yaml").holdout();
    }

    @ParameterizedTest
    @MethodSource("dev.evosld.data.ConfigFixtures#builtinTasks")
    void eachShippedConfigNamesExactlyTheRequiredTopLevelKeyThatIsTakenAway(String task) throws IOException {
        String text = Files.readString(CONFIGS.resolve(task + ".yaml"));
        List<String> keys = topLevelKeys(text);
        assertTrue(keys.containsAll(REQUIRED_KEYS), task + " has " + keys);
        for (String key : keys) {
            String without = withoutKey(text, key);
            if (REQUIRED_KEYS.contains(key)) {
                assertEquals(task + ".yaml: missing key '" + key + "'",
                    assertThrows(DataException.class, () -> ConfigReader.read(without, task + ".yaml")).getMessage());
            } else {
                // falls_with, bounds, search, ... are optional: the config without them still loads
                assertEquals(task, ConfigReader.read(without, task + ".yaml").name(), key);
            }
        }
    }

    private static List<String> topLevelKeys(String yaml) {
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("(?m)^([a-z_]+):").matcher(yaml);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    /** The text without the key's line and the indented or comment lines that follow it. */
    private static String withoutKey(String yaml, String key) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.startsWith(key + ":")) {
                skipping = true;
                continue;
            }
            if (skipping && (line.startsWith(" ") || line.startsWith("-"))) {
                continue;
            }
            skipping = false;
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @Test
    void anyDamageToAShippedConfigIsOneLineNamingTheFileAndNeverAnotherException() throws IOException {
        SplittableRandom random = new SplittableRandom(20260301L);
        Pattern oneLine = Pattern.compile("(?<file>[a-z_]+\\.yaml)(:(?<line>\\d+))?: \\S[^\\n\\r]*");
        int failures = 0;
        for (int sample = 0; sample < 600; sample++) {
            String task = TaskConfig.builtinTasks().get(random.nextInt(TaskConfig.builtinTasks().size()));
            String source = task + ".yaml";
            String damaged = damage(Files.readString(CONFIGS.resolve(source)), random);
            try {
                assertNotNull(ConfigReader.read(damaged, source));
            } catch (DataException e) {
                failures++;
                Matcher m = oneLine.matcher(e.getMessage());
                assertTrue(m.matches(), () -> "not one line naming the file: " + e.getMessage() + "\n--- from:\n" + damaged);
                assertEquals(source, m.group("file"));
                if (m.group("line") != null) {
                    int line = Integer.parseInt(m.group("line"));
                    long lines = damaged.lines().count();
                    assertTrue(line >= 1 && line <= lines + 1, () -> "line " + line + " of " + lines + ": " + e.getMessage());
                }
                assertFalse(e.getMessage().matches(".*(java\\.|dev\\.evosld|Exception|\\[Source:).*"),
                    () -> "names the program's insides: " + e.getMessage());
            } catch (RuntimeException e) {
                fail("not a DataException for damaged " + source + ": " + e + "\n--- from:\n" + damaged, e);
            }
        }
        // the damage must mostly break the configs, or the property says little
        assertTrue(failures > 300, "only " + failures + " damaged configs failed");
    }

    private static final String NOISE = ":-[]{}\"'\t #&*!%@`|>,?x0.";

    private static String damage(String yaml, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (random.nextInt(5)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
            case 2 -> {
                return yaml.substring(0, random.nextInt(1, yaml.length()));
            }
            case 3 -> {
                String line = lines.get(at);
                int column = line.isEmpty() ? 0 : random.nextInt(line.length());
                char noise = NOISE.charAt(random.nextInt(NOISE.length()));
                lines.set(at, line.substring(0, column) + noise + line.substring(Math.min(line.length(), column + 1)));
            }
            default -> {
                // a value replaced: numbers, lists and mappings where the schema wants something else
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    List<String> values = List.of("", "null", "0", "-1", "1.5", "[]", "{}", "[a, 1]", "{a: 1}", "''", "x y");
                    lines.set(at, line.substring(0, colon + 2) + values.get(random.nextInt(values.size())));
                }
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void anIntegerBeyondItsRangeNamesTheKeyInsteadOfAJavaType() {
        // the YAML is valid; the value is what is wrong, and the config's author knows keys, not `int`
        String message = error(VALID.replace("parameter_budget: 3", "parameter_budget: 99999999999"));
        assertEquals("c.yaml:7: key 'parameter_budget': expected an integer of a usable size", message);
    }

    @Test
    void aFileThatIsNotUtf8IsSaidToBeSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(file + ": not UTF-8 text", assertThrows(DataException.class, () -> ConfigReader.read(file)).getMessage());
    }

    @Test
    void anEmptyFileOrAFolderIsRefusedWithTheGivenPath(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "\n\n");
        assertEquals(empty + ": empty file", assertThrows(DataException.class, () -> ConfigReader.read(empty)).getMessage());
        String folder = assertThrows(DataException.class, () -> ConfigReader.read(dir)).getMessage();
        assertTrue(folder.startsWith(dir + ": cannot read: "), folder);
        assertFalse(folder.contains("\n"), folder);
    }

    @Test
    void anUnreadableFileIsSaidToBeSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret.yaml"), VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "the user (root?) reads any file");
        assertEquals(file + ": permission denied", assertThrows(DataException.class, () -> ConfigReader.read(file)).getMessage());
    }

    @Test
    void readingFromAPathGivesWhatReadingItsTextGives() throws IOException {
        for (String task : TaskConfig.builtinTasks()) {
            Path file = CONFIGS.resolve(task + ".yaml");
            assertEquals(ConfigReader.read(Files.readString(file), "any"), ConfigReader.read(file), task);
        }
    }
}
