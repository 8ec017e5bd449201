package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

/** A minimal valid task config, and the message a damaged one fails with: shared by the config tests. */
final class ConfigFixtures {
    /** Surefire runs tests in the project folder, where the configs live. */
    static final Path CONFIGS = Path.of("configs");

    static final String VALID = """
        name: t
        description: d
        features:
          - {name: N, description: n}
          - {name: D, description: d}
        targets: [loss]
        parameter_budget: 3
        scale_axis: [N]
        holdout: {top_values: 1}
        """;

    private ConfigFixtures() {
    }

    /** The built-in tasks, as a parameter source. */
    static java.util.List<String> builtinTasks() {
        return TaskConfig.builtinTasks();
    }

    /** The one-line message reading {@code yaml} as {@code c.yaml} fails with. */
    static String error(String yaml) {
        return assertThrows(DataException.class, () -> ConfigReader.read(yaml, "c.yaml")).getMessage();
    }
}
